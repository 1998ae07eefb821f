/**
 * The IAM action catalogue (generated from the AWS Service Authorization Reference by scripts/gen-iam-actions.mjs):
 * which actions exist, their access level, and whether they support resource-level permissions. Rules use it so that
 * `Resource: "*"` on an action that cannot be scoped is never reported — the anchors' biggest false-positive source.
 */
import data from './actions.json';

export type AccessLevel = 'Read' | 'Write' | 'List' | 'Tagging' | 'Permissions management';

export interface ActionInfo {
  /** `service:Action` in the catalogue's casing. */
  name: string;
  levels: AccessLevel[];
  /**
   * False when `Resource: "*"` is the only choice: the action has no resource types, or it is a List action (or one
   * of {@link ACCOUNT_WIDE}) whose resource types are all optional, so a call that names no resource needs `"*"`.
   */
  resourceLevel: boolean;
}

/**
 * Actions with only optional resource types that in practice work on the whole account: the CloudWatch metric APIs
 * gained an optional `dataset` resource, yet standard metrics have no ARN.
 */
const ACCOUNT_WIDE = new Set(['cloudwatch:putmetricdata', 'cloudwatch:getmetricdata', 'cloudwatch:getmetricstatistics', 'cloudwatch:listmetrics', 'cloudwatch:getmetricstream']);

const LEVELS: Record<string, AccessLevel> = { R: 'Read', W: 'Write', L: 'List', T: 'Tagging', P: 'Permissions management' };
const services = (data as { services: Record<string, string> }).services;
const cache = new Map<string, ActionInfo[]>();

function actionsOf(service: string): ActionInfo[] {
  const key = service.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const packed = services[key];
  const list = packed
    ? packed.split('|').map((entry) => {
        const colon = entry.lastIndexOf(':');
        const name = entry.slice(0, colon);
        const code = entry.slice(colon + 1);
        const levels = [...code.replace(/[*~]/g, '')].map((c) => LEVELS[c]).filter((l): l is AccessLevel => l !== undefined);
        const optionalOnly = code.endsWith('~');
        const full = `${key}:${name}`;
        return {
          name: full,
          levels,
          resourceLevel: !code.endsWith('*') && !(optionalOnly && (levels.includes('List') || ACCOUNT_WIDE.has(full.toLowerCase()))),
        };
      })
    : [];
  cache.set(key, list);
  return list;
}

export function isKnownService(service: string): boolean {
  return services[service.toLowerCase()] !== undefined;
}

/** Escapes a glob (`*`, `?`) into an anchored, case-insensitive regex. Linear: no nested quantifiers. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * The catalogue actions an action pattern (`bedrock:Invoke*`, `s3:*`, `*`) matches. A pattern for an unknown service
 * or action yields [] (the caller decides what that means).
 */
export function matchActions(pattern: string): ActionInfo[] {
  if (pattern === '*') return Object.keys(services).flatMap(actionsOf);
  const colon = pattern.indexOf(':');
  if (colon === -1) return [];
  const service = pattern.slice(0, colon);
  if (service.includes('*') || service.includes('?')) {
    const re = globToRegExp(service);
    return Object.keys(services).filter((s) => re.test(s)).flatMap((s) => matchActionsIn(s, pattern.slice(colon + 1)));
  }
  return matchActionsIn(service, pattern.slice(colon + 1));
}

function matchActionsIn(service: string, actionGlob: string): ActionInfo[] {
  const all = actionsOf(service);
  if (actionGlob === '*') return all;
  if (!/[*?]/.test(actionGlob)) {
    const lower = `${service.toLowerCase()}:${actionGlob.toLowerCase()}`;
    return all.filter((a) => a.name.toLowerCase() === lower);
  }
  const re = globToRegExp(`${service}:${actionGlob}`);
  return all.filter((a) => re.test(a.name));
}

/** True when some action the pattern matches can be scoped to resources (so `Resource: "*"` is a real choice). */
export function anySupportsResourceLevel(pattern: string): boolean {
  // An action the catalogue doesn't know (a typo, or one newer than the catalogue) is not judged: never guess.
  return matchActions(pattern).some((a) => a.resourceLevel);
}

/** Does an IAM action pattern (as written in a policy) cover a concrete action? Case-insensitive, `*`/`?` globs. */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  if (!/[*?]/.test(pattern)) return pattern.toLowerCase() === action.toLowerCase();
  return globToRegExp(pattern).test(action);
}
