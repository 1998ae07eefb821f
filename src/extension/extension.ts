import * as path from 'node:path';
import * as vscode from 'vscode';
import { initCdkParsers } from '../engine/iac/cdk';
// The same Node-side loader the CLI uses (reads the wasm files shipped in dist/wasm).
import { loadCdkWasm } from '../cli/cdkWasm';
import type { Finding } from '../engine/finding';
import { RULES, getRule } from '../engine/rules';
import { VERSION } from '../engine/version';
import { CommandId } from './commands';
import { DiagnosticsController } from './diagnostics';
import { registerPostureView, type PostureApi } from './postureView';
import { SandboxPanel } from './sandboxPanel';
import { registerSandbox, sandboxHandle, type SandboxHandle } from './sandbox/register';
import { scanWorkspace, type WorkspaceScanResult } from './workspaceScan';
import { registerCards, type CardsApi } from './cards/cardsFeature';
import { GuardCodeActions } from './codeActions';
import { GuardHover } from './hover';
import { GuardStatus, showProblems } from './status';

/** What `activate()` returns: integration tests (and other extensions) await these instead of sleeping. */
export interface GenaiGuardApi {
  readonly version: string;
  /** Scans a document now (opening it if needed) and returns its findings, suppressed ones included. */
  scanDocument(uri: vscode.Uri): Promise<Finding[]>;
  /** Findings last published for a file. */
  getFindings(uri: vscode.Uri): Finding[];
  /** Resolves once no document scan is pending. */
  whenIdle(): Promise<void>;
  scanWorkspace(): Promise<WorkspaceScanResult>;
  readonly onDidChangeFindings: vscode.Event<vscode.Uri>;
  /** Opens the prompt sandbox and returns a handle that feeds it messages as its webview would. */
  openPromptSandbox(): SandboxHandle;
  /** AI system cards: answer Create AI System Card's prompts from a test, refresh a card's diagnostics. */
  readonly cards: CardsApi;
  /** The Bedrock access-posture view: refresh it, read its tree and report, export (integration tests). */
  readonly posture: PostureApi;
  /** The language status item's text and detail (counts, last scan, restricted mode). */
  status(): { text: string; detail: string | undefined };
}

export function activate(context: vscode.ExtensionContext): GenaiGuardApi {
  const log = vscode.window.createOutputChannel('GenAI Guard', { log: true });
  const docsUri = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules', `${ruleId}.md`);
  const controller = new DiagnosticsController(docsUri, log);
  context.subscriptions.push(log, controller);
  const posture = registerPostureView(context, log);

  const showRuleDocs = async (ruleId?: unknown) => {
    let id = typeof ruleId === 'string' ? ruleId : undefined;
    if (!id) {
      const pick = await vscode.window.showQuickPick(
        RULES.map((r) => ({ label: r.id, description: r.family, detail: r.title })),
        { title: 'GenAI Guard: rule documentation', matchOnDetail: true },
      );
      id = pick?.label;
    }
    if (!id || !getRule(id)) return;
    await vscode.commands.executeCommand('markdown.showPreview', docsUri(id));
  };

  const codeActions = new GuardCodeActions(controller);
  const status = new GuardStatus(controller, CommandId.ShowProblems);
  const everyFile: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
  context.subscriptions.push(
    codeActions,
    status,
    vscode.languages.registerCodeActionsProvider(everyFile, codeActions, { providedCodeActionKinds: GuardCodeActions.kinds }),
    vscode.languages.registerHoverProvider(everyFile, new GuardHover(controller, CommandId.ShowRuleDocs)),
    vscode.commands.registerCommand(CommandId.IgnoreFinding, (uri: vscode.Uri, ruleId: string, line: number, column: number, scope: 'line' | 'file', reason?: string) =>
      codeActions.ignore(uri, ruleId, line, column, scope, reason),
    ),
    vscode.commands.registerCommand(CommandId.ShowProblems, showProblems),
    // A diagnostic's rule link points at the bundled page: show it as a Markdown preview, not as source text.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const uri = editor?.document.uri;
      const rulesDir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules').path + '/';
      if (!uri || uri.scheme !== context.extensionUri.scheme || !uri.path.startsWith(rulesDir) || !uri.path.endsWith('.md')) return;
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      void (async () => {
        if (tab?.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) await vscode.window.tabGroups.close(tab);
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      })();
    }),
    vscode.commands.registerCommand(CommandId.ScanFile, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return void vscode.window.showInformationMessage('GenAI Guard: open a file to scan it.');
      const n = (await controller.scanOpenDocument(doc)).filter((f) => !f.suppressed).length;
      void vscode.window.setStatusBarMessage(`GenAI Guard: ${n} finding${n === 1 ? '' : 's'} in ${vscode.workspace.asRelativePath(doc.uri)}`, 4000);
    }),
    vscode.commands.registerCommand(CommandId.ScanWorkspace, async () => {
      const r = await scanWorkspace(controller, log);
      void vscode.window.showInformationMessage(
        `GenAI Guard: ${r.findings} finding${r.findings === 1 ? '' : 's'} in ${r.files} file${r.files === 1 ? '' : 's'}${r.skipped ? ` (${r.skipped} skipped)` : ''}${r.cancelled ? ' — cancelled' : ''}.`,
      );
      return r;
    }),
    vscode.commands.registerCommand(CommandId.ClearFindings, () => controller.clear()),
    vscode.commands.registerCommand(CommandId.ShowRuleDocs, showRuleDocs),
    vscode.commands.registerCommand(CommandId.ShowLog, () => log.show()),
    vscode.commands.registerCommand(CommandId.OpenPromptSandbox, () => void SandboxPanel.show(context.extensionUri, log)),
    { dispose: () => SandboxPanel.current?.dispose() },
  );

  void controller.loadFileConfigs().then(() => controller.rescanOpenDocuments());
  // CDK apps are parsed with tree-sitter (WebAssembly): load it off the activation path, then rescan open files.
  void initCdkParsers(() => loadCdkWasm(path.join(context.extensionPath, 'dist', 'wasm'))).then(
    () => controller.rescanOpenDocuments(),
    (e: unknown) => log.error(`CDK support unavailable: tree-sitter failed to load (${String(e)})`),
  );
  log.info(`GenAI Guard ${VERSION} active (${RULES.length} rules)`);

  const cards = registerCards(context, log);
  registerSandbox(context, log);

  return {
    version: VERSION,
    posture,
    cards,
    async scanDocument(uri) {
      const doc = await vscode.workspace.openTextDocument(uri);
      return controller.scanOpenDocument(doc);
    },
    getFindings: (uri) => controller.getFindings(uri),
    whenIdle: () => controller.whenIdle(),
    scanWorkspace: () => scanWorkspace(controller, log),
    onDidChangeFindings: controller.onDidChangeFindings,
    status: () => ({ text: status.item.text, detail: status.item.detail }),
    openPromptSandbox() {
      return sandboxHandle(SandboxPanel.show(context.extensionUri, log));
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
