import type { SecretContext, SecretPattern } from '../types';
import { charClasses, isPlaceholder, shannonEntropy } from '../util';
import { NOT_BEFORE } from './build';

/**
 * Connection strings and URLs with an inline password: `scheme://user:password@host`. The password is the secret;
 * placeholders and variable references (`${DB_PASSWORD}`, `$PASS`, `<password>`, `%s`) are not.
 */
const SCHEMES = String.raw`postgres(?:ql)?|mysql|mysqlx|mariadb|mongodb(?:\+srv)?|rediss?|valkey|amqps?|mssql|sqlserver|oracle|db2|clickhouse|cockroachdb|neo4j(?:\+s)?|bolt|couchdbs?|cassandra|memcached|ldaps?|s?ftp|smtps?|imaps?|pop3s?|https?|wss?|nats|kafka|mqtts?|snowflake|redshift|presto|trino|jdbc:[a-z0-9]{2,16}(?::[a-z0-9]{2,16})?|git\+https|docker`;

const URL_REGEX = new RegExp(
  String.raw`(?<![A-Za-z0-9+.-])(?:${SCHEMES})(?:\+[a-z0-9]{2,16})?:\/\/(?<user>[^\s:@/?#"'\x60<>\\{}]{0,128}):(?<secret>[^\s@/?#"'\x60<>\\]{1,256})@(?=[A-Za-z0-9\[._%-])`,
  'gi',
);

const URL_PLACEHOLDER = /^(?:pass(?:word|wd)?|pwd|secret|user|username|\d{1,5}|x+|\*+|\.+|_+|-+|[a-z]+[-_]?pass(?:word)?|db[-_]?pass(?:word)?|my[-_]?pass(?:word)?|your[-_]?pass(?:word)?|\{[^}]*\}|\[[^\]]*\]|%[0-9a-z_()]*|\$\w+|\$\{[^}]*\}|:\w+)$/i;

function plausibleUrlPassword(secret: string, ctx: SecretContext): boolean {
  if (URL_PLACEHOLDER.test(secret) || isPlaceholder(secret)) return false;
  if (/%(?:s|d|\([a-z_]+\)s)|\$\{|\{\{|\}\}/i.test(secret)) return false;
  const user = ctx.match?.groups?.user ?? '';
  if (/^(?:\$\{[^}]*\}|\$\w+|<[^>]*>|\{[^}]*\})$/.test(user) && secret.length < 4) return false;
  return !overlapsSpecific(ctx);
}

/**
 * Generic assignments: a key named like a credential (`password`, `secret`, `api_key`, `token`, `client_secret`,
 * `private_key`, …) given a literal value. Gated by placeholder/reference filters and by entropy, since this is the
 * noisiest kind of rule every scanner has.
 */
const GENERIC_KEYS = String.raw`pass(?:word|wd|phrase)|pwd|secret(?:[_.-]?key)?|client[_.-]?secret|api[_.-]?(?:key|token|secret)|apikey|access[_.-]?(?:key|token)|auth[_.-]?(?:key|token)|bearer[_.-]?token|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|credentials?|creds|auth|token`;

/** What may follow the key inside its name without changing its meaning: a counter (`api_token_2`) or a type word (`secretString`). */
const KEY_SUFFIX = String.raw`(?:[_.-]?[0-9]{1,4}|[_.-]?(?:[Ss]tring|[Ss]tr|[Vv]alue))?`;

/** A type annotation between the name and the operator: `var token string =` (Go), `val token: String =` (Kotlin, Scala, Swift). */
const TYPE_WORD = String.raw`(?::?[^\S\r\n]{0,4}(?:[Ss]tring|str|&str|SecretStr)[^\S\r\n]{0,8})?`;

const GENERIC_ASSIGNMENT = new RegExp(
  String.raw`(?<key>${GENERIC_KEYS})${KEY_SUFFIX}${NOT_BEFORE}(?:[\\"'\]]{1,3}|\[\])?[^\S\r\n]{0,8}${TYPE_WORD}(?<op>:{1,3}=|=>|[.?]=|=(?!=)|:(?!:)|(?<=["']),(?=[^\S\r\n]{0,8}["']))[^\S\r\n]{0,8}@?\\?(?<q>["'\x60]?)(?<secret>[^\s"'\x60,;&\\]{1,256})`,
  'gi',
);

/** `fooapikeyfoo "value";` — a quoted literal right after a credential-like name (C-like declarations, detect-secrets style). */
const GENERIC_QUOTED = new RegExp(String.raw`(?<key>${GENERIC_KEYS})[A-Za-z0-9_]{0,24}[^\S\r\n]{0,4}(?<q>["'])(?<secret>[^\s"'\x60]{1,256})["'];`, 'gi');

/** Words every generic key name contains, at most 11 characters after the key's start (`encryption_key`). */
const STEMS = ['pass', 'pwd', 'secret', 'key', 'token', 'cred', 'auth'];
const STEM_BACK = 11;
/** The longest key name (`encryption_key`, `client_secret`, with separators) and its suffix (`_1234`, `_string`), with room to spare. */
const MAX_KEY = 28;
const OTHER_SPACE = /^[^\S\r\n]$/;

/** `[^\S\r\n]`: a space on the same line. */
function inlineSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || (c > 10 && c !== 13 && (c < 48 || c > 127) && OTHER_SPACE.test(text.charAt(i)));
}

function nameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/** Per lower-cased ASCII letter: the stems starting with it (most letters start none). */
const STEMS_BY_FIRST: (readonly string[] | undefined)[] = Array.from({ length: 128 }, (_, c) => {
  const list = STEMS.filter((stem) => stem.charCodeAt(0) === c);
  return list.length ? list : undefined;
});

/** Stems (case-insensitive) in the last `window` characters of the name ending at `end`, added in ascending order. */
function stemsBefore(text: string, end: number, window: number, out: number[]): void {
  let from = end;
  while (from > 0 && end - from < window && nameChar(text.charCodeAt(from - 1))) from--;
  // Every stem is at least three characters long; compared in place, without slicing or lower-casing the name (name
  // characters are ASCII, so `| 0x20` lower-cases exactly the letters). At most one stem starts at a position.
  for (let i = from; i + 3 <= end; i++) {
    const candidates = STEMS_BY_FIRST[text.charCodeAt(i) | 0x20];
    if (candidates === undefined) continue;
    for (const stem of candidates) {
      if (i + stem.length > end) continue;
      let j = 1;
      while (j < stem.length && (text.charCodeAt(i + j) | 0x20) === stem.charCodeAt(j)) j++;
      if (j === stem.length) {
        out.push(i);
        break;
      }
    }
  }
}

/** The next `,` at or after `from` written between two quoted strings (`"user", "secret"`), or -1. */
function quotedComma(text: string, from: number): number {
  for (let at = text.indexOf(',', from); at !== -1; at = text.indexOf(',', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 34 && before !== 39) continue;
    let j = at + 1;
    for (let n = 0; n < 8 && j < text.length && inlineSpace(text, j); n++) j++;
    const after = text.charCodeAt(j);
    if (after === 34 || after === 39) return at;
  }
  return -1;
}

const TYPE_BEFORE = /(?:^|[^A-Za-z0-9_])(?:string|str|&str|SecretStr)$/i;

/**
 * Where GENERIC_ASSIGNMENT's key names can hold a stem: walking back from every `:`, `=` and quoted `,` over the
 * rest of a compound operator (`.=`, `?=`, `::=`), spaces, a type word (`string`, `: String`), closing quotes or
 * brackets, to the name before it. Most operators have no credential-like name before them.
 */
/** `:`, `.` or `?`: the first part of a compound operator (`:=`, `.=`, `?=`). */
function isCompoundPart(c: number): boolean {
  return c === 58 || c === 46 || c === 63;
}

/** A backslash, quote or bracket closing a key name (`"key": `, `['key'] =`, `\"key\": `). */
function isCloser(c: number): boolean {
  return c === 92 || c === 34 || c === 39 || c === 91 || c === 93;
}

function assignmentStems(text: string): number[] {
  const out: number[] = [];
  // Three memchr-speed cursors instead of one regex: most text has no operator at all.
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  let comma = quotedComma(text, 0);
  for (;;) {
    let at = colon;
    if (equals !== -1 && (at === -1 || equals < at)) at = equals;
    if (comma !== -1 && (at === -1 || comma < at)) at = comma;
    if (at === -1) break;
    if (at === colon) colon = text.indexOf(':', at + 1);
    else if (at === equals) equals = text.indexOf('=', at + 1);
    else comma = quotedComma(text, at + 1);
    let i = at;
    if (text.charCodeAt(at) === 61 /* = */) for (let n = 0; n < 3 && i > 0 && isCompoundPart(text.charCodeAt(i - 1)); n++) i--;
    for (let n = 0; n < 8 && i > 0 && inlineSpace(text, i - 1); n++) i--;
    // the name before `NAME string =` / `NAME: String =` (the walk covers both the typed and the untyped reading)
    // every type word ends in `g` or `r`: test that before slicing
    const last = text.charCodeAt(i - 1) | 0x20;
    const typed = last === 0x67 || last === 0x72 ? TYPE_BEFORE.exec(text.slice(Math.max(0, i - 10), i)) : null;
    if (typed) {
      let j = i - typed[0].length + (/^[A-Za-z0-9_&]/.test(typed[0]) ? 0 : 1);
      for (let n = 0; n < 4 && j > 0 && inlineSpace(text, j - 1); n++) j--;
      if (j > 0 && text.charAt(j - 1) === ':') j--;
      for (let n = 0; n < 8 && j > 0 && inlineSpace(text, j - 1); n++) j--;
      stemsBefore(text, j, MAX_KEY, out);
    }
    for (let n = 0; n < 3 && i > 0 && isCloser(text.charCodeAt(i - 1)); n++) i--;
    stemsBefore(text, i, MAX_KEY, out);
  }
  out.sort((a, b) => a - b);
  return out;
}

const SPACE = /\s/;

/** `[\s"'\x60]`, without a regex call for ASCII. */
function notSecretChar(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39 || c === 96;
  return SPACE.test(String.fromCharCode(c));
}

/**
 * Where GENERIC_QUOTED's key names can hold a stem: from every quote followed by `;`, back over the quoted value to
 * its opening quote, over spaces, to the name (key plus up to 24 name characters) before it.
 */
function quotedStems(text: string): number[] {
  const out: number[] = [];
  // `";` and `';` in turn, each found at memchr speed, merged in text order.
  let dq = text.indexOf('";');
  let sq = text.indexOf("';");
  for (;;) {
    const at = dq === -1 ? sq : sq === -1 ? dq : Math.min(dq, sq);
    if (at === -1) break;
    if (at === dq) dq = text.indexOf('";', at + 1);
    else sq = text.indexOf("';", at + 1);
    let i = at;
    const limit = Math.max(0, i - 256);
    while (i > limit && !notSecretChar(text.charCodeAt(i - 1))) i--;
    if (i === at || i === 0) continue;
    const open = text.charAt(i - 1);
    if (open !== '"' && open !== "'") continue;
    i--;
    for (let n = 0; n < 4 && i > 0 && inlineSpace(text, i - 1); n++) i--;
    stemsBefore(text, i, MAX_KEY + 24, out);
  }
  return out;
}

const PASSWORD_KEY = /pass|pwd/i;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const DOTTED_REFERENCE = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+/;
const CAPS_NAME = /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$/;
const CAMEL_NAME = /^[a-z]+(?:[A-Z][a-z0-9]+)+$|^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH_OR_PATH = /^(?:sha\d{1,3}[-:]|md5[-:]|\.{0,2}\/|~\/|[a-z][a-z0-9+.-]{1,20}:\/\/|arn:|s3:|file:)|^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+\/?$/i;
const CODE_LIKE = /^(?:new |function|await |lambda|require|import|return)|=>|\)$/;
const VENDOR_PREFIX = /^(?:AKIA|ASIA|ABSK|bedrock-api-key-|sk-(?:proj|ant|svcacct|admin|or|lf)-|sk_|rk_|pk_|whsec_|hf_|api_org_|AIza|GOCSPX-|gsk_|r8_|xai-|pplx-|pcsk_|lsv2_|dapi|gh[pousr]_|github_pat_|gl[a-z]{1,6}-|GR1348941|xox[a-z]-|xapp-|npm_|ey[A-Za-z0-9_-]{4,}\.)/;
const CREDENTIAL_WORDS = /password|passwd|secret|api[-_]?key|apikey|token|credential/i;

function ordered(value: string, open: string, close: string): boolean {
  const i = value.indexOf(open);
  return i !== -1 && value.indexOf(close, i + 1) !== -1;
}

/** Name parts that make the credential word describe something public or per-request: `publicToken`, `csrf-token`. */
const NOT_SECRET_BEFORE = /(?:public|pub|csrf|xsrf)[_.-]?$/i;

function plausibleGeneric(secret: string, ctx: SecretContext): boolean {
  const groups = ctx.match?.groups ?? {};
  const quoted = (groups.q ?? '') !== '';
  const key = groups.key ?? '';
  const keyAt = ctx.match?.index;
  if (keyAt !== undefined && key) {
    const before = ctx.text.slice(Math.max(0, keyAt - 12), keyAt);
    if (NOT_SECRET_BEFORE.test(before)) return false;
    // `jsonwebtoken`, `monkey`, `oauth`: a lower-case word that merely ends in the key is not a credential name.
    if (/^(?:key|token|auth)/.test(key) && /[a-z]$/.test(before)) return false;
  }
  // A quoted value must be closed by the same quote (no spaces inside: prose and messages are not secrets).
  if (quoted) {
    const next = ctx.text.charAt(ctx.end) === '\\' ? ctx.text.charAt(ctx.end + 1) : ctx.text.charAt(ctx.end);
    if (next !== groups.q) return false;
  }
  if (!quoted) {
    if (secret.endsWith(')') || secret.endsWith(':') || secret.endsWith('{') || secret.endsWith('\\')) return false;
    if (ordered(secret, '(', ')') || ordered(secret, '[', ']')) return false;
    if (IDENTIFIER.test(secret) && !/[0-9]/.test(secret)) return false;
    if (DOTTED_REFERENCE.test(secret)) return false;
    if (/^[|>!&*$%@]/.test(secret)) return false;
  }
  if (isPlaceholder(secret)) return false;
  // A value with a vendor prefix is judged by that vendor's rule alone (a truncated or malformed token is not "generic").
  if (VENDOR_PREFIX.test(secret)) return false;
  if (CAPS_NAME.test(secret) || CAMEL_NAME.test(secret) || UUID.test(secret) || HASH_OR_PATH.test(secret) || CODE_LIKE.test(secret)) return false;
  if (/^[0-9.]+$/.test(secret) || /^[0-9a-f]{7,8}$/.test(secret)) return false;
  if (CREDENTIAL_WORDS.test(secret)) return false;
  const isPassword = PASSWORD_KEY.test(key);
  const minLength = isPassword ? 6 : 10;
  const minEntropy = isPassword ? 2.3 : 3.0;
  if (secret.length < minLength || shannonEntropy(secret) < minEntropy || charClasses(secret) < 2) return false;
  return !overlapsSpecific(ctx);
}

/** Set by the catalogue: true when a specific (non-fallback) pattern matches a span overlapping this one. */
let specificOverlap: (ctx: SecretContext) => boolean = () => false;
export function setSpecificOverlapCheck(check: (ctx: SecretContext) => boolean): void {
  specificOverlap = check;
}
function overlapsSpecific(ctx: SecretContext): boolean {
  return specificOverlap(ctx);
}

/** `<apiToken>value</apiToken>`, also with the value on its own line (Maven settings, .NET config, Java XML). */
const XML_ELEMENT = /<(?<key>[A-Za-z_][\w.:-]{0,40})>[^\S\r\n]{0,8}(?:\r?\n[^\S\r\n]{0,40})?(?<secret>[^\s<>"'&]{6,256})[^\S\r\n]{0,8}(?:\r?\n[^\S\r\n]{0,40})?<\/\k<key>>/g;
const XML_KEY_WORD = /(?:pass(?:word|wd|phrase)?|pwd|secret|api[_.-]?key|apikey|api[_.-]?token|token|credentials?|creds)(?:[_.-]?[0-9]{1,4})?$/i;

/**
 * Where XML_ELEMENT can match a credential-like element: every `<` whose element name holds a stem. A match spans
 * one element and holds no other `<`, so skipping the other elements leaves these matches as a full scan finds them;
 * the skipped ones could only fail plausibleXmlSecret (its key word always holds a stem).
 */
function xmlStems(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    let end = at + 1;
    while (end < text.length && end - at <= 41 && (nameChar(text.charCodeAt(end)) || text.charCodeAt(end) === 58 /* : */)) end++;
    if (end === at + 1 || text.charCodeAt(end) !== 62 /* > */) continue;
    const name = text.slice(at + 1, end).toLowerCase();
    if (STEMS.some((stem) => name.includes(stem))) out.push(at);
  }
  return out;
}

function plausibleXmlSecret(secret: string, ctx: SecretContext): boolean {
  const name = ctx.match?.groups?.key ?? '';
  const word = XML_KEY_WORD.exec(name);
  if (!word) return false;
  const prefix = name.slice(0, word.index);
  // the credential word starts the name, follows a separator, or starts a camel-case part (`apiToken`, not `jsonwebtoken`)
  if (prefix && !/[^A-Za-z0-9]$/.test(prefix) && !/^[A-Z]/.test(word[0])) return false;
  if (NOT_SECRET_BEFORE.test(prefix)) return false;
  return plausibleGeneric(secret, ctx);
}

export const GENERIC_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'connection-string-password',
    ruleId: 'GG-SEC-019',
    label: 'password in a connection string',
    regex: URL_REGEX,
    keywords: ['://'],
    validate: plausibleUrlPassword,
    fallback: true,
  },
  {
    id: 'generic-secret-assignment',
    ruleId: 'GG-SEC-020',
    label: 'hardcoded secret',
    regex: GENERIC_ASSIGNMENT,
    anchor: { stems: assignmentStems, back: STEM_BACK },
    keywords: ['pass', 'Pass', 'PASS', 'pwd', 'PWD', 'secret', 'Secret', 'SECRET', 'key', 'Key', 'KEY', 'token', 'Token', 'TOKEN', 'cred', 'Cred', 'CRED', 'auth', 'Auth', 'AUTH'],
    validate: plausibleGeneric,
    fallback: true,
  },
  {
    id: 'generic-secret-quoted',
    ruleId: 'GG-SEC-020',
    label: 'hardcoded secret',
    regex: GENERIC_QUOTED,
    anchor: { stems: quotedStems, back: STEM_BACK },
    keywords: ['pass', 'Pass', 'PASS', 'pwd', 'PWD', 'secret', 'Secret', 'SECRET', 'key', 'Key', 'KEY', 'token', 'Token', 'TOKEN'],
    validate: plausibleGeneric,
    fallback: true,
  },
  {
    id: 'generic-secret-xml-element',
    ruleId: 'GG-SEC-020',
    label: 'hardcoded secret',
    regex: XML_ELEMENT,
    anchor: { stems: xmlStems, back: 0 },
    keywords: ['pass', 'Pass', 'PASS', 'pwd', 'PWD', 'secret', 'Secret', 'SECRET', 'key', 'Key', 'KEY', 'token', 'Token', 'TOKEN', 'cred', 'Cred', 'CRED'],
    validate: plausibleXmlSecret,
    fallback: true,
  },
];
