import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-011',
  title: 'AI data or tooling platform key in a file (Pinecone, LangSmith, Langfuse, Weights & Biases, Databricks)',
  advice: 'revoke it in the platform\'s settings and load it from the environment or a secret store.',
  docs: `# GG-SEC-011 — AI data or tooling platform key in a file (Pinecone, LangSmith, Langfuse, Weights & Biases, Databricks)

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`pcsk_…\`, \`lsv2_pt_…\`/\`lsv2_sk_…\`, \`sk-lf-…\`, \`dapi…\`; Pinecone UUID keys and W&B 40-hex keys next to their key names)

## Why it matters
Vector databases, tracing and experiment-tracking platforms hold the data that generative-AI applications are
built on: embeddings of internal documents (Pinecone), full prompt/response traces (LangSmith, Langfuse), training
runs and artifacts (Weights & Biases, Databricks). A leaked key exposes that data and, with write access, lets an
attacker poison a retrieval index or replace model artifacts.

## How to fix
1. Revoke the key in the platform (Pinecone console → API keys; LangSmith settings; W&B user settings; Databricks user settings → access tokens).
2. Load it from the environment (\`PINECONE_API_KEY\`, \`LANGSMITH_API_KEY\`, \`WANDB_API_KEY\`) or a secret store.
3. Prefer service keys scoped to one project or index over personal keys.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-011: fake key used by unit tests\`.

## References
- Pinecone: Manage API keys — https://docs.pinecone.io/guides/projects/manage-api-keys
- LangSmith: Create an API key — https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key
- Weights & Biases: API keys — https://docs.wandb.ai/support/find_api_key/
`,
});
