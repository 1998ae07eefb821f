import { TF_CFN, TF_CFN_TEXT } from './docs';
import { buckets, encryptionOf, invocationLoggingTo, isLogTarget, KMS_ALGORITHMS, type SseRule } from './s3';
import type { IacModel } from '../../iac/model';
import { describe, keyState, literal, type Sink } from './util';
import { encryptionRule } from './util';

/** Judges one default-encryption rule; returns nothing when it is SSE-KMS. Shared with the invocation-logging rule. */
export function judgeSseRule(model: IacModel, rule: SseRule, sink: Sink, label: string): { start: number; end: number; message: string; weakened: boolean } | undefined {
  const algo = literal(model, rule.algorithm);
  if (algo === null) {
    sink.unknown({ file: rule.owner.file, start: rule.algorithm!.start, end: rule.algorithm!.end, what: `${label} sse_algorithm`, reason: describe(model.resolve(rule.algorithm)) });
    return undefined;
  }
  if (algo === undefined) {
    return { ...rule.anchor, weakened: true, message: `The default-encryption rule of S3 bucket ${label} names no algorithm, so S3 uses SSE-S3 and no KMS key you control; set it to "aws:kms" with a customer-managed key.` };
  }
  const span = { start: rule.algorithm!.start, end: rule.algorithm!.end };
  if (KMS_ALGORITHMS.has(algo)) {
    if (keyState(model, rule.key) === 'aws-managed') {
      return { start: rule.key!.start, end: rule.key!.end, weakened: false, message: `S3 bucket ${label} uses SSE-KMS with the AWS-managed key (aws/s3): its key policy can't be restricted or the key disabled; use a customer-managed key.` };
    }
    return undefined;
  }
  if (algo === 'AES256') {
    return { ...span, weakened: false, message: `S3 bucket ${label} is encrypted with SSE-S3 (AES256), not SSE-KMS: reading its objects needs no permission on a key you control. Use "aws:kms" with a customer-managed key for sensitive data.` };
  }
  return { ...span, weakened: true, message: `S3 bucket ${label} names "${algo}" as its encryption algorithm, which is not SSE-KMS ("aws:kms"/"aws:kms:dsse") nor a valid value; objects fall back to SSE-S3 at best.` };
}

export default encryptionRule({
  id: 'GG-ENC-002',
  title: 'S3 bucket encryption is not SSE-KMS with a customer-managed key',
  severity: 'note',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_145', 'AVD-AWS-0132', 'aws-s3-encryption-customer-key', 'S3_DEFAULT_ENCRYPTION_KMS'],
  why: 'The bucket has a default-encryption rule, but it selects SSE-S3 (`AES256`), the AWS-managed `aws/s3` key, or an invalid or empty algorithm. Objects are still encrypted by S3, yet nobody needs a permission on a key you control to read them, and you cannot revoke access by disabling the key. An empty or invalid algorithm is reported as a warning: it is an explicit configuration that does not do what it says.',
  fix: 'Use `sse_algorithm = "aws:kms"` (or `aws:kms:dsse`) with `kms_master_key_id` set to a customer-managed key; in CloudFormation `SSEAlgorithm: aws:kms` with `KMSMasterKeyID`.',
  example: '```yaml\nBucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms\n        KMSMasterKeyID: !GetAtt DataKey.Arn\n      BucketKeyEnabled: true\n```',
  references: ['AWS: Setting default server-side encryption behavior for Amazon S3 buckets — https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html'],
  evaluate(model, sink) {
    for (const b of buckets(model)) {
      if (isLogTarget(model, b) || invocationLoggingTo(model, b).length) continue;
      const enc = encryptionOf(model, b);
      if (enc.state !== 'rules') continue;
      for (const rule of enc.rules) {
        const j = judgeSseRule(model, rule, sink, b.address);
        if (!j) continue;
        sink.report({ file: rule.owner.file, start: j.start, end: j.end, message: j.message, resource: b.address, identity: `${b.address}|${rule.owner.address}`, ...(j.weakened ? { severity: 'warning' as const } : {}) });
      }
    }
  },
});
