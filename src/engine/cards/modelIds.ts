/** Recognises Amazon Bedrock model ids, inference profile ids and ARNs. */

const GEO = ['us-gov', 'us', 'eu', 'apac', 'global', 'jp', 'au', 'ca'];
const PROVIDERS = ['anthropic', 'amazon', 'meta', 'mistral', 'cohere', 'ai21', 'deepseek', 'writer', 'stability', 'twelvelabs', 'qwen', 'openai', 'luma', 'google', 'nvidia', 'minimax', 'moonshot'];

const MODEL_ID = new RegExp(`^(?:(${GEO.join('|')})\\.)?(${PROVIDERS.join('|')})\\.([a-z0-9][a-z0-9.\\-]*-[a-z0-9.\\-]*[a-z0-9](?::\\d+(?::[a-z0-9.\\-]+)?)?)$`);
const ARN = /^arn:aws[\w-]*:bedrock:([a-z0-9-]*):(\d{0,12}):(foundation-model|inference-profile|application-inference-profile|custom-model|provisioned-model|imported-model)\/([\w.:\-/]+)$/;
/** A model id inside a longer string (an ARN template with `${AWS::Region}`, an f-string). */
const EMBEDDED = new RegExp(`(?:^|[/"'\\s])((?:(?:${GEO.join('|')})\\.)?(?:${PROVIDERS.join('|')})\\.[a-z0-9][a-z0-9.\\-]*-[a-z0-9.\\-]*[a-z0-9](?::\\d+)?)(?=$|[\\s"'/])`);

export interface ModelRef {
  /** As written (inference profile id when there is a geo prefix). */
  invokedId: string;
  modelId: string;
  provider: string;
  geo?: string;
  region?: string;
  /** Kind of ARN when it is one. */
  arnKind?: string;
}

export function parseModelRef(value: string): ModelRef | undefined {
  const v = value.trim();
  const m = MODEL_ID.exec(v);
  if (m) return { invokedId: v, modelId: `${m[2]}.${m[3]}`, provider: m[2]!, ...(m[1] ? { geo: m[1] } : {}) };
  const a = ARN.exec(v);
  if (a) {
    const kind = a[3]!;
    const inner = a[4]!;
    const id = MODEL_ID.exec(inner);
    if (id) return { invokedId: inner, modelId: `${id[2]}.${id[3]}`, provider: id[2]!, ...(id[1] ? { geo: id[1] } : {}), ...(a[1] ? { region: a[1] } : {}), arnKind: kind };
    return { invokedId: v, modelId: v, provider: kind === 'custom-model' ? 'custom' : 'unknown', ...(a[1] ? { region: a[1] } : {}), arnKind: kind };
  }
  return undefined;
}

/** A model id embedded in a longer string (ARN templates), if any. */
export function findEmbeddedModelId(value: string): ModelRef | undefined {
  const m = EMBEDDED.exec(value);
  return m ? parseModelRef(m[1]!) : undefined;
}

export function roleOf(modelId: string): 'generator' | 'embedder' | 'reranker' {
  if (/embed/i.test(modelId)) return 'embedder';
  if (/rerank/i.test(modelId)) return 'reranker';
  return 'generator';
}

const UPSTREAM: Record<string, string> = {
  anthropic: 'https://docs.anthropic.com/en/docs/about-claude/models',
  amazon: 'https://docs.aws.amazon.com/ai/responsible-ai/',
  meta: 'https://www.llama.com/docs/model-cards-and-prompt-formats/',
  mistral: 'https://docs.mistral.ai/getting-started/models/',
  cohere: 'https://docs.cohere.com/docs/models',
  ai21: 'https://docs.ai21.com/docs/jamba-models',
  deepseek: 'https://github.com/deepseek-ai',
};

/** The provider's model documentation (Annex XII-style upstream information), when known. */
export function upstreamDocUrl(provider: string): string | undefined {
  return UPSTREAM[provider];
}

export const REGION_RE = /^(?:us|eu|ap|ca|sa|me|af|il|mx|us-gov|cn)-[a-z]+-\d$/;
