/**
 * Finds guardrails, knowledge bases, agents, inference profiles, invocation logging, customization jobs and the
 * deployment Region in CloudFormation/SAM and Terraform (through the scanner's IaC model), and in simple CDK code.
 */
import { detectDocumentKind } from '../documentKind';
import { blockToMap, parseHcl } from '../iac/hcl';
import { buildModel, type IacModel, type IacResource, type IacSource } from '../iac/model';
import { get, items, path as at, type IacNode } from '../iac/node';
import { lineIndex } from './lines';
import { findEmbeddedModelId, parseModelRef, REGION_RE, roleOf } from './modelIds';
import type { DetectedAgent, DetectedCustomization, DetectedGuardrail, DetectedKnowledgeBase, DetectedLogging, DetectedModel, Source, WorkspaceFile } from './types';

export interface IacFacts {
  guardrails: DetectedGuardrail[];
  knowledgeBases: DetectedKnowledgeBase[];
  agents: DetectedAgent[];
  models: DetectedModel[];
  regions: { region: string; sources: Source[] }[];
  logging?: DetectedLogging;
  customizations: DetectedCustomization[];
  resources: { type: string; logicalId: string; file: string }[];
}

/** A string value, template text included (`${var.name_prefix}-guardrail` is still a useful name). */
function text(model: IacModel, node: IacNode | undefined): string | undefined {
  const n = model.resolve(node);
  if (n?.t === 'str') return n.v;
  if (n?.t === 'num') return String(n.v);
  if (n?.t === 'expr' && n.fn === 'Fn::Sub') {
    const a = n.args?.[0];
    const tpl = a?.t === 'list' ? a.items[0] : a;
    if (tpl?.t === 'str') return tpl.v;
  }
  return undefined;
}

/** A readable form of an unresolved reference: `!Ref Bucket`, `aws_s3_bucket.logs.id`. */
function exprText(node: IacNode | undefined): string | undefined {
  if (node?.t !== 'expr') return undefined;
  if (node.fn === 'Ref' && node.args?.[0]?.t === 'str') return `!Ref ${node.args[0].v}`;
  if (node.fn === 'Fn::GetAtt' && node.args?.every((a) => a.t === 'str')) return `!GetAtt ${node.args.map((a) => (a as { v: string }).v).join('.')}`;
  return node.text;
}

function num(model: IacModel, node: IacNode | undefined): number | undefined {
  const n = model.resolve(node);
  if (n?.t === 'num') return n.v;
  if (n?.t === 'str' && /^\d+$/.test(n.v)) return Number(n.v);
  return undefined;
}

/** Property by either CloudFormation or Terraform spelling. */
function prop(node: IacNode | undefined, cfn: string, tf: string): IacNode | undefined {
  return get(node, cfn) ?? get(node, tf);
}

function guardrailOf(model: IacModel, r: IacResource, source: Source): DetectedGuardrail {
  const p = r.props;
  const pii = items(model.resolve(at(p, 'SensitiveInformationPolicyConfig', 'PiiEntitiesConfig') ?? at(p, 'sensitive_information_policy_config', 'pii_entities_config')));
  const regexes = items(model.resolve(at(p, 'SensitiveInformationPolicyConfig', 'RegexesConfig') ?? at(p, 'sensitive_information_policy_config', 'regexes_config')));
  const filters = items(model.resolve(at(p, 'ContentPolicyConfig', 'FiltersConfig') ?? at(p, 'content_policy_config', 'filters_config')));
  const topics = items(model.resolve(at(p, 'TopicPolicyConfig', 'TopicsConfig') ?? at(p, 'topic_policy_config', 'topics_config')));
  const grounding = items(model.resolve(at(p, 'ContextualGroundingPolicyConfig', 'FiltersConfig') ?? at(p, 'contextual_grounding_policy_config', 'filters_config')));
  const threshold = grounding.map((g) => num(model, prop(g, 'Threshold', 'threshold'))).find((x) => x !== undefined);
  const name = text(model, prop(p, 'Name', 'name'));
  return {
    id: r.address,
    ...(name ? { name } : {}),
    piiEntities: pii.flatMap((e) => {
      const type = text(model, prop(e, 'Type', 'type'));
      const action = text(model, prop(e, 'Action', 'action')) ?? text(model, prop(e, 'InputAction', 'input_action'));
      return type ? [{ type, action: action ?? '' }] : [];
    }),
    contentFilters: filters.flatMap((f) => {
      const type = text(model, prop(f, 'Type', 'type'));
      return type ? [`${type} (input ${text(model, prop(f, 'InputStrength', 'input_strength')) ?? '?'}, output ${text(model, prop(f, 'OutputStrength', 'output_strength')) ?? '?'})`] : [];
    }),
    deniedTopics: topics.flatMap((t) => text(model, prop(t, 'Name', 'name')) ?? []),
    regexes: regexes.flatMap((t) => text(model, prop(t, 'Name', 'name')) ?? []),
    ...(threshold !== undefined ? { groundingThreshold: threshold } : {}),
    sources: [source],
    origin: 'iac',
  };
}

function fromModel(model: IacModel, out: IacFacts): void {
  const lines = new Map(model.files.map((f) => [f.file, lineIndex(f.text)]));
  const src = (r: IacResource): Source => `${r.file}:${lines.get(r.file)?.(r.nameStart) ?? 1}#${r.address}`;
  const kbByAddress = new Map<string, DetectedKnowledgeBase>();
  for (const r of model.resources) {
    if (r.data) continue;
    const p = r.props;
    switch (r.type) {
      case 'AWS::Bedrock::Guardrail':
      case 'aws_bedrock_guardrail':
        out.guardrails.push(guardrailOf(model, r, src(r)));
        out.resources.push({ type: r.type, logicalId: r.address, file: r.file });
        break;
      case 'AWS::Bedrock::KnowledgeBase':
      case 'aws_bedrockagent_knowledge_base': {
        const arn = text(model, at(p, 'KnowledgeBaseConfiguration', 'VectorKnowledgeBaseConfiguration', 'EmbeddingModelArn') ?? at(p, 'knowledge_base_configuration', 'vector_knowledge_base_configuration', 'embedding_model_arn'));
        const ref = arn ? (parseModelRef(arn) ?? findEmbeddedModelId(arn)) : undefined;
        const name = text(model, prop(p, 'Name', 'name'));
        const kb: DetectedKnowledgeBase = { id: r.address, ...(name ? { name } : {}), ...(ref ? { embeddingModelId: ref.modelId } : {}), dataSources: [], sources: [src(r)] };
        out.knowledgeBases.push(kb);
        kbByAddress.set(r.address, kb);
        if (ref) out.models.push({ invokedId: ref.invokedId, modelId: ref.modelId, provider: ref.provider, invocation: 'kb', role: roleOf(ref.modelId), sources: [src(r)] });
        out.resources.push({ type: r.type, logicalId: r.address, file: r.file });
        break;
      }
      case 'AWS::Bedrock::Agent':
      case 'aws_bedrockagent_agent': {
        const fm = text(model, prop(p, 'FoundationModel', 'foundation_model'));
        const name = text(model, prop(p, 'AgentName', 'agent_name'));
        out.agents.push({ id: r.address, ...(name ? { name } : {}), ...(fm ? { foundationModel: fm } : {}), sources: [src(r)] });
        const ref = fm ? parseModelRef(fm) : undefined;
        if (ref) out.models.push({ invokedId: ref.invokedId, modelId: ref.modelId, provider: ref.provider, ...(ref.geo ? { geo: ref.geo } : {}), invocation: 'agent', role: 'generator', sources: [src(r)] });
        out.resources.push({ type: r.type, logicalId: r.address, file: r.file });
        break;
      }
      case 'AWS::Bedrock::ApplicationInferenceProfile':
      case 'aws_bedrock_inference_profile': {
        const from = text(model, at(p, 'ModelSource', 'CopyFrom') ?? at(p, 'model_source', 'copy_from'));
        const ref = from ? (parseModelRef(from) ?? findEmbeddedModelId(from)) : undefined;
        if (ref?.region) out.regions.push({ region: ref.region, sources: [src(r)] });
        out.resources.push({ type: r.type, logicalId: r.address, file: r.file });
        break;
      }
      case 'aws_bedrock_model_invocation_logging_configuration': {
        const cfg = at(p, 'logging_config');
        const destinations: string[] = [];
        const s3 = text(model, at(cfg, 's3_config', 'bucket_name'));
        const s3Node = at(cfg, 's3_config', 'bucket_name');
        if (s3Node) destinations.push(`s3:${s3 ?? exprText(s3Node) ?? '?'}`);
        const cwNode = at(cfg, 'cloudwatch_config', 'log_group_name');
        let retentionDays: number | undefined;
        if (cwNode) {
          const ref = cwNode.t === 'expr' ? cwNode.ref : undefined;
          const lg = ref && ref[0] === 'aws_cloudwatch_log_group' ? model.byAddress(`${ref[0]}.${ref[1]}`) : undefined;
          if (lg) retentionDays = num(model, get(lg.props, 'retention_in_days'));
          destinations.push(`cloudwatch-logs:${text(model, cwNode) ?? (lg ? text(model, get(lg.props, 'name')) : undefined) ?? exprText(cwNode) ?? '?'}`);
        }
        out.logging = { enabled: true, destinations, ...(retentionDays !== undefined ? { retentionDays } : {}), sources: [src(r)] };
        out.resources.push({ type: r.type, logicalId: r.address, file: r.file });
        break;
      }
      case 'aws_bedrock_custom_model': {
        const hp: Record<string, string> = {};
        const hpn = model.resolve(get(p, 'hyperparameters'));
        if (hpn?.t === 'map') for (const e of hpn.entries) hp[e.key] = text(model, e.value) ?? '';
        const base = text(model, get(p, 'base_model_identifier'));
        const type = text(model, get(p, 'customization_type'));
        const job = text(model, get(p, 'job_name')) ?? text(model, get(p, 'custom_model_name'));
        const uri = text(model, at(p, 'training_data_config', 's3_uri'));
        const baseRef = base ? parseModelRef(base) : undefined;
        out.customizations.push({ ...(base ? { baseModel: baseRef?.modelId ?? base } : {}), ...(type ? { customizationType: type } : {}), ...(job ? { job } : {}), ...(uri ? { trainingDataUri: uri } : {}), hyperParameters: hp, sources: [src(r)] });
        out.resources.push({ type: r.type, logicalId: r.address, file: r.file });
        break;
      }
      default:
        break;
    }
  }
  // Data sources attach to their knowledge base.
  for (const r of model.resources) {
    if (r.type !== 'AWS::Bedrock::DataSource' && r.type !== 'aws_bedrockagent_data_source') continue;
    const kbRef = prop(r.props, 'KnowledgeBaseId', 'knowledge_base_id');
    const target = kbRef?.t === 'expr' ? (kbRef.fn === 'Ref' ? (kbRef.args?.[0]?.t === 'str' ? kbRef.args[0].v : undefined) : kbRef.ref ? kbRef.ref.slice(0, 2).join('.') : undefined) : undefined;
    const kb = (target ? kbByAddress.get(target) : undefined) ?? out.knowledgeBases[0];
    const cfg = prop(r.props, 'DataSourceConfiguration', 'data_source_configuration');
    const cfg0 = cfg?.t === 'list' ? cfg.items[0] : cfg;
    const type = text(model, prop(cfg0, 'Type', 'type'));
    const bucket = prop(at(cfg0, 'S3Configuration') ?? at(cfg0, 's3_configuration'), 'BucketArn', 'bucket_arn');
    const name = text(model, prop(r.props, 'Name', 'name'));
    const uri = text(model, bucket) ?? exprText(bucket);
    kb?.dataSources.push({ ...(type ? { type } : {}), ...(uri ? { uri } : {}), ...(name ? { name } : {}) });
  }
}

function terraformRegions(files: IacSource[], model: IacModel | undefined, out: IacFacts): void {
  for (const f of files) {
    const line = lineIndex(f.text);
    for (const b of parseHcl(f.text).blocks) {
      if (b.type !== 'provider' || b.labels[0]?.value !== 'aws') continue;
      const region = get(blockToMap(b), 'region');
      const v = model?.resolve(region);
      if (v?.t === 'str' && REGION_RE.test(v.v)) out.regions.push({ region: v.v, sources: [`${f.file}:${line(b.start)}#provider.aws`] });
    }
  }
}

/** CDK constructs for Bedrock, where the props are literal enough to read with a pattern. */
function detectCdk(file: WorkspaceFile, out: IacFacts): void {
  const line = lineIndex(file.text);
  for (const m of file.text.matchAll(/new\s+(?:\w+\.)*(CfnGuardrail|Guardrail|CfnKnowledgeBase|VectorKnowledgeBase|CfnAgent|Agent)\s*\(\s*(?:this|self|scope)\s*,\s*(['"])([^'"]+)\2/g)) {
    const kind = m[1]!;
    const id = m[3]!;
    const source = `${file.path}:${line(m.index)}#${id}`;
    const body = file.text.slice(m.index, m.index + 3000);
    if (/Guardrail/.test(kind)) {
      const pii = [...body.matchAll(/type\s*[:=]\s*(?:['"]|[\w.]*PIIType\.\w+\.)([A-Z_]+)['"]?[\s\S]{0,80}?action\s*[:=]\s*(?:['"]|[\w.]*GuardrailAction\.)([A-Z_]+)/g)].map((x) => ({ type: x[1]!, action: x[2]! }));
      out.guardrails.push({ id, piiEntities: pii, contentFilters: [], deniedTopics: [], regexes: [], sources: [source], origin: 'iac' });
    } else if (/KnowledgeBase/.test(kind)) {
      const ref = findEmbeddedModelId(body);
      out.knowledgeBases.push({ id, ...(ref ? { embeddingModelId: ref.modelId } : {}), dataSources: [], sources: [source] });
    } else {
      const fm = /foundationModel\s*[:=]\s*['"]([^'"]+)['"]/.exec(body)?.[1];
      out.agents.push({ id, ...(fm ? { foundationModel: fm } : {}), sources: [source] });
    }
    out.resources.push({ type: `cdk:${kind}`, logicalId: id, file: file.path });
  }
  for (const m of file.text.matchAll(/\.addPIIFilter\s*\(\s*\{[^}]*type\s*:\s*[\w.]*\.(\w+)[^}]*action\s*:\s*[\w.]*\.(\w+)/g)) {
    out.guardrails.at(-1)?.piiEntities.push({ type: m[1]!, action: m[2]! });
  }
}

export function detectInIac(files: readonly WorkspaceFile[]): IacFacts {
  const out: IacFacts = { guardrails: [], knowledgeBases: [], agents: [], models: [], regions: [], customizations: [], resources: [] };
  const tfByDir = new Map<string, IacSource[]>();
  for (const f of files) {
    const kind = detectDocumentKind(f.path, f.text);
    if (kind === 'terraform') {
      if (f.path.endsWith('.tf.json')) continue;
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '';
      const list = tfByDir.get(dir) ?? [];
      list.push({ file: f.path, text: f.text, kind });
      tfByDir.set(dir, list);
    } else if (kind === 'cloudformation' || kind === 'serverless') {
      const model = buildModel([{ file: f.path, text: f.text, kind }]);
      if (model) fromModel(model, out);
    } else if (kind === 'cdk') {
      detectCdk(f, out);
    }
  }
  for (const sources of tfByDir.values()) {
    const model = buildModel(sources);
    if (model) fromModel(model, out);
    terraformRegions(sources, model, out);
  }
  return out;
}
