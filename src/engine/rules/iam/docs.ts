/** Builds a rule page in the shape every rule uses (the SARIF help text reads its sections). */
export function ruleDocs(d: { id: string; title: string; severity: string; formats: string; why: string; fix: string; example?: string; references: string[] }): string {
  return `# ${d.id} — ${d.title}

**Family:** iam · **Default severity:** ${d.severity} · **Formats:** ${d.formats}

## Why it matters
${d.why}

## How to fix
${d.fix}
${d.example ? `\n## Example\n${d.example}\n` : ''}
## Suppress
Write \`genai-guard-ignore ${d.id}: reason\` on the line (or \`genai-guard-ignore-next-line\` above it); in
CloudFormation, add \`Metadata: { genai-guard: { ignore: [{ id: ${d.id}, reason: … }] } }\` to the resource.

## References
${d.references.map((r) => `- ${r}`).join('\n')}
`;
}

export const IAM_FORMATS = ['terraform', 'cloudformation', 'serverless', 'iam-policy', 'cdk'] as const;
export const IAM_FORMATS_TEXT = 'Terraform, CloudFormation/SAM, serverless.yml, IAM policy JSON, CDK (TypeScript, JavaScript, Python)';
