import type { TextEdit } from '../finding';
import { LineIndex } from '../text';

/** Edit helpers over one text: offsets in, 1-based ranges out. */
export class Editor {
  readonly lines: LineIndex;
  readonly eol: string;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  replace(start: number, end: number, newText: string): TextEdit {
    return { range: this.lines.range(start, end), newText };
  }

  insert(offset: number, newText: string): TextEdit {
    return this.replace(offset, offset, newText);
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset just after the line break that ends the line containing `offset` (the text's end on the last line). */
  nextLineStart(offset: number): number {
    const i = this.text.indexOf('\n', offset);
    return i === -1 ? this.text.length : i + 1;
  }

  /** Leading whitespace of the line containing `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start, start + 200))?.[0] ?? '';
  }

  /** Appends lines at the end of the text, separated from what is there by a blank line when `blank`. */
  append(block: string, blank = true): TextEdit {
    const t = this.text;
    const trailing = t.length === 0 ? '' : t.endsWith('\n') ? (blank ? this.eol : '') : this.eol + (blank ? this.eol : '');
    return this.insert(t.length, trailing + block.replace(/\n/g, this.eol));
  }
}

/** The quoted string literal around [start, end), if the match sits inside one on a single line. */
export function enclosingString(text: string, start: number, end: number): { start: number; end: number; quote: string; whole: boolean } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndRaw = text.indexOf('\n', end);
  const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
  for (let i = start - 1; i >= lineStart; i--) {
    const q = text[i]!;
    if (q !== '"' && q !== "'" && q !== '`') continue;
    if (text[i - 1] === '\\') continue;
    let j = end;
    while (j < lineEnd && !(text[j] === q && text[j - 1] !== '\\')) j++;
    if (j >= lineEnd) return undefined;
    return { start: i, end: j + 1, quote: q, whole: i === start - 1 && j === end };
  }
  return undefined;
}

export function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

export function lowerSnake(name: string): string {
  return upperSnake(name).toLowerCase();
}

export function kebab(name: string): string {
  return lowerSnake(name).replace(/_/g, '-');
}
