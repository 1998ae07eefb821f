import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-007',
  title: 'Hugging Face token in a file',
  advice: 'revoke it in the Hugging Face settings and use `HF_TOKEN` from the environment.',
  docs: `# GG-SEC-007 — Hugging Face token in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`hf_…\` user access tokens, \`api_org_…\` organisation tokens)

## Why it matters
Hugging Face access tokens can read — and with write or fine-grained permissions, overwrite — private models,
datasets and Spaces. A leaked write token lets an attacker replace model weights that downstream applications load,
a supply-chain risk beyond the usual account takeover.

## How to fix
1. Invalidate the token under Settings → Access Tokens and create a fine-grained, read-only replacement.
2. Set \`HF_TOKEN\` in the environment (or \`huggingface-cli login\` on developer machines) instead of passing \`token=\` literals.
3. Audit recent commits to models and datasets the token could write.

## Suppress
Only for fake tokens in tests: \`# genai-guard-ignore GG-SEC-007: fake token used by unit tests\`.

## References
- Hugging Face: User access tokens — https://huggingface.co/docs/hub/security-tokens
- Hugging Face: Secrets scanning — https://huggingface.co/docs/hub/security-secrets
`,
});
