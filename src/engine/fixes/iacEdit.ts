/** Structural insertions into Terraform blocks and CloudFormation (YAML/JSON) resources, keeping the file's layout. */
import type { TextEdit } from '../finding';
import type { IacResource } from '../iac/model';
import { get, type IacNode } from '../iac/node';
import type { Editor } from './text';

/** A value rendered differently per syntax (intrinsic functions, references). */
export class Raw {
  constructor(
    readonly yaml: string,
    readonly json: unknown,
  ) {}
}
export type Value = string | number | boolean | Raw | Value[] | { [key: string]: Value };

export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

function toJson(v: Value): unknown {
  if (v instanceof Raw) return v.json;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}

function yamlScalar(v: string | number | boolean | Raw): string {
  if (v instanceof Raw) return v.yaml;
  if (typeof v !== 'string') return String(v);
  return /^[A-Za-z0-9_./][A-Za-z0-9_./:-]*$/.test(v) && !v.endsWith(':') && !/^(true|false|yes|no|on|off|null|~|\d.*)$/i.test(v) ? v : JSON.stringify(v);
}

/** YAML block lines for `key: value` at `indent`. */
export function yamlEntry(key: string, v: Value, indent: string, unit = '  '): string[] {
  if (v instanceof Raw || typeof v !== 'object') return [`${indent}${key}: ${yamlScalar(v)}`];
  return [`${indent}${key}:`, ...yamlBlock(v, indent + unit, unit)];
}

function yamlBlock(v: Value[] | { [key: string]: Value }, indent: string, unit: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      if (item instanceof Raw || typeof item !== 'object') return [`${indent}- ${yamlScalar(item)}`];
      const lines = yamlBlock(item, indent + '  ', unit);
      return [`${indent}- ${lines[0]!.trimStart()}`, ...lines.slice(1)];
    });
  }
  return Object.entries(v).flatMap(([k, x]) => yamlEntry(k, x, indent, unit));
}

/** JSON text of a value whose first line continues a line and whose later lines start at `indent`. */
export function jsonValue(v: Value, indent: string, eol: string): string {
  return JSON.stringify(toJson(v), null, 2).replace(/\n/g, eol + indent);
}

/** Adds properties to a CloudFormation resource's `Properties` (YAML or JSON), after the last one. */
export function addCfnProperties(ed: Editor, file: string, r: IacResource, props: [string, Value][]): TextEdit | undefined {
  const json = isJsonFile(file);
  const last = r.props.entries.at(-1);
  if (!last) {
    if (json) return undefined;
    // No Properties yet: add the key under the resource, at the indentation of `Type:`.
    const typeAt = ed.text.indexOf('Type', r.nameEnd);
    if (typeAt === -1) return undefined;
    const indent = ed.indentAt(typeAt);
    const lines = [`${indent}Properties:`, ...props.flatMap(([k, v]) => yamlEntry(k, v, `${indent}  `))];
    return ed.insert(ed.nextLineStart(Math.max(r.end - 1, typeAt)), lines.join(ed.eol) + ed.eol);
  }
  const indent = ed.indentAt(last.keyStart);
  if (json) {
    return ed.insert(last.value.end, props.map(([k, v]) => `,${ed.eol}${indent}${JSON.stringify(k)}: ${jsonValue(v, indent, ed.eol)}`).join(''));
  }
  const lines = props.flatMap(([k, v]) => yamlEntry(k, v, indent));
  return ed.insert(ed.nextLineStart(Math.max(last.value.end - 1, last.value.start)), lines.join(ed.eol) + ed.eol);
}

/** Appends an item to a YAML or JSON list node (a policy's Statement list). */
export function appendListItem(ed: Editor, file: string, list: IacNode, item: { [key: string]: Value }): TextEdit | undefined {
  if (list.t !== 'list') return undefined;
  const last = list.items.at(-1);
  if (!last) return undefined;
  if (isJsonFile(file)) {
    const indent = ed.indentAt(last.start);
    return ed.insert(last.end, `,${ed.eol}${indent}${jsonValue(item, indent, ed.eol)}`);
  }
  const flow = ed.text[list.start] === '[';
  if (flow) return undefined;
  const dashAt = ed.text.lastIndexOf('-', last.start);
  const indent = ed.indentAt(dashAt);
  const lines = Object.entries(item).flatMap(([k, v]) => yamlEntry(k, v, `${indent}  `));
  lines[0] = `${indent}- ${lines[0]!.trimStart()}`;
  return ed.insert(ed.nextLineStart(Math.max(last.end - 1, last.start)), lines.join(ed.eol) + ed.eol);
}

/** Adds lines (already indented relative to the block, without the block's own indentation) before a Terraform block's `}`. */
export function addTfLines(ed: Editor, r: { start: number; end: number }, lines: string[]): TextEdit | undefined {
  const close = ed.text.lastIndexOf('}', r.end - 1);
  if (close < r.start) return undefined;
  const blockIndent = ed.indentAt(r.start);
  const inner = `${blockIndent}  `;
  const ls = ed.lineStart(close);
  const body = lines.map((l) => (l ? `${inner}${l}` : '')).join(ed.eol);
  if (/^\s*$/.test(ed.text.slice(ls, close))) {
    const prev = ed.text.slice(ed.lineStart(Math.max(ls - 1, 0)), Math.max(ls - 1, 0)).trimEnd();
    const blank = prev.endsWith('{') ? '' : ed.eol;
    return ed.insert(ls, `${blank}${body}${ed.eol}`);
  }
  // `resource "x" "y" {}` on one line.
  return ed.insert(close, `${ed.eol}${body}${ed.eol}${blockIndent}`);
}

/** Appends a new top-level Terraform block after a resource. */
export function addTfBlockAfter(ed: Editor, r: { end: number }, block: string): TextEdit {
  return ed.insert(r.end, `${ed.eol}${ed.eol}${block.replace(/\n/g, ed.eol)}`);
}

export function props(r: IacResource, key: string): IacNode | undefined {
  return get(r.props, key);
}
