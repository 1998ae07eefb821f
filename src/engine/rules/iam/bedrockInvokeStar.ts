import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { isFullWildcardAction, reportAt, resourceIsStar, serviceWildcard, identityStatementsOf } from './util';

const ID = 'GG-IAM-003';
/** Bedrock actions that run a model (Converse/ConverseStream are authorised by the InvokeModel actions). */
const INVOKE = /^bedrock:(Invoke\*|InvokeModel\*?|InvokeModelWithResponseStream|Converse\*?|ConverseStream|InvokeAgent|InvokeInlineAgent|InvokeFlow|RetrieveAndGenerate\*?|CreateModelInvocationJob)$/i;

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Bedrock model invocation allowed on all resources',
  formats: IAM_FORMATS,
  docs: ruleDocs({
    id: ID,
    title: 'Bedrock model invocation allowed on all resources',
    severity: 'warning',
    formats: IAM_FORMATS_TEXT,
    why: '`bedrock:InvokeModel*` on `Resource: "*"` lets the holder run every model in every region the account has access to, including the most expensive ones and models your organisation has not approved. Stolen credentials with this permission are what LLM-jacking campaigns resell. Invocation permissions support resource-level scoping, so `"*"` is never required.',
    fix: 'List the foundation-model, inference-profile, provisioned-model or custom-model ARNs the code uses, e.g. `arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0` and `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0`. A cross-region inference profile also needs the foundation-model ARNs in each destination region.',
    references: ['AWS: Prerequisites for inference profiles — https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html', 'AWS: Actions, resources and condition keys for Amazon Bedrock — https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow) continue;
      const star = resourceIsStar(v);
      if (!star) continue;
      // bedrock:* and * are reported by GG-IAM-002 / GG-IAM-001.
      if (v.actions.some((a) => isFullWildcardAction(a) || serviceWildcard(a) === 'bedrock')) continue;
      const invoke = v.actions.filter((a) => INVOKE.test(a.value));
      if (invoke.length === 0) continue;
      reportAt(ctx, v, star.node, `${v.resource} allows ${invoke.map((a) => `"${a.value}"`).join(', ')} on every model ("Resource": "*"); list the model and inference-profile ARNs the application uses.`, 'invoke-star');
    }
  },
};

export default rule;
