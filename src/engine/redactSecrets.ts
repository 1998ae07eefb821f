import { scanDocument } from './scan';
import { LineIndex } from './text';

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
 * Replaces every secret the scanner's secret rules find with a typed placeholder (`[SECRET_1]`). The same value
 * gets the same placeholder. Secrets are one-way: there is no vault to restore them.
 * Throws if a detector throws: callers must treat that as "do not send".
 */
export function redactSecrets(text: string): SecretRedaction {
  const { findings } = scanDocument({ file: 'prompt.txt', text, kind: 'text' });
  const lines = new LineIndex(text);
  const raw = findings
    .filter((f) => f.family === 'secret')
    .map((f) => ({ start: lines.offset(f.range.start), end: lines.offset(f.range.end), ruleId: f.ruleId }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: RedactedSpan[] = [];
  const numbers = new Map<string, number>();
  let out = '';
  let cursor = 0;
  for (const s of raw) {
    if (s.start < cursor) continue; // overlapping: the earlier, longer span already covers it
    const value = text.slice(s.start, s.end);
    let n = numbers.get(value);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(value, n);
    }
    const placeholder = `[SECRET_${n}]`;
    out += text.slice(cursor, s.start) + placeholder;
    cursor = s.end;
    spans.push({ ...s, placeholder });
  }
  out += text.slice(cursor);
  return { text: out, spans };
}
