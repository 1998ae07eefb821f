/** The key path at a position in a card's front matter, from indentation (works on half-typed YAML). */
export interface PathAt {
  /** Keys from the root to the entry at the position (list items as `*`). */
  path: string[];
  /** The cursor is after `key:` on the line (a value position) rather than on the key. */
  inValue: boolean;
  /** The key on the line, when there is one. */
  key?: string;
}

export function frontMatterRange(lines: readonly string[]): [number, number] | undefined {
  if (!/^\uFEFF?---\s*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)\s*$/.test(lines[i]!)) return [1, i];
  return [1, lines.length];
}

const KEY = /^(\s*)(-\s+)?(["']?)([\w$./-]+)\3\s*:(?:\s|$)/;

export function pathAt(lines: readonly string[], line: number, character: number): PathAt | undefined {
  const range = frontMatterRange(lines);
  if (!range || line < range[0] || line >= range[1]) return undefined;
  const text = lines[line]!;
  const m = KEY.exec(text);
  const indentOf = (l: string, mm: RegExpExecArray | null) => (mm ? mm[1]!.length + (mm[2]?.length ?? 0) : /^\s*/.exec(l)![0].length);
  let indent = m ? indentOf(text, m) : Math.min(character, /^\s*(-\s+)?/.exec(text)![0].length);
  const path: string[] = [];
  let key: string | undefined;
  let inValue = false;
  if (m) {
    key = m[4]!;
    inValue = character > text.indexOf(':', m[1]!.length + (m[2]?.length ?? 0));
  }
  const isItem = /^\s*-\s/.test(text);
  let itemPending = isItem;
  for (let i = line - 1; i >= range[0]; i--) {
    const l = lines[i]!;
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const km = KEY.exec(l);
    const lineIndent = /^\s*/.exec(l)![0].length;
    if (itemPending && lineIndent < indent && !/^\s*-\s/.test(l)) {
      path.unshift('*');
      itemPending = false;
    }
    if (/^\s*-\s/.test(l) && lineIndent < indent) {
      // An enclosing list item: its keys are siblings at the item's content indent.
      if (km && indentOf(l, km) < indent) {
        path.unshift('*');
        indent = lineIndent;
        continue;
      }
    }
    if (km && lineIndent < indent && !km[2]) {
      path.unshift(km[4]!);
      indent = lineIndent;
      if (indent === 0) break;
    }
  }
  return { path: key ? [...path, key] : path, inValue, ...(key ? { key } : {}) };
}
