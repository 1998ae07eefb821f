/**
 * Developer artefacts that look like PII but never are: UUIDs, git SHAs and digests, semantic versions, Bedrock model
 * ids and ARNs (with the account id inside), ISO dates and timestamps, order/ticket/case numbers, ports, status codes,
 * AWS account ids. Numeric PII candidates lying inside one of these spans are dropped (e-mail addresses, secrets,
 * deny-list terms and context-gated dates of birth are not).
 */
import { CH_AT, CH_COLON, CH_DOT, CH_EQUALS, CH_HASH, CH_HYPHEN, CH_UPPER, sortSmall, textFacts, wordGate, type TextFacts } from './scan';

export interface Span {
  start: number;
  end: number;
  kind: string;
}

const BEDROCK_PROVIDERS = 'anthropic|amazon|meta|mistral|cohere|ai21|deepseek|writer|stability|twelvelabs|qwen|openai|luma|minimax|moonshot|nvidia|google';

const PROVIDER_DOT = new RegExp(`(?:${BEDROCK_PROVIDERS})\\.`);
const PROVIDER_GATE = wordGate(BEDROCK_PROVIDERS.split('|').map((p) => `${p}.`));

/** The hex-digest shape; `scanHex` finds exactly its matches (test/unit/redact-speed.test.ts compares the two). */
export const HEX = /(?<![\w-])(?:sha(?:1|256|384|512)[:-])?[0-9a-fA-F]{7,128}(?![\w-])/g;

/** Per ASCII code: 1 a hex digit, 2 another word character (`\w`) or a hyphen. */
const HEX_CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = c <= 70 ? 1 : 2;
  for (let c = 97; c <= 122; c++) t[c] = c <= 102 ? 1 : 2;
  t[95] = 2;
  t[45] = 2;
  return t;
})();

/** Whether the code unit at `i` is `[\w-]` (false past either end). */
function wordish(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN out of range
  return c < 128 && HEX_CLASS[c]! !== 0;
}

/** Length of the run of ASCII hex digits at `i`. */
function hexRunAt(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c >= 128 || HEX_CLASS[c] !== 1) break;
    j++;
  }
  return j - i;
}

/** Length of a `sha1`/`sha256`/`sha384`/`sha512` prefix and its `:` or `-` at `i`, or 0. */
function shaPrefixAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 115 || text.charCodeAt(i + 1) !== 104 || text.charCodeAt(i + 2) !== 97) return 0;
  let k = i + 3;
  if (text.charCodeAt(k) === 49) k += 1;
  else if (text.startsWith('256', k) || text.startsWith('384', k) || text.startsWith('512', k)) k += 3;
  else return 0;
  const sep = text.charCodeAt(k);
  return sep === 58 || sep === 45 ? k + 1 - i : 0;
}

/**
 * The hex artefact test: a letter a-f and a digit (the prefix counts, as the matched text holds it); upper-case hex
 * only from 32 characters.
 */
function hexArtefact(text: string, start: number, end: number): boolean {
  let letter = false;
  let digit = false;
  let upper = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 97 && c <= 102) letter = true;
    else if (c >= 65 && c <= 70) letter = upper = true;
  }
  return letter && digit && (!upper || end - start >= 32);
}

/**
 * Every match of HEX (as an exec loop finds them: left to right, the next search from the end of a match) that passes
 * the hex test, pushed to `out`. A greedy run of 7-128 hex digits can only end where the run ends (a hex digit is a
 * word character, which the lookahead refuses), so each start has at most one match with and one without the prefix.
 */
export function scanHex(text: string, out: Span[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (i > 0 && wordish(text, i - 1)) {
      i++;
      continue;
    }
    let end = -1;
    const pre = shaPrefixAt(text, i);
    if (pre > 0) {
      const run = hexRunAt(text, i + pre);
      if (run >= 7 && run <= 128 && !wordish(text, i + pre + run)) end = i + pre + run;
    }
    if (end < 0) {
      const run = hexRunAt(text, i);
      if (run >= 7 && run <= 128 && !wordish(text, i + run)) end = i + run;
    }
    if (end < 0) {
      i++;
      continue;
    }
    if (hexArtefact(text, i, end)) out.push({ start: i, end, kind: 'hex' });
    i = end;
  }
}

/**
 * `gate`: a necessary condition on the text's character facts (characters and digit/hex runs every match contains);
 * `words`: a word gate (scan.ts) on the lower-cased text, which `pre` needs; `pre`: a cheap test on the lower-cased
 * text. The pattern only runs when all pass.
 */
export const ARTEFACT_PATTERNS: readonly {
  kind: string;
  re: RegExp;
  test?: (m: string) => boolean;
  /** Finds the pattern's matches that pass `test` (as the exec loop would), instead of the regex. */
  scan?: (text: string, out: Span[]) => void;
  pre?: RegExp;
  words?: (lower: string) => boolean;
  gate: (f: TextFacts) => boolean;
}[] = [
  { kind: 'uuid', re: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g , gate: (f) => f.hexRun >= 12 && (f.has & CH_HYPHEN) !== 0, pre: /-[0-9a-f]{4}-/ },
  // Hex digests / git SHAs: 7-128 hex characters with at least one letter and one digit (all-digit runs are numbers).
  // Short upper-case runs (A1234563, AB123456C, DE89370400440532013000) are ids, not hashes: upper-case hex must be
  // 32+ characters.
  {
    kind: 'hex',
    re: HEX,
    test: (m) => /[a-fA-F]/.test(m) && /\d/.test(m) && (!/[A-F]/.test(m) || m.length >= 32),
    // The same matches and test without the regex (a hand scan, several times cheaper).
    scan: scanHex,
    gate: (f) => f.hexRun >= 7 && f.digits > 0,
  },
  { kind: 'digest', re: /\bsha(?:1|256|384|512)[:-][A-Za-z0-9+/=]{20,128}/g , gate: (f) => f.digits > 0 && (f.has & (CH_COLON | CH_HYPHEN)) !== 0, words: wordGate(['sha']), pre: /sha\d/ },
  {
    kind: 'model-id',
    re: new RegExp(`(?<![\\w.-])(?:(?:us|eu|apac|us-gov|global|jp|au|ca)\\.)?(?:${BEDROCK_PROVIDERS})\\.[a-z0-9][a-z0-9.\\-]{1,100}(?::\\d{1,4}(?::[a-z0-9]{1,16})?)?`, 'g'),
    // "amazon.com" is a domain, not a model id.
    test: (m) => /[-:]/.test(m),
    pre: PROVIDER_DOT,
    words: PROVIDER_GATE,
    gate: (f) => (f.has & CH_DOT) !== 0 && (f.has & (CH_HYPHEN | CH_COLON)) !== 0,
  },
  { kind: 'arn', re: /\barn:aws[a-z-]{0,12}:[a-z0-9-]{1,64}:[a-z0-9-]{0,32}:\d{0,12}:[^\s"'<>,;`)\]}]{1,1024}/g , gate: (f) => (f.has & CH_COLON) !== 0, words: wordGate(['arn:aws']), pre: /arn:aws/ },
  { kind: 'account-id', re: /\b(?:account(?:[ _-]?id)?|accountid|aws_account_id|owner(?:[ _-]?id)?|principal)["']?\s{0,3}[:=#]?\s{0,3}["']?\d{12}\b/gi , gate: (f) => f.maxRun >= 12, words: wordGate(['account', 'owner', 'principal']), pre: /account|owner|principal/ },
  { kind: 'iso-date', re: /\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g , gate: (f) => f.maxRun >= 4 && (f.has & CH_HYPHEN) !== 0 },
  { kind: 'compact-timestamp', re: /\b20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:T?\d{6}Z?)?\b/g , gate: (f) => f.maxRun >= 8, pre: /20\d{6}/ },
  { kind: 'epoch', re: /\b1[5-9]\d{8}(?:\d{3})?\b/g , gate: (f) => f.maxRun >= 10, pre: /1[5-9]\d{8}/ },
  { kind: 'time', re: /\b(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d(?:[.,]\d{1,9})?\b/g , gate: (f) => (f.has & CH_COLON) !== 0, pre: /\d:\d\d:\d/ },
  { kind: 'semver', re: /(?<![\w.])v?\d{1,6}\.\d{1,6}\.\d{1,9}(?:\.\d{1,9})?(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?(?![\w.])/g, test: (m) => /^v|[-+]/.test(m) || m.split('.').length === 3 , gate: (f) => (f.has & CH_DOT) !== 0, pre: /\d\.\d+\.\d/ },
  { kind: 'version', re: /\b(?:version|ver|v|release|build|runtime|python|node|java|sdk|boto3|botocore)[\s:=/@]{0,3}v?\d{1,6}(?:\.\d{1,9}){1,4}\b/gi , gate: (f) => (f.has & CH_DOT) !== 0, pre: /\d\.\d/ },
  { kind: 'package-version', re: /@\d{1,6}(?:\.\d{1,9}){1,3}\b/g , gate: (f) => (f.has & CH_AT) !== 0, pre: /@\d/ },
  {
    kind: 'order-number',
    re: /\b(?:order|ticket|case|incident|inc|invoice|inv|po|purchase order|req|request|issue|bug|pr|pull request|build|job|run|txn|transaction|ref|reference|booking|confirmation|tracking|shipment|sku|item|seq|pid|line)\b(?:\s{0,2}(?:#|no\.?|number|id|nr\.?)){0,2}\s{0,3}[:#=]?\s{0,3}[A-Z]{0,6}[-_]?\d[\d-]{2,24}\b/gi,
    // Exactly the former pre-test /\d{3}/ (a run of three digits), from the facts.
    gate: (f) => f.maxRun >= 3,
  },
  { kind: 'ticket-key', re: /\b(?:[A-Z][A-Z0-9]{1,9}-\d{1,9}|INC\d{5,12}|CHG\d{5,12}|REQ\d{5,12}|RITM\d{5,12}|PO-?\d{4,12}|ORD-[\dA-Z-]{4,24})\b/g , gate: (f) => f.digits > 0 && (f.has & CH_UPPER) !== 0, pre: /[a-z]-\d|inc\d|chg\d|req\d|ritm\d|po-?\d|ord-/ },
  { kind: 'hash-number', re: /(?<![\w&])#\d{3,12}\b/g , gate: (f) => f.maxRun >= 3 && (f.has & CH_HASH) !== 0, pre: /#\d/ },
  { kind: 'port', re: /(?:(?<=[\w\]]):\d{2,5}\b)|\bport\s{0,2}[:=]?\s{0,2}\d{2,5}\b/gi , gate: (f) => f.maxRun >= 2, pre: /[\w\]]:\d\d|port/ },
  { kind: 'status', re: /\b(?:HTTP\/\d(?:\.\d)?\s\d{3}|status(?:[ _-]?code)?["']?\s{0,2}[:=]?\s{0,2}\d{3})\b/gi , gate: (f) => f.maxRun >= 3, words: wordGate(['http/', 'status']), pre: /http\/|status/ },
  { kind: 'request-id', re: /\b(?:request[ _-]?id|trace[ _-]?id|correlation[ _-]?id|x-amzn-requestid|x-amz-request-id|span[ _-]?id)["']?\s{0,2}[:=]\s{0,2}["']?[\w-]{6,80}/gi , gate: (f) => (f.has & (CH_COLON | CH_EQUALS)) !== 0, words: wordGate(['request', 'trace', 'correlation', 'span']), pre: /request|trace|correlation|span/ },
  { kind: 'xray', re: /\b1-[0-9a-f]{8}-[0-9a-f]{24}\b/g , gate: (f) => f.hexRun >= 24 && (f.has & CH_HYPHEN) !== 0, pre: /1-[0-9a-f]{8}-/ },
];

const byStartLongest = (a: Span, b: Span): number => a.start - b.start || b.end - a.end;

/** Finds artefact spans, sorted by start. Linear: every pattern is bounded. */
export function findArtefacts(text: string, lowerText?: string, textFactsOf?: TextFacts): Span[] {
  const out: Span[] = [];
  const lower = lowerText ?? text.toLowerCase();
  const facts = textFactsOf ?? textFacts(text);
  for (const p of ARTEFACT_PATTERNS) {
    if (!p.gate(facts)) continue;
    if (p.words && !p.words(lower)) continue;
    if (p.pre && !p.pre.test(lower)) continue;
    if (p.scan) {
      p.scan(text, out);
      continue;
    }
    // exec loop rather than matchAll: no iterator or regex clone per pattern and call.
    const re = p.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const v = m[0];
      if (v.length === 0) {
        re.lastIndex++;
        continue;
      }
      if (p.test && !p.test(v)) continue;
      out.push({ start: m.index, end: m.index + v.length, kind: p.kind });
    }
  }
  if (out.length > 1) sortSmall(out, byStartLongest);
  return out;
}

/** Spans sorted by start; returns true if [start, end) lies wholly inside one of them (or overlaps, if `anyOverlap`). */
export function insideAny(spans: readonly Span[], start: number, end: number, anyOverlap = false): boolean {
  // Binary search for the last span starting at or before `start`, then walk back over spans that may contain it.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= (anyOverlap ? end - 1 : start)) lo = mid + 1;
    else hi = mid;
  }
  // Artefacts are short (bounded patterns), so only a bounded number of earlier spans can reach past `start`.
  for (let i = lo - 1, seen = 0; i >= 0 && seen < 64; i--, seen++) {
    const s = spans[i]!;
    if (anyOverlap ? s.start < end && s.end > start : s.start <= start && s.end >= end) return true;
  }
  return false;
}
