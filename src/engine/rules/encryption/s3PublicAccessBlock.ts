import type { IacResource } from '../../iac/model';
import { get, type IacNode } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { at, boolState, describe, encryptionRule, resourcesOf } from './util';

const TF_KEYS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const CFN_KEYS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
const MEANING: Record<string, string> = {
  block_public_acls: 'new public ACLs are accepted',
  block_public_policy: 'a bucket policy that makes the bucket public is accepted',
  ignore_public_acls: 'existing public ACLs take effect',
  restrict_public_buckets: 'a public bucket policy gives anonymous and cross-account access',
};

export default encryptionRule({
  id: 'GG-ENC-004',
  title: 'S3 public access block setting turned off',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'aws-s3-block-public-acls', 'aws-s3-block-public-policy', 'aws-s3-ignore-public-acls', 'aws-s3-no-public-buckets', 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED'],
  why: 'S3 Block Public Access is the safety net that keeps a mistaken ACL or bucket policy from publishing a bucket; it has been on by default for new buckets since April 2023. A public access block that sets one of its four settings to `false` — or, in Terraform and CloudFormation, leaves it out, because an omitted setting means `false` — switches that net off for the bucket (or the whole account). Buckets without any public access block keep the default and are not reported.',
  fix: 'Set all four settings to `true`: `block_public_acls`, `block_public_policy`, `ignore_public_acls`, `restrict_public_buckets` (CloudFormation `PublicAccessBlockConfiguration`). Share data across accounts with a bucket policy naming those accounts, not by opening the bucket.',
  example: '```hcl\nresource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = aws_s3_bucket.logs.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n```',
  references: ['AWS: Blocking public access to your Amazon S3 storage — https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  evaluate(model, sink) {
    const judge = (r: IacResource, holder: IacNode | undefined, keys: string[], label: string, anchor: { start: number; end: number }) => {
      const missing: string[] = [];
      keys.forEach((k, i) => {
        const node = get(holder, k);
        const s = boolState(model, node);
        const tfKey = TF_KEYS[i]!;
        if (s === 'missing') missing.push(k);
        else if (s === 'unknown') sink.unknown({ file: r.file, start: node!.start, end: node!.end, what: `${r.address} ${k}`, reason: describe(model.resolve(node)) });
        else if (s === false) {
          sink.report({ file: r.file, start: node!.start, end: node!.end, resource: r.address, identity: `${r.address}|${k}`, message: `${label}: ${k} is false, so ${MEANING[tfKey]}. Set it to true.` });
        }
      });
      if (missing.length) {
        sink.report({ file: r.file, ...anchor, resource: r.address, identity: `${r.address}|missing`, message: `${label} leaves ${missing.join(', ')} unset, which means false: ${missing.map((m) => MEANING[TF_KEYS[keys.indexOf(m)]!]).join('; ')}. Set ${missing.length > 1 ? 'them' : 'it'} to true.` });
      }
    };
    for (const r of resourcesOf(model, 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block')) {
      const label = r.type === 'aws_s3_account_public_access_block' ? `The account-wide public access block ${r.address}` : `Public access block ${r.address}`;
      judge(r, r.props, TF_KEYS, label, { start: r.nameStart, end: r.nameEnd });
    }
    for (const b of resourcesOf(model, 'AWS::S3::Bucket', 'AWS::S3::AccessPoint')) {
      const e = b.props.entries.find((x) => x.key === 'PublicAccessBlockConfiguration');
      if (!e) continue;
      const v = model.resolve(e.value);
      if (v?.t !== 'map') {
        if (v?.t === 'expr') sink.unknown({ file: b.file, start: e.value.start, end: e.value.end, what: `${b.address} PublicAccessBlockConfiguration`, reason: describe(v) });
        continue;
      }
      judge(b, at(b.props, 'PublicAccessBlockConfiguration'), CFN_KEYS, `S3 bucket ${b.address}`, { start: e.keyStart, end: e.keyEnd });
    }
  },
});
