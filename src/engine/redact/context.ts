import type { EntityType } from './types';

/**
 * Context words per type, looked for in a window before the candidate (and a short one after). Matching them adds
 * CONTEXT_BOOST to the candidate's score (Presidio's recipe); context-only types start below the threshold and need
 * them. Written lower-case; the window is matched against the lower-cased normalised text.
 */
export const CONTEXT_WORDS: Partial<Record<EntityType, RegExp>> = {
  PHONE: /\b(?:phone|tel|telephone|mobile|mob|cell|cellphone|call(?:ed|ing)?|text|sms|whats ?app|signal|contact|fax|hotline|dial|ring|ph)\b|電話|手機|手机|聯絡|联系|聯系|致電|whatsapp/,
  CREDIT_CARD: /\b(?:card|credit|debit|visa|master ?card|amex|pan|cc|payment|paid|charge[ds]?)\b|信用卡|卡號|卡号/,
  IBAN: /\b(?:iban|account|bank|transfer|wire|sepa|payee|beneficiary)\b/,
  US_SSN: /\b(?:ssn|social security|social sec|ss#|ss no)\b/,
  US_ITIN: /\b(?:itin|taxpayer|tax id|tin)\b/,
  HKID: /\b(?:hkid|hkic|hong kong id|identity card|id card|id no|id number)\b|身份證|身分證|香港身份/,
  SG_NRIC: /\b(?:nric|fin|ic no|ic number|identity card)\b/,
  CN_RESIDENT_ID: /\b(?:resident id|id card|identity|citizen id|prc id)\b|身份证|身份證/,
  UK_NINO: /\b(?:nino|national insurance|ni number|ni no)\b/,
  UK_NHS: /\b(?:nhs)\b/,
  TW_NATIONAL_ID: /\b(?:taiwan|national id|roc id|id no)\b|身分證|統一編號/,
  IN_AADHAAR: /\b(?:aadhaar|aadhar|uidai|uid)\b/,
  IN_PAN: /\b(?:pan|permanent account|income tax)\b/,
  KR_RRN: /\b(?:rrn|resident registration|주민등록)\b|주민등록번호/,
  CA_SIN: /\b(?:sin|social insurance)\b/,
  AU_TFN: /\b(?:tfn|tax file)\b/,
  PASSPORT: /\b(?:passport|travel document|passport no|passport number|passport#)\b|護照|护照|旅行證件/,
  DATE_OF_BIRTH: /\b(?:dob|d\.o\.b|date of birth|birth ?date|birthday|born)\b|出生日期|出生|生日/,
};

export const CONTEXT_BOOST = 0.35;
export const CONTEXT_BEFORE = 48;
export const CONTEXT_AFTER = 16;

/** Whether one of `words` occurs shortly before (or just after) [start, end) in `lower`. */
export function hasContext(lower: string, start: number, end: number, words: RegExp, before = CONTEXT_BEFORE, after = CONTEXT_AFTER): boolean {
  const pre = lower.slice(Math.max(0, start - before), start);
  if (words.test(pre)) return true;
  if (after <= 0) return false;
  return words.test(lower.slice(end, Math.min(lower.length, end + after)));
}
