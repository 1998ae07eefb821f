import * as vscode from 'vscode';
import { detectDocumentKind } from '../engine/documentKind';
import type { Finding, TextEdit } from '../engine/finding';
import {
  buildFixAll,
  buildFixes,
  canIgnoreInFile,
  canIgnoreOnLine,
  extractModelIds,
  ignoreInFile,
  ignoreOnLine,
  NEEDS_MODEL_IDS,
  type FixContext,
  type WorkspaceFix,
} from '../engine/fixes';
import { CommandId } from './commands';
import { readConfig } from './config';
import { DEFAULT_EXCLUDE_GLOB, type DiagnosticsController } from './diagnostics';
import { DIAGNOSTIC_SOURCE, toVsRange } from './toDiagnostic';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('genai-guard');
const SOURCE_FILES = '**/*.{py,ts,tsx,js,jsx,mjs,cjs,java,go,kt,cs,rb,ipynb,json,yaml,yml,tf,env,sh,toml}';
const MAX_SOURCE_FILES = 2000;

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : typeof d.code === 'string' ? d.code : undefined;
}

/**
 * Quick fixes, suppressions and "fix all" for GenAI Guard diagnostics. Fixes are built by the pure builders in
 * `src/engine/fixes`; this adapter only gathers their inputs (module siblings, model ids, `.env.example`) and turns
 * their data into `WorkspaceEdit`s. Nothing is offered in untrusted workspaces (GenAI Guard is read-only there).
 */
export class GuardCodeActions implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];
  private modelIds: Promise<string[]> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly controller: DiagnosticsController) {
    const w = vscode.workspace.createFileSystemWatcher(SOURCE_FILES);
    const reset = () => (this.modelIds = undefined);
    this.disposables.push(w, w.onDidChange(reset), w.onDidCreate(reset), w.onDidDelete(reset), vscode.workspace.onDidSaveTextDocument(reset));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Bedrock model ids written anywhere in the workspace's source (cached until a source file changes). */
  workspaceModelIds(): Promise<string[]> {
    this.modelIds ??= (async () => {
      const uris = await vscode.workspace.findFiles(SOURCE_FILES, DEFAULT_EXCLUDE_GLOB, MAX_SOURCE_FILES);
      const ids = new Set<string>();
      for (const uri of uris) {
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          if (bytes.byteLength > 1024 * 1024) continue;
          const text = new TextDecoder('utf-8').decode(bytes);
          // Policy files list ARNs they grant, not models the code invokes.
          if (/"Statement"\s*:|\bResource\s*[:=]/.test(text) && /\.(json|ya?ml|tf)$/.test(uri.path)) continue;
          for (const id of extractModelIds(text)) ids.add(id);
        } catch {
          // unreadable: skipped
        }
      }
      return [...ids].sort();
    })();
    return this.modelIds;
  }

  async contextFor(doc: vscode.TextDocument, findings: readonly Finding[]): Promise<FixContext> {
    const file = vscode.workspace.asRelativePath(doc.uri, false);
    const text = doc.getText();
    const ctx: FixContext = { file, text, kind: detectDocumentKind(file, text) };
    const siblings = await this.controller.moduleSiblings(doc.uri, readConfig(doc.uri));
    if (siblings.length) ctx.siblings = siblings;
    if (findings.some((f) => NEEDS_MODEL_IDS.has(f.ruleId))) ctx.modelIds = await this.workspaceModelIds();
    if (findings.some((f) => f.family === 'secret') && /\.(py|[cm]?[jt]sx?)$/.test(doc.uri.path)) ctx.envExample = await this.envExample(doc.uri);
    return ctx;
  }

  /** The nearest `.env.example` from the file's folder up to the workspace root; else one to create at the root. */
  private async envExample(uri: vscode.Uri): Promise<{ file: string; text?: string } | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    let dir = vscode.Uri.joinPath(uri, '..');
    for (;;) {
      const candidate = vscode.Uri.joinPath(dir, '.env.example');
      try {
        const bytes = await vscode.workspace.fs.readFile(candidate);
        return { file: vscode.workspace.asRelativePath(candidate, false), text: new TextDecoder('utf-8').decode(bytes) };
      } catch {
        // not here
      }
      if (dir.path === folder.uri.path || dir.path.length <= folder.uri.path.length) break;
      dir = vscode.Uri.joinPath(dir, '..');
    }
    return { file: vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder.uri, '.env.example'), false) };
  }

  findingFor(uri: vscode.Uri, d: vscode.Diagnostic): Finding | undefined {
    return this.controller.getFindings(uri).find((f) => !f.suppressed && f.ruleId === codeOf(d) && toVsRange(f.range).isEqual(d.range));
  }

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!vscode.workspace.isTrusted) return [];
    const wantsFixAll = context.only?.contains(FIX_ALL_KIND) || (context.only && FIX_ALL_KIND.contains(context.only));
    const all = this.controller.getFindings(doc.uri).filter((f) => !f.suppressed);
    if (wantsFixAll && !context.only?.contains(vscode.CodeActionKind.QuickFix)) {
      const ctx = await this.contextFor(doc, all);
      const actions: vscode.CodeAction[] = [];
      for (const ruleId of new Set(all.map((f) => f.ruleId))) {
        const fix = buildFixAll(ruleId, all, ctx);
        if (fix) actions.push(this.toAction(doc, fix, FIX_ALL_KIND, []));
      }
      return actions;
    }
    const pairs = context.diagnostics
      .filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .map((d) => [d, this.findingFor(doc.uri, d)] as const)
      .filter((p): p is readonly [vscode.Diagnostic, Finding] => p[1] !== undefined);
    if (!pairs.length) return [];
    const ctx = await this.contextFor(doc, pairs.map((p) => p[1]));
    const fixes: vscode.CodeAction[] = [];
    const ignores: vscode.CodeAction[] = [];
    const seenFixAll = new Set<string>();
    for (const [d, f] of pairs) {
      for (const fix of buildFixes(f, ctx)) fixes.push(this.toAction(doc, fix, vscode.CodeActionKind.QuickFix, [d]));
      if (!seenFixAll.has(f.ruleId)) {
        seenFixAll.add(f.ruleId);
        const fixAll = buildFixAll(f.ruleId, all, ctx);
        if (fixAll) fixes.push(this.toAction(doc, fixAll, vscode.CodeActionKind.QuickFix, [d]));
      }
      const args = (scope: 'line' | 'file') => [doc.uri, f.ruleId, f.range.start.line, f.range.start.column, scope];
      if (canIgnoreOnLine(f, ctx)) {
        const a = new vscode.CodeAction(`Ignore ${f.ruleId} on this line…`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: CommandId.IgnoreFinding, title: a.title, arguments: args('line') };
        ignores.push(a);
      }
      if (canIgnoreInFile(ctx)) {
        const a = new vscode.CodeAction(`Ignore ${f.ruleId} in this file…`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: CommandId.IgnoreFinding, title: a.title, arguments: args('file') };
        ignores.push(a);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${f.ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.diagnostics = [d];
      docs.command = { command: CommandId.ShowRuleDocs, title: docs.title, arguments: [f.ruleId] };
      ignores.push(docs);
    }
    void range;
    return [...fixes, ...ignores];
  }

  toAction(doc: vscode.TextDocument, fix: WorkspaceFix, kind: vscode.CodeActionKind, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
    const a = new vscode.CodeAction(fix.title, kind);
    a.diagnostics = diagnostics;
    a.isPreferred = fix.isPreferred === true;
    a.edit = toWorkspaceEdit(doc.uri, fix);
    return a;
  }

  /** The "Ignore RULE on this line… / in this file…" command: asks for a reason (unless given) and writes the directive. */
  async ignore(uri: vscode.Uri, ruleId: string, line: number, column: number, scope: 'line' | 'file', reason?: string): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const f = this.controller.getFindings(uri).find((x) => x.ruleId === ruleId && x.range.start.line === line && x.range.start.column === column);
    if (!f) return false;
    const why =
      reason ??
      (await vscode.window.showInputBox({
        title: `Ignore ${ruleId} ${scope === 'line' ? 'on this line' : 'in this file'}`,
        prompt: 'Why is this finding acceptable? The reason is written next to the suppression for reviewers.',
        placeHolder: 'e.g. fake key used by unit tests',
        validateInput: (v) => (v.trim() ? undefined : 'A reason is required.'),
      }));
    if (!why?.trim()) return false;
    const ctx = await this.contextFor(doc, []);
    const fix = scope === 'line' ? ignoreOnLine(f, ctx, why) : ignoreInFile(f, ctx, why);
    if (!fix) return false;
    return vscode.workspace.applyEdit(toWorkspaceEdit(uri, fix));
  }
}

function toVsEdit(e: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVsRange(e.range), e.newText);
}

export function toWorkspaceEdit(uri: vscode.Uri, fix: WorkspaceFix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  if (fix.edits.length) edit.set(uri, fix.edits.map(toVsEdit));
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  for (const other of fix.files ?? []) {
    const target = root ? vscode.Uri.joinPath(root, other.file) : vscode.Uri.joinPath(uri, '..', other.file.split('/').pop() ?? other.file);
    if (other.create) {
      edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(other.edits.map((e) => e.newText).join('')) });
    } else {
      edit.set(target, other.edits.map(toVsEdit));
    }
  }
  return edit;
}
