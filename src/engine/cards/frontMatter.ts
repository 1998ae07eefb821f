/**
 * A card file is Markdown with YAML front matter. This module splits it, parses the YAML (keeping offsets through
 * the scanner's YAML parser), maps key paths to ranges for diagnostics, and applies structured edits.
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { parseYaml } from '../iac/yamlJson';
import type { IacNode } from '../iac/node';
import type { CardEdit } from './types';

export interface ParsedCard {
  /** The front matter as plain data (empty object when there is none or it is not a map). */
  data: Record<string, unknown>;
  /** Offsets of the front-matter YAML in the file (between the `---` fences), end exclusive. */
  yamlStart: number;
  yamlEnd: number;
  /** The Markdown body after the closing fence. */
  body: string;
  bodyStart: number;
  hasFrontMatter: boolean;
  /** YAML syntax errors, offsets into the file. */
  errors: { start: number; message: string }[];
  /** The front matter in the IaC value model (offsets into the file). */
  root: IacNode | undefined;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export function parseCard(text: string): ParsedCard {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, yamlStart: 0, yamlEnd: 0, body: text, bodyStart: 0, hasFrontMatter: false, errors: [], root: undefined };
  const yamlStart = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  close.lastIndex = 0;
  const rest = text.slice(yamlStart);
  const m = close.exec(rest);
  const yamlEnd = m ? yamlStart + m.index : text.length;
  const bodyStart = m ? yamlEnd + m[0].length : text.length;
  const yamlText = text.slice(yamlStart, yamlEnd);
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
  const errors = doc.errors.map((e) => ({ start: yamlStart + e.pos[0], message: e.message.split('\n')[0] ?? e.message }));
  if (!m) errors.push({ start: 0, message: 'The front matter has no closing "---" line.' });
  const js: unknown = doc.errors.length ? {} : doc.toJS({ maxAliasCount: 50 });
  const data = js && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
  // Offsets: parse the front matter padded with line breaks so node offsets are file offsets.
  const padded = '\n'.repeat(yamlStart) + yamlText;
  const root = doc.errors.length ? undefined : parseYaml(padded).root;
  return { data, yamlStart, yamlEnd, body: text.slice(bodyStart), bodyStart, hasFrontMatter: true, errors, root };
}

/** True when a text looks like an AI system card (front matter with an `aisc:` key). */
export function isCardText(text: string): boolean {
  return OPEN.test(text) && /^aisc\s*:/m.test(text.slice(0, 200_000));
}

/** The file range of the deepest node along a key path (the key of a map entry, or a list item). */
export function locate(card: ParsedCard, path: readonly (string | number)[]): { start: number; end: number } {
  let node = card.root;
  let best = { start: card.yamlStart > 4 ? card.yamlStart - 4 : 0, end: card.yamlStart > 0 ? card.yamlStart - 1 : 0 };
  for (const k of path) {
    if (!node) break;
    if (node.t === 'map') {
      const e = [...node.entries].reverse().find((x) => x.key === String(k));
      if (!e) break;
      best = { start: e.keyStart, end: e.keyEnd };
      node = e.value;
    } else if (node.t === 'list' && typeof k === 'number') {
      const item = node.items[k];
      if (!item) break;
      best = { start: item.start, end: Math.min(item.end, item.start + 200) };
      node = item;
    } else break;
  }
  return best;
}

/** Applies structured edits to the front matter and returns the whole new file text (comments are kept). */
export function applyCardEdits(text: string, edits: readonly CardEdit[]): string {
  const card = parseCard(text);
  const yamlText = card.hasFrontMatter ? text.slice(card.yamlStart, card.yamlEnd) : '';
  const doc: Document = parseDocument(yamlText);
  let append = '';
  for (const e of edits) {
    if (e.op === 'appendBody') {
      append += e.text;
    } else if (e.op === 'set') {
      if (e.onlyIfMissing && doc.hasIn(e.path)) continue;
      doc.setIn(e.path, doc.createNode(e.value));
    } else if (e.op === 'push') {
      const seq = doc.getIn(e.path, true);
      if (isSeq(seq)) seq.add(doc.createNode(e.value));
      else doc.setIn(e.path, doc.createNode([e.value]));
    } else if (e.op === 'delete') {
      doc.deleteIn(e.path);
    } else {
      const seq = doc.getIn(e.path, true);
      if (!isSeq(seq)) continue;
      for (let i = seq.items.length - 1; i >= 0; i--) {
        const item = seq.items[i];
        if (isMap(item) && String(item.get(e.key)) === e.equals) seq.items.splice(i, 1);
      }
    }
  }
  const structural = edits.some((e) => e.op !== 'appendBody');
  const out = structural ? doc.toString({ lineWidth: 0 }) : yamlText;
  const tail = append ? `${/\n$/.test(text) || !text ? '' : '\n'}\n${append}` : '';
  if (!card.hasFrontMatter) return `---\n${out}---\n\n${text}${tail}`;
  return text.slice(0, card.yamlStart) + out + text.slice(card.yamlEnd) + tail;
}

/** Deep get on plain data. */
export function getAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k as string];
  }
  return v;
}

/** A value that documents something: a non-empty string, a non-empty list, an object with some content, a number. */
export function isFilled(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim().length > 0 && !/^(TODO|TBD)\b/i.test(v.trim());
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v).some(isFilled);
  return true;
}
