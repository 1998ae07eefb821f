/**
 * Secrets from the shared catalogue (src/engine/secrets): the one list of token formats, shared with the scanner.
 * Each catalogue format maps to an entity type by its id / rule id; unknown formats are API_TOKEN.
 */
import { findSecrets, SECRET_PATTERNS } from '../../secrets/catalogue';
import type { SecretMatch, SecretPattern } from '../../secrets/types';
import type { Candidate, Detector, DetectInput, EntityType } from '../types';

export function secretEntityType(m: Pick<SecretMatch, 'patternId' | 'ruleId'>): EntityType {
  const id = m.patternId.toLowerCase();
  if (m.ruleId === 'GG-SEC-001' || /^aws-(?:access-key(?:-id)?|key-id)$/.test(id)) return 'AWS_ACCESS_KEY';
  if (id.startsWith('aws') && id.includes('session')) return 'AWS_SESSION_TOKEN';
  if (id.startsWith('aws') && id.includes('secret')) return 'AWS_SECRET_KEY';
  if (id.startsWith('aws') && id.includes('access-key')) return 'AWS_ACCESS_KEY';
  if (/password|passwd/.test(id)) return 'PASSWORD';
  return 'API_TOKEN';
}

const PASSWORD_KEY = /(?:password|passwd|passphrase|pwd|密碼|密码)["'\]]?\s{0,3}(?:[:=]|=>|:=)\s{0,3}["'`]?$/i;

export function makeSecretDetector(patterns: readonly SecretPattern[] = SECRET_PATTERNS): Detector {
  return {
    name: 'secrets',
    detect({ text }: DetectInput): Candidate[] {
      return findSecrets(text, patterns).map((s) => {
        let type = secretEntityType(s);
        // A generic "key = value" secret whose key is a password is a PASSWORD.
        if (type === 'API_TOKEN' && s.patternId.startsWith('generic') && PASSWORD_KEY.test(text.slice(Math.max(0, s.start - 40), s.start))) type = 'PASSWORD';
        return { type, start: s.start, end: s.end, score: 1, noContext: true, canonical: s.value };
      });
    },
  };
}
