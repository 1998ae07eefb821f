/** EMAIL, IP_ADDRESS, MAC_ADDRESS and URL_CREDENTIAL (userinfo and signed/tokenised query parameters). */
import { CH_AT, CH_COLON, CH_DOT, CH_HYPHEN, execAll, textFacts, wordGate } from '../scan';
import type { Candidate, Detector, DetectInput, EntityType } from '../types';
import { validIpv4, validIpv6 } from '../validators';

const COMMON_TLDS = new Set(
  (
    'com net org edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs cat io ai app dev cloud tech ' +
    'online site store shop blog email xyz top club live news agency company solutions services support systems network ' +
    'digital global group team works world center centre academy international health bank finance legal law media studio ' +
    'design games codes software security consulting partners capital ventures energy care life love edu.hk gov.hk ' +
    'local internal corp test example invalid'
  ).split(' '),
);
// Two-letter labels that are file extensions far more often than country domains in developer text.
const NOT_CC = new Set(['js', 'ts', 'py', 'md', 'rs', 'sh', 'rb', 'cs', 'pl', 'kt', 'mm', 'gz', 'xz', 'db', 'so', 'pm', 'vb', 'fs', 'hs']);

const LOCAL_CHAR = /[A-Za-z0-9._%+\-'\p{L}]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;

function asciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** LOCAL_CHAR.test(text[i]), without a regex for ASCII. */
function localChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return asciiAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
  return LOCAL_CHAR.test(text[i]!);
}

/** DOMAIN_CHAR.test(text[i]), without a regex for ASCII. */
function domainChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return asciiAlnum(c) || c === 46 || c === 45;
  return DOMAIN_CHAR.test(text[i]!);
}

function tldOk(tld: string): boolean {
  const t = tld.toLowerCase();
  if (!/^\p{L}{2,24}$/u.test(t)) return false;
  if (t.length === 2) return /^[a-z]{2}$/.test(t) && !NOT_CC.has(t);
  return COMMON_TLDS.has(t) || /[^\x00-\x7f]/.test(t); // eslint-disable-line no-control-regex
}

function findEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s < 64 && localChar(text, s - 1)) s--;
    while (s < at && /[.'\-+]/.test(text[s]!)) s++;
    let e = at + 1;
    while (e < text.length && e - at < 254 && domainChar(text, e)) e++;
    while (e > at + 1 && /[.-]/.test(text[e - 1]!)) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    const labels = domain.split('.');
    const next = text[e];
    const ok =
      local.length > 0 &&
      labels.length >= 2 &&
      labels.every((l) => l.length > 0 && l.length <= 63 && !l.startsWith('-') && !l.endsWith('-')) &&
      tldOk(labels[labels.length - 1]!) &&
      !(local === 'git' && next === ':') &&
      !local.includes('..');
    if (ok) out.push({ type: 'EMAIL', start: s, end: e, score: 0.95, canonical: `${local}@${domain}`.toLowerCase(), noContext: true });
    at = text.indexOf('@', at + 1);
  }
  return out;
}

const OBFUSCATED_EMAIL = /(?<![\w.])[A-Za-z0-9._%+-]{1,64}\s?(?:\[at\]|\(at\)|\{at\}|<at>|\sat\s)\s?[A-Za-z0-9-]{1,63}(?:\s?(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s|\.)\s?[A-Za-z0-9-]{1,63}){1,4}/gi;

/** Every accepted match holds a bracketed "at" or a spaced "dot" (see below), so the text must. */
const OBFUSCATED_NEEDS = /[[({<]at[\])}>]|\sdot\s/i;
const OBFUSCATED_GATE = wordGate(['[at', '(at', '{at', '<at', 'dot']);

function findObfuscatedEmails(text: string, lower: string): Candidate[] {
  if (!OBFUSCATED_GATE(lower) || !OBFUSCATED_NEEDS.test(text)) return [];
  if (!/\W(?:at|dot)\W/.test(lower)) return [];
  const out: Candidate[] = [];
  for (const m of execAll(OBFUSCATED_EMAIL, text)) {
    const v = m[0];
    // Needs a bracketed [at] or both " at " and " dot ", else "meet at noon. Then" would match.
    const bracketed = /[[({<]at[\])}>]/i.test(v);
    if (!bracketed && !/\sdot\s/i.test(v)) continue;
    const tld = v.split(/\s?(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s|\.)\s?/i).pop() ?? '';
    if (!tldOk(tld)) continue;
    out.push({ type: 'EMAIL', start: m.index, end: m.index + v.length, score: 0.85, noContext: true });
  }
  return out;
}

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;
// Necessary conditions, far cheaper to scan for than the patterns (no lookbehind at every position).
const IPV4_PRE = /\d\.\d{1,3}\.\d/;
const IPV6_PRE = /:[0-9A-Fa-f]{0,4}:/;
const NOT_PERSONAL_V4 = /^(?:0\.0\.0\.0|127\.\d+\.\d+\.\d+|255\.255\.255\.255)$/;

function findIps(text: string, has: number): Candidate[] {
  const out: Candidate[] = [];
  if ((has & CH_DOT) !== 0 && IPV4_PRE.test(text)) {
    for (const m of execAll(IPV4, text)) {
      if (!validIpv4(m[0]) || NOT_PERSONAL_V4.test(m[0])) continue;
      out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.85, noContext: true });
    }
  }
  if ((has & CH_COLON) !== 0 && IPV6_PRE.test(text)) {
    for (const m of execAll(IPV6, text)) {
      const v = m[0];
      if (v === '::' || v === '::1' || !validIpv6(v)) continue;
      const groups = v.split(':').filter((g) => g !== '');
      if (groups.length < 3 && !v.includes('.')) continue;
      if (!/\d/.test(v)) continue;
      out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + v.length, score: 0.85, canonical: v.toLowerCase(), noContext: true });
    }
  }
  return out;
}

const MAC = /(?<![\w:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-])|(?<![\w.])[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}(?![\w.])/g;

/** Exported for tests: macPre(text) must equal MAC_PRE.test(text). */
export const MAC_PRE = /[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]|[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\./;

function hexAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN out of range: false
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** MAC_PRE.test(text) by hand, from each separator (found by indexOf): the regex tries every start, most hopeless. */
export function macPre(text: string): boolean {
  for (let k = 0; k < 2; k++) {
    const sep = k === 0 ? ':' : '-';
    for (let i = text.indexOf(sep, 2); i !== -1; i = text.indexOf(sep, i + 1)) {
      if (hexAt(text, i - 2) && hexAt(text, i - 1) && hexAt(text, i + 1) && hexAt(text, i + 2)) {
        const d = text.charCodeAt(i + 3);
        if (d === 58 || d === 45) return true;
      }
    }
  }
  for (let i = text.indexOf('.', 4); i !== -1; i = text.indexOf('.', i + 1)) {
    if (hexAt(text, i - 4) && hexAt(text, i - 3) && hexAt(text, i - 2) && hexAt(text, i - 1) && hexAt(text, i + 1) && hexAt(text, i + 2) && hexAt(text, i + 3) && hexAt(text, i + 4) && text.charCodeAt(i + 5) === 46) return true;
  }
  return false;
}

function findMacs(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!macPre(text)) return out;
  for (const m of execAll(MAC, text)) {
    const hex = m[0].replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
    if (/^0+$|^f+$/.test(hex)) continue;
    if (m[0].includes('.') && !/[a-f]/i.test(m[0]) ) continue; // 1234.5678.9012 is a number, not a MAC
    out.push({ type: 'MAC_ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.8, canonical: hex, noContext: true });
  }
  return out;
}

const USERINFO = /\b[a-z][a-z0-9+.-]{1,20}:\/\/([^\s/@:"'<>]{1,128}):([^\s/@"'<>]{1,256})@/gi;
const PLACEHOLDER = /^(?:\$\{?[\w.]+\}?|<[^>]*>|\{\{?[^}]*\}?\}|%[\w(]+|\*+|x+|\.\.\.|password|pass|pwd|secret|changeme)$/i;

const QUERY_PARAMS: Record<string, EntityType> = {
  'x-amz-signature': 'URL_CREDENTIAL',
  'x-amz-credential': 'URL_CREDENTIAL',
  'x-amz-security-token': 'AWS_SESSION_TOKEN',
  awsaccesskeyid: 'URL_CREDENTIAL',
  signature: 'URL_CREDENTIAL',
  sig: 'URL_CREDENTIAL',
  'x-goog-signature': 'URL_CREDENTIAL',
  'x-goog-credential': 'URL_CREDENTIAL',
  token: 'URL_CREDENTIAL',
  access_token: 'URL_CREDENTIAL',
  id_token: 'URL_CREDENTIAL',
  refresh_token: 'URL_CREDENTIAL',
  auth: 'URL_CREDENTIAL',
  api_key: 'URL_CREDENTIAL',
  apikey: 'URL_CREDENTIAL',
  'api-key': 'URL_CREDENTIAL',
  key: 'URL_CREDENTIAL',
  client_secret: 'URL_CREDENTIAL',
  code: 'URL_CREDENTIAL',
  password: 'PASSWORD',
  pwd: 'PASSWORD',
  passwd: 'PASSWORD',
  secret: 'URL_CREDENTIAL',
};
const QUERY = /[?&;]([A-Za-z][\w-]{1,30})=([^&#\s"'<>]{1,4096})/g;

function findUrlCredentials(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (text.includes('://')) {
    for (const m of execAll(USERINFO, text)) {
      const user = m[1]!;
      const pass = m[2]!;
      if (PLACEHOLDER.test(pass)) continue;
      const start = m.index + m[0].length - 1 - pass.length - 1 - user.length;
      out.push({ type: 'URL_CREDENTIAL', start, end: m.index + m[0].length - 1, score: 0.95, noContext: true });
    }
  }
  if (text.includes('=') && (text.includes('?') || text.includes('&'))) {
    for (const m of execAll(QUERY, text)) {
      const name = m[1]!.toLowerCase();
      const type = QUERY_PARAMS[name];
      if (!type) continue;
      let value = m[2]!;
      const minLen = name === 'key' || name === 'code' ? 16 : name === 'sig' || name === 'auth' ? 12 : 6;
      if (value.length < minLen || PLACEHOLDER.test(value)) continue;
      if (name === 'x-amz-credential' || name === 'x-goog-credential') {
        // Only the key id is secret; the date/region/service scope is not.
        const cut = value.search(/\/|%2F/i);
        if (cut > 0) value = value.slice(0, cut);
      }
      const start = m.index + m[0].length - m[2]!.length;
      out.push({ type, start, end: start + value.length, score: 0.9, noContext: true });
    }
  }
  return out;
}

export const networkDetector: Detector = {
  name: 'network',
  detect({ text, lower, facts }: DetectInput): Candidate[] {
    const out: Candidate[] = [];
    const f = facts ?? textFacts(text);
    if ((f.has & CH_AT) !== 0) out.push(...findEmails(text));
    out.push(...findObfuscatedEmails(text, lower));
    if (f.digits > 0) out.push(...findIps(text, f.has));
    // A MAC has two hex digits before a separator.
    if (f.hexRun >= 2 && (f.has & (CH_COLON | CH_HYPHEN | CH_DOT)) !== 0) out.push(...findMacs(text));
    out.push(...findUrlCredentials(text));
    return out;
  },
};
