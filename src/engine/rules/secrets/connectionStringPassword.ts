import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-019',
  title: 'Password in a connection string or URL',
  advice: 'move the password to a secret store and build the URL at run time.',
  docs: `# GG-SEC-019 — Password in a connection string or URL

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`scheme://user:password@host\` for postgres, mysql, mongodb(+srv), redis, amqp, mssql, jdbc, ldap, smtp, http(s), …)

## Why it matters
Connection strings bundle host, user and password in one copyable value, so they travel: into \`.env\` files,
notebooks, docker-compose files and LangChain/LlamaIndex vector-store configuration. A database URL with a real
password exposes the data behind a RAG application directly. Placeholders and variable references
(\`\${DB_PASSWORD}\`, \`$PASS\`, \`<password>\`, \`%s\`, \`password\`) are not reported.

## How to fix
1. Change the database user's password.
2. Keep the password in AWS Secrets Manager (with rotation) or the environment, and assemble the URL at run time; RDS and Aurora also support IAM database authentication.
3. In CloudFormation use a \`{{resolve:secretsmanager:…}}\` dynamic reference; in Terraform use \`manage_master_user_password\` or a data source.

## Suppress
Only for local throwaway databases: \`# genai-guard-ignore GG-SEC-019: local docker database\`.

## References
- AWS Secrets Manager: Rotate database credentials — https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html
- Amazon RDS: IAM database authentication — https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html
`,
});
