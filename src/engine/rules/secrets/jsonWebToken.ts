import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-018',
  title: 'JSON Web Token in a file',
  defaultSeverity: 'warning',
  advice: 'remove it; if it is still valid, revoke the session or rotate the signing key.',
  docs: `# GG-SEC-018 — JSON Web Token in a file

**Family:** secret · **Default severity:** warning · **Formats:** every text file (three-part \`eyJ…\` tokens whose header decodes to JSON with an \`alg\`)

## Why it matters
A JWT is a bearer token: whoever presents it is treated as its subject until it expires. Tokens copied from
browser sessions, API consoles or logs into tests and notebooks are often still valid, and some (service tokens,
Supabase service-role keys) never expire. The rule decodes the header locally to confirm it is a JWT and shows the
algorithm and expiry; the token itself is never printed.

## How to fix
1. If the token is still valid, revoke it at the issuer (sign the user out, revoke the refresh token, or rotate the signing key).
2. Generate test tokens at run time with a throwaway signing key instead of committing captured ones.
3. Keep long-lived service tokens in a secret store.

## Suppress
For tokens that are public by design or synthetic test data: \`# genai-guard-ignore GG-SEC-018: unsigned test token\`.

## References
- RFC 7519: JSON Web Token — https://www.rfc-editor.org/rfc/rfc7519
- OWASP: JSON Web Token cheat sheet — https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html
`,
});
