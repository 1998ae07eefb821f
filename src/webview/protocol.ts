/**
 * Typed messages between the prompt sandbox webview and the extension host. Both sides validate what they
 * receive: a webview message is untrusted input.
 */
export interface PreviewSpan {
  /** UTF-16 offsets into the ORIGINAL prompt, end exclusive. */
  start: number;
  end: number;
  ruleId: string;
  placeholder: string;
}

export type ToWebview =
  | { type: 'preview'; requestId: number; redacted: string; spans: PreviewSpan[] }
  | { type: 'error'; requestId?: number; message: string };

export type FromWebview = { type: 'ready' } | { type: 'preview'; requestId: number; prompt: string };

/** Prompts above this size are refused rather than processed (the panel says so). */
export const MAX_PROMPT_CHARS = 200_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseFromWebview(v: unknown): FromWebview | undefined {
  if (!isObject(v)) return undefined;
  if (v.type === 'ready') return { type: 'ready' };
  if (v.type === 'preview' && Number.isSafeInteger(v.requestId) && typeof v.prompt === 'string' && v.prompt.length <= MAX_PROMPT_CHARS) {
    return { type: 'preview', requestId: v.requestId as number, prompt: v.prompt };
  }
  return undefined;
}

function isSpan(v: unknown): v is PreviewSpan {
  return isObject(v) && Number.isSafeInteger(v.start) && Number.isSafeInteger(v.end) && typeof v.ruleId === 'string' && typeof v.placeholder === 'string';
}

export function parseToWebview(v: unknown): ToWebview | undefined {
  if (!isObject(v)) return undefined;
  if (v.type === 'preview' && Number.isSafeInteger(v.requestId) && typeof v.redacted === 'string' && Array.isArray(v.spans) && v.spans.every(isSpan)) {
    return { type: 'preview', requestId: v.requestId as number, redacted: v.redacted, spans: v.spans };
  }
  if (v.type === 'error' && typeof v.message === 'string') {
    return { type: 'error', message: v.message, ...(Number.isSafeInteger(v.requestId) ? { requestId: v.requestId as number } : {}) };
  }
  return undefined;
}
