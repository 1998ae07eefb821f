/**
 * Redacting a whole Converse request before it leaves the machine: every text channel (system blocks, every turn
 * including history, tool results as text or JSON, tool-use inputs, document names) goes through one
 * {@link RedactionSession}, so the same value gets the same placeholder across turns. Document, image and video
 * blocks carry bytes no local detector can read: they are refused unless explicitly allowed. Unknown block types are
 * always refused (fail closed).
 *
 * The user's review decisions are applied here too: a restored span is sent as written (recorded), a marked term is
 * redacted everywhere as CUSTOM.
 */
import { RedactionError, SECRET_TYPES, type EntityType, type PossibleEntity, type RedactedEntity, type RedactionSession, type RedactOptions } from '../redact';

export type Role = 'user' | 'assistant';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ContentBlock =
  | { text: string }
  | { toolResult: { toolUseId: string; content: ({ text: string } | { json: JsonValue })[]; status?: 'success' | 'error' } }
  | { toolUse: { toolUseId: string; name: string; input: JsonValue } }
  | { document: { name: string; format: string; source: unknown } }
  | { image: { format: string; source: unknown } };

export interface Message {
  role: Role;
  content: ContentBlock[];
}

export interface InferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

export interface GuardrailConfig {
  guardrailIdentifier: string;
  guardrailVersion: string;
}

/** The JSON shape of a Converse / ConverseStream request (what `--dry-run` prints and the audit log keeps). */
export interface ConverseRequest {
  modelId: string;
  system?: { text: string }[];
  messages: Message[];
  inferenceConfig?: InferenceConfig;
  guardrailConfig?: GuardrailConfig;
}

/** A detected span in one channel, as the review shows it and a restore decision names it. */
export interface SpanRef {
  channel: string;
  start: number;
  end: number;
  type: EntityType;
}

export interface ReviewDecisions {
  /** Spans the user chose to send as written. Secrets cannot be restored. */
  restore?: SpanRef[];
  /** Extra terms the user marked: redacted wherever they occur (CUSTOM). */
  mark?: string[];
}

export interface ChannelEntity extends RedactedEntity {
  secret: boolean;
  restored: boolean;
}

export interface ChannelReport {
  /** `system[0]`, `messages[2].content[0]`, `messages[1].content[0].toolResult.content[0].json.rows[3].email`. */
  channel: string;
  original: string;
  /** What is sent. */
  redacted: string;
  entities: ChannelEntity[];
  possible: PossibleEntity[];
}

export interface RedactedRequest {
  request: ConverseRequest;
  channels: ChannelReport[];
  /** Restore decisions that were applied (each matched a detected span). */
  restored: SpanRef[];
  /** Redacted values per type (restored ones not counted). */
  counts: Partial<Record<EntityType, number>>;
}

export interface RedactRequestOptions extends RedactOptions {
  /** Send document / image blocks (their bytes are not redacted). Default false: refused. */
  allowBinaryBlocks?: boolean;
  /** Add a system block asking the model to keep placeholders verbatim (when anything was redacted). Default true. */
  placeholderInstruction?: boolean;
}

/** Nothing is sent: content the sandbox cannot redact, or a review decision that no longer matches. */
export class RefusedContentError extends Error {
  override name = 'RefusedContentError';
}

export const PLACEHOLDER_INSTRUCTION =
  'Some values in this conversation were replaced by placeholders in square brackets, such as [EMAIL_1]. Keep every placeholder exactly as written when you refer to it.';

const spanKey = (s: { channel: string; start: number; end: number; type: string }) => `${s.channel}\u0000${s.start}\u0000${s.end}\u0000${s.type}`;

/**
 * Redacts every text channel of `request` with `session`. Throws {@link RedactionError} when a detector fails and
 * {@link RefusedContentError} for content that cannot be redacted or a restore that matches nothing: in both cases
 * the caller must send nothing.
 */
export function redactRequest(request: ConverseRequest, session: RedactionSession, options: RedactRequestOptions = {}, decisions: ReviewDecisions = {}): RedactedRequest {
  const marks = (decisions.mark ?? []).map((t) => t.trim()).filter((t) => t.length > 0);
  const redactOptions: RedactOptions = { ...options, ...(marks.length ? { denyList: [...(options.denyList ?? []), ...marks] } : {}) };
  const wanted = new Map((decisions.restore ?? []).map((r) => [spanKey(r), r]));
  const matched = new Set<string>();
  const channels: ChannelReport[] = [];
  const counts: Partial<Record<EntityType, number>> = {};

  const redactText = (channel: string, text: string): string => {
    const r = session.redact(text, redactOptions);
    const entities: ChannelEntity[] = [];
    let out = '';
    let cursor = 0;
    for (const e of r.entities) {
      const key = spanKey({ channel, ...e });
      const secret = SECRET_TYPES.has(e.type);
      const restored = wanted.has(key);
      if (restored && secret) throw new RefusedContentError(`${e.type} values are secrets and cannot be sent; remove the restore of ${channel} ${e.start}–${e.end}`);
      if (restored) matched.add(key);
      else counts[e.type] = (counts[e.type] ?? 0) + 1;
      out += text.slice(cursor, e.start) + (restored ? text.slice(e.start, e.end) : e.placeholder);
      cursor = e.end;
      entities.push({ ...e, secret, restored });
    }
    out += text.slice(cursor);
    channels.push({ channel, original: text, redacted: out, entities, possible: r.possible });
    return out;
  };

  const redactJson = (channel: string, v: JsonValue): JsonValue => {
    if (typeof v === 'string') return redactText(channel, v);
    if (Array.isArray(v)) return v.map((x, i) => redactJson(`${channel}[${i}]`, x));
    if (v && typeof v === 'object') {
      const o: { [key: string]: JsonValue } = {};
      for (const [k, x] of Object.entries(v)) o[k] = redactJson(`${channel}.${k}`, x);
      return o;
    }
    return v;
  };

  const messages: Message[] = [];
  const system = (request.system ?? []).map((b, i) => ({ text: redactText(`system[${i}]`, b.text) }));
  request.messages.forEach((m, mi) => {
    const content: ContentBlock[] = m.content.map((block, ci): ContentBlock => {
      const at = `messages[${mi}].content[${ci}]`;
      if ('text' in block && typeof block.text === 'string') return { text: redactText(at, block.text) };
      if ('toolResult' in block) {
        const tr = block.toolResult;
        return {
          toolResult: {
            toolUseId: tr.toolUseId,
            ...(tr.status ? { status: tr.status } : {}),
            content: tr.content.map((c, k) => {
              if ('text' in c) return { text: redactText(`${at}.toolResult.content[${k}]`, c.text) };
              if ('json' in c) return { json: redactJson(`${at}.toolResult.content[${k}].json`, c.json) };
              throw new RefusedContentError(`${at}: a tool result holds content the sandbox cannot redact (only text and JSON are sent)`);
            }),
          },
        };
      }
      if ('toolUse' in block) return { toolUse: { ...block.toolUse, input: redactJson(`${at}.toolUse.input`, block.toolUse.input) } };
      if ('document' in block || 'image' in block) {
        if (!options.allowBinaryBlocks) {
          throw new RefusedContentError(
            `${at}: ${'document' in block ? 'document' : 'image'} blocks cannot be redacted locally and are refused. Allow them explicitly (allowBinaryBlocks) only if they hold nothing sensitive.`,
          );
        }
        if ('document' in block) return { document: { ...block.document, name: redactText(`${at}.document.name`, block.document.name) } };
        return block;
      }
      throw new RefusedContentError(`${at}: unknown content block (${Object.keys(block).join(', ') || 'empty'}); only text, tool results and tool uses are sent`);
    });
    messages.push({ role: m.role, content });
  });
  for (const [key, r] of wanted) {
    if (!matched.has(key)) throw new RefusedContentError(`the span you restored in ${r.channel} (${r.start}–${r.end}, ${r.type}) no longer matches the prompt; review again`);
  }
  const anything = channels.some((c) => c.entities.some((e) => !e.restored));
  if (anything && options.placeholderInstruction !== false) system.push({ text: PLACEHOLDER_INSTRUCTION });
  const out: ConverseRequest = {
    modelId: request.modelId,
    ...(system.length ? { system } : {}),
    messages,
    ...(request.inferenceConfig && Object.keys(request.inferenceConfig).length ? { inferenceConfig: { ...request.inferenceConfig } } : {}),
    ...(request.guardrailConfig ? { guardrailConfig: { ...request.guardrailConfig } } : {}),
  };
  return { request: out, channels, restored: [...wanted.values()], counts };
}

/** Bedrock's own shape rules, checked before anything is sent: alternating roles starting and ending with user, no empty text. */
export function validateConversation(request: ConverseRequest): string | undefined {
  if (!request.modelId.trim()) return 'choose a model first';
  if (request.messages.length === 0) return 'write a user message first';
  for (let i = 0; i < request.messages.length; i++) {
    const m = request.messages[i]!;
    const expected: Role = i % 2 === 0 ? 'user' : 'assistant';
    if (m.role !== expected) return `turn ${i + 1} must be a ${expected} turn: turns alternate user / assistant, starting with user`;
    if (m.content.length === 0 || m.content.some((b) => 'text' in b && typeof b.text === 'string' && b.text.trim() === '')) return `turn ${i + 1} is empty`;
  }
  if (request.messages[request.messages.length - 1]!.role !== 'user') return 'the last turn must be a user turn';
  if ((request.system ?? []).some((b) => b.text.trim() === '')) return 'the system prompt is empty (remove it or write one)';
  return undefined;
}

export { RedactionError };
