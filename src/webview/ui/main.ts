// Prompt sandbox UI (runs in the webview, no vscode import, no network: the CSP forbids it).
import { parseToWebview, type FromWebview, type PreviewSpan } from '../protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const prompt = document.getElementById('prompt') as HTMLTextAreaElement;
const preview = document.getElementById('preview') as HTMLElement;
const summary = document.getElementById('summary') as HTMLElement;
const button = document.getElementById('preview-button') as HTMLButtonElement;
let requestId = 0;

const saved = vscode.getState() as { prompt?: string } | undefined;
if (saved?.prompt) prompt.value = saved.prompt;

function requestPreview(): void {
  requestId++;
  vscode.setState({ prompt: prompt.value });
  vscode.postMessage({ type: 'preview', requestId, prompt: prompt.value });
}

function render(original: string, spans: PreviewSpan[]): void {
  preview.replaceChildren();
  let cursor = 0;
  for (const s of spans) {
    preview.append(document.createTextNode(original.slice(cursor, s.start)));
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.textContent = s.placeholder;
    chip.title = `${s.ruleId}: replaced locally, never sent`;
    chip.tabIndex = 0;
    preview.append(chip);
    cursor = s.end;
  }
  preview.append(document.createTextNode(original.slice(cursor)));
  summary.textContent = spans.length === 0 ? 'No secrets found.' : `${spans.length} secret${spans.length === 1 ? '' : 's'} will be replaced before anything leaves this machine.`;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = parseToWebview(event.data);
  if (!msg) return;
  if (msg.type === 'error') {
    summary.textContent = `Nothing will be sent: ${msg.message}`;
    summary.className = 'error';
    return;
  }
  if (msg.requestId !== requestId) return; // a stale answer to an older prompt
  summary.className = '';
  render(prompt.value, msg.spans);
});

button.addEventListener('click', requestPreview);
prompt.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) requestPreview();
});
vscode.postMessage({ type: 'ready' });
