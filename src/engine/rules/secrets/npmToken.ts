import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-016',
  title: 'npm access token in a file',
  advice: 'revoke it on npmjs.com and inject it from CI secrets.',
  docs: `# GG-SEC-016 — npm access token in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`npm_…\` tokens; \`:_authToken=\` / \`:_auth=\` lines in \`.npmrc\`)

## Why it matters
An npm token with publish rights lets an attacker push a malicious version of your packages to everyone who
depends on them. Tokens end up in \`.npmrc\` files committed next to the code, or baked into container images.

## How to fix
1. Revoke the token (\`npm token revoke <id>\` or npmjs.com → Access Tokens).
2. Reference it as \`//registry.npmjs.org/:_authToken=\${NPM_TOKEN}\` and inject \`NPM_TOKEN\` from CI secrets; prefer granular tokens, or trusted publishing with OIDC.
3. Check the package versions published while the token was exposed.

## Suppress
Only for fake tokens in tests: \`# genai-guard-ignore GG-SEC-016: fake token used by unit tests\`.

## References
- npm: About access tokens — https://docs.npmjs.com/about-access-tokens
- npm: Using private packages in a CI/CD workflow — https://docs.npmjs.com/using-private-packages-in-a-ci-cd-workflow
`,
});
