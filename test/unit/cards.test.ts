import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { readWorkspace } from '../../src/cli/cardCommand';
import {
  applyCardEdits,
  buildCard,
  locate,
  detectDrift,
  detectWorkspace,
  parseCard,
  questionsFor,
  toHuggingFace,
  toSageMaker,
  validateCard,
  validateSageMaker,
  type Answers,
  type CardIssue,
  type WorkspaceFacts,
} from '../../src/engine/cards';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/cards');
const DEMO = path.join(ROOT, 'demo');

const ANSWERS: Answers = {
  purpose: 'Answer customer questions',
  users: ['customers'],
  outOfScope: ['legal advice'],
  riskCategory: 'limited_transparency',
  riskRating: 'Medium',
  riskRationale: 'Customer-facing, no decisions about people',
  oversightMode: 'on_the_loop',
  piiCategories: ['contact_details'],
  legalBasis: 'GDPR Art. 6(1)(b)',
  owner: '@acme/ml',
  contact: 'ml@example.com',
  license: 'apache-2.0',
};

let fixtureFacts: WorkspaceFacts;
let demoFacts: WorkspaceFacts;
before(() => {
  fixtureFacts = detectWorkspace(readWorkspace(FIXTURES));
  demoFacts = detectWorkspace(readWorkspace(DEMO));
});

const model = (id: string) => fixtureFacts.models.find((m) => m.invokedId === id);
const codes = (issues: CardIssue[]) => issues.map((i) => i.code);

/** A complete, valid card for the demo: built from the workspace, then the remaining required sections filled. */
function completeDemoCard(): string {
  const built = buildCard(demoFacts, ANSWERS);
  return applyCardEdits(built.text, [
    { op: 'set', path: ['aisc', 'intended_use', 'direct_use'], value: ['billing questions'] },
    { op: 'set', path: ['aisc', 'evaluation'], value: [{ name: 'faq-accuracy', kind: 'offline', metrics: [{ name: 'accuracy', value: 0.91 }] }] },
    { op: 'set', path: ['aisc', 'limitations'], value: ['may be wrong about refunds'] },
    { op: 'set', path: ['aisc', 'risk', 'eu_ai_act', 'art50_disclosure'], value: 'The chat window says it is an AI assistant.' },
  ]);
}

describe('card detectors: code', () => {
  it('TypeScript Converse: a constant with an env default, the client region, guardrail and tool', () => {
    const m = model('amazon.nova-pro-v1:0');
    assert.ok(m, JSON.stringify(fixtureFacts.models.map((x) => x.invokedId)));
    assert.equal(m.invocation, 'converse');
    assert.equal(m.env, 'CHAT_MODEL');
    assert.equal(m.region, 'eu-west-1');
    assert.ok(m.sources.includes('code/converse.ts:9'), m.sources.join());
    const g = fixtureFacts.guardrails.find((x) => x.id === 'gr-ts-1');
    assert.equal(g?.version, '2');
    assert.deepEqual(g?.sources, ['code/converse.ts:11']);
    assert.ok(fixtureFacts.tools.some((t) => t.name === 'lookup_order'));
  });

  it('JavaScript InvokeModel with a foundation-model ARN', () => {
    const m = model('cohere.embed-english-v3');
    assert.equal(m?.invocation, 'invoke_model');
    assert.equal(m?.role, 'embedder');
    assert.equal(m?.region, 'us-west-2');
  });

  it('LangChain, Vercel AI SDK, LlamaIndex and Strands wrappers', () => {
    assert.deepEqual([model('eu.anthropic.claude-3-7-sonnet-20250219-v1:0')?.framework, model('eu.anthropic.claude-3-7-sonnet-20250219-v1:0')?.geo], ['langchain', 'eu']);
    assert.equal(model('meta.llama3-1-70b-instruct-v1:0')?.framework, 'vercel-ai');
    assert.equal(model('anthropic.claude-3-haiku-20240307-v1:0')?.framework, 'llamaindex');
    assert.equal(model('us.amazon.nova-lite-v1:0')?.framework, 'strands');
    assert.equal(model('us.amazon.nova-lite-v1:0')?.modelId, 'amazon.nova-lite-v1:0');
  });

  it('Python converse: os.environ.get default, region_name, guardrail id resolved from .env', () => {
    const m = model('mistral.mistral-large-2407-v1:0');
    assert.equal(m?.invocation, 'converse');
    assert.equal(m?.region, 'ap-southeast-1');
    assert.deepEqual(m?.sources, ['code/chat.py:12']);
    const g = fixtureFacts.guardrails.find((x) => x.id === 'gr-from-env');
    assert.equal(g?.version, '5');
  });

  it('agents and fine-tuning jobs in code', () => {
    assert.ok(fixtureFacts.agents.some((a) => a.id === 'AGENT12345'));
    const ft = fixtureFacts.customizations.find((c) => c.job === 'support-ft-2025-01');
    assert.deepEqual([ft?.baseModel, ft?.customizationType, ft?.trainingDataUri, ft?.hyperParameters.epochCount], ['amazon.titan-text-express-v1', 'FINE_TUNING', 's3://acme-ft/train.jsonl', '2']);
  });

  it('the demo workspace: three models with their call sites, the cross-Region profile, four guardrails, logging', () => {
    assert.deepEqual(demoFacts.models.map((m) => m.invokedId).sort(), ['amazon.titan-embed-text-v2:0', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-3-5-haiku-20241022-v1:0']);
    assert.ok(demoFacts.models.find((m) => m.geo === 'us')?.sources.includes('app/summarize.ts:29'));
    assert.ok(demoFacts.models.find((m) => m.invokedId.startsWith('anthropic.claude-3-5-sonnet'))?.sources.includes('app/chat.py:45'));
    assert.deepEqual(demoFacts.guardrails.find((g) => g.id === '4gmceaxehbmi')?.version, '3');
    assert.equal(demoFacts.logging?.retentionDays, 30);
    assert.deepEqual(demoFacts.regions.map((r) => r.region), ['us-east-1']);
  });
});

describe('card detectors: infrastructure and data', () => {
  it('CloudFormation guardrail policies, knowledge base with data source, agent', () => {
    const g = fixtureFacts.guardrails.find((x) => x.id === 'Guard');
    assert.deepEqual(g?.piiEntities, [{ type: 'EMAIL', action: 'ANONYMIZE' }, { type: 'PHONE', action: 'BLOCK' }]);
    assert.deepEqual([g?.regexes, g?.deniedTopics, g?.groundingThreshold], [['order-id'], ['investment-advice'], 0.75]);
    assert.ok(g?.sources[0]?.startsWith('iac/template.yaml:'));
    const kb = fixtureFacts.knowledgeBases.find((k) => k.id === 'Kb');
    assert.equal(kb?.embeddingModelId, 'amazon.titan-embed-text-v2:0');
    assert.deepEqual(kb?.dataSources, [{ type: 'S3', uri: 'arn:aws:s3:::acme-docs', name: 'docs' }]);
    assert.equal(fixtureFacts.agents.find((a) => a.id === 'Helper')?.foundationModel, 'anthropic.claude-3-5-sonnet-20241022-v2:0');
    assert.equal(model('anthropic.claude-3-5-sonnet-20241022-v2:0')?.invocation, 'agent');
  });

  it('Terraform guardrail, invocation logging with log retention, custom model, provider region', () => {
    assert.deepEqual(fixtureFacts.guardrails.find((x) => x.id === 'aws_bedrock_guardrail.tf')?.piiEntities, [{ type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' }]);
    assert.deepEqual([fixtureFacts.logging?.retentionDays, fixtureFacts.logging?.destinations], [90, ['cloudwatch-logs:/bedrock/invocations']]);
    const ft = fixtureFacts.customizations.find((c) => c.job === 'tf-ft-job');
    assert.deepEqual([ft?.baseModel, ft?.trainingDataUri, ft?.hyperParameters], ['amazon.titan-text-express-v1', 's3://acme/train.jsonl', { epochCount: '1' }]);
    assert.ok(fixtureFacts.regions.some((r) => r.region === 'eu-west-2' && r.sources[0] === 'iac/main.tf:5#provider.aws'));
  });

  it('CDK guardrail construct', () => {
    const g = fixtureFacts.guardrails.find((x) => x.id === 'CdkGuard');
    assert.deepEqual(g?.piiEntities, [{ type: 'NAME', action: 'ANONYMIZE' }]);
  });

  it('local training data: record count and a PII summary from the redaction engine; other JSONL ignored', () => {
    assert.equal(fixtureFacts.trainingFiles.length, 1);
    const t = fixtureFacts.trainingFiles[0]!;
    assert.deepEqual([t.path, t.records, t.format, t.sampled], ['training/train.jsonl', 3, 'bedrock-conversation-2024', false]);
    assert.equal(t.piiTypes.EMAIL, 1);
    assert.equal(t.piiTypes.PHONE, 1);
  });
});

describe('card creation', () => {
  it('asks only what the workspace cannot show', () => {
    const asked = questionsFor(demoFacts).map((q) => q.id);
    for (const detected of ['name', 'description', 'type'] as const) assert.ok(!asked.includes(detected), detected);
    for (const missing of ['purpose', 'riskCategory', 'oversightMode', 'owner', 'license'] as const) assert.ok(asked.includes(missing), missing);
    assert.ok(!questionsFor(demoFacts, { piiCategories: [] }).some((q) => q.id === 'legalBasis'), 'no PII → no legal-basis question');
  });

  it('writes a schema-valid card with provenance for every detected value and most values auto-filled on demo/', () => {
    const built = buildCard(demoFacts, ANSWERS);
    const card = parseCard(built.text);
    const aisc = card.data.aisc as Record<string, Record<string, unknown>>;
    const prov = aisc.provenance as Record<string, { source: string }>;
    assert.match(prov['/aisc/components/models/0']!.source, /app\/chat\.py:45/);
    assert.equal(prov['/aisc/system/name']!.source, 'package.json:2');
    assert.ok(built.autoFilled / built.filled > 0.6, `${built.autoFilled}/${built.filled}`);
    const issues = validateCard(built.text, demoFacts);
    assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
    assert.ok(!codes(issues).includes('AISC-SCHEMA'));
    assert.match(built.text, /^## Data privacy$/m);
    assert.match(built.text, /^## Transparency \(EU AI Act Art\. 50\)$/m);
    assert.deepEqual(detectDrift(built.text, demoFacts), [], 'a fresh card has no drift');
  });

  it('a high-risk card gets the Annex IV section in its body', () => {
    const built = buildCard(demoFacts, { ...ANSWERS, riskCategory: 'high' });
    assert.match(built.text, /^## EU AI Act Annex IV technical documentation$/m);
    assert.match(built.text, /^### 8\. EU declaration of conformity/m);
  });
});

describe('Validate Card', () => {
  it('reports schema errors on the offending key, with its line', () => {
    const text = completeDemoCard().replace('mode: on_the_loop', 'mode: sometimes').replace('  intended_use:\n', '  intended_use:\n    purpse: typo\n');
    const issues = validateCard(text, demoFacts);
    const enumIssue = issues.find((i) => i.code === 'AISC-SCHEMA' && /mode must be one of/.test(i.message));
    assert.ok(enumIssue, JSON.stringify(codes(issues)));
    const unknown = issues.find((i) => /Unknown key "purpse"/.test(i.message));
    assert.deepEqual(unknown?.path, ['aisc', 'intended_use', 'purpse']);
    const card = parseCard(text);
    const r = locate(card, unknown.path);
    assert.equal(text.slice(r.start, r.end), 'purpse');
  });

  it('a complete card validates cleanly', () => {
    const issues = validateCard(completeDemoCard(), demoFacts);
    assert.deepEqual(issues.map((i) => `${i.code} ${i.message}`), []);
  });

  it('fine-tuned model → training data and evaluation required; the quick fix inserts the skeletons', () => {
    let text = applyCardEdits(completeDemoCard(), [{ op: 'set', path: ['aisc', 'system', 'type'], value: 'fine_tuned_model' }, { op: 'delete', path: ['aisc', 'evaluation'] }]);
    const issues = validateCard(text, demoFacts).filter((i) => i.code === 'AISC-FINETUNE');
    assert.equal(issues.length, 2);
    for (const i of issues) text = applyCardEdits(text, i.fix!.edits);
    const data = parseCard(text).data as { aisc: { data: { training: { datasets: unknown[] } }; evaluation: unknown[] } };
    assert.equal(data.aisc.data.training.datasets.length, 1);
    assert.equal(data.aisc.evaluation.length, 1);
    // Skeletons hold TODOs: still not documented until filled, but no longer missing sections.
    text = applyCardEdits(text, [
      { op: 'set', path: ['aisc', 'data', 'training', 'datasets'], value: [{ name: 'tickets', uri: 's3://x/train.jsonl', records: 1200 }] },
      { op: 'set', path: ['aisc', 'evaluation'], value: [{ name: 'holdout', metrics: [{ name: 'accuracy', value: 0.9 }] }] },
    ]);
    assert.deepEqual(validateCard(text, demoFacts).filter((i) => i.code === 'AISC-FINETUNE'), []);
  });

  it('the fixture workspace (fine-tune with PII in its training data) fails the fine-tune and PII rules', () => {
    const built = buildCard(fixtureFacts, { ...ANSWERS, piiCategories: [], legalBasis: undefined });
    const issues = validateCard(built.text, fixtureFacts);
    assert.equal((parseCard(built.text).data.aisc as { system: { type: string } }).system.type, 'fine_tuned_model');
    assert.ok(issues.some((i) => i.code === 'AISC-FINETUNE' && /evaluated/.test(i.message)));
    assert.ok(issues.some((i) => i.code === 'AISC-PII' && /training data contains PII/.test(i.message)));
  });

  it('high risk → every Annex IV point, each with a fix', () => {
    const text = applyCardEdits(completeDemoCard(), [{ op: 'set', path: ['aisc', 'risk', 'eu_ai_act', 'category'], value: 'high' }]);
    const annex = validateCard(text, demoFacts).filter((i) => i.code === 'AISC-ANNEX-IV');
    assert.ok(annex.length >= 9, annex.map((i) => i.message).join('\n'));
    assert.ok(annex.every((i) => i.severity === 'error' && i.fix));
    assert.ok(validateCard(text, demoFacts).some((i) => i.code === 'AISC-PII' && /DPIA/.test(i.message)));
  });

  it('PII processed → legal basis and retention', () => {
    const text = applyCardEdits(completeDemoCard(), [{ op: 'delete', path: ['aisc', 'privacy', 'legal_basis'] }, { op: 'delete', path: ['aisc', 'privacy', 'retention'] }]);
    const pii = validateCard(text, demoFacts).filter((i) => i.code === 'AISC-PII');
    assert.deepEqual(pii.map((i) => /legal basis/.test(i.message) || /how long/.test(i.message)), [true, true]);
  });

  it('a guardrail referenced in code must be documented', () => {
    const text = applyCardEdits(completeDemoCard(), [{ op: 'removeWhere', path: ['aisc', 'components', 'guardrails'], key: 'id', equals: '4gmceaxehbmi' }]);
    const g = validateCard(text, demoFacts).find((i) => i.code === 'AISC-GUARDRAIL');
    assert.equal(g?.codeSource, 'app/chat.py:50');
    assert.deepEqual(validateCard(applyCardEdits(text, g.fix!.edits), demoFacts).filter((i) => i.code === 'AISC-GUARDRAIL'), []);
  });

  it('Bedrock ids are refused in base_model and datasets; the fix moves them to tags', () => {
    const text = applyCardEdits(completeDemoCard(), [{ op: 'set', path: ['base_model'], value: 'anthropic.claude-3-5-sonnet-20240620-v1:0' }]);
    const hf = validateCard(text, demoFacts).find((i) => i.code === 'AISC-HF');
    assert.ok(hf);
    const fixed = parseCard(applyCardEdits(text, hf.fix!.edits)).data;
    assert.equal(fixed.base_model, undefined);
    assert.ok((fixed.tags as string[]).includes('anthropic.claude-3-5-sonnet-20240620-v1:0'));
  });

  it('status in_review turns missing sections into errors', () => {
    const built = buildCard(demoFacts, ANSWERS);
    assert.ok(!validateCard(built.text, demoFacts).some((i) => i.severity === 'error'));
    const review = applyCardEdits(built.text, [{ op: 'set', path: ['aisc', 'card', 'status'], value: 'in_review' }]);
    assert.ok(validateCard(review, demoFacts).some((i) => i.code === 'AISC-REQUIRED' && i.severity === 'error' && /limitations/.test(i.message)));
  });

  it('YAML syntax errors are reported at their offset', () => {
    const issues = validateCard('---\naisc:\n  system: [unclosed\n---\nbody\n');
    assert.equal(issues[0]?.code, 'AISC-YAML');
    assert.equal(typeof issues[0]?.offset, 'number');
  });
});

describe('Check Card Drift', () => {
  it('model in code but not in the card is an error; a stale card model a warning; fixes update the card', () => {
    let text = applyCardEdits(completeDemoCard(), [
      { op: 'removeWhere', path: ['aisc', 'components', 'models'], key: 'inference_profile', equals: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' },
      { op: 'push', path: ['aisc', 'components', 'models'], value: { model_id: 'meta.llama3-8b-instruct-v1:0', provider: 'meta' } },
    ]);
    const drift = detectDrift(text, demoFacts);
    const added = drift.find((d) => d.code === 'AISC-DRIFT-MODEL-NEW');
    const gone = drift.find((d) => d.code === 'AISC-DRIFT-MODEL-GONE');
    assert.deepEqual([added?.severity, added?.codeSource], ['error', 'app/summarize.ts:29']);
    assert.equal(gone?.severity, 'warning');
    for (const d of drift) text = applyCardEdits(text, d.fix!.edits);
    assert.deepEqual(detectDrift(text, demoFacts), []);
  });

  it('flags a changed guardrail version and a new Region', () => {
    const facts: WorkspaceFacts = { ...demoFacts, guardrails: demoFacts.guardrails.map((g) => (g.id === '4gmceaxehbmi' ? { ...g, version: '4' } : g)), regions: [...demoFacts.regions, { region: 'eu-west-1', sources: ['app/x.py:1'] }] };
    const drift = detectDrift(completeDemoCard(), facts);
    assert.deepEqual(drift.map((d) => d.code).sort(), ['AISC-DRIFT-GUARDRAIL-VERSION', 'AISC-DRIFT-REGION']);
    let text = completeDemoCard();
    for (const d of drift) text = applyCardEdits(text, d.fix!.edits);
    assert.deepEqual(detectDrift(text, facts), []);
  });
});

describe('Export Card', () => {
  const shipped = JSON.parse(readFileSync(path.join(ROOT, 'media/schemas/sagemaker-model-card.schema.json'), 'utf8')) as Record<string, unknown>;
  const validator = new Ajv({ strict: false, allErrors: true }).compile({ ...shipped, $id: 'test:sagemaker' });

  it('ships the SageMaker schema with its attribution', () => {
    assert.equal(shipped.title, 'SageMakerModelCardSchema');
    const readme = readFileSync(path.join(ROOT, 'media/schemas/README.md'), 'utf8');
    assert.match(readme, /awsdocs\/amazon-sagemaker-developer-guide/);
    assert.match(readme, /7a4c2e79a3a768dc743f49212fe6a029c7283473/);
    assert.match(readme, /MIT-0|MIT No Attribution/);
  });

  it('SageMaker content from the demo card and the fine-tune fixture validates against the shipped schema', () => {
    for (const text of [completeDemoCard(), buildCard(fixtureFacts, ANSWERS).text]) {
      const content = toSageMaker(parseCard(text).data);
      assert.ok(validator(content), JSON.stringify(validator.errors));
      assert.deepEqual(validateSageMaker(content), []);
      assert.equal(typeof (content.model_overview as { model_version: unknown }).model_version, 'number');
      assert.equal(typeof (content.intended_uses as { intended_uses?: unknown }).intended_uses, 'string');
    }
    const content = toSageMaker(parseCard(completeDemoCard()).data);
    assert.equal((content.intended_uses as { risk_rating: string }).risk_rating, 'Medium');
    assert.equal(((content.evaluation_details as { metric_groups: { metric_data: unknown[] }[] }[])[0]!.metric_groups[0]!.metric_data[0] as { value: number }).value, 0.91);
  });

  it('catches what the schema does not: list caps, 63-character evaluation names, 100,000 characters', () => {
    const content = toSageMaker(parseCard(completeDemoCard()).data);
    const big = { ...content, model_overview: { ...(content.model_overview as object), model_artifact: Array.from({ length: 16 }, (_, i) => `s3://b/${i}`) }, evaluation_details: [{ name: 'x'.repeat(64) }] };
    assert.ok(validator(big), 'the schema alone accepts it');
    const problems = validateSageMaker(big);
    assert.ok(problems.some((p) => /model_artifact has 16 items/.test(p)));
    assert.ok(problems.some((p) => /1 to 63 characters/.test(p)));
    const huge = { ...content, additional_information: { custom_details: Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`k${i}`, 'v'.repeat(1000)])) } };
    assert.ok(validateSageMaker(huge).some((p) => /at most 100000/.test(p)));
    assert.ok(validateSageMaker({ model_overview: { model_version: '1' } }).some((p) => /model_version must be number/.test(p)));
  });

  it('Hugging Face README: Bedrock ids in tags, never in base_model or datasets', () => {
    const text = applyCardEdits(completeDemoCard(), [{ op: 'set', path: ['base_model'], value: ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'meta-llama/Llama-3.1-8B'] }, { op: 'set', path: ['datasets'], value: ['s3://bucket/data.jsonl'] }]);
    const readme = toHuggingFace(text);
    const meta = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readme)![1]!) as { tags: string[]; base_model?: string[]; datasets?: string[]; aisc?: unknown; 'model-index'?: unknown[] };
    assert.deepEqual(meta.base_model, ['meta-llama/Llama-3.1-8B']);
    assert.equal(meta.datasets, undefined);
    assert.ok(meta.tags.includes('us.anthropic.claude-3-5-haiku-20241022-v1:0'));
    assert.ok(meta.tags.includes('anthropic.claude-3-5-sonnet-20240620-v1:0'));
    assert.equal(meta['model-index']?.length, 1);
    assert.match(readme, /^## Uses$/m);
    assert.match(readme, /^## Data privacy$/m, 'the card body follows');
  });
});

describe('genai-guard card', () => {
  let dir: string;
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const io: Io = { cwd: dir, isTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
    return { code: await main(args, io), out, err };
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gg-card-'));
    cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('init → validate → export → drift, with CI exit codes', async () => {
    writeFileSync(path.join(dir, 'answers.yml'), 'purpose: Answer customer questions\nriskCategory: high\npiiCategories: [contact_details]\n');
    const init = await run(['card', 'init', '--answers', 'answers.yml']);
    assert.equal(init.code, 0, init.err);
    assert.match(init.out, /Wrote docs\/ai-system-card\.md: 3 model\(s\), 4 guardrail\(s\)/);
    assert.match(init.out, /Still to answer .*oversightMode/);
    assert.equal((await run(['card', 'init'])).code, 2, 'never overwrites without --force');
    const invalid = await run(['card', 'validate', 'docs/ai-system-card.md']);
    assert.equal(invalid.code, 1, 'high risk without Annex IV points fails');
    assert.match(invalid.out, /docs\/ai-system-card\.md:\d+:\d+: error AISC-ANNEX-IV/);
    writeFileSync(path.join(dir, 'ok.md'), completeDemoCard());
    assert.equal((await run(['card', 'validate', 'ok.md'])).code, 0);
    const sm = await run(['card', 'export', 'ok.md', '--to', 'sagemaker', '--output', 'sm.json']);
    assert.equal(sm.code, 0, sm.err);
    assert.equal((JSON.parse(readFileSync(path.join(dir, 'sm.json'), 'utf8')) as { model_overview: { model_name: string } }).model_overview.model_name, 'support-assistant');
    const hf = await run(['card', 'export', 'ok.md', '--to', 'hf']);
    assert.match(hf.out, /^---\n/);
    assert.equal((await run(['card', 'drift', 'ok.md'])).code, 0);
    const chat = path.join(dir, 'app/chat.py');
    writeFileSync(chat, readFileSync(chat, 'utf8').replace('anthropic.claude-3-5-sonnet-20240620-v1:0', 'amazon.nova-pro-v1:0'));
    const drift = await run(['card', 'drift', 'ok.md']);
    assert.equal(drift.code, 1);
    assert.match(drift.out, /error AISC-DRIFT-MODEL-NEW: Model amazon\.nova-pro-v1:0 is used in app\/chat\.py:45/);
    assert.equal((await run(['card', 'export', 'ok.md', '--to', 'pdf'])).code, 2);
  });
});
