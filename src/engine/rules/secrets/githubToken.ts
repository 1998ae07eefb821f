import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-012',
  title: 'GitHub token in a file',
  advice: 'revoke it on GitHub and use the workflow\'s `GITHUB_TOKEN` or a secret store.',
  docs: `# GG-SEC-012 — GitHub token in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`ghp_\`, \`gho_\`, \`ghu_\`, \`ghs_\`, \`ghr_\`, \`github_pat_\`)

## Why it matters
GitHub tokens act as the user or app that created them: classic personal access tokens often carry \`repo\` scope
across every repository the user can reach. An attacker can push code, read private repositories (including
other credentials kept there), or tamper with workflows that deploy to AWS.

## How to fix
1. Revoke the token (Settings → Developer settings → Personal access tokens; app and OAuth tokens via the app settings).
2. In GitHub Actions, use the built-in \`GITHUB_TOKEN\` or OIDC federation to AWS instead of stored tokens.
3. Prefer fine-grained tokens with an expiry and the fewest repositories and permissions.

## Suppress
Only for fake tokens in tests: \`# genai-guard-ignore GG-SEC-012: fake token used by unit tests\`.

## References
- GitHub: Managing your personal access tokens — https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens
- GitHub: About authentication to GitHub (token formats) — https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats
`,
});
