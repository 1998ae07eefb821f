import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { redactSecrets } from '../engine/redactSecrets';
import { parseFromWebview, type ToWebview } from '../webview/protocol';

/**
 * The prompt sandbox panel. This release shows what local redaction would replace in a prompt (secrets found by
 * the scanner's own rules); sending to Bedrock is not part of it yet.
 */
export class SandboxPanel {
  static current: SandboxPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri): SandboxPanel {
    if (SandboxPanel.current) {
      SandboxPanel.current.panel.reveal();
      return SandboxPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('genaiGuard.sandbox', 'GenAI Guard: Prompt Sandbox', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    SandboxPanel.current = new SandboxPanel(panel, extensionUri);
    return SandboxPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
  ) {
    panel.webview.html = html(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Handles one (untrusted) message; exposed for integration tests of the protocol. */
  async onMessage(raw: unknown): Promise<ToWebview | undefined> {
    const msg = parseFromWebview(raw);
    if (!msg || msg.type === 'ready') return undefined;
    let reply: ToWebview;
    try {
      const r = redactSecrets(msg.prompt);
      reply = { type: 'preview', requestId: msg.requestId, redacted: r.text, spans: r.spans };
    } catch (e) {
      reply = { type: 'error', requestId: msg.requestId, message: `local redaction failed (${(e as Error).message})` };
    }
    await this.panel.webview.postMessage(reply);
    return reply;
  }

  dispose(): void {
    SandboxPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
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
<h2>Prompt sandbox</h2>
<p class="hint">Paste a prompt to see what local redaction replaces. Nothing is sent anywhere from this panel.</p>
<label for="prompt">Prompt</label>
<textarea id="prompt" aria-describedby="summary"></textarea>
<button id="preview-button">Preview redaction (Ctrl+Enter)</button>
<div id="summary" role="status" aria-live="polite"></div>
<h3>What would leave this machine</h3>
<div id="preview" aria-label="Redacted prompt"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
