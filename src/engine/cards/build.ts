/** Builds a card from workspace facts and answers, recording where every detected value came from. */
import { stringify } from 'yaml';
import { VERSION } from '../version';
import { upstreamDocUrl } from './modelIds';
import { inferSystemType, type Answers } from './questions';
import { renderBody } from './templates';
import type { DetectedGuardrail, DetectedModel, DetectedTrainingFile, WorkspaceFacts } from './types';

export type CardData = Record<string, unknown>;

interface Prov {
  source: string;
  detector: string;
}

export function modelEntry(m: DetectedModel): Record<string, unknown> {
  const url = upstreamDocUrl(m.provider);
  return {
    model_id: m.modelId,
    provider: m.provider,
    invocation: m.invocation,
    ...(m.framework ? { framework: m.framework } : {}),
    ...(m.geo ? { inference_profile: m.invokedId } : {}),
    ...(m.region ? { region: m.region } : {}),
    role: m.role,
    ...(url ? { upstream_doc_url: url } : {}),
    source: m.sources,
  };
}

export function guardrailEntry(g: DetectedGuardrail): Record<string, unknown> {
  return {
    id: g.id,
    ...(g.name ? { name: g.name } : {}),
    ...(g.version ? { version: g.version } : {}),
    ...(g.piiEntities.length ? { pii_entities: g.piiEntities.map((p) => ({ type: p.type, action: p.action })) } : {}),
    ...(g.contentFilters.length ? { content_filters: g.contentFilters } : {}),
    ...(g.deniedTopics.length ? { denied_topics: g.deniedTopics } : {}),
    ...(g.regexes.length ? { regexes: g.regexes } : {}),
    ...(g.groundingThreshold !== undefined ? { grounding_threshold: g.groundingThreshold } : {}),
    source: g.sources,
  };
}

export function trainingDatasetEntry(t: DetectedTrainingFile): Record<string, unknown> {
  return { name: t.path.slice(t.path.lastIndexOf('/') + 1), uri: t.path, records: t.records, format: t.format, pii_scan: { types: t.piiTypes, sampled: t.sampled, records_scanned: t.recordsScanned }, source: [t.path] };
}

/** The key a card model is matched by in drift checks: the id the code invokes. */
export function cardModelKey(m: Record<string, unknown>): string {
  const v = m.inference_profile ?? m.model_id;
  return typeof v === 'string' ? v : '';
}

function strip<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0 && k !== 'pii_categories') || (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(strip(v as Record<string, unknown>)).length === 0)) delete o[k];
  }
  return o;
}

export interface BuiltCard {
  data: CardData;
  text: string;
  /** Leaf values filled from the workspace, and all leaf values filled (provenance, card metadata and tags excluded). */
  autoFilled: number;
  filled: number;
}

export function buildCard(facts: WorkspaceFacts, answers: Answers, today = new Date().toISOString().slice(0, 10)): BuiltCard {
  const prov: Record<string, Prov> = {};
  const p = (pointer: string, source: string | string[], detector: string) => {
    prov[pointer] = { source: Array.isArray(source) ? source.join('; ') : source, detector };
  };
  const type = answers.type ?? inferSystemType(facts);
  const crossBorder = facts.models.filter((m) => m.geo).map((m) => `${m.invokedId}: cross-Region inference profile (${m.geo}); requests may be served in other ${m.geo?.toUpperCase()} Regions`);
  const pii = answers.piiCategories ?? [];
  const trainingPii = facts.trainingFiles.some((t) => Object.keys(t.piiTypes).length > 0);
  const customization = facts.customizations[0];

  const system = {
    name: answers.name ?? facts.name?.value,
    version: facts.version?.value,
    description: answers.description ?? facts.description?.value,
    type,
    owner: answers.owner ?? facts.owner?.value,
    contact: answers.contact,
    repository: facts.repository?.value,
    regions: facts.regions.map((r) => r.region),
  };
  if (facts.name && !answers.name) p('/aisc/system/name', facts.name.source, 'manifest');
  if (facts.version) p('/aisc/system/version', facts.version.source, 'manifest');
  if (facts.description && !answers.description) p('/aisc/system/description', facts.description.source, 'manifest');
  if (facts.owner && !answers.owner) p('/aisc/system/owner', facts.owner.source, 'codeowners');
  if (facts.repository) p('/aisc/system/repository', facts.repository.source, 'manifest');
  if (type && !answers.type) p('/aisc/system/type', 'inferred from the detected components', 'inference');
  facts.regions.forEach((r, i) => p(`/aisc/system/regions/${i}`, r.sources, 'code+iac'));

  const components = {
    models: facts.models.map(modelEntry),
    guardrails: facts.guardrails.map(guardrailEntry),
    knowledge_bases: facts.knowledgeBases.map((k) => strip({ id: k.id, name: k.name, embedding_model_id: k.embeddingModelId, data_sources: k.dataSources, source: k.sources })),
    agents: facts.agents.map((a) => strip({ id: a.id, name: a.name, foundation_model: a.foundationModel, source: a.sources })),
    tools: facts.tools.map((t) => ({ name: t.name, source: t.sources })),
  };
  components.models.forEach((_, i) => p(`/aisc/components/models/${i}`, facts.models[i]!.sources, 'code'));
  components.guardrails.forEach((_, i) => p(`/aisc/components/guardrails/${i}`, facts.guardrails[i]!.sources, facts.guardrails[i]!.origin));
  components.knowledge_bases.forEach((_, i) => p(`/aisc/components/knowledge_bases/${i}`, facts.knowledgeBases[i]!.sources, 'code+iac'));
  components.agents.forEach((_, i) => p(`/aisc/components/agents/${i}`, facts.agents[i]!.sources, 'code+iac'));
  components.tools.forEach((_, i) => p(`/aisc/components/tools/${i}`, facts.tools[i]!.sources, 'code'));

  const training = customization || facts.trainingFiles.length
    ? strip({
        base_model: customization?.baseModel,
        customization_type: customization?.customizationType,
        job: customization?.job,
        datasets: [
          ...facts.trainingFiles.map(trainingDatasetEntry),
          ...(customization?.trainingDataUri ? [{ name: 'training data', uri: customization.trainingDataUri, source: customization.sources }] : []),
        ],
        hyper_parameters: customization && Object.keys(customization.hyperParameters).length ? customization.hyperParameters : undefined,
        source: customization?.sources,
      })
    : undefined;
  if (customization) p('/aisc/data/training', customization.sources, 'code+iac');
  facts.trainingFiles.forEach((t, i) => p(`/aisc/data/training/datasets/${i}`, t.path, 'training-data'));
  const retrieval = facts.knowledgeBases.flatMap((k) => (k.dataSources.length ? k.dataSources.map((d) => strip({ source: k.name ?? k.id, uri: d.uri })) : [{ source: k.name ?? k.id }]));
  retrieval.forEach((_, i) => p(`/aisc/data/retrieval/${i}`, facts.knowledgeBases.flatMap((k) => k.sources), 'code+iac'));

  const guardrailFilters = [...new Set(facts.guardrails.flatMap((g) => g.contentFilters))];
  const guardrailPii = [...new Set(facts.guardrails.flatMap((g) => g.piiEntities.map((e) => `${e.type}: ${e.action}`)))];
  const logging = facts.logging;
  const safety = strip({
    prompt_injection_controls: guardrailFilters.filter((f) => f.startsWith('PROMPT_ATTACK')).map((f) => `Bedrock guardrail content filter ${f}`),
    output_filters: [...guardrailFilters.filter((f) => !f.startsWith('PROMPT_ATTACK')).map((f) => `Bedrock guardrail content filter ${f}`), ...guardrailPii.map((x) => `Bedrock guardrail PII filter ${x}`)],
    logging: logging ? `Bedrock model invocation logging to ${logging.destinations.join(', ')}${logging.retentionDays !== undefined ? `, kept ${logging.retentionDays} days` : ''}` : undefined,
  });
  if (safety.prompt_injection_controls || safety.output_filters) p('/aisc/safety_security/output_filters', facts.guardrails.filter((g) => g.origin === 'iac').flatMap((g) => g.sources), 'iac');
  if (logging) p('/aisc/safety_security/logging', logging.sources, 'iac');

  const privacy = strip({
    pii_categories: pii,
    legal_basis: pii.length || trainingPii ? answers.legalBasis : undefined,
    retention: strip({
      bedrock_data_retention_mode: 'Amazon Bedrock does not store or use prompts and completions to train models; verify for each model provider.',
      invocation_logging: logging ? strip({ enabled: true, destinations: logging.destinations, retention_days: logging.retentionDays, source: logging.sources }) : { enabled: false },
    }),
    cross_border: crossBorder,
  });
  if (logging) p('/aisc/privacy/retention/invocation_logging', logging.sources, 'iac');
  facts.models.filter((m) => m.geo).forEach((m, i) => p(`/aisc/privacy/cross_border/${i}`, m.sources, 'code'));

  const aisc = strip({
    schema_version: '0.1',
    card: { status: 'draft', version: '0.1.0', generated_by: `GenAI Guard ${VERSION}`, last_reviewed: today },
    system: strip(system),
    components: strip(components),
    intended_use: strip({ purpose: answers.purpose, users: answers.users, out_of_scope: answers.outOfScope }),
    risk: strip({ eu_ai_act: strip({ category: answers.riskCategory }), rating: answers.riskRating, rationale: answers.riskRationale }),
    data: strip({ training, retrieval }),
    human_oversight: strip({ mode: answers.oversightMode }),
    safety_security: safety,
    privacy,
    provenance: prov,
  });
  const models = facts.models;
  const data: CardData = strip({
    license: answers.license ?? facts.license?.value,
    pipeline_tag: models.some((m) => m.role === 'generator') ? 'text-generation' : undefined,
    tags: ['ai-system-card', 'amazon-bedrock', ...new Set(models.map((m) => m.invokedId))],
    aisc,
  });
  if (facts.license && !answers.license) prov['/license'] = { source: facts.license.source, detector: 'licence' };

  const { autoFilled, filled } = countFilled(data, prov);
  const yamlText = stringify(data, { lineWidth: 0 });
  const text = `---\n${yamlText}---\n\n${renderBody(data)}`;
  return { data, text, autoFilled, filled };
}

/** Counts filled leaf values and those under a provenance pointer. */
export function countFilled(data: CardData, prov: Record<string, unknown>): { autoFilled: number; filled: number } {
  let filled = 0;
  let autoFilled = 0;
  const pointers = Object.keys(prov);
  const walk = (v: unknown, ptr: string) => {
    if (/^\/(?:tags|aisc\/(?:provenance|card|schema_version))(?:\/|$)/.test(ptr) || /\/source(?:\/|$)/.test(ptr)) return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    if (v && typeof v === 'object') return Object.entries(v).forEach(([k, x]) => walk(x, `${ptr}/${k}`));
    if (v === undefined || v === '') return;
    filled++;
    if (pointers.some((p) => ptr === p || ptr.startsWith(`${p}/`))) autoFilled++;
  };
  walk(data, '');
  return { autoFilled, filled };
}
