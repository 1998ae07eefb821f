/** Validate Card: YAML syntax, the aisc JSON Schema, completeness by status, and the conditional rules. */
import { getAt, isFilled, parseCard } from './frontMatter';
import { parseModelRef } from './modelIds';
import { aiscValidator } from './schemas';
import { toSageMaker, validateSageMaker } from './export';
import { BODY_SECTIONS } from './templates';
import type { CardEdit, CardIssue, WorkspaceFacts } from './types';

type Path = (string | number)[];
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const A = (...p: Path): Path => ['aisc', ...p];

/** Fields required once a card leaves draft (`*` in the aisc design). */
const REQUIRED: [Path, string, unknown][] = [
  [A('system', 'version'), 'system version', 'TODO'],
  [A('system', 'description'), 'system description', 'TODO: what the system does'],
  [A('system', 'type'), 'system type', 'chat'],
  [A('system', 'owner'), 'owner', 'TODO: team alias'],
  [A('system', 'contact'), 'contact', 'TODO: where to report problems'],
  [A('system', 'regions'), 'Regions', ['TODO']],
  [A('components', 'models'), 'models used', [{ model_id: 'TODO', provider: 'TODO' }]],
  [A('intended_use', 'purpose'), 'purpose', 'TODO'],
  [A('intended_use', 'users'), 'users', ['TODO']],
  [A('intended_use', 'direct_use'), 'direct uses', ['TODO']],
  [A('intended_use', 'out_of_scope'), 'out-of-scope uses', ['TODO']],
  [A('risk', 'eu_ai_act', 'category'), 'EU AI Act category', 'minimal'],
  [A('risk', 'rating'), 'risk rating', 'Unknown'],
  [A('risk', 'rationale'), 'risk rationale', 'TODO'],
  [A('evaluation'), 'evaluation (or not_evaluated with a justification)', [{ name: 'TODO', kind: 'offline', metrics: [{ name: 'TODO', value: 'TODO' }] }]],
  [A('limitations'), 'limitations', ['TODO']],
  [A('human_oversight', 'mode'), 'human oversight mode', 'on_the_loop'],
  [A('privacy', 'retention'), 'retention', { policy: 'TODO' }],
];

const ANNEX_IV: [Path, string, unknown][] = [
  [A('system', 'deployment_forms'), 'Annex IV 1: forms the system is placed on the market in', ['api']],
  [A('data', 'provenance_notes'), 'Annex IV 2(d): data provenance', 'TODO'],
  [A('human_oversight', 'override_mechanism'), 'Annex IV 2(e): human-oversight measures', 'TODO'],
  [A('evaluation'), 'Annex IV 2(g), 4: validation and metrics', [{ name: 'TODO', kind: 'offline', metrics: [{ name: 'TODO', value: 'TODO' }] }]],
  [A('monitoring', 'post_market_plan'), 'Annex IV 3, 9: monitoring and post-market plan', 'TODO'],
  [A('compliance', 'risk_management_ref'), 'Annex IV 5: risk management system (Art. 9)', 'TODO'],
  [A('monitoring', 'change_log'), 'Annex IV 6: lifecycle changes', [{ version: '0.1.0', date: 'TODO', summary: 'TODO' }]],
  [A('compliance', 'standards'), 'Annex IV 7: standards applied', ['TODO']],
  [A('compliance', 'declaration_of_conformity_ref'), 'Annex IV 8: EU declaration of conformity', 'TODO'],
];

function skeletonFix(path: Path, value: unknown, what: string): CardIssue['fix'] {
  return { title: `Insert a skeleton for ${what}`, edits: [{ op: 'set', path, value }] };
}

function schemaIssues(data: Record<string, unknown>): CardIssue[] {
  const validate = aiscValidator();
  if (validate(data)) return [];
  const out: CardIssue[] = [];
  const errors = validate.errors ?? [];
  const hasSpecific = (p: string) => errors.some((e) => e.keyword !== 'anyOf' && e.instancePath.startsWith(p));
  for (const e of errors) {
    if (e.keyword === 'anyOf' && hasSpecific(e.instancePath)) continue;
    const path: Path = e.instancePath.split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    let message = `${e.instancePath || 'front matter'} ${e.message ?? 'is invalid'}`;
    if (e.keyword === 'additionalProperties') {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      path.push(extra);
      message = `Unknown key "${extra}" in ${e.instancePath || 'the front matter'} (aisc/0.1 schema)`;
    } else if (e.keyword === 'enum') {
      message = `${e.instancePath} must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    } else if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      message = `${e.instancePath || 'front matter'} is missing "${missing}"`;
    }
    if (!out.some((x) => x.message === message)) out.push({ code: 'AISC-SCHEMA', severity: 'error', message, path });
  }
  return out;
}

/** Runs every check on a card's text. `facts` (from the workspace) enables the guardrail-in-code rule. */
export function validateCard(text: string, facts?: WorkspaceFacts): CardIssue[] {
  const card = parseCard(text);
  const issues: CardIssue[] = [];
  if (!card.hasFrontMatter) return [{ code: 'AISC-FRONT-MATTER', severity: 'error', message: 'The card has no YAML front matter ("---" on the first line).', path: [] }];
  for (const e of card.errors) issues.push({ code: 'AISC-YAML', severity: 'error', message: `YAML: ${e.message}`, path: [], offset: e.start });
  if (card.errors.length) return issues;
  const d = card.data;
  issues.push(...schemaIssues(d));
  const has = (p: Path) => isFilled(getAt(d, p));
  const status = str(getAt(d, A('card', 'status'))) ?? 'draft';
  const strict = status === 'in_review' || status === 'approved';

  for (const [path, what, skeleton] of REQUIRED) {
    if (has(path) || (path.join('.') === 'aisc.evaluation' && getAt(d, [...path, 'not_evaluated']) === true)) continue;
    issues.push({ code: 'AISC-REQUIRED', severity: strict ? 'error' : 'warning', message: `Missing ${what}${strict ? ` (required for status ${status})` : ' (required before review)'}.`, path: parentExisting(d, path), fix: skeletonFix(path, skeleton, what) });
  }
  if (!Array.isArray(getAt(d, A('privacy', 'pii_categories')))) {
    issues.push({ code: 'AISC-REQUIRED', severity: strict ? 'error' : 'warning', message: 'Declare the personal data processed (privacy.pii_categories; an empty list means none).', path: parentExisting(d, A('privacy', 'pii_categories')), fix: skeletonFix(A('privacy', 'pii_categories'), [], 'personal-data') });
  }

  // Conditional rule: fine-tuned model → training data + evaluation.
  if (getAt(d, A('system', 'type')) === 'fine_tuned_model' || getAt(d, A('data', 'training')) !== undefined) {
    if (!has(A('data', 'training', 'datasets'))) {
      issues.push({ code: 'AISC-FINETUNE', severity: 'error', message: 'A fine-tuned model must document its training data (data.training.datasets).', path: parentExisting(d, A('data', 'training', 'datasets')), fix: skeletonFix(A('data', 'training'), { base_model: 'TODO', customization_type: 'FINE_TUNING', datasets: [{ name: 'TODO', uri: 'TODO', records: 0, provenance: 'TODO' }] }, 'training data') });
    }
    const ev = getAt(d, A('evaluation'));
    if (!isFilled(ev) || (ev as { not_evaluated?: boolean }).not_evaluated === true) {
      issues.push({ code: 'AISC-FINETUNE', severity: 'error', message: 'A fine-tuned model must be evaluated (evaluation[] with metrics).', path: parentExisting(d, A('evaluation')), fix: skeletonFix(A('evaluation'), [{ name: 'TODO', kind: 'offline', dataset: 'TODO', metrics: [{ name: 'TODO', value: 'TODO' }] }], 'evaluation') });
    }
  }
  // Conditional rule: high risk → every Annex IV point.
  if (getAt(d, A('risk', 'eu_ai_act', 'category')) === 'high') {
    for (const [path, what, skeleton] of ANNEX_IV) {
      if (!has(path)) issues.push({ code: 'AISC-ANNEX-IV', severity: 'error', message: `High-risk system: document ${what}.`, path: parentExisting(d, path), fix: skeletonFix(path, skeleton, what.split(':')[0]!) });
    }
    if (!has(A('risk', 'eu_ai_act', 'annex_iii_area'))) issues.push({ code: 'AISC-ANNEX-IV', severity: 'error', message: 'High-risk system: name the Annex III area.', path: A('risk', 'eu_ai_act'), fix: skeletonFix(A('risk', 'eu_ai_act', 'annex_iii_area'), 'TODO', 'Annex III area') });
  }
  if (getAt(d, A('risk', 'eu_ai_act', 'category')) === 'prohibited') {
    issues.push({ code: 'AISC-PROHIBITED', severity: 'error', message: 'A prohibited practice (EU AI Act Art. 5) must not be placed on the EU market or used there.', path: A('risk', 'eu_ai_act', 'category') });
  }
  if (getAt(d, A('risk', 'eu_ai_act', 'category')) === 'limited_transparency' && !has(A('risk', 'eu_ai_act', 'art50_disclosure'))) {
    issues.push({ code: 'AISC-ART50', severity: 'warning', message: 'Limited-risk system: say how users are told they interact with AI (Art. 50).', path: A('risk', 'eu_ai_act'), fix: skeletonFix(A('risk', 'eu_ai_act', 'art50_disclosure'), 'TODO', 'Art. 50 disclosure') });
  }
  // Conditional rule: PII processed → legal basis + retention (+ DPIA for special categories or high risk).
  const pii = getAt(d, A('privacy', 'pii_categories'));
  const trainingPii = ((getAt(d, A('data', 'training', 'datasets')) as unknown[] | undefined) ?? []).some((x) => isFilled(getAt(x, ['pii_scan', 'types'])));
  if ((Array.isArray(pii) && pii.length > 0) || trainingPii) {
    if (!has(A('privacy', 'legal_basis'))) issues.push({ code: 'AISC-PII', severity: 'error', message: `Personal data is processed${trainingPii ? ' (the training data contains PII)' : ''}: state the legal basis (GDPR Art. 6 / PDPO DPP1).`, path: parentExisting(d, A('privacy', 'legal_basis')), fix: skeletonFix(A('privacy', 'legal_basis'), 'TODO: GDPR Art. 6(1)(?) / PDPO DPP1 purpose', 'legal basis') });
    if (!has(A('privacy', 'retention'))) issues.push({ code: 'AISC-PII', severity: 'error', message: 'Personal data is processed: state how long it is kept (privacy.retention).', path: parentExisting(d, A('privacy', 'retention')), fix: skeletonFix(A('privacy', 'retention'), { policy: 'TODO' }, 'retention') });
    const special = getAt(d, A('privacy', 'special_categories'));
    if ((isFilled(special) || getAt(d, A('risk', 'eu_ai_act', 'category')) === 'high') && !has(A('privacy', 'dpia_ref'))) {
      issues.push({ code: 'AISC-PII', severity: 'error', message: 'Special-category data or a high-risk system: link the DPIA (privacy.dpia_ref).', path: parentExisting(d, A('privacy', 'dpia_ref')), fix: skeletonFix(A('privacy', 'dpia_ref'), 'TODO', 'DPIA reference') });
    }
  }
  // Conditional rule: every guardrail referenced in code is documented.
  if (facts) {
    const documented = new Set(((getAt(d, A('components', 'guardrails')) as unknown[] | undefined) ?? []).map((g) => String(getAt(g, ['id']))));
    for (const g of facts.guardrails.filter((x) => x.origin === 'code')) {
      if (!documented.has(g.id)) {
        issues.push({ code: 'AISC-GUARDRAIL', severity: 'error', message: `Guardrail ${g.id} is used in ${g.sources[0]} but not documented in components.guardrails.`, path: parentExisting(d, A('components', 'guardrails')), codeSource: g.sources[0]!, fix: { title: `Add guardrail ${g.id} to the card`, edits: [{ op: 'push', path: A('components', 'guardrails'), value: { id: g.id, ...(g.version ? { version: g.version } : {}), source: g.sources } }] } });
      }
    }
  }
  // Hugging Face: Bedrock ids never in base_model / datasets.
  for (const key of ['base_model', 'datasets']) {
    const v = d[key];
    const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
    values.forEach((x, i) => {
      if (typeof x === 'string' && (parseModelRef(x) || !/^[\w.-]+\/[\w.-]+$/.test(x))) {
        const edits: CardEdit[] = [{ op: 'delete', path: Array.isArray(v) ? [key, i] : [key] }, { op: 'push', path: ['tags'], value: x }];
        issues.push({ code: 'AISC-HF', severity: 'error', message: `${key} takes Hugging Face Hub ids only (org/name); "${x}" belongs in tags and aisc.`, path: Array.isArray(v) ? [key, i] : [key], fix: { title: `Move "${x}" to tags`, edits } });
      }
    });
  }
  if (d.license === 'other' && !has(['license_name'])) issues.push({ code: 'AISC-HF', severity: 'warning', message: 'license: other needs license_name and license_link (Hugging Face rejects it otherwise).', path: ['license'], fix: { title: 'Insert license_name and license_link', edits: [{ op: 'set', path: ['license_name'], value: 'TODO' }, { op: 'set', path: ['license_link'], value: 'LICENSE' }] } });
  if (status === 'approved' && !has(A('card', 'reviewers'))) issues.push({ code: 'AISC-REVIEW', severity: 'warning', message: 'An approved card should name its reviewers (card.reviewers).', path: A('card', 'status') });
  // Body sections.
  const headings = new Set([...card.body.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]!.toLowerCase()));
  const missingSections = BODY_SECTIONS.filter((h) => !headings.has(h.toLowerCase()));
  if (missingSections.length) issues.push({ code: 'AISC-BODY', severity: 'warning', message: `The body has no section${missingSections.length > 1 ? 's' : ''}: ${missingSections.join(', ')}.`, path: [], fix: { title: 'Append the missing body sections', edits: [{ op: 'appendBody', text: missingSections.map((h) => `## ${h}\n\n<!-- TODO -->\n`).join('\n') }] } });
  // Export round trip: the SageMaker content must validate.
  if (!issues.some((i) => i.severity === 'error')) {
    for (const p of validateSageMaker(toSageMaker(d))) issues.push({ code: 'AISC-EXPORT', severity: 'warning', message: `SageMaker export: ${p}`, path: [] });
  }
  // A skeleton already in place (a TODO left to fill) is not offered again: the issue then sits on its key.
  for (const i of issues) {
    const only = i.fix?.edits.length === 1 ? i.fix.edits[0] : undefined;
    if (only?.op === 'set' && getAt(d, only.path) !== undefined) delete i.fix;
  }
  return issues;
}

/** The longest prefix of a path that exists in the data (where a "missing X" diagnostic is shown). */
function parentExisting(d: unknown, path: Path): Path {
  for (let i = path.length; i > 0; i--) if (getAt(d, path.slice(0, i)) !== undefined) return path.slice(0, i);
  return [];
}
