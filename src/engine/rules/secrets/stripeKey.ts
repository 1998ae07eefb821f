import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-015',
  title: 'Stripe secret key in a file',
  advice: 'roll it in the Stripe dashboard and load it from the environment or a secret store.',
  docs: `# GG-SEC-015 — Stripe secret key in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`sk_live_\`, \`rk_live_\`, webhook secrets \`whsec_\`; test-mode \`sk_test_\`/\`rk_test_\` as warnings)

## Why it matters
A live Stripe secret key can create charges, issue refunds and read customer data; restricted keys (\`rk_\`) do what
their permissions allow. Test-mode keys cannot move money but expose test data and are reported as warnings.
Webhook signing secrets (\`whsec_\`) let an attacker forge events your endpoint will trust.

## How to fix
1. Roll the key in the Stripe dashboard (Developers → API keys → Roll key) and review recent API requests.
2. Load keys from the environment or a secret store; prefer restricted keys with the permissions the service needs.
3. Rotate webhook signing secrets under Developers → Webhooks.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-015: fake key used by unit tests\`.

## References
- Stripe: API keys — https://docs.stripe.com/keys
- Stripe: Best practices for managing secret API keys — https://docs.stripe.com/keys-best-practices
`,
});
