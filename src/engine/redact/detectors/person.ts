/**
 * PERSON, best effort without a model: titles (Mr, Dr, 先生 …), cue phrases ("my name is", "Regards,"), and gazetteer
 * bigrams: given name + surname, Chinese surname + Cantonese given-name syllables in surname-first order
 * ("CHAN Tai Man", "Wong Siu-ming", "Peter Chan Tai-man"), and Chinese-script names next to titles or labels.
 */
import { CH_CJK, CH_UPPER, execAll, textFacts } from '../scan';
import { CANTONESE_GIVEN, CN_SURNAMES, FIRST_NAMES, HK_PLACES, SURNAMES } from '../gazetteer';
import type { Candidate, Detector, DetectInput } from '../types';

const PLACE_NAMES = new Set(HK_PLACES.map((p) => p.toLowerCase()));
const STOP = new Set(
  (
    'the this that these those a an and or but if then else when where what who why how hi hello dear hey thanks thank regards best ' +
    'cheers team all everyone folks guys sir madam customer client user admin support sales service services error warning info ' +
    'debug trace fatal exception null none true false amazon aws bedrock lambda claude sonnet haiku opus titan nova llama mistral ' +
    'cohere anthropic python node java javascript typescript react docker kubernetes github gitlab jira slack google microsoft azure ' +
    'apple linux windows mac ios android monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december street road avenue lane drive court way place building tower centre ' +
    'center plaza garden gardens estate house mansion block flat room floor unit kowloon island territories singapore london new ' +
    'york bank ltd limited inc corp company group holdings hk sg uk us usa please note see also bug fix feature release version ' +
    'api sdk cli url http https json yaml sql db id key token secret password region account stack function table bucket queue ' +
    'topic model prompt agent knowledge base guardrail invoke converse request response status code order ticket case issue'
  ).split(' '),
);

const CAP = "[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?";
const UPPER = '[A-Z]{2,}';
const TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Madam|Mdm|Mister)\.?\s/g;
const CUE =
  /(?:\b(?:my name is|name is|named|name:|full name:|customer name:|i am|i'm|this is|contact person:|contact:|from:|to:|cc:|attn:?|assigned to|reported by|raised by|requested by|approved by|signed by|dear|hi|hello|thanks|regards|sincerely|cheers|best),?\s{1,3})|(?:姓名|客戶|客户|聯絡人|联系人|收件人)[:：]?\s?/gi;
const TOKEN = new RegExp(`^(?:${CAP}|${UPPER})`);

function lowerWord(w: string): string {
  return w.toLowerCase();
}

/** Reads up to `max` name-like tokens from `pos`; returns their end offsets. */
function readTokens(text: string, pos: number, max: number): { end: number; words: string[] } {
  const words: string[] = [];
  let end = pos;
  let p = pos;
  while (words.length < max) {
    const m = TOKEN.exec(text.slice(p, p + 40));
    if (!m) break;
    const w = m[0];
    if (STOP.has(lowerWord(w)) && !(CN_SURNAMES.has(lowerWord(w)) && words.length === 0)) break;
    words.push(w);
    end = p + w.length;
    if (text[end] !== ' ' || !/[A-Z]/.test(text[end + 1] ?? '')) break;
    p = end + 1;
  }
  return { end, words };
}

const isGiven = (w: string) => w.split('-').every((s) => CANTONESE_GIVEN.has(s.toLowerCase()));
const known = (w: string) => {
  const l = w.toLowerCase();
  return FIRST_NAMES.has(l) || SURNAMES.has(l) || CN_SURNAMES.has(l) || isGiven(w);
};

/** Only multi-word place names can be confused with a run of name words. */
const MULTIWORD_PLACES = [...PLACE_NAMES].filter((p) => p.includes(' '));

function looksLikePlace(words: string[]): boolean {
  const joined = words.join(' ').toLowerCase();
  for (const place of MULTIWORD_PLACES) if (joined.includes(place) || place.includes(joined)) return true;
  return false;
}

const NAME_RUN = new RegExp(`(?<![\\w'-])(?:${CAP}|${UPPER})(?:\\s(?:${CAP}|${UPPER})){1,3}(?![\\w'-])`, 'g');
const PLACE_FOLLOWS = /^\s?(?:Road|Rd|Street|St|Avenue|Building|Bldg|Estate|Centre|Center|Plaza|Garden|Gardens|Court|Tower|House|Mansion|Station|Hospital|School|College|University|Park|Bay|Village|Industrial|Limited|Ltd|Inc|Bank)\b/;

function scoreRun(words: string[]): { score: number; take: number } {
  // Surname-first Chinese names: CHAN Tai Man, Chan Tai-man, Wong Siu Ming.
  const [w0, w1, w2, w3] = words.map((w) => w) as [string, string | undefined, string | undefined, string | undefined];
  const l0 = w0.toLowerCase();
  if (CN_SURNAMES.has(l0) && w1 && isGiven(w1)) {
    const take = w2 && isGiven(w2) && !w1.includes('-') ? 3 : 2;
    const upper = /^[A-Z]{2,}$/.test(w0);
    return { score: upper ? 0.8 : take === 3 || w1.includes('-') ? 0.75 : 0.6, take };
  }
  if (w1 && FIRST_NAMES.has(l0)) {
    const l1 = w1.toLowerCase();
    if (CN_SURNAMES.has(l1) && w2 && isGiven(w2)) return { score: 0.85, take: w3 && isGiven(w3) && !w2.includes('-') ? 4 : 3 };
    if (SURNAMES.has(l1) || CN_SURNAMES.has(l1)) return { score: 0.75, take: 2 };
    if (!STOP.has(l1) && /^[A-Z][a-z]{2,}/.test(w1)) return { score: 0.55, take: 2 };
  }
  return { score: 0, take: 0 };
}

const CJK_TITLE = /([\u4e00-\u9fff]{2,3})(?:先生|小姐|女士|太太|醫生|医生|教授)/g;
const CJK_LABEL = /(?:姓名|客戶|客户|聯絡人|联系人|收件人|負責人|负责人)[:：]?\s?([\u4e00-\u9fff]{2,3})/g;
const CJK_PATTERNS: readonly RegExp[] = [CJK_TITLE, CJK_LABEL];
const CJK_SURNAMES = new Set('陳陈黃黄李張张林王劉刘梁吳吴何鄭郑楊杨周謝谢郭曾朱羅罗蔡葉叶麥麦馮冯鄧邓許许胡徐蘇苏盧卢馬马高趙赵袁唐鍾钟區区譚谭歐欧孫孙程潘方余彭黎伍莫杜丘邱游姚廖施蕭萧何江'.split(''));

export const personDetector: Detector = {
  name: 'person',
  detect({ text, facts }: DetectInput): Candidate[] {
    const out: Candidate[] = [];
    const f = facts ?? textFacts(text);
    // Steps 1-3 read name tokens, which start with an ASCII capital: without one they find nothing.
    if ((f.has & CH_UPPER) !== 0) latinNames(text, out);
    // 4. Chinese-script names beside a title or a label.
    if ((f.has & CH_CJK) !== 0) cjkNames(text, out);
    return out;
  },
};

function latinNames(text: string, out: Candidate[]): void {
  // 1. Titles: Mr Chan, Dr. Mary Lee, Ms WONG Mei Ling.
  for (const m of execAll(TITLE, text)) {
    const pos = m.index + m[0].length;
    const { end, words } = readTokens(text, pos, 4);
    if (words.length > 0) out.push({ type: 'PERSON', start: pos, end, score: 0.85, noContext: true });
  }
  // 2. Cue phrases: "my name is Chan Tai Man", "Regards,\nPriya".
  for (const m of execAll(CUE, text)) {
    const pos = m.index + m[0].length;
    const cjk = /^[\u4e00-\u9fff]/.test(text[pos] ?? '');
    if (cjk) continue; // handled by CJK_LABEL
    const { end, words } = readTokens(text, pos, 4);
    if (words.length === 0) continue;
    const strongCue = /name|attn|contact|assigned|reported|raised|requested|approved|signed/i.test(m[0]);
    const anyKnown = words.some(known);
    if (!strongCue && !anyKnown) continue;
    if (looksLikePlace(words) || PLACE_FOLLOWS.test(text.slice(end, end + 14))) continue;
    out.push({ type: 'PERSON', start: pos, end, score: strongCue ? 0.8 : 0.65, noContext: true });
  }
  // 3. Gazetteer runs of capitalised words.
  for (const m of execAll(NAME_RUN, text)) {
    const words = m[0].split(/\s/);
    // Try each start within the run (a run may begin with a non-name: "Customer Peter Chan").
    for (let k = 0; k < words.length - 1; k++) {
      const { score, take } = scoreRun(words.slice(k));
      if (score === 0) continue;
      const taken = words.slice(k, k + take);
      if (looksLikePlace(taken)) break;
      const start = m.index + words.slice(0, k).reduce((n, w) => n + w.length + 1, 0);
      const end = start + taken.join(' ').length;
      if (PLACE_FOLLOWS.test(text.slice(end, end + 14))) break;
      out.push({ type: 'PERSON', start, end, score, noContext: true });
      k += take - 1;
    }
  }
}

function cjkNames(text: string, out: Candidate[]): void {
  for (const re of CJK_PATTERNS) {
    for (const m of execAll(re, text)) {
      const name = m[1]!;
      let start = m.index + m[0].indexOf(name);
      let n = name;
      // "請聯絡陳大文先生": keep the surname-led tail of the run.
      const at = [...n].findIndex((c) => CJK_SURNAMES.has(c));
      if (at < 0) continue;
      if (at > 0 && n.length - at >= 2) {
        start += at;
        n = n.slice(at);
      }
      out.push({ type: 'PERSON', start, end: start + n.length, score: 0.75, noContext: true });
    }
  }
}
