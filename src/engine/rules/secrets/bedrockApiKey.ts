import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-004',
  title: 'Amazon Bedrock API key in a file',
  advice: 'revoke it and use short-term credentials from the credential chain.',
  docs: `# GG-SEC-004 — Amazon Bedrock API key in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (long-term \`ABSK…\`, short-term \`bedrock-api-key-…\`)

## Why it matters
Amazon Bedrock API keys are bearer tokens for the Bedrock runtime (\`AWS_BEARER_TOKEN_BEDROCK\`). A long-term key
(\`ABSK…\`) is an IAM service-specific credential that works until it is deleted; a short-term key
(\`bedrock-api-key-…\`) is a presigned request valid for up to 12 hours. Either lets anyone who has it invoke
models and incur charges as the owning identity. GenAI Guard decodes the key locally to show whether it is long- or
short-term, its region and expiry — the key itself is never printed or sent anywhere.

## How to fix
1. Long-term key: delete the service-specific credential (\`aws iam delete-service-specific-credential\`) or set it inactive; review which IAM user owned it.
2. Short-term key: it expires on its own; if it is still valid, revoke the issuing role's sessions.
3. Read the key from the environment or a secret store at run time, or use SigV4 with role credentials instead of API keys.
4. Restrict who may create long-term keys (\`iam:CreateServiceSpecificCredential\`) and call \`bedrock:CallWithBearerToken\`.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-004: fake key used by unit tests\`.

## References
- Amazon Bedrock: API keys — https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html
- Amazon Bedrock: Generate an API key — https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-generate.html
`,
});
