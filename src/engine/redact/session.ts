/**
 * Placeholders and the re-identification vault. A session numbers placeholders per type (`[EMAIL_1]`, `[EMAIL_2]`)
 * and gives the same value the same placeholder for its whole life (a conversation). Originals are kept in memory
 * only, for re-identification of the model's answer; secrets are one-way: the session keeps a salted hash of them
 * (for a stable number) and never the value.
 */
import * as crypto from 'node:crypto';

/** SHA-256 (hex) of a string: the one-shot `crypto.hash` where the runtime has it (Node 20.12+), else a Hash object. */
const sha256: (s: string) => string =
  typeof crypto.hash === 'function' ? (s) => crypto.hash('sha256', s, 'hex') : (s) => crypto.createHash('sha256').update(s).digest('hex');
import { analyze, type AnalyzedEntity } from './pipeline';
import { RedactionError, SECRET_TYPES, type Action, type AnalyzeOptions, type EntityType, type PossibleEntity, type RedactedEntity, type RedactionResult, type RedactOptions } from './types';

export interface ReidentifyResult {
  text: string;
  /** Placeholders replaced by their original value. */
  restored: number;
  /** Placeholders left as they are: secrets (one-way) or ones this session never issued (invented by the model). */
  unresolved: string[];
}

/** Keeps the last four letters/digits; every other letter or digit becomes `*`. */
export function mask(value: string): string {
  let keep = 4;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/[\p{L}\p{N}]/u.test(chars[i]!)) continue;
    if (keep > 0) keep--;
    else chars[i] = '*';
  }
  return chars.join('');
}

// `[EMAIL_1]`, `[email_1]`, `\[EMAIL\_1\]`, `［EMAIL_1］`, `【CREDIT_CARD_2】`, `[ EMAIL 1 ]`.
const PLACEHOLDER_LIKE = /\\?[[［【〔]\s?((?:[A-Za-zＡ-Ｚａ-ｚ]{1,20}(?:\\?[_＿]|\s)){1,4})([0-9０-９]{1,6})\s?\\?[\]］】〕]/g;

/**
 * `analyze`, failing closed: any exception (a detector's, or a bug anywhere in the pipeline) becomes a RedactionError.
 * What a session redacts; batch callers may run it elsewhere (another thread) and hand the result to `redactAnalyzed`.
 */
export function analyzeOrFail(text: string, options: AnalyzeOptions = {}): AnalyzedEntity[] {
  try {
    return analyze(text, options);
  } catch (e) {
    if (e instanceof RedactionError) throw e;
    throw new RedactionError(`redaction failed: ${(e as Error)?.message ?? String(e)}`, undefined, { cause: e });
  }
}

export class RedactionSession {
  /** Per-session salt (hex) of the secrets' hashes. */
  readonly #salt = crypto.randomBytes(16).toString('hex');
  /** Placeholder by type, then by canonical value (or, for secrets, by the salted hash of it): no key string to build. */
  readonly #byValue = new Map<EntityType, Map<string, string>>();
  #issued = 0;
  readonly #vault = new Map<string, string>();
  readonly #secretPlaceholders = new Set<string>();
  readonly #counters = new Map<EntityType, number>();

  /** Number of placeholders issued so far. */
  get size(): number {
    return this.#issued;
  }

  /** Forgets every placeholder and original (end of conversation). */
  clear(): void {
    this.#byValue.clear();
    this.#issued = 0;
    this.#vault.clear();
    this.#secretPlaceholders.clear();
    this.#counters.clear();
  }

  #placeholder(type: EntityType, canonical: string, original: string): string {
    const secret = SECRET_TYPES.has(type);
    // One-shot SHA-256 of salt, type and value (the salt has a fixed length, so distinct values give distinct inputs).
    const key = secret ? sha256(`${this.#salt}${type}\u0000${canonical}`) : canonical;
    let byType = this.#byValue.get(type);
    if (byType === undefined) {
      byType = new Map();
      this.#byValue.set(type, byType);
    }
    let ph = byType.get(key);
    if (ph === undefined) {
      const n = (this.#counters.get(type) ?? 0) + 1;
      this.#counters.set(type, n);
      ph = `[${type}_${n}]`;
      byType.set(key, ph);
      this.#issued++;
      if (secret) this.#secretPlaceholders.add(ph);
      else this.#vault.set(ph, original);
    }
    return ph;
  }

  /**
   * Redacts `text` under `options.policy` (default: redact every type). Throws RedactionError if any detector fails:
   * there is no partial result.
   */
  redact(text: string, options: RedactOptions = {}): RedactionResult {
    return this.redactAnalyzed(text, analyzeOrFail(text, options), options);
  }

  /**
   * Applies this session (placeholders, masks, policy) to entities already found in `text` by `analyze(text, options)`
   * (here, or in another thread: the result is the same). `redact` is `analyze` followed by this. `found` must be the
   * analysis of this very `text` (sorted, non-overlapping spans); the order of calls decides placeholder numbers.
   */
  redactAnalyzed(text: string, found: readonly AnalyzedEntity[], options: RedactOptions = {}): RedactionResult {
    const entities: RedactedEntity[] = [];
    const possible: PossibleEntity[] = [];
    let out = '';
    let cursor = 0;
    for (const f of found) {
      if (f.status === 'possible') {
        possible.push({ type: f.type, start: f.start, end: f.end, reason: 'checksum' });
        continue;
      }
      const action: Action = options.policy?.[f.type] ?? options.defaultAction ?? 'redact';
      if (action === 'allow') continue;
      const original = text.slice(f.start, f.end);
      const placeholder = action === 'mask' ? mask(original) : this.#placeholder(f.type, f.canonical, original);
      out += text.slice(cursor, f.start) + placeholder;
      cursor = f.end;
      entities.push({ type: f.type, start: f.start, end: f.end, placeholder, action, score: Math.round(f.score * 100) / 100 });
    }
    out += text.slice(cursor);
    return { text: out, entities, possible };
  }

  /**
   * Puts the originals back into a model's answer. Tolerates re-formatting: case, Markdown escaping (`\[EMAIL\_1\]`),
   * full-width or lenticular brackets. Secrets stay as placeholders.
   */
  reidentify(text: string): ReidentifyResult {
    let restored = 0;
    const unresolved: string[] = [];
    const out = text.replace(PLACEHOLDER_LIKE, (whole, typePart: string, num: string) => {
      const type = typePart.normalize('NFKC').replace(/\\/g, '').replace(/[\s_]+/g, '_').replace(/_$/, '').toUpperCase();
      const ph = `[${type}_${num.normalize('NFKC')}]`;
      const original = this.#vault.get(ph);
      if (original !== undefined) {
        restored++;
        return original;
      }
      unresolved.push(whole);
      return whole;
    });
    return { text: out, restored, unresolved };
  }
}

/** One-shot redaction with a fresh session (placeholders numbered from 1). */
export function redact(text: string, options: RedactOptions = {}): RedactionResult {
  return new RedactionSession().redact(text, options);
}
