/**
 * YAML (with CloudFormation short tags such as `!Ref`, `!Sub`, `!GetAtt`) and JSON/JSONC into the IaC value model,
 * keeping exact offsets. CloudFormation intrinsics in either form (`!Sub x` or `{"Fn::Sub": x}`) become one `expr`
 * node shape: `{ t: 'expr', fn: 'Fn::Sub', args: [x] }` (`Ref` and `Condition` keep their short names).
 */
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { IacNode, MapEntry } from './node';

export interface ParsedDocument {
  root: IacNode | undefined;
  errors: { start: number; message: string }[];
}

const INTRINSICS = new Set([
  'Ref', 'Condition', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Fn::FindInMap', 'Fn::Base64',
  'Fn::Cidr', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Transform',
  'Fn::ToJsonString', 'Fn::Length', 'Fn::ForEach',
]);

function tagToFn(tag: string): string {
  const name = tag.replace(/^!/, '');
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `{Ref: X}` / `{"Fn::Sub": …}` maps become intrinsic expr nodes. */
function normaliseIntrinsic(node: IacNode, text: string): IacNode {
  if (node.t !== 'map' || node.entries.length !== 1) return node;
  const e = node.entries[0]!;
  if (!INTRINSICS.has(e.key)) return node;
  return intrinsic(e.key, e.value, node.start, node.end, text);
}

function intrinsic(fn: string, value: IacNode, start: number, end: number, text: string): IacNode {
  let args: IacNode[] = value.t === 'list' ? value.items : [value];
  if (fn === 'Fn::GetAtt' && value.t === 'str') {
    const dot = value.v.indexOf('.');
    args = dot === -1 ? [value] : [{ ...value, v: value.v.slice(0, dot) }, { ...value, v: value.v.slice(dot + 1) }];
  }
  return { t: 'expr', fn, args, text: text.slice(start, end), start, end };
}

// ── YAML ───────────────────────────────────────────────────────────────────────────────────────────────────────

export function parseYaml(text: string): ParsedDocument {
  const doc = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  const errors = doc.errors.map((e) => ({ start: e.pos[0], message: e.message.split('\n')[0] ?? e.message }));
  const root = doc.contents ? yamlNode(doc.contents, text) : undefined;
  return { root, errors };
}

function yamlNode(n: YamlNode, text: string): IacNode {
  const [start, valueEnd] = n.range ?? [0, 0];
  let out: IacNode;
  if (isMap(n)) {
    const entries: MapEntry[] = [];
    for (const p of n.items) {
      if (!isPair(p)) continue;
      const k = p.key as YamlNode | null;
      const key = k && isScalar(k) ? String(k.value) : '';
      const [ks, ke] = k?.range ?? [start, start];
      const v = p.value as YamlNode | null;
      const value: IacNode = v ? yamlNode(v, text) : { t: 'null', start: ke, end: ke };
      entries.push({ key, keyStart: ks, keyEnd: ke, value });
    }
    out = normaliseIntrinsic({ t: 'map', entries, start, end: valueEnd }, text);
  } else if (isSeq(n)) {
    out = { t: 'list', items: n.items.map((i) => yamlNode(i as YamlNode, text)), start, end: valueEnd };
  } else if (isScalar(n)) {
    const v = n.value;
    if (typeof v === 'string') {
      // Quoted scalars: the range includes the quotes; point at the content.
      const quoted = text[start] === '"' || text[start] === "'";
      out = { t: 'str', v, start: quoted ? start + 1 : start, end: quoted ? Math.max(start + 1, valueEnd - 1) : valueEnd };
    } else if (typeof v === 'number') out = { t: 'num', v, start, end: valueEnd };
    else if (typeof v === 'boolean') out = { t: 'bool', v, start, end: valueEnd };
    else if (v === null || v === undefined) out = { t: 'null', start, end: valueEnd };
    else out = { t: 'str', v: text.slice(start, valueEnd), start, end: valueEnd };
  } else {
    out = { t: 'null', start, end: valueEnd };
  }
  const tag = n.tag;
  if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
    // The tag sits before the node's range: widen the span to include it.
    const tagStart = text.lastIndexOf(tag, start);
    // Only whitespace (a line break and indentation for a block value) may sit between the tag and its node.
    const s = tagStart !== -1 && /^\s*$/.test(text.slice(tagStart + tag.length, start)) ? tagStart : start;
    return intrinsic(tagToFn(tag), out, s, valueEnd, text);
  }
  return out;
}

// ── JSON / JSONC ───────────────────────────────────────────────────────────────────────────────────────────────

export function parseJson(text: string): ParsedDocument {
  const errs: ParseError[] = [];
  const tree = parseTree(text, errs, { allowTrailingComma: true, disallowComments: false });
  const errors = errs.map((e) => ({ start: e.offset, message: `JSON syntax error (${e.error})` }));
  return { root: tree ? jsonNode(tree, text) : undefined, errors };
}

function jsonNode(n: JsonNode, text: string): IacNode {
  const start = n.offset;
  const end = n.offset + n.length;
  switch (n.type) {
    case 'object': {
      const entries: MapEntry[] = [];
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        entries.push({
          key: String(k.value),
          keyStart: k.offset + 1,
          keyEnd: k.offset + k.length - 1,
          value: v ? jsonNode(v, text) : { t: 'null', start: k.offset + k.length, end: k.offset + k.length },
        });
      }
      return normaliseIntrinsic({ t: 'map', entries, start, end }, text);
    }
    case 'array':
      return { t: 'list', items: (n.children ?? []).map((c) => jsonNode(c, text)), start, end };
    case 'string':
      return { t: 'str', v: String(n.value), start: start + 1, end: Math.max(start + 1, end - 1) };
    case 'number':
      return { t: 'num', v: Number(n.value), start, end };
    case 'boolean':
      return { t: 'bool', v: Boolean(n.value), start, end };
    default:
      return { t: 'null', start, end };
  }
}

/**
 * Parses JSON embedded in a string node (a heredoc policy, a `"PolicyDocument": "{…}"` string), mapping offsets back
 * into the file. Escaped strings can't map 1:1, so their nodes span the whole host string.
 */
export function parseEmbeddedJson(host: { v: string; start: number; end: number; indented?: boolean }, text: string): ParsedDocument {
  const raw = text.slice(host.start, host.end);
  // An indented heredoc (`<<-EOT`) only loses leading whitespace, which JSON ignores outside strings (and JSON
  // strings cannot span lines): parse the raw text so offsets stay exact.
  const exact = raw === host.v || (host.indented === true && raw.replace(/^[ \t]+/gm, '') === host.v.replace(/^[ \t]+/gm, ''));
  const parsed = parseJson(exact ? raw : host.v);
  if (!parsed.root) return parsed;
  const shift = (node: IacNode): IacNode => {
    const s = exact ? node.start + host.start : host.start;
    const e = exact ? node.end + host.start : host.end;
    switch (node.t) {
      case 'map':
        return { ...node, start: s, end: e, entries: node.entries.map((en) => ({ ...en, keyStart: exact ? en.keyStart + host.start : host.start, keyEnd: exact ? en.keyEnd + host.start : host.end, value: shift(en.value) })) };
      case 'list':
        return { ...node, start: s, end: e, items: node.items.map(shift) };
      case 'expr':
        return { ...node, start: s, end: e, ...(node.args ? { args: node.args.map(shift) } : {}) };
      case 'str':
        // Interpolations such as `${aws_s3_bucket.b.arn}` inside a heredoc survive JSON parsing as text.
        return { ...node, start: s, end: e, ...(/\$\{/.test(node.v) ? { template: true } : {}) };
      default:
        return { ...node, start: s, end: e };
    }
  };
  return { root: shift(parsed.root), errors: parsed.errors.map((er) => ({ start: exact ? er.start + host.start : host.start, message: er.message })) };
}
