/**
 * Which Amazon Bedrock models a workspace's code uses: a regex scan for model ids (`anthropic.claude-3-5-sonnet-…`,
 * `amazon.nova-pro-v1:0`, `meta.llama3-…`), inference-profile ids (`us.anthropic.…`, `global.…`) and model ARNs.
 * Deliberately simple: it marks models in the posture tree and feeds `models.legacy-in-use`; it does not decide
 * anything on its own.
 */

/** Model providers whose ids appear in Bedrock model ids (`PROVIDER.NAME-VERSION`). */
const PROVIDERS = [
  'ai21',
  'amazon',
  'anthropic',
  'cohere',
  'deepseek',
  'google',
  'luma',
  'meta',
  'minimax',
  'mistral',
  'moonshot',
  'moonshotai',
  'nvidia',
  'openai',
  'qwen',
  'stability',
  'twelvelabs',
  'writer',
];

/** Geography prefixes of system-defined inference profiles. */
export const PROFILE_GEOGRAPHIES = ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca'];

// provider.name-with-dashes[-v1][:0]; the name must contain a dash or digit so `amazon.com` is not a model.
const MODEL_ID = new RegExp(
  `(?<![A-Za-z0-9_.-])((?:${PROFILE_GEOGRAPHIES.map((g) => g.replace('-', '\\-')).join('|')})\\.)?((?:${PROVIDERS.join('|')})\\.[a-z0-9]+(?:[-._][a-z0-9]+)*(?::\\d+)?(?::\\d+k)?)(?![A-Za-z0-9_-])`,
  'g',
);

export interface ModelReference {
  /** As written: `us.anthropic.claude-3-5-haiku-20241022-v1:0`. */
  id: string;
  /** The foundation-model id without an inference-profile geography prefix. */
  modelId: string;
  /** 1-based line. */
  line: number;
}

/** Model ids referenced in one file's text. */
export function findModelReferences(text: string): ModelReference[] {
  const out: ModelReference[] = [];
  const seen = new Set<string>();
  let lineStarts: number[] | undefined;
  for (const m of text.matchAll(MODEL_ID)) {
    const modelId = m[2]!;
    // Require a dash or digit after the provider: `amazon.com`, `meta.json` are not models.
    if (!/[-\d]/.test(modelId.slice(modelId.indexOf('.') + 1))) continue;
    if (/\.(?:json|js|ts|py|ya?ml|md|txt|com|org|io|net)$/.test(modelId)) continue;
    const id = `${m[1] ?? ''}${modelId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    lineStarts ??= lineOffsets(text);
    out.push({ id, modelId, line: lineOf(lineStarts, m.index) });
  }
  return out;
}

/** The set of foundation-model ids (and the profile ids as written) found in several files' texts. */
export function modelIdsIn(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const r of findModelReferences(t)) {
      out.add(r.modelId);
      out.add(r.id);
    }
  }
  return out;
}

/** `us.anthropic.claude…` → `anthropic.claude…`; an ARN → its model id; anything else unchanged. */
export function baseModelId(ref: string): string {
  let id = ref;
  const slash = id.lastIndexOf('/');
  if (id.startsWith('arn:') && slash !== -1) id = id.slice(slash + 1);
  const dot = id.indexOf('.');
  if (dot !== -1 && PROFILE_GEOGRAPHIES.includes(id.slice(0, dot))) {
    const rest = id.slice(dot + 1);
    if (rest.includes('.')) id = rest;
  }
  return id;
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
