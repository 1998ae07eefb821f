/**
 * A fast reader for well-formed JSON/JSONC documents straight into the IaC value model, with exact offsets. It gives
 * the same tree as the `jsonc-parser` path in yamlJson.ts (comments and trailing commas allowed) and steps aside
 * (returns `undefined`) at anything else, so the tolerant parser handles broken input. Content after a complete
 * document (a stray `# comment`, a second value) is reported as one error, with the document kept, as the tolerant
 * parser keeps it.
 */
import { normaliseIntrinsic } from './cfnValues';
import type { IacNode, MapEntry } from './node';

/** Deeper documents go to the tolerant parser, which reports them. */
const MAX_DEPTH = 200;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: they send the text to the tolerant parser
const STRING = /"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Bail extends Error {}
const BAIL = new Bail();

export interface FastJson {
  root: IacNode;
  /** Where content after the document starts, if any. */
  trailing: number | undefined;
}

/**
 * Reads `text` as one JSON value (CloudFormation intrinsic maps such as `{"Ref": …}` become expr nodes). Returns
 * `undefined` when the text is not plain well-formed JSON(C) the fast path is sure about.
 */
export function fastParseJson(text: string): FastJson | undefined {
  let pos = 0;
  const len = text.length;

  /** Skips spaces, line breaks and comments; bails on anything unusual between tokens. */
  const skip = (): void => {
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else if (c === 47 /* / */) {
        const next = text.charCodeAt(pos + 1);
        if (next === 47) {
          let end = pos + 2;
          while (end < len && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
          pos = end;
        } else if (next === 42) {
          const end = text.indexOf('*/', pos + 2);
          if (end === -1) throw BAIL;
          pos = end + 2;
        } else return;
      } else return;
    }
  };

  const string = (): string => {
    STRING.lastIndex = pos;
    if (!STRING.test(text)) throw BAIL;
    const end = STRING.lastIndex;
    const raw = text.slice(pos + 1, end - 1);
    pos = end;
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  };

  const value = (depth: number): IacNode => {
    if (depth > MAX_DEPTH) throw BAIL;
    const start = pos;
    const c = text.charCodeAt(pos);
    if (c === 123 /* { */) {
      pos++;
      const entries: MapEntry[] = [];
      skip();
      while (text.charCodeAt(pos) !== 125 /* } */) {
        if (text.charCodeAt(pos) !== 34) throw BAIL;
        const keyStart = pos + 1;
        const key = string();
        const keyEnd = pos - 1;
        skip();
        if (text.charCodeAt(pos) !== 58 /* : */) throw BAIL;
        pos++;
        skip();
        entries.push({ key, keyStart, keyEnd, value: value(depth + 1) });
        skip();
        const sep = text.charCodeAt(pos);
        if (sep === 44 /* , */) {
          pos++;
          skip();
        } else if (sep !== 125) throw BAIL;
      }
      pos++;
      return normaliseIntrinsic({ t: 'map', entries, start, end: pos }, text);
    }
    if (c === 91 /* [ */) {
      pos++;
      const items: IacNode[] = [];
      skip();
      while (text.charCodeAt(pos) !== 93 /* ] */) {
        items.push(value(depth + 1));
        skip();
        const sep = text.charCodeAt(pos);
        if (sep === 44) {
          pos++;
          skip();
        } else if (sep !== 93) throw BAIL;
      }
      pos++;
      return { t: 'list', items, start, end: pos };
    }
    if (c === 34) {
      const v = string();
      return { t: 'str', v, start: start + 1, end: Math.max(start + 1, pos - 1) };
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = pos;
      if (!NUMBER.test(text)) throw BAIL;
      pos = NUMBER.lastIndex;
      if (isWordChar(text.charCodeAt(pos))) throw BAIL;
      return { t: 'num', v: Number(text.slice(start, pos)), start, end: pos };
    }
    for (const [word, node] of LITERALS) {
      if (text.startsWith(word, pos) && !isWordChar(text.charCodeAt(pos + word.length))) {
        pos += word.length;
        return node === null ? { t: 'null', start, end: pos } : { t: 'bool', v: node, start, end: pos };
      }
    }
    throw BAIL;
  };

  try {
    skip();
    if (pos >= len) return undefined;
    const root = value(0);
    skip();
    if (pos >= len) return { root, trailing: undefined };
    // What follows must plainly be a token start (the tolerant parser's first complaint is there); a non-ASCII
    // character might be a space it skips.
    return text.charCodeAt(pos) < 128 && text.charCodeAt(pos) > 32 ? { root, trailing: pos } : undefined;
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

const LITERALS: [string, boolean | null][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** Characters that would make `true`, `null` or a number part of a longer unknown word. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 43 || c === 45 || c > 127;
}
