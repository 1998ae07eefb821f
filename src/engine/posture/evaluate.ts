/**
 * Judges a collected {@link PostureSnapshot}: the principal × foundation-model access matrix (local IAM evaluation
 * of `bedrock:InvokeModel`) and every check. Pure and synchronous: the CLI and the extension call it after
 * collection.
 */
import { type CompiledPrincipal, type ContextResolver, type EvaluationResult, compilePrincipal, evaluate, principalsFromAuthorizationDetails, requestContext } from '../iam/evaluator';
import { type CheckContext, runChecks } from './checks';
import { baseModelId } from './modelUsage';
import type { PostureSnapshot, UnknownResult } from './snapshot';
import type { AccessEntry, AccountSummary, ModelSummary, PostureReport, PrincipalSummary } from './types';

export interface EvaluateOptions {
  /** Model ids (or profile ids) the workspace's code uses. */
  usedModelIds?: Iterable<string>;
  /** Evaluation time (tests pin it). Default: now. */
  now?: Date;
  /** Label the account as simulated (local AWS server). */
  simulated?: boolean;
}

export const ACCESS_ACTION = 'bedrock:InvokeModel';

export function evaluatePosture(snapshot: PostureSnapshot, options: EvaluateOptions = {}): PostureReport {
  const started = Date.now();
  const now = options.now ?? new Date();
  const identity = snapshot.identity.status === 'ok' ? snapshot.identity.value : undefined;
  const account = identity?.account ?? '';
  const partition = snapshot.partition;
  const used = new Set<string>();
  for (const id of options.usedModelIds ?? []) {
    used.add(id);
    used.add(baseModelId(id));
  }

  // Principals (service-linked roles are AWS's own: collapsed out of the matrix and the checks).
  let principals: CompiledPrincipal[] | UnknownResult;
  if (snapshot.iam.status === 'ok') {
    principals = principalsFromAuthorizationDetails(snapshot.iam.value)
      .filter((p) => !p.serviceLinked)
      .map(compilePrincipal);
  } else principals = snapshot.iam;

  const contexts = new WeakMap<CompiledPrincipal, Map<string, ContextResolver>>();
  const ctxFor = (p: CompiledPrincipal, region: string): ContextResolver => {
    let byRegion = contexts.get(p);
    if (!byRegion) {
      byRegion = new Map();
      contexts.set(p, byRegion);
    }
    let c = byRegion.get(region);
    if (!c) {
      c = requestContext(p.input, { account, region, now });
      byRegion.set(region, c);
    }
    return c;
  };
  const can: CheckContext['can'] = (p, action, resource, region, extra) => {
    if (!extra) return evaluate(p, action, resource, ctxFor(p, region));
    const base = ctxFor(p, region);
    return evaluate(p, action, resource, (k) => (extra[k] !== undefined ? extra[k] : base(k)));
  };

  // Models.
  const models: ModelSummary[] = [];
  for (const r of snapshot.regions) {
    if (r.foundationModels.status !== 'ok') continue;
    for (const m of r.foundationModels.value) {
      models.push({
        region: r.region,
        modelId: m.modelId,
        modelArn: m.modelArn,
        ...(m.modelName ? { modelName: m.modelName } : {}),
        ...(m.providerName ? { providerName: m.providerName } : {}),
        lifecycle: m.lifecycle.status,
        ...(m.lifecycle.legacyTime ? { legacyTime: m.lifecycle.legacyTime } : {}),
        ...(m.lifecycle.endOfLifeTime ? { endOfLifeTime: m.lifecycle.endOfLifeTime } : {}),
        inferenceTypes: m.inferenceTypesSupported,
        usedInWorkspace: used.has(m.modelId),
        allowed: 0,
        conditional: 0,
      });
    }
  }

  // The matrix.
  const access: AccessEntry[] = [];
  const principalSummaries: PrincipalSummary[] = [];
  /** Principal ARN → region → a model it may invoke (for checks that need "any model it can use"). */
  const firstAllowed = new Map<string, Map<string, string>>();
  if (Array.isArray(principals)) {
    const details = snapshot.iam.status === 'ok' ? snapshot.iam.value : undefined;
    const callerRole = identity?.roleArn?.split('/').pop();
    for (const p of principals) {
      let allowed = 0;
      let conditional = 0;
      const arn = p.input.arn;
      const allowedIn = new Map<string, string>();
      let region = '';
      let ctx: ContextResolver | undefined;
      for (const m of models) {
        if (m.region !== region || !ctx) {
          region = m.region;
          ctx = ctxFor(p, region);
        }
        const e: EvaluationResult = evaluate(p, ACCESS_ACTION, m.modelArn, ctx);
        if (e.decision === 'allow') {
          allowed++;
          m.allowed++;
          if (!allowedIn.has(region)) allowedIn.set(region, m.modelArn);
        } else if (e.decision === 'conditional') {
          conditional++;
          m.conditional++;
        }
        const entry: AccessEntry = { principal: arn, model: m.modelArn, modelId: m.modelId, region, decision: e.decision, evaluation: e };
        if (e.statement) entry.statement = e.statement;
        access.push(entry);
      }
      firstAllowed.set(arn, allowedIn);
      const trustedBy = p.input.trustedBy ?? [];
      principalSummaries.push({
        arn: p.input.arn,
        name: p.input.name,
        type: p.input.type,
        ...(p.input.type === 'role' && trustedBy.length > 0 && trustedBy.every((t) => t.endsWith('.amazonaws.com')) ? { serviceRole: true } : {}),
        ...(p.input.ssoReserved ? { ssoReserved: true } : {}),
        ...(identity && (identity.arn === p.input.arn || (p.input.type === 'role' && callerRole === p.input.name)) ? { isCaller: true } : {}),
        ...(trustedBy.length ? { trustedBy } : {}),
        hasBoundary: Boolean(p.input.boundary),
        ...(p.input.type === 'user' ? { groups: details?.users.find((u) => u.arn === p.input.arn)?.groups ?? [] } : {}),
        allowed,
        conditional,
      });
    }
  }

  const checkCtx: CheckContext = { snapshot, now, account, partition, principals, can, usedModelIds: used, models, allowedModel: (p, r) => firstAllowed.get(p.input.arn)?.get(r) };
  const checks = runChecks(checkCtx);

  const aliases = snapshot.accountAliases.status === 'ok' ? snapshot.accountAliases.value : [];
  const accountSummary: AccountSummary = {
    ...(identity ? { id: identity.account, arn: identity.arn, principalType: identity.principalType } : {}),
    ...(aliases[0] ? { alias: aliases[0] } : {}),
    ...(snapshot.profile ? { profile: snapshot.profile } : {}),
    partition,
    credentialSource: snapshot.credentialSource,
    ...(options.simulated ? { simulated: true } : {}),
    ...(snapshot.identity.status !== 'ok' ? { identityUnknown: snapshot.identity.reason } : {}),
  };

  return {
    account: accountSummary,
    regions: snapshot.regionNames,
    collectedAt: snapshot.collectedAt,
    durationMs: snapshot.durationMs,
    calls: snapshot.stats.calls,
    failures: snapshot.stats.failures,
    checks,
    access,
    accessAction: ACCESS_ACTION,
    ...(Array.isArray(principals) ? {} : { accessUnknown: principals.reason }),
    principals: principalSummaries,
    models,
    evaluationMs: Date.now() - started,
  };
}
