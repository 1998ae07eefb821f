/** Keyword-anchored values: PASSWORD and DATE_OF_BIRTH; and the CUSTOM deny-list. */
import { execAll, wordGate } from '../scan';
import type { Candidate, Detector, DetectInput } from '../types';
import { validDate } from '../validators';

const PASSWORD =
  /(?<![\w])(?:[a-z0-9_.-]{0,24}(?:password|passwd|passphrase|pwd)|pass|pw|密碼|密码|口令)["']?\s{0,3}(?:[:=：]|=>|:=|\bis\b|\bwas\b)\s{0,3}(?:"([^"\n]{1,128})"|'([^'\n]{1,128})'|`([^`\n]{1,128})`|([^\s"'`,;]{1,128}))/gi;
const NOT_A_PASSWORD =
  /^(?:\$\{?[\w.]+\}?|<[^>]*>|\{\{?[^}]*\}?\}|%[\w(]+\)?s?|\*+|x{3,}|\.{3}|none|null|nil|undefined|true|false|required|optional|str|string|text|int|bool|secret|password|passwd|pwd|env|process\.env.*|os\.environ.*|os\.getenv.*|getenv.*|\[[A-Z_]+_\d+\]|\[redacted\]|redacted|hidden|masked|not set|empty|prompt|input|field|reset|change|expired|incorrect|invalid|wrong|required\.?|must|should|the|a|an|is|to|for|and|or)$/i;

const PASSWORD_WORDS = /pass|pwd|pw\b|密碼|密码|口令/;
const PASSWORD_GATE = wordGate(['pass', 'pw', '密碼', '密码', '口令']);

function findPasswords(text: string, lower: string): Candidate[] {
  if (!PASSWORD_GATE(lower) || !PASSWORD_WORDS.test(lower)) return [];
  const out: Candidate[] = [];
  for (const m of execAll(PASSWORD, text)) {
    const val = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (val === undefined) continue;
    const quoted = m[4] === undefined;
    let value = val;
    if (!quoted) value = value.replace(/[.)\]}>]+$/, ''); // sentence punctuation
    if (value.length < 3 || NOT_A_PASSWORD.test(value.trim())) continue;
    if (!quoted && (/[()]/.test(value) || /^[a-z_]+\.[a-z_.]+$/i.test(value) || /^(?:self|this|config|settings|env|args|opts|options|req|params)\b/.test(value))) continue;
    const start = m.index + m[0].length - val.length - (quoted ? 1 : 0);
    out.push({ type: 'PASSWORD', start, end: start + value.length, score: 0.8, noContext: true });
  }
  return out;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DOB = new RegExp(
  `(?:\\bdob\\b|\\bd\\.o\\.b\\.?|date of birth|\\bbirth ?date|\\bbirthday|\\bborn(?: on| in)?|出生日期|出生|生日)["']?\\s{0,3}[:：=-]?\\s{0,3}(?:is\\s|was\\s|on\\s)?` +
    `(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\\.?,? \\d{4}|(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{4}年\\d{1,2}月\\d{1,2}日)`,
  'gi',
);

function plausible(date: string): boolean {
  const nums = date.match(/\d+/g)?.map(Number) ?? [];
  if (nums.length < 3) return true; // month names: the regex already bounds them
  const [a, b, c] = nums as [number, number, number];
  if (a > 999) return validDate(a, b, c);
  const y = c < 100 ? 1900 + c : c;
  return validDate(y, b, a) || validDate(y, a, b);
}

const DOB_WORDS = /dob|d\.o\.b|birth|born|出生|生日/;
const DOB_GATE = wordGate(['dob', 'd.o.b', 'birth', 'born', '出生', '生日']);

function findDob(text: string, lower: string): Candidate[] {
  if (!DOB_GATE(lower) || !DOB_WORDS.test(lower)) return [];
  const out: Candidate[] = [];
  for (const m of execAll(DOB, text)) {
    const date = m[1]!;
    if (!plausible(date)) continue;
    const start = m.index + m[0].length - date.length;
    out.push({ type: 'DATE_OF_BIRTH', start, end: start + date.length, score: 0.85, noContext: true });
  }
  return out;
}

export const keyedDetector: Detector = {
  name: 'keyed',
  detect({ text, lower }: DetectInput): Candidate[] {
    return [...findPasswords(text, lower), ...findDob(text, lower)];
  },
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The CUSTOM deny-list: each term redacted wherever it occurs as a whole word (case-insensitive). */
export function makeDenyListDetector(terms: readonly string[]): Detector | undefined {
  const clean = [...new Set(terms.map((t) => t.normalize('NFKC').trim()).filter((t) => t.length > 0 && t.length <= 200))].slice(0, 5000);
  if (clean.length === 0) return undefined;
  clean.sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${clean.map(escapeRe).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return {
    name: 'deny-list',
    detect({ text }: DetectInput): Candidate[] {
      const out: Candidate[] = [];
      for (const m of execAll(re, text)) out.push({ type: 'CUSTOM', start: m.index, end: m.index + m[0].length, score: 1, noContext: true, canonical: m[0].toLowerCase() });
      return out;
    },
  };
}
