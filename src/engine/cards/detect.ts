/** Runs every detector over the workspace files a caller hands in and merges the facts. */
import { detectDocumentKind } from '../documentKind';
import { detectInCode, parseEnvFile } from './detectCode';
import { detectInIac } from './detectIac';
import { detectRepo, detectTrainingFile } from './detectRepo';
import type { DetectedModel, WorkspaceFacts, WorkspaceFile } from './types';

/** Which files the detectors read (callers use this to avoid reading everything). */
export function isCardInput(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    /\.(?:[cm]?[jt]sx?|py|tf|ya?ml|json|jsonl|template|toml)$/i.test(name) ||
    /^\.env(?:\..+)?$/.test(name) ||
    /^(?:CODEOWNERS|LICEN[CS]E(?:\.md|\.txt)?|COPYING)$/.test(name)
  );
}

function mergeSources<T extends { sources: string[] }>(into: T, from: T): void {
  for (const s of from.sources) if (!into.sources.includes(s)) into.sources.push(s);
}

const INVOCATION_RANK: Record<DetectedModel['invocation'], number> = { converse: 1, converse_stream: 1, invoke_model: 1, agent: 2, kb: 2, framework: 1, unknown: 9 };

export function detectWorkspace(files: readonly WorkspaceFile[]): WorkspaceFacts {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // .env files first (.env before .env.example), so code can resolve process.env / os.environ reads.
  const env = new Map<string, string>();
  for (const f of sorted.filter((x) => /(?:^|\/)\.env$/.test(x.path))) parseEnvFile(f.text, env);
  for (const f of sorted.filter((x) => /(?:^|\/)\.env\.[\w.-]+$/.test(x.path))) parseEnvFile(f.text, env);

  const facts: WorkspaceFacts = { models: [], guardrails: [], knowledgeBases: [], agents: [], tools: [], regions: [], customizations: [], trainingFiles: [], ...detectRepo(sorted) };
  const addModel = (m: DetectedModel) => {
    const existing = facts.models.find((x) => x.invokedId === m.invokedId);
    if (!existing) return void facts.models.push({ ...m, sources: [...m.sources] });
    if (INVOCATION_RANK[m.invocation] < INVOCATION_RANK[existing.invocation]) {
      // The call site comes first: it is where drift diagnostics point.
      existing.sources = [...m.sources, ...existing.sources.filter((s) => !m.sources.includes(s))];
      existing.invocation = m.invocation;
      if (m.framework) existing.framework = m.framework;
    } else mergeSources(existing, m);
    existing.region ??= m.region;
    existing.env ??= m.env;
  };
  const addRegion = (r: { region: string; sources: string[] }) => {
    const existing = facts.regions.find((x) => x.region === r.region);
    if (existing) mergeSources(existing, r);
    else facts.regions.push({ region: r.region, sources: [...r.sources] });
  };

  for (const f of sorted) {
    const kind = detectDocumentKind(f.path, f.text);
    if (kind === 'python' || kind === 'typescript' || kind === 'javascript' || kind === 'cdk') {
      const c = detectInCode(f.path, f.text, env);
      // A client's region applies to the models the same file calls.
      const fileRegion = c.regions.length === 1 ? c.regions[0]!.region : undefined;
      for (const m of c.models) addModel(fileRegion && !m.region ? { ...m, region: fileRegion } : m);
      for (const g of c.guardrails) {
        const existing = facts.guardrails.find((x) => x.id === g.id);
        if (existing) mergeSources(existing, g);
        else facts.guardrails.push(g);
      }
      for (const k of c.knowledgeBases) if (!facts.knowledgeBases.some((x) => x.id === k.id)) facts.knowledgeBases.push(k);
      for (const a of c.agents) if (!facts.agents.some((x) => x.id === a.id)) facts.agents.push(a);
      for (const t of c.tools) if (!facts.tools.some((x) => x.name === t.name)) facts.tools.push(t);
      c.regions.forEach(addRegion);
      facts.customizations.push(...c.customizations);
    } else if (/\.jsonl$/i.test(f.path)) {
      const t = detectTrainingFile(f);
      if (t) facts.trainingFiles.push(t);
    }
  }
  const iac = detectInIac(sorted);
  iac.models.forEach(addModel);
  facts.guardrails.push(...iac.guardrails);
  facts.knowledgeBases.push(...iac.knowledgeBases);
  facts.agents.push(...iac.agents);
  iac.regions.forEach(addRegion);
  facts.customizations.push(...iac.customizations);
  if (iac.logging) facts.logging = iac.logging;
  const envRegion = env.get('AWS_REGION') ?? env.get('AWS_DEFAULT_REGION');
  if (envRegion && /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/.test(envRegion) && !facts.regions.length) facts.regions.push({ region: envRegion, sources: ['.env'] });
  return facts;
}
