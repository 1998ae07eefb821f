/**
 * Posture reports: the JSON contract of `genai-guard posture --format json` (also the extension's JSON export),
 * Markdown and plain text.
 */
import { type StatementRef, describeEvaluation, describeStatement } from '../iam/evaluator';
import { POSTURE_CHECKS, SEVERITY_ORDER, STATUS_ORDER, groupOf } from './checks';
import type { AccessEntry, CheckGroup, CheckResult, CheckStatus, PostureReport } from './types';

export const GROUP_TITLES: Record<CheckGroup, string> = {
  account: 'Account',
  models: 'Models',
  access: 'Access',
  logging: 'Logging',
  guardrails: 'Guardrails',
  encryption: 'Custom models & encryption',
  network: 'Network',
  keys: 'Keys',
};
export const GROUP_ORDER: CheckGroup[] = ['account', 'models', 'access', 'logging', 'guardrails', 'encryption', 'network', 'keys'];

/** The `statement` of an access entry in the JSON contract. */
export interface JsonStatement {
  policy: string;
  policyArn?: string;
  kind: StatementRef['kind'];
  via?: string;
  versionId?: string;
  sid?: string;
  index?: number;
  effect: 'Allow' | 'Deny';
  /** `conditional` only: the undecidable conditions ("if …" for an Allow, "unless …" for a Deny). */
  conditions?: string[];
}

export interface PostureJson {
  account: {
    id: string | null;
    arn: string | null;
    alias: string | null;
    profile: string | null;
    partition: string;
    principalType: string | null;
    credentialSource: string;
    simulated: boolean;
    identityUnknown?: string;
  };
  regions: string[];
  checks: { id: string; status: CheckStatus; severity: string; region: string; resource: string; message: string }[];
  access: { principal: string; model: string; decision: string; statement: JsonStatement | null }[];
}

/** The fixed JSON contract: `{account, regions, checks[{id,status,severity,region,resource,message}], access[{principal,model,decision,statement}]}`. */
export function postureJson(report: PostureReport): PostureJson {
  const a = report.account;
  return {
    account: {
      id: a.id ?? null,
      arn: a.arn ?? null,
      alias: a.alias ?? null,
      profile: a.profile ?? null,
      partition: a.partition,
      principalType: a.principalType ?? null,
      credentialSource: a.credentialSource.kind,
      simulated: Boolean(a.simulated),
      ...(a.identityUnknown ? { identityUnknown: a.identityUnknown } : {}),
    },
    regions: report.regions,
    checks: report.checks.map((c) => ({ id: c.id, status: c.status, severity: c.severity, region: c.region, resource: c.resource, message: c.message })),
    access: report.access.map((e) => ({
      principal: e.principal,
      model: e.model,
      decision: e.decision,
      statement: e.statement
        ? {
            ...e.statement,
            ...(e.decision === 'conditional' && e.evaluation.conditions.length
              ? { conditions: e.evaluation.conditions.map((c) => `${c.statement.effect === 'Deny' ? 'unless' : 'if'} ${c.text}`) }
              : {}),
          }
        : null,
    })),
  };
}

export interface StatusCounts {
  pass: number;
  fail: number;
  warn: number;
  unknown: number;
  error: number;
}

export function countStatuses(results: readonly CheckResult[]): StatusCounts {
  const c: StatusCounts = { pass: 0, fail: 0, warn: 0, unknown: 0, error: 0 };
  for (const r of results) c[r.status]++;
  return c;
}

/** `2 fail · 1 warn · 3 pass` (zero counts left out). */
export function countsText(c: StatusCounts): string {
  const parts = (['fail', 'error', 'unknown', 'warn', 'pass'] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
  return parts.join(' · ') || 'no results';
}

/** Worst first: fail, error, unknown, warn, pass; then severity. */
export function sortResults(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id) || a.resource.localeCompare(b.resource));
}

export function resultsByGroup(report: PostureReport): Map<CheckGroup, CheckResult[]> {
  const m = new Map<CheckGroup, CheckResult[]>(GROUP_ORDER.map((g) => [g, []]));
  for (const r of report.checks) m.get(groupOf(r.id))!.push(r);
  return m;
}

const MD_ICON: Record<CheckStatus, string> = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', unknown: '❔ unknown', error: '💥 error' };

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function accountLine(report: PostureReport): string {
  const a = report.account;
  return [a.alias ? `${a.alias} (${a.id ?? '?'})` : (a.id ?? 'unknown account'), a.profile ? `profile ${a.profile}` : 'default credentials', report.regions.join(', '), a.simulated ? 'SIMULATED account' : ''].filter(Boolean).join(' · ');
}

/** Access rows worth reading: everything but implicit denies, capped. */
const MAX_ACCESS_ROWS = 500;

export function postureMarkdown(report: PostureReport): string {
  const out: string[] = [];
  const a = report.account;
  out.push('# Amazon Bedrock access posture', '');
  out.push(`**Account:** ${accountLine(report)}  `);
  out.push(`**Caller:** ${a.arn ?? `unknown (${a.identityUnknown ?? 'not read'})`}  `);
  out.push(`**Collected:** ${report.collectedAt} in ${(report.durationMs / 1000).toFixed(1)} s, ${report.calls} AWS calls (${report.failures} failed)  `);
  out.push(`**Results:** ${countsText(countStatuses(report.checks))}`, '');
  if (a.simulated) out.push('> This is a **simulated** account served by the local AWS server, not a real AWS account.', '');
  const groups = resultsByGroup(report);
  for (const g of GROUP_ORDER) {
    const results = sortResults(groups.get(g) ?? []);
    if (!results.length) continue;
    out.push(`## ${GROUP_TITLES[g]} (${countsText(countStatuses(results))})`, '');
    out.push('| Status | Severity | Check | Region | Resource | Finding | Remediation |', '|---|---|---|---|---|---|---|');
    for (const r of results) out.push(`| ${MD_ICON[r.status]} | ${r.severity} | \`${r.id}\` | ${r.region} | ${mdCell(r.resource)} | ${mdCell(r.message)} | ${r.status === 'pass' ? '' : mdCell(r.remediation)} |`);
    out.push('');
  }
  out.push(`## Who can invoke which model (\`${report.accessAction}\`)`, '');
  if (report.accessUnknown) out.push(`Unknown: IAM could not be read — ${report.accessUnknown}.`, '');
  else {
    const rows = report.access.filter((e) => e.decision !== 'implicitDeny');
    out.push(`${report.principals.length} principals × ${report.models.length} models; ${rows.length} cells are not an implicit deny. Evaluated locally from identity policies and permission boundaries (SCPs and session policies are not visible here).`, '');
    if (rows.length) {
      out.push('| Principal | Model | Region | Decision | Deciding statement |', '|---|---|---|---|---|');
      for (const e of rows.slice(0, MAX_ACCESS_ROWS)) out.push(`| ${mdCell(e.principal)} | ${e.modelId} | ${e.region} | ${e.decision} | ${mdCell(describeEvaluation(e.evaluation))} |`);
      if (rows.length > MAX_ACCESS_ROWS) out.push('', `…and ${rows.length - MAX_ACCESS_ROWS} more (use the JSON report for all of them).`);
      out.push('');
    }
  }
  out.push('## Checks', '');
  for (const c of POSTURE_CHECKS) out.push(`- \`${c.id}\` (${c.severity}) — ${c.title}. ${c.description}`);
  out.push('');
  return out.join('\n');
}

const TEXT_ICON: Record<CheckStatus, string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', unknown: '????', error: 'ERR!' };

export function postureText(report: PostureReport): string {
  const out: string[] = [];
  out.push(`Amazon Bedrock access posture — ${accountLine(report)}`);
  out.push(`caller ${report.account.arn ?? `unknown (${report.account.identityUnknown ?? 'not read'})`}; ${report.calls} AWS calls, ${report.failures} failed; ${countsText(countStatuses(report.checks))}`);
  const groups = resultsByGroup(report);
  for (const g of GROUP_ORDER) {
    const results = sortResults(groups.get(g) ?? []);
    if (!results.length) continue;
    out.push('', `${GROUP_TITLES[g]} (${countsText(countStatuses(results))})`);
    for (const r of results) {
      out.push(`  ${TEXT_ICON[r.status]} ${r.severity.padEnd(8)} ${r.id} [${r.region}] ${r.message}`);
      if (r.status !== 'pass') out.push(`       fix: ${r.remediation}`);
    }
  }
  out.push('', `Access (${report.accessAction})`);
  if (report.accessUnknown) out.push(`  unknown: ${report.accessUnknown}`);
  else {
    const byPrincipal = new Map<string, string[]>();
    const firstOf = new Map<string, AccessEntry>();
    for (const e of report.access) {
      if (e.decision !== 'allow' && e.decision !== 'conditional') continue;
      const list = byPrincipal.get(e.principal) ?? [];
      if (!list.length) {
        byPrincipal.set(e.principal, list);
        firstOf.set(e.principal, e);
      }
      list.push(`${e.modelId}@${e.region}${e.decision === 'conditional' ? ' (conditional)' : ''}`);
    }
    for (const p of [...report.principals].sort((x, y) => y.allowed - x.allowed || x.name.localeCompare(y.name))) {
      const models = byPrincipal.get(p.arn);
      if (!models) continue;
      out.push(`  ${p.type} ${p.name}: ${p.allowed} allowed, ${p.conditional} conditional — ${describeStatement(firstOf.get(p.arn)?.statement)}`);
      out.push(`      ${models.length > 8 ? `${models.slice(0, 8).join(', ')} and ${models.length - 8} more` : models.join(', ')}`);
    }
    const none = report.principals.filter((p) => !byPrincipal.has(p.arn)).length;
    if (none) out.push(`  ${none} principal${none === 1 ? '' : 's'} may invoke no model.`);
  }
  out.push('');
  return out.join('\n');
}
