/** Narrow `Resource: "*"` on Bedrock invoke actions to the model and inference-profile ARNs the workspace uses. */
import type { Finding } from '../finding';
import { buildModel, type IacModel } from '../iac/model';
import { modelArns } from './modelIds';
import { Editor } from './text';
import type { FixContext, WorkspaceFix } from './types';

export function unitModel(ctx: FixContext): IacModel | undefined {
  if (!['terraform', 'cloudformation', 'serverless', 'iam-policy'].includes(ctx.kind)) return undefined;
  const siblings = ctx.kind === 'terraform' ? (ctx.siblings ?? []).filter((s) => s.file.endsWith('.tf')).map((s) => ({ ...s, kind: ctx.kind })) : [];
  return buildModel([{ file: ctx.file, text: ctx.text, kind: ctx.kind }, ...siblings]);
}

export function narrowInvokeFix(f: Finding, ctx: FixContext, model: IacModel): WorkspaceFix[] {
  if (f.ruleId !== 'GG-IAM-003' || !ctx.modelIds?.length) return [];
  const ed = new Editor(ctx.text);
  const start = ed.lines.offset(f.range.start);
  const end = ed.lines.offset(f.range.end);
  if (ctx.text.slice(start, end) !== '*') return [];
  const statement = model.policies.flatMap((p) => (p.file === ctx.file ? p.statements : [])).find((s) => s.resource && s.resource.start <= start && s.resource.end >= end);
  const resource = statement?.resource;
  if (!resource) return [];
  const arns = modelArns(ctx.modelIds);
  if (!arns.length) return [];
  const quoted = ctx.text[start - 1] === '"' || ctx.text[start - 1] === "'";
  const litStart = quoted ? start - 1 : start;
  const litEnd = quoted ? end + 1 : end;
  const isYaml = /\.ya?ml$/i.test(ctx.file);
  const q = (a: string) => `"${a}"`;
  const indent = ed.indentAt(litStart);
  let edit;
  if (resource.t === 'list') {
    const blockItem = isYaml && /^\s*-\s*$/.test(ctx.text.slice(ed.lineStart(litStart), litStart));
    if (blockItem) {
      const dash = ctx.text.slice(ed.lineStart(litStart), litStart);
      edit = ed.replace(litStart, litEnd, arns.map((a, i) => (i === 0 ? q(a) : `${ed.eol}${dash}${q(a)}`)).join(''));
    } else {
      edit = ed.replace(litStart, litEnd, arns.map(q).join(', '));
    }
  } else if (isYaml) {
    edit = ed.replace(litStart, litEnd, `[${arns.map(q).join(', ')}]`);
  } else {
    const inner = `${indent}  `;
    edit = ed.replace(litStart, litEnd, `[${ed.eol}${arns.map((a) => `${inner}${q(a)}`).join(`,${ed.eol}`)}${ed.eol}${indent}]`);
  }
  const n = arns.length;
  return [{ title: `Limit to the ${n} model ARN${n === 1 ? '' : 's'} this workspace's code uses`, edits: [edit] }];
}
