import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { grants, isFullWildcardAction, reportAt, resourceIsStar, serviceWildcard, identityStatementsOf } from './util';

const ID = 'GG-IAM-010';

/** Actions that switch off Bedrock's audit trail; they only accept `Resource: "*"`, so granting them at all matters. */
const LOGGING = ['bedrock:DeleteModelInvocationLoggingConfiguration', 'bedrock:PutModelInvocationLoggingConfiguration'];
/** Guardrail changes; these support resource-level permissions, so `"*"` is the problem. */
const GUARDRAILS = ['bedrock:DeleteGuardrail', 'bedrock:UpdateGuardrail', 'bedrock:DeleteEnforcedGuardrailConfiguration', 'bedrock:PutEnforcedGuardrailConfiguration'];

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Policy allows turning off Bedrock invocation logging or guardrails',
  formats: IAM_FORMATS,
  docs: ruleDocs({
    id: ID,
    title: 'Policy allows turning off Bedrock invocation logging or guardrails',
    severity: 'warning',
    formats: IAM_FORMATS_TEXT,
    why: 'Model invocation logging is the audit trail of what was sent to and returned by Bedrock models; guardrails block prompt attacks and sensitive data. An application role that can delete or rewrite the logging configuration or any guardrail can silently remove both controls — exactly what an attacker with stolen credentials does first.',
    fix: 'Keep `bedrock:PutModelInvocationLoggingConfiguration` / `DeleteModelInvocationLoggingConfiguration` for a security-administration role only. Scope `bedrock:UpdateGuardrail` / `DeleteGuardrail` to the guardrail ARNs a pipeline manages, and deny them to workload roles (an SCP works well).',
    references: ['AWS: Monitor model invocation using CloudWatch Logs and Amazon S3 — https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html', 'AWS: Amazon Bedrock Guardrails — https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow) continue;
      // bedrock:* and * are reported more strongly by GG-IAM-001/002.
      if (v.actions.some((a) => isFullWildcardAction(a) || serviceWildcard(a) === 'bedrock')) continue;
      for (const action of LOGGING) {
        const via = grants(v, action);
        if (via) {
          reportAt(ctx, v, via.node, `${v.resource} allows "${via.value}": the holder can turn off or redirect Bedrock model invocation logging.`, action);
          break;
        }
      }
      if (!resourceIsStar(v)) continue;
      for (const action of GUARDRAILS) {
        const via = grants(v, action);
        if (via) {
          reportAt(ctx, v, via.node, `${v.resource} allows "${via.value}" on every guardrail: the holder can weaken or delete guardrails.`, action);
          break;
        }
      }
    }
  },
};

export default rule;
