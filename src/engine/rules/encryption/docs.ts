/** Builds an encryption/exposure rule page in the shape every rule uses (the SARIF help text reads its sections). */
export function ruleDocs(d: { id: string; title: string; severity: string; formats: string; why: string; fix: string; example?: string; references: string[] }): string {
  return `# ${d.id} — ${d.title}

**Family:** encryption · **Default severity:** ${d.severity} · **Formats:** ${d.formats}

## Why it matters
${d.why}

## How to fix
${d.fix}
${d.example ? `\n## Example\n${d.example}\n` : ''}
## Suppress
Write \`genai-guard-ignore ${d.id}: reason\` on the line (or \`genai-guard-ignore-next-line\` above it); in
CloudFormation, add \`Metadata: { genai-guard: { ignore: [{ id: ${d.id}, reason: … }] } }\` to the resource. The
incumbents' skip comments for the equivalent checks (Checkov, Trivy/tfsec, cfn_nag) are honoured too.

## References
${d.references.map((r) => `- ${r}`).join('\n')}
`;
}

export const TF_CFN = ['terraform', 'cloudformation', 'serverless'] as const;
export const TF_CFN_TEXT = 'Terraform, CloudFormation/SAM, serverless.yml (`resources`)';
export const TF_ONLY = ['terraform'] as const;
