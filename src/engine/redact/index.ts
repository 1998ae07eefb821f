/** The local redaction engine: PII and secrets replaced before a prompt leaves the machine. */
export { analyze, builtInDetectors, DEFAULT_THRESHOLD, DEFAULT_MAX_CHARS, type AnalyzedEntity } from './pipeline';
export { RedactionSession, redact, mask, analyzeOrFail, type ReidentifyResult } from './session';
export { normalize, toOriginal, type Normalized } from './normalize';
export { findArtefacts } from './artefacts';
export { secretEntityType } from './detectors/secrets';
export { PHONE_REGIONS } from './detectors/phone';
export * from './types';
