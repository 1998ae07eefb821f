import type { Severity } from '../../finding';
import { findSecrets, SECRET_PATTERNS } from '../../secrets/catalogue';
import { maskSecret } from '../../text';
import type { Rule } from '../rule';

export interface SecretRuleSpec {
  id: string;
  title: string;
  docs: string;
  defaultSeverity?: Severity;
  /** How to act, appended to the message: "remove it and rotate the key." */
  advice: string;
}

/** Builds a scanner rule that reports every catalogue pattern carrying this rule id, masked. */
export function secretRule(spec: SecretRuleSpec): Rule {
  const patterns = SECRET_PATTERNS.filter((p) => p.ruleId === spec.id);
  if (patterns.length === 0) throw new Error(`no catalogue pattern reports ${spec.id}`);
  return {
    id: spec.id,
    family: 'secret',
    defaultSeverity: spec.defaultSeverity ?? 'error',
    title: spec.title,
    docs: spec.docs,
    appliesTo: '*',
    keywords: [...new Set(patterns.flatMap((p) => p.keywords))],
    check(ctx) {
      for (const m of findSecrets(ctx.text, patterns, ctx.keywords)) {
        const what = m.detail ? `${m.label} (${m.detail})` : m.label;
        ctx.report({
          start: m.start,
          end: m.end,
          message: `${what} ${maskSecret(m.value)} is hardcoded; ${spec.advice}`,
          identity: m.value,
          ...(m.severity ? { severity: m.severity } : {}),
        });
      }
    },
  };
}
