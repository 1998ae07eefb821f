/**
 * The prompt sandbox's host side, without `vscode` (the panel wires it to a webview; unit tests drive it directly).
 *
 * Every message from the webview is untrusted and validated. The host never trusts the webview's idea of what is
 * redacted: on Review it redacts the draft and returns the diff; on Send it checks the draft and decisions are exactly
 * the ones reviewed, redacts again, writes the audit record (if enabled) and only then calls ConverseStream with the
 * redacted request. Any failure before the call sends nothing and says why.
 */
import { BedrockCallError, converseStream, createRuntimeClient, listTextModels, resolveRegion, type ModelChoice } from '../../aws/bedrockRuntime';
import {
  auditLine,
  auditRecord,
  parsePromptFile,
  redactRequest,
  RefusedContentError,
  StreamReidentifier,
  validateConversation,
  type ChannelReport,
  type ConverseRequest,
  type RedactedRequest,
  type SpanRef as EngineSpanRef,
} from '../../engine/prompt';
import { isEntityType, RedactionSession, type RedactOptions } from '../../engine/redact';
import { parseFromWebview, type Decisions, type Draft, type FromWebview, type ReviewChannel, type Segment, type ToWebview } from '../../webview/protocol';

export interface SandboxSettings {
  region: string;
  profile: string;
  /** Absolute path of the JSON Lines audit log; empty = off. */
  auditLog: string;
}

export interface SandboxDeps {
  post(message: ToWebview): void | Thenable<unknown>;
  settings(): SandboxSettings;
  /** Settings + `.genai-guard.yml` policy; throws when it cannot load (nothing is then sent). */
  loadPolicy(): Promise<RedactOptions>;
  appendAudit(file: string, line: string): Promise<void>;
  log(line: string): void;
  /** Model listing (tests may replace it). */
  listModels?: (region: string, profile: string) => Promise<ModelChoice[]>;
}

interface Thenable<T> {
  then<R>(onfulfilled?: (value: T) => R): unknown;
}

const assertNever = (x: never): never => {
  throw new Error(`unexpected message ${JSON.stringify(x)}`);
};

/** The sandbox draft a prompt file describes (throws PromptFileError with the line). */
export function promptFileDraft(text: string): Draft {
  const f = parsePromptFile(text);
  return {
    system: f.system,
    turns: f.turns.map((t) => ({ role: t.role, text: t.text })),
    modelId: f.model ?? '',
    region: f.region ?? '',
    ...(f.inference.maxTokens !== undefined ? { maxTokens: f.inference.maxTokens } : {}),
    ...(f.inference.temperature !== undefined ? { temperature: f.inference.temperature } : {}),
    ...(f.inference.topP !== undefined ? { topP: f.inference.topP } : {}),
    guardrailId: f.guardrail?.id ?? '',
    guardrailVersion: f.guardrail?.version ?? '',
  };
}

/** Converse request for a draft, before redaction. */
export function draftRequest(draft: Draft): ConverseRequest {
  const inference = {
    ...(draft.maxTokens !== undefined ? { maxTokens: draft.maxTokens } : {}),
    ...(draft.temperature !== undefined ? { temperature: draft.temperature } : {}),
    ...(draft.topP !== undefined ? { topP: draft.topP } : {}),
  };
  return {
    modelId: draft.modelId.trim(),
    ...(draft.system.trim() ? { system: [{ text: draft.system }] } : {}),
    messages: draft.turns.map((t) => ({ role: t.role, content: [{ text: t.text }] })),
    ...(Object.keys(inference).length ? { inferenceConfig: inference } : {}),
    ...(draft.guardrailId.trim() ? { guardrailConfig: { guardrailIdentifier: draft.guardrailId.trim(), guardrailVersion: draft.guardrailVersion.trim() || 'DRAFT' } } : {}),
  };
}

function channelLabel(channel: string, draft: Draft): string {
  if (channel.startsWith('system[')) return 'System prompt';
  const m = /^messages\[(\d+)\]/.exec(channel);
  if (m) {
    const i = Number(m[1]);
    return `Turn ${i + 1} (${draft.turns[i]?.role ?? 'user'})`;
  }
  return channel;
}

/** The inline diff of one channel: unchanged text, redacted entities (with original and placeholder), possible ones. */
export function segments(c: ChannelReport): Segment[] {
  type Mark = { start: number; end: number; seg: Segment };
  const marks: Mark[] = [
    ...c.entities.map((e): Mark => ({
      start: e.start,
      end: e.end,
      seg: { kind: 'entity', start: e.start, end: e.end, type: e.type, original: c.original.slice(e.start, e.end), placeholder: e.placeholder, secret: e.secret, restored: e.restored },
    })),
    ...c.possible.map((p): Mark => ({ start: p.start, end: p.end, seg: { kind: 'possible', text: c.original.slice(p.start, p.end), type: p.type } })),
  ].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let cursor = 0;
  for (const m of marks) {
    if (m.start < cursor) continue;
    if (m.start > cursor) out.push({ kind: 'text', text: c.original.slice(cursor, m.start) });
    out.push(m.seg);
    cursor = m.end;
  }
  if (cursor < c.original.length) out.push({ kind: 'text', text: c.original.slice(cursor) });
  return out;
}

function toEngineDecisions(d: Decisions): { restore: EngineSpanRef[]; mark: string[] } {
  const restore: EngineSpanRef[] = [];
  for (const r of d.restore) {
    if (!isEntityType(r.type)) throw new RefusedContentError(`unknown entity type ${r.type}`);
    restore.push({ channel: r.channel, start: r.start, end: r.end, type: r.type });
  }
  return { restore, mark: d.mark };
}

export class SandboxController {
  /** One redaction session per conversation: the same value keeps its placeholder across turns and sends. */
  private session = new RedactionSession();
  private lastReview: { reviewId: number; fingerprint: string } | undefined;
  private readonly running = new Map<number, AbortController>();
  private readonly collectors = new Set<ToWebview[]>();
  private pendingDraft: Draft | undefined;
  private ready = false;
  /** Everything posted to the webview (tests read it). */
  readonly posted: ToWebview[] = [];

  constructor(private readonly deps: SandboxDeps) {}

  private post(message: ToWebview): void {
    this.posted.push(message);
    for (const c of this.collectors) c.push(message);
    void this.deps.post(message);
  }

  /** Handles one (untrusted) message; resolves with what was posted back while handling it. */
  async handle(raw: unknown): Promise<ToWebview[]> {
    const msg = parseFromWebview(raw);
    if (!msg) {
      this.deps.log('prompt sandbox: ignored a malformed message from the webview');
      return [];
    }
    const collected: ToWebview[] = [];
    this.collectors.add(collected);
    try {
      await this.dispatch(msg);
    } finally {
      this.collectors.delete(collected);
    }
    return collected;
  }

  private async dispatch(msg: FromWebview): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        return this.init(undefined);
      case 'refreshModels':
        return this.init(msg.region);
      case 'newConversation':
        this.session.clear();
        this.session = new RedactionSession();
        this.lastReview = undefined;
        return;
      case 'cancel':
        this.running.get(msg.requestId)?.abort();
        return;
      case 'review':
        await this.review(msg.reviewId, msg.draft, msg.decisions);
        return;
      case 'send':
        return this.send(msg.requestId, msg.reviewId, msg.draft, msg.decisions);
      default:
        return assertNever(msg);
    }
  }

  /** Opens a prompt file's conversation in the panel (now, or when the webview is ready). */
  load(draft: Draft): void {
    this.pendingDraft = draft;
    if (this.ready) void this.init(undefined);
  }

  private async init(regionOverride: string | undefined): Promise<void> {
    const s = this.deps.settings();
    const draft = this.pendingDraft;
    this.pendingDraft = undefined;
    const region = regionOverride?.trim() || draft?.region || (await resolveRegion(s.region || undefined, s.profile || undefined));
    let models: ModelChoice[] = [];
    let modelsNote: string;
    try {
      const list = this.deps.listModels ?? ((r: string, p: string) => listTextModels({ region: r, ...(p ? { profile: p } : {}) }));
      models = await Promise.race([list(region, s.profile), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 10 s')), 10_000).unref?.())]);
      modelsNote = `${models.length} models and inference profiles available in ${region}. You can also type any model id.`;
    } catch (e) {
      modelsNote = `Could not list models in ${region} (${(e as Error).message.split('\n')[0]}). Type a model id or inference profile id.`;
    }
    this.post({
      type: 'init',
      models: models.map((m) => ({ id: m.id, label: m.label })),
      modelsNote,
      region,
      auditLog: s.auditLog,
      ...(draft ? { draft } : {}),
    });
  }

  /** Redacts a draft with the user's decisions. Throws on any failure (the caller reports it; nothing is sent). */
  private async redact(draft: Draft, decisions: Decisions): Promise<RedactedRequest> {
    const policy = await this.deps.loadPolicy();
    return redactRequest(draftRequest(draft), this.session, policy, toEngineDecisions(decisions));
  }

  private fail(ids: { requestId?: number; reviewId?: number }, kind: string, message: string, action?: string): void {
    this.deps.log(`prompt sandbox: ${kind}: ${message}`);
    this.post({ type: 'error', ...ids, kind, message, ...(action ? { action } : {}) });
  }

  private async review(reviewId: number, draft: Draft, decisions: Decisions): Promise<boolean> {
    let r: RedactedRequest;
    try {
      r = await this.redact(draft, decisions);
    } catch (e) {
      this.lastReview = undefined;
      this.fail({ reviewId }, 'redaction', `Nothing will be sent: ${(e as Error).message}`, e instanceof RefusedContentError ? undefined : 'Fix the redaction policy (settings or .genai-guard.yml "redaction:") and review again.');
      return false;
    }
    const channels: ReviewChannel[] = r.channels.map((c) => ({ channel: c.channel, label: channelLabel(c.channel, draft), segments: segments(c) }));
    this.lastReview = { reviewId, fingerprint: JSON.stringify([draft, decisions]) };
    this.post({
      type: 'review',
      reviewId,
      channels,
      counts: r.counts,
      possible: r.channels.reduce((n, c) => n + c.possible.length, 0),
      restored: r.restored.length,
      requestJson: JSON.stringify(r.request, null, 2),
    });
    return true;
  }

  private async send(requestId: number, reviewId: number, draft: Draft, decisions: Decisions): Promise<void> {
    // Only what the user reviewed may leave: a changed draft gets a fresh review instead of a send.
    if (!this.lastReview || this.lastReview.reviewId !== reviewId || this.lastReview.fingerprint !== JSON.stringify([draft, decisions])) {
      this.fail({ requestId }, 'stale', 'Nothing was sent: the prompt changed since you reviewed it. Check the new diff, then send again.');
      await this.review(reviewId + 1, draft, decisions);
      return;
    }
    this.lastReview = undefined;
    let r: RedactedRequest;
    try {
      r = await this.redact(draft, decisions);
    } catch (e) {
      return this.fail({ requestId }, 'redaction', `Nothing was sent: ${(e as Error).message}`);
    }
    const invalid = validateConversation(r.request);
    if (invalid) return this.fail({ requestId }, 'validation', `Nothing was sent: ${invalid}.`);
    const s = this.deps.settings();
    const region = draft.region.trim() || (await resolveRegion(s.region || undefined, s.profile || undefined));
    let audited = false;
    if (s.auditLog) {
      try {
        await this.deps.appendAudit(s.auditLog, auditLine(auditRecord({ request: r.request, region, redacted: r.counts, restored: r.restored, source: 'sandbox' })));
        audited = true;
      } catch (e) {
        return this.fail({ requestId }, 'audit', `Nothing was sent: the audit log ${s.auditLog} could not be written (${(e as Error).message}).`, 'Fix the path in genaiGuard.sandbox.auditLog, or clear it to turn the log off.');
      }
    }
    if (r.restored.length) this.deps.log(`prompt sandbox: sending ${r.restored.length} value(s) the user chose to restore (${r.restored.map((x) => x.type).join(', ')})`);
    const controller = new AbortController();
    this.running.set(requestId, controller);
    const client = createRuntimeClient({ region, ...(s.profile ? { profile: s.profile } : {}) });
    const reid = new StreamReidentifier(this.session);
    try {
      const result = await converseStream(
        client,
        r.request,
        (t) => {
          const piece = reid.push(t);
          if (piece.raw) this.post({ type: 'delta', requestId, text: piece.text, raw: piece.raw });
        },
        controller.signal,
      );
      const last = reid.flush();
      if (last.raw) this.post({ type: 'delta', requestId, text: last.text, raw: last.raw });
      this.post({
        type: 'done',
        requestId,
        stopReason: result.stopReason ?? 'unknown',
        ...(result.usage ? { usage: result.usage } : {}),
        latencyMs: Math.round(result.latencyMs ?? result.elapsedMs),
        restored: reid.restored,
        unresolved: [...reid.unresolved],
        audited,
      });
    } catch (e) {
      const last = reid.flush();
      if (last.raw) this.post({ type: 'delta', requestId, text: last.text, raw: last.raw });
      if (e instanceof BedrockCallError) this.fail({ requestId }, e.kind, e.message, e.action);
      else this.fail({ requestId }, 'other', `Bedrock call failed: ${(e as Error).message}`);
    } finally {
      this.running.delete(requestId);
      client.destroy();
    }
  }

  dispose(): void {
    for (const c of this.running.values()) c.abort();
    this.session.clear();
  }
}
