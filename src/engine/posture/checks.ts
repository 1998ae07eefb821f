/**
 * Posture checks: each judges a {@link PostureSnapshot} (plus the evaluator's answers) and returns results with a
 * stable id. Rules every check follows:
 * - an `unknown` input gives an `unknown` result naming the failed operation and why — never `pass`;
 * - presence is not proof: a guardrail is judged on the version actually in use (agent or account-enforced
 *   configuration), and a filter that only detects (`NONE` action) does not count;
 * - one result per judged resource, or one per region/account when the check is about absence.
 */
import { type CompiledPrincipal, type EvaluationResult, describeStatement } from '../iam/evaluator';
import { PROFILE_GEOGRAPHIES, baseModelId } from './modelUsage';
import type { Collected, GuardrailPolicy, GuardrailVersion, PostureSnapshot, RegionPosture, UnknownResult } from './snapshot';
import type { CheckGroup, CheckInfo, CheckResult, CheckSeverity, CheckStatus, ModelSummary } from './types';

/** What checks get: the snapshot, the compiled principals and an evaluator bound to the account. */
export interface CheckContext {
  snapshot: PostureSnapshot;
  now: Date;
  account: string;
  partition: string;
  /** Compiled principals (service-linked roles excluded), or why IAM is unknown. */
  principals: CompiledPrincipal[] | UnknownResult;
  /** Evaluates one request for a principal in a region (request context filled in). */
  can(p: CompiledPrincipal, action: string, resource: string, region: string, extra?: Record<string, string[] | null>): EvaluationResult;
  /** Foundation-model ids the workspace's code uses. */
  usedModelIds: ReadonlySet<string>;
  /** The access matrix's per-model summaries. */
  models: ModelSummary[];
  /** A foundation model (ARN) the principal may invoke in the region, per the access matrix. */
  allowedModel(p: CompiledPrincipal, region: string): string | undefined;
}

interface CheckDefinition extends CheckInfo {
  /** One-line fix, used unless the result gives its own. */
  remediation: string;
  run(ctx: CheckContext): CheckResult[];
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const GLOBAL = 'global';

function make(def: CheckDefinition, status: CheckStatus, region: string, resource: string, message: string, extra: Partial<CheckResult> = {}): CheckResult {
  return { id: def.id, status, severity: extra.severity ?? def.severity, region, resource, message, remediation: extra.remediation ?? def.remediation, ...(extra.operation ? { operation: extra.operation } : {}) };
}

/** The result for data that could not be read: never a pass. */
function unknownOf(def: CheckDefinition, region: string, resource: string, what: string, u: UnknownResult): CheckResult {
  const fix: Record<UnknownResult['cause'], string> = {
    accessDenied: `Allow ${u.operation} for the scanning identity (e.g. attach the AWS managed policies SecurityAudit and AmazonBedrockReadOnly), then refresh.`,
    throttled: 'AWS throttled the call after retries: refresh again later.',
    notOffered: `Amazon Bedrock (or this API) may not be offered in ${region}: remove the region or check the endpoint.`,
    unknownOperation: `The endpoint does not support ${u.operation} in ${region}: nothing to judge there yet.`,
    timeout: 'The call timed out after retries: check connectivity and refresh.',
    credentials: 'The credentials were rejected mid-scan: renew them and refresh.',
    network: 'The AWS endpoint could not be reached: check connectivity and refresh.',
    error: 'Refresh; if it persists, see the log.',
  };
  const detail = /^[^(]*\((.*)\)$/s.exec(u.reason)?.[1] ?? u.reason;
  return { ...make(def, 'unknown', region, resource, `Unknown: ${what} could not be read — ${u.reason}.`, { remediation: fix[u.cause], operation: u.operation }), reason: detail };
}

function regionArn(ctx: CheckContext, region: string, rest: string): string {
  return `arn:${ctx.partition}:bedrock:${region}:${ctx.account}:${rest}`;
}

type AgentEntry = Extract<RegionPosture['agents'], { status: 'ok' }>['value'][number];

/** Every agent of every region with its ARN; a region whose agent list could not be read gives one unknown result. */
function eachAgent(def: CheckDefinition, ctx: CheckContext, out: CheckResult[], visit: (r: RegionPosture, a: AgentEntry, resource: string) => void): void {
  for (const r of ctx.snapshot.regions) {
    if (r.agents.status !== 'ok') {
      out.push(unknownOf(def, r.region, regionArn(ctx, r.region, 'agent/*'), 'the agents', r.agents));
      continue;
    }
    for (const a of r.agents.value) visit(r, a, a.detail.status === 'ok' && a.detail.value.agentArn ? a.detail.value.agentArn : regionArn(ctx, r.region, `agent/${a.agentId}`));
  }
}

function lastSegment(idOrArn: string): string {
  const slash = idOrArn.lastIndexOf('/');
  return slash === -1 ? idOrArn : idOrArn.slice(slash + 1);
}

/** Guardrail id from an id or ARN (`arn:…:guardrail/ID` or `…/ID:VERSION`). */
function guardrailIdOf(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  return lastSegment(ref).split(':')[0];
}

function principalLabel(p: CompiledPrincipal): string {
  return `${p.input.type} ${p.input.name}`;
}

function isAllowed(r: EvaluationResult): boolean {
  return r.decision === 'allow';
}

function list(names: string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function days(fromIso: string, now: Date): number {
  return Math.round((Date.parse(fromIso) - now.getTime()) / 86_400_000);
}

// Synthetic requests: a resource or action no scoped policy names, so only wildcards grant it.
const ANY_REGION = 'zz-any-1';
function anyModelArn(partition: string): string {
  return `arn:${partition}:bedrock:${ANY_REGION}::foundation-model/zz.any-model-v1:0`;
}
function anyResourceArn(partition: string): string {
  return `arn:${partition}:bedrock:${ANY_REGION}:000000000000:zz-any-resource/zz`;
}
const ANY_BEDROCK_ACTION = 'bedrock:ZzzAnyFutureAction';
const ANY_IAM_ACTION = 'iam:ZzzAnyFutureAction';

// ---------------------------------------------------------------------------------------------------------------
// Guardrail versions in use

interface JudgedVersion {
  guardrailId: string;
  name: string;
  arn: string;
  version: string;
  /** Why this version is judged. */
  why: string;
  draftOnly: boolean;
  policy: Collected<GuardrailPolicy>;
}

/**
 * The guardrail versions to judge in a region: those in use (account-enforced configuration, agents); for guardrails
 * nothing references, the newest published version (DRAFT only when nothing is published — then flagged).
 */
function judgedVersions(region: RegionPosture): Collected<{ judged: JudgedVersion[]; missing: { ref: string; version: string; by: string }[]; usageUnknown: string[] }> {
  if (region.guardrails.status !== 'ok') return region.guardrails;
  const uses = new Map<string, Map<string, string[]>>();
  const usageUnknown: string[] = [];
  const use = (ref: string | undefined, version: string | undefined, by: string) => {
    const id = guardrailIdOf(ref);
    if (!id) return;
    const v = version ?? 'DRAFT';
    const m = uses.get(id) ?? new Map<string, string[]>();
    m.set(v, [...(m.get(v) ?? []), by]);
    uses.set(id, m);
  };
  if (region.enforcedGuardrails.status === 'ok') {
    for (const e of region.enforcedGuardrails.value) use(e.guardrailId ?? e.guardrailArn, e.guardrailVersion, 'account-enforced configuration');
  } else usageUnknown.push(`account-enforced configuration (${region.enforcedGuardrails.reason})`);
  if (region.agents.status === 'ok') {
    for (const a of region.agents.value) {
      const g = a.detail.status === 'ok' ? (a.detail.value.guardrail ?? a.guardrail) : a.guardrail;
      use(g?.guardrailIdentifier, g?.guardrailVersion, `agent ${a.agentName}`);
    }
  } else usageUnknown.push(`agents (${region.agents.reason})`);

  const judged: JudgedVersion[] = [];
  const known = new Set<string>();
  for (const g of region.guardrails.value) {
    known.add(g.id);
    const base = { guardrailId: g.id, name: g.name, arn: g.arn };
    if (g.versions.status !== 'ok') {
      judged.push({ ...base, version: '?', why: 'versions unreadable', draftOnly: false, policy: g.versions });
      continue;
    }
    const versions = g.versions.value;
    const inUse = uses.get(g.id);
    if (inUse?.size) {
      for (const [v, by] of inUse) {
        const found = versions.find((x) => x.version === v);
        judged.push({
          ...base,
          version: v,
          why: `in use by ${list(by, 3)}`,
          draftOnly: false,
          policy: found ? found.policy : { status: 'unknown', operation: 'bedrock:GetGuardrail', cause: 'error', reason: `version ${v} is referenced but was not listed` },
        });
      }
      continue;
    }
    const published = versions.filter((v) => /^\d+$/.test(v.version)).sort((a, b) => Number(b.version) - Number(a.version));
    const pick: GuardrailVersion | undefined = published[0] ?? versions.find((v) => v.version === 'DRAFT');
    if (!pick) continue;
    judged.push({
      ...base,
      version: pick.version,
      why: published.length ? 'newest published version (no agent or enforced configuration references this guardrail)' : 'only a DRAFT exists, never published',
      draftOnly: !published.length,
      policy: pick.policy,
    });
  }
  const missing: { ref: string; version: string; by: string }[] = [];
  for (const [id, m] of uses) {
    if (known.has(id)) continue;
    for (const [v, by] of m) missing.push({ ref: id, version: v, by: list(by, 3) });
  }
  return { status: 'ok', value: { judged, missing, usageUnknown } };
}

/**
 * Runs a per-guardrail-version judgement over all regions. `judge` returns null for pass, or the problem.
 * A pass on a DRAFT-only guardrail becomes `warn`: applications cannot pin a version that was never published.
 */
function perGuardrailVersion(def: CheckDefinition, ctx: CheckContext, what: string, judge: (p: GuardrailPolicy) => { ok: boolean; detail: string }): CheckResult[] {
  const out: CheckResult[] = [];
  for (const region of ctx.snapshot.regions) {
    const jv = judgedVersions(region);
    if (jv.status !== 'ok') {
      out.push(unknownOf(def, region.region, regionArn(ctx, region.region, 'guardrail/*'), 'the guardrails', jv));
      continue;
    }
    const { judged, missing, usageUnknown } = jv.value;
    for (const m of missing) {
      out.push(make(def, 'fail', region.region, regionArn(ctx, region.region, `guardrail/${m.ref}`), `Guardrail ${m.ref} version ${m.version} is used by ${m.by} but does not exist in ${region.region}: nothing is filtered.`));
    }
    if (!judged.length && !missing.length) {
      out.push(make(def, 'fail', region.region, regionArn(ctx, region.region, 'guardrail/*'), `No guardrail in ${region.region}, so ${what} is not in place.`));
      continue;
    }
    const caveat = usageUnknown.length ? ` (which versions are in use is partly unknown: ${usageUnknown.join('; ')})` : '';
    for (const j of judged) {
      const resource = j.version === '?' ? j.arn : `${j.arn}:${j.version}`;
      if (j.policy.status !== 'ok') {
        out.push(unknownOf(def, region.region, resource, `guardrail ${j.name} version ${j.version}`, j.policy));
        continue;
      }
      const r = judge(j.policy.value);
      const label = `Guardrail ${j.name} version ${j.version} (${j.why})`;
      if (!r.ok) out.push(make(def, 'fail', region.region, resource, `${label}: ${r.detail}${caveat}.`));
      else if (j.draftOnly)
        {out.push(
          make(def, 'warn', region.region, resource, `${label}: ${r.detail}, but only in the DRAFT — publish a version and use it (callers that pin a version get no DRAFT changes)${caveat}.`, {
            severity: 'medium',
          }),
        );}
      else if (usageUnknown.length)
        {out.push(make(def, 'unknown', region.region, resource, `Unknown: ${label}: ${r.detail}, but other versions may be in use${caveat}.`, { remediation: 'Make the agents and the enforced-guardrail configuration readable to the scan, then refresh.' }));}
      else out.push(make(def, 'pass', region.region, resource, `${label}: ${r.detail}.`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// IAM helpers

/**
 * Runs a per-principal judgement. `judge` returns a fail/warn result or nothing (the principal is fine); when no
 * principal is flagged, one `pass` summarises.
 */
function perPrincipal(def: CheckDefinition, ctx: CheckContext, passMessage: string, judge: (p: CompiledPrincipal) => CheckResult | undefined, unknowns: CheckResult[] = []): CheckResult[] {
  if (!Array.isArray(ctx.principals)) return [unknownOf(def, GLOBAL, 'account', 'IAM authorization details', ctx.principals)];
  const out: CheckResult[] = [...unknowns];
  for (const p of ctx.principals) {
    const r = judge(p);
    if (r) out.push(r);
  }
  if (!out.length) out.push(make(def, 'pass', GLOBAL, 'account', passMessage));
  return out;
}

function firstRegion(ctx: CheckContext): string {
  return ctx.snapshot.regionNames[0] ?? 'us-east-1';
}

/** fail for allow, warn for conditional, nothing otherwise. */
function flag(def: CheckDefinition, p: CompiledPrincipal, r: EvaluationResult, allowedText: string): CheckResult | undefined {
  if (r.decision === 'allow') return make(def, 'fail', GLOBAL, p.input.arn, `${capital(principalLabel(p))} ${allowedText}: ${describeStatement(r.statement)}.`);
  if (r.decision === 'conditional') {
    const conds = r.conditions.map((c) => `${c.statement.effect === 'Deny' ? 'unless' : 'if'} ${c.text}`).join('; ');
    return make(def, 'warn', GLOBAL, p.input.arn, `${capital(principalLabel(p))} ${allowedText} conditionally: ${describeStatement(r.statement)}${conds ? ` — ${conds}` : ''}${r.note ? ` (${r.note})` : ''}.`);
  }
  return undefined;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

const CHECKS: CheckDefinition[] = [];
function define(def: CheckDefinition): CheckDefinition {
  CHECKS.push(def);
  return def;
}

// --- Account ---

define({
  id: 'account.long-term-credentials',
  title: 'Scan runs on short-lived credentials',
  group: 'account',
  severity: 'low',
  description: 'Long-term access keys in the shared credentials file or environment are the credentials most often leaked; prefer IAM Identity Center (SSO) or roles.',
  remediation: 'Use IAM Identity Center: "aws configure sso", then choose that profile.',
  run(ctx) {
    const s = ctx.snapshot.credentialSource;
    if (s.longTermKeys) {
      return [make(this, 'warn', GLOBAL, s.profile ? `profile ${s.profile}` : 'environment', `Credentials come from long-term access keys (${s.kind}${s.profile ? `, profile ${s.profile}` : ''}).`)];
    }
    return [make(this, 'pass', GLOBAL, s.profile ? `profile ${s.profile}` : 'credential chain', `Credentials come from ${s.kind === 'unknown' ? 'the default chain' : s.kind}, not from long-term keys in a file.`)];
  },
});

// --- Logging ---

define({
  id: 'logging.invocation-logging-enabled',
  title: 'Model invocation logging is on',
  group: 'logging',
  severity: 'medium',
  description: 'Without invocation logging there is no record of prompts, responses and callers for incident response.',
  remediation: 'Bedrock console → Settings → Model invocation logging: deliver to CloudWatch Logs and/or S3 (PutModelInvocationLoggingConfiguration).',
  run(ctx) {
    return ctx.snapshot.regions.map((r) => {
      const resource = regionArn(ctx, r.region, 'model-invocation-logging');
      if (r.invocationLogging.status !== 'ok') return unknownOf(this, r.region, resource, 'the invocation logging configuration', r.invocationLogging);
      const c = r.invocationLogging.value;
      if (!c) return make(this, 'fail', r.region, resource, `Model invocation logging is off in ${r.region}.`);
      const dest = [c.cloudWatch ? `CloudWatch Logs ${c.cloudWatch.logGroupName}` : '', c.s3 ? `S3 ${c.s3.bucketName}` : ''].filter(Boolean).join(' and ');
      return make(this, 'pass', r.region, resource, `Model invocations in ${r.region} are logged to ${dest}.`);
    });
  },
});

define({
  id: 'logging.text-data-captured',
  title: 'Invocation logs capture prompts and responses (text)',
  group: 'logging',
  severity: 'medium',
  description: 'Logging with text delivery off records metadata only: prompt-injection and data-leak investigations need the text.',
  remediation: 'Enable "Text" data delivery in the model invocation logging settings (textDataDeliveryEnabled).',
  run(ctx) {
    return ctx.snapshot.regions.map((r) => {
      const resource = regionArn(ctx, r.region, 'model-invocation-logging');
      if (r.invocationLogging.status !== 'ok') return unknownOf(this, r.region, resource, 'the invocation logging configuration', r.invocationLogging);
      const c = r.invocationLogging.value;
      if (!c) return make(this, 'fail', r.region, resource, `No invocation logging in ${r.region}, so no prompt or response text is captured.`);
      if (c.textDataDeliveryEnabled === true) return make(this, 'pass', r.region, resource, `Prompt and response text is delivered to the invocation logs in ${r.region}.`);
      return make(this, 'fail', r.region, resource, `Invocation logging in ${r.region} does not deliver text data: prompts and responses are not captured.`);
    });
  },
});

define({
  id: 'logging.destination-encrypted',
  title: 'Invocation log destinations are encrypted with a customer-managed key',
  group: 'logging',
  severity: 'high',
  description: 'Invocation logs hold prompts and responses; the log group and bucket should be encrypted with a KMS key you control.',
  remediation: 'Associate a KMS key with the log group (logs associate-kms-key) and set SSE-KMS default encryption on the bucket.',
  run(ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.snapshot.regions) {
      const resource = regionArn(ctx, r.region, 'model-invocation-logging');
      if (r.invocationLogging.status !== 'ok') {
        out.push(unknownOf(this, r.region, resource, 'the invocation logging configuration', r.invocationLogging));
        continue;
      }
      const c = r.invocationLogging.value;
      if (!c) continue; // No destination: logging.invocation-logging-enabled reports it.
      const dest = [c.cloudWatch ? `log group ${c.cloudWatch.logGroupName}` : '', c.s3 ? `bucket ${c.s3.bucketName}` : '', c.cloudWatch?.largeDataDeliveryS3 ? `bucket ${c.cloudWatch.largeDataDeliveryS3.bucketName}` : '']
        .filter(Boolean)
        .join(', ');
      out.push(
        make(
          this,
          'unknown',
          r.region,
          resource,
          `Unknown: the encryption of ${dest} is not read by this scan (logs:DescribeLogGroups kmsKeyId, s3:GetBucketEncryption), so it is not assumed.`,
          { remediation: `Verify in the console that ${dest} use a customer-managed KMS key.` },
        ),
      );
    }
    return out;
  },
});

// --- Guardrails ---

define({
  id: 'guardrails.present',
  title: 'At least one guardrail exists',
  group: 'guardrails',
  severity: 'medium',
  description: 'Guardrails filter harmful content, prompt attacks and sensitive information; without one nothing is filtered.',
  remediation: 'Create a guardrail (Bedrock console → Guardrails), publish a version, and attach or enforce it.',
  run(ctx) {
    return ctx.snapshot.regions.map((r) => {
      const resource = regionArn(ctx, r.region, 'guardrail/*');
      if (r.guardrails.status !== 'ok') return unknownOf(this, r.region, resource, 'the guardrails', r.guardrails);
      const n = r.guardrails.value.length;
      if (!n) return make(this, 'fail', r.region, resource, `No guardrail exists in ${r.region}.`);
      return make(this, 'pass', r.region, resource, `${n} guardrail${n === 1 ? '' : 's'} in ${r.region}: ${list(r.guardrails.value.map((g) => g.name))}.`);
    });
  },
});

define({
  id: 'guardrails.prompt-attack-blocking',
  title: 'Prompt attacks are blocked (HIGH strength, BLOCK, enabled) by the guardrail version in use',
  group: 'guardrails',
  severity: 'high',
  description:
    'The PROMPT_ATTACK content filter must be HIGH strength with the BLOCK action and enabled on input. A filter with action NONE only detects; a DRAFT-only guardrail is not what versioned callers use.',
  remediation: 'Set the PROMPT_ATTACK filter to HIGH input strength with action BLOCK, publish a new version, and point the agents / enforced configuration at it.',
  run(ctx) {
    return perGuardrailVersion(this, ctx, 'prompt-attack blocking', (p) => {
      const f = p.contentPolicy?.filters.find((x) => x.type === 'PROMPT_ATTACK');
      if (!f) return { ok: false, detail: 'no PROMPT_ATTACK filter' };
      const problems: string[] = [];
      if (f.inputStrength !== 'HIGH') problems.push(`input strength ${f.inputStrength}`);
      const action = f.inputAction ?? 'BLOCK';
      if (action !== 'BLOCK') problems.push(`input action ${action} (detect only)`);
      if (f.inputEnabled === false) problems.push('input evaluation disabled');
      return problems.length ? { ok: false, detail: `PROMPT_ATTACK filter is not blocking: ${problems.join(', ')}` } : { ok: true, detail: 'PROMPT_ATTACK filter blocks at HIGH strength' };
    });
  },
});

define({
  id: 'guardrails.sensitive-info-enforced',
  title: 'Sensitive information is blocked or masked by the guardrail version in use',
  group: 'guardrails',
  severity: 'high',
  description: 'At least one PII entity or regex must BLOCK or ANONYMIZE; entries with action NONE only detect.',
  remediation: 'Add PII entities (or regexes) with action BLOCK or ANONYMIZE to the guardrail, publish a version and use it.',
  run(ctx) {
    return perGuardrailVersion(this, ctx, 'sensitive-information filtering', (p) => {
      const sip = p.sensitiveInformationPolicy;
      const entries = [...(sip?.piiEntities ?? []), ...(sip?.regexes ?? [])];
      if (!entries.length) return { ok: false, detail: 'no sensitive-information filters' };
      const enforcing = entries.filter((e) => {
        const input = e.inputEnabled !== false ? (e.inputAction ?? e.action) : 'NONE';
        const output = e.outputEnabled !== false ? (e.outputAction ?? e.action) : 'NONE';
        return [input, output].some((a) => a === 'BLOCK' || a === 'ANONYMIZE');
      });
      if (!enforcing.length) return { ok: false, detail: `all ${entries.length} sensitive-information filters only detect (action NONE)` };
      return { ok: true, detail: `${enforcing.length} of ${entries.length} sensitive-information filters block or anonymize` };
    });
  },
});

define({
  id: 'guardrails.contextual-grounding',
  title: 'Contextual grounding and relevance checks block ungrounded answers',
  group: 'guardrails',
  severity: 'medium',
  description: 'For RAG and agents, GROUNDING and RELEVANCE filters with a threshold above 0 and action BLOCK stop hallucinated or off-topic answers.',
  remediation: 'Enable GROUNDING and RELEVANCE contextual grounding filters (threshold ≥ 0.7, action BLOCK) in the guardrail, publish and use the version.',
  run(ctx) {
    return perGuardrailVersion(this, ctx, 'contextual grounding', (p) => {
      const filters = p.contextualGroundingPolicy?.filters ?? [];
      const problems: string[] = [];
      for (const type of ['GROUNDING', 'RELEVANCE']) {
        const f = filters.find((x) => x.type === type);
        if (!f) problems.push(`no ${type} filter`);
        else if (f.enabled === false) problems.push(`${type} disabled`);
        else if (!(f.threshold > 0)) problems.push(`${type} threshold ${f.threshold}`);
        else if ((f.action ?? 'BLOCK') !== 'BLOCK') problems.push(`${type} action ${f.action} (detect only)`);
      }
      return problems.length ? { ok: false, detail: problems.join(', ') } : { ok: true, detail: 'GROUNDING and RELEVANCE filters block' };
    });
  },
});

define({
  id: 'guardrails.account-enforced',
  title: 'A guardrail is enforced account-wide on every model',
  group: 'guardrails',
  severity: 'high',
  description: 'An account-enforced guardrail configuration applies to every inference call, even callers that pass no guardrail.',
  remediation: 'Bedrock console → Guardrails → Account-level enforcement: enforce a published guardrail version on all models (PutEnforcedGuardrailConfiguration).',
  run(ctx) {
    return ctx.snapshot.regions.map((r) => {
      const resource = regionArn(ctx, r.region, 'enforced-guardrail-configuration');
      if (r.enforcedGuardrails.status !== 'ok') return unknownOf(this, r.region, resource, 'the account-enforced guardrail configuration', r.enforcedGuardrails);
      const configs = r.enforcedGuardrails.value;
      if (!configs.length) return make(this, 'fail', r.region, resource, `No guardrail is enforced account-wide in ${r.region}: callers that pass no guardrail are not filtered.`);
      const all = configs.find((c) => !c.modelEnforcement || (c.modelEnforcement.includedModels.some((m) => m.toUpperCase() === 'ALL') && !c.modelEnforcement.excludedModels.length));
      const c = all ?? configs[0]!;
      const name = `${guardrailIdOf(c.guardrailId ?? c.guardrailArn) ?? '?'} version ${c.guardrailVersion ?? 'DRAFT'}`;
      if ((c.guardrailVersion ?? 'DRAFT') === 'DRAFT') return make(this, 'warn', r.region, resource, `Guardrail ${name} is enforced in ${r.region}, but its DRAFT: publish a version and enforce that.`);
      if (!all) {
        const me = c.modelEnforcement!;
        return make(this, 'warn', r.region, resource, `Guardrail ${name} is enforced in ${r.region} only on some models (included: ${list(me.includedModels)}; excluded: ${list(me.excludedModels) || 'none'}).`);
      }
      return make(this, 'pass', r.region, resource, `Guardrail ${name} is enforced on all models in ${r.region}.`);
    });
  },
});

define({
  id: 'agents.guardrail-attached',
  title: 'Every agent has a guardrail',
  group: 'guardrails',
  severity: 'high',
  description: 'An agent without a guardrail passes user input straight to the model and its tools.',
  remediation: 'Edit the agent: Guardrail details → select a published guardrail version, then prepare the agent.',
  run(ctx) {
    const out: CheckResult[] = [];
    eachAgent(this, ctx, out, (r, a, resource) => {
      const g = a.detail.status === 'ok' ? (a.detail.value.guardrail ?? a.guardrail) : a.guardrail;
      if (g?.guardrailIdentifier) {
        out.push(make(this, 'pass', r.region, resource, `Agent ${a.agentName} uses guardrail ${guardrailIdOf(g.guardrailIdentifier)} version ${g.guardrailVersion ?? 'DRAFT'}.`));
      } else if (a.detail.status !== 'ok') {
        out.push(unknownOf(this, r.region, resource, `agent ${a.agentName}'s configuration`, a.detail));
      } else out.push(make(this, 'fail', r.region, resource, `Agent ${a.agentName} has no guardrail.`));
    });
    return out;
  },
});

// --- Access ---

define({
  id: 'access.wildcard-invoke',
  title: 'No principal may invoke every model',
  group: 'access',
  severity: 'high',
  description: 'Principals allowed bedrock:InvokeModel on any model (bedrock:*, bedrock:Invoke*, Resource "*") can run up cost and use models nobody reviewed.',
  remediation: 'Scope InvokeModel to the model and inference-profile ARNs the workload uses, and require bedrock:GuardrailIdentifier.',
  run(ctx) {
    const resource = anyModelArn(ctx.partition);
    return perPrincipal(this, ctx, 'No principal may invoke every model.', (p) => flag(this, p, ctx.can(p, 'bedrock:InvokeModel', resource, ANY_REGION), 'may invoke any model'));
  },
});

define({
  id: 'access.full-access-policy',
  title: 'No principal has full Bedrock access',
  group: 'access',
  severity: 'high',
  description: 'AmazonBedrockFullAccess, bedrock:* on "*" or an administrator policy lets a principal change logging, guardrails, keys and models.',
  remediation: 'Replace AmazonBedrockFullAccess / bedrock:* with the specific actions and resources the principal needs.',
  run(ctx) {
    const resource = anyResourceArn(ctx.partition);
    return perPrincipal(this, ctx, 'No principal has full Bedrock access.', (p) => flag(this, p, ctx.can(p, ANY_BEDROCK_ACTION, resource, ANY_REGION), 'has full Bedrock access (every bedrock: action on every resource)'));
  },
});

const LOGGING_ACTIONS = ['bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:DeleteModelInvocationLoggingConfiguration'];

define({
  id: 'access.logging-tamper',
  title: 'Who can change or delete invocation logging',
  group: 'access',
  severity: 'high',
  description: 'A principal that can delete the logging configuration can invoke models without a trace.',
  remediation: 'Remove bedrock:PutModelInvocationLoggingConfiguration / DeleteModelInvocationLoggingConfiguration from everyone but a break-glass admin role; deny them with an SCP.',
  run(ctx) {
    const region = firstRegion(ctx);
    return perPrincipal(this, ctx, 'No principal can change or delete invocation logging.', (p) => {
      for (const action of LOGGING_ACTIONS) {
        const r = flag(this, p, ctx.can(p, action, '*', region), `can ${action.includes('Delete') ? 'delete' : 'change'} the invocation logging configuration (${action})`);
        if (r) return r;
      }
      return undefined;
    });
  },
});

define({
  id: 'access.guardrail-tamper',
  title: 'Who can weaken or remove guardrails',
  group: 'access',
  severity: 'high',
  description: 'UpdateGuardrail, DeleteGuardrail and the enforced-guardrail configuration actions switch filtering off.',
  remediation: 'Limit guardrail changes to a security role; deny bedrock:UpdateGuardrail/DeleteGuardrail/*EnforcedGuardrailConfiguration to workloads.',
  run(ctx) {
    const requests: { action: string; resource: string; region: string; what: string }[] = [];
    const unknowns: CheckResult[] = [];
    for (const r of ctx.snapshot.regions) {
      if (r.guardrails.status !== 'ok') unknowns.push(unknownOf(this, r.region, regionArn(ctx, r.region, 'guardrail/*'), 'the guardrails (who can change them)', r.guardrails));
      for (const g of r.guardrails.status === 'ok' ? r.guardrails.value : []) {
        for (const action of ['bedrock:UpdateGuardrail', 'bedrock:DeleteGuardrail']) requests.push({ action, resource: g.arn, region: r.region, what: `guardrail ${g.name} (${action.replace('bedrock:', '')})` });
      }
      for (const action of ['bedrock:PutEnforcedGuardrailConfiguration', 'bedrock:DeleteEnforcedGuardrailConfiguration'])
        {requests.push({ action, resource: '*', region: r.region, what: `the enforced guardrail configuration in ${r.region} (${action.replace('bedrock:', '')})` });}
    }
    return perPrincipal(this, ctx, 'No principal can change or delete guardrails.', (p) => {
      let conditional: CheckResult | undefined;
      for (const q of requests) {
        const r = ctx.can(p, q.action, q.resource, q.region);
        if (r.decision === 'allow') return flag(this, p, r, `can change ${q.what}`);
        if (r.decision === 'conditional') conditional ??= flag(this, p, r, `can change ${q.what}`);
      }
      return conditional;
    }, unknowns);
  },
});

define({
  id: 'access.invoke-without-guardrail',
  title: 'Principals can invoke models without a guardrail',
  group: 'access',
  severity: 'medium',
  description: 'Unless a guardrail is enforced account-wide, a principal whose Allow has no bedrock:GuardrailIdentifier condition can call models unfiltered.',
  remediation: 'Enforce a guardrail account-wide, or add Condition StringEquals bedrock:GuardrailIdentifier to the principals\' InvokeModel statements.',
  run(ctx) {
    if (!Array.isArray(ctx.principals)) return [unknownOf(this, GLOBAL, 'account', 'IAM authorization details', ctx.principals)];
    const out: CheckResult[] = [];
    for (const r of ctx.snapshot.regions) {
      const resource = regionArn(ctx, r.region, 'foundation-model/*').replace(`:${ctx.account}:`, '::');
      const enforced = r.enforcedGuardrails.status === 'ok' && r.enforcedGuardrails.value.some((c) => !c.modelEnforcement || c.modelEnforcement.includedModels.some((m) => m.toUpperCase() === 'ALL'));
      if (enforced) {
        out.push(make(this, 'pass', r.region, resource, `A guardrail is enforced on all models in ${r.region}: every invocation is filtered.`));
        continue;
      }
      if (r.foundationModels.status !== 'ok') {
        out.push(unknownOf(this, r.region, resource, 'the foundation models', r.foundationModels));
        continue;
      }
      const unguarded: string[] = [];
      for (const p of ctx.principals) {
        // A model the principal may invoke, asked again with no guardrail in the request.
        const model = ctx.allowedModel(p, r.region);
        if (model && isAllowed(ctx.can(p, 'bedrock:InvokeModel', model, r.region, { 'bedrock:guardrailidentifier': null }))) unguarded.push(p.input.name);
      }
      if (unguarded.length) {
        out.push(make(this, 'warn', r.region, resource, `${unguarded.length} principal${unguarded.length === 1 ? '' : 's'} can invoke models in ${r.region} without any guardrail: ${list(unguarded)}.`));
      } else out.push(make(this, 'pass', r.region, resource, `No principal can invoke a model in ${r.region} without passing a guardrail.`));
    }
    return out;
  },
});

// --- Keys ---

const FAR_EXPIRY_DAYS = 365;

define({
  id: 'keys.long-term-api-keys',
  title: 'No active long-term Bedrock API keys (especially never-expiring ones)',
  group: 'keys',
  severity: 'high',
  description: 'Long-term Bedrock API keys are static bearer secrets; keys created without an expiry never expire (AWS omits ExpirationDate).',
  remediation: 'Delete the key (iam delete-service-specific-credential) and use short-term API keys or IAM roles; deny bedrock:CallWithBearerToken where keys are not needed.',
  run(ctx) {
    const keys = ctx.snapshot.bedrockApiKeys;
    if (keys.status !== 'ok') return [unknownOf(this, GLOBAL, 'account', 'the Bedrock API keys', keys)];
    if (!keys.value.length) return [make(this, 'pass', GLOBAL, 'account', 'No long-term Bedrock API keys exist.')];
    return keys.value.map((k) => {
      const resource = `arn:${ctx.partition}:iam::${ctx.account}:user/${k.userName}`;
      const name = `Bedrock API key ${k.serviceCredentialAlias ? `"${k.serviceCredentialAlias}" ` : ''}${k.serviceSpecificCredentialId} of ${k.userName}`;
      if (k.status !== 'Active') return make(this, 'pass', GLOBAL, resource, `${name} is inactive${k.expirationDate ? '' : ' (it never expires if re-activated — delete it)'}.`);
      if (!k.expirationDate) return make(this, 'fail', GLOBAL, resource, `${name} is active and never expires.`, { severity: 'critical' });
      const d = days(k.expirationDate, ctx.now);
      if (d < 0) return make(this, 'pass', GLOBAL, resource, `${name} expired on ${k.expirationDate.slice(0, 10)}.`);
      if (d > FAR_EXPIRY_DAYS) return make(this, 'fail', GLOBAL, resource, `${name} is active and expires only in ${d} days (${k.expirationDate.slice(0, 10)}).`);
      return make(this, 'warn', GLOBAL, resource, `${name} is active until ${k.expirationDate.slice(0, 10)} (${d} days).`, { severity: 'medium' });
    });
  },
});

define({
  id: 'keys.api-key-owner-privileged',
  title: 'Bedrock API key owners are not privileged',
  group: 'keys',
  severity: 'high',
  description: 'An API key carries its IAM user\'s permissions: a key on an administrator or a bedrock:* user is a static admin secret.',
  remediation: 'Give the key\'s user only AmazonBedrockLimitedAccess-like permissions (invoke specific models), or delete the key.',
  run(ctx) {
    const keys = ctx.snapshot.bedrockApiKeys;
    if (keys.status !== 'ok') return [unknownOf(this, GLOBAL, 'account', 'the Bedrock API keys', keys)];
    const active = keys.value.filter((k) => k.status === 'Active' && (!k.expirationDate || days(k.expirationDate, ctx.now) >= 0));
    if (!active.length) return [make(this, 'pass', GLOBAL, 'account', 'No active Bedrock API keys.')];
    if (!Array.isArray(ctx.principals)) return [unknownOf(this, GLOBAL, 'account', 'IAM authorization details (key owners\' permissions)', ctx.principals)];
    const users = new Map(ctx.principals.filter((p) => p.input.type === 'user').map((p) => [p.input.name, p]));
    const region = firstRegion(ctx);
    return active.map((k) => {
      const resource = `arn:${ctx.partition}:iam::${ctx.account}:user/${k.userName}`;
      const name = `The owner of Bedrock API key ${k.serviceSpecificCredentialId} (${k.userName})`;
      const p = users.get(k.userName);
      if (!p) return make(this, 'unknown', GLOBAL, resource, `Unknown: user ${k.userName} is not in the IAM authorization details.`);
      const bearer = ctx.can(p, 'bedrock:CallWithBearerToken', '*', region);
      if (bearer.decision === 'explicitDeny' || bearer.decision === 'implicitDeny') return make(this, 'pass', GLOBAL, resource, `${name} may not call Bedrock with a bearer token (${bearer.decision}), so the key cannot be used.`);
      const admin = ctx.can(p, ANY_IAM_ACTION, anyResourceArn(ctx.partition), ANY_REGION);
      if (admin.decision === 'allow') return make(this, 'fail', GLOBAL, resource, `${name} has administrator-level permissions: ${describeStatement(admin.statement)}.`, { severity: 'critical' });
      const full = ctx.can(p, ANY_BEDROCK_ACTION, anyResourceArn(ctx.partition), ANY_REGION);
      if (full.decision === 'allow') return make(this, 'fail', GLOBAL, resource, `${name} has full Bedrock access: ${describeStatement(full.statement)}.`);
      const invoke = ctx.can(p, 'bedrock:InvokeModel', anyModelArn(ctx.partition), ANY_REGION);
      if (invoke.decision === 'allow') return make(this, 'warn', GLOBAL, resource, `${name} may invoke any model: ${describeStatement(invoke.statement)}.`, { severity: 'medium' });
      if ([admin, full, invoke].some((r) => r.decision === 'conditional')) return make(this, 'warn', GLOBAL, resource, `${name} may have broad permissions depending on conditions.`, { severity: 'medium' });
      return make(this, 'pass', GLOBAL, resource, `${name} has no administrator or wildcard Bedrock permissions.`);
    });
  },
});

// --- Custom models, agents, knowledge bases: encryption ---

define({
  id: 'custom-models.cmk',
  title: 'Custom and imported models are encrypted with a customer-managed key',
  group: 'encryption',
  severity: 'high',
  description: 'Fine-tuned and imported model weights embed training data; encrypt them with a KMS key you control.',
  remediation: 'Custom models cannot be re-keyed: re-create the customization job (or import) with customModelKmsKeyId set to a customer-managed KMS key.',
  run(ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.snapshot.regions) {
      for (const [kind, list] of [
        ['custom model', r.customModels],
        ['imported model', r.importedModels],
      ] as const) {
        if (list.status !== 'ok') {
          out.push(unknownOf(this, r.region, regionArn(ctx, r.region, kind === 'custom model' ? 'custom-model/*' : 'imported-model/*'), `the ${kind}s`, list));
          continue;
        }
        for (const m of list.value) {
          if (m.kmsKeyArn.status !== 'ok') out.push(unknownOf(this, r.region, m.modelArn, `${kind} ${m.modelName}'s encryption`, m.kmsKeyArn));
          else if (!m.kmsKeyArn.value) out.push(make(this, 'fail', r.region, m.modelArn, `The ${kind} ${m.modelName} is encrypted with an AWS-owned key, not a customer-managed key.`));
          else out.push(make(this, 'pass', r.region, m.modelArn, `The ${kind} ${m.modelName} is encrypted with ${m.kmsKeyArn.value}.`));
        }
      }
    }
    return out;
  },
});

define({
  id: 'knowledge-bases.cmk',
  title: 'Knowledge-base data sources are encrypted with a customer-managed key',
  group: 'encryption',
  severity: 'high',
  description: 'Data sources hold transient copies of ingested documents; Security Hub Bedrock.1 requires a CMK.',
  remediation: 'Update the data source: serverSideEncryptionConfiguration.kmsKeyArn = a customer-managed KMS key.',
  run(ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.snapshot.regions) {
      if (r.knowledgeBases.status !== 'ok') {
        out.push(unknownOf(this, r.region, regionArn(ctx, r.region, 'knowledge-base/*'), 'the knowledge bases', r.knowledgeBases));
        continue;
      }
      for (const kb of r.knowledgeBases.value) {
        const kbArn = kb.detail.status === 'ok' && kb.detail.value.knowledgeBaseArn ? kb.detail.value.knowledgeBaseArn : regionArn(ctx, r.region, `knowledge-base/${kb.knowledgeBaseId}`);
        if (kb.dataSources.status !== 'ok') {
          out.push(unknownOf(this, r.region, kbArn, `knowledge base ${kb.name}'s data sources`, kb.dataSources));
          continue;
        }
        if (kb.detail.status === 'ok' && kb.detail.value.type === 'MANAGED') {
          const k = kb.detail.value.kmsKeyArn;
          out.push(k ? make(this, 'pass', r.region, kbArn, `Managed knowledge base ${kb.name} is encrypted with ${k}.`) : make(this, 'fail', r.region, kbArn, `Managed knowledge base ${kb.name} uses an AWS-owned key.`));
        }
        for (const ds of kb.dataSources.value) {
          const resource = `${kbArn}/data-source/${ds.dataSourceId}`;
          if (ds.kmsKeyArn.status !== 'ok') out.push(unknownOf(this, r.region, resource, `data source ${ds.name}'s encryption`, ds.kmsKeyArn));
          else if (!ds.kmsKeyArn.value) out.push(make(this, 'fail', r.region, resource, `Data source ${ds.name} of knowledge base ${kb.name} is not encrypted with a customer-managed key.`));
          else out.push(make(this, 'pass', r.region, resource, `Data source ${ds.name} of knowledge base ${kb.name} is encrypted with ${ds.kmsKeyArn.value}.`));
        }
      }
    }
    return out;
  },
});

define({
  id: 'agents.cmk',
  title: 'Agents are encrypted with a customer-managed key',
  group: 'encryption',
  severity: 'medium',
  description: 'Agent session data and configuration are encrypted with an AWS-owned key unless customerEncryptionKeyArn is set.',
  remediation: 'Update the agent with customerEncryptionKeyArn = a customer-managed KMS key.',
  run(ctx) {
    const out: CheckResult[] = [];
    eachAgent(this, ctx, out, (r, a, resource) => {
      if (a.detail.status !== 'ok') out.push(unknownOf(this, r.region, resource, `agent ${a.agentName}'s configuration`, a.detail));
      else if (a.detail.value.customerEncryptionKeyArn) out.push(make(this, 'pass', r.region, resource, `Agent ${a.agentName} is encrypted with ${a.detail.value.customerEncryptionKeyArn}.`));
      else out.push(make(this, 'fail', r.region, resource, `Agent ${a.agentName} uses an AWS-owned key.`));
    });
    return out;
  },
});

// --- Network ---

const REQUIRED_ENDPOINTS = ['bedrock', 'bedrock-runtime', 'bedrock-agent', 'bedrock-agent-runtime'];

define({
  id: 'network.bedrock-vpc-endpoints',
  title: 'Bedrock is reachable through VPC endpoints',
  group: 'network',
  severity: 'medium',
  description: 'Interface endpoints for bedrock, bedrock-runtime, bedrock-agent and bedrock-agent-runtime keep traffic off the internet and allow aws:SourceVpce policies.',
  remediation: 'Create interface VPC endpoints (com.amazonaws.REGION.bedrock-runtime, …) with private DNS in the VPCs that call Bedrock.',
  run(ctx) {
    return ctx.snapshot.regions.map((r) => {
      const resource = `arn:${ctx.partition}:ec2:${r.region}:${ctx.account}:vpc-endpoint/*`;
      if (r.vpcEndpoints.status !== 'ok') return unknownOf(this, r.region, resource, 'the VPC endpoints', r.vpcEndpoints);
      const available = new Set(r.vpcEndpoints.value.filter((e) => e.state === 'available').map((e) => e.bedrockService));
      const missing = REQUIRED_ENDPOINTS.filter((s) => !available.has(s));
      if (!available.size) return make(this, 'fail', r.region, resource, `No Bedrock VPC endpoint in ${r.region}: calls go over the public endpoints.`);
      if (missing.length) return make(this, 'warn', r.region, resource, `Bedrock VPC endpoints in ${r.region} miss ${missing.join(', ')} (have ${[...available].sort().join(', ')}).`);
      return make(this, 'pass', r.region, resource, `VPC endpoints for ${[...available].sort().join(', ')} are available in ${r.region}.`);
    });
  },
});

// --- Models ---

define({
  id: 'models.legacy-in-use',
  title: 'No LEGACY (end-of-life scheduled) model is in use',
  group: 'models',
  severity: 'medium',
  description: 'LEGACY models stop working at their end-of-life date; agents, provisioned throughput, custom models, knowledge bases or code that use them will break.',
  remediation: 'Move to the model\'s ACTIVE successor before its end-of-life date, then re-test prompts and guardrails.',
  run(ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.snapshot.regions) {
      if (r.foundationModels.status !== 'ok') {
        out.push(unknownOf(this, r.region, regionArn(ctx, r.region, 'foundation-model/*').replace(`:${ctx.account}:`, '::'), 'the foundation models', r.foundationModels));
        continue;
      }
      const users = new Map<string, string[]>();
      const use = (ref: string | undefined, by: string) => {
        if (!ref) return;
        const id = baseModelId(ref);
        users.set(id, [...(users.get(id) ?? []), by]);
      };
      if (r.agents.status === 'ok') for (const a of r.agents.value) use(a.detail.status === 'ok' ? a.detail.value.foundationModel : undefined, `agent ${a.agentName}`);
      if (r.provisionedThroughputs.status === 'ok') for (const t of r.provisionedThroughputs.value) use(t.foundationModelArn || t.modelArn, `provisioned throughput ${t.provisionedModelName}`);
      if (r.customModels.status === 'ok') for (const m of r.customModels.value) use(m.baseModelArn, `custom model ${m.modelName}`);
      if (r.knowledgeBases.status === 'ok') for (const kb of r.knowledgeBases.value) use(kb.detail.status === 'ok' ? kb.detail.value.embeddingModelArn : undefined, `knowledge base ${kb.name}`);
      for (const id of ctx.usedModelIds) use(id, 'workspace code');
      const partial = [r.agents, r.provisionedThroughputs, r.customModels, r.knowledgeBases].filter((c): c is UnknownResult => c.status !== 'ok');
      const caveat = partial.length ? ` (usage partly unknown: ${partial.map((u) => u.operation).join(', ')} failed)` : '';
      let flagged = 0;
      for (const m of r.foundationModels.value) {
        if (m.lifecycle.status.toUpperCase() !== 'LEGACY') continue;
        const by = users.get(m.modelId);
        if (!by) continue;
        flagged++;
        const eol = m.lifecycle.endOfLifeTime;
        const when = eol ? (days(eol, ctx.now) < 0 ? `reached end of life on ${eol.slice(0, 10)}` : `reaches end of life on ${eol.slice(0, 10)} (${days(eol, ctx.now)} days)`) : 'is LEGACY';
        out.push(make(this, 'fail', r.region, m.modelArn, `LEGACY model ${m.modelId} ${when} and is used by ${list([...new Set(by)])}${caveat}.`, eol && days(eol, ctx.now) < 90 ? { severity: 'high' } : {}));
      }
      if (!flagged) {
        const status: CheckStatus = partial.length ? 'unknown' : 'pass';
        out.push(make(this, status, r.region, regionArn(ctx, r.region, 'foundation-model/*').replace(`:${ctx.account}:`, '::'), status === 'pass' ? `No LEGACY model is in use in ${r.region}.` : `Unknown: no LEGACY model found in use in ${r.region}${caveat}.`, partial[0] ? { operation: partial[0].operation, remediation: `Allow ${partial.map((u) => u.operation).join(', ')} for the scanning identity, then refresh.` } : {}));
      }
    }
    return out;
  },
});

define({
  id: 'models.cross-geography-inference',
  title: 'No global cross-region inference profile is in use',
  group: 'models',
  severity: 'low',
  description: 'global.* inference profiles route requests to any commercial region: data may be processed outside your geography.',
  remediation: 'Use a geography-bound profile (us., eu., apac.) where data residency matters.',
  run(ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.snapshot.regions) {
      const refs: { id: string; by: string }[] = [];
      if (r.agents.status === 'ok') for (const a of r.agents.value) if (a.detail.status === 'ok' && a.detail.value.foundationModel) refs.push({ id: lastSegment(a.detail.value.foundationModel), by: `agent ${a.agentName}` });
      for (const id of ctx.usedModelIds) refs.push({ id, by: 'workspace code' });
      const global = refs.filter((x) => x.id.startsWith('global.'));
      const geo = refs.filter((x) => PROFILE_GEOGRAPHIES.some((g) => x.id.startsWith(`${g}.`)) && !x.id.startsWith('global.'));
      const resource = regionArn(ctx, r.region, 'inference-profile/*');
      if (global.length) out.push(make(this, 'warn', r.region, resource, `Global inference profiles in use: ${list(global.map((g) => `${g.id} (${g.by})`))}.`));
      else if (r.agents.status !== 'ok') out.push(unknownOf(this, r.region, resource, 'the agents (profile usage)', r.agents));
      else out.push(make(this, 'pass', r.region, resource, geo.length ? `Inference profiles in use are geography-bound (${list([...new Set(geo.map((g) => g.id))])}).` : 'No global inference profile is in use.'));
    }
    return out;
  },
});

/** Every check, in display order within its group. */
export const POSTURE_CHECKS: readonly CheckInfo[] = CHECKS.map(({ id, title, group, severity, description }) => ({ id, title, group, severity, description }));

/** The group a check id belongs to. */
export function groupOf(id: string): CheckGroup {
  return CHECKS.find((c) => c.id === id)?.group ?? 'account';
}

/** Runs every check. A check that throws gives one `error` result; the others still run. */
export function runChecks(ctx: CheckContext): CheckResult[] {
  const out: CheckResult[] = [];
  for (const c of CHECKS) {
    try {
      out.push(...c.run(ctx));
    } catch (e) {
      out.push(make(c, 'error', GLOBAL, 'account', `The check failed: ${(e as Error).message ?? String(e)}`, { remediation: 'Report this as a bug, with the log.' }));
    }
  }
  return out;
}

export const SEVERITY_ORDER: Record<CheckSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
export const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, error: 1, unknown: 2, warn: 3, pass: 4 };
