import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { quote, reportAt, statementsOf } from './util';

const ID = 'GG-IAM-005';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'warning',
  title: 'Allow statement uses NotResource',
  formats: IAM_FORMATS,
  equivalents: ['W22', 'W23'],
  docs: ruleDocs({
    id: ID,
    title: 'Allow statement uses NotResource',
    severity: 'warning',
    formats: IAM_FORMATS_TEXT,
    why: '`"Effect": "Allow"` with `NotResource` grants the actions on every resource except those listed — including resources created later, in any region.',
    fix: 'List the resources in `Resource`. Keep `NotResource` for `Deny` statements.',
    references: ['AWS: IAM JSON policy elements: NotResource — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html'],
  }),
  check(ctx) {
    for (const v of statementsOf(ctx.model)) {
      if (!v.allow || !v.statement.notResource) continue;
      const nr = ctx.model.resolve(v.statement.notResource)!;
      const listed: string[] = [];
      for (const n of nr.t === 'list' ? nr.items : [nr]) if (n.t === 'str') listed.push(n.v);
      reportAt(ctx, v, nr.t === 'list' ? (nr.items[0] ?? nr) : nr, `${v.resource} allows its actions on every resource except ${listed.length ? quote(listed) : 'the listed ones'} (Allow with NotResource); list the resources instead.`, 'notresource');
    }
  },
};

export default rule;
