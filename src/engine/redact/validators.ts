/**
 * Checksum and structure validators. Each takes the candidate as detected (separators allowed) and returns true only
 * for a value that can be real. Written from the published algorithms; `stdnum` is used where it covers a format.
 */
import { stdnum } from 'stdnum';

type Validator = { validate(v: string): { isValid: boolean } };
/** A stdnum validator that must exist (the library's index type marks every country optional). */
function std(country: string, name: string): Validator {
  const v = (stdnum as Record<string, Record<string, Validator> | undefined>)[country]?.[name];
  if (!v) throw new Error(`stdnum has no ${country}.${name}`);
  return v;
}
const CN_RIC = std('CN', 'ric');
const GB_NINO = std('GB', 'nino');
const TW_NATID = std('TW', 'natid');
const IN_AADHAAR = std('IN', 'aadhaar');
const IN_PAN = std('IN', 'pan');
const KR_RRN = std('KR', 'rrn');
const CA_SIN = std('CA', 'sin');
const AU_TFN = std('AU', 'tfn');
import { isValidIBAN, electronicFormatIBAN } from './iban';

const onlyAlnum = (s: string) => s.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
const onlyDigits = (s: string) => s.replace(/\D/g, '');

/** Luhn (mod 10) over the digits of `s`. */
export function luhn(s: string): boolean {
  const d = onlyDigits(s);
  if (d.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let v = d.charCodeAt(i) - 48;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Card issuer prefixes (IIN ranges) and lengths of the networks a developer is likely to paste. */
export function cardIssuer(digits: string): string | undefined {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits.startsWith('4') && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19) return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if (p2 === 62 && n >= 16 && n <= 19) return 'unionpay';
  if ((p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305) || p3 === 309) && n >= 14 && n <= 19) return 'diners';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69)) && n >= 12 && n <= 19) return 'maestro';
  return undefined;
}

export function validCard(s: string): boolean {
  const d = onlyDigits(s);
  return d.length >= 12 && d.length <= 19 && cardIssuer(d) !== undefined && luhn(d) && !/^(\d)\1+$/.test(d);
}

/** IBAN: per-country length and BBAN structure + ISO 7064 mod 97-10 (ibantools). */
export function validIban(s: string): boolean {
  const e = electronicFormatIBAN(s);
  return e !== null && isValidIBAN(e);
}

/** Mod 97-10 alone (used to tell "IBAN-shaped, wrong check digits" from "not an IBAN"). */
export function ibanShape(s: string): boolean {
  const e = onlyAlnum(s);
  return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(e);
}

/**
 * US SSN structure (no checksum exists): area not 000, 666 or 900-999; group not 00; serial not 0000; not all one
 * digit; not the numbers famously published in advertising (078-05-1120, 219-09-9999) or sequences.
 */
export function validSsn(s: string): boolean {
  const d = onlyDigits(s);
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  const group = Number(d.slice(3, 5));
  const serial = Number(d.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  if (/^(\d)\1{8}$/.test(d)) return false;
  return !['078051120', '219099999', '123456789', '987654321'].includes(d);
}

/** US ITIN: 9xx, group 50-65, 70-88, 90-92 or 94-99. */
export function validItin(s: string): boolean {
  const d = onlyDigits(s);
  if (d.length !== 9 || d[0] !== '9') return false;
  const g = Number(d.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/**
 * HKID: one or two letters, six digits, a check digit 0-9 or A. Weighted sum with a leading space worth 36 for
 * single-letter ids, letters A=10 … Z=35, weights 9..2 (then 1 for the check digit); valid when divisible by 11.
 */
export function validHkid(s: string): boolean {
  const v = onlyAlnum(s);
  const m = /^([A-Z]{1,2})(\d{6})([0-9A])$/.exec(v);
  if (!m) return false;
  const letters = m[1]!.length === 1 ? ` ${m[1]!}` : m[1]!;
  const val = (c: string) => (c === ' ' ? 36 : c.charCodeAt(0) - 55);
  let sum = val(letters[0]!) * 9 + val(letters[1]!) * 8;
  for (let i = 0; i < 6; i++) sum += (m[2]!.charCodeAt(i) - 48) * (7 - i);
  sum += m[3] === 'A' ? 10 : Number(m[3]);
  return sum % 11 === 0;
}

/** Computes the HKID check character for letters + six digits (tests and the dev-set generator use it). */
export function hkidCheckDigit(prefix: string, digits: string): string {
  const letters = prefix.length === 1 ? ` ${prefix}` : prefix;
  const val = (c: string) => (c === ' ' ? 36 : c.charCodeAt(0) - 55);
  let sum = val(letters[0]!) * 9 + val(letters[1]!) * 8;
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * (7 - i);
  const r = (11 - (sum % 11)) % 11;
  return r === 10 ? 'A' : String(r);
}

const NRIC_ST = 'JZIHGFEDCBA';
const NRIC_FG = 'XWUTRQPNMLK';
const NRIC_M = 'XWUTRQPNJLK';

/** Singapore NRIC/FIN check letter: weights 2,7,6,5,4,3,2; offset 4 for T/G, 3 for M; letter table per series. */
export function nricCheckLetter(prefix: string, digits: string): string | undefined {
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (digits.charCodeAt(i) - 48) * w[i]!;
  if (prefix === 'T' || prefix === 'G') sum += 4;
  if (prefix === 'M') sum += 3;
  const r = sum % 11;
  if (prefix === 'S' || prefix === 'T') return NRIC_ST[r];
  if (prefix === 'F' || prefix === 'G') return NRIC_FG[r];
  if (prefix === 'M') return NRIC_M[r];
  return undefined;
}

export function validNric(s: string): boolean {
  const v = onlyAlnum(s);
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(v);
  return m !== null && nricCheckLetter(m[1]!, m[2]!) === m[3];
}

/** Mainland China resident identity card: region + birth date + sequence + ISO 7064 MOD 11-2 check (stdnum). */
export function validCnRic(s: string): boolean {
  return CN_RIC.validate(onlyAlnum(s)).isValid;
}

/** UK National Insurance number: prefix rules and suffix A-D (stdnum). */
export function validNino(s: string): boolean {
  return GB_NINO.validate(onlyAlnum(s)).isValid;
}

/** NHS number: 10 digits, weights 10..2, check = 11 - (sum mod 11), 11 → 0, 10 invalid. */
export function validNhs(s: string): boolean {
  const d = onlyDigits(s);
  if (d.length !== 10 || /^(\d)\1{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === d.charCodeAt(9) - 48;
}

export const validTwId = (s: string) => TW_NATID.validate(onlyAlnum(s)).isValid;
/** Verhoeff check (dihedral group D5): multiplication table, position permutation; valid when the product is 0. */
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
export function verhoeff(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![digits.charCodeAt(digits.length - 1 - i) - 48]!]!;
  return c === 0;
}

/**
 * Aadhaar: twelve digits, not starting with 0 or 1, Verhoeff check (stdnum has the last word). The shape and the
 * check are tested here first: most 12-digit runs in developer text fail them, and stdnum's failure path builds an
 * Error object (a stack trace) per call.
 */
export function validAadhaar(s: string): boolean {
  const d = onlyDigits(s);
  if (d.length !== 12 || d[0] === '0' || d[0] === '1' || !verhoeff(d)) return false;
  return IN_AADHAAR.validate(d).isValid;
}
export const validPan = (s: string) => IN_PAN.validate(onlyAlnum(s)).isValid;
export const validKrRrn = (s: string) => KR_RRN.validate(onlyDigits(s)).isValid;
export const validCaSin = (s: string) => CA_SIN.validate(onlyDigits(s)).isValid;
export const validAuTfn = (s: string) => AU_TFN.validate(onlyDigits(s)).isValid;

/** ICAO 9303 machine-readable-zone check digit (weights 7,3,1; < = 0, A = 10 …). */
export function mrzCheckDigit(field: string): number {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    const v = c === '<' ? 0 : c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * w[i % 3]!;
  }
  return sum % 10;
}

/** A plausible calendar date (used by DATE_OF_BIRTH and id formats embedding a birth date). */
export function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** IPv4 dotted quad with every octet ≤ 255 and no leading zeros beyond a single 0. */
export function validIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** IPv6 (full, compressed, or with an embedded IPv4 tail), written without zone ids. */
export function validIpv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  let head = s;
  let tailGroups = 0;
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) !== -1) {
    if (!validIpv4(s.slice(lastColon + 1))) return false;
    head = s.slice(0, lastColon + 1) + '0';
    tailGroups = 1;
  }
  const dbl = head.indexOf('::');
  if (dbl !== -1 && head.indexOf('::', dbl + 1) !== -1) return false;
  const groupOk = (g: string) => /^[0-9A-Fa-f]{1,4}$/.test(g);
  if (dbl === -1) {
    const groups = head.split(':');
    return groups.length + tailGroups === 8 && groups.every(groupOk);
  }
  const left = head.slice(0, dbl);
  const right = head.slice(dbl + 2);
  const lg = left === '' ? [] : left.split(':');
  const rg = right === '' ? [] : right.split(':');
  return lg.every(groupOk) && rg.every(groupOk) && lg.length + rg.length + tailGroups <= 7;
}
