/** Registers the prompt sandbox's editor integration: prompt files open in the sandbox (CodeLens, title-bar button). */
import * as vscode from 'vscode';
import type { ToWebview } from '../../webview/protocol';
import { SandboxPanel } from '../sandboxPanel';
import { OPEN_PROMPT_FILE_COMMAND, PROMPT_SELECTOR, PromptFileCodeLens, promptFileDraft } from './promptFiles';

/** What the test API hands out: feed the panel messages as its webview would, and read what it posted back. */
export interface SandboxHandle {
  /** Resolves when the message is handled (a Send: when the stream ended) with the messages posted meanwhile. */
  postFromWebview(message: unknown): Promise<ToWebview[]>;
  /** Every message posted to the webview since the panel opened. */
  readonly posted: readonly ToWebview[];
}

export function sandboxHandle(panel: SandboxPanel): SandboxHandle {
  return { postFromWebview: (m) => panel.onMessage(m), posted: panel.controller.posted };
}

/** Opens a prompt file (or the active editor's) in the sandbox; a malformed file is reported, not opened. */
export async function openPromptFile(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, uri?: vscode.Uri): Promise<SandboxPanel | undefined> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('GenAI Guard: open a .prompt file first.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  let draft;
  try {
    draft = promptFileDraft(doc.getText());
  } catch (e) {
    void vscode.window.showErrorMessage(`GenAI Guard: ${vscode.workspace.asRelativePath(target)}: ${(e as Error).message}`);
    return undefined;
  }
  const panel = SandboxPanel.show(extensionUri, log);
  panel.load(draft);
  return panel;
}

export function registerSandbox(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_PROMPT_FILE_COMMAND, (uri?: vscode.Uri) => openPromptFile(context.extensionUri, log, uri)),
    vscode.languages.registerCodeLensProvider(PROMPT_SELECTOR, new PromptFileCodeLens()),
  );
}
