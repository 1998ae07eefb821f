import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { isFullWildcardAction, reportAt, resourceIsStar, identityStatementsOf } from './util';

const ID = 'GG-IAM-001';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'error',
  title: 'Policy grants full administrator access',
  formats: IAM_FORMATS,
  equivalents: ['CKV_AWS_1', 'CKV_AWS_62', 'CKV_AWS_63', 'CKV2_AWS_40', 'AVD-AWS-0057', 'aws-iam-no-policy-wildcards', 'F4', 'F5', 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS'],
  docs: ruleDocs({
    id: ID,
    title: 'Policy grants full administrator access',
    severity: 'error',
    formats: IAM_FORMATS_TEXT,
    why: 'An `Allow` of every action (`"*"`) on every resource (`"*"`) makes whoever holds the policy an administrator of the account: they can read all data, invoke every Amazon Bedrock model, turn off invocation logging and guardrails, and create new credentials for themselves. One leaked key or prompt-injected agent with this policy compromises the whole account.',
    fix: 'List the actions the workload calls (for a Bedrock app usually `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream`) and the resources it calls them on (model and inference-profile ARNs). Keep administrator access for break-glass roles behind MFA, outside application code.',
    references: ['AWS: Apply least-privilege permissions — https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'Checkov CKV_AWS_62/63, cfn_nag F4/F5'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow) continue;
      const action = v.actions.find(isFullWildcardAction);
      if (!action) continue;
      const star = resourceIsStar(v);
      // An identity policy without Resource is invalid; a NotResource with Action "*" is GG-IAM-005's.
      if (!star) continue;
      reportAt(ctx, v, action.node, `${v.resource} allows every action ("${action.value}") on every resource: this is full administrator access.`, 'admin');
    }
  },
};

export default rule;
