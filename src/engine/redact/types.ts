import type { SecretPattern } from '../secrets/types';
import type { TextFacts } from './scan';

/** Entity types the redaction engine knows. Names follow Bedrock Guardrails where a type exists. */
export const ENTITY_TYPES = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'US_ITIN',
  'HKID',
  'SG_NRIC',
  'CN_RESIDENT_ID',
  'UK_NINO',
  'UK_NHS',
  'TW_NATIONAL_ID',
  'IN_AADHAAR',
  'IN_PAN',
  'KR_RRN',
  'CA_SIN',
  'AU_TFN',
  'PASSPORT',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'URL_CREDENTIAL',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  'AWS_SESSION_TOKEN',
  'API_TOKEN',
  'PASSWORD',
  'PERSON',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'CUSTOM',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Secrets: they win every overlap, and their placeholders are one-way (never re-identified). */
export const SECRET_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'AWS_SESSION_TOKEN', 'API_TOKEN', 'PASSWORD', 'URL_CREDENTIAL']);

export function isEntityType(s: string): s is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(s);
}

export type Action = 'redact' | 'mask' | 'allow';
/** Per-type action; types not listed get `defaultAction` (redact). */
export type RedactionPolicy = Partial<Record<EntityType, Action>>;

/** A detector's proposal, in offsets of the text it was given (the normalised text inside the pipeline). */
export interface Candidate {
  type: EntityType;
  start: number;
  end: number;
  /** 0..1 before context words are applied. */
  score: number;
  /** false: the shape matched but the checksum failed, so the value is reported as "possible" and left in place. */
  valid?: boolean;
  /** Canonical value for placeholder stability (e.g. E.164 for phones); defaults to a normalised form of the text. */
  canonical?: string;
  /** Skip the pipeline's context-word boost (the detector already used context). */
  noContext?: boolean;
}

/** Everything a detector sees. `text` is NFKC-normalised; `lower` is its lower-case copy (same length). */
export interface DetectInput {
  text: string;
  lower: string;
  /** Developer-artefact spans (UUIDs, SHAs, model ids, dates …), sorted by start: detectors may skip work inside them. */
  artefacts: readonly { start: number; end: number; kind: string }[];
  /** Character facts of `text` (one pass, see scan.ts), shared so each detector can skip patterns the text cannot match. Computed on demand when absent. */
  facts?: TextFacts;
}

export interface Detector {
  name: string;
  detect(input: DetectInput): Candidate[];
}

export interface Detection {
  type: EntityType;
  /** UTF-16 offsets into the ORIGINAL text, end exclusive. */
  start: number;
  end: number;
  score: number;
  /** `redact`: above threshold and valid; `possible`: failed its checksum, left in place. */
  status: 'redact' | 'possible';
}

export interface RedactedEntity {
  type: EntityType;
  /** UTF-16 offsets into the ORIGINAL text, end exclusive. */
  start: number;
  end: number;
  /** What replaced the value: `[EMAIL_1]`, or the masked value under the `mask` action. */
  placeholder: string;
  action: 'redact' | 'mask';
  score: number;
}

export interface PossibleEntity {
  type: EntityType;
  start: number;
  end: number;
  reason: 'checksum';
}

export interface RedactionResult {
  text: string;
  entities: RedactedEntity[];
  /** Numbers with the right shape whose checksum failed: left in place, shown to the user as "possible". */
  possible: PossibleEntity[];
}

export interface AnalyzeOptions {
  /** Minimum score to redact (default 0.5). */
  threshold?: number;
  /** CUSTOM deny-list: terms (case-insensitive, whole words) always redacted. */
  denyList?: readonly string[];
  /** Values never redacted (case-insensitive exact match of the detected value), e.g. a public support address. */
  allowList?: readonly string[];
  /** Extra detectors (plug-ins, tests). They run like built-ins: an exception fails the whole call. */
  extraDetectors?: readonly Detector[];
  /** Secret catalogue override (tests); defaults to the shared catalogue. */
  secretPatterns?: readonly SecretPattern[];
  /** Longest input accepted, in UTF-16 units (default 10,000,000); longer input fails the call. */
  maxChars?: number;
}

export interface RedactOptions extends AnalyzeOptions {
  policy?: RedactionPolicy;
  defaultAction?: Action;
}

/** Thrown when any detector fails: the caller must not send anything (there is no partial result). */
export class RedactionError extends Error {
  constructor(
    message: string,
    readonly detector?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RedactionError';
  }
}
