import type { Rule } from './rule';
import { ENCRYPTION_RULES } from './encryption';
import { IAM_RULES } from './iam';
import { SECRET_RULES } from './secrets';

/** Every rule, registered explicitly per family (no runtime globbing). A unit test checks ids are unique and documented. */
export const RULES: readonly Rule[] = [...SECRET_RULES, ...IAM_RULES, ...ENCRYPTION_RULES];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export type { Rule, RuleContext, RuleReport } from './rule';
export { docsUrl } from './rule';
