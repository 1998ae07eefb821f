/**
 * ADDRESS for Hong Kong, the US, the UK and Singapore: anchors (street line, flat/floor/block, postal code, district)
 * linked into one span when only separators and capitalised words stand between them. One anchor alone is not an
 * address, except a numbered street line.
 */
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

const PATTERNS: readonly { re: RegExp; strong: boolean; street?: boolean }[] = [
  // "123 Main Street", "8 Queen's Road Central", "221B Baker St.", "Blk 123 Ang Mo Kio Avenue 3"
  {
    re: new RegExp(`(?<![\\w/-])(?:(?:Blk|Block)\\s?)?\\d{1,5}[A-Za-z]?(?:-\\d{1,5})?,?\\s(?:[A-Z][A-Za-z'.-]{0,20}\\s){0,4}(?:${SUFFIX})\\b\\.?(?:\\s\\d{1,3}[A-Z]?\\b)?`, 'g'),
    strong: true,
    street: true,
  },
  { re: /\b(?:Flat|Room|Rm|Unit|Suite|Ste|Shop|Apt|Apartment)\.?\s?#?[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?\b/g, strong: true },
  { re: /(?<![\w/])(?:\d{1,3}|G|LG|UG)\/F\b/g, strong: true },
  { re: /\b(?:Block|Blk|Tower|Twr|Phase)\s?[A-Z0-9]{1,3}\b/g, strong: false },
  { re: /(?<![\w])#\d{1,3}-\d{1,5}\b/g, strong: true },
  { re: /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s\d{5}(?:-\d{4})?\b/g, strong: true },
  { re: /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s\d[ABD-HJLNP-UW-Z]{2}\b/g, strong: true },
  { re: /\bSingapore\s?\(?\d{6}\)?|\bS\(\d{6}\)/g, strong: true },
  { re: /\bP\.?\s?O\.?\s?Box\s\d{1,6}\b/gi, strong: true },
];

const PLACES = new RegExp(`(?<![\\w])(?:${[...HK_PLACES].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.]/g, '\\.')).join('|')})(?![\\w])`, 'g');
// Filler between anchors: separators and capitalised words (building, estate, city names), bounded.
const FILLER = /^(?:[\s,]|[A-Z][\w'.&-]{0,24}|of|the|on|de|la)*$/;
const CJK_ADDRESS =
  /(?:香港|九龍|九龙|新界)?(?:[\u4e00-\u9fff]{1,4}(?:區|区))?[\u4e00-\u9fff]{1,8}(?:道|街|路|里|徑|坊|圍)\d{1,4}(?:-\d{1,4})?(?:號|号)(?:[\u4e00-\u9fff]{1,10}(?:大廈|大厦|中心|廣場|广场|花園|花园|苑|邨|閣|阁|樓|楼|大樓))?(?:(?:\d{1,3}|地下)(?:樓|楼))?(?:[A-Z\d]{1,4}(?:室|座))?/g;

export const addressDetector: Detector = {
  name: 'address',
  detect({ text }: DetectInput): Candidate[] {
    const out: Candidate[] = [];
    const anchors: Anchor[] = [];
    if (/\d/.test(text)) {
      for (const p of PATTERNS) for (const m of text.matchAll(p.re)) anchors.push({ start: m.index, end: m.index + m[0].length, strong: p.strong, ...(p.street ? { street: true } : {}) });
    }
    if (anchors.length > 0) {
      for (const m of text.matchAll(PLACES)) anchors.push({ start: m.index, end: m.index + m[0].length, strong: false });
    }
    anchors.sort((a, b) => a.start - b.start || b.end - a.end);
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
    if (/[\u4e00-\u9fff]/.test(text)) {
      for (const m of text.matchAll(CJK_ADDRESS)) out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.8, noContext: true });
    }
    return out;
  },
};
