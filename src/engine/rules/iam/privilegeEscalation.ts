import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { grants, isFullWildcardAction, reportAt, resourceIsStar, serviceWildcard, identityStatementsOf, type Literal, type StatementView } from './util';

const ID = 'GG-IAM-008';

/** Single actions that let a principal raise its own permissions. */
const SINGLE = [
  'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy', 'iam:AttachGroupPolicy',
  'iam:PutUserPolicy', 'iam:PutRolePolicy', 'iam:PutGroupPolicy', 'iam:AddUserToGroup', 'iam:CreateAccessKey',
  'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:UpdateAssumeRolePolicy', 'iam:PutUserPermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary',
];
/** iam:PassRole combined with a service that runs code or jobs with the passed role. */
const WITH_PASSROLE: string[][] = [
  ['lambda:CreateFunction', 'lambda:InvokeFunction'],
  ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
  ['ec2:RunInstances'],
  ['cloudformation:CreateStack'],
  ['glue:CreateDevEndpoint'],
  ['glue:CreateJob'],
  ['datapipeline:CreatePipeline'],
  ['sagemaker:CreateNotebookInstance'],
  ['sagemaker:CreateTrainingJob'],
  ['sagemaker:CreateProcessingJob'],
  ['bedrock:CreateModelCustomizationJob'],
  ['bedrock:CreateAgent'],
  ['codebuild:CreateProject'],
  ['ecs:RunTask'],
];

/** The escalation a statement allows (first found), and every action that takes part in one (lower case). */
export function escalation(v: StatementView): { via: Literal; what: string; actions: Set<string> } | undefined {
  let found: { via: Literal; what: string } | undefined;
  const actions = new Set<string>();
  for (const a of SINGLE) {
    const via = grants(v, a);
    if (!via) continue;
    found ??= { via, what: a };
    actions.add(a.toLowerCase());
  }
  const pass = grants(v, 'iam:PassRole');
  if (pass) {
    for (const combo of WITH_PASSROLE) {
      if (!combo.every((c) => grants(v, c))) continue;
      found ??= { via: pass, what: `iam:PassRole with ${combo.join(' + ')}` };
      for (const c of combo) actions.add(c.toLowerCase());
      actions.add('iam:passrole');
    }
  }
  return found ? { ...found, actions } : undefined;
}

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'error',
  title: 'Policy allows privilege escalation',
  formats: IAM_FORMATS,
  equivalents: ['CKV_AWS_286', 'CKV_AWS_287', 'CKV_AWS_110', 'PRIVILEGE_ESCALATION'],
  docs: ruleDocs({
    id: ID,
    title: 'Policy allows privilege escalation',
    severity: 'error',
    formats: IAM_FORMATS_TEXT,
    why: 'Some permissions let a principal give itself more permissions: writing or attaching policies (`iam:PutRolePolicy`, `iam:AttachUserPolicy`, `iam:CreatePolicyVersion` …), creating credentials for other users (`iam:CreateAccessKey`), or passing a role to a service that runs code (`iam:PassRole` with `lambda:CreateFunction`, `ec2:RunInstances`, `sagemaker:CreateNotebookInstance`, `bedrock:CreateModelCustomizationJob` …). An application role with them is one bug away from administrator.',
    fix: 'Remove the escalation permissions from workload roles; when they are needed, scope them to specific resources and guard them with permission boundaries and conditions (`iam:PassedToService`, `iam:PermissionsBoundary`).',
    references: ['Rhino Security Labs: AWS IAM privilege escalation methods — https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/', 'Checkov CKV_AWS_286'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow || !resourceIsStar(v)) continue;
      // Full admin is reported by GG-IAM-001 and `iam:*` by GG-IAM-002 already.
      if (v.actions.some((a) => isFullWildcardAction(a) || serviceWildcard(a) === 'iam')) continue;
      const e = escalation(v);
      if (!e) continue;
      reportAt(ctx, v, e.via.node, `${v.resource} allows privilege escalation on every resource (${e.what}).`, e.what);
    }
  },
};

export default rule;
