/**
 * A fast reader for the YAML that CloudFormation, SAM and Serverless templates are written in: block mappings and
 * sequences, plain / quoted / block scalars, simple flow collections, comments and short tags such as `!Ref`.
 *
 * It reads the text in one pass with `charCodeAt` and builds exactly the `ParsedDocument` that `parseYaml` builds
 * from the `yaml` package's concrete syntax tree — same node shapes, offsets, values and key order, including that
 * path's quirks (a block collection ends at its last scalar; a flow collection's end counts the space, comment or
 * newline after its closing bracket; a block scalar's end is its header offset plus its body length). Folding and
 * escapes are left to the `yaml` package's own scalar resolver, so values are resolved by the very same code.
 *
 * Anything outside the subset it is sure about (anchors, aliases, complex keys, directives, several documents,
 * tabs used as indentation, unusual indentation, empty flow items, any construct the package would report an
 * error for …) makes it return `undefined`, and the caller falls back to the package. Only error-free documents are
 * returned, so `errors` is always empty.
 */
import type { CST } from 'yaml';
import { CORE_BOOL, CORE_FLOAT, CORE_INT, CORE_NULL, intrinsic, normaliseIntrinsic, tagToFn } from './cfnValues';
import type { IacNode, MapEntry } from './node';
import { yamlLib } from './yamlLib';
import type { ParsedDocument } from './yamlJson';

const WS = /\s/;
const LONE_CR = /\r(?!\n)/;

/** Deeper documents are left to the package (which reports nesting past 200 levels as an error). */
const MAX_DEPTH = 100;
/** `vEnd` of an empty value (the package path's `endOf` then counts the key). */
const NO_VALUE = -2;
/** Longer implicit keys are left to the package. */
const MAX_KEY = 1000;

const TAB = 9;
const LF = 10;
const CR = 13;
const SP = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const SQUOTE = 39;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GT = 62;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Thrown (and caught in `fastParseYaml`) when the text leaves the supported subset. */
const BAIL = new Error('not in the fast YAML subset');
function bail(): never {
  throw BAIL;
}

const enum Owner {
  Map,
  Seq,
}

interface Tag {
  offset: number;
  source: string;
}

/**
 * Reads `text` when it is a single, error-free document of the supported subset; `undefined` otherwise (the caller
 * then reads it with the `yaml` package).
 */
export function fastParseYaml(text: string): ParsedDocument | undefined {
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff || (text.indexOf('\r') !== -1 && LONE_CR.test(text))) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e === BAIL || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** Whitespace as `/\s/` sees it (the package path trims block collection ends with that test). */
function isWs(c: number): boolean {
  return c === SP || (c >= TAB && c <= CR) || (c > 127 && WS.test(String.fromCharCode(c)));
}

class Reader {
  private readonly len: number;
  /** After a value: the first character of the next content line (or `len`), and that character's column. */
  private nxt = 0;
  private nxtCol = 0;
  /**
   * After a value: where the package path's `endOf` would see it end (scalar source end, flow collection end; the
   * furthest of those within a block collection, -1 if none), or NO_VALUE when there is no value token.
   */
  private vEnd = -1;
  /** After a value: the largest indentation of the comment lines waiting after it (see `nextContent`), or -1. */
  private pendM = -1;
  /** Depth of flow collections being read. */
  private flowLevel = 0;
  // Results of `plain`: end of the scalar, and whether it stopped at `: ` on its first line (it is a key).
  private sEnd = 0;
  private sKey = false;

  constructor(private readonly text: string) {
    this.len = text.length;
  }

  private code(i: number): number {
    return this.text.charCodeAt(i);
  }

  /** End of input, space, tab or line break (the lexer's `isEmpty`). */
  private isEmpty(i: number): boolean {
    if (i >= this.len) return true;
    const c = this.text.charCodeAt(i);
    return c === SP || c === LF || c === CR || c === TAB;
  }

  document(): ParsedDocument {
    const text = this.text;
    let q = this.nextContent(0);
    let marker = false;
    if (q < this.len && this.nxtCol === 0 && text.startsWith('---', q) && this.isEmpty(q + 3)) {
      marker = true;
      q = this.nextContent(this.restOfLine(q + 3, false));
    }
    if (q >= this.len) {
      if (marker) bail();
      return { root: undefined, errors: [] };
    }
    if (this.nxtCol !== 0) bail();
    const c = this.code(q);
    let root: IacNode;
    if (c === DASH && this.isEmpty(q + 1)) root = this.blockSeq(q, 0, 0);
    else root = this.blockMap(q, 0, 0);
    if (this.nxt < this.len) bail();
    return { root, errors: [] };
  }

  /**
   * From a line start, skips blank and comment lines. Returns the first character of the next content line (or
   * `len`) and records its column.
   *
   * It also records in `pendM` how the parser will file the comment lines skipped: after a value it keeps an `end`
   * for (a flow scalar or collection: `absorbAbove` is its entry's column), comment lines indented past that column
   * go to the value until the first other comment line; the others wait in an item of their own, which a collection
   * ending there keeps (and drops: no entry) unless all of them are less indented than it (see `closeWith`).
   * `absorbAbove` -1: none go to the value (a block scalar); -2: none wait (an empty value keeps them).
   */
  private nextContent(p: number, absorbAbove = -2): number {
    const text = this.text;
    const len = this.len;
    let absorbing = absorbAbove >= 0;
    let m = -1;
    for (;;) {
      const ls = p;
      while (p < len && text.charCodeAt(p) === SP) p++;
      if (p >= len) {
        this.nxt = len;
        this.nxtCol = 0;
        this.pendM = absorbAbove === -2 ? -1 : m;
        return len;
      }
      const c = text.charCodeAt(p);
      if (c === LF) p++;
      else if (c === CR) p += 2;
      else if (c === HASH) {
        const indent = p - ls;
        if (!absorbing || indent <= absorbAbove) {
          absorbing = false;
          if (indent > m) m = indent;
        }
        const nl = text.indexOf('\n', p);
        p = nl === -1 ? len : nl + 1;
      } else if (c === TAB) bail();
      else {
        this.nxt = p;
        this.nxtCol = p - ls;
        this.pendM = absorbAbove === -2 ? -1 : m;
        return p;
      }
    }
  }

  /**
   * The rest of a line after a value: spaces, then an optional comment (after at least one space, or right at `p`
   * when `p` follows a separator), then the line break. Returns the start of the next line.
   */
  private restOfLine(p: number, needSpaceBeforeComment = true): number {
    const text = this.text;
    const from = p;
    let c = text.charCodeAt(p);
    while (c === SP) c = text.charCodeAt(++p);
    if (c === HASH) {
      if (needSpaceBeforeComment && p === from) bail();
      const nl = text.indexOf('\n', p);
      return nl === -1 ? this.len : nl + 1;
    }
    if (p >= this.len) return this.len;
    if (c === LF) return p + 1;
    if (c === CR) return p + 2;
    return bail();
  }

  /** A block collection's end as the package path computes it: its furthest value, trailing whitespace trimmed. */
  private trimEnd(end: number, start: number): number {
    const text = this.text;
    while (end > start && isWs(text.charCodeAt(end - 1))) end--;
    return end;
  }

  private blockMap(q: number, col: number, depth: number): IacNode {
    if (depth > MAX_DEPTH) bail();
    const text = this.text;
    const start = q;
    // The furthest scalar or flow collection end among the entries (an empty value counts its key).
    let raw = -1;
    const entries: MapEntry[] = [];
    for (;;) {
      // The key: plain or quoted, on one line, followed by `:` and a space or line break.
      const c = this.code(q);
      let key: string;
      let keyStart: number;
      let keyEnd: number;
      let srcEnd: number;
      let p: number;
      if (c === DQUOTE || c === SQUOTE) {
        const close = this.quoteEnd(q, c);
        const nl = text.indexOf('\n', q);
        if (nl !== -1 && nl < close) bail();
        key = this.quotedValue(q, close, c);
        keyStart = q + 1;
        keyEnd = close;
        srcEnd = close + 1;
        p = close + 1;
        while (this.code(p) === SP) p++;
        if (this.code(p) !== COLON || !this.isEmpty(p + 1)) bail();
      } else {
        // (At column 0, `---` and `...` mark documents.)
        if (!this.plainStart(q, false) || (col === 0 && (text.startsWith('---', q) || text.startsWith('...', q)) && this.isEmpty(q + 3))) bail();
        this.plain(q, col, true);
        if (!this.sKey) bail();
        keyStart = q;
        keyEnd = this.sEnd;
        srcEnd = keyEnd;
        key = text.slice(q, keyEnd);
        p = keyEnd;
        while (this.code(p) === SP) p++;
      }
      if (srcEnd - q > MAX_KEY) bail();
      // p is at the `:`.
      const value = this.value(p + 1, col, q - col, Owner.Map, keyEnd, depth + 1);
      raw = Math.max(raw, this.vEnd === NO_VALUE ? srcEnd : this.vEnd);
      entries.push({ key, keyStart, keyEnd, value });
      const nq = this.nxt;
      const ncol = this.nxtCol;
      if (nq >= this.len || ncol < col) {
        this.closeWith(col);
        break;
      }
      if (ncol > col) bail();
      const d = this.code(nq);
      if (d === DASH && this.isEmpty(nq + 1)) bail();
      q = nq;
    }
    const node: IacNode = { t: 'map', entries, start, end: this.trimEnd(Math.max(raw, start), start) };
    this.vEnd = raw;
    return normaliseIntrinsic(node, this.text);
  }

  /**
   * A block collection at column `col` ends: the parser hands the comment lines waiting after its last value to its
   * parent, unless one is indented as far as the collection (which then keeps them: the package path drops that
   * comment-only item, and so does this reader).
   */
  private closeWith(col: number): void {
    if (this.pendM >= 0 && col !== 0 && this.pendM >= col) this.pendM = -1;
  }

  private blockSeq(q: number, col: number, depth: number): IacNode {
    if (depth > MAX_DEPTH) bail();
    const start = q;
    // The furthest scalar or flow collection end among the items (-1: none), as the package path's endOf sees it.
    let raw = -1;
    const items: IacNode[] = [];
    for (;;) {
      // q is at a `-` followed by a space or line break.
      items.push(this.value(q + 1, col, q - col, Owner.Seq, start, depth + 1));
      if (this.vEnd >= 0) raw = Math.max(raw, this.vEnd);
      const nq = this.nxt;
      const ncol = this.nxtCol;
      // At the same column but not an item: the end of a sequence written at its parent key's column (`key:\n- a`).
      if (nq >= this.len || ncol < col || (ncol === col && (this.code(nq) !== DASH || !this.isEmpty(nq + 1)))) {
        this.closeWith(col);
        break;
      }
      if (ncol > col) bail();
      q = nq;
    }
    this.vEnd = raw;
    return { t: 'list', items, start, end: this.trimEnd(Math.max(raw, start), start) };
  }

  /**
   * The value after a `:` or `-` indicator at `p` (the character right after it), of an entry whose key or dash is
   * at column `n` of the line starting at `ls`. Sets `vEnd`, `nxt` and `nxtCol`.
   */
  private value(p: number, n: number, ls: number, owner: Owner, nullAt: number, depth: number): IacNode {
    if (depth > MAX_DEPTH) bail();
    const text = this.text;
    let r = p;
    let c = this.code(r);
    while (c === SP) c = this.code(++r);
    if (c === TAB) bail();
    let tag: Tag | undefined;
    if (c === BANG) {
      tag = this.tag(r);
      r += tag.source.length;
      c = this.code(r);
      while (c === SP) c = this.code(++r);
      if (c === BANG || c === TAB) bail();
    }
    if (c === 38 /* & */ || c === 42 /* * */ || c === 63 /* ? */) bail();
    if (r >= this.len || c === LF || c === CR || c === HASH) {
      // Nothing more on this line: a nested block collection on the next lines, or an empty value.
      const nq = this.nextContent(this.restOfLine(r, false));
      const ncol = this.nxtCol;
      if (nq < this.len && (ncol > n || (owner === Owner.Map && ncol === n && !tag))) {
        const isDash = this.code(nq) === DASH && this.isEmpty(nq + 1);
        let node: IacNode | undefined;
        if (isDash) node = this.blockSeq(nq, ncol, depth);
        else if (ncol > n) node = this.blockMap(nq, ncol, depth);
        if (node) return tag ? this.tagged(tag, node) : node;
      }
      this.vEnd = NO_VALUE;
      if (tag && !tag.source.startsWith('!!')) {
        const at = tag.offset + tag.source.length;
        return intrinsic(tagToFn(tag.source), { t: 'str', v: '', start: at, end: at }, tag.offset, at, this.text);
      }
      return { t: 'null', start: nullAt, end: nullAt };
    }
    let node: IacNode;
    switch (c) {
      case DQUOTE:
      case SQUOTE: {
        const close = this.quoteEnd(r, c);
        const multi = this.checkQuotedLines(r, close, n);
        let e = close + 1;
        while (this.code(e) === SP) e++;
        if (this.code(e) === COLON && this.isEmpty(e + 1)) {
          // A quoted key: a compact mapping in a sequence item.
          if (owner !== Owner.Seq || tag || multi) bail();
          return this.blockMap(r, r - ls, depth);
        }
        node = { t: 'str', v: multi ? this.resolveFlow(r, close + 1, c === DQUOTE ? 'double-quoted-scalar' : 'single-quoted-scalar') : this.quotedValue(r, close, c), start: r + 1, end: close };
        this.vEnd = close + 1;
        this.nextContent(this.restOfLine(close + 1), n);
        break;
      }
      case LBRACKET:
      case LBRACE: {
        this.flowLevel = 0;
        node = this.flow(r, n, depth);
        const end = node.end;
        this.vEnd = end;
        // `flow` stopped after the closing bracket's trailing space, comment and line break.
        this.nextContent(this.afterFlow, n);
        break;
      }
      case PIPE:
      case GT:
        node = this.blockScalar(r, n);
        break;
      default: {
        if (c === DASH && this.isEmpty(r + 1)) {
          // `- - x`: a compact sequence in a sequence item.
          if (owner !== Owner.Seq || tag) bail();
          return this.blockSeq(r, r - ls, depth);
        }
        if (!this.plainStart(r, false)) bail();
        this.plain(r, n, false);
        if (this.sKey) {
          if (owner !== Owner.Seq || tag) bail();
          return this.blockMap(r, r - ls, depth);
        }
        const end = this.sEnd;
        const source = text.slice(r, end);
        const multi = source.indexOf('\n') !== -1;
        const v = multi ? this.resolveFlow(r, end, 'scalar') : source;
        node = tag ? { t: 'str', v, start: r, end } : this.plainNode(v, r, end);
        this.vEnd = end;
        this.nextContent(this.restOfLine(end), n);
      }
    }
    return tag ? this.tagged(tag, node) : node;
  }

  private tagged(tag: Tag, node: IacNode): IacNode {
    if (tag.source.startsWith('!!')) return node;
    return intrinsic(tagToFn(tag.source), node, tag.offset, node.end, this.text);
  }

  /** `!Name` or `!!name`, followed by a space or line break. */
  private tag(r: number): Tag {
    let i = r + 1;
    if (this.code(i) === BANG) i++;
    const from = i;
    for (;;) {
      const c = this.code(i);
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) i++;
      else break;
    }
    if (i === from) bail();
    const c = this.code(i);
    if (!(i >= this.len || c === SP || c === LF || c === CR)) bail();
    return { offset: r, source: this.text.slice(r, i) };
  }

  /** Whether a plain scalar may start at `r` (without anything the package would report or read differently). */
  private plainStart(r: number, inFlow: boolean): boolean {
    const c = this.code(r);
    switch (c) {
      case DASH:
        if (this.isEmpty(r + 1)) return false;
        if (inFlow) {
          const d = this.code(r + 1);
          if (d === COMMA || d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE) return false;
        }
        return true;
      case 63: // ?
      case COLON:
      case COMMA:
      case LBRACKET:
      case RBRACKET:
      case LBRACE:
      case RBRACE:
      case HASH:
      case 38: // &
      case 42: // *
      case BANG:
      case PIPE:
      case GT:
      case SQUOTE:
      case DQUOTE:
      case 37: // %
      case 64: // @
      case 96: // `
      case TAB:
      case SP:
      case LF:
      case CR:
        return false;
      default:
        return r < this.len;
    }
  }

  /**
   * A plain scalar in block context starting at `r`, for an entry at column `n`: sets `sEnd` (end of its last
   * non-blank character) and `sKey` (it stopped at `: ` on its first line, so it is an implicit key). Continuation
   * lines (indented past `n`) are followed as the lexer does; `: ` on one of them, or tabs, bail.
   */
  private plain(r: number, n: number, keyOnly: boolean): void {
    const text = this.text;
    const len = this.len;
    let i = r;
    let end = r;
    let firstLine = true;
    for (;;) {
      if (i >= len) break;
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (this.isEmpty(i + 1)) {
          if (!firstLine) bail();
          this.sEnd = end;
          this.sKey = true;
          return;
        }
        end = ++i;
      } else if (c === SP) {
        if (text.charCodeAt(i + 1) === HASH) break;
        i++;
      } else if (c === LF || c === CR) {
        if (keyOnly) bail();
        // Look at the next lines: blank ones are skipped, one indented past n continues the scalar.
        let j = c === CR ? i + 2 : i + 1;
        let next = -1;
        for (;;) {
          let s = j;
          while (s < len && text.charCodeAt(s) === SP) s++;
          if (s >= len) break;
          const d = text.charCodeAt(s);
          if (d === LF) {
            j = s + 1;
            continue;
          }
          if (d === CR) {
            j = s + 2;
            continue;
          }
          if (s - j > n) {
            if (d === TAB) bail();
            if (d !== HASH) next = s;
          }
          break;
        }
        if (next === -1) break;
        firstLine = false;
        i = next;
      } else if (c === TAB) {
        bail();
      } else {
        end = ++i;
      }
    }
    if (keyOnly) bail();
    this.sEnd = end;
    this.sKey = false;
  }

  private plainNode(v: string, start: number, end: number): IacNode {
    const c = v.charCodeAt(0);
    // Only these first characters can make a null, bool or number.
    if ((c >= 48 && c <= 57) || c === DASH || c === 43 /* + */ || c === DOT || c === 126 /* ~ */ || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) {
      if (CORE_NULL.test(v)) return { t: 'null', start, end };
      if (CORE_BOOL.test(v)) return { t: 'bool', v: v.toLowerCase() === 'true', start, end };
      if (CORE_INT.test(v) || CORE_FLOAT.test(v)) return { t: 'num', v: Number(v), start, end };
    }
    return { t: 'str', v, start, end };
  }

  /** Offset of the closing quote of the quoted scalar opening at `r`. */
  private quoteEnd(r: number, q: number): number {
    const text = this.text;
    if (q === SQUOTE) {
      let end = text.indexOf("'", r + 1);
      while (end !== -1 && text.charCodeAt(end + 1) === SQUOTE) end = text.indexOf("'", end + 2);
      if (end === -1) bail();
      return end;
    }
    let end = text.indexOf('"', r + 1);
    while (end !== -1) {
      let k = 0;
      while (text.charCodeAt(end - 1 - k) === BACKSLASH) k++;
      if (k % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    if (end === -1) bail();
    return end;
  }

  /** A quoted scalar spanning lines must keep them indented past `n` (or blank). Returns whether it spans lines. */
  private checkQuotedLines(r: number, close: number, n: number): boolean {
    const text = this.text;
    let nl = text.indexOf('\n', r);
    if (nl === -1 || nl > close) return false;
    while (nl !== -1 && nl < close) {
      let s = nl + 1;
      while (text.charCodeAt(s) === SP) s++;
      const d = text.charCodeAt(s);
      if (!(d === LF || d === CR || s - nl - 1 > n)) bail();
      nl = text.indexOf('\n', nl + 1);
    }
    return true;
  }

  /** The value of a one-line quoted scalar from `r` (opening quote) to `close` (closing quote). */
  private quotedValue(r: number, close: number, q: number): string {
    const raw = this.text.slice(r + 1, close);
    if (q === SQUOTE) return raw.indexOf("'") === -1 ? raw : raw.replace(/''/g, "'");
    return raw.indexOf('\\') === -1 ? raw : this.resolveFlow(r, close + 1, 'double-quoted-scalar');
  }

  /** Resolves a scalar with the package's own resolver (folding, escapes); any complaint bails. */
  private resolveFlow(start: number, end: number, type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar'): string {
    const tok: CST.FlowScalar = { type, offset: start, indent: 0, source: this.text.slice(start, end), end: [] };
    const r = yamlLib().CST.resolveAsScalar(tok, false, () => bail());
    return r?.value ?? bail();
  }

  /** A block scalar (`|`, `|-`, `>`, `>+` …) whose header is at `r`, in an entry at column `n`. */
  private blockScalar(r: number, n: number): IacNode {
    const text = this.text;
    const len = this.len;
    let h = r + 1;
    const ch = this.code(h);
    let keep = false;
    if (ch === DASH || ch === 43 /* + */) {
      keep = ch === 43;
      h++;
    }
    const after = this.code(h);
    if (!(after === SP || after === LF || after === CR)) bail();
    const header = text.slice(r, h);
    const pos = this.restOfLine(h);
    if (pos >= len) bail();
    // Where the lexer ends the body (see the `yaml` package's block-scalar lexing).
    const indentNext = n + 1;
    let nl = pos - 1;
    let indent = 0;
    let i = pos;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === SP) indent++;
      else if (c === LF) {
        nl = i;
        indent = 0;
      } else if (c !== CR) break;
    }
    if (i >= len || text.charCodeAt(i) === TAB || indent < indentNext) bail();
    for (;;) {
      const o = nl + 1;
      let s = o;
      while (s < len && text.charCodeAt(s) === SP) s++;
      const d = text.charCodeAt(s);
      let cs: number;
      if (d === CR) cs = s + 1;
      else if (d === LF || s - o >= indent) cs = s;
      else break;
      nl = text.indexOf('\n', cs);
      if (nl === -1) {
        nl = len;
        break;
      }
    }
    {
      let k = nl + 1;
      while (text.charCodeAt(k) === SP) k++;
      if (text.charCodeAt(k) === TAB) bail();
    }
    if (!keep) {
      for (;;) {
        let k = nl - 1;
        let c = text.charCodeAt(k);
        if (c === CR) c = text.charCodeAt(--k);
        const lastChar = k;
        while (c === SP) c = text.charCodeAt(--k);
        if (c === LF && k >= pos && k + 1 + indent > lastChar) nl = k;
        else break;
      }
    }
    const source = text.slice(pos, nl + 1);
    if (source.indexOf('\t') !== -1) bail();
    const tok: CST.BlockScalar = {
      type: 'block-scalar',
      offset: r,
      indent: n,
      props: [{ type: 'block-scalar-header', offset: r, indent: n, source: header }],
      source,
    };
    const v = yamlLib().CST.resolveAsScalar(tok, false, () => bail())?.value ?? bail();
    const raw = r + source.length;
    this.vEnd = raw;
    this.nextContent(nl + 1 >= len ? len : nl + 1, -1);
    return { t: 'str', v, start: pos, end: this.trimEnd(raw, r) };
  }

  /** Where reading resumes after the outermost flow collection (the line after it). */
  private afterFlow = 0;

  /**
   * A flow collection opening at `r`, in an entry at column `n`. Its end, as the package path computes it, is one
   * past the last token the parser attaches to it: the closing bracket, then any space, comment and line break.
   */
  private flow(r: number, n: number, depth: number, inSeq = false): IacNode {
    if (depth > MAX_DEPTH) bail();
    this.flowLevel++;
    const isSeq = this.code(r) === LBRACKET;
    const close = isSeq ? RBRACKET : RBRACE;
    const items: IacNode[] = [];
    const entries: MapEntry[] = [];
    let p = r + 1;
    let first = true;
    let afterValue = p;
    for (;;) {
      p = this.flowSpace(p, n, close);
      let c = this.code(p);
      if (c === close) {
        if (!isSeq) {
          // `{ }`, or a line break and more before `}`: the parser makes an empty entry of what follows the value.
          if (first && p !== r + 1) bail();
          if (!first) {
            const nl = this.text.indexOf('\n', afterValue);
            if (nl !== -1 && nl < p - 1) bail();
          }
        }
        break;
      }
      if (!first) {
        if (c !== COMMA) bail();
        p = this.flowSpace(p + 1, n, close);
        c = this.code(p);
        if (c === close) {
          if (!isSeq) bail();
          break;
        }
      }
      first = false;
      if (c === COMMA) bail();
      if (isSeq) {
        items.push(this.flowValue(p, n, depth + 1, true));
        p = this.fp;
        const q = this.flowSpace(p, n, close);
        if (this.code(q) === COLON) bail();
      } else {
        let key: string;
        let keyStart: number;
        let keyEnd: number;
        if (c === DQUOTE || c === SQUOTE) {
          const cl = this.quoteEnd(p, c);
          const nl = this.text.indexOf('\n', p);
          if (nl !== -1 && nl < cl) bail();
          key = this.quotedValue(p, cl, c);
          keyStart = p + 1;
          keyEnd = cl;
          p = cl + 1;
        } else {
          if (!this.plainStart(p, true)) bail();
          const e = this.flowPlain(p);
          key = this.text.slice(p, e);
          keyStart = p;
          keyEnd = e;
          p = e;
        }
        while (this.code(p) === SP) p++;
        if (this.code(p) !== COLON || this.code(p + 1) !== SP) bail();
        const value = this.flowValue(this.flowSpace(p + 1, n, close), n, depth + 1, false);
        p = this.fp;
        entries.push({ key, keyStart, keyEnd, value });
        afterValue = p;
      }
    }
    // p is at the closing bracket: the tokens after it that the parser attaches to the collection.
    this.flowLevel--;
    const text = this.text;
    let last = p;
    let q = p + 1;
    let c = text.charCodeAt(q);
    if (c === SP) {
      last = q;
      while (c === SP) c = text.charCodeAt(++q);
    }
    if (c === TAB) bail();
    if (c === HASH) {
      if (q === p + 1) bail();
      last = q;
      const nl = text.indexOf('\n', q);
      q = nl === -1 ? this.len : nl - (text.charCodeAt(nl - 1) === CR ? 1 : 0);
      c = text.charCodeAt(q);
    }
    if (this.flowLevel === 0) {
      if (c === LF || c === CR) {
        last = q;
        this.afterFlow = q + (c === CR ? 2 : 1);
        // The parser also hands the collection the comment lines indented past its entry's column that follow
        // (and the blank lines between them), up to the first other line.
        let l = this.afterFlow;
        for (;;) {
          let s = l;
          while (text.charCodeAt(s) === SP) s++;
          if (s >= this.len) break;
          const d = text.charCodeAt(s);
          if (d === LF) l = s + 1;
          else if (d === CR) l = s + 2;
          else if (d === TAB) bail();
          else if (d !== HASH || s - l <= n) break;
          else {
            last = s;
            const nl = text.indexOf('\n', s);
            if (nl === -1) break;
            last = nl - (text.charCodeAt(nl - 1) === CR ? 1 : 0);
            l = nl + 1;
          }
        }
      } else if (q < this.len) bail();
      else this.afterFlow = this.len;
    } else {
      if (c === LF || c === CR) {
        last = q;
        if (inSeq) {
          // In a flow sequence the parser also hands it every space, comment and line break up to the next `,`
          // or `]` (they are checked by the caller's flowSpace).
          let k = q;
          for (;;) {
            const d = text.charCodeAt(k);
            if (d === SP) {
              last = k;
              while (text.charCodeAt(k) === SP) k++;
            } else if (d === HASH) {
              last = k;
              const nl = text.indexOf('\n', k);
              if (nl === -1) bail();
              k = nl - (text.charCodeAt(nl - 1) === CR ? 1 : 0);
            } else if (d === LF) last = k++;
            else if (d === CR) {
              last = k;
              k += 2;
            } else break;
          }
        }
      }
      // Resume at the line break, so the enclosing collection checks the next line's indentation.
      this.fp = q;
    }
    const end = last + 1;
    if (isSeq) return { t: 'list', items, start: r, end };
    return normaliseIntrinsic({ t: 'map', entries, start: r, end }, this.text);
  }

  /** Where reading resumes after the last flow value. */
  private fp = 0;

  /**
   * Spaces, line breaks and comments inside a flow collection. A new line must be indented past `n`, except a
   * closing bracket of the outermost collection, which may sit at column `n`.
   */
  private flowSpace(p: number, n: number, close: number): number {
    const text = this.text;
    const len = this.len;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === SP) p++;
      else if (c === LF || c === CR) {
        p += c === CR ? 2 : 1;
        const ls = p;
        while (text.charCodeAt(p) === SP) p++;
        if (p >= len) bail();
        const d = text.charCodeAt(p);
        if (d === LF || d === CR) continue;
        if (d === TAB) bail();
        if (p - ls <= n && !(p - ls === n && this.flowLevel === 1 && d === close)) bail();
      } else if (c === HASH) {
        const prev = text.charCodeAt(p - 1);
        if (prev !== SP && prev !== LF) bail();
        const nl = text.indexOf('\n', p);
        if (nl === -1) bail();
        p = nl - (text.charCodeAt(nl - 1) === CR ? 1 : 0);
      } else if (c === TAB) bail();
      else return p;
    }
  }

  /** A value inside a flow collection; sets `fp` to where reading resumes. */
  private flowValue(p: number, n: number, depth: number, inSeq: boolean): IacNode {
    if (depth > MAX_DEPTH) bail();
    let c = this.code(p);
    let tag: Tag | undefined;
    if (c === BANG) {
      tag = this.tag(p);
      p += tag.source.length;
      c = this.code(p);
      if (c !== SP) bail();
      while (c === SP) c = this.code(++p);
    }
    let node: IacNode;
    if (c === LBRACKET || c === LBRACE) {
      node = this.flow(p, n, depth, inSeq);
    } else if (c === DQUOTE || c === SQUOTE) {
      const cl = this.quoteEnd(p, c);
      const nl = this.text.indexOf('\n', p);
      if (nl !== -1 && nl < cl) bail();
      node = { t: 'str', v: this.quotedValue(p, cl, c), start: p + 1, end: cl };
      this.fp = cl + 1;
    } else {
      if (!this.plainStart(p, true)) bail();
      const e = this.flowPlain(p);
      const v = this.text.slice(p, e);
      node = tag ? { t: 'str', v, start: p, end: e } : this.plainNode(v, p, e);
      this.fp = e;
    }
    return tag ? this.tagged(tag, node) : node;
  }

  /** A one-line plain scalar inside a flow collection; returns its end. */
  private flowPlain(p: number): number {
    const text = this.text;
    const len = this.len;
    let i = p;
    let end = p;
    for (;;) {
      if (i >= len) bail();
      const c = text.charCodeAt(i);
      if (c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE) break;
      if (c === COLON) {
        const d = text.charCodeAt(i + 1);
        if (this.isEmpty(i + 1) || d === COMMA || d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE) break;
        end = ++i;
      } else if (c === SP) {
        if (text.charCodeAt(i + 1) === HASH) break;
        i++;
      } else if (c === LF || c === CR) {
        // The scalar ends here only if the next line goes on with a separator, a closing bracket or a comment.
        let s = i + (c === CR ? 2 : 1);
        while (text.charCodeAt(s) === SP) s++;
        const d = text.charCodeAt(s);
        if (d === COMMA || d === RBRACKET || d === RBRACE || d === HASH) break;
        bail();
      } else if (c === TAB) bail();
      else end = ++i;
    }
    if (end === p) bail();
    return end;
  }
}
