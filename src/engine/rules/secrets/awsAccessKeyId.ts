import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-001',
  title: 'AWS access key id in a file',
  advice: 'remove it and rotate the key.',
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
});
