/**
 * Encryption and exposure fixes: add a customer-managed KMS key (a TODO placeholder when the unit has none), add the
 * `aws:SecureTransport` deny statement, add an S3 public access block, turn a public-access-block setting back on.
 */
import type { Finding, TextEdit } from '../finding';
import type { IacModel, IacResource } from '../iac/model';
import { entry, get, str, type IacNode } from '../iac/node';
import { addCfnProperties, addTfBlockAfter, addTfLines, appendListItem, isJsonFile, Raw, type Value } from './iacEdit';
import { Editor } from './text';
import type { FixContext, WorkspaceFix } from './types';

const KMS_RULES = new Set(['GG-ENC-001', 'GG-ENC-002', 'GG-ENC-006', 'GG-ENC-007', 'GG-ENC-008', 'GG-ENC-009', 'GG-ENC-010', 'GG-ENC-011', 'GG-ENC-013', 'GG-ENC-014', 'GG-ENC-015', 'GG-ENC-017']);

/** Terraform: attributes that take a KMS key, plus switches that must be on. */
const TF_KMS: Record<string, { key: string; on?: string }> = {
  aws_cloudwatch_log_group: { key: 'kms_key_id' },
  aws_sagemaker_notebook_instance: { key: 'kms_key_id' },
  aws_sagemaker_endpoint_configuration: { key: 'kms_key_arn' },
  aws_sagemaker_domain: { key: 'kms_key_id' },
  aws_ebs_volume: { key: 'kms_key_id', on: 'encrypted' },
  aws_db_instance: { key: 'kms_key_id', on: 'storage_encrypted' },
  aws_rds_cluster: { key: 'kms_key_id', on: 'storage_encrypted' },
  aws_bedrock_guardrail: { key: 'kms_key_arn' },
  aws_bedrockagent_agent: { key: 'customer_encryption_key_arn' },
  aws_bedrock_custom_model: { key: 'custom_model_kms_key_id' },
};
const CFN_KMS: Record<string, { key: string; on?: string }> = {
  'AWS::Logs::LogGroup': { key: 'KmsKeyId' },
  'AWS::SageMaker::NotebookInstance': { key: 'KmsKeyId' },
  'AWS::SageMaker::EndpointConfig': { key: 'KmsKeyId' },
  'AWS::SageMaker::Domain': { key: 'KmsKeyId' },
  'AWS::EC2::Volume': { key: 'KmsKeyId', on: 'Encrypted' },
  'AWS::RDS::DBInstance': { key: 'KmsKeyId', on: 'StorageEncrypted' },
  'AWS::RDS::DBCluster': { key: 'KmsKeyId', on: 'StorageEncrypted' },
  'AWS::Bedrock::Guardrail': { key: 'KmsKeyArn' },
  'AWS::Bedrock::Agent': { key: 'CustomerEncryptionKeyArn' },
  'AWS::Bedrock::Flow': { key: 'CustomerEncryptionKeyArn' },
};

interface KeyRef {
  hcl: string;
  cfn: Value;
  placeholder: boolean;
  name: string;
}

function keyRef(model: IacModel): KeyRef {
  const tf = model.resources.find((r) => r.type === 'aws_kms_key' && !r.data);
  if (tf) return { hcl: `${tf.address}.arn`, cfn: '', placeholder: false, name: tf.address };
  const cfn = model.resources.find((r) => r.type === 'AWS::KMS::Key');
  if (cfn) return { hcl: '', cfn: new Raw(`!GetAtt ${cfn.address}.Arn`, { 'Fn::GetAtt': [cfn.address, 'Arn'] }), placeholder: false, name: cfn.address };
  return {
    hcl: 'aws_kms_key.TODO.arn # TODO: create a customer-managed aws_kms_key and reference it here',
    cfn: new Raw('!GetAtt TODOKmsKey.Arn # TODO: add a customer-managed AWS::KMS::Key resource', { 'Fn::GetAtt': ['TODOKmsKey', 'Arn'] }),
    placeholder: true,
    name: 'a placeholder key (TODO)',
  };
}

function resourceOf(f: Finding, model: IacModel): IacResource | undefined {
  return f.resource ? model.byAddress(f.resource) : undefined;
}

export function kmsFix(f: Finding, ctx: FixContext, model: IacModel): WorkspaceFix[] {
  if (!KMS_RULES.has(f.ruleId)) return [];
  const r = resourceOf(f, model);
  if (!r || r.file !== ctx.file) return [];
  const ed = new Editor(ctx.text);
  const key = keyRef(model);
  const title = `Encrypt ${r.address} with ${key.placeholder ? 'a customer-managed KMS key (TODO placeholder)' : `KMS key ${key.name}`}`;
  let edit: TextEdit | undefined;
  if (r.format === 'terraform') {
    if (r.type === 'aws_s3_bucket') {
      const hasSse = model.resources.some((o) => o.type === 'aws_s3_bucket_server_side_encryption_configuration' && refers(get(o.props, 'bucket'), r.address)) || get(r.props, 'server_side_encryption_configuration');
      if (hasSse) return [];
      edit = addTfBlockAfter(ed, r, `resource "aws_s3_bucket_server_side_encryption_configuration" "${r.name}" {\n  bucket = ${r.address}.id\n\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = ${key.hcl}\n    }\n    bucket_key_enabled = true\n  }\n}`);
    } else if (r.type === 'aws_dynamodb_table') {
      if (get(r.props, 'server_side_encryption')) return [];
      edit = addTfLines(ed, r, ['server_side_encryption {', '  enabled     = true', `  kms_key_arn = ${key.hcl}`, '}']);
    } else {
      const spec = TF_KMS[r.type];
      if (!spec || get(r.props, spec.key)) return [];
      const lines = [`${spec.key} = ${key.hcl}`];
      if (spec.on && !get(r.props, spec.on)) lines.unshift(`${spec.on} = true`);
      edit = addTfLines(ed, r, lines);
    }
  } else if (r.format === 'cloudformation' || r.format === 'serverless') {
    if (r.type === 'AWS::S3::Bucket') {
      if (get(r.props, 'BucketEncryption')) return [];
      edit = addCfnProperties(ed, ctx.file, r, [['BucketEncryption', { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key.cfn }, BucketKeyEnabled: true }] }]]);
    } else if (r.type === 'AWS::DynamoDB::Table') {
      if (get(r.props, 'SSESpecification')) return [];
      edit = addCfnProperties(ed, ctx.file, r, [['SSESpecification', { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: key.cfn }]]);
    } else {
      const spec = CFN_KMS[r.type];
      if (!spec || get(r.props, spec.key)) return [];
      const add: [string, Value][] = [[spec.key, key.cfn]];
      if (spec.on && !get(r.props, spec.on)) add.unshift([spec.on, true]);
      edit = addCfnProperties(ed, ctx.file, r, add);
    }
  }
  return edit ? [{ title, edits: [edit] }] : [];
}

function refers(node: IacNode | undefined, address: string): boolean {
  return node?.t === 'expr' && node.text.startsWith(`${address}.`);
}

/** The bucket ARN as the file can write it, from a bucket policy's `bucket` / `Bucket` value. */
function bucketArn(r: IacResource, model: IacModel): { hcl?: string; cfn?: [Value, Value] } | undefined {
  if (r.type === 'aws_s3_bucket') return { hcl: `${r.address}.arn` };
  const b = get(r.props, r.format === 'terraform' ? 'bucket' : 'Bucket');
  if (!b) return undefined;
  if (r.format === 'terraform') {
    const m = b.t === 'expr' ? /^(aws_s3_bucket\.[\w-]+)\.(id|bucket)$/.exec(b.text) : null;
    if (m) return { hcl: `${m[1]}.arn` };
    const name = str(model.resolve(b));
    return name ? { hcl: `"arn:aws:s3:::${name}"` } : undefined;
  }
  if (b.t === 'expr' && b.fn === 'Ref') {
    const target = str(b.args?.[0]);
    if (target && model.byAddress(target)) {
      return { cfn: [new Raw(`!GetAtt ${target}.Arn`, { 'Fn::GetAtt': [target, 'Arn'] }), new Raw(`!Sub "\${${target}.Arn}/*"`, { 'Fn::Sub': `\${${target}.Arn}/*` })] };
    }
  }
  const name = str(model.resolve(b));
  return name ? { cfn: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`] } : undefined;
}

export function secureTransportFix(f: Finding, ctx: FixContext, model: IacModel): WorkspaceFix[] {
  if (f.ruleId !== 'GG-ENC-005') return [];
  const r = resourceOf(f, model);
  if (!r) return [];
  const arn = bucketArn(r, model);
  if (!arn) return [];
  const title = 'Add a statement that denies requests without TLS (aws:SecureTransport)';
  if (r.format === 'terraform' && arn.hcl) {
    const attr = entry(r.props, 'policy')?.value;
    if (!attr) return [];
    const dataRef = attr.t === 'expr' ? /\bdata\.aws_iam_policy_document\.([\w-]+)/.exec(attr.text) : null;
    if (dataRef) {
      const d = model.byAddress(`data.aws_iam_policy_document.${dataRef[1]}`);
      if (!d) return [];
      const dEd = new Editor(model.files.find((x) => x.file === d.file)?.text ?? '');
      const edit = addTfLines(dEd, d, ['statement {', '  sid     = "DenyInsecureTransport"', '  effect  = "Deny"', '  actions = ["s3:*"]', `  resources = [${arn.hcl}, "\${${arn.hcl}}/*"]`, '', '  principals {', '    type        = "*"', '    identifiers = ["*"]', '  }', '', '  condition {', '    test     = "Bool"', '    variable = "aws:SecureTransport"', '    values   = ["false"]', '  }', '}']);
      if (!edit) return [];
      return d.file === ctx.file ? [{ title, edits: [edit], isPreferred: true }] : [{ title, edits: [], files: [{ file: d.file, edits: [edit] }], isPreferred: true }];
    }
    if (attr.t !== 'expr' || attr.fn !== 'jsonencode') return [];
    const doc = model.resolve(attr);
    const list = get(doc, 'Statement');
    const last = list?.t === 'list' ? list.items.at(-1) : undefined;
    if (!last || r.file !== ctx.file) return [];
    const ed = new Editor(ctx.text);
    const i = ed.indentAt(last.end - 1);
    const body = [
      '{',
      `  Sid       = "DenyInsecureTransport"`,
      `  Effect    = "Deny"`,
      `  Principal = "*"`,
      `  Action    = "s3:*"`,
      `  Resource  = [${arn.hcl}, "\${${arn.hcl}}/*"]`,
      `  Condition = { Bool = { "aws:SecureTransport" = "false" } }`,
      '}',
    ].map((l, n) => (n === 0 ? l : `${i}${l}`));
    return [{ title, edits: [ed.insert(last.end, `, ${body.join(ed.eol)}`)], isPreferred: true }];
  }
  if (r.format !== 'terraform' && arn.cfn && r.file === ctx.file) {
    const list = get(get(r.props, 'PolicyDocument'), 'Statement');
    if (!list) return [];
    const ed = new Editor(ctx.text);
    const edit = appendListItem(ed, ctx.file, list, {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: arn.cfn,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    return edit ? [{ title, edits: [edit], isPreferred: true }] : [];
  }
  return [];
}

const PAB_TF = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** GG-ENC-003: add a public access block for the bucket; GG-ENC-004: turn the setting back on. */
export function publicAccessFix(f: Finding, ctx: FixContext, model: IacModel): WorkspaceFix[] {
  const ed = new Editor(ctx.text);
  if (f.ruleId === 'GG-ENC-004') {
    const start = ed.lines.offset(f.range.start);
    const end = ed.lines.offset(f.range.end);
    const written = ctx.text.slice(start, end);
    if (!/^(false|False|FALSE)$/.test(written)) return [];
    const setting = /([A-Za-z_]+)\W*$/.exec(ctx.text.slice(ed.lineStart(start), start))?.[1] ?? 'the setting';
    return [{ title: `Set ${setting} to true`, edits: [ed.replace(start, end, written === 'False' ? 'True' : 'true')], isPreferred: true, mechanical: true }];
  }
  if (f.ruleId !== 'GG-ENC-003') return [];
  const r = resourceOf(f, model);
  const bucket = r?.type === 'aws_s3_bucket' || r?.type === 'AWS::S3::Bucket' ? r : undefined;
  if (!bucket || bucket.file !== ctx.file) return [];
  const title = `Add a public access block to ${bucket.address}`;
  if (bucket.format === 'terraform') {
    if (model.resources.some((o) => o.type === 'aws_s3_bucket_public_access_block' && refers(get(o.props, 'bucket'), bucket.address))) return [];
    const block = `resource "aws_s3_bucket_public_access_block" "${bucket.name}" {\n  bucket                  = ${bucket.address}.id\n${PAB_TF.map((k) => `  ${k.padEnd(23)} = true`).join('\n')}\n}`;
    return [{ title, edits: [addTfBlockAfter(ed, bucket, block)], isPreferred: true }];
  }
  if (get(bucket.props, 'PublicAccessBlockConfiguration')) return [];
  const edit = addCfnProperties(ed, ctx.file, bucket, [['PublicAccessBlockConfiguration', { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }]]);
  void isJsonFile;
  return edit ? [{ title, edits: [edit], isPreferred: true }] : [];
}
