/**
 * An error-tolerant HCL (Terraform) parser that produces the IaC value model with exact offsets.
 *
 * It understands what the rules need — blocks, attributes, literals, strings and templates, heredocs, tuples, objects,
 * references and function calls — and keeps any other expression (operators, conditionals, `for`, splats) as an
 * `expr` node holding its source text. A syntax error skips to the next line and parsing continues, so a half-typed
 * file still yields every block that can be read. Synchronous and allocation-light: a 2,000-line file parses in a
 * few milliseconds, which is what lets the editor rescan on every keystroke.
 */
import type { ExprNode, IacNode, ListNode, MapEntry, MapNode } from './node';
import { commonEnds } from '../text';

export interface HclAttribute {
  name: string;
  nameStart: number;
  nameEnd: number;
  value: IacNode;
  start: number;
  end: number;
}

export interface HclBlock {
  type: string;
  labels: { value: string; start: number; end: number }[];
  attributes: HclAttribute[];
  blocks: HclBlock[];
  start: number;
  end: number;
  /** Offset just before the closing brace (where new attributes can be inserted). */
  bodyEnd: number;
}

export interface HclFile {
  attributes: HclAttribute[];
  blocks: HclBlock[];
  errors: { start: number; message: string }[];
}

/** Character codes the parser compares against. */
const C = {
  LF: 10,
  CR: 13,
  SPACE: 32,
  TAB: 9,
  HASH: 35,
  SLASH: 47,
  STAR: 42,
  QUOTE: 34,
  BACKSLASH: 92,
  DOLLAR: 36,
  PERCENT: 37,
  LBRACE: 123,
  RBRACE: 125,
  LBRACKET: 91,
  RBRACKET: 93,
  LPAREN: 40,
  RPAREN: 41,
  COMMA: 44,
  EQ: 61,
  COLON: 58,
  DOT: 46,
  LT: 60,
  MINUS: 45,
} as const;

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57) || c === C.MINUS;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Deeper brackets than this are kept as text (skipped iteratively), so hostile input cannot exhaust the stack. */
const MAX_NESTING = 200;

/** Where the top-level loop started an item: enough to resume there, or to reuse what follows. */
interface Checkpoint {
  pos: number;
  attributes: number;
  blocks: number;
  errors: number;
}

/** The top level of a file being parsed: its checkpoints, and a hook that may finish the parse from a checkpoint. */
interface TopLevel {
  checkpoints: Checkpoint[];
  resync?: (pos: number, attributes: HclAttribute[], blocks: HclBlock[]) => boolean;
}

class HclParser {
  private pos = 0;
  private depth = 0;
  readonly errors: { start: number; message: string }[] = [];

  constructor(private readonly src: string) {}

  parseFile(): HclFile {
    const { attributes, blocks } = this.parseBody(false);
    return { attributes, blocks, errors: this.errors };
  }

  /** A full parse that records the top level's checkpoints (for a later incremental parse). */
  parseTracked(): { file: HclFile; checkpoints: Checkpoint[] } {
    const top: TopLevel = { checkpoints: [] };
    const { attributes, blocks } = this.parseBody(false, top);
    return { file: { attributes, blocks, errors: this.errors }, checkpoints: top.checkpoints };
  }

  /**
   * Parses `this.src`, an edit of `prev.text`: top-level items wholly before the first changed character are reused
   * as they are; parsing resumes at the last checkpoint before the change; once it reaches, at top level, a
   * checkpoint of the old parse inside the unchanged tail, the rest of the old parse is reused, its offsets moved by
   * the change in length. The result equals a fresh parse (tested on random edits).
   */
  parseIncremental(prev: CachedParse): { file: HclFile; checkpoints: Checkpoint[] } {
    const oldText = prev.text;
    const newText = this.src;
    const [prefix, suffix] = commonEnds(oldText, newText);
    if (prefix === oldText.length && prefix === newText.length) return { file: prev.file, checkpoints: prev.checkpoints };
    const delta = newText.length - oldText.length;
    const old = prev.checkpoints;
    // The last checkpoint before the first change (the character at a checkpoint may have been looked at).
    let k = -1;
    for (let i = 0; i < old.length && old[i]!.pos < prefix; i++) k = i;
    const from = k >= 0 ? old[k]! : { pos: 0, attributes: 0, blocks: 0, errors: 0 };
    const oldIndex = new Map<number, number>();
    for (let i = k + 1; i < old.length; i++) if (old[i]!.pos >= oldText.length - suffix) oldIndex.set(old[i]!.pos, i);
    const top: TopLevel = {
      checkpoints: old.slice(0, Math.max(0, k)),
      resync: (pos, attributes, blocks) => {
        if (pos < newText.length - suffix) return false;
        const j = oldIndex.get(pos - delta);
        if (j === undefined) return false;
        const cp = old[j]!;
        for (let i = cp.attributes; i < prev.file.attributes.length; i++) attributes.push(shiftAttribute(prev.file.attributes[i]!, delta));
        for (let i = cp.blocks; i < prev.file.blocks.length; i++) blocks.push(shiftBlock(prev.file.blocks[i]!, delta));
        for (let i = cp.errors; i < prev.file.errors.length; i++) {
          const e = prev.file.errors[i]!;
          this.errors.push({ start: e.start + delta, message: e.message });
        }
        const base = { attributes: attributes.length - prev.file.attributes.length, blocks: blocks.length - prev.file.blocks.length, errors: this.errors.length - prev.file.errors.length };
        for (let i = j + 1; i < old.length; i++) {
          const c = old[i]!;
          top.checkpoints.push({ pos: c.pos + delta, attributes: c.attributes + base.attributes, blocks: c.blocks + base.blocks, errors: c.errors + base.errors });
        }
        return true;
      },
    };
    this.pos = from.pos;
    for (let i = 0; i < from.errors; i++) this.errors.push(prev.file.errors[i]!);
    const { attributes, blocks } = this.parseBody(false, top, prev.file.attributes.slice(0, from.attributes), prev.file.blocks.slice(0, from.blocks));
    return { file: { attributes, blocks, errors: this.errors }, checkpoints: top.checkpoints };
  }

  // ── trivia ────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Skips spaces and comments; with `newlines`, line breaks too. */
  private skip(newlines: boolean): void {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === C.SPACE || c === C.TAB || c === C.CR || (newlines && c === C.LF)) {
        this.pos++;
      } else if (c === C.HASH || (c === C.SLASH && s.charCodeAt(this.pos + 1) === C.SLASH)) {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl === -1 ? s.length : nl;
      } else if (c === C.SLASH && s.charCodeAt(this.pos + 1) === C.STAR) {
        const close = s.indexOf('*/', this.pos + 2);
        this.pos = close === -1 ? s.length : close + 2;
      } else {
        return;
      }
    }
  }

  private ident(): { value: string; start: number; end: number } | undefined {
    const start = this.pos;
    if (!isIdStart(this.src.charCodeAt(start))) return undefined;
    let p = start + 1;
    while (p < this.src.length && isIdPart(this.src.charCodeAt(p))) p++;
    this.pos = p;
    return { value: this.src.slice(start, p), start, end: p };
  }

  /** Skips to the start of the next line (error recovery). */
  private skipLine(): void {
    const nl = this.src.indexOf('\n', this.pos);
    this.pos = nl === -1 ? this.src.length : nl + 1;
  }

  // ── bodies and blocks ─────────────────────────────────────────────────────────────────────────────────────────

  private parseBody(inBlock: boolean, top?: TopLevel, attributes: HclAttribute[] = [], blocks: HclBlock[] = []): { attributes: HclAttribute[]; blocks: HclBlock[]; closed: boolean } {
    const s = this.src;
    for (;;) {
      if (top) {
        if (top.resync?.(this.pos, attributes, blocks)) return { attributes, blocks, closed: false };
        top.checkpoints.push({ pos: this.pos, attributes: attributes.length, blocks: blocks.length, errors: this.errors.length });
      }
      this.skip(true);
      if (this.pos >= s.length) return { attributes, blocks, closed: false };
      const c = s.charCodeAt(this.pos);
      if (c === C.RBRACE) {
        if (inBlock) {
          this.pos++;
          return { attributes, blocks, closed: true };
        }
        this.errors.push({ start: this.pos, message: 'unexpected "}"' });
        this.pos++;
        continue;
      }
      const lineStart = this.pos;
      const name = this.ident();
      if (!name) {
        this.errors.push({ start: this.pos, message: 'expected an attribute or a block' });
        this.skipLine();
        continue;
      }
      this.skip(false);
      const next = s.charCodeAt(this.pos);
      if (next === C.EQ && s.charCodeAt(this.pos + 1) !== C.EQ) {
        this.pos++;
        this.skip(false);
        const value = this.parseExpression(true);
        attributes.push({ name: name.value, nameStart: name.start, nameEnd: name.end, value, start: lineStart, end: value.end });
        this.skip(false);
        if (this.pos < s.length && s.charCodeAt(this.pos) !== C.LF && s.charCodeAt(this.pos) !== C.RBRACE) {
          this.errors.push({ start: this.pos, message: 'unexpected text after an attribute value' });
          this.skipLine();
        }
        continue;
      }
      // A block: labels (quoted strings or identifiers), then `{`.
      const labels: HclBlock['labels'] = [];
      let ok = true;
      for (;;) {
        this.skip(false);
        const lc = s.charCodeAt(this.pos);
        if (lc === C.QUOTE) {
          const lit = this.parseQuoted();
          labels.push(lit.t === 'str' ? { value: lit.v, start: lit.start, end: lit.end } : { value: s.slice(lit.start + 1, lit.end - 1), start: lit.start + 1, end: Math.max(lit.start + 1, lit.end - 1) });
        } else if (isIdStart(lc)) {
          const id = this.ident()!;
          labels.push(id);
        } else if (lc === C.LBRACE) {
          break;
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) {
        this.errors.push({ start: this.pos, message: `expected "{" or "=" after "${name.value}"` });
        this.skipLine();
        continue;
      }
      this.pos++; // {
      if (this.depth >= MAX_NESTING) {
        this.errors.push({ start: lineStart, message: 'blocks nested too deep: skipped' });
        this.skipBalanced(lineStart, C.LBRACE, C.RBRACE);
        continue;
      }
      const body = this.nested(() => this.parseBody(true));
      const bodyEnd = body.closed ? this.pos - 1 : this.pos;
      if (!body.closed) this.errors.push({ start: lineStart, message: `block "${name.value}" is not closed` });
      blocks.push({ type: name.value, labels, attributes: body.attributes, blocks: body.blocks, start: lineStart, end: this.pos, bodyEnd });
      if (!body.closed && inBlock) return { attributes, blocks, closed: false };
    }
  }

  // ── expressions ───────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Parses one expression. Where `newlineEnds` (attribute and object values), a line break ends it; inside tuples,
   * calls and parentheses it does not. A lone primary becomes its node; anything with operators becomes an `expr`
   * over the whole text.
   */
  private parseExpression(newlineEnds: boolean): IacNode {
    const start = this.pos;
    const first = this.parsePostfix(!newlineEnds);
    this.skip(!newlineEnds);
    if (this.atExpressionEnd(newlineEnds)) return first;
    // Operators, conditionals: consume to the end of the expression, keeping the text.
    this.consumeRest(newlineEnds);
    const end = this.trimEnd(this.pos);
    return { t: 'expr', text: this.src.slice(start, end), start, end };
  }

  private trimEnd(p: number): number {
    let e = p;
    while (e > 0 && /\s/.test(this.src[e - 1] ?? '')) e--;
    return e;
  }

  private atExpressionEnd(newlineEnds: boolean): boolean {
    if (this.pos >= this.src.length) return true;
    const c = this.src.charCodeAt(this.pos);
    if (c === C.COMMA || c === C.RBRACKET || c === C.RPAREN || c === C.RBRACE) return true;
    if (newlineEnds && c === C.LF) return true;
    if (c === C.EQ && this.src.charCodeAt(this.pos + 1) !== C.EQ) return true; // object key = value
    if (c === C.COLON) return true; // object key : value (a conditional's colon is handled in consumeRest)
    if (c === C.EQ && this.src.charCodeAt(this.pos + 1) === 62) return true; // `=>` in for-expressions
    return false;
  }

  /** Consumes operator chains until the expression ends, balancing brackets and skipping strings. */
  private consumeRest(newlineEnds: boolean): void {
    const s = this.src;
    let questionDepth = 0;
    while (this.pos < s.length) {
      this.skip(!newlineEnds);
      const c = s.charCodeAt(this.pos);
      if (c === C.COMMA || c === C.RBRACKET || c === C.RPAREN || c === C.RBRACE) return;
      if (newlineEnds && c === C.LF) return;
      if (c === C.EQ && s.charCodeAt(this.pos + 1) !== C.EQ && s.charCodeAt(this.pos - 1) !== 33 && s.charCodeAt(this.pos - 1) !== C.LT && s.charCodeAt(this.pos - 1) !== 62) {
        return; // an object's `key =` or a for-expression's `=>`
      }
      if (c === 63) questionDepth++; // ?
      if (c === C.COLON) {
        if (questionDepth === 0) return;
        questionDepth--;
        this.pos++;
        continue;
      }
      if (c === C.QUOTE || c === C.LBRACKET || c === C.LBRACE || c === C.LPAREN || isIdStart(c) || isDigit(c) || (c === C.LT && s.charCodeAt(this.pos + 1) === C.LT)) {
        this.parsePostfix(!newlineEnds);
      } else {
        this.pos++;
      }
    }
  }

  private parsePostfix(nested: boolean): IacNode {
    const start = this.pos;
    let node = this.parsePrimary(nested);
    const s = this.src;
    const ref = node.t === 'expr' && node.ref ? [...node.ref] : undefined;
    let changed = false;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === C.DOT) {
        this.pos++;
        if (s.charCodeAt(this.pos) === C.STAR) {
          this.pos++;
          changed = true;
          ref?.push('*');
          continue;
        }
        const id = this.ident();
        if (id) {
          ref?.push(id.value);
          changed = true;
          continue;
        }
        const num = /^\d+/.exec(s.slice(this.pos, this.pos + 12));
        if (num) {
          this.pos += num[0].length;
          ref?.push(num[0]);
          changed = true;
          continue;
        }
        break;
      }
      if (c === C.LBRACKET) {
        const idxStart = this.pos;
        this.pos++;
        this.skip(true);
        const idx = s.charCodeAt(this.pos) === C.STAR ? ((this.pos++, { t: 'str', v: '*', start: this.pos - 1, end: this.pos }) as IacNode) : this.parseExpression(false);
        this.skip(true);
        if (s.charCodeAt(this.pos) === C.RBRACKET) this.pos++;
        else this.errors.push({ start: idxStart, message: 'unclosed "["' });
        ref?.push(idx.t === 'str' || idx.t === 'num' ? String(idx.v) : '?');
        changed = true;
        continue;
      }
      break;
    }
    if (!changed) return node;
    const text = s.slice(start, this.pos);
    node = { t: 'expr', text, start, end: this.pos, ...(ref ? { ref } : {}) };
    return node;
  }

  private parsePrimary(nested: boolean): IacNode {
    const s = this.src;
    const start = this.pos;
    const c = s.charCodeAt(this.pos);
    if (c === C.QUOTE) return this.parseQuoted();
    if (c === C.LT && s.charCodeAt(this.pos + 1) === C.LT) return this.parseHeredoc();
    if ((c === C.LBRACKET || c === C.LBRACE || c === C.LPAREN) && this.depth >= MAX_NESTING) {
      this.errors.push({ start, message: 'nesting too deep: kept as text' });
      this.pos++;
      return c === C.LBRACKET ? this.skipBalanced(start, C.LBRACKET, C.RBRACKET) : c === C.LBRACE ? this.skipBalanced(start, C.LBRACE, C.RBRACE) : this.skipBalanced(start, C.LPAREN, C.RPAREN);
    }
    if (c === C.LBRACKET) return this.nested(() => this.parseTuple());
    if (c === C.LBRACE) return this.nested(() => this.parseObject());
    if (c === C.LPAREN) {
      this.pos++;
      this.skip(true);
      const inner = this.parseExpression(false);
      this.skip(true);
      if (s.charCodeAt(this.pos) === C.RPAREN) this.pos++;
      return inner.t === 'expr' ? { ...inner, start, end: this.pos, text: s.slice(start, this.pos) } : inner;
    }
    if (isDigit(c) || (c === C.MINUS && isDigit(s.charCodeAt(this.pos + 1)))) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(this.pos, this.pos + 40));
      const text = m ? m[0] : s[this.pos] ?? '';
      this.pos += Math.max(1, text.length);
      return { t: 'num', v: Number(text), start, end: this.pos };
    }
    const id = this.ident();
    if (id) {
      if (id.value === 'true' || id.value === 'false') return { t: 'bool', v: id.value === 'true', start, end: id.end };
      if (id.value === 'null') return { t: 'null', start, end: id.end };
      if (s.charCodeAt(this.pos) === C.LPAREN) return this.parseCall(id.value, start);
      return { t: 'expr', text: id.value, start, end: id.end, ref: [id.value] };
    }
    // Unknown token (an operator such as `!` or `-`): let the caller's operator handling consume it.
    if (!nested && (c === C.LF || this.pos >= s.length)) {
      this.errors.push({ start, message: 'expected a value' });
      return { t: 'expr', text: '', start, end: start };
    }
    this.pos++;
    return { t: 'expr', text: s.slice(start, this.pos), start, end: this.pos };
  }

  private nested<T>(parse: () => T): T {
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private parseCall(name: string, start: number): ExprNode {
    const s = this.src;
    this.pos++; // (
    const args: IacNode[] = [];
    for (;;) {
      this.skip(true);
      if (this.pos >= s.length) {
        this.errors.push({ start, message: `unclosed call to ${name}()` });
        break;
      }
      if (s.charCodeAt(this.pos) === C.RPAREN) {
        this.pos++;
        break;
      }
      const before = this.pos;
      args.push(this.parseExpression(false));
      this.skip(true);
      if (s.startsWith('...', this.pos)) this.pos += 3;
      if (s.charCodeAt(this.pos) === C.COMMA) this.pos++;
      else if (s.charCodeAt(this.pos) !== C.RPAREN && this.pos === before) this.pos++;
    }
    return { t: 'expr', text: s.slice(start, this.pos), start, end: this.pos, fn: name, args };
  }

  private parseTuple(): IacNode {
    const s = this.src;
    const start = this.pos;
    this.pos++; // [
    this.skip(true);
    if (s.startsWith('for', this.pos) && !isIdPart(s.charCodeAt(this.pos + 3))) return this.skipBalanced(start, C.LBRACKET, C.RBRACKET);
    const items: IacNode[] = [];
    for (;;) {
      this.skip(true);
      if (this.pos >= s.length) {
        this.errors.push({ start, message: 'unclosed "["' });
        break;
      }
      if (s.charCodeAt(this.pos) === C.RBRACKET) {
        this.pos++;
        break;
      }
      const before = this.pos;
      items.push(this.parseExpression(false));
      this.skip(true);
      if (s.charCodeAt(this.pos) === C.COMMA) this.pos++;
      else if (s.charCodeAt(this.pos) !== C.RBRACKET && this.pos === before) this.pos++;
      else if (s.charCodeAt(this.pos) !== C.RBRACKET && s.charCodeAt(this.pos) !== C.COMMA) {
        // Missing comma or closing bracket (half-typed): stop at this line's end.
        if (this.pos === before) this.pos++;
      }
    }
    const list: ListNode = { t: 'list', items, start, end: this.pos };
    return list;
  }

  private parseObject(): IacNode {
    const s = this.src;
    const start = this.pos;
    this.pos++; // {
    this.skip(true);
    if (s.startsWith('for', this.pos) && !isIdPart(s.charCodeAt(this.pos + 3))) return this.skipBalanced(start, C.LBRACE, C.RBRACE);
    const entries: MapEntry[] = [];
    for (;;) {
      this.skip(true);
      if (this.pos >= s.length) {
        this.errors.push({ start, message: 'unclosed "{"' });
        break;
      }
      if (s.charCodeAt(this.pos) === C.RBRACE) {
        this.pos++;
        break;
      }
      const before = this.pos;
      const keyNode = this.parsePostfix(true);
      this.skip(true);
      const sep = s.charCodeAt(this.pos);
      if (sep !== C.EQ && sep !== C.COLON) {
        this.errors.push({ start: this.pos, message: 'expected "=" or ":" in an object' });
        if (this.pos === before) this.pos++;
        // recover: skip to the next comma/newline/closing brace
        while (this.pos < s.length && ![C.COMMA, C.LF, C.RBRACE].some((c) => c === s.charCodeAt(this.pos))) this.pos++;
        if (s.charCodeAt(this.pos) === C.COMMA) this.pos++;
        continue;
      }
      this.pos++;
      this.skip(true);
      const value = this.parseExpression(true);
      const key = keyNode.t === 'str' ? keyNode.v : keyNode.t === 'expr' ? keyNode.text.replace(/^\((.*)\)$/, '$1') : keyNode.t === 'num' || keyNode.t === 'bool' ? String(keyNode.v) : '';
      entries.push({ key, keyStart: keyNode.start, keyEnd: keyNode.end, value });
      this.skip(true);
      if (s.charCodeAt(this.pos) === C.COMMA) this.pos++;
    }
    const map: MapNode = { t: 'map', entries, start, end: this.pos };
    return map;
  }

  /** Skips a bracketed construct we keep as text (for-expressions). */
  private skipBalanced(start: number, open: number, close: number): ExprNode {
    const s = this.src;
    let depth = 1;
    while (this.pos < s.length && depth > 0) {
      const c = s.charCodeAt(this.pos);
      if (c === C.QUOTE) {
        this.parseQuoted();
        continue;
      }
      if (c === open) depth++;
      else if (c === close) depth--;
      this.pos++;
    }
    return { t: 'expr', text: s.slice(start, this.pos), start, end: this.pos };
  }

  /** A quoted template. Literal when it has no `${`/`%{`; a pure `"${x}"` is the expression x. */
  private parseQuoted(): IacNode {
    const s = this.src;
    const start = this.pos;
    this.pos++; // "
    let value = '';
    let template = false;
    let chunk = this.pos;
    let single: IacNode | undefined;
    let parts = 0;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === C.QUOTE) break;
      if (c === C.LF) {
        this.errors.push({ start, message: 'unterminated string' });
        break;
      }
      if (c === C.BACKSLASH) {
        value += s.slice(chunk, this.pos);
        const e = s[this.pos + 1] ?? '';
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.pos + 2, this.pos + 6))) {
          value += String.fromCharCode(parseInt(s.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          value += map[e] ?? e;
          this.pos += 2;
        }
        chunk = this.pos;
        parts++;
        continue;
      }
      if ((c === C.DOLLAR || c === C.PERCENT) && s.charCodeAt(this.pos + 1) === C.LBRACE) {
        if (s.charCodeAt(this.pos - 1) === c && s.charCodeAt(this.pos - 2) !== c) {
          // `$${` is an escaped literal `${`
          value += s.slice(chunk, this.pos - 1) + '{';
          this.pos += 2;
          chunk = this.pos;
          continue;
        }
        value += s.slice(chunk, this.pos);
        const interpStart = this.pos;
        this.pos += 2;
        this.skip(true);
        const inner = c === C.DOLLAR ? this.parseExpression(false) : undefined;
        // skip to the closing brace of the interpolation
        let depth = 1;
        while (this.pos < s.length && depth > 0) {
          const d = s.charCodeAt(this.pos);
          if (d === C.QUOTE) {
            this.parseQuoted();
            continue;
          }
          if (d === C.LF && depth === 1 && c === C.DOLLAR) break;
          if (d === C.LBRACE) depth++;
          else if (d === C.RBRACE) depth--;
          this.pos++;
        }
        value += s.slice(interpStart, this.pos);
        chunk = this.pos;
        template = true;
        if (interpStart === start + 1) single = inner;
        parts += 2;
        continue;
      }
      this.pos++;
    }
    value += s.slice(chunk, this.pos);
    if (s.charCodeAt(this.pos) === C.QUOTE) this.pos++;
    if (template && single && parts === 2 && s.charCodeAt(this.pos - 1) === C.QUOTE && s.charCodeAt(this.pos - 2) === C.RBRACE) {
      return { ...single, start, end: this.pos };
    }
    // String nodes span the content between the quotes (as YAML and JSON strings do), so findings underline the value.
    const closed = s.charCodeAt(this.pos - 1) === C.QUOTE && this.pos - 1 > start;
    const contentEnd = closed ? this.pos - 1 : this.pos;
    return template ? { t: 'str', v: value, start: start + 1, end: contentEnd, template: true } : { t: 'str', v: value, start: start + 1, end: contentEnd };
  }

  /** `<<EOT` / `<<-EOT` heredocs. The value's offsets cover the content, so JSON inside keeps exact positions. */
  private parseHeredoc(): IacNode {
    const s = this.src;
    const start = this.pos;
    this.pos += 2;
    const indent = s.charCodeAt(this.pos) === C.MINUS;
    if (indent) this.pos++;
    const id = this.ident();
    if (!id) {
      this.errors.push({ start, message: 'expected a heredoc identifier' });
      return { t: 'expr', text: '<<', start, end: this.pos };
    }
    const nl = s.indexOf('\n', this.pos);
    if (nl === -1) return { t: 'str', v: '', start, end: s.length };
    const contentStart = nl + 1;
    let p = contentStart;
    for (;;) {
      if (p >= s.length) {
        this.errors.push({ start, message: `heredoc ${id.value} is not closed` });
        this.pos = s.length;
        return { t: 'str', v: s.slice(contentStart), start: contentStart, end: s.length, ...(s.includes('${', contentStart) ? { template: true } : {}) };
      }
      const eol = s.indexOf('\n', p);
      const lineEnd = eol === -1 ? s.length : eol;
      if (s.slice(p, lineEnd).trim() === id.value) {
        const contentEnd = Math.max(contentStart, p - 1);
        this.pos = lineEnd;
        let value = s.slice(contentStart, contentEnd);
        if (indent) {
          const lines = value.split('\n');
          const min = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
          if (Number.isFinite(min) && min > 0) value = lines.map((l) => l.slice(min)).join('\n');
        }
        const template = /\$\{|%\{/.test(value);
        // Offsets point at the content (not the `<<EOT` marker) so nested JSON ranges map back exactly.
        return { t: 'str', v: value, start: contentStart, end: contentEnd, ...(template ? { template: true } : {}), ...(indent ? { indented: true } : {}) };
      }
      p = lineEnd + 1;
    }
  }
}

interface CachedParse {
  text: string;
  file: HclFile;
  checkpoints: Checkpoint[];
}

/** Recent parses of large files by key (the editor rescans the same file on every change). */
const recent = new Map<string, CachedParse>();
const RECENT_MAX = 32;
/** Smaller files parse in well under a millisecond: not worth keeping. */
const INCREMENTAL_MIN_LENGTH = 16_384;

/**
 * Parses HCL. With a `cacheKey` (the file's path) and a large text, the previous parse under that key is reused
 * incrementally: only the changed region is parsed again. The previous result's nodes may then be moved (their
 * offsets updated in place) — callers must not keep a parse result across parses of the same key.
 */
export function parseHcl(text: string, cacheKey?: string): HclFile {
  if (cacheKey === undefined || text.length < INCREMENTAL_MIN_LENGTH) {
    if (cacheKey !== undefined) recent.delete(cacheKey);
    return new HclParser(text).parseFile();
  }
  const prev = recent.get(cacheKey);
  const parser = new HclParser(text);
  const { file, checkpoints } = prev ? parser.parseIncremental(prev) : parser.parseTracked();
  recent.delete(cacheKey);
  recent.set(cacheKey, { text, file, checkpoints });
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  return file;
}

/** Moves every offset of a reused top-level item by `delta`, in place. */
function shiftNode(n: IacNode, delta: number): void {
  n.start += delta;
  n.end += delta;
  if (n.t === 'list') for (const i of n.items) shiftNode(i, delta);
  else if (n.t === 'map') {
    for (const e of n.entries) {
      e.keyStart += delta;
      e.keyEnd += delta;
      shiftNode(e.value, delta);
    }
  } else if (n.t === 'expr' && n.args) for (const a of n.args) shiftNode(a, delta);
}

function shiftAttribute(a: HclAttribute, delta: number): HclAttribute {
  if (delta === 0) return a;
  a.nameStart += delta;
  a.nameEnd += delta;
  a.start += delta;
  a.end += delta;
  shiftNode(a.value, delta);
  return a;
}

function shiftBlock(b: HclBlock, delta: number): HclBlock {
  if (delta === 0) return b;
  b.start += delta;
  b.end += delta;
  b.bodyEnd += delta;
  for (const l of b.labels) {
    l.start += delta;
    l.end += delta;
  }
  for (const a of b.attributes) shiftAttribute(a, delta);
  for (const c of b.blocks) shiftBlock(c, delta);
  return b;
}

/** A block's body as a map node: attributes as entries; nested blocks as lists of maps under their type. */
export function blockToMap(block: { attributes: HclAttribute[]; blocks: HclBlock[]; start: number; end: number }): MapNode {
  const entries: MapEntry[] = block.attributes.map((a) => ({ key: a.name, keyStart: a.nameStart, keyEnd: a.nameEnd, value: a.value }));
  const grouped = new Map<string, { first: HclBlock; maps: MapNode[] }>();
  for (const b of block.blocks) {
    // `dynamic "x" { content { … } }` generates `x` blocks: judge the content.
    const type = b.type === 'dynamic' && b.labels[0] ? b.labels[0].value : b.type;
    const body = b.type === 'dynamic' ? (b.blocks.find((x) => x.type === 'content') ?? b) : b;
    const g = grouped.get(type);
    const map = blockToMap(body);
    if (g) g.maps.push(map);
    else grouped.set(type, { first: b, maps: [map] });
  }
  for (const [type, g] of grouped) {
    entries.push({ key: type, keyStart: g.first.start, keyEnd: g.first.start + g.first.type.length, value: { t: 'list', items: g.maps, start: g.first.start, end: g.maps.at(-1)!.end } });
  }
  return { t: 'map', entries, start: block.start, end: block.end };
}
