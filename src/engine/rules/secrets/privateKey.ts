import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-017',
  title: 'Private key in a file',
  advice: 'revoke it wherever it is trusted and keep key material out of source control.',
  docs: `# GG-SEC-017 — Private key in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (PEM \`PRIVATE KEY\`, \`RSA\`/\`EC\`/\`DSA\`/\`OPENSSH\`/\`ENCRYPTED PRIVATE KEY\`, \`PGP PRIVATE KEY BLOCK\`, PuTTY \`.ppk\`; passphrase-protected keys as warnings)

## Why it matters
A private key is the identity itself: SSH access to hosts, TLS server identity, JWT or SAML signing, GCP
service-account credentials (\`"private_key"\` in a JSON key file), code or package signing. Unlike an API key it
cannot be rotated by a provider on your behalf — every system that trusts the public half must be updated.

## How to fix
1. Treat the key as compromised: remove the public key from \`authorized_keys\`, revoke the certificate, or delete the service-account key.
2. Generate a new key pair and keep it in a secret store, AWS KMS/CloudHSM, or an SSH agent — never in the repository.
3. Rewrite history if the repository was ever shared.

## Suppress
Only for test keys: \`# genai-guard-ignore-next-line GG-SEC-017: throwaway key for TLS tests\` on the line above \`-----BEGIN\`.

## References
- AWS: Amazon EC2 key pairs — https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-key-pairs.html
- Google Cloud: Best practices for managing service account keys — https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys
`,
});
