import type { IacModel, PolicyDoc } from '../../iac/model';
import { entry, get, items, type IacNode } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { encryptionRule, literal, resourcesOf } from './util';

/** A `Deny` statement conditioned on `aws:SecureTransport` = false. */
function deniesPlainHttp(model: IacModel, doc: PolicyDoc): boolean {
  return doc.statements.some((s) => {
    if (literal(model, s.effect) !== 'Deny') return false;
    const cond = model.resolve(s.condition);
    if (cond?.t !== 'map') return false;
    return cond.entries.some((op) => {
      if (!/^Bool(IfExists)?$/i.test(op.key)) return false;
      const inner = model.resolve(op.value);
      if (inner?.t !== 'map') return false;
      return inner.entries.some((k) => k.key.toLowerCase() === 'aws:securetransport' && items(model.resolve(k.value)).some((v) => literal(model, v)?.toLowerCase() === 'false'));
    });
  });
}

function policyOf(model: IacModel, attr: IacNode | undefined, ownerAddress: string): PolicyDoc | undefined {
  if (attr?.t === 'expr') {
    const m = /\bdata\.aws_iam_policy_document\.([\w-]+)/.exec(attr.text);
    if (m) return model.policies.find((p) => p.label === `data.aws_iam_policy_document.${m[1]}`);
  }
  return model.policies.find((p) => p.owner?.address === ownerAddress && p.label === ownerAddress);
}

export default encryptionRule({
  id: 'GG-ENC-005',
  title: 'S3 bucket policy does not deny requests without TLS',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['S3_BUCKET_SSL_REQUESTS_ONLY', 's3-bucket-ssl-requests-only'],
  why: 'S3 accepts plain-HTTP requests unless the bucket policy refuses them. Without a `Deny` on `"aws:SecureTransport": "false"`, a misconfigured client or SDK endpoint can send prompts, documents or credentials-bearing presigned requests in clear text. The deny statement is the control AWS Security Hub (S3.5) and AWS Config (`s3-bucket-ssl-requests-only`) look for. Policies that cannot be evaluated are reported by GG-IAM-000 instead.',
  fix: 'Add a statement that denies `s3:*` on the bucket and its objects for any principal when `aws:SecureTransport` is `false` (optionally also deny `s3:TlsVersion` below 1.2).',
  example: '```json\n{ "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",\n  "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"],\n  "Condition": { "Bool": { "aws:SecureTransport": "false" } } }\n```',
  references: [
    'AWS: Security best practices for Amazon S3 (enforce encryption of data in transit) — https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
    'AWS Config: s3-bucket-ssl-requests-only — https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-ssl-requests-only.html',
  ],
  evaluate(model, sink) {
    const targets: [string, string][] = [['aws_s3_bucket_policy', 'policy'], ['aws_s3_bucket', 'policy'], ['AWS::S3::BucketPolicy', 'PolicyDocument']];
    for (const [type, key] of targets) {
      for (const r of resourcesOf(model, type)) {
        const e = entry(r.props, key);
        if (!e) continue;
        const doc = policyOf(model, e.value, r.address);
        if (!doc || deniesPlainHttp(model, doc)) continue;
        // A policy built from other documents (source_policy_documents) may carry the deny there.
        const data = doc.owner?.data ? doc.owner : undefined;
        if (data && (get(data.props, 'source_policy_documents') || get(data.props, 'override_policy_documents') || get(data.props, 'source_json') || get(data.props, 'override_json'))) continue;
        const bucket = get(r.props, r.format === 'terraform' ? 'bucket' : 'Bucket');
        const target = type === 'aws_s3_bucket' ? r.address : (bucket?.t === 'expr' ? bucket.text : (literal(model, bucket) ?? r.address));
        sink.report({
          file: r.file,
          start: e.keyStart,
          end: e.keyEnd,
          resource: r.address,
          identity: r.address,
          message: `The bucket policy ${r.address} (bucket ${target}) has no Deny statement for "aws:SecureTransport": "false", so S3 accepts plain-HTTP requests. Add a deny-insecure-transport statement.`,
        });
      }
    }
  },
});
