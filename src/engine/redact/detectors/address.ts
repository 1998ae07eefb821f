/**
 * ADDRESS for Hong Kong, the US, the UK and Singapore: anchors (street line, flat/floor/block, postal code, district)
 * linked into one span when only separators and capitalised words stand between them. One anchor alone is not an
 * address, except a numbered street line.
 */
import { CH_CJK, CH_HASH, CH_HYPHEN, CH_SLASH, CH_UPPER, execAll, sortSmall, textFacts, wordGate, type TextFacts } from '../scan';
import { HK_PLACES } from '../gazetteer';
import type { Candidate, Detector, DetectInput } from '../types';

const SUFFIX =
  'Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Crescent|Cres|Close|Parkway|Pkwy|Highway|Hwy|Square|Sq|Circle|Cir|Path|Walk|Row|Hill|Gardens|Grove|Mews|Link|Rise|Central|Praya|Ring';

interface Anchor {
  start: number;
  end: number;
  strong: boolean;
  street?: boolean;
}

const upper = (f: TextFacts) => (f.has & CH_UPPER) !== 0;
const BLOCK_GATE = wordGate(['block', 'blk', 'tower', 'twr', 'phase']);
const SINGAPORE_GATE = wordGate(['singapore', 's(']);
const PO_BOX_GATE = wordGate(['box']);

/**
 * `gate`: characters every match needs (see scan.ts); `words`: a word gate on the lower-cased text. The pattern is
 * skipped when the text lacks them.
 */
/** Exported for tests: every match of a pattern must pass its gate, word gate and `pre` (test/unit/redact-speed.test.ts). */
export const ADDRESS_PATTERNS: readonly { re: RegExp; strong: boolean; street?: boolean; gate?: (f: TextFacts) => boolean; words?: (lower: string) => boolean; pre?: RegExp }[] = [
  // "123 Main Street", "8 Queen's Road Central", "221B Baker St.", "Blk 123 Ang Mo Kio Avenue 3"
  {
    re: new RegExp(`(?<![\\w/-])(?:(?:Blk|Block)\\s?)?\\d{1,5}[A-Za-z]?(?:-\\d{1,5})?,?\\s(?:[A-Z][A-Za-z'.-]{0,20}\\s){0,4}(?:${SUFFIX})\\b\\.?(?:\\s\\d{1,3}[A-Z]?\\b)?`, 'g'),
    strong: true,
    street: true,
    // The suffix always follows a whitespace character (the one after the number or after a word) and ends a word:
    // a scan for that alone is several times cheaper than the pattern, which most texts fail.
    pre: new RegExp(`\\s(?:${SUFFIX})\\b`),
  },
  { re: /\b(?:Flat|Room|Rm|Unit|Suite|Ste|Shop|Apt|Apartment)\.?\s?#?[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?\b/g, strong: true, gate: upper },
  { re: /(?<![\w/])(?:\d{1,3}|G|LG|UG)\/F\b/g, strong: true, gate: (f) => (f.has & CH_SLASH) !== 0 && upper(f) },
  { re: /\b(?:Block|Blk|Tower|Twr|Phase)\s?[A-Z0-9]{1,3}\b/g, strong: false, gate: upper, words: BLOCK_GATE },
  { re: /(?<![\w])#\d{1,3}-\d{1,5}\b/g, strong: true, gate: (f) => (f.has & CH_HASH) !== 0 && (f.has & CH_HYPHEN) !== 0 },
  { re: /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s\d{5}(?:-\d{4})?\b/g, strong: true, gate: (f) => f.maxRun >= 5 && upper(f) },
  // The outward code has a capital right before a digit (its first or second letter): `capRun` of one or more.
  { re: /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s\d[ABD-HJLNP-UW-Z]{2}\b/g, strong: true, gate: (f) => f.capRun >= 1 },
  { re: /\bSingapore\s?\(?\d{6}\)?|\bS\(\d{6}\)/g, strong: true, gate: (f) => f.maxRun >= 6 && upper(f), words: SINGAPORE_GATE },
  { re: /\bP\.?\s?O\.?\s?Box\s\d{1,6}\b/gi, strong: true, words: PO_BOX_GATE },
];

const PLACES = new RegExp(`(?<![\\w])(?:${[...HK_PLACES].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.]/g, '\\.')).join('|')})(?![\\w])`, 'g');
// Filler between anchors: separators and capitalised words (building, estate, city names), bounded.
const FILLER = /^(?:[\s,]|[A-Z][\w'.&-]{0,24}|of|the|on|de|la)*$/;
const CJK_ADDRESS =
  /(?:香港|九龍|九龙|新界)?(?:[\u4e00-\u9fff]{1,4}(?:區|区))?[\u4e00-\u9fff]{1,8}(?:道|街|路|里|徑|坊|圍)\d{1,4}(?:-\d{1,4})?(?:號|号)(?:[\u4e00-\u9fff]{1,10}(?:大廈|大厦|中心|廣場|广场|花園|花园|苑|邨|閣|阁|樓|楼|大樓))?(?:(?:\d{1,3}|地下)(?:樓|楼))?(?:[A-Z\d]{1,4}(?:室|座))?/g;

const byStartLongest = (a: Anchor, b: Anchor): number => a.start - b.start || b.end - a.end;

export const addressDetector: Detector = {
  name: 'address',
  detect({ text, lower, facts }: DetectInput): Candidate[] {
    const out: Candidate[] = [];
    const anchors: Anchor[] = [];
    const f = facts ?? textFacts(text);
    if (f.digits > 0) {
      for (const p of ADDRESS_PATTERNS) {
        if (p.gate && !p.gate(f)) continue;
        if (p.words && !p.words(lower)) continue;
        if (p.pre && !p.pre.test(text)) continue;
        const street = p.street === true;
        for (const m of execAll(p.re, text)) anchors.push({ start: m.index, end: m.index + m[0].length, strong: p.strong, street });
      }
    }
    if (anchors.length > 0) {
      for (const m of execAll(PLACES, text)) anchors.push({ start: m.index, end: m.index + m[0].length, strong: false });
    }
    sortSmall(anchors, byStartLongest);
    let i = 0;
    while (i < anchors.length) {
      const first = anchors[i]!;
      let end = first.end;
      let count = 1;
      let strong = first.strong ? 1 : 0;
      let street = first.street === true;
      let j = i + 1;
      for (; j < anchors.length; j++) {
        const a = anchors[j]!;
        if (a.start < end) {
          end = Math.max(end, a.end);
          street ||= a.street === true;
          continue;
        }
        const gap = text.slice(end, a.start);
        if (gap.length > 60 || (gap.match(/\n/g) ?? []).length > 1 || !FILLER.test(gap) || !/[,\n]|^\s$/.test(gap)) break;
        end = a.end;
        count++;
        if (a.strong) strong++;
        street ||= a.street === true;
      }
      const isAddress = (street && (count >= 2 || strong >= 1)) || (strong >= 1 && count >= 2 && (strong >= 2 || count >= 3));
      if (isAddress) out.push({ type: 'ADDRESS', start: first.start, end, score: street && count >= 2 ? 0.85 : street ? 0.6 : 0.7, noContext: true });
      i = j;
    }
    if ((f.has & CH_CJK) !== 0) {
      for (const m of execAll(CJK_ADDRESS, text)) out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.8, noContext: true });
    }
    return out;
  },
};
