import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { isFullWildcardAction, quote, reportAt, resourceIsStar, statementsOf } from './util';

const ID = 'GG-IAM-013';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Policy allows every action of every service',
  formats: IAM_FORMATS,
  equivalents: ['CKV_AWS_63', 'CKV_AWS_49', 'F2', 'F3', 'F4', 'F5', 'F15', 'F20'],
  docs: ruleDocs({
    id: ID,
    title: 'Policy allows every action of every service',
    severity: 'warning',
    formats: IAM_FORMATS_TEXT,
    why: '`"Action": "*"` allows every action of every AWS service, including ones added later, on the resources listed. Even when the resources are narrow (one bucket, one role trust), it grants deletes, policy changes and ownership changes nobody meant to give. (`"*"` on `"Resource": "*"` is full administrator access, reported as GG-IAM-001.)',
    fix: 'List the actions the principal needs, for example `s3:GetObject` and `s3:PutObject` on a bucket, or `sts:AssumeRole` in a trust policy.',
    references: ['AWS: IAM JSON policy elements: Action — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html', 'Checkov CKV_AWS_63, cfn_nag F2–F5'],
  }),
  check(ctx) {
    for (const v of statementsOf(ctx.model)) {
      if (!v.allow) continue;
      const action = v.actions.find(isFullWildcardAction);
      if (!action) continue;
      // On "Resource": "*" in an identity policy this is full admin (GG-IAM-001).
      if (v.policy.kind === 'identity' && resourceIsStar(v)) continue;
      const on =
        v.policy.kind === 'trust'
          ? 'on this role\'s trust policy (not just sts:AssumeRole)'
          : v.policy.kind === 'resource'
            ? 'on this resource'
            : v.resources.length
              ? `on ${quote(v.resources.map((r) => r.value))}`
              : 'on the listed resources';
      reportAt(ctx, v, action.node, `${v.resource} allows every action ("${action.value}") ${on}; list the actions that are needed.`, 'star-action');
    }
  },
};

export default rule;
