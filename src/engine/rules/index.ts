import type { Rule } from './rule';
import awsAccessKeyId from './secrets/awsAccessKeyId';

/** Every rule, registered explicitly (no runtime globbing). A unit test checks ids are unique and documented. */
export const RULES: readonly Rule[] = [awsAccessKeyId];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export type { Rule, RuleContext, RuleReport } from './rule';
export { docsUrl } from './rule';
