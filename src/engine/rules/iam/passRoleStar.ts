import type { ModelRule } from '../rule';
import { escalation } from './privilegeEscalation';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { grants, isFullWildcardAction, reportAt, resourceIsStar, serviceWildcard, identityStatementsOf } from './util';

const ID = 'GG-IAM-006';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'error',
  title: 'iam:PassRole allowed on all roles',
  formats: IAM_FORMATS,
  equivalents: ['CKV_AWS_286', 'AVD-AWS-0342', 'F38', 'F39', 'F40', 'IAM_ROLE_NO_WILDCARD_RESOURCE_ON_PASSROLE', 'PASS_ROLE_WITH_STAR_IN_RESOURCE'],
  docs: ruleDocs({
    id: ID,
    title: 'iam:PassRole allowed on all roles',
    severity: 'error',
    formats: IAM_FORMATS_TEXT,
    why: '`iam:PassRole` on `"*"` lets the holder hand any role in the account — including administrator roles — to a service they control (a Lambda function, a SageMaker notebook, a Bedrock agent or model-customization job), and act with that role\'s permissions. It is one of the most common privilege-escalation paths.',
    fix: 'Name the role ARNs that may be passed, and restrict the receiving service with the `iam:PassedToService` condition (for Bedrock: `bedrock.amazonaws.com`).',
    example: '```json\n{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/bedrock-customization",\n  "Condition": { "StringEquals": { "iam:PassedToService": "bedrock.amazonaws.com" } } }\n```',
    references: ['AWS: Granting a user permissions to pass a role — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow) continue;
      const star = resourceIsStar(v);
      if (!star) continue;
      const pass = grants(v, 'iam:PassRole');
      // `*` is full admin (GG-IAM-001) and `iam:*` every iam action (GG-IAM-002): reported there.
      if (!pass || isFullWildcardAction(pass) || serviceWildcard(pass) === 'iam') continue;
      // PassRole together with a service that runs the passed role is a privilege escalation (GG-IAM-008).
      if (escalation(v)?.actions.has('iam:passrole')) continue;
      reportAt(ctx, v, pass.node, `${v.resource} allows iam:PassRole ("${pass.value}") on every role; name the roles that may be passed and add an iam:PassedToService condition.`, 'passrole');
    }
  },
};

export default rule;
