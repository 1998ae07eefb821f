/** Shared reading of policy statements for the IAM rules: literal values with their offsets, wildcards, principals. */
import { anySupportsResourceLevel, matchActions } from '../../iam/actions';
import type { IacModel, PolicyDoc, PolicyStatement } from '../../iac/model';
import { getCi, isUnresolved, items, str, type IacNode } from '../../iac/node';
import type { ModelContext } from '../rule';
import { OwnedCache } from '../../ownedCache';

export interface Literal {
  value: string;
  node: IacNode;
}

export interface StatementView {
  policy: PolicyDoc;
  statement: PolicyStatement;
  file: string;
  /** `aws_iam_role_policy.app Statement[0]` / `BedrockPolicy Statement[1] (Sid AllowAll)`. */
  resource: string;
  allow: boolean;
  actions: Literal[];
  notActions: Literal[];
  resources: Literal[];
  /** Action/NotAction/Effect elements that could be anything (a variable or parameter without a default). */
  unresolved: IacNode[];
}

/**
 * True when a value could be anything (a variable or parameter without a default, an unknown computation), as opposed
 * to a reference to a specific resource (`aws_kms_key.k.arn`, `!GetAtt Key.Arn`, `!Ref MyBucket`), which is not a
 * wildcard and needs no note.
 */
export function couldBeAnything(model: IacModel, n: IacNode): boolean {
  if (n.t !== 'expr') return false;
  if (n.fn === 'Ref') {
    const target = n.args?.[0];
    const name = target?.t === 'str' ? target.v : '';
    return !model.byAddress(name) && !name.startsWith('AWS::');
  }
  if (n.fn === 'Fn::GetAtt' || n.fn === 'Fn::ImportValue' || n.fn === 'Fn::Sub' || n.fn === 'Fn::Join') return false;
  const head = n.ref?.[0];
  if (head === 'var' || head === 'local') return true;
  if (head && (head === 'data' || head === 'module' || head.startsWith('aws_') || head === 'each' || head === 'count')) return false;
  return n.fn !== undefined && !['jsonencode', 'format', 'join', 'concat', 'formatlist'].includes(n.fn);
}

/** serverless.yml variables (`${self:custom.x}`, `${env:X}`, `${ssm:/p}`) are resolved at deploy time. */
const SERVERLESS_VARIABLE = /\$\{(self|env|opt|ssm|file|cf|s3|sls|param|aws):|\$\{[\w.-]+\}/;

/**
 * Literal values of an Action/Resource element. A value that arrives through a reference (`local.actions`,
 * `!Ref AllowedActions`, `var.resources`) is located at the reference as written in the statement — where the grant
 * is made, and always in the statement's own file — rather than at the far-away default.
 */
function literals(model: IacModel, node: IacNode | undefined, unresolved: IacNode[] | undefined, at?: IacNode): Literal[] {
  const out: Literal[] = [];
  const resolved = model.resolve(node);
  for (const item of items(resolved)) {
    const r = model.resolve(item);
    const loc = at ?? (item.t === 'expr' && r !== item ? item : undefined);
    if (r?.t === 'str' && !r.template && model.format === 'serverless' && SERVERLESS_VARIABLE.test(r.v)) {
      // A whole value from a variable could be anything; an ARN with a variable inside is a specific resource.
      if (unresolved && /^\$\{[^}]*\}$/.test(r.v.trim())) unresolved.push(r);
    } else if (r?.t === 'str' && !r.template) out.push({ value: r.v, node: loc ?? r });
    else if (r?.t === 'list') for (const inner of r.items) out.push(...literals(model, inner, unresolved, loc));
    else if (r && unresolved && isUnresolved(r) && couldBeAnything(model, r)) unresolved.push(r);
  }
  return out;
}

/**
 * Statements of identity policies only. In a resource policy (KMS key, bucket, queue) `"Resource": "*"` means the
 * resource the policy is attached to — the default KMS key policy grants `kms:*` on `"*"` to the account root — so
 * the "on every resource" rules judge identity policies; resource and trust policies are judged by their principal.
 */
const identityCache = new OwnedCache<IacModel, StatementView[]>();

/** The statements of the model's identity policies (worked out once per model: most IAM rules ask). */
export function identityStatementsOf(model: IacModel): StatementView[] {
  let s = identityCache.get(model);
  if (!s) {
    s = statementsOf(model).filter((v) => v.policy.kind === 'identity');
    identityCache.set(model, s);
  }
  return s;
}

/** The element as written in the statement when it is a reference that resolves to something else, else undefined. */
function writtenRef(model: IacModel, statement: IacNode, jsonKey: string, hclKey: string): IacNode | undefined {
  const raw = getCi(statement, jsonKey) ?? getCi(statement, hclKey);
  return raw?.t === 'expr' && model.resolve(raw) !== raw ? raw : undefined;
}

/** Every statement of every policy in the model, read once. */
export function statements(model: IacModel): StatementView[] {
  const out: StatementView[] = [];
  for (const policy of model.policies) {
    for (const statement of policy.statements) {
      const unresolved: IacNode[] = [];
      const effect = str(model.resolve(statement.effect));
      const actions = literals(model, statement.action, unresolved, writtenRef(model, statement.node, 'Action', 'actions'));
      const notActions = literals(model, statement.notAction, unresolved, writtenRef(model, statement.node, 'NotAction', 'not_actions'));
      const resources = literals(model, statement.resource, undefined, writtenRef(model, statement.node, 'Resource', 'resources'));
      // Terraform's aws_iam_policy_document defaults effect to Allow; JSON policies require it.
      const allow = effect === undefined ? statement.effect === undefined : effect === 'Allow';
      if (statement.effect && effect === undefined && isUnresolved(model.resolve(statement.effect))) unresolved.push(statement.effect);
      const sid = statement.sid ? ` (Sid ${statement.sid})` : '';
      out.push({ policy, statement, file: policy.file, resource: `${policy.label} Statement[${statement.index}]${sid}`, allow, actions, notActions, resources, unresolved });
    }
  }
  return out;
}

const cache = new OwnedCache<IacModel, StatementView[]>();
export function statementsOf(model: IacModel): StatementView[] {
  let s = cache.get(model);
  if (!s) {
    s = statements(model);
    cache.set(model, s);
  }
  return s;
}

export function isStar(l: Literal): boolean {
  return l.value === '*';
}

/** A resource list that grants everything: literal `*` (or no Resource at all in an identity policy). */
export function resourceIsStar(v: StatementView): Literal | undefined {
  return v.resources.find(isStar);
}

export function isFullWildcardAction(l: Literal): boolean {
  return l.value === '*' || l.value === '*:*';
}

/** `bedrock:*`, `s3:*` — every action of one service. */
export function serviceWildcard(l: Literal): string | undefined {
  const m = /^([a-z0-9-]+):\*$/i.exec(l.value);
  return m?.[1]?.toLowerCase();
}

/** Does any literal action (pattern) in the list cover `action`? */
export function grants(v: StatementView, action: string): Literal | undefined {
  const a = action.toLowerCase();
  return v.actions.find((l) => {
    const p = l.value.toLowerCase();
    if (p === '*' || p === '*:*') return true;
    if (!p.includes('*') && !p.includes('?')) return p === a;
    const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return re.test(a);
  });
}

/** The literal actions that can be scoped to resources (so `Resource: "*"` on them is a choice, not a necessity). */
export function restrictableActions(v: StatementView): Literal[] {
  return v.actions.filter((l) => anySupportsResourceLevel(l.value));
}

export function accessLevels(pattern: string): Set<string> {
  return new Set(matchActions(pattern).flatMap((a) => a.levels));
}

/** Condition keys that limit who a wildcard principal really is. */
const LIMITING_KEYS = /^(aws:(SourceArn|SourceAccount|SourceOwner|PrincipalOrgID|PrincipalOrgPaths|PrincipalAccount|PrincipalArn|PrincipalServiceName|SourceVpce?|SourceIp|VpcSourceIp|userid|username|SourceOrgID|SourceOrgPaths|ResourceOrgID|CalledVia)|kms:(CallerAccount|ViaService)|s3:DataAccessPointAccount|sts:ExternalId|lambda:FunctionArn|cognito-identity\.amazonaws\.com:aud|token\.actions\.githubusercontent\.com:sub|sns:Endpoint|aoss:collection)$/i;

export function hasLimitingCondition(model: IacModel, v: StatementView): boolean {
  const cond = model.resolve(v.statement.condition);
  if (cond?.t !== 'map') return false;
  return cond.entries.some((op) => {
    const inner = model.resolve(op.value);
    if (inner?.t !== 'map') return false;
    // `Bool` / `Null` tests (e.g. aws:SecureTransport) don't narrow who the caller is.
    if (/^(Bool|Null)/i.test(op.key)) return false;
    return inner.entries.some((k) => LIMITING_KEYS.test(k.key));
  });
}

/**
 * A condition that narrows which resources or callers a `"Resource": "*"` grant applies to (`aws:SourceArn`,
 * `aws:ResourceTag/…`, `kms:ViaService`, …). `Bool`/`Null` tests such as `aws:SecureTransport` or
 * `aws:MultiFactorAuthPresent` don't narrow the resources.
 */
export function hasScopingCondition(model: IacModel, v: StatementView): boolean {
  const cond = model.resolve(v.statement.condition);
  if (cond?.t !== 'map') return false;
  return cond.entries.some((op) => !/^(Bool|Null)/i.test(op.key.replace(/^ForAnyValue:|^ForAllValues:/i, '')) && !/^(BoolIfExists)$/i.test(op.key));
}

/** The wildcard principal element of a statement (`"*"`, `{"AWS": "*"}`), if any. */
export function wildcardPrincipal(model: IacModel, v: StatementView): IacNode | undefined {
  const p = model.resolve(v.statement.principal);
  if (!p) return undefined;
  if (p.t === 'str' && p.v === '*') return p;
  if (p.t === 'map') {
    for (const key of ['AWS', '*']) {
      for (const id of items(model.resolve(getCi(p, key)))) {
        const r = model.resolve(id);
        if (r?.t === 'str' && (r.v === '*' || /^arn:aws[a-z-]*:iam::\*:(root|\*)$/.test(r.v))) return r;
      }
    }
  }
  return undefined;
}

/** Reports at a literal's node (or the statement) with the statement as the finding's resource. */
export function reportAt(ctx: ModelContext, v: StatementView, node: IacNode | undefined, message: string, identity: string, severity?: 'error' | 'warning' | 'note'): void {
  const at = node ?? v.statement.node;
  // The finding's subject is the resource that holds the policy, so resource-level suppressions (CloudFormation
  // Metadata, checkov/trivy comments in a Terraform block) find it; the statement is named in the message and identity.
  const resource = v.policy.owner?.address ?? v.resource;
  ctx.report({ file: v.file, start: at.start, end: at.end, message, resource, identity: `${v.resource}|${identity}`, ...(severity ? { severity } : {}) });
}

export function quote(values: readonly string[], max = 3): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}
