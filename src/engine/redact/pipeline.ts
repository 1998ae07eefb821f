/**
 * The analysis pipeline, in Presidio's manner: candidates (detectors) → validators (inside detectors: checksums) →
 * context words → score threshold → developer-artefact filter → overlap resolution (secrets win over PII).
 * Detectors run on NFKC-normalised text; results are mapped back to UTF-16 offsets of the original.
 * Fail closed: any exception in any detector fails the whole call with a RedactionError.
 */
import { findArtefacts, insideAny, type Span } from './artefacts';
import { CONTEXT_BOOST, CONTEXT_WORDS, hasContext } from './context';
import { addressDetector } from './detectors/address';
import { identifierDetector } from './detectors/identifiers';
import { keyedDetector, makeDenyListDetector } from './detectors/keyed';
import { networkDetector } from './detectors/network';
import { personDetector } from './detectors/person';
import { phoneDetector } from './detectors/phone';
import { makeSecretDetector } from './detectors/secrets';
import { normalize, toOriginal } from './normalize';
import { sortSmall, textFacts } from './scan';
import { RedactionError, SECRET_TYPES, type AnalyzeOptions, type Candidate, type DetectInput, type Detection, type Detector, type EntityType } from './types';

export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_MAX_CHARS = 10_000_000;

/** Types a developer artefact can veto (numbers and ids); e-mail, secrets, deny-list terms and names are never vetoed. */
const VETOABLE: ReadonlySet<EntityType> = new Set<EntityType>([
  'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'US_ITIN', 'HKID', 'SG_NRIC', 'CN_RESIDENT_ID', 'UK_NINO', 'UK_NHS', 'TW_NATIONAL_ID',
  'IN_AADHAAR', 'IN_PAN', 'KR_RRN', 'CA_SIN', 'AU_TFN', 'PASSPORT', 'IP_ADDRESS', 'MAC_ADDRESS', 'ADDRESS', 'PERSON',
]);

export interface AnalyzedEntity extends Detection {
  /** Value used for placeholder stability (normalised). */
  canonical: string;
}

/** Lower-cases without changing the length (a few characters lower-case to two code units; they stay as they are). */
function sameLengthLower(s: string): string {
  const l = s.toLowerCase();
  if (l.length === s.length) return l;
  let out = '';
  for (const ch of s) {
    const c = ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

function defaultCanonical(type: EntityType, value: string): string {
  // NFKC leaves ASCII as it is: only other text pays for it.
  const v = (NON_ASCII.test(value) ? value.normalize('NFKC') : value).replace(/\s+/g, ' ').trim();
  switch (type) {
    case 'EMAIL':
    case 'PERSON':
    case 'ADDRESS':
    case 'CUSTOM':
    case 'IP_ADDRESS':
    case 'MAC_ADDRESS':
      return v.toLowerCase();
    case 'PASSWORD':
    case 'API_TOKEN':
    case 'AWS_SECRET_KEY':
    case 'AWS_SESSION_TOKEN':
    case 'AWS_ACCESS_KEY':
    case 'URL_CREDENTIAL':
    case 'DATE_OF_BIRTH':
      return v;
    default:
      return v.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  }
}

const defaultSecrets = makeSecretDetector();
const secretDetectors = new WeakMap<object, Detector>();
const denyDetectors = new Map<string, Detector | undefined>();
/** Deny-list detectors by list identity (callers usually pass the same array every call), with a copy of the terms. */
const denyByList = new WeakMap<readonly string[], { terms: readonly string[]; detector: Detector | undefined }>();
const BASE_DETECTORS: readonly Detector[] = [networkDetector, identifierDetector, phoneDetector, keyedDetector, addressDetector, personDetector];

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function denyDetector(list: readonly string[]): Detector | undefined {
  const known = denyByList.get(list);
  // The array may have been changed in place since it was seen: its terms decide.
  if (known && sameTerms(known.terms, list)) return known.detector;
  // Compiled once per distinct list (bounded cache): the list rarely changes within a session.
  const key = list.join('\u0000');
  let deny: Detector | undefined;
  if (denyDetectors.has(key)) deny = denyDetectors.get(key);
  else {
    deny = makeDenyListDetector(list);
    if (denyDetectors.size > 32) denyDetectors.clear();
    denyDetectors.set(key, deny);
  }
  denyByList.set(list, { terms: [...list], detector: deny });
  return deny;
}

/** The built-in lists without extra detectors, by secret detector then deny-list detector (no array per call). */
const BUILT_IN_LISTS = new WeakMap<Detector, Map<Detector | undefined, readonly Detector[]>>();

function builtInList(options: AnalyzeOptions): readonly Detector[] {
  let secrets = defaultSecrets;
  if (options.secretPatterns) {
    secrets = secretDetectors.get(options.secretPatterns) ?? makeSecretDetector(options.secretPatterns);
    secretDetectors.set(options.secretPatterns, secrets);
  }
  const deny = options.denyList && options.denyList.length > 0 ? denyDetector(options.denyList) : undefined;
  let byDeny = BUILT_IN_LISTS.get(secrets);
  if (!byDeny) {
    byDeny = new Map();
    BUILT_IN_LISTS.set(secrets, byDeny);
  }
  let list = byDeny.get(deny);
  if (!list) {
    list = Object.freeze(deny ? [secrets, ...BASE_DETECTORS, deny] : [secrets, ...BASE_DETECTORS]);
    // Deny-list detectors are cached per distinct list (bounded), so this map stays small; clear it if it does not.
    if (byDeny.size > 64) byDeny.clear();
    byDeny.set(deny, list);
  }
  return list;
}

export function builtInDetectors(options: AnalyzeOptions = {}): Detector[] {
  const list = [...builtInList(options)];
  if (options.extraDetectors) list.push(...options.extraDetectors);
  return list;
}

interface Scored extends Candidate {
  secret: boolean;
}

const byStartLongest = (a: Scored, b: Scored): number => a.start - b.start || b.end - a.end;
const byStart = (a: AnalyzedEntity, b: AnalyzedEntity): number => a.start - b.start;

function rank(a: Scored, b: Scored): number {
  return Number(b.secret) - Number(a.secret) || b.score - a.score || b.end - b.start - (a.end - a.start);
}

/** Runs every detector and resolves the result. Throws RedactionError on any failure (fail closed). */
export function analyze(original: string, options: AnalyzeOptions = {}): AnalyzedEntity[] {
  if (typeof original !== 'string') throw new RedactionError('input is not a string');
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (original.length > maxChars) throw new RedactionError(`input of ${original.length} characters exceeds the ${maxChars}-character limit`);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const norm = normalize(original);
  const text = norm.text;
  const lower = sameLengthLower(text);
  const facts = textFacts(text);
  // Artefacts are found on first use (a detector reading them, or a vetoable candidate): text with neither skips them.
  let artefactSpans: Span[] | undefined;
  const artefactsOf = (): Span[] => (artefactSpans ??= findArtefacts(text, lower, facts));
  const input: DetectInput = {
    text,
    lower,
    facts,
    get artefacts() {
      return artefactsOf();
    },
  };

  const all: Scored[] = [];
  const detectors = options.extraDetectors && options.extraDetectors.length > 0 ? builtInDetectors(options) : builtInList(options);
  for (const d of detectors) {
    let found: Candidate[];
    try {
      found = d.detect(input);
    } catch (e) {
      throw new RedactionError(`detector "${d.name}" failed: ${(e as Error)?.message ?? String(e)}`, d.name, { cause: e });
    }
    if (!Array.isArray(found)) throw new RedactionError(`detector "${d.name}" returned no list`, d.name);
    for (const c of found) {
      if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.end > text.length || c.start >= c.end || typeof c.score !== 'number') {
        throw new RedactionError(`detector "${d.name}" returned an invalid span`, d.name);
      }
      // One object shape for every candidate (a spread copy is several times slower).
      all.push({ type: c.type, start: c.start, end: c.end, score: c.score, valid: c.valid, canonical: c.canonical, noContext: c.noContext, secret: SECRET_TYPES.has(c.type) });
    }
  }

  const allow = options.allowList && options.allowList.length > 0 ? new Set(options.allowList.map((a) => a.normalize('NFKC').trim().toLowerCase())) : undefined;
  const redactable: Scored[] = [];
  const possible: Scored[] = [];
  for (const c of all) {
    let score = c.score;
    const words = CONTEXT_WORDS[c.type];
    if (!c.noContext && words && hasContext(lower, c.start, c.end, words)) score += CONTEXT_BOOST;
    c.score = Math.min(1, score);
    if (VETOABLE.has(c.type) && insideAny(artefactsOf(), c.start, c.end, c.type === 'PHONE')) continue;
    if (allow && allow.size > 0 && allow.has(text.slice(c.start, c.end).trim().toLowerCase())) continue;
    if (c.valid === false) possible.push(c);
    else if (c.score >= threshold) redactable.push(c);
  }

  // Overlap resolution: clusters of overlapping spans; the best-ranked candidate names the cluster, which covers the
  // union of its members so no part of any accepted value is left in clear.
  sortSmall(redactable, byStartLongest);
  const resolved: { winner: Scored; start: number; end: number }[] = [];
  let i = 0;
  while (i < redactable.length) {
    let winner = redactable[i]!;
    let start = winner.start;
    let end = winner.end;
    let j = i + 1;
    while (j < redactable.length && redactable[j]!.start < end) {
      const c = redactable[j]!;
      end = Math.max(end, c.end);
      if (rank(c, winner) < 0) winner = c;
      j++;
    }
    start = Math.min(start, winner.start);
    resolved.push({ winner, start, end });
    i = j;
  }

  const out: AnalyzedEntity[] = [];
  for (const r of resolved) {
    const [s, e] = toOriginal(norm, r.start, r.end);
    const exact = r.start === r.winner.start && r.end === r.winner.end;
    const canonical = exact && r.winner.canonical !== undefined ? r.winner.canonical : defaultCanonical(r.winner.type, text.slice(r.start, r.end));
    out.push({ type: r.winner.type, start: s, end: e, score: r.winner.score, status: 'redact', canonical });
  }
  // Possible values: only where nothing was redacted, one per span.
  sortSmall(possible, byStartLongest);
  let k = 0;
  let lastEnd = -1;
  for (const p of possible) {
    while (k < resolved.length && resolved[k]!.end <= p.start) k++;
    const r = resolved[k];
    if (r && r.start < p.end) continue;
    if (p.start < lastEnd) continue;
    lastEnd = p.end;
    const [s, e] = toOriginal(norm, p.start, p.end);
    out.push({ type: p.type, start: s, end: e, score: p.score, status: 'possible', canonical: defaultCanonical(p.type, text.slice(p.start, p.end)) });
  }
  return sortSmall(out, byStart);
}
