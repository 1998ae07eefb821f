/**
 * The posture tree as plain data: Account → Models → Access → Logging → Guardrails → Custom models & encryption →
 * Network → Keys. No `vscode` import, so it is unit-tested in plain Node; `treeProvider.ts` turns nodes into
 * TreeItems. Children are built lazily (the Access node of a 1,000-principal account is not built until opened).
 */
import { describeEvaluation, describeStatement } from '../../engine/iam/evaluator';
import { groupOf, POSTURE_CHECKS, SEVERITY_ORDER, STATUS_ORDER } from '../../engine/posture/checks';
import { type ConsoleTarget, consoleUrl } from '../../engine/posture/console';
import { GROUP_ORDER, GROUP_TITLES, countStatuses, countsText, sortResults } from '../../engine/posture/format';
import type { Collected, Guardrail, ModelAgreementOffers, ModelAvailability, PostureSnapshot, UnknownResult, UseCaseForModelAccess } from '../../engine/posture/snapshot';
import type { AccessEntry, CheckGroup, CheckResult, CheckStatus, ModelSummary, PostureReport, PrincipalSummary } from '../../engine/posture/types';

export type NodeIcon =
  | CheckStatus
  | 'account'
  | 'identity'
  | 'model'
  | 'legacy-model'
  | 'user'
  | 'role'
  | 'key'
  | 'guardrail'
  | 'region'
  | 'file'
  | 'allow'
  | 'explicitDeny'
  | 'implicitDeny'
  | 'conditional'
  | 'filter'
  | 'cloud'
  | 'info'
  | 'list';

export interface PostureNode {
  /** Stable across refreshes (keeps expansion state). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: NodeIcon;
  /** `contextValue` for menus: `posture.console` when {@link consoleUrl} is set, else `posture.node`. */
  contextValue?: string;
  consoleUrl?: string;
  /** Click opens this file at this (1-based) line. */
  open?: { file: string; line: number };
  /** Click runs this command. */
  run?: { command: string; title: string; args?: unknown[] };
  /** Start expanded. */
  expanded?: boolean;
  /** Synchronous children (built when first asked). */
  children?: () => PostureNode[];
  /** Children that need AWS calls (reconnaissance-like reads): only when the user expands the node. */
  load?: () => Promise<PostureNode[]>;
}

/** Where the workspace's code references a model. */
export interface ModelUse {
  file: string;
  line: number;
}

/** The lazy reads a session offers (they resemble LLM-jacking reconnaissance, so only on expand). */
export interface LazyReads {
  availability(region: string, modelId: string): Promise<Collected<ModelAvailability>>;
  offers(region: string, modelId: string): Promise<Collected<ModelAgreementOffers>>;
  useCase(region: string): Promise<Collected<UseCaseForModelAccess>>;
}

export interface TreeInput {
  report: PostureReport;
  snapshot: PostureSnapshot;
  /** Access filter: principals or models whose name/ARN/id contains it (case-insensitive). */
  filter?: string;
  /** Model id (foundation-model id or profile id as written) → where the code uses it. */
  usage?: ReadonlyMap<string, ModelUse[]>;
  lazy?: LazyReads;
}

// ---------------------------------------------------------------------------------------------------------------

function worst(statuses: CheckStatus[]): CheckStatus | undefined {
  return statuses.length ? statuses.reduce((a, b) => (STATUS_ORDER[b] < STATUS_ORDER[a] ? b : a)) : undefined;
}

function unknownText(u: UnknownResult): string {
  return `unknown (${/^[^(]*\((.*)\)$/s.exec(u.reason)?.[1] ?? u.reason})`;
}

function unknownNode(id: string, label: string, u: UnknownResult): PostureNode {
  return { id, label, description: unknownText(u), icon: 'unknown', tooltip: `**${label}** could not be read.\n\n${u.operation}: ${u.reason}` };
}

function md(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

function link(node: PostureNode, target: ConsoleTarget, partition: string): PostureNode {
  return { ...node, consoleUrl: consoleUrl(target, partition), contextValue: 'posture.console' };
}

function shortResource(r: CheckResult): string {
  if (r.resource === 'account') return r.region === 'global' ? 'account' : r.region;
  const arn = r.resource;
  if (!arn.startsWith('arn:')) return arn;
  const tail = arn.split(':').slice(5).join(':');
  const last = tail.split('/').pop() ?? tail;
  if (last === '*' || tail === 'model-invocation-logging' || tail === 'enforced-guardrail-configuration') return r.region;
  return r.region === 'global' ? last : `${last} · ${r.region}`;
}

function resultNode(r: CheckResult, i: number, partition: string): PostureNode {
  const node: PostureNode = {
    id: `result:${r.id}:${r.region}:${r.resource}:${i}`,
    label: shortResource(r),
    description: r.status === 'unknown' && r.reason ? `unknown (${r.reason})` : r.message,
    icon: r.status,
    tooltip: `**${r.status.toUpperCase()}** · ${r.severity} · \`${r.id}\`\n\n${md(r.message)}\n\n${r.status === 'pass' ? '' : `**Fix:** ${md(r.remediation)}\n\n`}Region: ${r.region} · Resource: \`${r.resource}\``,
  };
  const target = consoleTargetOf(r);
  return target ? link(node, target, partition) : node;
}

function consoleTargetOf(r: CheckResult): ConsoleTarget | undefined {
  const arn = r.resource;
  const iam = /^arn:[^:]+:iam::\d*:(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (iam) return iam[1] === 'user' ? { kind: 'iam-user', name: iam[2]!, ...(r.id.startsWith('keys.') ? { section: 'security_credentials' as const } : {}) } : { kind: 'iam-role', name: iam[2]! };
  if (r.region === 'global') return undefined;
  const region = r.region;
  if (r.id.startsWith('logging.')) return { kind: 'bedrock', region, page: 'settings' };
  if (r.id.startsWith('guardrails.')) return { kind: 'bedrock', region, page: 'guardrails' };
  if (r.id.startsWith('agents.')) {
    const id = /:agent\/([^/]+)$/.exec(arn)?.[1];
    return id && id !== '*' ? { kind: 'agent', region, id } : { kind: 'bedrock', region, page: 'agents' };
  }
  if (r.id.startsWith('knowledge-bases.')) return { kind: 'bedrock', region, page: 'knowledge-bases' };
  if (r.id.startsWith('custom-models.')) return { kind: 'bedrock', region, page: arn.includes(':imported-model/') ? 'imported-models' : 'custom-models' };
  if (r.id.startsWith('network.')) return { kind: 'vpc-endpoints', region };
  if (r.id.startsWith('models.')) {
    const m = /:foundation-model\/(.+)$/.exec(arn)?.[1];
    return m && m !== '*' ? { kind: 'model', region, modelId: m } : { kind: 'bedrock', region, page: 'model-catalog' };
  }
  return undefined;
}

/** A check with its results as children (worst first). */
function checkNode(id: string, results: CheckResult[], partition: string, prefix: string): PostureNode {
  const info = POSTURE_CHECKS.find((c) => c.id === id);
  const sorted = sortResults(results);
  const status = worst(results.map((r) => r.status));
  const one = sorted.length === 1 ? sorted[0]! : undefined;
  return {
    id: `${prefix}:check:${id}`,
    label: info?.title ?? id,
    description: one ? (one.status === 'unknown' && one.reason ? `unknown (${one.reason})` : one.message) : countsText(countStatuses(results)),
    ...(status ? { icon: status } : {}),
    tooltip: `\`${id}\` · ${info?.severity ?? ''}\n\n${md(info?.description ?? '')}${one ? `\n\n**${one.status.toUpperCase()}:** ${md(one.message)}${one.status === 'pass' ? '' : `\n\n**Fix:** ${md(one.remediation)}`}` : ''}`,
    ...(one
      ? (() => {
          const t = consoleTargetOf(one);
          return t ? { consoleUrl: consoleUrl(t, partition), contextValue: 'posture.console' } : {};
        })()
      : { children: () => sorted.map((r, i) => resultNode(r, i, partition)) }),
  };
}

/** Check nodes of a group, worst check first. */
function checkNodes(group: CheckGroup, report: PostureReport, prefix: string): PostureNode[] {
  const byId = new Map<string, CheckResult[]>();
  for (const r of report.checks) {
    if (groupOf(r.id) !== group) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  return [...byId.entries()]
    .map(([id, rs]) => ({ id, rs, w: worst(rs.map((r) => r.status))!, sev: Math.min(...rs.map((r) => SEVERITY_ORDER[r.severity])) }))
    .sort((a, b) => STATUS_ORDER[a.w] - STATUS_ORDER[b.w] || a.sev - b.sev || a.id.localeCompare(b.id))
    .map(({ id, rs }) => checkNode(id, rs, report.account.partition, prefix));
}

function groupNode(group: CheckGroup, report: PostureReport, extra: PostureNode[], description?: string, rest: Partial<PostureNode> = {}): PostureNode {
  const results = report.checks.filter((r) => groupOf(r.id) === group);
  const status = worst(results.map((r) => r.status));
  const counts = countsText(countStatuses(results));
  return {
    id: `group:${group}`,
    label: GROUP_TITLES[group],
    description: description ?? counts,
    ...(status ? { icon: status } : {}),
    tooltip: `**${GROUP_TITLES[group]}** — ${counts}`,
    children: () => [...checkNodes(group, report, `group:${group}`), ...extra],
    ...rest,
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** The root nodes for a judged posture. */
export function buildRoots(input: TreeInput): PostureNode[] {
  const { report } = input;
  return GROUP_ORDER.map((g) => {
    switch (g) {
      case 'account':
        return accountNode(input);
      case 'models':
        return modelsNode(input);
      case 'access':
        return accessNode(input);
      case 'guardrails':
        return groupNode('guardrails', report, guardrailInventory(input));
      case 'keys':
        return groupNode('keys', report, keyInventory(input));
      case 'logging':
        return groupNode('logging', report, loggingInventory(input));
      default:
        return groupNode(g, report, []);
    }
  });
}

function accountNode(input: TreeInput): PostureNode {
  const { report, snapshot } = input;
  const a = report.account;
  const parts = [a.profile ?? 'default credentials', a.alias ? `${a.alias} (${a.id ?? '?'})` : (a.id ?? 'unknown account'), report.regions.join(', ')];
  if (a.simulated) parts.push('simulated');
  const partition = a.partition;
  const extra: PostureNode[] = [];
  if (snapshot.identity.status === 'ok') {
    const id = snapshot.identity.value;
    extra.push({ id: 'account:caller', label: 'Caller', description: `${id.arn} (${id.principalType})`, icon: 'identity', tooltip: `Scanning as \`${id.arn}\`\n\nUser id: ${id.userId}` });
  } else extra.push(unknownNode('account:caller', 'Caller', snapshot.identity));
  const src = a.credentialSource;
  extra.push({ id: 'account:credentials', label: 'Credentials', description: `${src.kind}${src.profile ? ` (profile ${src.profile})` : ''}${src.longTermKeys ? ' · long-term keys' : ''}`, icon: 'key' });
  if (snapshot.accountAliases.status !== 'ok') extra.push(unknownNode('account:aliases', 'Account alias', snapshot.accountAliases));
  extra.push({
    id: 'account:stats',
    label: 'Last refresh',
    description: `${new Date(report.collectedAt).toLocaleString()} · ${(report.durationMs / 1000).toFixed(1)} s · ${report.calls} AWS calls${report.failures ? `, ${report.failures} failed` : ''}`,
    icon: 'info',
    tooltip: 'Read-only calls; no model is invoked. Availability and agreement reads happen only when you expand a model.',
  });
  if (a.simulated) {
    extra.push({ id: 'account:simulated', label: 'Simulated account', description: 'served by the local AWS server (weak scenario), not AWS', icon: 'info', tooltip: 'No AWS credentials were configured, so `npm start` serves a simulated account. Configure credentials and choose a profile to see a real one.' });
  }
  const node = groupNode('account', report, extra, parts.join(' · '), {
    label: 'Account',
    icon: a.simulated ? 'cloud' : 'account',
    expanded: false,
    tooltip: `**Account** ${md(parts.join(' · '))}\n\nPartition ${partition}. Checks: ${countsText(countStatuses(report.checks))}`,
  });
  return link(node, { kind: 'account' }, partition);
}

// --- Models ---

function modelsNode(input: TreeInput): PostureNode {
  const { report, snapshot } = input;
  const partition = report.account.partition;
  const regions: PostureNode[] = snapshot.regions.map((r) => {
    if (r.foundationModels.status !== 'ok') return unknownNode(`models:${r.region}`, r.region, r.foundationModels);
    const models = report.models.filter((m) => m.region === r.region);
    const used = models.filter((m) => m.usedInWorkspace).length;
    const legacy = models.filter((m) => m.lifecycle.toUpperCase() === 'LEGACY').length;
    return link(
      {
        id: `models:${r.region}`,
        label: r.region,
        description: `${models.length} models${used ? ` · ${used} used in code` : ''}${legacy ? ` · ${legacy} legacy` : ''}`,
        icon: 'region',
        children: () => [...models].sort((x, y) => Number(y.usedInWorkspace) - Number(x.usedInWorkspace) || y.allowed - x.allowed || x.modelId.localeCompare(y.modelId)).map((m) => modelNode(input, m)),
      },
      { kind: 'bedrock', region: r.region, page: 'model-catalog' },
      partition,
    );
  });
  if (input.lazy) {
    for (const r of snapshot.regions) {
      const lazy = input.lazy;
      regions.push({
        id: `models:${r.region}:usecase`,
        label: `Anthropic use-case form · ${r.region}`,
        description: 'expand to check (calls GetUseCaseForModelAccess)',
        icon: 'cloud',
        tooltip: 'Reads whether the Anthropic first-use form was submitted. Not part of a refresh: this kind of call resembles LLM-jacking reconnaissance.',
        load: async () => {
          const u = await lazy.useCase(r.region);
          if (u.status !== 'ok') return [unknownNode(`models:${r.region}:usecase:result`, 'Use-case form', u)];
          return [{ id: `models:${r.region}:usecase:result`, label: 'Use-case form', description: u.value.submitted ? 'submitted' : 'not submitted (Anthropic models need it before first use)', icon: u.value.submitted ? 'pass' : 'info' }];
        },
      });
    }
  }
  return groupNode('models', report, regions);
}

function modelNode(input: TreeInput, m: ModelSummary): PostureNode {
  const { report } = input;
  const partition = report.account.partition;
  const legacy = m.lifecycle.toUpperCase() === 'LEGACY';
  const uses = usesOf(input, m.modelId);
  const desc = [
    m.usedInWorkspace ? '● used in code' : '',
    legacy ? `LEGACY${m.endOfLifeTime ? ` · EOL ${m.endOfLifeTime.slice(0, 10)}` : ''}` : '',
    `${m.allowed} can invoke${m.conditional ? ` · ${m.conditional} conditionally` : ''}`,
  ].filter(Boolean);
  const node: PostureNode = {
    id: `model:${m.modelArn}`,
    label: m.modelId,
    description: desc.join(' · '),
    icon: legacy ? 'legacy-model' : 'model',
    tooltip: `**${md(m.modelName ?? m.modelId)}** (${m.providerName ?? '?'})\n\n\`${m.modelArn}\`\n\nLifecycle: ${m.lifecycle}${m.legacyTime ? ` since ${m.legacyTime.slice(0, 10)}` : ''}${m.endOfLifeTime ? `, end of life ${m.endOfLifeTime.slice(0, 10)}` : ''}\n\nInference: ${m.inferenceTypes.join(', ')}${m.usedInWorkspace ? `\n\nUsed in: ${uses.map((u) => `${u.file}:${u.line}`).join(', ')}` : ''}`,
    children: () => {
      const out: PostureNode[] = [];
      for (const u of uses) out.push({ id: `model:${m.modelArn}:use:${u.file}:${u.line}`, label: `${u.file}:${u.line}`, description: 'used here', icon: 'file', open: u });
      const who = report.access.filter((e) => e.model === m.modelArn && (e.decision === 'allow' || e.decision === 'conditional'));
      out.push({
        id: `model:${m.modelArn}:who`,
        label: 'Who can invoke',
        description: `${m.allowed} allowed${m.conditional ? `, ${m.conditional} conditional` : ''}`,
        icon: 'list',
        children: () => who.map((e) => accessCell(input, e, principalName(input, e.principal), `model:${m.modelArn}:who`)),
      });
      if (input.lazy) {
        const lazy = input.lazy;
        out.push({
          id: `model:${m.modelArn}:availability`,
          label: 'Availability & agreements',
          description: 'expand to check (calls AWS)',
          icon: 'cloud',
          tooltip: 'GetFoundationModelAvailability and ListFoundationModelAgreementOffers for this model. Not part of a refresh: these calls resemble LLM-jacking reconnaissance.',
          load: async () => {
            const [a, o] = await Promise.all([lazy.availability(m.region, m.modelId), lazy.offers(m.region, m.modelId)]);
            const nodes: PostureNode[] = [];
            if (a.status !== 'ok') nodes.push(unknownNode(`model:${m.modelArn}:availability:a`, 'Availability', a));
            else {
              const v = a.value;
              const ok = v.authorizationStatus === 'AUTHORIZED' && v.agreementStatus === 'AVAILABLE' && v.entitlementAvailability !== 'NOT_AVAILABLE';
              nodes.push({
                id: `model:${m.modelArn}:availability:a`,
                label: 'Availability',
                description: `authorization ${v.authorizationStatus ?? '?'} · agreement ${v.agreementStatus ?? '?'} · entitlement ${v.entitlementAvailability ?? '?'} · region ${v.regionAvailability ?? '?'}`,
                icon: ok ? 'pass' : 'info',
              });
            }
            if (o.status !== 'ok') nodes.push(unknownNode(`model:${m.modelArn}:availability:o`, 'Agreement offers', o));
            else nodes.push({ id: `model:${m.modelArn}:availability:o`, label: 'Agreement offers', description: o.value.offers.length ? `${o.value.offers.length} offer(s)${o.value.offers.some((x) => x.hasPricingTerm) ? ' · paid' : ''}` : 'none needed', icon: 'info' });
            return nodes;
          },
        });
      }
      return out;
    },
  };
  return link(node, { kind: 'model', region: m.region, modelId: m.modelId }, partition);
}

function usesOf(input: TreeInput, modelId: string): ModelUse[] {
  if (!input.usage) return [];
  const out: ModelUse[] = [];
  for (const [id, uses] of input.usage) {
    if (id === modelId || id.endsWith(`.${modelId}`)) out.push(...uses);
  }
  const seen = new Set<string>();
  return out.filter((u) => (seen.has(`${u.file}:${u.line}`) ? false : (seen.add(`${u.file}:${u.line}`), true))).slice(0, 20);
}

// --- Access ---

function principalName(input: TreeInput, arn: string): string {
  return input.report.principals.find((p) => p.arn === arn)?.name ?? arn.split('/').pop() ?? arn;
}

const DECISION_TEXT: Record<AccessEntry['decision'], string> = { allow: 'allowed', explicitDeny: 'denied (explicit)', implicitDeny: 'not allowed', conditional: 'conditional' };

function accessCell(input: TreeInput, e: AccessEntry, label: string, prefix: string): PostureNode {
  const conds = e.evaluation.conditions.map((c) => `- ${c.statement.effect === 'Deny' ? 'unless' : 'if'} \`${c.text}\``).join('\n');
  return {
    id: `${prefix}:${e.principal}:${e.model}`,
    label,
    description: `${DECISION_TEXT[e.decision]}${e.statement ? ` · ${e.statement.policy}${e.statement.sid ? ` (${e.statement.sid})` : e.statement.index !== undefined ? ` #${e.statement.index}` : ''}` : ''}`,
    icon: e.decision,
    tooltip: `**${input.report.accessAction}** on \`${e.model}\` by \`${e.principal}\`: **${e.decision}**\n\nDeciding statement: ${md(describeStatement(e.statement))}${conds ? `\n\nDepends on:\n${conds}` : ''}${e.evaluation.note ? `\n\n${md(e.evaluation.note)}` : ''}\n\n_${md(describeEvaluation(e.evaluation))}_\n\nEvaluated locally from identity policies and permission boundaries; SCPs and session policies are not visible here.`,
  };
}

function matches(filter: string | undefined, ...texts: (string | undefined)[]): boolean {
  if (!filter) return true;
  const f = filter.toLowerCase();
  return texts.some((t) => t?.toLowerCase().includes(f));
}

function accessNode(input: TreeInput): PostureNode {
  const { report, filter } = input;
  const partition = report.account.partition;
  const extra: PostureNode[] = [];
  if (filter) extra.push({ id: 'access:filter', label: `Filter: "${filter}"`, description: 'principals or models containing it — run "Filter Access" again to change or clear', icon: 'filter' });
  if (report.accessUnknown) {
    extra.push({ id: 'access:matrix', label: 'Principals × models', description: `unknown (${/^[^(]*\((.*)\)$/s.exec(report.accessUnknown)?.[1] ?? report.accessUnknown})`, icon: 'unknown' });
    return groupNode('access', report, extra);
  }
  const byPrincipal = new Map<string, AccessEntry[]>();
  for (const e of report.access) {
    const list = byPrincipal.get(e.principal);
    if (list) list.push(e);
    else byPrincipal.set(e.principal, [e]);
  }
  const principals = report.principals.filter((p) => matches(filter, p.name, p.arn) || (filter !== undefined && (byPrincipal.get(p.arn) ?? []).some((e) => matches(filter, e.modelId, e.model))));
  const modelFilterOnly = (p: PrincipalSummary) => filter !== undefined && !matches(filter, p.name, p.arn);
  extra.push({
    id: 'access:principals',
    label: 'Principals × models',
    description: `${principals.length} principal${principals.length === 1 ? '' : 's'} × ${report.models.length} models · ${report.accessAction}`,
    icon: 'list',
    expanded: Boolean(filter),
    tooltip: 'Who may invoke which foundation model, evaluated locally (identity policies incl. groups, permission boundaries, explicit denies, conditions). Hover a cell for the deciding statement.',
    children: () =>
      [...principals]
        .sort((a, b) => Number(Boolean(b.isCaller)) - Number(Boolean(a.isCaller)) || b.allowed - a.allowed || b.conditional - a.conditional || a.name.localeCompare(b.name))
        .map((p) => {
          const cells = (byPrincipal.get(p.arn) ?? []).filter((e) => !modelFilterOnly(p) || matches(filter, e.modelId, e.model));
          const relevant = cells.filter((e) => e.decision !== 'implicitDeny');
          const kind = p.type === 'user' ? 'user' : p.serviceRole ? 'service role' : p.ssoReserved ? 'SSO permission set' : 'role';
          const node: PostureNode = {
            id: `access:p:${p.arn}`,
            label: p.name,
            description: `${kind}${p.isCaller ? ' · you' : ''} · ${p.allowed} allowed${p.conditional ? ` · ${p.conditional} conditional` : ''}${p.hasBoundary ? ' · boundary' : ''}`,
            icon: p.type === 'user' ? 'user' : 'role',
            tooltip: `\`${p.arn}\`${p.groups?.length ? `\n\nGroups: ${p.groups.join(', ')}` : ''}${p.trustedBy?.length ? `\n\nTrusted by: ${p.trustedBy.map((t) => `\`${t}\``).join(', ')}` : ''}${p.hasBoundary ? '\n\nHas a permissions boundary.' : ''}`,
            children: () => {
              const shown = relevant.length ? relevant : [];
              const denied = cells.length - relevant.length;
              const out = shown.map((e) => accessCell(input, e, `${e.modelId} · ${e.region}`, `access:p:${p.arn}`));
              if (denied) {
                out.push({
                  id: `access:p:${p.arn}:denied`,
                  label: `${denied} model${denied === 1 ? '' : 's'} not allowed`,
                  icon: 'implicitDeny',
                  children: () => cells.filter((e) => e.decision === 'implicitDeny').map((e) => accessCell(input, e, `${e.modelId} · ${e.region}`, `access:p:${p.arn}:denied`)),
                });
              }
              return out;
            },
          };
          const m = /:(user|role)\/(?:.*\/)?([^/]+)$/.exec(p.arn);
          return m ? link(node, m[1] === 'user' ? { kind: 'iam-user', name: m[2]! } : { kind: 'iam-role', name: m[2]! }, partition) : node;
        }),
  });
  return groupNode('access', report, extra, undefined, filter ? { expanded: true } : {});
}

// --- Guardrails, logging, keys inventories ---

function guardrailInventory(input: TreeInput): PostureNode[] {
  const { snapshot, report } = input;
  const partition = report.account.partition;
  return snapshot.regions.map((r) => {
    if (r.guardrails.status !== 'ok') return unknownNode(`guardrails:${r.region}`, `Guardrails · ${r.region}`, r.guardrails);
    const inUse = new Map<string, string[]>();
    const mark = (ref: string | undefined, version: string | undefined, by: string) => {
      const id = ref?.split('/').pop()?.split(':')[0];
      if (id) inUse.set(`${id}:${version ?? 'DRAFT'}`, [...(inUse.get(`${id}:${version ?? 'DRAFT'}`) ?? []), by]);
    };
    if (r.enforcedGuardrails.status === 'ok') for (const e of r.enforcedGuardrails.value) mark(e.guardrailId ?? e.guardrailArn, e.guardrailVersion, 'enforced');
    if (r.agents.status === 'ok') for (const a of r.agents.value) mark((a.detail.status === 'ok' ? a.detail.value.guardrail : undefined)?.guardrailIdentifier ?? a.guardrail?.guardrailIdentifier, (a.detail.status === 'ok' ? a.detail.value.guardrail : undefined)?.guardrailVersion ?? a.guardrail?.guardrailVersion, `agent ${a.agentName}`);
    const list = r.guardrails.value;
    return link(
      {
        id: `guardrails:${r.region}`,
        label: `Guardrails · ${r.region}`,
        description: `${list.length}`,
        icon: 'guardrail',
        children: () => list.map((g) => guardrailNode(g, r.region, inUse, partition)),
      },
      { kind: 'bedrock', region: r.region, page: 'guardrails' },
      partition,
    );
  });
}

function guardrailNode(g: Guardrail, region: string, inUse: Map<string, string[]>, partition: string): PostureNode {
  const node: PostureNode = {
    id: `guardrail:${g.arn}`,
    label: g.name,
    description: g.versions.status === 'ok' ? `${g.versions.value.length} version${g.versions.value.length === 1 ? '' : 's'} · ${g.status}` : unknownText(g.versions),
    icon: 'guardrail',
    tooltip: `\`${g.arn}\`${g.description ? `\n\n${md(g.description)}` : ''}`,
    ...(g.versions.status === 'ok'
      ? {
          children: () =>
            (g.versions.status === 'ok' ? g.versions.value : []).map((v) => {
              const by = inUse.get(`${g.id}:${v.version}`);
              if (v.policy.status !== 'ok') return unknownNode(`guardrail:${g.arn}:${v.version}`, `version ${v.version}`, v.policy);
              const p = v.policy.value;
              const pa = p.contentPolicy?.filters.find((f) => f.type === 'PROMPT_ATTACK');
              const pii = [...(p.sensitiveInformationPolicy?.piiEntities ?? []), ...(p.sensitiveInformationPolicy?.regexes ?? [])];
              const summary = [
                pa ? `prompt attack ${pa.inputStrength}/${pa.inputAction ?? 'BLOCK'}` : 'no prompt-attack filter',
                `${pii.length} PII/regex`,
                p.contextualGroundingPolicy ? 'grounding' : '',
                p.contentPolicy?.tier ? `${p.contentPolicy.tier} tier` : '',
              ].filter(Boolean);
              return {
                id: `guardrail:${g.arn}:${v.version}`,
                label: `version ${v.version}`,
                description: `${by ? `in use (${by.join(', ')}) · ` : v.version === 'DRAFT' ? 'working draft · ' : ''}${summary.join(' · ')}`,
                icon: by ? 'pass' : 'info',
              } satisfies PostureNode;
            }),
        }
      : {}),
  };
  return link(node, { kind: 'guardrail', region, id: g.id, name: g.name }, partition);
}

function loggingInventory(input: TreeInput): PostureNode[] {
  const partition = input.report.account.partition;
  return input.snapshot.regions.map((r) => {
    if (r.invocationLogging.status !== 'ok') return unknownNode(`logging:${r.region}`, `Configuration · ${r.region}`, r.invocationLogging);
    const c = r.invocationLogging.value;
    const types = c ? (['text', 'image', 'embedding', 'video', 'audio'] as const).filter((t) => c[`${t}DataDeliveryEnabled`]) : [];
    const description = c ? [c.cloudWatch ? `CloudWatch ${c.cloudWatch.logGroupName}` : '', c.s3 ? `S3 ${c.s3.bucketName}` : '', types.length ? `data: ${types.join(', ')}` : 'no data types'].filter(Boolean).join(' · ') : 'off';
    return link({ id: `logging:${r.region}`, label: `Configuration · ${r.region}`, description, icon: c ? 'info' : 'fail' }, { kind: 'bedrock', region: r.region, page: 'settings' }, partition);
  });
}

function keyInventory(input: TreeInput): PostureNode[] {
  const keys = input.snapshot.bedrockApiKeys;
  const partition = input.report.account.partition;
  if (keys.status !== 'ok') return [unknownNode('keys:list', 'Bedrock API keys', keys)];
  return [
    {
      id: 'keys:list',
      label: 'Bedrock API keys',
      description: `${keys.value.length} long-term`,
      icon: 'key',
      tooltip: 'Long-term Bedrock API keys (IAM service-specific credentials for bedrock.amazonaws.com). Short-term keys cannot be listed.',
      children: () =>
        keys.value.map((k) =>
          link(
            {
              id: `keys:${k.serviceSpecificCredentialId}`,
              label: k.serviceCredentialAlias ?? k.serviceSpecificCredentialId,
              description: `${k.userName} · ${k.status} · ${k.expirationDate ? `expires ${k.expirationDate.slice(0, 10)}` : 'never expires'}`,
              icon: 'key',
              tooltip: `\`${k.serviceSpecificCredentialId}\` of IAM user \`${k.userName}\`${k.createDate ? `, created ${k.createDate.slice(0, 10)}` : ''}`,
            },
            { kind: 'iam-user', name: k.userName, section: 'security_credentials' },
            partition,
          ),
        ),
    },
  ];
}

/** Every node of a tree, depth-first, expanding synchronous children (tests, export). Lazy loads are not run. */
export function flatten(nodes: PostureNode[], depth = Infinity): PostureNode[] {
  const out: PostureNode[] = [];
  const walk = (ns: PostureNode[], d: number) => {
    for (const n of ns) {
      out.push(n);
      if (d > 0 && n.children) walk(n.children(), d - 1);
    }
  };
  walk(nodes, depth);
  return out;
}
