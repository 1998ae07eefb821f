/**
 * AWS CDK apps in TypeScript, JavaScript and Python: IAM `PolicyStatement`s (constructor props, `fromJson`) read with
 * tree-sitter grammars into the same IaC value model the other formats use, so the IAM rules judge them unchanged.
 *
 * tree-sitter runs as WebAssembly and must be initialised once, asynchronously, with the wasm bytes the caller loads
 * (the engine does no I/O): the CLI and the extension call `initCdkParsers` at start-up.
 */
import { Language, Parser, type Node as TsNode } from 'web-tree-sitter';
import type { IacNode, MapEntry, MapNode } from './node';

export interface CdkWasm {
  /** web-tree-sitter's own runtime (`web-tree-sitter.wasm`). */
  runtime: Uint8Array;
  typescript: Uint8Array;
  tsx: Uint8Array;
  javascript: Uint8Array;
  python: Uint8Array;
}

type Lang = 'typescript' | 'tsx' | 'javascript' | 'python';

let parsers: Map<Lang, Parser> | undefined;
let initializing: Promise<void> | undefined;

export function cdkParsersReady(): boolean {
  return parsers !== undefined;
}

export function initCdkParsers(load: () => CdkWasm | Promise<CdkWasm>): Promise<void> {
  initializing ??= (async () => {
    const wasm = await load();
    await Parser.init({ wasmBinary: wasm.runtime });
    const map = new Map<Lang, Parser>();
    for (const lang of ['typescript', 'tsx', 'javascript', 'python'] as const) {
      const p = new Parser();
      p.setLanguage(await Language.load(wasm[lang]));
      map.set(lang, p);
    }
    parsers = map;
  })();
  return initializing;
}

export function languageOf(file: string): Lang | undefined {
  if (/\.py$/i.test(file)) return 'python';
  if (/\.tsx$/i.test(file)) return 'tsx';
  if (/\.(ts|mts|cts)$/i.test(file)) return 'typescript';
  if (/\.(js|mjs|cjs|jsx)$/i.test(file)) return 'javascript';
  return undefined;
}

export interface CdkStatement {
  /** The statement in JSON policy shape (Effect/Action/Resource/Principal/Condition/Sid), with source offsets. */
  node: MapNode;
  /** `PolicyStatement (line 12)`. */
  label: string;
}

const PROP_KEYS: Record<string, string> = {
  effect: 'Effect',
  actions: 'Action',
  notActions: 'NotAction',
  not_actions: 'NotAction',
  resources: 'Resource',
  notResources: 'NotResource',
  not_resources: 'NotResource',
  principals: 'Principal',
  notPrincipals: 'NotPrincipal',
  not_principals: 'NotPrincipal',
  conditions: 'Condition',
  sid: 'Sid',
};

/** Extracts the policy statements of a CDK source file; undefined when the parsers are not initialised. */
export function extractCdkStatements(file: string, text: string): CdkStatement[] | undefined {
  const lang = languageOf(file);
  const parser = lang && parsers?.get(lang);
  if (!parser) return undefined;
  const tree = parser.parse(text);
  if (!tree) return [];
  try {
    const reader = lang === 'python' ? new PyReader(text) : new JsReader(text);
    reader.collectConstants(tree.rootNode);
    const out: CdkStatement[] = [];
    const visit = (n: TsNode) => {
      const s = reader.statementAt(n);
      if (s) out.push({ node: s, label: `PolicyStatement (line ${n.startPosition.row + 1})` });
      for (const c of n.namedChildren) if (c) visit(c);
    };
    visit(tree.rootNode);
    return out;
  } finally {
    tree.delete();
  }
}

/** A value that came through a constant, re-anchored at the place it is used (where a finding belongs). */
function at(v: IacNode, use: TsNode): IacNode {
  if (v.t === 'list') return { ...v, start: use.startIndex, end: use.endIndex, items: v.items.map((i) => at(i, use)) };
  return { ...v, start: use.startIndex, end: use.endIndex };
}

/** CDK takes a list of principal objects; IAM JSON has one Principal element: `"*"` or `{AWS: [...], Service: [...]}`. */
function mergePrincipals(v: IacNode): IacNode {
  if (v.t !== 'list') return v;
  const star = v.items.find((i) => i.t === 'str' && i.v === '*');
  if (star) return star;
  const byKey = new Map<string, { first: MapEntry; values: IacNode[] }>();
  for (const item of v.items) {
    if (item.t !== 'map') continue;
    for (const e of item.entries) {
      const g = byKey.get(e.key);
      if (g) g.values.push(e.value);
      else byKey.set(e.key, { first: e, values: [e.value] });
    }
  }
  const entries: MapEntry[] = [...byKey.values()].map(({ first, values }) => ({ ...first, value: values.length === 1 ? values[0]! : { t: 'list', items: values, start: v.start, end: v.end } }));
  return { t: 'map', entries, start: v.start, end: v.end };
}

abstract class Reader {
  protected readonly constants = new Map<string, TsNode>();
  constructor(protected readonly text: string) {}

  abstract collectConstants(root: TsNode): void;
  abstract statementAt(n: TsNode): MapNode | undefined;
  abstract value(n: TsNode, depth?: number): IacNode;

  /** A module-level constant's literal value (string or list), re-anchored at its use; otherwise a reference. */
  protected constant(n: TsNode, depth: number): IacNode {
    const c = this.constants.get(n.text);
    if (!c) return this.expr(n);
    const v = this.value(c, depth + 1);
    return v.t === 'str' || v.t === 'list' ? at(v, n) : this.expr(n);
  }

  protected expr(n: TsNode): IacNode {
    return { t: 'expr', text: n.text, start: n.startIndex, end: n.endIndex };
  }

  /** `iam.Effect.DENY` → "Deny"; principals → their JSON form where it matters (wildcards), else a reference. */
  protected special(n: TsNode, callee: string, args: TsNode[]): IacNode | undefined {
    const name = callee.split('.').pop() ?? '';
    const str = (v: string): IacNode => ({ t: 'str', v, start: n.startIndex, end: n.endIndex });
    const wrap = (key: string, value: IacNode): IacNode => ({ t: 'map', entries: [{ key, keyStart: n.startIndex, keyEnd: n.endIndex, value }], start: n.startIndex, end: n.endIndex });
    switch (name) {
      case 'AnyPrincipal':
      case 'StarPrincipal':
        return str('*');
      case 'ArnPrincipal':
      case 'AccountPrincipal':
        return args[0] ? wrap('AWS', this.value(args[0])) : undefined;
      case 'ServicePrincipal':
        return args[0] ? wrap('Service', this.value(args[0])) : undefined;
      case 'FederatedPrincipal':
      case 'WebIdentityPrincipal':
        return args[0] ? wrap('Federated', this.value(args[0])) : undefined;
      default:
        return undefined;
    }
  }

  protected effect(n: TsNode): IacNode | undefined {
    const m = /\bEffect\.(ALLOW|DENY)$/.exec(n.text);
    return m ? { t: 'str', v: m[1] === 'DENY' ? 'Deny' : 'Allow', start: n.startIndex, end: n.endIndex } : undefined;
  }

  /** `PolicyStatement.fromJson({...})` / `from_json({...})`: the argument is already in JSON policy shape. */
  protected fromJson(call: TsNode, arg: TsNode | null | undefined): MapNode | undefined {
    const v = arg ? this.value(arg) : undefined;
    return v?.t === 'map' ? this.toStatement(v.entries, call.startIndex, call.endIndex, true) : undefined;
  }

  protected toStatement(entries: MapEntry[], start: number, end: number, jsonShaped: boolean): MapNode {
    const out: MapEntry[] = [];
    for (const e of entries) {
      const key = jsonShaped ? e.key : PROP_KEYS[e.key];
      if (!key) continue;
      const value = !jsonShaped && (key === 'Principal' || key === 'NotPrincipal') ? mergePrincipals(e.value) : e.value;
      out.push({ ...e, key, value });
    }
    return { t: 'map', entries: out, start, end };
  }
}

class JsReader extends Reader {
  collectConstants(root: TsNode): void {
    for (const decl of root.descendantsOfType('variable_declarator')) {
      const name = decl?.childForFieldName('name');
      const value = decl?.childForFieldName('value');
      if (name?.type === 'identifier' && value && decl?.parent?.text.startsWith('const')) this.constants.set(name.text, value);
    }
  }

  statementAt(n: TsNode): MapNode | undefined {
    if (n.type === 'new_expression') {
      const ctor = n.childForFieldName('constructor')?.text ?? '';
      if (!/(^|\.)PolicyStatement$/.test(ctor)) return undefined;
      const props = n.childForFieldName('arguments')?.namedChildren[0];
      const v = props ? this.value(props) : undefined;
      return v?.t === 'map' ? this.toStatement(v.entries, n.startIndex, n.endIndex, false) : { t: 'map', entries: [], start: n.startIndex, end: n.endIndex };
    }
    if (n.type === 'call_expression' && /(^|\.)PolicyStatement\.fromJson$/.test(n.childForFieldName('function')?.text ?? '')) {
      return this.fromJson(n, n.childForFieldName('arguments')?.namedChildren[0]);
    }
    return undefined;
  }

  value(n: TsNode, depth = 0): IacNode {
    if (depth > 8) return this.expr(n);
    switch (n.type) {
      case 'string': {
        const frag = n.text.slice(1, -1);
        return { t: 'str', v: frag, start: n.startIndex + 1, end: n.endIndex - 1 };
      }
      case 'template_string': {
        const hasSub = n.namedChildren.some((c) => c?.type === 'template_substitution');
        return { t: 'str', v: n.text.slice(1, -1), start: n.startIndex + 1, end: n.endIndex - 1, ...(hasSub ? { template: true } : {}) };
      }
      case 'number':
        return { t: 'num', v: Number(n.text), start: n.startIndex, end: n.endIndex };
      case 'true':
      case 'false':
        return { t: 'bool', v: n.type === 'true', start: n.startIndex, end: n.endIndex };
      case 'null':
      case 'undefined':
        return { t: 'null', start: n.startIndex, end: n.endIndex };
      case 'array':
        return { t: 'list', items: n.namedChildren.filter((c): c is TsNode => c !== null && c.type !== 'comment').map((c) => this.value(c, depth + 1)), start: n.startIndex, end: n.endIndex };
      case 'object': {
        const entries: MapEntry[] = [];
        for (const pair of n.namedChildren) {
          if (pair?.type !== 'pair') continue;
          const k = pair.childForFieldName('key');
          const v = pair.childForFieldName('value');
          if (!k || !v) continue;
          const quoted = k.type === 'string';
          entries.push({ key: quoted ? k.text.slice(1, -1) : k.text, keyStart: k.startIndex + (quoted ? 1 : 0), keyEnd: k.endIndex - (quoted ? 1 : 0), value: this.value(v, depth + 1) });
        }
        return { t: 'map', entries, start: n.startIndex, end: n.endIndex };
      }
      case 'member_expression':
        return this.effect(n) ?? this.expr(n);
      case 'identifier':
        return this.constant(n, depth);
      case 'new_expression': {
        const callee = n.childForFieldName('constructor')?.text ?? '';
        const args = n.childForFieldName('arguments')?.namedChildren.filter((c): c is TsNode => c !== null) ?? [];
        return this.special(n, callee, args) ?? this.expr(n);
      }
      case 'as_expression':
      case 'satisfies_expression':
      case 'parenthesized_expression':
        return n.namedChildren[0] ? this.value(n.namedChildren[0], depth + 1) : this.expr(n);
      default:
        return this.expr(n);
    }
  }
}

class PyReader extends Reader {
  collectConstants(root: TsNode): void {
    for (const a of root.descendantsOfType('assignment')) {
      const left = a?.childForFieldName('left');
      const right = a?.childForFieldName('right');
      if (left?.type === 'identifier' && right && a?.parent?.parent?.type === 'module') this.constants.set(left.text, right);
    }
  }

  statementAt(n: TsNode): MapNode | undefined {
    if (n.type !== 'call') return undefined;
    const fn = n.childForFieldName('function')?.text ?? '';
    const args = n.childForFieldName('arguments');
    if (/(^|\.)PolicyStatement$/.test(fn)) {
      const entries: MapEntry[] = [];
      for (const kw of args?.namedChildren ?? []) {
        if (kw?.type !== 'keyword_argument') continue;
        const k = kw.childForFieldName('name');
        const v = kw.childForFieldName('value');
        if (k && v) entries.push({ key: k.text, keyStart: k.startIndex, keyEnd: k.endIndex, value: this.value(v) });
      }
      return this.toStatement(entries, n.startIndex, n.endIndex, false);
    }
    if (/(^|\.)PolicyStatement\.from_json$/.test(fn)) {
      return this.fromJson(n, args?.namedChildren[0]);
    }
    return undefined;
  }

  value(n: TsNode, depth = 0): IacNode {
    if (depth > 8) return this.expr(n);
    switch (n.type) {
      case 'string': {
        const content = n.namedChildren.filter((c): c is TsNode => c?.type === 'string_content');
        const interpolated = n.namedChildren.some((c) => c?.type === 'interpolation');
        const start = content[0]?.startIndex ?? n.startIndex;
        const end = content.at(-1)?.endIndex ?? n.endIndex;
        const v = content.map((c) => c.text).join('');
        return { t: 'str', v: interpolated ? n.text : v, start, end, ...(interpolated ? { template: true } : {}) };
      }
      case 'integer':
      case 'float':
        return { t: 'num', v: Number(n.text), start: n.startIndex, end: n.endIndex };
      case 'true':
      case 'false':
        return { t: 'bool', v: n.type === 'true', start: n.startIndex, end: n.endIndex };
      case 'none':
        return { t: 'null', start: n.startIndex, end: n.endIndex };
      case 'list':
      case 'tuple':
        return { t: 'list', items: n.namedChildren.filter((c): c is TsNode => c !== null && c.type !== 'comment').map((c) => this.value(c, depth + 1)), start: n.startIndex, end: n.endIndex };
      case 'dictionary': {
        const entries: MapEntry[] = [];
        for (const pair of n.namedChildren) {
          if (pair?.type !== 'pair') continue;
          const k = pair.childForFieldName('key');
          const v = pair.childForFieldName('value');
          if (!k || !v) continue;
          const kv = this.value(k, depth + 1);
          entries.push({ key: kv.t === 'str' ? kv.v : k.text, keyStart: kv.start, keyEnd: kv.end, value: this.value(v, depth + 1) });
        }
        return { t: 'map', entries, start: n.startIndex, end: n.endIndex };
      }
      case 'attribute':
        return this.effect(n) ?? this.expr(n);
      case 'identifier':
        return this.constant(n, depth);
      case 'call': {
        const callee = n.childForFieldName('function')?.text ?? '';
        const args = n.childForFieldName('arguments')?.namedChildren.filter((c): c is TsNode => c !== null && c.type !== 'keyword_argument') ?? [];
        return this.special(n, callee, args) ?? this.expr(n);
      }
      case 'parenthesized_expression':
        return n.namedChildren[0] ? this.value(n.namedChildren[0], depth + 1) : this.expr(n);
      default:
        return this.expr(n);
    }
  }
}
