/**
 * Shared reading of IaC settings for the encryption/exposure rules: resolve first, then classify a value as set,
 * missing or unknown (never a guess), and point a finding at the most precise node.
 */
import type { RelatedLocation, Severity } from '../../finding';
import type { IacFormat, IacModel, IacResource } from '../../iac/model';
import { entry, get, items, type IacNode, type MapNode } from '../../iac/node';
import { LineIndex } from '../../text';
import type { ModelContext, ModelRule, RuleReport } from '../rule';
import { ruleDocs } from './docs';
import { OwnedCache } from '../../ownedCache';

/** A value that could not be evaluated statically (a variable without default, a condition). */
export interface Unknown {
  file: string;
  start: number;
  end: number;
  /** `aws_s3_bucket.logs sse_algorithm`. */
  what: string;
  reason: string;
}

export interface Sink {
  report(r: RuleReport & { file: string }): void;
  unknown(u: Unknown): void;
}

export type Evaluate = (model: IacModel, sink: Sink) => void;

export interface EncryptionRule extends ModelRule {
  evaluate: Evaluate;
}

export function encryptionRule(d: {
  id: string;
  title: string;
  severity: Severity;
  formats: readonly IacFormat[];
  formatsText: string;
  equivalents?: readonly string[];
  why: string;
  fix: string;
  example?: string;
  references: string[];
  evaluate: Evaluate;
}): EncryptionRule {
  return {
    id: d.id,
    scope: 'model',
    family: 'encryption',
    defaultSeverity: d.severity,
    title: d.title,
    formats: d.formats,
    ...(d.equivalents ? { equivalents: d.equivalents } : {}),
    docs: ruleDocs({ id: d.id, title: d.title, severity: d.severity, formats: d.formatsText, why: d.why, fix: d.fix, ...(d.example ? { example: d.example } : {}), references: d.references }),
    evaluate: d.evaluate,
    check(ctx: ModelContext) {
      for (const r of evaluationOf(d.evaluate, ctx.model).reports) ctx.report(r);
    },
  };
}

/** A rule's reports and unknowns on one model: the evaluation and its sink in one object. */
class Evaluation implements Sink {
  readonly reports: (RuleReport & { file: string })[] = [];
  readonly unknowns: Unknown[] = [];
  report(r: RuleReport & { file: string }): void {
    this.reports.push(r);
  }
  unknown(u: Unknown): void {
    this.unknowns.push(u);
  }
}
const evaluations = new OwnedCache<IacModel, (Evaluation | undefined)[]>();
/** A slot per evaluate function, in order of first use: a model's evaluations are an array, not a Map. */
const slots = new Map<Evaluate, number>();

/**
 * A rule's reports and undecidable settings on a model, evaluated once: the rule reports the first, the
 * "could not evaluate" note (GG-ENC-000) the second, without judging the model twice.
 */
export function evaluationOf(evaluate: Evaluate, model: IacModel): Evaluation {
  let slot = slots.get(evaluate);
  if (slot === undefined) {
    slot = slots.size;
    slots.set(evaluate, slot);
  }
  let byRule = evaluations.get(model);
  if (!byRule) {
    byRule = [];
    evaluations.set(model, byRule);
  }
  let e = byRule[slot];
  if (!e) {
    e = new Evaluation();
    evaluate(model, e);
    byRule[slot] = e;
  }
  return e;
}

// ── resources ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Each module name's source pattern, compiled once. */
const moduleSources = new Map<string, RegExp>();

/**
 * Calls of a terraform-aws-modules registry module (`terraform-aws-modules/rds/aws`, its `//modules/…` submodules,
 * or the same module from GitHub): their inputs carry the settings the module passes to the resources it creates.
 */
export function registryModules(model: IacModel, name: string): IacResource[] {
  const calls = resourcesOf(model, 'module');
  if (calls.length === 0) return [];
  let re = moduleSources.get(name);
  if (!re) {
    re = new RegExp(String.raw`^(?:registry\.terraform\.io/|app\.terraform\.io/[^/]{1,100}/)?terraform-aws-modules/${name}/aws(?://.*)?$|github\.com[/:]terraform-aws-modules/terraform-aws-${name}(?:\.git)?(?://.*|\?.*)?$`);
    moduleSources.set(name, re);
  }
  const source = re;
  return calls.filter((m) => {
    const src = literal(model, get(m.props, 'source'));
    return typeof src === 'string' && source.test(src);
  });
}

/** The major version a module call pins (`"~> 3.0"`, `"4.1.2"`), when it says. */
export function moduleMajor(model: IacModel, m: IacResource): number | undefined {
  const v = literal(model, get(m.props, 'version'));
  const d = typeof v === 'string' ? /(\d{1,4})/.exec(v) : null;
  return d ? Number(d[1]) : undefined;
}


const byType = new OwnedCache<IacModel, Map<string, IacResource[]>>();
const NONE: readonly IacResource[] = Object.freeze([]);

/** The model's (non-data) resources of the given types. Indexed once per model: rules ask per resource. */
export function resourcesOf(model: IacModel, ...types: string[]): readonly IacResource[] {
  let index = byType.get(model);
  if (!index) {
    index = new Map();
    for (const r of model.resources) {
      if (r.data) continue;
      const list = index.get(r.type);
      if (list) list.push(r);
      else index.set(r.type, [r]);
    }
    byType.set(model, index);
  }
  if (types.length === 1) return index.get(types[0]!) ?? NONE;
  let out: IacResource[] | undefined;
  for (const t of types) {
    const list = index.get(t);
    if (list) out = out ? out.concat(list) : list;
  }
  return out ?? NONE;
}

export function isTf(r: IacResource): boolean {
  return r.format === 'terraform';
}

/** Where a finding about the whole resource points. */
export function nameSpan(r: IacResource): { file: string; start: number; end: number } {
  return { file: r.file, start: r.nameStart, end: r.nameEnd };
}

/** The value node of a nested key path; Terraform nested blocks are lists of maps (first block). */
export function at(node: IacNode | undefined, ...keys: string[]): IacNode | undefined {
  let n = node;
  for (const k of keys) {
    if (n?.t === 'list') n = n.items[0];
    n = get(n, k);
  }
  return n;
}

/** Every map under a (possibly repeated) nested block or a CloudFormation list. */
export function maps(model: IacModel, node: IacNode | undefined): MapNode[] {
  const r = model.resolve(node);
  return items(r)
    .map((i) => model.resolve(i))
    .filter((i): i is MapNode => i?.t === 'map');
}

// ── values ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type KeyState = 'missing' | 'aws-managed' | 'cmk' | 'unknown';

function isNoValue(n: IacNode | undefined): boolean {
  return n?.t === 'expr' && n.fn === 'Ref' && n.args?.[0]?.t === 'str' && n.args[0].v === 'AWS::NoValue';
}

/** A CloudFormation `Fn::If [cond, a, b]`: its two branches. */
function ifBranches(n: IacNode): [IacNode | undefined, IacNode | undefined] | undefined {
  if (n.t !== 'expr' || n.fn !== 'Fn::If') return undefined;
  const args = n.args?.[0]?.t === 'list' ? n.args[0].items : n.args;
  return [args?.[1], args?.[2]];
}

/**
 * What a KMS key setting amounts to. A reference to a key resource, an ARN, an import or a `!GetAtt` (CDK-synthesised
 * templates) is a customer-managed key; `alias/aws/…` is the AWS-managed key; a variable or parameter without a
 * default is unknown.
 */
export function keyState(model: IacModel, node: IacNode | undefined): KeyState {
  if (!node || isNoValue(node)) return 'missing';
  const n = model.resolve(node);
  if (!n || n.t === 'null' || isNoValue(n)) return 'missing';
  if (n.t === 'str') {
    if (!n.template && n.v.trim() === '') return 'missing';
    if (/(^|:)alias\/aws\//.test(n.v)) return 'aws-managed';
    return 'cmk';
  }
  if (n.t === 'expr') {
    const branches = ifBranches(n);
    if (branches) {
      const [a, b] = branches.map((x) => keyState(model, x));
      return a === b ? a! : 'unknown';
    }
    if (n.fn === 'Ref') {
      const target = n.args?.[0]?.t === 'str' ? n.args[0].v : '';
      return model.byAddress(target) ? 'cmk' : 'unknown';
    }
    if (n.fn && n.fn.startsWith('Fn::')) return ['Fn::GetAtt', 'Fn::ImportValue', 'Fn::Sub', 'Fn::Join', 'Fn::Select'].includes(n.fn) ? 'cmk' : 'unknown';
    const head = n.ref?.[0];
    if (head === 'var' || head === 'local') return 'unknown';
    if (head && (head === 'data' || head === 'module' || head.startsWith('aws_'))) return 'cmk';
    if (n.fn === 'format' || n.fn === 'join') return 'cmk';
    return 'unknown';
  }
  return 'unknown';
}

export type BoolState = boolean | 'missing' | 'unknown';

export function boolState(model: IacModel, node: IacNode | undefined): BoolState {
  if (!node || isNoValue(node)) return 'missing';
  const n = model.resolve(node);
  if (!n || n.t === 'null') return 'missing';
  if (n.t === 'bool') return n.v;
  if (n.t === 'str' && !n.template && /^(true|false)$/i.test(n.v.trim())) return n.v.trim().toLowerCase() === 'true';
  if (n.t === 'expr') {
    const branches = ifBranches(n);
    if (branches) {
      const [a, b] = branches.map((x) => boolState(model, x));
      return a === b ? a! : 'unknown';
    }
  }
  return 'unknown';
}

/** A resolved literal string, `undefined` when missing, `null` when it cannot be evaluated. */
export function literal(model: IacModel, node: IacNode | undefined): string | undefined | null {
  if (!node || isNoValue(node)) return undefined;
  const n = model.resolve(node);
  if (!n || n.t === 'null') return undefined;
  if (n.t === 'str' && !n.template) return n.v;
  if (n.t === 'num' || n.t === 'bool') return String(n.v);
  return null;
}

export function describe(n: IacNode | undefined): string {
  if (n?.t === 'expr') {
    if (n.ref?.[0] === 'var') return `variable ${n.ref[1] ?? ''} has no literal default`;
    if (n.fn === 'Ref') return `parameter ${n.args?.[0]?.t === 'str' ? n.args[0].v : ''} has no default`;
    if (n.fn === 'Fn::If') return 'it depends on a condition';
    const t = n.text.length > 50 ? `${n.text.slice(0, 47)}…` : n.text;
    return `it is computed (${t})`;
  }
  return 'it is not a literal';
}

/** The span of a key's value in a map (else undefined). */
export function valueSpan(map: IacNode | undefined, key: string): { start: number; end: number } | undefined {
  const e = entry(map, key);
  return e ? { start: e.value.start, end: e.value.end } : undefined;
}

// ── linking resources (a bucket and its split settings, a log group and the logging configuration) ───────────

/**
 * Does `node` (a `bucket = …` / `Bucket: …` value) refer to `target`? A Terraform reference (`aws_s3_bucket.x.id`,
 * `"${aws_s3_bucket.x.bucket}"`), a CloudFormation `!Ref X` / `!GetAtt X.Arn` / `${X}` in a `!Sub`, or the literal name.
 * Returns `undefined` when the value can't be evaluated.
 */
const referenceRes = new OwnedCache<IacResource, RegExp>();

/** `aws_s3_bucket.logs.` (with an optional index) as a whole reference, compiled once per resource. */
function referenceRegExp(target: IacResource): RegExp {
  let re = referenceRes.get(target);
  if (!re) {
    re = new RegExp(`(^|[^\\w.-])${target.type}\\.${escape(target.name)}(\\[[^\\]]*\\])?\\.`);
    referenceRes.set(target, re);
  }
  return re;
}

export function refersTo(model: IacModel, node: IacNode | undefined, target: IacResource, nameKey: string): boolean | undefined {
  if (!node) return false;
  const n = model.resolve(node);
  if (!n) return false;
  if (target.format === 'terraform') {
    const text = n.t === 'expr' ? n.text : n.t === 'str' ? n.v : '';
    if (text.includes(target.name) && referenceRegExp(target).test(text)) return true;
  } else if (n.t === 'expr') {
    const first = n.args?.[0];
    if ((n.fn === 'Ref' || n.fn === 'Fn::GetAtt') && first?.t === 'str' && first.v === target.address) return true;
    if (n.fn === 'Fn::Sub' && n.text.includes(`\${${target.address}`)) return true;
  }
  const lit = literal(model, n);
  if (typeof lit === 'string') {
    const own = literal(model, get(target.props, nameKey));
    const bare = lit.replace(/^arn:aws[\w-]*:s3:::/, '');
    return typeof own === 'string' && (own === lit || own === bare);
  }
  if (n.t === 'expr' && target.format === 'terraform') {
    // Another resource's attribute is a different resource; a variable could be anything.
    const head = n.ref?.[0];
    return head === 'var' || head === 'local' || !head ? undefined : false;
  }
  if (n.t === 'expr') return n.fn === 'Ref' && !model.byAddress(n.args?.[0]?.t === 'str' ? n.args[0].v : '') ? undefined : false;
  return n.t === 'str' && n.template ? undefined : false;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Resources of `types` whose `key` refers to `target`, and whether some could not be evaluated. */
export function linked(model: IacModel, target: IacResource, types: string[], key: string, nameKey: string): { found: IacResource[]; unknown: boolean } {
  const found: IacResource[] = [];
  let unknown = false;
  for (const r of resourcesOf(model, ...types)) {
    const v = refersTo(model, get(r.props, key), target, nameKey);
    if (v === true) found.push(r);
    else if (v === undefined) unknown = true;
  }
  return { found, unknown };
}

const indexes = new OwnedCache<IacModel, Map<string, LineIndex>>();

/** A related location in any file of the model. */
export function related(model: IacModel, file: string, start: number, end: number, message: string): RelatedLocation {
  let byFile = indexes.get(model);
  if (!byFile) {
    byFile = new Map();
    indexes.set(model, byFile);
  }
  let idx = byFile.get(file);
  if (!idx) {
    idx = new LineIndex(model.files.find((f) => f.file === file)?.text ?? '');
    byFile.set(file, idx);
  }
  return { file, range: idx.range(start, end), message };
}

/**
 * The usual "this resource should name a customer-managed KMS key" check: reports a missing key at the resource
 * name (or the AWS-managed alias at its value), and an unresolvable one as unknown.
 */
export function requireKey(
  model: IacModel,
  sink: Sink,
  r: IacResource,
  holder: IacNode | undefined,
  key: string,
  messages: { missing: string; awsManaged?: string },
  options: { severity?: Severity; identity?: string; anchor?: { start: number; end: number } } = {},
): void {
  const node = get(holder, key);
  const state = keyState(model, node);
  const extra = { resource: r.address, identity: options.identity ?? `${r.address}|${key}`, ...(options.severity ? { severity: options.severity } : {}) };
  if (state === 'missing') {
    const span = node && !isNoValue(node) ? { start: node.start, end: node.end } : (options.anchor ?? { start: r.nameStart, end: r.nameEnd });
    sink.report({ file: r.file, ...span, message: messages.missing, ...extra });
  } else if (state === 'aws-managed' && messages.awsManaged) {
    sink.report({ file: r.file, start: node!.start, end: node!.end, message: messages.awsManaged, ...extra });
  } else if (state === 'unknown') {
    sink.unknown({ file: r.file, start: node!.start, end: node!.end, what: `${r.address} ${key}`, reason: describe(model.resolve(node)) });
  }
}
