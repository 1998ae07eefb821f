import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-005',
  title: 'OpenAI API key in a file',
  advice: 'revoke it in the OpenAI dashboard and load it from the environment or a secret store.',
  docs: `# GG-SEC-005 — OpenAI API key in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`sk-…T3BlbkFJ…\`, \`sk-proj-\`, \`sk-svcacct-\`, \`sk-admin-\`)

## Why it matters
OpenAI secret keys authorise API calls billed to the owning organisation and project; admin keys (\`sk-admin-\`)
manage the organisation itself. Keys committed to a repository, notebook or container image are harvested by
scanners quickly and used to run up usage.

## How to fix
1. Revoke the key on the API keys page (or the admin keys page for \`sk-admin-\`), and check usage for the period it was exposed.
2. Load the key at run time (\`OPENAI_API_KEY\` from the environment, AWS Secrets Manager, a vault) rather than writing it in code.
3. Prefer project-scoped keys with restricted permissions and per-project budgets.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-005: fake key used by unit tests\`.

## References
- OpenAI: Best practices for API key safety — https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety
- OpenAI: Admin and audit logs API — https://platform.openai.com/docs/api-reference/administration
`,
});
