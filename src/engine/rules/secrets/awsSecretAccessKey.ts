import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-002',
  title: 'AWS secret access key in a file',
  advice: 'deactivate the key pair in IAM and read credentials from the default credential chain.',
  docs: `# GG-SEC-002 — AWS secret access key in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (key-anchored: \`aws_secret_access_key\`, \`AWS_SECRET_ACCESS_KEY\`, \`secretAccessKey\`, Terraform \`secret_key\`, \`AWS_SECRET_KEY\`; also a 40-character secret right after its \`AKIA…\` key id)

## Why it matters
The secret access key is the half of an AWS key pair that signs requests: with it (and the key id, usually
stored right next to it) anyone can act as the IAM user. AWS secret keys have no recognisable prefix, so this rule
looks for a 40-character base64 value assigned to a key named like a secret access key — in Terraform provider
blocks (\`secret_key\`), boto3 calls (\`aws_secret_access_key=\`), \`.env\`/ini/YAML/JSON files, the CLI's
\`~/.aws/credentials\` file, Dockerfiles, and the CSV credential downloads from the console. Leaked pairs are abused
within minutes, often to run Amazon Bedrock models at the owner's expense ("LLM-jacking").

## How to fix
1. Deactivate and delete the access key in IAM (\`aws iam update-access-key --status Inactive\`, then \`delete-access-key\`) and create a new one only if a long-term key is really needed.
2. Review CloudTrail for activity by the key id, especially \`bedrock:InvokeModel*\`, \`iam:*\` and \`sts:*\` calls.
3. Remove the literal: use IAM roles, IAM Identity Center (SSO) profiles or environment variables injected at run time; in Terraform, drop \`access_key\`/\`secret_key\` from the provider and let it use the credential chain.
4. Rewrite history if the repository was ever shared.

## Suppress
Only for fake keys in tests: \`# genai-guard-ignore GG-SEC-002: fake key used by unit tests\`.
AWS's documentation example (\`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\`) is never reported.

## References
- AWS: Managing access keys for IAM users — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
- AWS: Configuration and credential file settings — https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
- Terraform AWS provider: authentication and configuration — https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration
`,
});
