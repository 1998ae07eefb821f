/**
 * Checksummed numbers and national identifiers: CREDIT_CARD, IBAN, US_SSN, US_ITIN, HKID, SG_NRIC, CN_RESIDENT_ID,
 * UK_NINO, UK_NHS, TW_NATIONAL_ID, IN_AADHAAR, IN_PAN, KR_RRN, CA_SIN, AU_TFN, PASSPORT (context only).
 * A shape that fails its checksum is returned with `valid: false` ("possible"), only where the shape is distinctive.
 */
import { CH_UPPER, execAll, textFacts, wordGate, type TextFacts } from '../scan';
import { countrySpecs } from '../iban';
import type { Candidate, Detector, DetectInput, EntityType } from '../types';
import * as v from '../validators';

const digitsOf = (s: string) => s.replace(/\D/g, '');
const alnumOf = (s: string) => s.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

function push(out: Candidate[], type: EntityType, start: number, value: string, score: number, valid?: boolean, canonical?: string): void {
  // Two literal shapes rather than a conditional spread (same objects, no spread copy per candidate).
  if (valid === false) out.push({ type, start, end: start + value.length, score, valid, canonical: canonical ?? alnumOf(value) });
  else out.push({ type, start, end: start + value.length, score, canonical: canonical ?? alnumOf(value) });
}

const NONE: readonly RegExpExecArray[] = [];

const CARD = /(?<![\w.-])\d(?:[ -]?\d){11,22}(?![\w-])/g;

/** Cards: try the whole run, then shorter prefixes of its groups (a card followed by an expiry or CVV). */
function findCards(text: string, out: Candidate[]): void {
  for (const m of execAll(CARD, text)) {
    const raw = m[0];
    const groups = raw.split(/[ -]/);
    let matched = false;
    let possible: string | undefined;
    for (let g = groups.length; g >= 1 && !matched; g--) {
      const part = groups.slice(0, g).join(raw[groups[0]!.length] ?? ' ');
      const value = raw.slice(0, part.length);
      const d = digitsOf(value);
      if (d.length < 12 || d.length > 19) continue;
      const grouped = g > 1;
      const seps = value.replace(/\d/g, '');
      if (seps.length > 0 && !/^( +|-+)$/.test(seps)) continue; // mixed separators
      if (v.validCard(d)) {
        push(out, 'CREDIT_CARD', m.index, value, grouped ? 0.95 : 0.7, undefined, d);
        matched = true;
      } else if (!possible && v.cardIssuer(d) && (d.length === 16 || d.length === 15) && (grouped || d.length === 16)) possible = value;
    }
    if (!matched && possible) push(out, 'CREDIT_CARD', m.index, possible, 0.5, false, digitsOf(possible));
  }
}

const IBAN = /(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,34}(?![\w])/g;

function findIbans(text: string, out: Candidate[]): void {
  for (const m of execAll(IBAN, text)) {
    const raw = m[0];
    const country = raw.slice(0, 2);
    const spec = countrySpecs[country];
    if (!spec?.chars) continue;
    // Trim trailing words ("… 5432 FOR" in upper-case text) until a prefix validates.
    let value = raw;
    let valid = false;
    for (let guard = 0; guard < 12; guard++) {
      if (alnumOf(value).length === spec.chars && v.validIban(value)) {
        valid = true;
        break;
      }
      const cut = value.lastIndexOf(' ');
      if (cut < 4) break;
      value = value.slice(0, cut);
    }
    if (valid) push(out, 'IBAN', m.index, value, 0.95);
    else {
      // Right length for its country but a wrong check: possible.
      let p = raw;
      while (alnumOf(p).length > spec.chars && p.lastIndexOf(' ') > 4) p = p.slice(0, p.lastIndexOf(' '));
      if (alnumOf(p).length === spec.chars) push(out, 'IBAN', m.index, p, 0.5, false);
    }
  }
}

const SSN = /(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])/g;
const NINE = /(?<![\w-])\d{9}(?![\w-])/g;

const SSN_WORDS = /ssn|social security|itin|taxpayer/;
const SSN_GATE = wordGate(['ssn', 'social security', 'itin', 'taxpayer']);

function findSsns(text: string, lower: string, out: Candidate[], f: TextFacts): void {
  const run = f.maxRun;
  if (run < 4) return; // every shape below has a run of four digits or more
  // 123-45-6789: a chain of nine digits.
  for (const m of f.sepRun < 9 ? NONE : execAll(SSN, text)) {
    const value = m[0];
    if (v.validItin(value)) push(out, 'US_ITIN', m.index, value, 0.8, undefined, digitsOf(value));
    else if (v.validSsn(value)) push(out, 'US_SSN', m.index, value, m[1] === '-' ? 0.8 : 0.55, undefined, digitsOf(value));
    else if (m[1] === '-') push(out, value.startsWith('9') ? 'US_ITIN' : 'US_SSN', m.index, value, 0.5, false, digitsOf(value));
  }
  if (run >= 9 && SSN_GATE(lower) && SSN_WORDS.test(lower)) {
    for (const m of execAll(NINE, text)) {
      if (v.validItin(m[0])) push(out, 'US_ITIN', m.index, m[0], 0.2);
      else if (v.validSsn(m[0])) push(out, 'US_SSN', m.index, m[0], 0.2);
    }
  }
}

const HKID = /(?<![\w])[A-Z]{1,2}\d{6}(?:\s?\(([0-9A])\)|([0-9A]))?(?![\w(])/g;
const NRIC = /(?<![\w])[STFGM]\d{7}[A-Z](?![\w])/g;
const CN_RIC = /(?<![\w])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\w])/g;
const NINO = /(?<![\w])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])/g;
const NHS = /(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])/g;
const TW_ID = /(?<![\w])[A-Z][12]\d{8}(?![\w])/g;
const AADHAAR = /(?<![\w-])[2-9]\d{3}([ -]?)\d{4}\1\d{4}(?![\w-])/g;
const PAN = /(?<![\w])[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z](?![\w])/g;
const KR_RRN = /(?<![\w-])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-[1-8]\d{6}(?![\w-])/g;
const CA_SIN = /(?<![\w-])\d{3}([ -]?)\d{3}\1\d{3}(?![\w-])/g;
const AU_TFN = /(?<![\w-])\d{3} ?\d{3} ?\d{2,3}(?![\w-])/g;
const PASSPORT = /(?<![\w])(?:[A-Z]{1,2}\d{6,9}|\d{9})(?![\w])/g;

const SIN_WORDS = /\bsin\b|social insurance/;
const SIN_GATE = wordGate(['sin', 'social insurance']);
const TFN_WORDS = /\btfn\b|tax file/;
const TFN_GATE = wordGate(['tfn', 'tax file']);
const PASSPORT_WORDS = /passport|travel document|護照|护照/;
const PASSPORT_GATE = wordGate(['passport', 'travel document', '護照', '护照']);

/**
 * Facts of the text gate each shape (see scan.ts): `maxRun`, the longest run of ASCII digits; `capRun`, the longest
 * run right after a capital (HKID six, NRIC seven, TW nine, PAN four); `sepRun`, the most digits in a chain joined by
 * single spaces or hyphens (Aadhaar twelve, RRN thirteen, SIN nine …). Shapes the text cannot hold are not scanned.
 */
function findIds(text: string, lower: string, out: Candidate[], f: TextFacts, upper: boolean): void {
  const run = f.maxRun;
  const cap = f.capRun;
  const chain = f.sepRun;
  if (run < 2) return;
  for (const m of cap < 6 ? NONE : execAll(HKID, text)) {
    const check = m[1] ?? m[2];
    if (check === undefined) {
      push(out, 'HKID', m.index, m[0], 0.25); // no check digit: needs HKID context
      continue;
    }
    if (v.validHkid(m[0])) push(out, 'HKID', m.index, m[0], 0.9);
    else if (m[1] !== undefined) push(out, 'HKID', m.index, m[0], 0.5, false);
  }
  for (const m of cap < 7 ? NONE : execAll(NRIC, text)) {
    const ok = v.validNric(m[0]);
    push(out, 'SG_NRIC', m.index, m[0], ok ? 0.9 : 0.5, ok ? undefined : false);
  }
  for (const m of run < 17 ? NONE : execAll(CN_RIC, text)) {
    const ok = v.validCnRic(m[0]);
    push(out, 'CN_RESIDENT_ID', m.index, m[0], ok ? 0.95 : 0.5, ok ? undefined : false);
  }
  for (const m of !upper || chain < 6 ? NONE : execAll(NINO, text)) {
    if (v.validNino(m[0])) push(out, 'UK_NINO', m.index, m[0], 0.85);
  }
  if (chain >= 10 && lower.includes('nhs')) {
    for (const m of execAll(NHS, text)) if (v.validNhs(m[0])) push(out, 'UK_NHS', m.index, m[0], 0.3, undefined, digitsOf(m[0]));
  }
  for (const m of cap < 9 ? NONE : execAll(TW_ID, text)) if (v.validTwId(m[0])) push(out, 'TW_NATIONAL_ID', m.index, m[0], 0.8);
  for (const m of chain < 12 ? NONE : execAll(AADHAAR, text)) {
    if (v.validAadhaar(m[0])) push(out, 'IN_AADHAAR', m.index, m[0], m[1] ? 0.55 : 0.3, undefined, digitsOf(m[0]));
  }
  for (const m of cap < 4 ? NONE : execAll(PAN, text)) if (v.validPan(m[0])) push(out, 'IN_PAN', m.index, m[0], 0.55);
  for (const m of chain < 13 ? NONE : execAll(KR_RRN, text)) if (v.validKrRrn(m[0])) push(out, 'KR_RRN', m.index, m[0], 0.75, undefined, digitsOf(m[0]));
  if (chain >= 9 && SIN_GATE(lower) && SIN_WORDS.test(lower)) {
    for (const m of execAll(CA_SIN, text)) if (v.validCaSin(m[0])) push(out, 'CA_SIN', m.index, m[0], 0.3, undefined, digitsOf(m[0]));
  }
  if (chain >= 8 && TFN_GATE(lower) && TFN_WORDS.test(lower)) {
    for (const m of execAll(AU_TFN, text)) if (v.validAuTfn(m[0])) push(out, 'AU_TFN', m.index, m[0], 0.3, undefined, digitsOf(m[0]));
  }
  if (run >= 6 && PASSPORT_GATE(lower) && PASSPORT_WORDS.test(lower)) {
    for (const m of execAll(PASSPORT, text)) push(out, 'PASSPORT', m.index, m[0], 0.2);
  }
}

export const identifierDetector: Detector = {
  name: 'identifiers',
  detect({ text, lower, facts }: DetectInput): Candidate[] {
    const out: Candidate[] = [];
    const f: TextFacts = facts ?? textFacts(text);
    // `maxRun`: the longest run of ASCII digits (`\d` without the u flag is exactly 0-9).
    const run = f.maxRun;
    if (run === 0) return out;
    const upper = (f.has & CH_UPPER) !== 0;
    // A card is a chain of 12 digits or more.
    if (f.sepRun >= 12) findCards(text, out);
    // An IBAN starts with two upper-case letters and two digits.
    if (f.capRun >= 2) findIbans(text, out);
    findSsns(text, lower, out, f);
    findIds(text, lower, out, f, upper);
    return out;
  },
};
