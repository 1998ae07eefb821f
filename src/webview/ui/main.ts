// Prompt sandbox UI (runs in the webview: no vscode import, no network — the CSP forbids it). It only edits the draft
// and renders what the host says; the host redacts, decides what is sent, and calls Bedrock.
import { parseDraft, parseToWebview, type Decisions, type Draft, type DraftTurn, type FromWebview, type ReviewChannel, type SpanRef, type ToWebview } from '../protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface State {
  draft: Draft;
  decisions: Decisions;
}

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const model = $<HTMLInputElement>('model');
const modelList = $<HTMLDataListElement>('model-list');
const region = $<HTMLInputElement>('region');
const maxTokens = $<HTMLInputElement>('max-tokens');
const temperature = $<HTMLInputElement>('temperature');
const topP = $<HTMLInputElement>('top-p');
const guardrailId = $<HTMLInputElement>('guardrail-id');
const guardrailVersion = $<HTMLInputElement>('guardrail-version');
const system = $<HTMLTextAreaElement>('system');
const turnsBox = $<HTMLDivElement>('turns');
const status = $<HTMLDivElement>('status');
const reviewSection = $<HTMLElement>('review-section');
const diff = $<HTMLDivElement>('diff');
const requestJson = $<HTMLPreElement>('request-json');
const answerSection = $<HTMLElement>('answer-section');
const answer = $<HTMLDivElement>('answer');
const metrics = $<HTMLDivElement>('metrics');
const rawToggle = $<HTMLInputElement>('raw-toggle');
const keepAnswer = $<HTMLButtonElement>('keep-answer');
const reviewButton = $<HTMLButtonElement>('review');
const sendButton = $<HTMLButtonElement>('send');
const cancelButton = $<HTMLButtonElement>('cancel');
const markInput = $<HTMLInputElement>('mark');
const marksBox = $<HTMLSpanElement>('marks');

let turns: DraftTurn[] = [{ role: 'user', text: '' }];
let decisions: Decisions = { restore: [], mark: [] };
let reviewId = 0;
let reviewed: number | undefined;
let requestId = 0;
let running: number | undefined;
let answerText = '';
let answerRaw = '';
let lastTextarea: HTMLTextAreaElement | undefined;

const num = (input: HTMLInputElement): number | undefined => (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber) ? undefined : input.valueAsNumber);

function readDraft(): Draft {
  const d: Draft = {
    system: system.value,
    turns: turns.map((t) => ({ ...t })),
    modelId: model.value.trim(),
    region: region.value.trim(),
    guardrailId: guardrailId.value.trim(),
    guardrailVersion: guardrailVersion.value.trim(),
  };
  const mt = num(maxTokens);
  const te = num(temperature);
  const tp = num(topP);
  if (mt !== undefined) d.maxTokens = Math.round(mt);
  if (te !== undefined) d.temperature = te;
  if (tp !== undefined) d.topP = tp;
  return d;
}

function applyDraft(d: Draft): void {
  system.value = d.system;
  turns = d.turns.length ? d.turns.map((t) => ({ ...t })) : [{ role: 'user', text: '' }];
  model.value = d.modelId;
  region.value = d.region;
  maxTokens.value = d.maxTokens === undefined ? '' : String(d.maxTokens);
  temperature.value = d.temperature === undefined ? '' : String(d.temperature);
  topP.value = d.topP === undefined ? '' : String(d.topP);
  guardrailId.value = d.guardrailId;
  guardrailVersion.value = d.guardrailVersion;
  renderTurns();
}

function save(): void {
  const state: State = { draft: readDraft(), decisions };
  vscode.setState(state);
}

function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = text;
  status.className = kind === 'error' ? 'error' : '';
}

/** Any edit makes the last review stale: Send waits for a new review. */
function invalidate(dropRestores: boolean): void {
  if (dropRestores && decisions.restore.length) decisions = { ...decisions, restore: [] };
  reviewed = undefined;
  sendButton.disabled = true;
  reviewSection.classList.add('stale');
  save();
}

function renderTurns(): void {
  turnsBox.replaceChildren();
  turns.forEach((t, i) => {
    const box = document.createElement('div');
    box.className = 'turn';
    const head = document.createElement('div');
    head.className = 'turn-head';
    const label = document.createElement('label');
    label.htmlFor = `turn-${i}`;
    label.textContent = `Turn ${i + 1}`;
    const role = document.createElement('select');
    role.setAttribute('aria-label', `Role of turn ${i + 1}`);
    for (const r of ['user', 'assistant'] as const) {
      const o = document.createElement('option');
      o.value = r;
      o.textContent = r;
      o.selected = t.role === r;
      role.append(o);
    }
    role.addEventListener('change', () => {
      turns[i]!.role = role.value === 'assistant' ? 'assistant' : 'user';
      invalidate(false);
    });
    const remove = document.createElement('button');
    remove.className = 'secondary small';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove turn ${i + 1}`);
    remove.disabled = turns.length === 1;
    remove.addEventListener('click', () => {
      turns.splice(i, 1);
      renderTurns();
      invalidate(true);
    });
    head.append(label, role, remove);
    const area = document.createElement('textarea');
    area.id = `turn-${i}`;
    area.className = 'turn-text';
    area.rows = 4;
    area.value = t.text;
    area.placeholder = t.role === 'user' ? 'Paste a prompt: customer data and keys are redacted before anything leaves' : 'What the assistant said';
    area.addEventListener('input', () => {
      turns[i]!.text = area.value;
      invalidate(true);
    });
    area.addEventListener('focus', () => (lastTextarea = area));
    box.append(head, area);
    turnsBox.append(box);
  });
}

function renderMarks(): void {
  marksBox.replaceChildren();
  for (const term of decisions.mark) {
    const b = document.createElement('button');
    b.className = 'chip mark';
    b.textContent = `${term} ✕`;
    b.title = 'Marked for redaction; press to unmark';
    b.setAttribute('aria-label', `Unmark ${term}`);
    b.addEventListener('click', () => {
      decisions = { ...decisions, mark: decisions.mark.filter((m) => m !== term) };
      renderMarks();
      review();
    });
    marksBox.append(b);
  }
}

function post(m: FromWebview): void {
  vscode.postMessage(m);
}

function review(): void {
  reviewId++;
  save();
  setStatus('Redacting locally…');
  post({ type: 'review', reviewId, draft: readDraft(), decisions });
}

function send(): void {
  if (reviewed === undefined || running !== undefined) return;
  requestId++;
  running = requestId;
  answerText = '';
  answerRaw = '';
  renderAnswer();
  metrics.textContent = '';
  keepAnswer.hidden = true;
  answerSection.hidden = false;
  sendButton.disabled = true;
  cancelButton.disabled = false;
  setStatus('Sending the redacted request to Amazon Bedrock…');
  post({ type: 'send', requestId, reviewId: reviewed, draft: readDraft(), decisions });
}

function sameSpan(a: SpanRef, b: SpanRef): boolean {
  return a.channel === b.channel && a.start === b.start && a.end === b.end && a.type === b.type;
}

function toggleRestore(ref: SpanRef): void {
  const has = decisions.restore.some((r) => sameSpan(r, ref));
  decisions = { ...decisions, restore: has ? decisions.restore.filter((r) => !sameSpan(r, ref)) : [...decisions.restore, ref] };
  review();
}

function renderReview(channels: ReviewChannel[]): void {
  diff.replaceChildren();
  for (const c of channels) {
    const box = document.createElement('div');
    box.className = 'channel';
    const label = document.createElement('div');
    label.className = 'channel-label';
    label.textContent = c.label;
    const text = document.createElement('div');
    text.className = 'diff-text';
    for (const s of c.segments) {
      if (s.kind === 'text') {
        text.append(document.createTextNode(s.text));
      } else if (s.kind === 'possible') {
        const m = document.createElement('mark');
        m.className = 'possible';
        m.textContent = s.text;
        m.title = `Shaped like ${s.type} but its checksum fails: sent as written`;
        text.append(m);
      } else if (s.restored) {
        const kept = document.createElement('span');
        kept.className = 'restored-value';
        kept.textContent = s.original;
        const chip = document.createElement('button');
        chip.className = 'chip restored';
        chip.textContent = `${s.type} sent as written`;
        chip.setAttribute('aria-pressed', 'true');
        chip.title = 'You chose to send this value. Press to redact it again.';
        chip.addEventListener('click', () => toggleRestore({ channel: c.channel, start: s.start, end: s.end, type: s.type }));
        text.append(kept, chip);
      } else {
        const del = document.createElement('del');
        del.className = 'original';
        del.textContent = s.original;
        text.append(del);
        if (s.secret) {
          const chip = document.createElement('span');
          chip.className = 'chip secret';
          chip.textContent = s.placeholder;
          chip.title = `${s.type}: a secret, never sent and never restored`;
          chip.tabIndex = 0;
          text.append(chip);
        } else {
          const chip = document.createElement('button');
          chip.className = 'chip';
          chip.textContent = s.placeholder;
          chip.setAttribute('aria-pressed', 'false');
          chip.setAttribute('aria-label', `${s.placeholder}: ${s.type} replaced locally. Press to send the value as written instead.`);
          chip.title = `${s.type} replaced locally. Press to send the value as written (recorded).`;
          chip.addEventListener('click', () => toggleRestore({ channel: c.channel, start: s.start, end: s.end, type: s.type }));
          text.append(chip);
        }
      }
    }
    box.append(label, text);
    diff.append(box);
  }
}

function renderAnswer(): void {
  answer.textContent = rawToggle.checked ? answerRaw : answerText;
}

function onMessage(msg: ToWebview): void {
  switch (msg.type) {
    case 'init': {
      modelList.replaceChildren(
        ...msg.models.map((m) => {
          const o = document.createElement('option');
          o.value = m.id;
          o.label = m.label;
          return o;
        }),
      );
      $<HTMLParagraphElement>('models-note').textContent = msg.modelsNote + (msg.auditLog ? ` Audit log: ${msg.auditLog}.` : '');
      region.placeholder = msg.region;
      if (msg.draft) {
        decisions = { restore: [], mark: decisions.mark };
        applyDraft(msg.draft);
        invalidate(true);
        setStatus('Prompt file loaded. Review the redaction, then send.');
      }
      return;
    }
    case 'review': {
      if (msg.reviewId < reviewId) return; // an answer to an older draft
      reviewId = msg.reviewId;
      reviewed = msg.reviewId;
      renderReview(msg.channels);
      requestJson.textContent = msg.requestJson;
      reviewSection.hidden = false;
      reviewSection.classList.remove('stale');
      const parts = Object.entries(msg.counts).map(([t, n]) => `${n} ${t}`);
      const total = Object.values(msg.counts).reduce((a, b) => a + b, 0);
      setStatus(
        `${total ? `${total} value${total === 1 ? '' : 's'} will be replaced before anything leaves (${parts.join(', ')})` : 'Nothing to redact'}` +
          `${msg.restored ? `; ${msg.restored} restored by you` : ''}${msg.possible ? `; ${msg.possible} possible identifier(s) left in place` : ''}. Review, then Send.`,
      );
      sendButton.disabled = running !== undefined;
      return;
    }
    case 'delta':
      if (msg.requestId !== running) return;
      answerText += msg.text;
      answerRaw += msg.raw;
      renderAnswer();
      return;
    case 'done': {
      if (msg.requestId !== running) return;
      running = undefined;
      cancelButton.disabled = true;
      const u = msg.usage ? ` · ${msg.usage.inputTokens} in / ${msg.usage.outputTokens} out tokens` : '';
      metrics.textContent = `Stop reason: ${msg.stopReason}${u} · ${msg.latencyMs} ms · ${msg.restored} placeholder${msg.restored === 1 ? '' : 's'} re-identified${msg.unresolved.length ? ` · not restored: ${msg.unresolved.join(', ')}` : ''}${msg.audited ? ' · logged' : ''}`;
      keepAnswer.hidden = false;
      setStatus('Answer received. Edit the conversation and review again to continue.');
      reviewed = undefined;
      return;
    }
    case 'error': {
      if (msg.requestId !== undefined && msg.requestId === running) {
        running = undefined;
        cancelButton.disabled = true;
        reviewed = undefined;
      }
      if (msg.reviewId !== undefined && msg.reviewId === reviewId) {
        reviewed = undefined;
        sendButton.disabled = true;
      }
      setStatus(`${msg.message}${msg.action ? ` What to do: ${msg.action}` : ''}`, msg.kind === 'cancelled' ? 'info' : 'error');
      return;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = parseToWebview(event.data);
  if (msg) onMessage(msg);
});

for (const input of [model, region, maxTokens, temperature, topP, guardrailId, guardrailVersion]) input.addEventListener('input', () => invalidate(false));
system.addEventListener('input', () => invalidate(true));
system.addEventListener('focus', () => (lastTextarea = system));
region.addEventListener('change', () => post({ type: 'refreshModels', region: region.value.trim() }));
rawToggle.addEventListener('change', renderAnswer);
reviewButton.addEventListener('click', review);
sendButton.addEventListener('click', send);
cancelButton.addEventListener('click', () => {
  if (running !== undefined) post({ type: 'cancel', requestId: running });
});
$<HTMLButtonElement>('add-turn').addEventListener('click', () => {
  turns.push({ role: turns[turns.length - 1]?.role === 'user' ? 'assistant' : 'user', text: '' });
  renderTurns();
  invalidate(false);
  (turnsBox.lastElementChild?.querySelector('textarea') as HTMLTextAreaElement | null)?.focus();
});
$<HTMLButtonElement>('new-conversation').addEventListener('click', () => {
  turns = [{ role: 'user', text: '' }];
  decisions = { restore: [], mark: decisions.mark };
  renderTurns();
  diff.replaceChildren();
  reviewSection.hidden = true;
  answerSection.hidden = true;
  invalidate(true);
  post({ type: 'newConversation' });
  setStatus('New conversation: every placeholder was forgotten.');
});
const addMark = (term: string) => {
  const t = term.trim();
  if (!t || t.length > 200 || decisions.mark.includes(t)) return;
  decisions = { ...decisions, mark: [...decisions.mark, t] };
  renderMarks();
  review();
};
$<HTMLButtonElement>('mark-add').addEventListener('click', () => {
  addMark(markInput.value);
  markInput.value = '';
});
markInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    addMark(markInput.value);
    markInput.value = '';
  }
});
$<HTMLButtonElement>('mark-selection').addEventListener('click', () => {
  const a = lastTextarea;
  if (!a || a.selectionStart === a.selectionEnd) return setStatus('Select text in the system prompt or a turn first, then press Redact selection.');
  addMark(a.value.slice(a.selectionStart, a.selectionEnd));
});
keepAnswer.addEventListener('click', () => {
  turns.push({ role: 'assistant', text: answerText }, { role: 'user', text: '' });
  renderTurns();
  invalidate(false);
  keepAnswer.hidden = true;
  (turnsBox.lastElementChild?.querySelector('textarea') as HTMLTextAreaElement | null)?.focus();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.shiftKey) {
    e.preventDefault();
    send();
  } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    review();
  } else if (e.key === 'Escape' && running !== undefined) {
    post({ type: 'cancel', requestId: running });
  }
});

const saved = vscode.getState() as Partial<State> | undefined;
const savedDraft = parseDraft(saved?.draft);
if (savedDraft) applyDraft(savedDraft);
else renderTurns();
if (saved?.decisions) {
  decisions = { restore: [], mark: Array.isArray(saved.decisions.mark) ? saved.decisions.mark.filter((m): m is string => typeof m === 'string') : [] };
  renderMarks();
}
post({ type: 'ready' });
