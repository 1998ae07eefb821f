/**
 * PHONE via libphonenumber-js (full metadata, so `isValid` checks number ranges). Regions are tried Hong Kong first,
 * then the rest of the region list. International numbers (+, 00) are redacted when valid; national numbers need a
 * national-looking grouping or a context word (phone, tel, WhatsApp, 電話 …).
 */
import { execAll } from '../scan';
import { Metadata, parsePhoneNumberFromString as parseWithMetadata, type CountryCode, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import { insideAny } from '../artefacts';
import { CONTEXT_WORDS, hasContext } from '../context';
import type { Candidate, Detector, DetectInput } from '../types';

// The full ("max") metadata, handed to the core API directly: `libphonenumber-js/max` does exactly this per call,
// through an arguments copy that costs a third of a national number's parse.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const METADATA = require('libphonenumber-js/metadata.max.json') as MetadataJson;
function parsePhoneNumberFromString(text: string, region?: CountryCode): PhoneNumber | undefined {
  return region === undefined ? parseWithMetadata(text, METADATA) : parseWithMetadata(text, region, METADATA);
}

/** The parts of libphonenumber's Metadata class that validity reads (its typings declare fewer of them). */
interface PlanView {
  selectNumberingPlan(country: string): void;
  hasTypes(): boolean;
  nationalNumberPattern(): string;
  type(type: string): { pattern(): string; possibleLengths(): readonly number[] | undefined } | undefined;
}
const PLAN = new Metadata(METADATA) as unknown as PlanView;
const WHOLE = new Map<string, RegExp>();
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

/** Whether the whole of `value` matches a metadata pattern; each pattern is compiled once (libphonenumber compiles it per test). */
function matchesWhole(value: string | undefined, pattern: string): boolean {
  let re = WHOLE.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${pattern})$`);
    WHOLE.set(pattern, re);
  }
  return re.test(value || '');
}

/**
 * `p.isValid()` with the metadata's patterns compiled once: the national number matches the plan's national pattern
 * and the pattern (and a possible length) of one number type, as libphonenumber's isValidNumber/getNumberType decide
 * (test/unit/redact-speed.test.ts compares the two).
 */
export function isValidPhone(p: PhoneNumber): boolean {
  PLAN.selectNumberingPlan(p.country || p.countryCallingCode);
  const national = p.nationalNumber as string | undefined;
  if (!PLAN.hasTypes()) return matchesWhole(national, PLAN.nationalNumberPattern());
  if (!p.country && !p.countryCallingCode) return false;
  if (!matchesWhole(national, PLAN.nationalNumberPattern())) return false;
  for (const t of NUMBER_TYPES) {
    const def = PLAN.type(t);
    if (!def || !def.pattern()) continue;
    const lengths = def.possibleLengths();
    if (lengths && lengths.indexOf((national ?? '').length) < 0) continue;
    if (matchesWhole(national, def.pattern())) return true;
  }
  return false;
}

export const PHONE_REGIONS: readonly CountryCode[] = ['HK', 'CN', 'MO', 'TW', 'SG', 'US', 'GB', 'AU', 'JP', 'IN', 'DE'];

const PHONE = /(?<![\w.+/\\-])(?:\+|00|\()?\d[\d \t().-]{5,22}\d(?![\w]|[.-]\d)/g;
const IPV4_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const YEARS = /^(?:19|20)\d{2}[ -](?:19|20)\d{2}$/;

interface Parsed {
  e164: string;
  valid: boolean;
}

/**
 * Cheap shape test of a national number per region (digits only), so libphonenumber only parses where it can match.
 * Loose on purpose: it only avoids hopeless parses; isValid() decides.
 */
const NATIONAL_SHAPE: Partial<Record<CountryCode, RegExp>> = {
  HK: /^[235-9]\d{7}$/,
  MO: /^[268]\d{7}$/,
  SG: /^[3689]\d{7}$/,
  CN: /^(?:1\d{10}|0\d{9,11})$/,
  TW: /^0\d{8,9}$/,
  US: /^1?[2-9]\d{9}$/,
  GB: /^0\d{9,10}$/,
  AU: /^0\d{9}$/,
  JP: /^0\d{9,10}$/,
  IN: /^0?[6-9]\d{9}$/,
  DE: /^0\d{5,13}$/,
};

function parse(value: string, regions: readonly CountryCode[]): Parsed | undefined {
  const intl = value.startsWith('+') || value.startsWith('00');
  if (intl) {
    const p = parsePhoneNumberFromString(value.startsWith('00') ? `+${value.slice(2)}` : value);
    return p ? { e164: p.number, valid: isValidPhone(p) } : undefined;
  }
  let possible: Parsed | undefined;
  const digits = value.replace(/\D/g, '');
  // "(852) 9123 4567": a country calling code in brackets.
  if (/^\(\d{2,3}\)/.test(value)) {
    const p = parsePhoneNumberFromString(`+${digits}`);
    if (p && isValidPhone(p)) return { e164: p.number, valid: true };
  }
  for (const r of regions) {
    const shape = NATIONAL_SHAPE[r];
    if (shape && !shape.test(digits)) continue;
    const p = parsePhoneNumberFromString(value, r);
    if (!p) continue;
    if (isValidPhone(p)) return { e164: p.number, valid: true };
    if (!possible && p.isPossible()) possible = { e164: p.number, valid: false };
  }
  return possible;
}

function candidates(raw: string): string[] {
  // Longest first, then shorter runs of whole groups (a phone followed by a year or an extension).
  const out = [raw];
  // The split needs a space or tab between digits.
  if (!raw.includes(' ') && !raw.includes('\t')) return out;
  const parts = raw.split(/(?<=\d)[ \t]+(?=\d)/);
  for (let g = parts.length - 1; g >= 2; g--) out.push(parts.slice(0, g).join(' '));
  return out;
}

export function makePhoneDetector(regions: readonly CountryCode[] = PHONE_REGIONS): Detector {
  return {
    name: 'phone',
    detect(input: DetectInput): Candidate[] {
      // `input.artefacts` is read only where a number-like match needs it (the pipeline finds them on first use).
      const { text, lower } = input;
      const out: Candidate[] = [];
      // A number needs seven digits; they need not be adjacent (`+33 1 23 45 67 89`).
      if ((input.facts ? input.facts.digits : (text.match(/\d/g) ?? []).length) < 7) return out;
      // Parses of this text's values (created on the first parse: most texts parse nothing).
      let cache: Map<string, Parsed | undefined> | undefined;
      for (const m of execAll(PHONE, text)) {
        const whole = m[0];
        // YEARS matches nine characters exactly; IPV4_LIKE needs a dot.
        if ((whole.includes('.') && IPV4_LIKE.test(whole)) || (whole.length === 9 && YEARS.test(whole))) continue;
        if (insideAny(input.artefacts, m.index, m.index + whole.length, true)) continue; // dates, ids, ports: not phones
        for (const cand of candidates(whole)) {
          let value = cand;
          // A leading "(" only belongs to the number when it closes: "(852) 9123 4567".
          if (value.startsWith('(') && !/^\(\+?\d{1,4}\)/.test(value)) continue;
          if (value.endsWith(')') && (value.match(/\(/g) ?? []).length < (value.match(/\)/g) ?? []).length) value = value.slice(0, -1);
          const digits = value.replace(/\D/g, '');
          if (digits.length < 7 || digits.length > 15) continue;
          const intl = /^(?:\+|00|\(\+)/.test(value);
          const grouped = /[ ().-]/.test(value.replace(/^\+/, ''));
          // Parsing is the expensive part: an ungrouped national number without context cannot pass the threshold.
          // The context test (pure) runs only where its answer is used.
          let context: boolean | undefined;
          if (!intl && !grouped) {
            context = hasContext(lower, m.index, m.index + value.length, CONTEXT_WORDS.PHONE!);
            if (!context) continue;
          }
          cache ??= new Map();
          let p: Parsed | undefined;
          if (cache.has(value)) p = cache.get(value);
          else {
            p = parse(value, regions);
            cache.set(value, p);
          }
          if (!p) continue;
          context ??= hasContext(lower, m.index, m.index + value.length, CONTEXT_WORDS.PHONE!);
          let score: number;
          if (p.valid) score = intl ? 0.9 : grouped ? 0.55 : 0.3;
          else score = intl ? 0.35 : 0.2;
          if (context) score += 0.35;
          if (score < 0.5) continue;
          out.push({ type: 'PHONE', start: m.index, end: m.index + value.length, score: Math.min(score, 1), canonical: p.e164, noContext: true });
          break;
        }
      }
      return out;
    },
  };
}

export const phoneDetector = makePhoneDetector();
