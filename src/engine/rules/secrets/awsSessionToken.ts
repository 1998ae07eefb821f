import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-003',
  title: 'AWS session token in a file',
  advice: 'remove it; temporary credentials stay valid until they expire.',
  docs: `# GG-SEC-003 — AWS session token in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (key-anchored \`aws_session_token\`, \`SessionToken\`, \`X-Amz-Security-Token\`; and STS token prefixes \`IQoJb3JpZ2lu…\`, \`FwoGZXIvYXdz…\`)

## Why it matters
A session token belongs to temporary credentials (\`ASIA…\` key id, secret key, token) issued by STS, IAM
Identity Center or an instance role. Until it expires — up to 12 hours, 36 hours for some role sessions — the
three values together grant everything the role can do. Tokens pasted into notebooks, \`.env\` files or test
fixtures are often accompanied by the rest of the set.

## How to fix
1. If the credentials may still be valid, revoke the role's active sessions (IAM console → role → *Revoke active sessions*, which adds an \`aws:TokenIssueTime\` deny).
2. Remove the token from the file; let the SDK fetch temporary credentials itself (SSO profile, \`credential_process\`, instance or task role).
3. Check CloudTrail for calls made with the session's access key id.

## Suppress
Only for fake tokens in tests: \`# genai-guard-ignore GG-SEC-003: fake token used by unit tests\`.

## References
- AWS: Temporary security credentials — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html
- AWS: Revoking IAM role temporary security credentials — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
`,
});
