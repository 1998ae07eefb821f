import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { quote, reportAt, statementsOf } from './util';

const ID = 'GG-IAM-004';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Allow statement uses NotAction',
  formats: IAM_FORMATS,
  equivalents: ['W15', 'W16', 'W17', 'W21', 'CKV_AWS_111'],
  docs: ruleDocs({
    id: ID,
    title: 'Allow statement uses NotAction',
    severity: 'warning',
    formats: IAM_FORMATS_TEXT,
    why: '`"Effect": "Allow"` with `NotAction` grants every action except those listed — including every action AWS adds in the future (new Bedrock features arrive often). It is almost always broader than intended.',
    fix: 'Replace `NotAction` with an explicit `Action` list. To carve out exceptions from a broad grant, use a separate `Deny` statement.',
    references: ['AWS: IAM JSON policy elements: NotAction — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'],
  }),
  check(ctx) {
    for (const v of statementsOf(ctx.model)) {
      if (!v.allow || !v.statement.notAction) continue;
      const at = v.notActions[0]?.node ?? v.statement.notAction;
      reportAt(ctx, v, at, `${v.resource} allows every action except ${v.notActions.length ? quote(v.notActions.map((a) => a.value)) : 'the listed ones'} (Allow with NotAction); list the allowed actions instead.`, 'notaction');
    }
  },
};

export default rule;
