/** Bedrock model ids and ARNs written in source code, so an IAM fix can list what the application really invokes. */

const PROVIDERS = 'anthropic|amazon|meta|mistral|cohere|ai21|stability|deepseek|openai|qwen|writer|twelvelabs|luma|google|nvidia|minimax|moonshot';
const GEO = 'us|eu|apac|global|us-gov|jp|au|ca';
const MODEL_ID = new RegExp(`(?<![\\w./-])((?:(?:${GEO})\\.)?(?:${PROVIDERS})\\.[a-z0-9][a-z0-9.-]*(?::\\d+)?)(?![\\w-])`, 'g');
const MODEL_ARN = /arn:aws[a-z-]*:bedrock:[a-z0-9-*]*:[0-9*]*:(?:foundation-model|inference-profile|application-inference-profile|provisioned-model|custom-model|imported-model)\/[A-Za-z0-9.:_-]+/g;

/** Model ids (`anthropic.claude-3-5-haiku-20241022-v1:0`, `us.amazon.nova-pro-v1:0`) and literal model ARNs in a text. */
export function extractModelIds(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(MODEL_ARN)) out.add(m[0]);
  for (const m of text.matchAll(MODEL_ID)) {
    const id = m[1]!;
    // A version marker tells model ids from hostnames and package names (amazon.com, meta.json).
    if (/(-v\d+(:\d+)?|:\d+)$/.test(id) && !/\.(json|ya?ml|py|ts|js|md|com|org)$/.test(id)) out.add(id);
  }
  return [...out].sort();
}

const GEO_PREFIX = new RegExp(`^(?:${GEO})\\.`);

/**
 * The resource ARNs to grant for the ids: a foundation model in any region; an inference profile plus the foundation
 * model it routes to (a cross-region profile needs both). Literal ARNs are kept as written.
 */
export function modelArns(ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    if (id.startsWith('arn:')) {
      out.add(id);
      continue;
    }
    if (GEO_PREFIX.test(id)) {
      out.add(`arn:aws:bedrock:*:*:inference-profile/${id}`);
      out.add(`arn:aws:bedrock:*::foundation-model/${id.replace(GEO_PREFIX, '')}`);
    } else {
      out.add(`arn:aws:bedrock:*::foundation-model/${id}`);
    }
  }
  return [...out].sort();
}
