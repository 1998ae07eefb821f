/**
 * Check Card Drift: re-runs the detectors and compares with the card. A model in code but not in the card is an
 * error; a card model no longer in the workspace a warning; changed guardrail versions, new Regions, new
 * cross-Region profiles and new training files are flagged. Every issue carries the edit that updates the card.
 */
import { cardModelKey, guardrailEntry, modelEntry, trainingDatasetEntry } from './build';
import { getAt, parseCard } from './frontMatter';
import type { CardIssue, WorkspaceFacts } from './types';

type Obj = Record<string, unknown>;
const A = (...p: (string | number)[]) => ['aisc', ...p];
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object') : []);

export function detectDrift(cardText: string, facts: WorkspaceFacts): CardIssue[] {
  const card = parseCard(cardText);
  if (!card.hasFrontMatter || card.errors.length) return [];
  const d = card.data;
  const issues: CardIssue[] = [];
  const cardModels = objs(getAt(d, A('components', 'models')));
  const modelsPath = cardModels.length || getAt(d, A('components', 'models')) ? A('components', 'models') : A('components');
  for (const m of facts.models) {
    if (cardModels.some((c) => cardModelKey(c) === m.invokedId || (!m.geo && c.model_id === m.modelId && !c.inference_profile))) continue;
    issues.push({
      code: 'AISC-DRIFT-MODEL-NEW',
      severity: 'error',
      message: `Model ${m.invokedId} is used in ${m.sources[0]} but is not in the card.`,
      path: modelsPath,
      codeSource: m.sources[0]!,
      fix: { title: `Add ${m.invokedId} to the card`, edits: [{ op: 'push', path: A('components', 'models'), value: modelEntry(m) }] },
    });
  }
  cardModels.forEach((c, i) => {
    const key = cardModelKey(c);
    if (!key || facts.models.some((m) => m.invokedId === key || (!c.inference_profile && m.modelId === key && !m.geo))) return;
    issues.push({ code: 'AISC-DRIFT-MODEL-GONE', severity: 'warning', message: `Model ${key} is in the card but no longer found in code or infrastructure.`, path: A('components', 'models', i), fix: { title: `Remove ${key} from the card`, edits: [{ op: 'removeWhere', path: A('components', 'models'), key: c.inference_profile ? 'inference_profile' : 'model_id', equals: key }] } });
  });

  const cardGuardrails = objs(getAt(d, A('components', 'guardrails')));
  for (const g of facts.guardrails) {
    const i = cardGuardrails.findIndex((c) => String(c.id) === g.id);
    if (i === -1) {
      issues.push({ code: 'AISC-DRIFT-GUARDRAIL-NEW', severity: g.origin === 'code' ? 'error' : 'warning', message: `Guardrail ${g.id} (${g.sources[0]}) is not in the card.`, path: cardGuardrails.length ? A('components', 'guardrails') : A('components'), codeSource: g.sources[0]!, fix: { title: `Add guardrail ${g.id} to the card`, edits: [{ op: 'push', path: A('components', 'guardrails'), value: guardrailEntry(g) }] } });
      continue;
    }
    const cv = cardGuardrails[i]!.version;
    const documented = typeof cv === 'string' || typeof cv === 'number' ? String(cv) : undefined;
    if (g.version !== undefined && documented !== g.version) {
      issues.push({ code: 'AISC-DRIFT-GUARDRAIL-VERSION', severity: 'warning', message: `Guardrail ${g.id} is used at version ${g.version} (${g.sources[0]}); the card says ${documented ?? 'no version'}.`, path: A('components', 'guardrails', i, ...(documented !== undefined ? ['version'] : [])), codeSource: g.sources[0]!, fix: { title: `Set guardrail ${g.id} version to ${g.version}`, edits: [{ op: 'set', path: A('components', 'guardrails', i, 'version'), value: g.version }] } });
    }
  }
  cardGuardrails.forEach((c, i) => {
    if (facts.guardrails.some((g) => g.id === String(c.id))) return;
    issues.push({ code: 'AISC-DRIFT-GUARDRAIL-GONE', severity: 'warning', message: `Guardrail ${String(c.id)} is in the card but no longer found in code or infrastructure.`, path: A('components', 'guardrails', i), fix: { title: `Remove guardrail ${String(c.id)} from the card`, edits: [{ op: 'removeWhere', path: A('components', 'guardrails'), key: 'id', equals: String(c.id) }] } });
  });

  const regions = (getAt(d, A('system', 'regions')) as unknown[] | undefined) ?? [];
  for (const r of facts.regions) {
    if (regions.includes(r.region)) continue;
    issues.push({ code: 'AISC-DRIFT-REGION', severity: 'warning', message: `Region ${r.region} (${r.sources[0]}) is not in system.regions.`, path: regions.length ? A('system', 'regions') : A('system'), codeSource: r.sources[0]!, fix: { title: `Add Region ${r.region}`, edits: [{ op: 'push', path: A('system', 'regions'), value: r.region }] } });
  }
  const crossBorder = ((getAt(d, A('privacy', 'cross_border')) as unknown[] | undefined) ?? []).map(String);
  for (const m of facts.models.filter((x) => x.geo)) {
    if (crossBorder.some((c) => c.includes(m.invokedId))) continue;
    issues.push({ code: 'AISC-DRIFT-CROSS-REGION', severity: 'warning', message: `${m.invokedId} is a cross-Region inference profile (${m.sources[0]}): document the cross-border transfer in privacy.cross_border.`, path: getAt(d, A('privacy')) ? A('privacy') : [], codeSource: m.sources[0]!, fix: { title: 'Document the cross-Region transfer', edits: [{ op: 'push', path: A('privacy', 'cross_border'), value: `${m.invokedId}: cross-Region inference profile (${m.geo}); requests may be served in other ${m.geo?.toUpperCase()} Regions` }] } });
  }
  const datasets = objs(getAt(d, A('data', 'training', 'datasets')));
  for (const t of facts.trainingFiles) {
    const i = datasets.findIndex((x) => x.uri === t.path);
    if (i === -1) {
      issues.push({ code: 'AISC-DRIFT-TRAINING-DATA', severity: 'warning', message: `Training data ${t.path} (${t.records} records) is not in data.training.datasets.`, path: datasets.length ? A('data', 'training', 'datasets') : [], codeSource: `${t.path}:1`, fix: { title: `Add ${t.path} to the training data`, edits: [{ op: 'push', path: A('data', 'training', 'datasets'), value: trainingDatasetEntry(t) }] } });
    } else if (datasets[i]!.records !== t.records) {
      issues.push({ code: 'AISC-DRIFT-TRAINING-DATA', severity: 'warning', message: `Training data ${t.path} has ${t.records} records; the card says ${String(datasets[i]!.records)}.`, path: A('data', 'training', 'datasets', i), codeSource: `${t.path}:1`, fix: { title: `Update the record count to ${t.records}`, edits: [{ op: 'set', path: A('data', 'training', 'datasets', i, 'records'), value: t.records }, { op: 'set', path: A('data', 'training', 'datasets', i, 'pii_scan'), value: { types: t.piiTypes, sampled: t.sampled, records_scanned: t.recordsScanned } }] } });
    }
  }
  return issues;
}
