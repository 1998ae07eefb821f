/**
 * Shared scanning helpers of the redaction engine: regex matches without `matchAll` (`execAll`, shared with the secret
 * catalogue), and one character-class pass over a text whose facts gate the detectors' patterns.
 */

import { KeywordIndex } from '../keywords';

export { execAll } from '../text';

/** Characters whose presence one pass records (bits of `TextFacts.has`). */
export const CH_AT = 1 << 0; // @
export const CH_COLON = 1 << 1; // :
export const CH_HYPHEN = 1 << 2; // -
export const CH_DOT = 1 << 3; // .
export const CH_SLASH = 1 << 4; // /
export const CH_HASH = 1 << 5; // #
export const CH_EQUALS = 1 << 6; // =
export const CH_UPPER = 1 << 7; // A-Z
export const CH_NON_ASCII = 1 << 8; // anything above U+007F
export const CH_CJK = 1 << 9; // U+4E00..U+9FFF
export const CH_QUERY = 1 << 10; // ? & ;
export const CH_PLUS = 1 << 11; // +
export const CH_PAREN = 1 << 12; // (
export const CH_LOWER = 1 << 13; // a-z
export const CH_SPACE = 1 << 14; // space or tab

/**
 * Necessary-condition facts about a (normalised) text, from one pass: each detector skips a pattern the text cannot
 * match. Only facts that are cheap and exact are kept; a gate must never skip a pattern that could match.
 */
export interface TextFacts {
  /** CH_* bits of the characters present. */
  has: number;
  /** Number of ASCII digits. */
  digits: number;
  /** Longest run of consecutive ASCII digits. */
  maxRun: number;
  /** Longest run of consecutive ASCII hex digits (0-9, a-f, A-F). */
  hexRun: number;
  /**
   * Most ASCII digits in one chain of digits joined by at most one space or hyphen each (`/\d(?:[ -]?\d)*\/`):
   * card, SSN, Aadhaar, NHS … numbers are such chains.
   */
  sepRun: number;
  /** Longest run of ASCII digits right after an ASCII capital (`/[A-Z](\d+)/`): HKID, NRIC, IBAN, PAN … start so. */
  capRun: number;
}

/** Facts that skip nothing: every gate passes (tests compare gated detectors against this). */
export const ALL_FACTS: TextFacts = Object.freeze({ has: -1, digits: Number.MAX_SAFE_INTEGER, maxRun: Number.MAX_SAFE_INTEGER, hexRun: Number.MAX_SAFE_INTEGER, sepRun: Number.MAX_SAFE_INTEGER, capRun: Number.MAX_SAFE_INTEGER });

const DIGIT = 1 << 16;
const HEX_LETTER = 1 << 17;
/** Per ASCII code: its CH_* bit (if any), and whether it is a digit or a hex letter. */
const ASCII_CLASS = (() => {
  const t = new Int32Array(128);
  for (let c = 48; c <= 57; c++) t[c] = DIGIT;
  for (let c = 97; c <= 122; c++) t[c] = CH_LOWER | (c <= 102 ? HEX_LETTER : 0);
  for (let c = 65; c <= 90; c++) t[c] = CH_UPPER | (c <= 70 ? HEX_LETTER : 0);
  const bits: [string, number][] = [
    [' ', CH_SPACE], ['\t', CH_SPACE], ['@', CH_AT], [':', CH_COLON], ['-', CH_HYPHEN], ['.', CH_DOT], ['/', CH_SLASH], ['#', CH_HASH],
    ['=', CH_EQUALS], ['?', CH_QUERY], ['&', CH_QUERY], [';', CH_QUERY], ['+', CH_PLUS], ['(', CH_PAREN],
  ];
  for (const [ch, bit] of bits) t[ch.charCodeAt(0)] = bit;
  return t;
})();

export function textFacts(text: string): TextFacts {
  let has = 0;
  let digits = 0;
  let run = 0;
  let maxRun = 0;
  let hex = 0;
  let hexRun = 0;
  // sep: digits in the current chain; joint: the previous character was one separator right after a digit.
  let sep = 0;
  let sepRun = 0;
  let joint = false;
  // cap: whether the current digit run follows a capital; capital: whether the previous character is one.
  let cap = false;
  let capital = false;
  let capRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = ASCII_CLASS[c]!;
      if ((k & DIGIT) !== 0) {
        digits++;
        if (run === 0) cap = capital;
        sep = run > 0 || joint ? sep + 1 : 1;
        joint = false;
        capital = false;
        if (++run > maxRun) maxRun = run;
        if (++hex > hexRun) hexRun = hex;
        if (sep > sepRun) sepRun = sep;
        if (cap && run > capRun) capRun = run;
        continue;
      }
      joint = run > 0 && (c === 32 || c === 45);
      capital = (k & CH_UPPER) !== 0;
      run = 0;
      has |= k;
      if ((k & HEX_LETTER) !== 0) {
        if (++hex > hexRun) hexRun = hex;
      } else hex = 0;
      continue;
    }
    run = 0;
    hex = 0;
    joint = false;
    capital = false;
    has |= CH_NON_ASCII;
    if (c >= 0x4e00 && c <= 0x9fff) has |= CH_CJK;
  }
  // The table's private bits are not facts.
  return { has: has & ~(DIGIT | HEX_LETTER), digits, maxRun, hexRun, sepRun, capRun };
}

/**
 * Word gates: literal words a pattern cannot match without (`pass` for a password key, `arn:aws` for an ARN), looked
 * for in the lower-cased text. Every word any gate names is found in one pass (a KeywordIndex over all of them), once
 * per text: the last text's words are kept. A gate only says "cannot match"; the pattern's own test still decides.
 */
const gateWords = new Set<string>();
let wordGatesOn = true;

/** For tests: with word gates off every gate passes, so gated and ungated detectors can be compared. */
export function setWordGates(on: boolean): void {
  wordGatesOn = on;
}
let wordIndex: KeywordIndex | undefined;
let wordsOf: { lower: string; found: ReadonlySet<string> } | undefined;

function wordsIn(lower: string): ReadonlySet<string> {
  if (wordsOf !== undefined && wordsOf.lower === lower) return wordsOf.found;
  wordIndex ??= new KeywordIndex(gateWords);
  wordsOf = { lower, found: wordIndex.find(lower) };
  return wordsOf.found;
}

/**
 * A gate on lower-case words: true when `lower` holds at least one of them. Every match of the gated pattern must
 * contain one of the words (in lower case), so a false answer proves the pattern cannot match.
 */
export function wordGate(words: readonly string[]): (lower: string) => boolean {
  const list = [...words];
  for (const w of list) {
    if (w.length === 0 || w !== w.toLowerCase()) throw new Error(`gate word ${JSON.stringify(w)} must be non-empty lower case`);
    if (!gateWords.has(w)) {
      gateWords.add(w);
      wordIndex = undefined;
      wordsOf = undefined;
    }
  }
  return (lower) => {
    if (!wordGatesOn) return true;
    const found = wordsIn(lower);
    for (const w of list) if (found.has(w)) return true;
    return false;
  };
}

/**
 * `a.sort(cmp)` for the engine's short lists: an insertion sort below 32 elements (stable, like Array.prototype.sort,
 * so the order is the same), several times cheaper than the built-in sort's set-up on a handful of spans.
 */
export function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 32) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}
