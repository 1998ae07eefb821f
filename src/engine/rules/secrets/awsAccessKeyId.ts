import type { Rule } from '../rule';
import { maskSecret } from '../../text';

/** Prefixes of AWS access key ids. AIDA/AROA/ANPA… are principal ids, not credentials, and are not reported. */
const KEY_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA'] as const;
const PATTERN = /(?<![A-Za-z0-9/+])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9/+])/g;

/** AWS's documentation keys (AKIAIOSFODNN7EXAMPLE and friends) are examples, never secrets. */
function isDocumentationExample(keyId: string): boolean {
  return keyId.endsWith('EXAMPLE');
}

const rule: Rule = {
  id: 'GG-SEC-001',
  family: 'secret',
  defaultSeverity: 'error',
  title: 'AWS access key id in a file',
  appliesTo: '*',
  keywords: KEY_PREFIXES,
  docs: `# GG-SEC-001 — AWS access key id in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file

## Why it matters
An AWS access key id (\`AKIA…\` for a long-term IAM user key, \`ASIA…\` for temporary credentials) is half of a
credential pair. Where the id is committed, the secret access key is usually nearby — in the same file, a \`.env\`,
or the repository history. Leaked keys are found by automated scanners within minutes of a public push and are
commonly used for *LLM-jacking*: invoking Amazon Bedrock models at the owner's expense.

## How to fix
1. Deactivate and delete the key in IAM (\`aws iam update-access-key --status Inactive\`, then \`delete-access-key\`).
2. Review CloudTrail for use of the key, especially \`bedrock:InvokeModel*\` and \`Converse*\` calls.
3. Remove it from the code; read credentials from the default credential chain (environment, SSO profile, an IAM
   role) instead. Rewrite history if the repository was ever shared.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-001: fake key used by unit tests\`.
AWS's documentation example keys (ending in \`EXAMPLE\`) are never reported.

## References
- AWS: Managing access keys for IAM users — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
- AWS: Unique identifier prefixes — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
`,
  check(ctx) {
    for (const m of ctx.text.matchAll(PATTERN)) {
      const keyId = m[1] ?? '';
      if (isDocumentationExample(keyId)) continue;
      const start = m.index ?? 0;
      const temporary = keyId.startsWith('ASIA');
      ctx.report({
        start,
        end: start + keyId.length,
        message: `${temporary ? 'Temporary AWS access key id' : 'AWS access key id'} ${maskSecret(keyId)} is hardcoded; remove it and rotate the key.`,
        identity: keyId,
      });
    }
  },
};

export default rule;
