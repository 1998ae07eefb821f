import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { hasLimitingCondition, reportAt, statementsOf, wildcardPrincipal } from './util';

const ID = 'GG-IAM-007';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'error',
  title: 'Resource or trust policy allows any principal',
  formats: IAM_FORMATS,
  equivalents: ['CKV_AWS_70', 'CKV_AWS_33', 'CKV_AWS_60', 'CKV_AWS_61', 'CKV_AWS_93', 'CKV_AWS_168', 'CKV_AWS_283', 'F16', 'F18', 'F21', 'F2', 'F6', 'F7', 'F8', 'F9', 'AVD-AWS-0067', 'ALLOW_WITH_NOT_PRINCIPAL'],
  docs: ruleDocs({
    id: ID,
    title: 'Resource or trust policy allows any principal',
    severity: 'error',
    formats: IAM_FORMATS_TEXT,
    why: 'A resource policy (S3 bucket, KMS key, queue, Bedrock resource) or a role trust policy with `"Principal": "*"` (or `{"AWS": "*"}`) and no condition that narrows the caller (or an `Allow` with `NotPrincipal`, which grants everyone except the listed principals) lets anyone on the internet — any AWS account — use the resource or assume the role. Training data, invocation logs and model artefacts are exposed this way.',
    fix: 'Name the principals (account ids, role ARNs, service principals), or keep `"*"` only with a condition that limits callers, such as `aws:PrincipalOrgID`, `aws:SourceAccount`, `aws:SourceArn` or `aws:SourceVpce`.',
    references: ['AWS: IAM JSON policy elements: Principal — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html', 'Checkov CKV_AWS_70, cfn_nag F16/F18'],
  }),
  check(ctx) {
    for (const v of statementsOf(ctx.model)) {
      if (!v.allow) continue;
      const notPrincipal = v.statement.notPrincipal;
      if (notPrincipal) {
        // Allow + NotPrincipal grants to everyone except the listed principals — including anonymous callers.
        const what = v.policy.kind === 'trust' ? 'lets every principal except the listed ones assume this role' : 'lets every principal except the listed ones use this resource';
        reportAt(ctx, v, notPrincipal, `${v.resource} ${what} (Allow with NotPrincipal); name the principals in "Principal" instead.`, 'notprincipal');
        continue;
      }
      const principal = wildcardPrincipal(ctx.model, v);
      if (!principal || hasLimitingCondition(ctx.model, v)) continue;
      const what = v.policy.kind === 'trust' ? 'lets any AWS principal assume this role' : 'lets any principal use this resource';
      reportAt(ctx, v, principal, `${v.resource} ${what} ("Principal": "*" without a limiting condition).`, 'principal');
    }
  },
};

export default rule;
