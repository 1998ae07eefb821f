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
import { PostureTreeProvider } from './postureView';
import { SandboxPanel } from './sandboxPanel';
import type { ToWebview } from '../webview/protocol';
import { scanWorkspace, type WorkspaceScanResult } from './workspaceScan';

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
  openPromptSandbox(): { postFromWebview(message: unknown): Promise<ToWebview | undefined> };
}

export function activate(context: vscode.ExtensionContext): GenaiGuardApi {
  const log = vscode.window.createOutputChannel('GenAI Guard', { log: true });
  const docsUri = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules', `${ruleId}.md`);
  const controller = new DiagnosticsController(docsUri, log);
  const posture = new PostureTreeProvider();
  context.subscriptions.push(log, controller, posture, vscode.window.registerTreeDataProvider('genaiGuard.posture', posture));

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

  context.subscriptions.push(
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
    vscode.commands.registerCommand(CommandId.OpenPromptSandbox, () => void SandboxPanel.show(context.extensionUri)),
    { dispose: () => SandboxPanel.current?.dispose() },
  );

  controller.rescanOpenDocuments();
  // CDK apps are parsed with tree-sitter (WebAssembly): load it off the activation path, then rescan open files.
  void initCdkParsers(() => loadCdkWasm(path.join(context.extensionPath, 'dist', 'wasm'))).then(
    () => controller.rescanOpenDocuments(),
    (e: unknown) => log.error(`CDK support unavailable: tree-sitter failed to load (${String(e)})`),
  );
  log.info(`GenAI Guard ${VERSION} active (${RULES.length} rules)`);

  return {
    version: VERSION,
    async scanDocument(uri) {
      const doc = await vscode.workspace.openTextDocument(uri);
      return controller.scanOpenDocument(doc);
    },
    getFindings: (uri) => controller.getFindings(uri),
    whenIdle: () => controller.whenIdle(),
    scanWorkspace: () => scanWorkspace(controller, log),
    onDidChangeFindings: controller.onDidChangeFindings,
    openPromptSandbox() {
      const panel = SandboxPanel.show(context.extensionUri);
      return { postFromWebview: (m) => panel.onMessage(m) };
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
