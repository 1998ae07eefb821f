import type { SecretContext, SecretMatch, SecretPattern } from './types';

/** AWS's documentation keys (AKIAIOSFODNN7EXAMPLE and friends) are examples, never secrets. */
function notDocumentationExample(secret: string): boolean {
  return !secret.endsWith('EXAMPLE');
}

/**
 * The secret catalogue: every token format GenAI Guard knows. The scanner's secret rules report these; the prompt
 * redaction engine replaces them. Add formats here, never in a second list.
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'aws-access-key-id',
    ruleId: 'GG-SEC-001',
    label: 'AWS access key id',
    // AIDA/AROA/ANPA… are principal ids, not credentials, and are not matched.
    regex: /(?<![A-Za-z0-9/+])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9/+])/g,
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    validate: notDocumentationExample,
    describe: (s) => (s.startsWith('ASIA') ? 'temporary credentials' : undefined),
  },
];

function secretSpan(m: RegExpMatchArray): { value: string; offset: number } {
  const named = m.groups?.secret;
  const value = named ?? m[1] ?? m[0];
  const index = m.index ?? 0;
  // Group offsets: the secret is located inside the whole match (first occurrence is the captured one).
  const offset = value === m[0] ? index : index + m[0].indexOf(value);
  return { value, offset };
}

/** Finds every catalogued secret in a text. Throws if a validator throws: callers treat that as a failure. */
export function findSecrets(text: string, patterns: readonly SecretPattern[] = SECRET_PATTERNS): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const p of patterns) {
    if (!p.keywords.some((k) => text.includes(k))) continue;
    for (const m of text.matchAll(p.regex)) {
      const { value, offset } = secretSpan(m);
      const ctx: SecretContext = { text, start: offset, end: offset + value.length };
      if (p.validate && !p.validate(value, ctx)) continue;
      const detail = p.describe?.(value);
      out.push({ patternId: p.id, ruleId: p.ruleId, label: p.label, start: offset, end: offset + value.length, value, ...(detail ? { detail } : {}) });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
