import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-020',
  title: 'Hardcoded password, secret or API key assignment',
  defaultSeverity: 'warning',
  advice: 'move it to a secret store or the environment.',
  docs: `# GG-SEC-020 — Hardcoded password, secret or API key assignment

**Family:** secret · **Default severity:** warning · **Formats:** every text file (\`password =\`, \`api_key:\`, \`secret:\`, \`client_secret\`, \`token\` assignments in code, .env, YAML, JSON, ini and properties files, typed declarations such as \`var token string = "…"\`, Makefile \`?=\`/\`::=\` and PHP \`.=\` assignments, \`setProperty("X_TOKEN", "…")\` calls, and XML elements such as \`<apiToken>…</apiToken>\`)

## Why it matters
Most credentials have no recognisable format: database passwords, internal API keys, signing secrets. This rule
looks for a literal value assigned to a name that says it is a credential, and reports it only when the value looks
random enough (Shannon entropy and length, stricter for keys than for passwords) and is not a placeholder or a
reference: \`var.\` / \`local.\` / \`data.\` expressions, \`\${…}\` and \`{{…}}\` templates, \`os.environ\`/\`os.getenv\`/
\`process.env\` lookups, \`{{resolve:…}}\` dynamic references, \`!Ref\`, \`changeme\`, \`xxxx\`, \`<…>\`, \`***\`,
\`your-api-key\`, obvious test words, UUIDs, hashes and paths. It is a warning because it is the least certain rule
of the family.

## How to fix
1. If the value is a real credential, rotate it.
2. Read it at run time: environment variables, AWS Secrets Manager or Parameter Store, \`{{resolve:secretsmanager:…}}\` in CloudFormation, a \`sensitive\` Terraform variable.
3. If it is not a secret (a test value, a public identifier), rename or suppress it with a reason.

## Suppress
For values that are not secrets: \`# genai-guard-ignore GG-SEC-020: public client id\`; \`pragma: allowlist secret\` and \`gitleaks:allow\` are honoured too.

## References
- OWASP: Secrets management cheat sheet — https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html
- CWE-798: Use of hard-coded credentials — https://cwe.mitre.org/data/definitions/798.html
`,
});
