/**
 * Typed messages between the prompt sandbox webview and the extension host. Both sides validate what they receive
 * with hand-written guards: a webview message is untrusted input, and so (for the UI) is anything not matching.
 * No imports: this file compiles into the host bundle and the browser bundle.
 */
export type Role = 'user' | 'assistant';

export interface DraftTurn {
  role: Role;
  text: string;
}

/** The conversation and settings as the user edits them. */
export interface Draft {
  system: string;
  turns: DraftTurn[];
  modelId: string;
  region: string;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  guardrailId: string;
  guardrailVersion: string;
}

/** A detected span: channel (`system[0]`, `messages[1].content[0]`) and UTF-16 offsets into that channel's text. */
export interface SpanRef {
  channel: string;
  start: number;
  end: number;
  type: string;
}

export interface Decisions {
  /** Detected spans the user chose to send as written (never secrets). */
  restore: SpanRef[];
  /** Extra terms the user marked for redaction. */
  mark: string[];
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'entity'; start: number; end: number; type: string; original: string; placeholder: string; secret: boolean; restored: boolean }
  | { kind: 'possible'; text: string; type: string };

export interface ReviewChannel {
  channel: string;
  /** "System prompt", "Turn 2 (user)". */
  label: string;
  segments: Segment[];
}

export interface ModelOption {
  id: string;
  label: string;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export type ToWebview =
  | { type: 'init'; models: ModelOption[]; modelsNote: string; region: string; auditLog: string; draft?: Draft }
  | { type: 'review'; reviewId: number; channels: ReviewChannel[]; counts: Record<string, number>; possible: number; restored: number; requestJson: string }
  | { type: 'delta'; requestId: number; text: string; raw: string }
  | { type: 'done'; requestId: number; stopReason: string; usage?: Usage; latencyMs: number; restored: number; unresolved: string[]; audited: boolean }
  | { type: 'error'; requestId?: number; reviewId?: number; kind: string; message: string; action?: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'review'; reviewId: number; draft: Draft; decisions: Decisions }
  | { type: 'send'; requestId: number; reviewId: number; draft: Draft; decisions: Decisions }
  | { type: 'cancel'; requestId: number }
  | { type: 'newConversation' }
  | { type: 'refreshModels'; region: string };

/** Prompts above this size (all channels together) are refused rather than processed (the panel says so). */
export const MAX_PROMPT_CHARS = 200_000;
export const MAX_TURNS = 100;
const MAX_FIELD = 2048;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_FIELD;
const optNumber = (v: unknown, min: number, max: number): v is number | undefined => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max);

export function parseDraft(v: unknown): Draft | undefined {
  if (!isObject(v)) return undefined;
  const { system, turns, modelId, region, maxTokens, temperature, topP, guardrailId, guardrailVersion } = v;
  if (typeof system !== 'string' || !isShortString(modelId) || !isShortString(region) || !isShortString(guardrailId) || !isShortString(guardrailVersion)) return undefined;
  if (!Array.isArray(turns) || turns.length > MAX_TURNS) return undefined;
  const clean: DraftTurn[] = [];
  for (const t of turns) {
    if (!isObject(t) || (t.role !== 'user' && t.role !== 'assistant') || typeof t.text !== 'string') return undefined;
    clean.push({ role: t.role, text: t.text });
  }
  if (system.length + clean.reduce((n, t) => n + t.text.length, 0) > MAX_PROMPT_CHARS) return undefined;
  if (!optNumber(maxTokens, 1, 1_000_000) || !optNumber(temperature, 0, 1) || !optNumber(topP, 0, 1)) return undefined;
  if (maxTokens !== undefined && !Number.isInteger(maxTokens)) return undefined;
  return {
    system,
    turns: clean,
    modelId,
    region,
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(topP !== undefined ? { topP } : {}),
    guardrailId,
    guardrailVersion,
  };
}

function parseSpanRef(v: unknown): SpanRef | undefined {
  if (!isObject(v) || !isShortString(v.channel) || !isId(v.start) || !isId(v.end) || v.end <= v.start || !isShortString(v.type)) return undefined;
  return { channel: v.channel, start: v.start, end: v.end, type: v.type };
}

export function parseDecisions(v: unknown): Decisions | undefined {
  if (!isObject(v) || !Array.isArray(v.restore) || !Array.isArray(v.mark) || v.restore.length > 1000 || v.mark.length > 200) return undefined;
  const restore: SpanRef[] = [];
  for (const r of v.restore) {
    const s = parseSpanRef(r);
    if (!s) return undefined;
    restore.push(s);
  }
  if (!v.mark.every((m): m is string => typeof m === 'string' && m.trim().length > 0 && m.length <= 200)) return undefined;
  return { restore, mark: v.mark };
}

export function parseFromWebview(v: unknown): FromWebview | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'newConversation':
      return { type: 'newConversation' };
    case 'refreshModels':
      return isShortString(v.region) ? { type: 'refreshModels', region: v.region } : undefined;
    case 'cancel':
      return isId(v.requestId) ? { type: 'cancel', requestId: v.requestId } : undefined;
    case 'review':
    case 'send': {
      const draft = parseDraft(v.draft);
      const decisions = parseDecisions(v.decisions);
      if (!draft || !decisions || !isId(v.reviewId)) return undefined;
      if (v.type === 'review') return { type: 'review', reviewId: v.reviewId, draft, decisions };
      return isId(v.requestId) ? { type: 'send', requestId: v.requestId, reviewId: v.reviewId, draft, decisions } : undefined;
    }
    default:
      return undefined;
  }
}

function parseSegment(v: unknown): Segment | undefined {
  if (!isObject(v)) return undefined;
  if (v.kind === 'text' && typeof v.text === 'string') return { kind: 'text', text: v.text };
  if (v.kind === 'possible' && typeof v.text === 'string' && typeof v.type === 'string') return { kind: 'possible', text: v.text, type: v.type };
  if (
    v.kind === 'entity' &&
    isId(v.start) &&
    isId(v.end) &&
    typeof v.type === 'string' &&
    typeof v.original === 'string' &&
    typeof v.placeholder === 'string' &&
    typeof v.secret === 'boolean' &&
    typeof v.restored === 'boolean'
  ) {
    return { kind: 'entity', start: v.start, end: v.end, type: v.type, original: v.original, placeholder: v.placeholder, secret: v.secret, restored: v.restored };
  }
  return undefined;
}

function parseUsage(v: unknown): Usage | undefined {
  if (!isObject(v) || !isId(v.inputTokens) || !isId(v.outputTokens) || !isId(v.totalTokens)) return undefined;
  return { inputTokens: v.inputTokens, outputTokens: v.outputTokens, totalTokens: v.totalTokens };
}

export function parseToWebview(v: unknown): ToWebview | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'init': {
      if (!Array.isArray(v.models) || typeof v.modelsNote !== 'string' || typeof v.region !== 'string' || typeof v.auditLog !== 'string') return undefined;
      const models = v.models.filter((m): m is ModelOption => isObject(m) && typeof m.id === 'string' && typeof m.label === 'string').map((m) => ({ id: m.id, label: m.label }));
      const draft = v.draft === undefined ? undefined : parseDraft(v.draft);
      if (v.draft !== undefined && !draft) return undefined;
      return { type: 'init', models, modelsNote: v.modelsNote, region: v.region, auditLog: v.auditLog, ...(draft ? { draft } : {}) };
    }
    case 'review': {
      if (!isId(v.reviewId) || !Array.isArray(v.channels) || !isObject(v.counts) || !isId(v.possible) || !isId(v.restored) || typeof v.requestJson !== 'string') return undefined;
      const channels: ReviewChannel[] = [];
      for (const c of v.channels) {
        if (!isObject(c) || typeof c.channel !== 'string' || typeof c.label !== 'string' || !Array.isArray(c.segments)) return undefined;
        const segments = c.segments.map(parseSegment);
        if (segments.some((s) => !s)) return undefined;
        channels.push({ channel: c.channel, label: c.label, segments: segments as Segment[] });
      }
      const counts: Record<string, number> = {};
      for (const [k, n] of Object.entries(v.counts)) if (isId(n)) counts[k] = n;
      return { type: 'review', reviewId: v.reviewId, channels, counts, possible: v.possible, restored: v.restored, requestJson: v.requestJson };
    }
    case 'delta':
      return isId(v.requestId) && typeof v.text === 'string' && typeof v.raw === 'string' ? { type: 'delta', requestId: v.requestId, text: v.text, raw: v.raw } : undefined;
    case 'done': {
      if (!isId(v.requestId) || typeof v.stopReason !== 'string' || !isId(v.latencyMs) || !isId(v.restored) || !Array.isArray(v.unresolved) || typeof v.audited !== 'boolean') return undefined;
      const usage = v.usage === undefined ? undefined : parseUsage(v.usage);
      return {
        type: 'done',
        requestId: v.requestId,
        stopReason: v.stopReason,
        ...(usage ? { usage } : {}),
        latencyMs: v.latencyMs,
        restored: v.restored,
        unresolved: v.unresolved.filter((u): u is string => typeof u === 'string'),
        audited: v.audited,
      };
    }
    case 'error':
      if (typeof v.message !== 'string' || typeof v.kind !== 'string') return undefined;
      return {
        type: 'error',
        kind: v.kind,
        message: v.message,
        ...(isId(v.requestId) ? { requestId: v.requestId } : {}),
        ...(isId(v.reviewId) ? { reviewId: v.reviewId } : {}),
        ...(typeof v.action === 'string' ? { action: v.action } : {}),
      };
    default:
      return undefined;
  }
}
