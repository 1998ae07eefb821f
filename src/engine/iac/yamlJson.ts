/**
 * YAML (with CloudFormation short tags such as `!Ref`, `!Sub`, `!GetAtt`) and JSON/JSONC into the IaC value model,
 * keeping exact offsets. CloudFormation intrinsics in either form (`!Sub x` or `{"Fn::Sub": x}`) become one `expr`
 * node shape: `{ t: 'expr', fn: 'Fn::Sub', args: [x] }` (`Ref` and `Condition` keep their short names).
 */
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { CST } from 'yaml';
import { fastParseJson } from './jsonFast';
import { CORE_BOOL, CORE_FLOAT, CORE_INT, CORE_NULL, intrinsic, normaliseIntrinsic, tagToFn } from './cfnValues';
import type { IacNode, MapEntry } from './node';
import { yamlLib } from './yamlLib';
import { fastParseYaml } from './yamlFast';

export interface ParsedDocument {
  root: IacNode | undefined;
  errors: { start: number; message: string }[];
}

// ── YAML ───────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Parses YAML straight from the `yaml` package's concrete syntax tree (its lexer and parser, without composing a
 * Document — composing costs several times the parse), keeping exact offsets and CloudFormation tags.
 */
export function parseYaml(text: string): ParsedDocument {
  // Templates of the common subset are read by a single-pass reader that builds the very same result.
  const fast = fastParseYaml(text);
  if (fast) return fast;
  return parseYamlWithPackage(text);
}

/** parseYaml with the `yaml` package alone (the fallback of the fast reader, and its reference in tests). */
export function parseYamlWithPackage(text: string): ParsedDocument {
  const errors: { start: number; message: string }[] = [];
  let root: IacNode | undefined;
  try {
    for (const token of new (yamlLib().Parser)().parse(text)) {
      if (token.type === 'document') {
        if (root === undefined && token.value) root = cstNode(token.value, [...token.start], text, errors, 0);
      } else if (token.type === 'error') {
        errors.push({ start: token.offset, message: token.message });
      }
    }
  } catch (e) {
    // The yaml package recurses on nesting: hostile input can exhaust the stack. Report it, keep nothing half-read.
    if (!(e instanceof RangeError)) throw e;
    return { root: undefined, errors: [{ start: 0, message: 'YAML nested too deeply to read' }] };
  }
  return { root, errors };
}

type CstToken = CST.Token;
type CstSource = CST.SourceToken;

/** The tag (`!Ref`) among the tokens written before a value, with its offset. */
function tagOf(props: readonly CstSource[] | undefined): CstSource | undefined {
  return props?.find((t) => t.type === 'tag');
}

function cstNode(tok: CstToken, props: readonly CstSource[], text: string, errors: { start: number; message: string }[], depth: number): IacNode {
  if (depth > 200) {
    errors.push({ start: tok.offset, message: 'nesting too deep: kept as text' });
    return { t: 'expr', text: '', start: tok.offset, end: tok.offset };
  }
  let out: IacNode;
  switch (tok.type) {
    case 'block-map':
    case 'flow-collection': {
      const isSeq = tok.type === 'flow-collection' && tok.start.source === '[';
      const items = tok.items;
      const start = tok.offset;
      const end = tok.type === 'flow-collection' ? (tok.end[tok.end.length - 1]?.offset ?? start) + 1 : endOf(tok, text);
      if (isSeq) {
        out = { t: 'list', items: items.filter((i) => i.value || i.key).map((i) => (i.value ? cstNode(i.value, [...i.start, ...(i.sep ?? [])], text, errors, depth + 1) : cstNode(i.key!, i.start, text, errors, depth + 1))), start, end };
        break;
      }
      const entries: MapEntry[] = [];
      for (const item of items) {
        // Comment lines left at the end of a block map are an item of their own, with no key, separator or value.
        if (!item.key && !item.value && !item.sep?.length && onlyTrivia(item.start)) continue;
        const k = item.key;
        const key = k && 'source' in k && yamlLib().CST.isScalar(k) ? scalarValue(k, errors) : '';
        const keyStart = k ? k.offset + (k.type === 'double-quoted-scalar' || k.type === 'single-quoted-scalar' ? 1 : 0) : start;
        const keyEnd = k && yamlLib().CST.isScalar(k) ? k.offset + k.source.length - (k.type === 'double-quoted-scalar' || k.type === 'single-quoted-scalar' ? 1 : 0) : keyStart;
        const sep = item.sep ?? [];
        const value: IacNode = item.value ? cstNode(item.value, sep, text, errors, depth + 1) : nullOrTagged(sep, keyEnd, text);
        entries.push({ key, keyStart, keyEnd, value });
      }
      out = { t: 'map', entries, start, end };
      out = normaliseIntrinsic(out, text);
      break;
    }
    case 'block-seq': {
      // Comment lines at the end of a block sequence are an item without a `-`: not an entry.
      const seqItems = tok.items.filter((i) => i.value || !onlyTrivia(i.start));
      out = { t: 'list', items: seqItems.map((i) => (i.value ? cstNode(i.value, i.start, text, errors, depth + 1) : nullOrTagged(i.start, tok.offset, text))), start: tok.offset, end: endOf(tok, text) };
      break;
    }
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar': {
      const v = scalarValue(tok, errors);
      const quoted = tok.type !== 'scalar' && tok.type !== 'block-scalar';
      const start = tok.offset + (quoted ? 1 : 0);
      const end = tok.offset + tok.source.length - (quoted ? 1 : 0);
      if (tok.type === 'block-scalar') {
        // The content starts after the header line (`|`, `>-` …).
        const body = text.indexOf('\n', tok.offset);
        out = { t: 'str', v, start: body === -1 ? tok.offset : body + 1, end: endOf(tok, text) };
      } else if (quoted || tagOf(props)) {
        out = { t: 'str', v, start, end };
      } else if (CORE_NULL.test(v)) out = { t: 'null', start, end };
      else if (CORE_BOOL.test(v)) out = { t: 'bool', v: v.toLowerCase() === 'true', start, end };
      else if (CORE_INT.test(v) || CORE_FLOAT.test(v)) out = { t: 'num', v: Number(v), start, end };
      else out = { t: 'str', v, start, end };
      break;
    }
    case 'alias':
      out = { t: 'expr', text: tok.source, start: tok.offset, end: tok.offset + tok.source.length };
      break;
    default:
      out = { t: 'null', start: tok.offset, end: tok.offset };
  }
  const blockProps = tok.type === 'block-scalar' ? tok.props : [];
  const tag = tagOf(props) ?? tagOf(blockProps as CstSource[]);
  if (tag && !tag.source.startsWith('!!')) return intrinsic(tagToFn(tag.source), out, tag.offset, out.end, text);
  return out;
}

/** Tokens that are only spaces, comments and line breaks. */
function onlyTrivia(tokens: readonly CstSource[]): boolean {
  return tokens.every((t) => t.type === 'space' || t.type === 'comment' || t.type === 'newline');
}

/** `key: !Ref` with nothing after the tag, or an empty value. */
function nullOrTagged(props: readonly CstSource[], at: number, text: string): IacNode {
  const tag = tagOf(props);
  const empty: IacNode = { t: 'null', start: at, end: at };
  return tag && !tag.source.startsWith('!!') ? intrinsic(tagToFn(tag.source), { t: 'str', v: '', start: tag.offset + tag.source.length, end: tag.offset + tag.source.length }, tag.offset, tag.offset + tag.source.length, text) : empty;
}

function scalarValue(tok: CST.FlowScalar | CST.BlockScalar, errors: { start: number; message: string }[]): string {
  const r = yamlLib().CST.resolveAsScalar(tok, false, (offset, _code, message) => errors.push({ start: offset, message }));
  return r?.value ?? '';
}

/** End of a block collection: its last item's value (trailing comments and blank lines excluded). */
function endOf(tok: CstToken, text: string): number {
  let end = tok.offset;
  const visit = (t: CstToken | undefined | null) => {
    if (!t) return;
    if (yamlLib().CST.isScalar(t)) end = Math.max(end, t.offset + t.source.length);
    else if (t.type === 'block-map' || t.type === 'block-seq') for (const i of t.items) visit(i.value ?? ('key' in i ? i.key : undefined));
    else if (t.type === 'flow-collection') end = Math.max(end, (t.end[t.end.length - 1]?.offset ?? t.offset) + 1);
  };
  visit(tok);
  // Trim trailing whitespace of block scalars.
  while (end > tok.offset && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

// ── JSON / JSONC ───────────────────────────────────────────────────────────────────────────────────────────────

export function parseJson(text: string): ParsedDocument {
  const fast = fastParseJson(text);
  if (fast) return { root: fast.root, errors: fast.trailing === undefined ? [] : [{ start: fast.trailing, message: 'JSON syntax error (content after the end of the document)' }] };
  return parseJsonTolerant(text);
}

/** The tolerant path (`jsonc-parser`): any input, errors and all. Exported for the fast path's differential test. */
export function parseJsonTolerant(text: string): ParsedDocument {
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
