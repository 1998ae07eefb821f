import { matchActions } from '../../iam/actions';
import type { ModelRule } from '../rule';
import { escalation } from './privilegeEscalation';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { accessLevels, hasScopingCondition, isFullWildcardAction, quote, reportAt, resourceIsStar, restrictableActions, serviceWildcard, identityStatementsOf } from './util';

const ID = 'GG-IAM-011';
/** Reported by more specific rules; not repeated here. */
const SPECIFIC = /^(bedrock:(Invoke|Converse|RetrieveAndGenerate|CreateModelInvocationJob|CallWithBearerToken|DeleteGuardrail|UpdateGuardrail|PutModelInvocationLogging|DeleteModelInvocationLogging)|iam:(PassRole|CreateServiceSpecificCredential))/i;

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Actions that can be scoped are allowed on all resources',
  formats: IAM_FORMATS,
  equivalents: ['CKV_AWS_355', 'CKV_AWS_356', 'CKV_AWS_111', 'CKV_AWS_109', 'CKV_AWS_108', 'W12', 'W13', 'RESOURCE_STAR', 'IAM_POLICYDOCUMENT_NO_WILDCARD_RESOURCE'],
  docs: ruleDocs({
    id: ID,
    title: 'Actions that can be scoped are allowed on all resources',
    severity: 'warning for write and permission-management actions, note for read and list',
    formats: IAM_FORMATS_TEXT,
    why: 'These actions support resource-level permissions, yet the statement grants them on `"*"`: every bucket, table, key or model in the account, including ones created later. Actions that only accept `"*"` (for example `s3:ListAllMyBuckets`, `logs:DescribeLogGroups`, `bedrock:ListFoundationModels`) are deliberately not reported — the AWS Service Authorization Reference decides which is which.',
    fix: 'Replace `"*"` with the ARNs the workload uses. Move actions that can only use `"*"` into their own statement so the scoped ones can be narrowed.',
    references: ['AWS: Service Authorization Reference — https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html', 'Checkov CKV_AWS_355/356'],
  }),
  check(ctx) {
    for (const v of identityStatementsOf(ctx.model)) {
      if (!v.allow) continue;
      const star = resourceIsStar(v);
      if (!star) continue;
      if (v.actions.some((a) => isFullWildcardAction(a) || serviceWildcard(a))) continue; // GG-IAM-001/002
      // A condition such as aws:SourceArn, aws:ResourceTag/… or kms:ViaService narrows what "*" reaches.
      if (hasScopingCondition(ctx.model, v)) continue;
      // Patterns are judged by the catalogue actions they match, minus those a more specific rule reports.
      // Actions that take part in a privilege escalation are reported by GG-IAM-008.
      const escalating = escalation(v)?.actions ?? new Set<string>();
      const elsewhere = (name: string) => SPECIFIC.test(name) || escalating.has(name.toLowerCase());
      const scoped = restrictableActions(v).filter((a) => {
        const matched = matchActions(a.value);
        return matched.length === 0 ? !elsewhere(a.value) : matched.some((m) => m.resourceLevel && !elsewhere(m.name));
      });
      if (scoped.length === 0) continue;
      const levels = new Set(scoped.flatMap((a) => [...accessLevels(a.value)]));
      const writes = levels.has('Write') || levels.has('Permissions management') || levels.has('Tagging');
      reportAt(
        ctx,
        v,
        star.node,
        `${v.resource} allows ${quote(scoped.map((a) => a.value))} on every resource ("Resource": "*"), though ${scoped.length === 1 ? 'it supports' : 'they support'} resource-level permissions; list the ARNs instead.`,
        'restrictable',
        writes ? 'warning' : 'note',
      );
    }
  },
};

export default rule;
