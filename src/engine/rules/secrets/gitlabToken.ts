import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-013',
  title: 'GitLab token in a file',
  advice: 'revoke it in GitLab and use CI/CD variables or a secret store.',
  docs: `# GG-SEC-013 — GitLab token in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`glpat-\`, \`gldt-\`, \`glrt-\`, \`gloas-\`, \`glcbt-\`, \`glft-\`, \`glptt-\`, … and \`GR1348941\` runner registration tokens)

## Why it matters
GitLab personal, project, group and deploy tokens grant API, repository or registry access with the scopes they
were created with; runner tokens let a machine pick up CI jobs, and with them the job's variables and secrets.

## How to fix
1. Revoke the token (User settings → Access tokens, or the project/group settings for project, group and deploy tokens; reset runner tokens).
2. Pass tokens to pipelines as masked, protected CI/CD variables, or use ID tokens with OIDC federation to AWS.
3. Give replacements an expiry date and the narrowest scopes.

## Suppress
Only for fake tokens in tests: \`# genai-guard-ignore GG-SEC-013: fake token used by unit tests\`.

## References
- GitLab: Token overview — https://docs.gitlab.com/security/tokens/
- GitLab: Personal access tokens — https://docs.gitlab.com/user/profile/personal_access_tokens/
`,
});
