/**
 * Export Card: a Hugging Face README (model-card metadata + Markdown) and Amazon SageMaker model-card content JSON,
 * validated against AWS's published schema plus the limits that schema does not enforce.
 */
import { stringify } from 'yaml';
import { getAt, parseCard } from './frontMatter';
import { parseModelRef } from './modelIds';
import { sageMakerValidator } from './schemas';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** A Hugging Face Hub id (`org/name`) that is not a Bedrock id. */
function isHubId(v: unknown): v is string {
  return typeof v === 'string' && /^[\w.-]+\/[\w.-]+$/.test(v) && !parseModelRef(v) && !v.startsWith('s3:');
}

const HF_KEYS = ['license', 'license_name', 'license_link', 'language', 'library_name', 'pipeline_tag', 'metrics'] as const;

/** Hugging Face README: Hub-valid metadata only (Bedrock ids in tags, never in base_model/datasets), model-index from aisc.evaluation. */
export function toHuggingFace(cardText: string): string {
  const card = parseCard(cardText);
  const d = card.data;
  const a = o(d.aisc);
  const meta: Obj = {};
  for (const k of HF_KEYS) if (d[k] !== undefined) meta[k] = d[k];
  const models = list(o(a.components).models).map(o);
  const bedrockIds = models.map((m) => str(m.inference_profile) ?? str(m.model_id)).filter((x): x is string => !!x);
  const rejected = [...list(d.base_model), ...list(d.datasets)].filter((x) => !isHubId(x)).map(String);
  meta.tags = [...new Set([...list(d.tags).map(String), 'amazon-bedrock', ...bedrockIds, ...rejected])];
  const baseModel = list(d.base_model).filter(isHubId);
  if (baseModel.length) meta.base_model = baseModel;
  const datasets = list(d.datasets).filter(isHubId);
  if (datasets.length) meta.datasets = datasets;
  const evals = Array.isArray(a.evaluation) ? a.evaluation.map(o) : [];
  const name = str(o(a.system).name) ?? 'ai-system';
  const results = evals
    .filter((e) => list(e.metrics).some((m) => typeof o(m).value === 'number'))
    .map((e) => ({
      task: { type: str(d.pipeline_tag) ?? 'text-generation' },
      dataset: { type: str(e.dataset) ?? str(e.name) ?? 'custom', name: str(e.dataset) ?? str(e.name) ?? 'custom' },
      metrics: list(e.metrics).map(o).filter((m) => typeof m.value === 'number').map((m) => ({ type: str(m.name) ?? 'metric', value: m.value as number, name: str(m.name) ?? 'metric' })),
    }));
  if (results.length) meta['model-index'] = [{ name, results }];
  const sys = o(a.system);
  const use = o(a.intended_use);
  const risk = o(a.risk);
  const lines = [
    `# ${name}`,
    '',
    '## Model Details',
    '',
    str(sys.description) ?? '',
    '',
    `- **Developed by:** ${str(sys.owner) ?? 'not stated'}`,
    `- **Model type:** ${str(sys.type) ?? 'AI system'} built on Amazon Bedrock`,
    `- **Models used:** ${bedrockIds.map((x) => `\`${x}\``).join(', ') || 'not stated'}`,
    `- **License:** ${str(d.license) ?? 'not stated'}`,
    ...(str(sys.repository) ? [`- **Repository:** ${str(sys.repository)}`] : []),
    '',
    '## Uses',
    '',
    '### Direct Use',
    '',
    str(use.purpose) ?? '',
    ...list(use.direct_use).map((x) => `- ${String(x)}`),
    '',
    '### Out-of-Scope Use',
    '',
    ...list(use.out_of_scope).map((x) => `- ${String(x)}`),
    '',
    '## Bias, Risks, and Limitations',
    '',
    `EU AI Act category: ${str(o(risk.eu_ai_act).category) ?? 'not stated'}; risk rating: ${str(risk.rating) ?? 'not stated'}. ${str(risk.rationale) ?? ''}`,
    '',
    ...list(a.limitations).map((x) => `- ${String(x)}`),
    '',
    '## Evaluation',
    '',
    ...(evals.length ? evals.map((e) => `- ${str(e.name) ?? 'evaluation'}: ${list(e.metrics).map(o).map((m) => `${str(m.name) ?? ''} = ${str(m.value) ?? ''}`).join(', ')}`) : ['Not documented.']),
    '',
    '## Model Card Contact',
    '',
    str(sys.contact) ?? 'not stated',
    '',
    '---',
    '',
    card.body.trim(),
    '',
  ];
  return `---\n${stringify(meta, { lineWidth: 0 })}---\n\n${lines.join('\n')}`;
}

const clip = (s: string | undefined, n: number): string | undefined => (s === undefined ? undefined : s.length > n ? `${s.slice(0, n - 1)}…` : s);
const joinList = (v: unknown): string | undefined => {
  const l = list(v).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return l.length ? l.join('; ') : undefined;
};

/** SageMaker model-card content (CreateModelCard `Content`). Only the sections the shipped schema defines. */
export function toSageMaker(data: Obj): Obj {
  const a = o(data.aisc);
  const sys = o(a.system);
  const use = o(a.intended_use);
  const risk = o(a.risk);
  const models = list(o(a.components).models).map(o);
  const first = models[0];
  const guardrails = list(o(a.components).guardrails).map(o);
  const privacy = o(a.privacy);
  const training = o(o(a.data).training);
  const major = Number(/^(\d+)/.exec(str(sys.version) ?? '')?.[1] ?? 1);
  const firstId = first ? (str(first.inference_profile) ?? str(first.model_id)) : undefined;
  const overview = strip({
    model_name: clip(str(sys.name), 1024),
    model_description: clip(str(sys.description), 1024),
    model_version: Math.max(1, major),
    problem_type: str(sys.type),
    algorithm_type: firstId ? clip(`LLM via Amazon Bedrock: ${firstId}`, 1024) : undefined,
    model_id: firstId ? clip(firstId, 1024) : undefined,
    model_creator: first ? str(first.provider) : undefined,
    model_owner: clip(str(sys.owner), 1024),
    model_artifact: models.map((m) => str(m.model_id)).filter((x): x is string => !!x && /^arn:/.test(x)).slice(0, 15),
    inference_environment: first ? { container_image: [...new Set(models.map((m) => `bedrock-runtime:${str(m.invocation) ?? 'converse'} ${str(m.region) ?? str(list(sys.regions)[0]) ?? ''}`.trim()))].slice(0, 15) } : undefined,
  });
  const intended = strip({
    purpose_of_model: clip(str(use.purpose), 2048),
    intended_uses: clip(joinList([...list(use.direct_use), ...list(use.users).map((u) => `users: ${String(u)}`)]), 2048),
    factors_affecting_model_efficiency: clip(joinList([...list(a.limitations), ...list(o(a.fairness).factors)]), 2048),
    risk_rating: ['High', 'Medium', 'Low', 'Unknown'].includes(String(risk.rating)) ? risk.rating : 'Unknown',
    explanations_for_risk_rating: clip([str(risk.rationale), str(o(risk.eu_ai_act).category) ? `EU AI Act category: ${str(o(risk.eu_ai_act).category)}` : undefined].filter(Boolean).join(' '), 2048),
  });
  const datasets = list(training.datasets).map(o);
  const trainingDetails = Object.keys(training).length
    ? strip({
        training_observations: clip([str(training.customization_type), str(training.base_model) ? `base model ${str(training.base_model)}` : undefined].filter(Boolean).join(', '), 1024),
        training_job_details: strip({
          training_arn: str(training.job) && /^arn:/.test(str(training.job)!) ? str(training.job) : undefined,
          training_datasets: datasets.map((x) => clip(str(x.uri) ?? str(x.name), 1024)).filter((x): x is string => !!x).slice(0, 15),
        }),
      })
    : undefined;
  const evals = Array.isArray(a.evaluation) ? a.evaluation.map(o) : [];
  const evaluation = evals.map((e) =>
    strip({
      name: (str(e.name) ?? 'evaluation').slice(0, 63),
      evaluation_observation: clip(str(e.notes), 2096),
      evaluation_job_arn: str(e.job_arn) ? clip(str(e.job_arn), 256) : undefined,
      datasets: str(e.dataset) ? [clip(str(e.dataset), 1024)!] : undefined,
      metric_groups: list(e.metrics).length
        ? [{ name: 'metrics', metric_data: list(e.metrics).map(o).map((m) => metric(m)) }]
        : undefined,
    }),
  );
  const custom: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => {
    if (v) custom[k] = clip(v, 1024)!;
  };
  put('eu_ai_act_category', str(o(risk.eu_ai_act).category));
  put('human_oversight_mode', str(o(a.human_oversight).mode));
  put('guardrails', joinList(guardrails.map((g) => `${str(g.id) ?? ''}${str(g.version) ? `@${str(g.version)}` : ''}`)));
  put('models', joinList(models.map((m) => str(m.inference_profile) ?? str(m.model_id))));
  put('pii_categories', joinList(privacy.pii_categories) ?? (Array.isArray(privacy.pii_categories) ? 'none' : undefined));
  put('legal_basis', str(privacy.legal_basis));
  put('retention', str(o(privacy.retention).policy) ?? (o(o(privacy.retention).invocation_logging).retention_days !== undefined ? `invocation logs ${String(o(o(privacy.retention).invocation_logging).retention_days)} days` : undefined));
  put('cross_border', joinList(privacy.cross_border));
  put('dpia_ref', str(privacy.dpia_ref));
  put('card_version', str(getAt(a, ['card', 'version'])));
  put('card_status', str(getAt(a, ['card', 'status'])));
  put('regions', joinList(sys.regions));
  put('contact', str(sys.contact));
  const additional = strip({
    ethical_considerations: clip(joinList([...list(o(a.fairness).mitigations), str(o(a.fairness).method)].filter(Boolean)), 2048),
    caveats_and_recommendations: clip(joinList([...list(a.limitations), ...list(a.recommendations)]), 2048),
    custom_details: Object.keys(custom).length ? custom : undefined,
  });
  return strip({ model_overview: overview, intended_uses: intended, training_details: trainingDetails, evaluation_details: evaluation.length ? evaluation : undefined, additional_information: additional });
}

function metric(m: Obj): Obj {
  const name = (str(m.name) ?? 'metric').slice(0, 255);
  const v = m.value;
  if (typeof v === 'number') return { name, type: 'number', value: v };
  if (typeof v === 'boolean') return { name, type: 'boolean', value: v };
  return { name, type: 'string', value: (str(v) ?? '').slice(0, 63) };
}

function strip<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length) || (v && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length)) delete o[k];
  }
  return o;
}

export const SAGEMAKER_MAX_CHARS = 100_000;

/** Problems with SageMaker content: schema errors (ajv) plus the caps the schema does not enforce. */
export function validateSageMaker(content: Obj): string[] {
  const problems: string[] = [];
  const validate = sageMakerValidator();
  if (!validate(content)) for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  const cap = (path: string[], max: number) => {
    const v = getAt(content, path);
    if (Array.isArray(v) && v.length > max) problems.push(`/${path.join('/')} has ${v.length} items (at most ${max})`);
  };
  cap(['model_overview', 'model_artifact'], 15);
  cap(['model_overview', 'inference_environment', 'container_image'], 15);
  cap(['training_details', 'training_job_details', 'training_datasets'], 15);
  cap(['training_details', 'training_job_details', 'training_environment', 'container_image'], 15);
  cap(['training_details', 'training_job_details', 'training_metrics'], 50);
  cap(['training_details', 'training_job_details', 'user_provided_training_metrics'], 50);
  for (const [i, e] of list(content.evaluation_details).entries()) {
    const name = str(o(e).name);
    if (!name || name.length > 63) problems.push(`/evaluation_details/${i}/name must be 1 to 63 characters`);
  }
  const total = JSON.stringify(content).length;
  if (total > SAGEMAKER_MAX_CHARS) problems.push(`the content is ${total} characters (at most ${SAGEMAKER_MAX_CHARS})`);
  return problems;
}
