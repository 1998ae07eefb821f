/**
 * Re-identification of a streamed answer. A placeholder can be cut anywhere between two chunks (`[EMA` | `IL_1]`), so
 * text from an opening bracket is held back until the placeholder closes or can no longer be one, then the
 * session's tolerant re-identification runs on it.
 */
import type { RedactionSession } from '../redact';

const OPENERS = new Set(['[', '［', '【', '〔']);
/** Longest placeholder form the session recognises (`\[` + 4 words of 20 + `\_` separators + 6 digits + `\]`). */
const MAX_HELD = 120;
/** What may follow an opener inside a placeholder: letters, digits, `_`, escaped `\_`, spaces, closers. */
const PARTIAL = /^\\?[[［【〔]\s?[A-Za-zＡ-Ｚａ-ｚ0-9０-９_＿\\ ]*\\?[\]］】〕]?$/;

export interface StreamPiece {
  /** Re-identified text ready for display. */
  text: string;
  /** The model's text as it arrived (placeholders intact). */
  raw: string;
}

export class StreamReidentifier {
  #held = '';
  #restored = 0;
  readonly #unresolved: string[] = [];

  constructor(private readonly session: RedactionSession) {}

  get restored(): number {
    return this.#restored;
  }

  /** Placeholders the answer used that the session did not issue (or secrets, which stay one-way). */
  get unresolved(): readonly string[] {
    return this.#unresolved;
  }

  /** Feeds a chunk; returns what can be shown now. */
  push(chunk: string): StreamPiece {
    const text = this.#held + chunk;
    const cut = this.#safeEnd(text);
    this.#held = text.slice(cut);
    return this.#emit(text.slice(0, cut));
  }

  /** End of stream: everything held is released. */
  flush(): StreamPiece {
    const text = this.#held;
    this.#held = '';
    return this.#emit(text);
  }

  #emit(raw: string): StreamPiece {
    if (!raw) return { text: '', raw: '' };
    const r = this.session.reidentify(raw);
    this.#restored += r.restored;
    this.#unresolved.push(...r.unresolved);
    return { text: r.text, raw };
  }

  /** Index up to which `text` can be released: before the last opener whose placeholder may still be completing. */
  #safeEnd(text: string): number {
    // A trailing backslash may escape the next chunk's bracket: hold it at least.
    let hold = text.endsWith('\\') ? text.length - 1 : text.length;
    const from = Math.max(0, text.length - MAX_HELD);
    for (let i = text.length - 1; i >= from; i--) {
      const ch = text[i]!;
      if (!OPENERS.has(ch)) continue;
      const tail = text.slice(i);
      // A closed placeholder in the tail is complete; an open one that still looks like a placeholder is held.
      if (/[\]］】〕]/.test(tail)) return hold;
      if (PARTIAL.test(tail)) hold = i > 0 && text[i - 1] === '\\' ? i - 1 : i;
      return hold;
    }
    return hold;
  }
}
