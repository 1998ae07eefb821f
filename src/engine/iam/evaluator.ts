/**
 * A local IAM policy evaluator, sufficient for "can principal P call action A on resource R" in Amazon Bedrock.
 *
 * - Identity policies (inline, managed at their default version, through groups), the permissions boundary, explicit
 *   Deny, `Action`/`NotAction`, `Resource`/`NotResource` with `*`/`?` wildcards (ARNs matched field by field, case
 *   sensitive; actions case-insensitive), policy variables (`${aws:username}`), and the condition operators
 *   (`String*`, `Arn*`, `Numeric*`, `Date*`, `Bool`, `BinaryEquals`, `IpAddress`, `Null`, `…IfExists`,
 *   `ForAnyValue:`/`ForAllValues:`).
 * - Three-valued: a condition on a key that cannot be known offline (`aws:SourceIp`, `aws:MultiFactorAuthPresent`,
 *   `bedrock:GuardrailIdentifier`…) makes the answer `conditional`, and the condition is returned so it can be shown
 *   ("allowed if …"). A policy that could not be read also makes a non-Deny answer `conditional`, never `allow` or
 *   `implicitDeny`.
 * - Not modelled (stated, not guessed): SCPs and RCPs, session policies, resource-based policies. Bedrock
 *   foundation-model invocation has no resource policy, and the account's SCPs are not readable from a member account.
 *
 * Pure: no I/O. Compiled documents are cached per document object, so 1,000 principals sharing a managed policy
 * compile it once.
 */
import type { IamAuthorizationDetails, IamManagedPolicy, IamPolicyDocument, IamPolicyStatement, PolicyDocumentValue } from '../posture/snapshot';

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny' | 'conditional';

/** Where a policy applies from. */
export type PolicyKind = 'inline' | 'managed' | 'group-inline' | 'group-managed' | 'boundary';

/** A policy as the evaluator sees it. `document: null` = it exists but could not be read (unknown content). */
export interface PolicyInput {
  /** Policy name (inline) or managed policy name. */
  name: string;
  /** Managed policies only. */
  arn?: string;
  kind: PolicyKind;
  /** Group the policy comes through. */
  via?: string;
  /** Managed policies: the default version evaluated. */
  versionId?: string;
  document: IamPolicyDocument | null;
  /** Why `document` is null. */
  unreadable?: string;
}

/** The statement that decided an answer: policy, Sid and index (0-based position in `Statement`). */
export interface StatementRef {
  policy: string;
  policyArn?: string;
  kind: PolicyKind;
  via?: string;
  versionId?: string;
  sid?: string;
  /** 0-based index in the document's `Statement` list; absent when a whole policy decided (boundary allows nothing). */
  index?: number;
  effect: 'Allow' | 'Deny';
}

/** A condition (or variable) the evaluator could not decide offline. */
export interface UndecidedCondition {
  statement: StatementRef;
  /** As written, e.g. `StringEquals bedrock:GuardrailIdentifier = arn:aws:bedrock:…:guardrail/gr1:2`. */
  text: string;
}

export interface EvaluationResult {
  decision: Decision;
  /**
   * What decided: the Deny that matched (explicitDeny), the Allow that grants (allow), the statement whose condition is
   * undecidable (conditional), or the boundary that allows nothing (implicitDeny). Absent for implicitDeny when no
   * statement is relevant.
   */
  statement?: StatementRef;
  /** `conditional` only: what the answer depends on (an Allow's condition, or a Deny that may apply). */
  conditions: UndecidedCondition[];
  /** `conditional`/`implicitDeny` details, e.g. "policy X could not be read". */
  note?: string;
}

/**
 * Request context: a key (lower-case) → its values; `null` = known to be absent from the request; `undefined` =
 * unknowable offline (the condition is undecidable).
 */
export type ContextResolver = (lowerKey: string) => string[] | null | undefined;

type Tri = boolean | undefined;

// ---------------------------------------------------------------------------------------------------------------
// Matching

const actionRegexCache = new Map<string, RegExp>();

function actionMatcher(pattern: string): (lowerAction: string) => boolean {
  if (pattern === '*') return () => true;
  const lower = pattern.toLowerCase();
  if (!/[*?]/.test(lower)) return (a) => a === lower;
  let re = actionRegexCache.get(lower);
  if (!re) {
    re = new RegExp(`^${lower.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    actionRegexCache.set(lower, re);
  }
  const r = re;
  return (a) => r.test(a);
}

const arnRegexCache = new Map<string, RegExp>();

/**
 * An ARN pattern as a regex: the first five `:`-separated fields match field by field (`*` does not cross `:`), the
 * resource part (which may itself contain `:`) as a whole. A pattern with fewer fields lets its last field cover the
 * rest. Case-sensitive, as IAM compares resource ARNs.
 */
export function arnPatternRegExp(pattern: string): RegExp {
  let re = arnRegexCache.get(pattern);
  if (re) return re;
  const fields: string[] = [];
  let rest = pattern;
  for (let i = 0; i < 5; i++) {
    const c = rest.indexOf(':');
    if (c === -1) break;
    fields.push(rest.slice(0, c));
    rest = rest.slice(c + 1);
  }
  fields.push(rest);
  const esc = (s: string, star: string, q: string) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, star).replace(/\?/g, q);
  const body = fields.map((f, i) => (i === fields.length - 1 ? esc(f, '.*', '.') : esc(f, '[^:]*', '[^:]'))).join(':');
  re = new RegExp(`^${body}$`);
  arnRegexCache.set(pattern, re);
  return re;
}

/** Does an ARN pattern (as in `Resource`, `ArnLike`) match an ARN? */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  return arnPatternRegExp(pattern).test(arn);
}

const globCache = new Map<string, RegExp>();
function stringLike(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`);
    globCache.set(pattern, re);
  }
  return re.test(value);
}

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Substitutes policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, `${*}`). Returns undefined when a
 * variable cannot be known offline, and `null` when a variable is known absent (the element then matches nothing).
 */
export function substituteVariables(value: string, ctx: ContextResolver): string | null | undefined {
  if (!value.includes('${')) return value;
  let unknown = false;
  let absent = false;
  const out = value.replace(VARIABLE, (_, inner: string) => {
    const [name = '', fallback] = inner.split(',').map((s) => s.trim());
    if (name === '*' || name === '?' || name === '$') return name;
    const v = ctx(name.toLowerCase());
    if (v === undefined) unknown = true;
    else if (v === null || v.length === 0) {
      if (fallback !== undefined) return fallback.replace(/^'|'$/g, '');
      absent = true;
    } else return v[0]!;
    return '';
  });
  if (unknown) return undefined;
  if (absent) return null;
  return out;
}

/** A compiled Resource/NotResource entry: a fixed matcher, or a pattern with policy variables. */
type ResourceMatcher = ((arn: string) => boolean) | string;

function compileResource(pattern: string): ResourceMatcher {
  if (pattern.includes('${')) return pattern;
  if (pattern === '*') return () => true;
  const re = arnPatternRegExp(pattern);
  return (arn) => re.test(arn);
}

function resourceMatch(matchers: ResourceMatcher[], resource: string, ctx: ContextResolver): Tri {
  let sawUnknown = false;
  for (const m of matchers) {
    if (typeof m === 'function') {
      if (m(resource)) return true;
      continue;
    }
    const sub = substituteVariables(m, ctx);
    if (sub === undefined) {
      sawUnknown = true;
      continue;
    }
    if (sub === null) continue;
    if (arnMatches(sub, resource)) return true;
  }
  return sawUnknown ? undefined : false;
}

function not(t: Tri): Tri {
  return t === undefined ? undefined : !t;
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions

interface CompiledCondition {
  /** As written: `StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`. */
  operator: string;
  key: string;
  lowerKey: string;
  values: string[];
  set?: 'any' | 'all';
  ifExists: boolean;
  /** Base operator without prefix, `IfExists` and negation, e.g. `StringEquals` for `StringNotEquals`. */
  base: string;
  negated: boolean;
  /** Unknown operator: the condition is undecidable. */
  invalid: boolean;
}

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};
const POSITIVE = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'NumericEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'ArnEquals',
  'ArnLike',
  'Null',
]);

function compileConditions(cond: IamPolicyStatement['Condition']): CompiledCondition[] {
  const out: CompiledCondition[] = [];
  if (!cond || typeof cond !== 'object') return out;
  for (const [operator, block] of Object.entries(cond)) {
    let op = operator;
    let set: 'any' | 'all' | undefined;
    if (/^ForAnyValue:/i.test(op)) {
      set = 'any';
      op = op.slice('ForAnyValue:'.length);
    } else if (/^ForAllValues:/i.test(op)) {
      set = 'all';
      op = op.slice('ForAllValues:'.length);
    }
    const ifExists = op.endsWith('IfExists') && op !== 'IfExists';
    if (ifExists) op = op.slice(0, -'IfExists'.length);
    const negatedBase = NEGATED[op];
    const base = negatedBase ?? op;
    const invalid = !POSITIVE.has(base) || (base === 'Null' && ifExists);
    if (!block || typeof block !== 'object') {
      out.push({ operator, key: '', lowerKey: '', values: [], ifExists, base, negated: false, invalid: true, ...(set ? { set } : {}) });
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
      out.push({ operator, key, lowerKey: key.toLowerCase(), values, ifExists, base, negated: negatedBase !== undefined, invalid, ...(set ? { set } : {}) });
    }
  }
  return out;
}

function parseDate(v: string): number {
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  return Date.parse(v);
}

function ipToBigInt(ip: string): { v: bigint; bits: number } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const parts = ip.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { v: parts.reduce((a, p) => (a << 8n) | BigInt(p), 0n), bits: 32 };
  }
  if (ip.includes(':')) {
    const [head = '', tail = ''] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
    const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
    if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
    return { v: groups.reduce((a, g) => (a << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
  }
  return undefined;
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [net = '', lenText] = cidr.split('/');
  const a = ipToBigInt(ip);
  const n = ipToBigInt(net);
  if (!a || !n || a.bits !== n.bits) return false;
  const len = lenText === undefined ? n.bits : Number(lenText);
  if (!(len >= 0 && len <= n.bits)) return false;
  const shift = BigInt(n.bits - len);
  return a.v >> shift === n.v >> shift;
}

/** The positive form of an operator on one request value and one policy value. */
function compare(base: string, request: string, policy: string): Tri {
  switch (base) {
    case 'StringEquals':
    case 'BinaryEquals':
      return request === policy;
    case 'StringEqualsIgnoreCase':
      return request.toLowerCase() === policy.toLowerCase();
    case 'StringLike':
      return stringLike(policy, request);
    case 'Bool':
      return request.toLowerCase() === policy.toLowerCase();
    case 'ArnEquals':
    case 'ArnLike':
      return arnMatches(policy, request);
    case 'IpAddress':
      return ipInCidr(request, policy);
    default:
      break;
  }
  if (base.startsWith('Numeric')) {
    const a = Number(request);
    const b = Number(policy);
    if (Number.isNaN(a) || Number.isNaN(b) || request.trim() === '' || policy.trim() === '') return false;
    return numericOp(base.slice('Numeric'.length), a, b);
  }
  if (base.startsWith('Date')) {
    const a = parseDate(request);
    const b = parseDate(policy);
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    return numericOp(base.slice('Date'.length), a, b);
  }
  return undefined;
}

function numericOp(op: string, a: number, b: number): boolean {
  switch (op) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThan':
      return a > b;
    case 'GreaterThanEquals':
      return a >= b;
    default:
      return false;
  }
}

/** Does one request value satisfy the (positive) operator for any of the policy values? */
function anyPolicyValue(c: CompiledCondition, request: string, policyValues: string[]): Tri {
  let unknown = false;
  for (const pv of policyValues) {
    const r = compare(c.base, request, pv);
    if (r === true) return true;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/** A condition entry as written (`{ operator: 'StringLike', key: 'aws:username', values: ['a*'] }`). */
export interface ConditionInput {
  operator: string;
  key: string;
  values: string | string[] | boolean | number;
}

/** Evaluates one condition entry: true, false, or undefined when undecidable offline. Exported for table tests. */
export function evaluateCondition(c: ConditionInput, ctx: ContextResolver): boolean | undefined {
  const values = Array.isArray(c.values) ? c.values : [c.values];
  return evalCondition(compileConditions({ [c.operator]: { [c.key]: values } })[0]!, ctx);
}

function evalCondition(c: CompiledCondition, ctx: ContextResolver): Tri {
  if (c.invalid) return undefined;
  const request = ctx(c.lowerKey);
  if (c.base === 'Null') {
    if (request === undefined) return undefined;
    const absent = request === null || request.length === 0;
    return c.values.some((v) => (v.toLowerCase() === 'true') === absent);
  }
  if (request === undefined) return undefined;
  // Policy values may hold variables.
  let policyValues = c.values;
  if (policyValues.some((v) => v.includes('${'))) {
    const subs = policyValues.map((v) => substituteVariables(v, ctx));
    if (subs.some((s) => s === undefined)) return undefined;
    policyValues = subs.filter((s): s is string => typeof s === 'string');
  }
  if (request === null || request.length === 0) {
    if (c.set === 'all') return true;
    if (c.set === 'any') return false;
    if (c.ifExists) return true;
    return c.negated;
  }
  const one = (v: string): Tri => {
    const r = anyPolicyValue(c, v, policyValues);
    return c.negated ? not(r) : r;
  };
  if (c.set === 'all') return triEvery(request, one);
  if (c.set === 'any') return triSome(request, one);
  // Single-valued key (or a multivalued one without a set operator: any value).
  if (c.negated) return not(triSome(request, (v) => anyPolicyValue(c, v, policyValues)));
  return triSome(request, (v) => anyPolicyValue(c, v, policyValues));
}

function triSome<T>(items: T[], f: (x: T) => Tri): Tri {
  let unknown = false;
  for (const x of items) {
    const r = f(x);
    if (r === true) return true;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

function triEvery<T>(items: T[], f: (x: T) => Tri): Tri {
  let unknown = false;
  for (const x of items) {
    const r = f(x);
    if (r === false) return false;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

function conditionText(c: CompiledCondition): string {
  const vals = c.values.length === 1 ? c.values[0]! : `[${c.values.join(', ')}]`;
  return `${c.operator} ${c.key} = ${vals}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Statements and documents

interface CompiledStatementCore {
  sid?: string;
  index: number;
  effect: 'Allow' | 'Deny' | 'invalid';
  actionPatterns: ((a: string) => boolean)[];
  /** True when the statement uses NotAction. */
  notAction: boolean;
  resources: string[];
  resourceMatchers: ResourceMatcher[];
  notResource: boolean;
  /** Neither Resource nor NotResource: invalid in an identity policy; matches nothing. */
  noResource: boolean;
  conditions: CompiledCondition[];
}

const docCache = new WeakMap<IamPolicyDocument, CompiledStatementCore[]>();

function asList<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function compileDocument(doc: IamPolicyDocument): CompiledStatementCore[] {
  const hit = docCache.get(doc);
  if (hit) return hit;
  const statements = asList(doc.Statement);
  const out = statements.map((s, index): CompiledStatementCore => {
    const st = (s ?? {}) as Partial<IamPolicyStatement>;
    const notAction = st.NotAction !== undefined && st.Action === undefined;
    const notResource = st.NotResource !== undefined && st.Resource === undefined;
    const effect = st.Effect === 'Allow' || st.Effect === 'Deny' ? st.Effect : 'invalid';
    return {
      ...(typeof st.Sid === 'string' && st.Sid ? { sid: st.Sid } : {}),
      index,
      effect,
      actionPatterns: asList(notAction ? st.NotAction : st.Action).map((a) => actionMatcher(String(a))),
      notAction,
      resources: asList(notResource ? st.NotResource : st.Resource).map(String),
      resourceMatchers: asList(notResource ? st.NotResource : st.Resource).map((r) => compileResource(String(r))),
      notResource,
      noResource: st.Resource === undefined && st.NotResource === undefined,
      conditions: compileConditions(st.Condition),
    };
  });
  docCache.set(doc, out);
  return out;
}

interface BoundStatement {
  core: CompiledStatementCore;
  ref: StatementRef;
}

function bind(policy: PolicyInput): BoundStatement[] {
  if (!policy.document) return [];
  return compileDocument(policy.document)
    .filter((core) => core.effect !== 'invalid')
    .map((core) => ({
      core,
      ref: {
        policy: policy.name,
        ...(policy.arn ? { policyArn: policy.arn } : {}),
        kind: policy.kind,
        ...(policy.via ? { via: policy.via } : {}),
        ...(policy.versionId ? { versionId: policy.versionId } : {}),
        ...(core.sid ? { sid: core.sid } : {}),
        index: core.index,
        effect: core.effect as 'Allow' | 'Deny',
      },
    }));
}

function actionApplies(core: CompiledStatementCore, lowerAction: string): boolean {
  const hit = core.actionPatterns.some((m) => m(lowerAction));
  return core.notAction ? !hit : hit;
}

interface Applies {
  result: Tri;
  /** Undecidable parts, when `result` is undefined. */
  undecided: string[];
}

function statementApplies(core: CompiledStatementCore, resource: string, ctx: ContextResolver): Applies {
  if (core.noResource) return { result: false, undecided: [] };
  const undecided: string[] = [];
  let r = resourceMatch(core.resourceMatchers, resource, ctx);
  if (core.notResource) r = not(r);
  if (r === false) return { result: false, undecided };
  if (r === undefined) undecided.push(`${core.notResource ? 'NotResource' : 'Resource'} ${core.resources.join(', ')}`);
  let unknown = r === undefined;
  for (const c of core.conditions) {
    const t = evalCondition(c, ctx);
    if (t === false) return { result: false, undecided: [] };
    if (t === undefined) {
      unknown = true;
      undecided.push(conditionText(c));
    }
  }
  return { result: unknown ? undefined : true, undecided };
}

// ---------------------------------------------------------------------------------------------------------------
// Principals

export interface PrincipalInput {
  arn: string;
  type: 'user' | 'role';
  name: string;
  /** Identity policies: inline, managed, and those of the user's groups. */
  policies: PolicyInput[];
  /** The permissions boundary; absent = none. */
  boundary?: PolicyInput;
  tags: Record<string, string>;
  /** `UserId`/`RoleId`. */
  id?: string;
  /** Role flags (for display and filtering). */
  serviceLinked?: boolean;
  ssoReserved?: boolean;
  /** Services and principals the role trusts (from its trust policy), for display. */
  trustedBy?: string[];
}

/** A principal with its statements compiled, and per-action statement lists cached. */
export class CompiledPrincipal {
  readonly identity: BoundStatement[];
  readonly boundary: BoundStatement[] | undefined;
  /** Identity policies that could not be read. */
  readonly unreadable: PolicyInput[];
  readonly boundaryUnreadable: PolicyInput | undefined;
  private readonly byAction = new Map<string, { identity: BoundStatement[]; boundary: BoundStatement[] | undefined }>();

  constructor(readonly input: PrincipalInput) {
    this.identity = input.policies.flatMap(bind);
    this.unreadable = input.policies.filter((p) => !p.document);
    this.boundary = input.boundary ? bind(input.boundary) : undefined;
    this.boundaryUnreadable = input.boundary && !input.boundary.document ? input.boundary : undefined;
  }

  statementsFor(action: string): { identity: BoundStatement[]; boundary: BoundStatement[] | undefined } {
    const lower = action.toLowerCase();
    let hit = this.byAction.get(lower);
    if (!hit) {
      hit = {
        identity: this.identity.filter((s) => actionApplies(s.core, lower)),
        boundary: this.boundary?.filter((s) => actionApplies(s.core, lower)),
      };
      this.byAction.set(lower, hit);
    }
    return hit;
  }
}

export function compilePrincipal(input: PrincipalInput): CompiledPrincipal {
  return new CompiledPrincipal(input);
}

const NO_CONDITIONS: UndecidedCondition[] = [];
const IMPLICIT_DENY: EvaluationResult = Object.freeze({ decision: 'implicitDeny', conditions: NO_CONDITIONS });

/**
 * Evaluates one request. Order as AWS: an applicable explicit Deny (identity or boundary) wins; otherwise the request
 * is allowed only if an identity statement allows it and, when a boundary is set, the boundary allows it too.
 * Undecidable parts make the answer `conditional`.
 */
export function evaluate(principal: CompiledPrincipal, action: string, resource: string, ctx: ContextResolver): EvaluationResult {
  const { identity, boundary } = principal.statementsFor(action);
  const maybeDeny: UndecidedCondition[] = [];
  let allowHit: StatementRef | undefined;
  const maybeAllow: UndecidedCondition[] = [];
  let firstMaybeAllow: StatementRef | undefined;
  for (const s of identity) {
    if (s.core.effect === 'Allow' && allowHit) continue;
    const a = statementApplies(s.core, resource, ctx);
    if (a.result === false) continue;
    if (s.core.effect === 'Deny') {
      if (a.result === true) return { decision: 'explicitDeny', statement: s.ref, conditions: NO_CONDITIONS };
      for (const text of a.undecided) maybeDeny.push({ statement: s.ref, text });
    } else if (a.result === true) allowHit = s.ref;
    else {
      firstMaybeAllow ??= s.ref;
      for (const text of a.undecided) maybeAllow.push({ statement: s.ref, text });
    }
  }
  // Boundary: Deny there is an explicit deny too; it must also allow.
  let boundaryAllow: Tri = true;
  let boundaryHit: StatementRef | undefined;
  const maybeBoundary: UndecidedCondition[] = [];
  if (boundary) {
    boundaryAllow = false;
    for (const s of boundary) {
      const a = statementApplies(s.core, resource, ctx);
      if (a.result === false) continue;
      if (s.core.effect === 'Deny') {
        if (a.result === true) return { decision: 'explicitDeny', statement: s.ref, conditions: NO_CONDITIONS };
        for (const text of a.undecided) maybeDeny.push({ statement: s.ref, text });
      } else if (a.result === true) {
        boundaryAllow = true;
        boundaryHit ??= s.ref;
      } else if (boundaryAllow === false) {
        boundaryAllow = undefined;
        for (const text of a.undecided) maybeBoundary.push({ statement: s.ref, text });
      }
    }
    if (boundaryAllow === true) maybeBoundary.length = 0;
  }
  if (principal.boundaryUnreadable && boundaryAllow !== true) boundaryAllow = undefined;

  const identityAllow: Tri = allowHit ? true : firstMaybeAllow || principal.unreadable.length ? undefined : false;
  const unreadableNote = unreadableNoteOf(principal);

  if (identityAllow === false) {
    // A Deny that might apply does not matter: nothing allows anyway.
    return IMPLICIT_DENY;
  }
  if (boundaryAllow === false) {
    const b = principal.input.boundary!;
    return {
      decision: 'implicitDeny',
      statement: { policy: b.name, ...(b.arn ? { policyArn: b.arn } : {}), kind: 'boundary', effect: 'Allow' },
      conditions: NO_CONDITIONS,
      note: `the permissions boundary ${b.name} does not allow it`,
    };
  }
  if (identityAllow === true && boundaryAllow === true && maybeDeny.length === 0 && !principal.unreadable.length) {
    return { decision: 'allow', statement: allowHit!, conditions: NO_CONDITIONS };
  }
  // Conditional: collect what it depends on.
  const conditions = [...(identityAllow === true ? [] : maybeAllow), ...(boundaryAllow === true ? [] : maybeBoundary), ...maybeDeny];
  const statement = allowHit ?? firstMaybeAllow ?? maybeDeny[0]?.statement ?? boundaryHit;
  return {
    decision: 'conditional',
    ...(statement ? { statement } : {}),
    conditions,
    ...(unreadableNote ? { note: unreadableNote } : {}),
  };
}

function unreadableNoteOf(p: CompiledPrincipal): string | undefined {
  const names = [...p.unreadable, ...(p.boundaryUnreadable ? [p.boundaryUnreadable] : [])].map((u) => `${u.name}${u.unreadable ? ` (${u.unreadable})` : ''}`);
  return names.length ? `could not read ${names.join(', ')}` : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// From GetAccountAuthorizationDetails

function fromDocument(value: PolicyDocumentValue | null | undefined): { document: IamPolicyDocument | null; unreadable?: string } {
  if (!value) return { document: null, unreadable: 'no default version returned' };
  if (!value.parsed) return { document: null, unreadable: value.parseError ?? 'not valid JSON' };
  return { document: value.parsed };
}

/**
 * Principals (users with their groups' policies, and roles) from `GetAccountAuthorizationDetails`, ready to compile.
 * Managed policies are evaluated at their default version; a policy ARN the details do not contain is unreadable.
 */
export function principalsFromAuthorizationDetails(details: IamAuthorizationDetails): PrincipalInput[] {
  const policies = new Map<string, IamManagedPolicy>(details.policies.map((p) => [p.arn, p]));
  const groups = new Map(details.groups.map((g) => [g.groupName, g]));
  const managed = (arn: string, name: string, kind: PolicyKind, via?: string): PolicyInput => {
    const p = policies.get(arn);
    const doc = p ? fromDocument(p.defaultDocument) : { document: null, unreadable: 'not in GetAccountAuthorizationDetails' };
    const versionId = p?.defaultVersionId ?? p?.versions.find((v) => v.isDefaultVersion)?.versionId;
    return { name: p?.policyName ?? name, arn, kind, ...(via ? { via } : {}), ...(versionId ? { versionId } : {}), ...doc };
  };
  const inline = (name: string, value: PolicyDocumentValue, kind: PolicyKind, via?: string): PolicyInput => ({ name, kind, ...(via ? { via } : {}), ...fromDocument(value) });
  const boundary = (arn: string | undefined): PolicyInput | undefined => (arn ? managed(arn, arn.split('/').pop() ?? arn, 'boundary') : undefined);

  const out: PrincipalInput[] = [];
  for (const u of details.users) {
    const ps: PolicyInput[] = [
      ...u.inlinePolicies.map((p) => inline(p.policyName, p.document, 'inline')),
      ...u.attachedManagedPolicies.map((p) => managed(p.policyArn, p.policyName, 'managed')),
    ];
    for (const gName of u.groups) {
      const g = groups.get(gName);
      if (!g) {
        ps.push({ name: gName, kind: 'group-inline', via: gName, document: null, unreadable: 'group not in GetAccountAuthorizationDetails' });
        continue;
      }
      ps.push(...g.inlinePolicies.map((p) => inline(p.policyName, p.document, 'group-inline', gName)));
      ps.push(...g.attachedManagedPolicies.map((p) => managed(p.policyArn, p.policyName, 'group-managed', gName)));
    }
    const b = boundary(u.permissionsBoundaryArn);
    out.push({ arn: u.arn, type: 'user', name: u.userName, id: u.userId, policies: ps, ...(b ? { boundary: b } : {}), tags: u.tags });
  }
  for (const r of details.roles) {
    const ps: PolicyInput[] = [
      ...r.inlinePolicies.map((p) => inline(p.policyName, p.document, 'inline')),
      ...r.attachedManagedPolicies.map((p) => managed(p.policyArn, p.policyName, 'managed')),
    ];
    const b = boundary(r.permissionsBoundaryArn);
    out.push({
      arn: r.arn,
      type: 'role',
      name: r.roleName,
      id: r.roleId,
      policies: ps,
      ...(b ? { boundary: b } : {}),
      tags: r.tags,
      serviceLinked: r.serviceLinked,
      ssoReserved: r.ssoReserved,
      trustedBy: trustedBy(r.trustPolicy),
    });
  }
  return out;
}

function trustedBy(trust: PolicyDocumentValue): string[] {
  const out = new Set<string>();
  for (const s of asList(trust.parsed?.Statement)) {
    if (s.Effect !== 'Allow' || !s.Principal) continue;
    if (s.Principal === '*') out.add('*');
    else for (const v of Object.values(s.Principal)) for (const x of asList(v)) out.add(String(x));
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------
// Request context

export interface RequestContextOptions {
  account: string;
  region: string;
  /** Evaluation time (for `aws:CurrentTime`/`aws:EpochTime`). */
  now: Date;
  /** Extra known keys (lower-case) → values; `null` = known absent. */
  extra?: Record<string, string[] | null>;
}

/**
 * What is known offline about a principal's request to a regional AWS API: who (`aws:PrincipalArn`, `aws:username`,
 * `aws:PrincipalTag/*`, account, type), where (`aws:RequestedRegion`), when, and that Bedrock APIs are HTTPS only
 * (`aws:SecureTransport`). Everything else (source IP and VPC, MFA, the guardrail a caller passes, session tags,
 * organization) is unknowable: conditions on it are undecidable.
 */
export function requestContext(p: PrincipalInput, o: RequestContextOptions): ContextResolver {
  const user = p.type === 'user';
  const tags = new Map(Object.entries(p.tags).map(([k, v]) => [k.toLowerCase(), v]));
  const now = o.now.toISOString();
  const epoch = String(Math.floor(o.now.getTime() / 1000));
  return (key) => {
    const extra = o.extra?.[key];
    if (extra !== undefined) return extra;
    switch (key) {
      case 'aws:principalarn':
        return [p.arn];
      case 'aws:principalaccount':
        return [o.account];
      case 'aws:principaltype':
        return [user ? 'User' : 'AssumedRole'];
      case 'aws:username':
        return user ? [p.name] : null;
      case 'aws:userid':
        return user && p.id ? [p.id] : undefined;
      case 'aws:principalisawsservice':
        return ['false'];
      case 'aws:requestedregion':
        return [o.region];
      case 'aws:securetransport':
        return ['true'];
      case 'aws:currenttime':
        return [now];
      case 'aws:epochtime':
        return [epoch];
      default:
        break;
    }
    if (key.startsWith('aws:principaltag/')) {
      const v = tags.get(key.slice('aws:principaltag/'.length));
      if (v !== undefined) return [v];
      // A user's tags are all known; a role session may carry session tags.
      return user ? null : undefined;
    }
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Display

/** `BedrockInvokeAnything (managed v2, via group developers) statement #0 "InvokeAll"`. */
export function describeStatement(s: StatementRef | undefined): string {
  if (!s) return 'no statement allows it';
  const where = [s.kind === 'boundary' ? 'permissions boundary' : s.kind.replace('group-', ''), s.versionId, s.via ? `via group ${s.via}` : undefined].filter(Boolean).join(' ');
  const which = s.index === undefined ? '' : ` statement #${s.index}${s.sid ? ` "${s.sid}"` : ''}`;
  return `${s.effect} in ${s.policy} (${where})${which}`;
}

/** One line for an evaluation: "allow — Allow in X (inline) statement #0 "Sid"". */
export function describeEvaluation(r: EvaluationResult): string {
  switch (r.decision) {
    case 'allow':
      return `allowed by ${describeStatement(r.statement)}`;
    case 'explicitDeny':
      return `denied by ${describeStatement(r.statement)}`;
    case 'implicitDeny':
      return r.note ? `not allowed: ${r.note}` : 'not allowed: no statement allows it';
    case 'conditional': {
      const conds = r.conditions.map((c) => `${c.statement.effect === 'Deny' ? 'unless' : 'if'} ${c.text}`);
      return `conditional: ${r.statement ? describeStatement(r.statement) : 'depends'}${conds.length ? ` — ${conds.join('; ')}` : ''}${r.note ? ` (${r.note})` : ''}`;
    }
  }
}
