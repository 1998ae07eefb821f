import { findSecrets } from './secrets/catalogue';

export interface RedactedSpan {
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  ruleId: string;
  placeholder: string;
}

export interface SecretRedaction {
  text: string;
  spans: RedactedSpan[];
}

/**
 * Replaces every catalogued secret with a placeholder (`[SECRET_1]`); the same value gets the same placeholder.
 * Secrets are one-way: there is no vault to restore them. Throws if a detector throws: callers must treat that as
 * "do not send".
 */
export function redactSecrets(text: string): SecretRedaction {
  const spans: RedactedSpan[] = [];
  const numbers = new Map<string, number>();
  let out = '';
  let cursor = 0;
  for (const s of findSecrets(text)) {
    if (s.start < cursor) continue; // overlapping: the earlier, longer span already covers it
    let n = numbers.get(s.value);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(s.value, n);
    }
    const placeholder = `[SECRET_${n}]`;
    out += text.slice(cursor, s.start) + placeholder;
    cursor = s.end;
    spans.push({ start: s.start, end: s.end, ruleId: s.ruleId, placeholder });
  }
  out += text.slice(cursor);
  return { text: out, spans };
}
