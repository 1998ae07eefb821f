import { randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Draft, ToWebview } from '../webview/protocol';
import { SandboxController } from './sandbox/controller';
import { loadSandboxPolicy, readSandboxSettings } from './sandbox/settings';

/**
 * The prompt sandbox panel: a webview (strict CSP, nonce'd script, resources from dist/ and media/ only) around a
 * {@link SandboxController}, which redacts locally, shows the diff, and only then calls Bedrock.
 */
export class SandboxPanel {
  static current: SandboxPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly controller: SandboxController;

  static show(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): SandboxPanel {
    if (SandboxPanel.current) {
      SandboxPanel.current.panel.reveal();
      return SandboxPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('genaiGuard.sandbox', 'GenAI Guard: Prompt Sandbox', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'shield.svg');
    SandboxPanel.current = new SandboxPanel(panel, extensionUri, log);
    return SandboxPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
  ) {
    this.controller = new SandboxController({
      post: (m: ToWebview) => panel.webview.postMessage(m),
      settings: readSandboxSettings,
      loadPolicy: loadSandboxPolicy,
      appendAudit: async (file, line) => {
        await mkdir(path.dirname(file), { recursive: true });
        await appendFile(file, line, { encoding: 'utf8', mode: 0o600 });
      },
      log: (line) => log.info(line),
    });
    panel.webview.html = html(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.controller.handle(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Handles one (untrusted) message as if the webview had sent it; exposed for integration tests of the protocol. */
  onMessage(raw: unknown): Promise<ToWebview[]> {
    return this.controller.handle(raw);
  }

  load(draft: Draft): void {
    this.controller.load(draft);
  }

  dispose(): void {
    if (SandboxPanel.current === this) SandboxPanel.current = undefined;
    this.controller.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css'));
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}; connect-src 'none';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Prompt Sandbox</title>
</head>
<body>
<main>
<h2>Prompt sandbox</h2>
<p class="hint">Everything is redacted on this machine first. You see exactly what will leave, then Send calls Amazon Bedrock with the redacted form only.</p>
<section class="settings" aria-label="Model and parameters">
  <div class="field wide"><label for="model">Model</label><input id="model" list="model-list" placeholder="model id or inference profile id" autocomplete="off" spellcheck="false"><datalist id="model-list"></datalist></div>
  <div class="field"><label for="region">Region</label><input id="region" spellcheck="false" placeholder="us-east-1"></div>
  <div class="field narrow"><label for="max-tokens">Max tokens</label><input id="max-tokens" type="number" min="1" step="1" placeholder="default"></div>
  <div class="field narrow"><label for="temperature">Temperature</label><input id="temperature" type="number" min="0" max="1" step="0.1" placeholder="default"></div>
  <div class="field narrow"><label for="top-p">Top P</label><input id="top-p" type="number" min="0" max="1" step="0.05" placeholder="default"></div>
  <div class="field"><label for="guardrail-id">Guardrail id</label><input id="guardrail-id" spellcheck="false" placeholder="optional"></div>
  <div class="field narrow"><label for="guardrail-version">Version</label><input id="guardrail-version" spellcheck="false" placeholder="DRAFT"></div>
</section>
<p id="models-note" class="hint"></p>
<label for="system">System prompt</label>
<textarea id="system" rows="2" placeholder="optional"></textarea>
<div id="turns" aria-label="Conversation turns"></div>
<div class="row">
  <button id="add-turn" class="secondary">Add turn</button>
  <button id="new-conversation" class="secondary" title="Clear the turns and forget every placeholder">New conversation</button>
</div>
<div class="row">
  <label for="mark">Also redact</label>
  <input id="mark" placeholder="a term, e.g. a codename" spellcheck="false">
  <button id="mark-add" class="secondary">Add</button>
  <button id="mark-selection" class="secondary" title="Redact the text selected in a prompt box">Redact selection</button>
  <span id="marks"></span>
</div>
<div class="row actions">
  <button id="review">Review redaction (Ctrl+Enter)</button>
  <button id="send" disabled>Send to Bedrock (Ctrl+Shift+Enter)</button>
  <button id="cancel" class="secondary" disabled>Cancel</button>
</div>
<div id="status" role="status" aria-live="polite"></div>
<section id="review-section" aria-labelledby="review-title" hidden>
  <h3 id="review-title">What will leave this machine</h3>
  <p class="hint">Struck-through values stay here; the placeholder is sent instead. Choose a chip to send that value as written (recorded); secrets cannot be restored.</p>
  <div id="diff"></div>
  <details><summary>Request JSON (exactly what is sent)</summary><pre id="request-json"></pre></details>
</section>
<section id="answer-section" aria-labelledby="answer-title" hidden>
  <h3 id="answer-title">Answer</h3>
  <label class="inline"><input type="checkbox" id="raw-toggle"> Show the raw answer (placeholders as the model saw them)</label>
  <div id="answer" aria-live="polite"></div>
  <div id="metrics" class="hint"></div>
  <button id="keep-answer" class="secondary" hidden>Add answer to the conversation</button>
</section>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
