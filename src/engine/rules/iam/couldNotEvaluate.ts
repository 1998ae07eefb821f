import type { ModelRule } from '../rule';
import { IAM_FORMATS, IAM_FORMATS_TEXT, ruleDocs } from './docs';
import { statementsOf } from './util';

const ID = 'GG-IAM-000';

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'note',
  title: 'Policy could not be evaluated',
  formats: IAM_FORMATS,
  docs: ruleDocs({
    id: ID,
    title: 'Policy could not be evaluated',
    severity: 'note',
    formats: IAM_FORMATS_TEXT,
    why: 'GenAI Guard judges policies only after resolving them, and it never guesses. This note marks a policy (or its Action/Resource/Effect) that comes from somewhere it cannot read statically — a variable without a literal default, a file read at plan time, a CloudFormation parameter without a default, a computed expression — so that the other IAM rules could not check it. Silence is not a pass here.',
    fix: 'Give the variable or parameter a literal default, inline the policy with `jsonencode(...)` or an `aws_iam_policy_document` data source, or review the policy by hand. Suppress the note with a reason once reviewed.',
    references: ['GenAI Guard: how policies are resolved — see the README, "Rules"'],
  }),
  check(ctx) {
    for (const u of ctx.model.unresolved) {
      ctx.report({ file: u.file, start: u.start, end: u.end, message: `Could not evaluate ${u.what}: ${u.reason}. The IAM rules did not check it.`, identity: u.what });
    }
    for (const v of statementsOf(ctx.model)) {
      for (const n of v.unresolved) {
        const text = n.t === 'expr' ? n.text : n.t === 'str' ? n.v : '';
        ctx.report({ file: v.file, start: n.start, end: n.end, message: `Could not evaluate ${text ? `"${text.length > 50 ? `${text.slice(0, 47)}…` : text}"` : 'a value'} in ${v.resource}; the IAM rules did not check this element.`, resource: v.policy.owner?.address ?? v.resource, identity: `${v.resource}|${text}` });
      }
    }
  },
};

export default rule;
