import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-010',
  title: 'Model provider API key in a file (Cohere, Mistral, Groq, Replicate, xAI, Perplexity, OpenRouter, DeepSeek)',
  advice: 'revoke it in the provider\'s console and load it from the environment or a secret store.',
  docs: `# GG-SEC-010 — Model provider API key in a file (Cohere, Mistral, Groq, Replicate, xAI, Perplexity, OpenRouter, DeepSeek)

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`gsk_…\`, \`r8_…\`, \`xai-…\`, \`pplx-…\`, \`sk-or-v1-…\`; Cohere, Mistral and DeepSeek keys next to their key names)

## Why it matters
Keys for hosted model APIs are bearer credentials billed to your account: whoever holds one can run inference,
read fine-tuning data or deploy models as you. Cohere and Mistral keys have no prefix, so they are recognised by
the name they are assigned to (\`COHERE_API_KEY\`, \`co_api_key\`, \`MISTRAL_API_KEY\`, \`cohere.Client("…")\`).

## How to fix
1. Revoke the key in the provider's console and review usage for the exposure window.
2. Load it at run time from the environment or a secret store (AWS Secrets Manager, a vault).
3. Where the same models are available through Amazon Bedrock, IAM roles avoid static keys altogether.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-010: fake key used by unit tests\`.

## References
- Groq: API keys — https://console.groq.com/docs/api-keys
- Replicate: API tokens — https://replicate.com/docs/topics/security/api-tokens
- Cohere: API keys — https://docs.cohere.com/docs/rate-limits
`,
});
