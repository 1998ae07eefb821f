/**
 * "Ignore RULE on this line…" and "Ignore RULE in this file…": write the suppression the engine reads
 * (src/engine/suppress.ts) in the file's own comment syntax, or as CloudFormation `Metadata` in JSON templates.
 */
import type { Finding } from '../finding';
import { buildModel } from '../iac/model';
import { get, type IacNode, type MapNode } from '../iac/node';
import { parseJson } from '../iac/yamlJson';
import { comment, commentSyntax } from './comments';
import { Editor } from './text';
import type { FixContext, WorkspaceFix } from './types';

/** A reason fit for a one-line comment: no line breaks, no comment terminators. */
export function cleanReason(reason: string): string {
  return reason.replace(/[\r\n]+/g, ' ').replace(/\*\/|-->/g, '').trim();
}

const NEXT_LINE = /(genai-guard-ignore-next-line[ \t]+)([A-Z]{2,}-[A-Z]{2,}-\d{3}(?:[ \t]*,[ \t]*[A-Z]{2,}-[A-Z]{2,}-\d{3})*)/;
const FILE_DIRECTIVE = /(genai-guard-ignore-file[ \t]+)([A-Z]{2,}-[A-Z]{2,}-\d{3}(?:[ \t]*,[ \t]*[A-Z]{2,}-[A-Z]{2,}-\d{3})*)/;

/** True when the file can carry a line comment, or the finding a CloudFormation Metadata entry. */
export function canIgnoreOnLine(f: Finding, ctx: FixContext): boolean {
  return commentSyntax(ctx.file) !== undefined || (ctx.kind === 'cloudformation' && f.resource !== undefined);
}

export function ignoreOnLine(f: Finding, ctx: FixContext, reason: string): WorkspaceFix | undefined {
  const why = cleanReason(reason);
  const syntax = commentSyntax(ctx.file);
  if (!syntax) return ctx.kind === 'cloudformation' ? ignoreInMetadata(f, ctx, why) : undefined;
  const ed = new Editor(ctx.text);
  const line = f.range.start.line;
  const title = `Ignore ${f.ruleId} on this line`;
  if (line > 1) {
    const above = ed.lines.lineText(line - 1);
    const m = NEXT_LINE.exec(above);
    if (m && !m[2]!.split(/\s*,\s*/).includes(f.ruleId)) {
      // Extend the directive already above the line (two stacked next-line directives would not both apply).
      const at = ed.lines.offset({ line: line - 1, column: 1 }) + m.index + m[0].length;
      return { title, edits: [ed.insert(at, `, ${f.ruleId}`)] };
    }
  }
  const lineStart = ed.lines.offset({ line, column: 1 });
  const indent = ed.indentAt(lineStart);
  const text = `${indent}${comment(syntax, `genai-guard-ignore-next-line ${f.ruleId}: ${why}`)}${ed.eol}`;
  return { title, edits: [ed.insert(lineStart, text)] };
}

export function canIgnoreInFile(ctx: FixContext): boolean {
  return commentSyntax(ctx.file) !== undefined;
}

export function ignoreInFile(f: Finding, ctx: FixContext, reason: string): WorkspaceFix | undefined {
  const syntax = commentSyntax(ctx.file);
  if (!syntax) return undefined;
  const ed = new Editor(ctx.text);
  const title = `Ignore ${f.ruleId} in this file`;
  const head = Math.min(ed.lines.lineCount, 10);
  for (let line = 1; line <= head; line++) {
    const m = FILE_DIRECTIVE.exec(ed.lines.lineText(line));
    if (!m) continue;
    if (m[2]!.split(/\s*,\s*/).includes(f.ruleId)) return undefined;
    const at = ed.lines.offset({ line, column: 1 }) + m.index + m[0].length;
    return { title, edits: [ed.insert(at, `, ${f.ruleId}`)] };
  }
  let offset = 0;
  if (ctx.text.startsWith('#!')) offset = ed.nextLineStart(0);
  else if (/^---\r?\n/.test(ctx.text) && /\.(md|markdown)$/i.test(ctx.file)) {
    const close = ctx.text.indexOf('\n---', 3);
    if (close !== -1) offset = ed.nextLineStart(close + 1);
  }
  const text = `${comment(syntax, `genai-guard-ignore-file ${f.ruleId}: ${cleanReason(reason)}`)}${ed.eol}`;
  return { title, edits: [ed.insert(offset, text)] };
}

/** CloudFormation JSON (no comments): `"Metadata": {"genai-guard": {"ignore": [{"id", "reason"}]}}` on the resource. */
export function ignoreInMetadata(f: Finding, ctx: FixContext, reason: string): WorkspaceFix | undefined {
  if (!f.resource) return undefined;
  const model = buildModel([{ file: ctx.file, text: ctx.text, kind: ctx.kind }]);
  const r = model?.byAddress(f.resource);
  if (!r || !/\.json$/i.test(ctx.file)) return undefined;
  const root = parseJson(ctx.text).root;
  const value = get(get(root, 'Resources'), r.address);
  if (value?.t !== 'map') return undefined;
  const ed = new Editor(ctx.text);
  const item = JSON.stringify({ id: f.ruleId, reason });
  const title = `Ignore ${f.ruleId} for ${r.address} (CloudFormation Metadata)`;
  const metadata = get(value, 'Metadata');
  const ours = get(metadata, 'genai-guard');
  const list = get(ours, 'ignore');
  if (list?.t === 'list') {
    const last = list.items.at(-1);
    return { title, edits: [last ? ed.insert(last.end, `, ${item}`) : ed.insert(list.start + 1, item)] };
  }
  if (metadata?.t === 'map') return { title, edits: [insertFirstEntry(ed, metadata, `"genai-guard": { "ignore": [${item}] }`)] };
  return { title, edits: [insertFirstEntry(ed, value, `"Metadata": { "genai-guard": { "ignore": [${item}] } }`)] };
}

function insertFirstEntry(ed: Editor, map: MapNode, entryText: string): ReturnType<Editor['insert']> {
  const first: IacNode | undefined = map.entries[0]?.value;
  const firstKey = map.entries[0]?.keyStart;
  if (first === undefined || firstKey === undefined) return ed.insert(map.start + 1, ` ${entryText} `);
  // Same line layout as the first entry: on its own line with its indentation, or inline.
  const keyQuote = ed.text.lastIndexOf('"', firstKey) === firstKey - 1 ? firstKey - 1 : firstKey;
  const sameLine = ed.lineStart(keyQuote) === ed.lineStart(map.start);
  if (sameLine) return ed.insert(keyQuote, `${entryText}, `);
  return ed.insert(ed.lineStart(keyQuote), `${ed.indentAt(keyQuote)}${entryText},${ed.eol}`);
}
