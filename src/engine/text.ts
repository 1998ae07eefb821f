import type { Position, Range } from './finding';

/** Maps UTF-16 offsets of a text to 1-based line/column positions (binary search over line starts). */
export class LineIndex {
  private lineStarts: number[] | undefined;

  /** Lines are found on first use: most texts a scan indexes never have a finding to place. */
  constructor(readonly text: string) {}

  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /** Inverse of `position`: the UTF-16 offset of a 1-based line/column. */
  offset(pos: Position): number {
    return (this.starts[pos.line - 1] ?? this.text.length) + pos.column - 1;
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    const raw = this.text.slice(start, next === undefined ? undefined : next - 1);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  }
}

/** Masks a secret for display: keeps a short prefix and suffix, never the whole value (`AKIA…WXYZ`). */
export function maskSecret(value: string, keepStart = 4, keepEnd = 4): string {
  if (value.length <= keepStart + keepEnd + 4) return `${value.slice(0, Math.min(2, value.length))}…`;
  return `${value.slice(0, keepStart)}…${value.slice(-keepEnd)}`;
}

/**
 * A 64-bit content fingerprint as 16 hex digits: two FNV-1a lanes with different offset bases, in 32-bit integer
 * arithmetic (fast, dependency-free, stable across platforms; not a security hash).
 */
export function fingerprintOf(...parts: string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** True when the buffer looks binary: a NUL byte in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}

/** Lengths of the common prefix and suffix of two texts (not overlapping), compared chunk by chunk first. */
export function commonEnds(a: string, b: string): [number, number] {
  const CHUNK = 2048;
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix + CHUNK <= limit && a.slice(prefix, prefix + CHUNK) === b.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + CHUNK <= limit - prefix && a.slice(a.length - suffix - CHUNK, a.length - suffix) === b.slice(b.length - suffix - CHUNK, b.length - suffix)) suffix += CHUNK;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return [prefix, suffix];
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze<RegExpExecArray[]>([]);

/**
 * Every match of the global regex `re` in `text`, as `text.matchAll(re)` gives them (same matches, same order, same
 * empty-match stepping), without cloning the regex. `re` must carry the `g` flag; its `lastIndex` is reset.
 */
export function execAll(re: RegExp, text: string): readonly RegExpExecArray[] {
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  while (m !== null) {
    out.push(m);
    if (m[0].length === 0) {
      // AdvanceStringIndex: a whole code point under the u (or v) flag.
      const i = re.lastIndex;
      const c = text.charCodeAt(i);
      re.lastIndex = i + ((re.unicode || re.flags.includes('v')) && c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
    }
    m = re.exec(text);
  }
  return out;
}
