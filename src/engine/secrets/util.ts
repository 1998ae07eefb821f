/** Small, pure helpers shared by the secret patterns: entropy, placeholder filters, base64 decoding. */

/** Shannon entropy in bits per character. */
/** Scratch counters for ASCII values (the common case): no Map or Set per candidate. Always left zeroed. */
const COUNTS = new Uint32Array(128);
const ORDER = new Uint8Array(128);

/** Distinct ASCII characters of `value` in first-seen order (counts in COUNTS), or -1 if it has other characters. */
function countAscii(value: string): number {
  let distinct = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) {
      for (let j = 0; j < distinct; j++) COUNTS[ORDER[j]!] = 0;
      return -1;
    }
    const before = COUNTS[c]!;
    COUNTS[c] = before + 1;
    if (before === 0) ORDER[distinct++] = c;
  }
  return distinct;
}

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const distinct = countAscii(value);
  if (distinct >= 0) {
    // Summed in first-seen order, exactly as the general path below does.
    let h = 0;
    for (let j = 0; j < distinct; j++) {
      const c = ORDER[j]!;
      const p = COUNTS[c]! / value.length;
      h -= p * Math.log2(p);
      COUNTS[c] = 0;
    }
    return h;
  }
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

export function distinctChars(value: string): number {
  const distinct = countAscii(value);
  if (distinct < 0) return new Set(value).size;
  for (let j = 0; j < distinct; j++) COUNTS[ORDER[j]!] = 0;
  return distinct;
}

/** Character classes present: lower, upper, digit, other. */
export function charClasses(value: string): number {
  let n = 0;
  if (/[a-z]/.test(value)) n++;
  if (/[A-Z]/.test(value)) n++;
  if (/[0-9]/.test(value)) n++;
  if (/[^A-Za-z0-9]/.test(value)) n++;
  return n;
}

const FAKE_MARKERS = /x{5,}|X{5,}|\*{3,}|\.{3}|…|<[^<>]{0,40}>|\$\{[A-Za-z_][\w.:-]{0,80}\}|%s|0{10,}|1234567890123|abcdefghijklmnopqrstuvwxyz|ABCDEFGHIJKLMNOPQRSTUVWXYZ|REDACTED|redacted|your[-_]?(?:api[-_]?)?(?:key|token|secret)|YOUR[-_]|placeholder|PLACEHOLDER/;

/**
 * True when a vendor-prefixed token body is obviously not real: masked (`xxxx`, `***`, `...`), templated
 * (`<token>`, `${TOKEN}`), a run of one character, or an alphabet/sequence typed as filler.
 */
export function looksFake(body: string): boolean {
  if (FAKE_MARKERS.test(body)) return true;
  if (body.length >= 16 && distinctChars(body) < 7) return true;
  return false;
}

/** Words that make a value a documentation example, a test value or a placeholder rather than a secret. */
const PLACEHOLDER_WORDS = /example|sample|dummy|fake|placeholder|changeme|change[-_]me|change[-_]?this|replace[-_]?(?:me|with|this)|insert[-_]?(?:your|here)|your[-_]|^your|yourpass|redacted|notasecret|not[-_]a[-_]secret|todo|tbd|lorem|foobar|^test|test$|[-_]test|test[-_]|testing|^none$|^null$|^nil$|^undefined$|^true$|^false$|^secret$|^password$|^passwd$|^pass$|^pwd$|^token$|^apikey$|^api[-_]key$|^string$|^str$|^required$|^optional$|^default$|^hidden$|^empty$|^masked$|^hunter2$/i;

/** A reference to a value held elsewhere: variables, environment lookups, template expressions, secret managers. */
const REFERENCE = /^(?:\$\{[^}\s]{1,200}\}|\$\{\{|\$[A-Za-z_][A-Za-z0-9_]*$|\$\(|%\(|%[A-Za-z_]+%|\{\{[^{}]{0,200}\}\}$|<[^>]{1,80}>$|\[[A-Za-z_ -]{1,40}\]$|!(?:Ref|Sub|GetAtt|ImportValue|FindInMap|If|Join|Select)\b|ENC\[|vault:|arn:aws|ssm:|secretsmanager:|op:\/\/|sm:\/\/|{{resolve:)/;

/** Reference fragments that may appear anywhere inside a value. */
const REFERENCE_ANYWHERE = /\$\{[A-Za-z_][A-Za-z0-9_.:-]{0,100}(?::-[^}]{0,100})?\}|\{\{\s{0,4}[A-Za-z_.][\w.:\s|'"()-]{0,200}\}\}|\{\{resolve:|os\.environ|os\.getenv|process\.env|System\.getenv|ENV\[|getenv\(|import\.meta\.env|secrets\.[A-Z]/;

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (REFERENCE.test(v) || REFERENCE_ANYWHERE.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  if (/^(.)\1+$/.test(v)) return true;
  if (looksFake(v)) return true;
  return false;
}

/** AWS's documentation example credentials (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, …). */
export function isAwsDocExample(value: string): boolean {
  return /EXAMPLE/.test(value);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map<string, number>([...B64].map((c, i) => [c, i]));
B64_INDEX.set('-', 62);
B64_INDEX.set('_', 63);

/** Decodes standard or URL-safe base64 (padding optional) to a latin-1 string; undefined on invalid input. */
export function decodeBase64(input: string, maxBytes = 65536): string | undefined {
  const s = input.replace(/=+$/, '');
  if (s.length % 4 === 1) return undefined;
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const ch of s) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
      buffer &= (1 << bits) - 1;
      if (out.length >= maxBytes) break;
    }
  }
  return out;
}

/** Decodes base64 that should hold UTF-8 JSON; undefined when it does not. */
export function decodeJson(input: string): unknown {
  const raw = decodeBase64(input);
  if (raw === undefined) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(escape(raw));
  } catch {
    text = raw;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
