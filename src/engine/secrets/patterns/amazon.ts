import type { SecretPattern } from '../types';
import { decodeBase64, distinctChars, isAwsDocExample, looksFake, shannonEntropy } from '../util';
import { anchored } from './build';

/** AWS's documentation keys (AKIAIOSFODNN7EXAMPLE and friends) are examples, never secrets. */
function notDocumentationExample(secret: string): boolean {
  return !isAwsDocExample(secret);
}

function plausibleSecretKey(secret: string): boolean {
  return !isAwsDocExample(secret) && !looksFake(secret) && distinctChars(secret) >= 12 && shannonEntropy(secret) >= 3.5 && /[0-9]/.test(secret) && /[A-Za-z]/.test(secret);
}

/** Names under which a secret access key is stored: `aws_secret_access_key`, `secretAccessKey`, TF `secret_key`, `AWS_SECRET_KEY`. */
const SECRET_KEY_NAME = String.raw`(?:aws)?[_.-]?secret[_.-]?(?:access[_.-]?)?key|aws[_.-]?secret|secretkey|aws[_.-]?sak|awssecretkey|secret_access_key`;
const SECRET_KEY_VALUE = String.raw`[A-Za-z0-9/+]{40}`;

/** Names of session tokens. */
const SESSION_TOKEN_NAME = String.raw`(?:aws[_.-]?)?(?:session|security)[_.-]?token|x-amz-security-token|sessiontoken`;
const SESSION_TOKEN_VALUE = String.raw`[A-Za-z0-9/+]{100,4000}={0,2}`;

function plausibleSessionToken(secret: string): boolean {
  return !looksFake(secret) && !isAwsDocExample(secret) && shannonEntropy(secret) >= 4;
}

/** Details of a short-term Bedrock key: its region and expiry, decoded locally from the presigned URL inside it. */
export function describeShortTermBedrockKey(secret: string): string | undefined {
  const url = decodeBase64(secret.slice('bedrock-api-key-'.length));
  if (!url) return 'short-term';
  const params = new Map<string, string>();
  const query = url.slice(url.indexOf('?') + 1);
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    let v = part.slice(eq + 1);
    try {
      v = decodeURIComponent(v);
    } catch {
      // keep it raw
    }
    params.set(part.slice(0, eq), v);
  }
  const details: string[] = ['short-term'];
  const region = /^[A-Z0-9]+\/\d{8}\/([a-z0-9-]+)\//.exec(params.get('X-Amz-Credential') ?? '')?.[1];
  if (region) details.push(`region ${region}`);
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(params.get('X-Amz-Date') ?? '');
  const expires = Number(params.get('X-Amz-Expires'));
  if (date && Number.isFinite(expires)) {
    const [, y, mo, d, h, mi, s] = date;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + expires * 1000;
    if (Number.isFinite(t)) details.push(`expires ${new Date(t).toISOString().replace('.000Z', 'Z')}`);
  }
  return details.join(', ');
}

/** Long-term keys decode to `BedrockAPIKey-<id>-at-<account>:<secret>`; only the account is shown. */
export function describeLongTermBedrockKey(secret: string): string | undefined {
  const decoded = decodeBase64(secret.slice(4));
  const account = decoded ? /-at-(\d{12})(?::|$)/.exec(decoded)?.[1] : undefined;
  return account ? `long-term, no expiry, account ${account}` : 'long-term, no expiry';
}

export const AWS_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'aws-access-key-id',
    ruleId: 'GG-SEC-001',
    label: 'AWS access key id',
    // AIDA/AROA/ANPA… are principal ids, not credentials, and are not matched.
    regex: /(?<![A-Za-z0-9/+])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9/+])/g,
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    // `AKIAXXXXXXXXXXXXXXXX`-style masks are not keys.
    validate: (s) => notDocumentationExample(s) && !looksFake(s.slice(4)),
    describe: (s) => (s.startsWith('ASIA') ? 'temporary credentials' : undefined),
  },
  {
    id: 'aws-secret-access-key',
    ruleId: 'GG-SEC-002',
    label: 'AWS secret access key',
    regex: anchored(SECRET_KEY_NAME, SECRET_KEY_VALUE),
    keywords: ['secret', 'Secret', 'SECRET'],
    validate: plausibleSecretKey,
  },
  {
    // A key id followed by its secret: CSV credential downloads, `key:secret`, `Credentials("AKIA…", "…")`.
    id: 'aws-secret-access-key-paired',
    ruleId: 'GG-SEC-002',
    label: 'AWS secret access key',
    regex: /(?<![A-Za-z0-9/+])(?:AKIA|ASIA)[A-Z2-7]{16}["'`]{0,1}[^\S\r\n]{0,4}[,:;|\t][^\S\r\n]{0,4}["'`]{0,1}(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    keywords: ['AKIA', 'ASIA'],
    validate: plausibleSecretKey,
  },
  {
    id: 'aws-session-token',
    ruleId: 'GG-SEC-003',
    label: 'AWS session token',
    regex: anchored(SESSION_TOKEN_NAME, SESSION_TOKEN_VALUE, String.raw`(?![A-Za-z0-9/+=])`),
    // Every name holds "session" or "security", in any case the regex accepts.
    keywords: ['ession', 'ESSION', 'ecurity', 'ECURITY'],
    validate: plausibleSessionToken,
  },
  {
    // STS tokens begin with a fixed protobuf header: base64 of `IQoJorigin…` (current) or `FwoGZXIvYXdz` (older).
    id: 'aws-session-token-prefixed',
    ruleId: 'GG-SEC-003',
    label: 'AWS session token',
    regex: /(?<![A-Za-z0-9/+])(?<secret>(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz|AgoJb3JpZ2lu|IQoDYXdz)[A-Za-z0-9/+]{80,4000}={0,2})(?![A-Za-z0-9/+=])/g,
    keywords: ['IQoJb3JpZ2lu', 'FwoGZXIvYXdz', 'FQoGZXIvYXdz', 'AgoJb3JpZ2lu', 'IQoDYXdz'],
    validate: plausibleSessionToken,
  },
  {
    id: 'aws-bedrock-api-key-long-term',
    ruleId: 'GG-SEC-004',
    label: 'Amazon Bedrock API key',
    regex: /(?<![A-Za-z0-9/+_-])(?<secret>ABSK[A-Za-z0-9+/]{100,300}={0,2})(?![A-Za-z0-9/+=])/g,
    keywords: ['ABSK'],
    validate: (s) => !/x{6,}|X{6,}|\*{3,}/.test(s) && distinctChars(s) >= 10,
    describe: describeLongTermBedrockKey,
  },
  {
    // `bedrock-api-key-` + base64 of a presigned `bedrock.amazonaws.com/?Action=CallWithBearerToken&…` URL.
    id: 'aws-bedrock-api-key-short-term',
    ruleId: 'GG-SEC-004',
    label: 'Amazon Bedrock API key',
    regex: /(?<![A-Za-z0-9_-])(?<secret>bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{0,6000}={0,2})(?![A-Za-z0-9/+=])/g,
    keywords: ['bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'],
    describe: describeShortTermBedrockKey,
  },
];
