import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { grants, hasLimitingCondition, isFullWildcardAction, reportAt, resourceIsStar, serviceWildcard, identityStatementsOf } from './util';

const ID = 'GG-IAM-009';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Policy allows creating or using Bedrock API keys broadly',
  formats: IAM_FORMATS,
  docs: ruleDocs({
    id: ID,
    title: 'Policy allows creating or using Bedrock API keys broadly',
    severity: 'warning',
    formats: IAM_FORMATS_TEXT,
    why: 'Long-term Amazon Bedrock API keys are IAM service-specific credentials (`iam:CreateServiceSpecificCredential`); they can be created without an expiry and are bearer tokens — whoever holds one calls Bedrock as that user. `iam:CreateServiceSpecificCredential` on `"*"` lets the holder mint keys for any IAM user, and `bedrock:CallWithBearerToken` on `"*"` lets bearer-token callers use Bedrock without further checks.',
    fix: 'Scope `iam:CreateServiceSpecificCredential` to the users that may own keys and add the condition `iam:ServiceSpecificCredentialServiceName = bedrock.amazonaws.com` (and an age limit with `iam:ServiceSpecificCredentialAgeDays`). Prefer short-term Bedrock API keys or the standard SigV4 credential chain. Deny `bedrock:CallWithBearerToken` where bearer tokens are not needed.',
    references: ['AWS: Use Amazon Bedrock API keys — https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html', 'AWS: Permissions for Amazon Bedrock API keys — https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow || !resourceIsStar(v)) continue;
      if (v.actions.some((a) => isFullWildcardAction(a) || serviceWildcard(a) === 'iam' || serviceWildcard(a) === 'bedrock')) continue;
      const create = grants(v, 'iam:CreateServiceSpecificCredential');
      if (create && !hasLimitingCondition(ctx.model, v) && !/ServiceSpecificCredential/i.test(JSON.stringify(v.statement.condition ?? ''))) {
        reportAt(ctx, v, create.node, `${v.resource} allows "${create.value}" for every user: anyone with this policy can create long-term Bedrock API keys. Scope it to specific users and add an iam:ServiceSpecificCredentialServiceName condition.`, 'create-key');
      }
      const bearer = grants(v, 'bedrock:CallWithBearerToken');
      if (bearer) {
        reportAt(ctx, v, bearer.node, `${v.resource} allows "${bearer.value}" on every resource: Bedrock API keys (bearer tokens) work without further checks.`, 'bearer');
      }
    }
  },
};

export default rule;
