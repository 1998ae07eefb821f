import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-006',
  title: 'Anthropic API key in a file',
  advice: 'disable it in the Anthropic Console and load it from the environment or a secret store.',
  docs: `# GG-SEC-006 — Anthropic API key in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`sk-ant-api03-…\`, admin keys \`sk-ant-admin01-…\`)

## Why it matters
Anthropic API keys (\`sk-ant-api03-…\`) authorise Claude API calls billed to the workspace; Admin API keys
(\`sk-ant-admin01-…\`) can create users, workspaces and other keys. Anthropic takes part in GitHub secret scanning,
but keys in private repositories, images, notebooks and chat logs are not covered.

## How to fix
1. Disable or delete the key in the Anthropic Console (Settings → API keys, or Admin keys) and review usage.
2. Read the key from \`ANTHROPIC_API_KEY\` or a secret store at run time; on AWS, consider calling Claude through Amazon Bedrock with IAM roles instead of a static key.
3. Keep admin keys out of application code entirely.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-006: fake key used by unit tests\`.

## References
- Anthropic: API keys — https://docs.anthropic.com/en/api/getting-started
- Anthropic: Admin API — https://docs.anthropic.com/en/api/administration-api
`,
});
