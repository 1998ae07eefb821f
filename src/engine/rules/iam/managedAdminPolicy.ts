import type { IacModel, IacResource } from '../../iac/model';
import { get, items, type IacNode } from '../../iac/node';
import { parseYaml } from '../../iac/yamlJson';
import type { ModelContext, ModelRule } from '../rule';
import { IAM_FORMATS_TEXT, ruleDocs } from './docs';

const ID = 'GG-IAM-012';

/** AWS managed policies that are (or amount to) administrator access, and how bad each is. */
const BROAD: Record<string, { severity: 'error' | 'warning'; why: string }> = {
  administratoraccess: { severity: 'error', why: 'full administrator access ("*" on "*")' },
  iamfullaccess: { severity: 'error', why: 'every iam action, which lets the holder make itself administrator' },
  poweruseraccess: { severity: 'warning', why: 'every action except most of IAM and Organizations' },
  amazonbedrockfullaccess: { severity: 'warning', why: '"bedrock:*" on every resource: invoke any model, delete guardrails, turn off invocation logging' },
};

/** `arn:aws:iam::aws:policy/AdministratorAccess`, `arn:${AWS::Partition}:iam::aws:policy/…`, or a bare SAM policy name. */
const ARN = /^arn:(?:aws[a-z-]*|\$\{AWS::Partition\}|\$\{data\.aws_partition\.[\w-]+\.partition\}):iam::aws:policy\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/i;

function broadPolicy(text: string, allowBareName: boolean): { name: string; severity: 'error' | 'warning'; why: string } | undefined {
  const t = text.trim();
  const m = ARN.exec(t);
  const name = m ? m[1]! : allowBareName && /^[\w+=,.@-]+$/.test(t) ? t : undefined;
  const hit = name ? BROAD[name.toLowerCase()] : undefined;
  return hit && name ? { name, ...hit } : undefined;
}

/** The literal text of a policy ARN value: a plain string, a `!Sub` template, or a `!Join` of literal parts. */
function arnText(model: IacModel, node: IacNode): string | undefined {
  const r = node.t === 'expr' && (node.fn === 'Fn::Sub' || node.fn === 'Fn::Join') ? node : (model.resolve(node) ?? node);
  if (r.t === 'str') return r.v;
  if (r.t === 'expr' && r.fn === 'Fn::Sub') {
    const a = r.args?.[0];
    const tpl = a?.t === 'list' ? a.items[0] : a;
    return tpl?.t === 'str' ? tpl.v : undefined;
  }
  if (r.t === 'expr' && r.fn === 'Fn::Join') {
    const parts = r.args?.[1];
    if (parts?.t !== 'list') return undefined;
    return parts.items.map((p) => (p.t === 'str' ? p.v : p.t === 'expr' && p.fn === 'Ref' && p.args?.[0]?.t === 'str' && p.args[0].v === 'AWS::Partition' ? 'aws' : '\u0000')).join(r.args?.[0]?.t === 'str' ? r.args[0].v : '');
  }
  return undefined;
}

/** Terraform resources whose attribute names managed policy ARNs, and who receives them. */
const TF_ATTACH: Record<string, string> = {
  aws_iam_role_policy_attachment: 'policy_arn',
  aws_iam_user_policy_attachment: 'policy_arn',
  aws_iam_group_policy_attachment: 'policy_arn',
  aws_iam_policy_attachment: 'policy_arn',
  aws_iam_role: 'managed_policy_arns',
  aws_iam_role_policy_attachments_exclusive: 'policy_arns',
  aws_iam_user_policy_attachments_exclusive: 'policy_arns',
  aws_iam_group_policy_attachments_exclusive: 'policy_arns',
  aws_ssoadmin_managed_policy_attachment: 'managed_policy_arn',
};
const CFN_ATTACH: Record<string, string> = {
  'AWS::IAM::Role': 'ManagedPolicyArns',
  'AWS::IAM::User': 'ManagedPolicyArns',
  'AWS::IAM::Group': 'ManagedPolicyArns',
  'AWS::Serverless::Function': 'Policies',
  'AWS::Serverless::StateMachine': 'Policies',
};

function report(ctx: ModelContext, file: string, node: IacNode, holder: string, hit: { name: string; severity: 'error' | 'warning'; why: string }, resource?: string, lookup = false): void {
  const verb = lookup ? 'looks up' : 'attaches';
  ctx.report({
    file,
    start: node.start,
    end: node.end,
    message: `${holder} ${verb} the AWS managed policy ${hit.name}: ${hit.why}. Attach a customer-managed policy with the actions and resources the workload needs.`,
    severity: hit.severity,
    ...(resource ? { resource } : {}),
    identity: `${holder}|${hit.name}`,
  });
}

function checkResource(ctx: ModelContext, r: IacResource): void {
  const model = ctx.model;
  if (r.format === 'terraform') {
    // data "aws_iam_policy" "x" { name = "AdministratorAccess" } is looked up to be attached somewhere.
    if (r.data && r.type === 'aws_iam_policy') {
      for (const key of ['arn', 'name']) {
        const n = get(r.props, key);
        const t = n ? arnText(model, n) : undefined;
        const hit = t ? broadPolicy(t, key === 'name') : undefined;
        if (n && hit) report(ctx, r.file, n, r.address, hit, r.address, true);
      }
      return;
    }
    const attr = r.data ? undefined : TF_ATTACH[r.type];
    if (!attr) return;
    const written = get(r.props, attr);
    const resolved = model.resolve(written);
    // A value from a variable default or a local is reported where it is used, in this resource.
    const at = written?.t === 'expr' && resolved !== written ? written : undefined;
    for (const n of items(resolved)) {
      const t = arnText(model, n);
      const hit = t ? broadPolicy(t, false) : undefined;
      if (hit) report(ctx, r.file, at ?? n, r.address, hit, r.address);
    }
    return;
  }
  const prop = CFN_ATTACH[r.type];
  if (!prop) return;
  const sam = r.type.startsWith('AWS::Serverless::');
  for (const n of items(model.resolve(get(r.props, prop)))) {
    // SAM `Policies` mixes managed policy names/ARNs with policy documents and templates; only strings matter here.
    const t = arnText(model, n);
    const hit = t ? broadPolicy(t, sam) : undefined;
    if (hit) report(ctx, r.file, n, r.address, hit, r.address);
  }
}

/** serverless.yml: `provider.iam.role.managedPolicies` and the older `provider.iamManagedPolicies`. */
function checkServerless(ctx: ModelContext): void {
  for (const src of ctx.model.files) {
    if (!/managedPolicies|iamManagedPolicies/.test(src.text)) continue;
    const root = parseYaml(src.text).root;
    const provider = get(root, 'provider');
    for (const list of [get(get(get(provider, 'iam'), 'role'), 'managedPolicies'), get(provider, 'iamManagedPolicies')]) {
      for (const n of items(list)) {
        const t = arnText(ctx.model, n);
        const hit = t ? broadPolicy(t, false) : undefined;
        if (hit) report(ctx, src.file, n, 'provider IAM role', hit);
      }
    }
  }
}

const rule: ModelRule = {
  id: ID,
  scope: 'model',
  family: 'iam',
  defaultSeverity: 'error',
  title: 'Broad AWS managed policy attached',
  formats: ['terraform', 'cloudformation', 'serverless'],
  equivalents: ['CKV_AWS_274', 'CKV_AWS_275', 'CKV2_AWS_56'],
  docs: ruleDocs({
    id: ID,
    title: 'Broad AWS managed policy attached',
    severity: 'error for `AdministratorAccess` and `IAMFullAccess`, warning for `PowerUserAccess` and `AmazonBedrockFullAccess`',
    formats: IAM_FORMATS_TEXT.replace(', IAM policy JSON', ''),
    why: 'Attaching an AWS managed policy by ARN hides its content from policy linters: `arn:aws:iam::aws:policy/AdministratorAccess` is `"*"` on `"*"`, `IAMFullAccess` lets the holder grant itself anything, `PowerUserAccess` is everything but IAM, and `AmazonBedrockFullAccess` is `bedrock:*` on every resource — it can invoke any model, delete guardrails and turn off invocation logging. An application role rarely needs any of them.',
    fix: 'Attach a customer-managed policy listing the actions and resources the workload calls. For a Bedrock application: `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` on the model and inference-profile ARNs it uses. Keep administrator policies for break-glass roles outside application code.',
    references: ['AWS: AWS managed policies for job functions — https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html', 'AWS: AWS managed policies for Amazon Bedrock — https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam-awsmanpol.html', 'Checkov CKV_AWS_274'],
  }),
  check(ctx) {
    for (const r of ctx.model.resources) checkResource(ctx, r);
    if (ctx.model.format === 'serverless') checkServerless(ctx);
  },
};

export default rule;
