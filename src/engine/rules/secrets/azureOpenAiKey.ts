import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-009',
  title: 'Azure OpenAI or Azure AI services key in a file',
  advice: 'regenerate it in the Azure portal and use Microsoft Entra ID or a Key Vault reference.',
  docs: `# GG-SEC-009 — Azure OpenAI or Azure AI services key in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (32-hex keys next to an Azure key name or \`api-key\` header; 84-character keys with the \`JQQJ9\` signature)

## Why it matters
Azure OpenAI and Azure AI services keys grant full data-plane access to the resource: model deployments,
completions, embeddings and fine-tuning files, billed to your subscription. Older keys are 32 hexadecimal
characters with no prefix, so they are recognised by the name they are assigned to; newer keys carry a fixed
signature.

## How to fix
1. Regenerate the key (resource → Keys and Endpoint → Regenerate Key 1/2); the other key keeps traffic flowing while you rotate.
2. Prefer Microsoft Entra ID authentication (managed identity) and disable local key auth (\`disableLocalAuth\`).
3. Otherwise keep the key in Azure Key Vault or the environment.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-009: fake key used by unit tests\`.

## References
- Azure OpenAI: Rotate keys — https://learn.microsoft.com/en-us/azure/ai-services/rotate-keys
- Azure AI services: Disable local authentication — https://learn.microsoft.com/en-us/azure/ai-services/disable-local-auth
`,
});
