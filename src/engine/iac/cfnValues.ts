/**
 * What both YAML readers (the fast one and the `yaml`-package one) and the JSON readers share: CloudFormation
 * intrinsic functions in either spelling (`!Sub x`, `{"Fn::Sub": x}`) as one `expr` node shape, and the YAML core
 * schema's scalar types.
 */
import type { IacNode } from './node';

export const INTRINSICS = new Set([
  'Ref', 'Condition', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Fn::FindInMap', 'Fn::Base64',
  'Fn::Cidr', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Transform',
  'Fn::ToJsonString', 'Fn::Length', 'Fn::ForEach',
]);

export const CORE_NULL = /^(?:~|null|Null|NULL)?$/;
export const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
export const CORE_INT = /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
export const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** `!Ref` → `Ref`, `!Sub` → `Fn::Sub`. */
export function tagToFn(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `{Ref: X}` / `{"Fn::Sub": …}` maps become intrinsic expr nodes. */
export function normaliseIntrinsic(node: IacNode, text: string): IacNode {
  if (node.t !== 'map' || node.entries.length !== 1) return node;
  const e = node.entries[0]!;
  if (!INTRINSICS.has(e.key)) return node;
  return intrinsic(e.key, e.value, node.start, node.end, text);
}

export function intrinsic(fn: string, value: IacNode, start: number, end: number, text: string): IacNode {
  let args: IacNode[] = value.t === 'list' ? value.items : [value];
  if (fn === 'Fn::GetAtt' && value.t === 'str') {
    const dot = value.v.indexOf('.');
    args = dot === -1 ? [value] : [{ ...value, v: value.v.slice(0, dot) }, { ...value, v: value.v.slice(dot + 1) }];
  }
  return { t: 'expr', fn, args, text: text.slice(start, end), start, end };
}
