/**
 * The IaC value model every parser produces (HCL, YAML, JSON, CDK source): values with their exact UTF-16 source
 * offsets, so a rule can point at the very element that is wrong. Unresolvable values stay `expr`, never a guess.
 */
export type IacNode = StrNode | NumNode | BoolNode | NullNode | ListNode | MapNode | ExprNode;

interface Span {
  /** UTF-16 offsets into the file, end exclusive. */
  start: number;
  end: number;
}

export interface StrNode extends Span {
  t: 'str';
  v: string;
  /** The string contains `${…}` interpolations (its `v` is the raw template text). */
  template?: boolean;
  /** An indented heredoc (`<<-`): `v` has its indentation removed, so offsets inside `v` are approximate. */
  indented?: boolean;
}
export interface NumNode extends Span {
  t: 'num';
  v: number;
}
export interface BoolNode extends Span {
  t: 'bool';
  v: boolean;
}
export interface NullNode extends Span {
  t: 'null';
}
export interface ListNode extends Span {
  t: 'list';
  items: IacNode[];
}
export interface MapEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: IacNode;
}
export interface MapNode extends Span {
  t: 'map';
  entries: MapEntry[];
}
/** A reference, function call or intrinsic that is not (yet) a literal: `var.x`, `!Ref P`, `lookup(...)`. */
export interface ExprNode extends Span {
  t: 'expr';
  text: string;
  /** Function or intrinsic name: `jsonencode`, `Ref`, `Fn::Sub`, … */
  fn?: string;
  args?: IacNode[];
  /** Traversal of a reference: `var.x` → ['var', 'x']. */
  ref?: string[];
}

export function get(node: IacNode | undefined, key: string): IacNode | undefined {
  if (node?.t !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i]!.value;
  return undefined;
}

/** Case-insensitive key lookup (IAM keys are case-sensitive in JSON, but HCL users write `effect`/`actions`). */
export function getCi(node: IacNode | undefined, key: string): IacNode | undefined {
  if (node?.t !== 'map') return undefined;
  const k = key.toLowerCase();
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key.toLowerCase() === k) return node.entries[i]!.value;
  return undefined;
}

export function entry(node: IacNode | undefined, key: string): MapEntry | undefined {
  if (node?.t !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i];
  return undefined;
}

export function path(node: IacNode | undefined, ...keys: string[]): IacNode | undefined {
  let n = node;
  for (const k of keys) {
    if (n?.t === 'list') n = n.items[0];
    n = get(n, k);
  }
  return n;
}

/** A literal string value (not a template), else undefined. */
export function str(node: IacNode | undefined): string | undefined {
  return node?.t === 'str' && !node.template ? node.v : undefined;
}

export function bool(node: IacNode | undefined): boolean | undefined {
  if (node?.t === 'bool') return node.v;
  if (node?.t === 'str' && !node.template && /^(true|false)$/i.test(node.v)) return node.v.toLowerCase() === 'true';
  return undefined;
}

/** Items of a list, or the node itself as a one-item list (IAM allows both). */
export function items(node: IacNode | undefined): IacNode[] {
  if (!node) return [];
  return node.t === 'list' ? node.items : [node];
}

export function isUnresolved(node: IacNode | undefined): boolean {
  return node?.t === 'expr' || (node?.t === 'str' && node.template === true);
}
