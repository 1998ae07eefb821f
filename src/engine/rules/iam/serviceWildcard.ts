import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { reportAt, resourceIsStar, serviceWildcard, identityStatementsOf } from './util';

const ID = 'GG-IAM-002';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Policy grants every action of a service on all resources',
  formats: IAM_FORMATS,
  equivalents: ['CKV_AWS_355', 'CKV_AWS_356', 'CKV_AWS_288', 'CKV_AWS_289', 'CKV_AWS_290', 'AVD-AWS-0345', 'W11', 'W12', 'W13', 'IAM_POLICYDOCUMENT_NO_WILDCARD_RESOURCE'],
  docs: ruleDocs({
    id: ID,
    title: 'Policy grants every action of a service on all resources',
    severity: 'warning (error for `bedrock:*` and `iam:*`)',
    formats: IAM_FORMATS_TEXT,
    why: '`service:*` on `Resource: "*"` grants reads, writes, deletes and permission changes of a whole service on every resource in the account. For Amazon Bedrock, `bedrock:*` also lets the holder delete guardrails, turn off model invocation logging, create long-term Bedrock API keys\' resources, buy provisioned throughput, and invoke every model — the permissions LLM-jacking attacks look for.',
    fix: 'Grant the specific actions the workload calls. For an application that only calls models: `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` (Converse and ConverseStream use them) on the model and inference-profile ARNs it uses.',
    example: '```json\n{ "Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],\n  "Resource": ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"] }\n```',
    references: ['AWS: Identity-based policy examples for Amazon Bedrock — https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html', 'Checkov CKV_AWS_355/356, cfn_nag W11–W13'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow || !resourceIsStar(v)) continue;
      for (const a of v.actions) {
        const service = serviceWildcard(a);
        if (!service) continue;
        const bedrock = service === 'bedrock';
        const iam = service === 'iam';
        const message = bedrock
          ? `${v.resource} allows "${a.value}" on every resource: besides invoking any model, this lets the holder delete guardrails, turn off invocation logging and create Bedrock resources. Grant bedrock:InvokeModel/InvokeModelWithResponseStream on specific model ARNs.`
          : iam
            ? `${v.resource} allows every iam action ("${a.value}") on every resource: the holder can attach any policy to itself and pass any role, which is administrator access in two steps.`
            : `${v.resource} allows every ${service} action ("${a.value}") on every resource; grant only the actions and resources the workload needs.`;
        reportAt(ctx, v, a.node, message, a.value, bedrock || iam ? 'error' : undefined);
      }
    }
  },
};

export default rule;
