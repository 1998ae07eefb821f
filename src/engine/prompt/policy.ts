/**
 * The redaction policy of the prompt sandbox and `genai-guard ask`: per-type actions, deny-list, allow-list and score
 * threshold, from editor settings and the `redaction:` section of `.genai-guard.yml`. An invalid policy is an error:
 * callers fail closed and send nothing.
 *
 * ```yaml
 * redaction:
 *   policy: { EMAIL: mask, IP_ADDRESS: allow }   # redact (default) | mask | allow
 *   denyList: [Project Falcon]                    # always redacted (CUSTOM)
 *   allowList: [support@example.com]              # never redacted
 *   threshold: 0.5
 * ```
 */
import { ENTITY_TYPES, isEntityType, SECRET_TYPES, type Action, type RedactionPolicy, type RedactOptions } from '../redact';

export class PolicyError extends Error {
  override name = 'PolicyError';
}

const ACTIONS: readonly Action[] = ['redact', 'mask', 'allow'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown, what: string, source: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new PolicyError(`${source}: "${what}" must be a list of strings`);
  return v;
}

/**
 * Reads one policy source (a settings object or the YAML section). `source` names it in messages. Secrets cannot be
 * allowed: the sandbox never sends a credential, whatever the policy says.
 */
export function parseRedactionPolicy(raw: unknown, source: string): RedactOptions {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw new PolicyError(`${source}: expected a mapping with policy, denyList, allowList or threshold`);
  const out: RedactOptions = {};
  for (const key of Object.keys(raw)) {
    if (!['policy', 'denyList', 'allowList', 'threshold'].includes(key)) throw new PolicyError(`${source}: unknown key "${key}" (expected policy, denyList, allowList, threshold)`);
  }
  if (raw.policy !== undefined && raw.policy !== null) {
    if (!isObject(raw.policy)) throw new PolicyError(`${source}: "policy" must map entity types to redact, mask or allow`);
    const policy: RedactionPolicy = {};
    for (const [type, action] of Object.entries(raw.policy)) {
      if (!isEntityType(type)) throw new PolicyError(`${source}: unknown entity type "${type}" (known: ${ENTITY_TYPES.join(', ')})`);
      if (typeof action !== 'string' || !ACTIONS.includes(action as Action)) throw new PolicyError(`${source}: action of ${type} must be redact, mask or allow`);
      if (SECRET_TYPES.has(type) && action !== 'redact') throw new PolicyError(`${source}: ${type} is a secret and is always redacted (got "${action}")`);
      policy[type] = action as Action;
    }
    out.policy = policy;
  }
  const deny = strings(raw.denyList, 'denyList', source);
  if (deny.length) out.denyList = deny;
  const allow = strings(raw.allowList, 'allowList', source);
  if (allow.length) out.allowList = allow;
  if (raw.threshold !== undefined && raw.threshold !== null) {
    if (typeof raw.threshold !== 'number' || !(raw.threshold >= 0 && raw.threshold <= 1)) throw new PolicyError(`${source}: "threshold" must be a number from 0 to 1`);
    out.threshold = raw.threshold;
  }
  return out;
}

/** Later sources win per type; lists are concatenated. */
export function mergeRedactOptions(...sources: RedactOptions[]): RedactOptions {
  const out: RedactOptions = {};
  for (const s of sources) {
    if (s.policy) out.policy = { ...out.policy, ...s.policy };
    if (s.denyList) out.denyList = [...(out.denyList ?? []), ...s.denyList];
    if (s.allowList) out.allowList = [...(out.allowList ?? []), ...s.allowList];
    if (s.threshold !== undefined) out.threshold = s.threshold;
  }
  return out;
}
