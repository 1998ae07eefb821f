import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-008',
  title: 'Google API key or OAuth client secret in a file',
  advice: 'restrict or delete the key in Google Cloud and load it at run time.',
  docs: `# GG-SEC-008 — Google API key or OAuth client secret in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`AIza…\` API keys incl. Gemini, \`GOCSPX-…\` OAuth client secrets)

## Why it matters
\`AIza…\` keys authorise Google APIs, including the Gemini API (Google AI Studio) and Vertex AI express mode, billed
to the project. Unrestricted keys work from anywhere. \`GOCSPX-\` values are OAuth client secrets, which let an
attacker impersonate your application in OAuth flows.

## How to fix
1. Delete or regenerate the key (Google Cloud console → APIs & Services → Credentials, or AI Studio for Gemini keys).
2. Add API and application restrictions to the replacement key.
3. Load keys from the environment (\`GEMINI_API_KEY\`, \`GOOGLE_API_KEY\`) or Secret Manager; prefer service-account or workload identity auth on servers.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-008: fake key used by unit tests\`.

## References
- Google Cloud: Best practices for managing API keys — https://cloud.google.com/docs/authentication/api-keys-best-practices
- Gemini API: Using API keys — https://ai.google.dev/gemini-api/docs/api-key
`,
});
