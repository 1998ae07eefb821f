import { KeywordIndex } from '../keywords';
import { execAll } from '../text';
import { AI_PATTERNS } from './patterns/ai';
import { AWS_PATTERNS } from './patterns/amazon';
import { DEVTOOLS_PATTERNS } from './patterns/devtools';
import { GENERIC_PATTERNS, setSpecificOverlapCheck } from './patterns/generic';
import { KEY_PATTERNS } from './patterns/keys';
import type { SecretContext, SecretMatch, SecretPattern } from './types';

/**
 * The secret catalogue: every token format GenAI Guard knows. The scanner's secret rules report these; the prompt
 * redaction engine replaces them. Add formats here (in `patterns/`), never in a second list.
 *
 * Every regex is linear-time: literal or class-anchored starts with fixed-width lookbehinds, bounded `{m,n}`
 * repetitions, no nested quantifiers over overlapping classes (test/unit/secrets-redos.test.ts feeds them
 * pathological input).
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [...AWS_PATTERNS, ...AI_PATTERNS, ...DEVTOOLS_PATTERNS, ...KEY_PATTERNS, ...GENERIC_PATTERNS];

const SPECIFIC_PATTERNS = SECRET_PATTERNS.filter((p) => !p.fallback);
/** Whether every specific pattern of the catalogue comes before its first fallback (see findSecrets). */
const FALLBACKS_LAST = SECRET_PATTERNS.every((p, i) => !p.fallback || SECRET_PATTERNS.slice(i).every((q) => q.fallback));

// Fallback (generic) matches give way to a specific pattern on the same span: one secret, one finding.
// The specific matches of the text being scanned are found once, on the first fallback candidate, and reused for the
// others (a text has many `key = value` candidates; each used to rescan its line with every specific pattern).
let specificOf: { text: string; matches: SecretMatch[] } | undefined;
setSpecificOverlapCheck((ctx: SecretContext) => {
  if (specificOf?.text !== ctx.text) specificOf = { text: ctx.text, matches: findSecrets(ctx.text, SPECIFIC_PATTERNS, ctx.present) };
  return specificOf.matches.some((m) => m.start < ctx.end && m.end > ctx.start);
});

function secretSpan(m: RegExpMatchArray): { value: string; offset: number } {
  const named = m.groups?.secret;
  const value = named ?? m[1] ?? m[0];
  const index = m.index ?? 0;
  // Group offsets: the secret is located inside the whole match (last occurrence: the secret follows its key name).
  const offset = value === m[0] ? index : index + m[0].lastIndexOf(value);
  return { value, offset };
}

/** The regex matches of one pattern in a text (exported for tests: anchored patterns must match like a full scan). */
export function patternMatches(text: string, p: SecretPattern): readonly RegExpMatchArray[] {
  return p.anchor ? anchoredMatches(text, p) : execAll(p.regex, text);
}

const STICKY = new WeakMap<RegExp, RegExp>();
const NONE: readonly RegExpMatchArray[] = Object.freeze([]);

/**
 * The matches of an anchored pattern, identical to `text.matchAll(p.regex)`: every match starts within `back`
 * characters before one of its stems, so only those starts are tried, leftmost first, never overlapping a previous
 * match. A list, not a generator: most texts have no stem at all.
 */
function anchoredMatches(text: string, p: SecretPattern): readonly RegExpMatchArray[] {
  const { stems, back } = p.anchor!;
  const at = stems(text);
  if (at.length === 0) return NONE;
  let sticky = STICKY.get(p.regex);
  if (!sticky) {
    sticky = new RegExp(p.regex.source, p.regex.flags.replace('g', '') + 'y');
    STICKY.set(p.regex, sticky);
  }
  const out: RegExpMatchArray[] = [];
  let next = 0; // the first start not yet tried (and not inside a previous match)
  for (let k = 0; k < at.length; k++) {
    const stem = at[k]!;
    for (let start = Math.max(next, stem - back); start <= stem; start++) {
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      next = start + 1;
      if (m) {
        next = Math.max(next, start + m[0].length);
        out.push(m);
        break;
      }
    }
  }
  return out;
}

interface PatternIndex {
  keywords: KeywordIndex;
  /** Keyword → indexes of the patterns it wakes, ascending. */
  owners: Map<string, number[]>;
  /** Patterns with an empty keyword (they always run). */
  always: number[];
  /** One flag per pattern, all clear between calls of activePatterns (which marks and then clears them). */
  marks: Uint8Array;
}
const PATTERN_INDEXES = new WeakMap<readonly SecretPattern[], PatternIndex>();

/** One keyword index per pattern list (the catalogue, a rule's share of it, a caller's own list). */
function patternIndexOf(patterns: readonly SecretPattern[]): PatternIndex {
  let index = PATTERN_INDEXES.get(patterns);
  if (!index) {
    const owners = new Map<string, number[]>();
    const always: number[] = [];
    patterns.forEach((p, i) => {
      for (const k of new Set(p.keywords)) {
        if (k === '') {
          always.push(i);
          continue;
        }
        const list = owners.get(k);
        if (list) list.push(i);
        else owners.set(k, [i]);
      }
    });
    index = { keywords: new KeywordIndex(owners.keys()), owners, always, marks: new Uint8Array(patterns.length) };
    PATTERN_INDEXES.set(patterns, index);
  }
  return index;
}

/** The patterns (in list order) owning a keyword present in the text. */
function activePatterns(patterns: readonly SecretPattern[], index: PatternIndex, has: ReadonlySet<string>): SecretPattern[] {
  // Flags instead of a sorted list of indexes: no allocation but the result.
  const marks = index.marks;
  let any = index.always.length > 0;
  for (const i of index.always) marks[i] = 1;
  // Iterate the smaller side: the keywords found, or this list's keywords.
  if (has.size <= index.owners.size) {
    for (const k of has) {
      const list = index.owners.get(k);
      if (list) {
        for (const i of list) marks[i] = 1;
        any = true;
      }
    }
  } else {
    for (const [k, list] of index.owners) {
      if (has.has(k)) {
        for (const i of list) marks[i] = 1;
        any = true;
      }
    }
  }
  if (!any) return [];
  const out: SecretPattern[] = [];
  for (let i = 0; i < marks.length; i++) {
    if (marks[i] === 1) {
      marks[i] = 0;
      out.push(patterns[i]!);
    }
  }
  return out;
}

/** Finds every catalogued secret in a text. Throws if a validator throws: callers treat that as a failure. */
export function findSecrets(text: string, patterns: readonly SecretPattern[] = SECRET_PATTERNS, present?: ReadonlySet<string>): SecretMatch[] {
  const out: SecretMatch[] = [];
  let seen: Set<string> | undefined;
  // `present`: the keywords the caller already found in this text (the scanner finds them once for all rules, every
  // catalogue keyword among them, so the overlap check reuses them too); otherwise one pass over the text finds them
  // for every pattern at once.
  const index = patternIndexOf(patterns);
  const has = present ?? index.keywords.find(text);
  // The whole catalogue, keywords found here: its specific patterns (all listed before the fallbacks) run exactly as
  // the overlap check's own `findSecrets(text, SPECIFIC_PATTERNS)` would, so their matches are handed to it when the
  // first fallback pattern starts, instead of being found a second time.
  let prime = FALLBACKS_LAST && patterns === SECRET_PATTERNS && present === undefined;
  for (const p of activePatterns(patterns, index, has)) {
    if (prime && p.fallback) {
      prime = false;
      specificOf = { text, matches: out.slice() };
    }
    const matches = patternMatches(text, p);
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k]!;
      const { value, offset } = secretSpan(m);
      const ctx: SecretContext = { text, start: offset, end: offset + value.length, match: m, ...(present ? { present } : {}) };
      if (p.validate && !p.validate(value, ctx)) continue;
      const key = `${p.ruleId} ${offset} ${value.length}`;
      seen ??= new Set();
      if (seen.has(key)) continue;
      seen.add(key);
      const detail = p.describe?.(value);
      const severity = p.severity?.(value);
      out.push({
        patternId: p.id,
        ruleId: p.ruleId,
        label: p.label,
        start: offset,
        end: offset + value.length,
        value,
        ...(detail ? { detail } : {}),
        ...(severity ? { severity } : {}),
      });
    }
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start || b.end - a.end) : out;
}
