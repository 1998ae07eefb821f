import type { SecretPattern } from '../types';
import { decodeBase64, decodeJson, distinctChars } from '../util';

/** The base64 body of a PEM/OpenSSH/PGP block, with headers, string quoting and escaped newlines removed. */
function pemBody(block: string): string {
  const afterBegin = block.indexOf('-----', 10);
  const endAt = block.lastIndexOf('-----END');
  const inner = block.slice(afterBegin + 5, endAt);
  return inner
    .replace(/\\[nr]/g, '\n')
    .split('\n')
    .filter((l) => !/^\s*[A-Za-z-]{2,30}:\s/.test(l))
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
}

function plausiblePrivateKey(block: string): boolean {
  if (/\.\.\.|…|<[a-z ]+>|REDACTED|x{8,}|X{8,}/i.test(block.replace(/-----[A-Z ]+-----/g, ''))) return false;
  const body = pemBody(block);
  if (body.length < 64 || distinctChars(body) < 20) return false;
  // The block must be key material, not code that happens to sit between two PEM marker constants.
  const inner = block.slice(block.indexOf('-----', 10) + 5, block.lastIndexOf('-----END'));
  const stripped = inner
    .replace(/\\[nr]/g, '\n')
    .split('\n')
    .filter((l) => !/^\s*[A-Za-z-]{2,30}:\s/.test(l))
    .join('')
    .replace(/[\s"'`+,;\\]/g, '');
  const foreign = stripped.replace(/[A-Za-z0-9+/=]/g, '').length;
  return foreign <= stripped.length * 0.02 && /[A-Za-z0-9+/]{40}/.test(stripped);
}

function describePrivateKey(block: string): string | undefined {
  const kind = /-----BEGIN ([A-Z0-9 ]{0,40}?)PRIVATE KEY/.exec(block)?.[1]?.trim();
  const encrypted = /ENCRYPTED/.test(block.slice(0, 200));
  const label = kind ? { RSA: 'RSA', EC: 'EC', DSA: 'DSA', OPENSSH: 'OpenSSH', PGP: 'PGP', ENCRYPTED: 'PKCS#8' }[kind] ?? kind : 'PKCS#8';
  return encrypted ? `${label}, passphrase-protected` : label;
}

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const [h, p] = token.split('.');
  if (!h || !p) return undefined;
  const header = decodeJson(h);
  const payload = decodeJson(p);
  if (!header || typeof header !== 'object' || Array.isArray(header)) return undefined;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  return { header: header as Record<string, unknown>, payload: payload as Record<string, unknown> };
}

function describeJwt(token: string): string | undefined {
  const jwt = decodeJwt(token);
  if (!jwt) return undefined;
  const parts = [`alg ${String(jwt.header.alg)}`];
  const exp = jwt.payload.exp;
  if (typeof exp === 'number' && Number.isFinite(exp) && exp > 0 && exp < 1e11) parts.push(`expires ${new Date(exp * 1000).toISOString().replace('.000Z', 'Z')}`);
  return parts.join(', ');
}

export const KEY_PATTERNS: readonly SecretPattern[] = [
  // GG-SEC-017 private keys
  {
    id: 'private-key',
    ruleId: 'GG-SEC-017',
    label: 'private key',
    // The body cannot contain `-----`, so each BEGIN costs at most the distance to the next marker.
    regex: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----)){0,20000}-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
    keywords: ['PRIVATE KEY'],
    validate: plausiblePrivateKey,
    describe: describePrivateKey,
    severity: (s) => (/ENCRYPTED/.test(s.slice(0, 200)) ? 'warning' : undefined),
  },
  {
    id: 'putty-private-key',
    ruleId: 'GG-SEC-017',
    label: 'private key',
    regex: /PuTTY-User-Key-File-[23]: [a-z0-9-]{3,30}\r?\nEncryption: [a-z0-9-]{3,30}\r?\n[\s\S]{0,8000}?Private-MAC: [0-9a-f]{40,64}/g,
    keywords: ['PuTTY-User-Key-File-'],
    describe: () => 'PuTTY',
  },
  // GG-SEC-018 JSON Web Tokens
  {
    id: 'jwt',
    ruleId: 'GG-SEC-018',
    label: 'JSON Web Token',
    regex: /(?<![A-Za-z0-9_-])(?<secret>e[wy][A-Za-z0-9_-]{10,4000}\.e[wy][A-Za-z0-9_-]{4,20000}(?:\.[A-Za-z0-9_-]{0,4000})?)(?![A-Za-z0-9_-])/g,
    keywords: ['eyJ', 'ewog', 'eyAi', 'ewoi'],
    validate: (s) => {
      const jwt = decodeJwt(s);
      if (jwt) return typeof jwt.header.alg === 'string' && jwt.header.alg.length > 0;
      // A header damaged in transit (or hand-edited) still names its fields; the claims must be a JSON object.
      const [h, p] = s.split('.');
      const claims = p ? decodeJson(p) : undefined;
      return !!claims && typeof claims === 'object' && !Array.isArray(claims) && /^\{\s{0,4}"/.test(decodeBase64(h ?? '') ?? '') && /"(?:alg|typ)"/.test(decodeBase64(h ?? '') ?? '');
    },
    describe: describeJwt,
  },
];
