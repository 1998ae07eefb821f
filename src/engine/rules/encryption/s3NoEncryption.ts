import { TF_CFN, TF_CFN_TEXT } from './docs';
import { buckets, encryptionOf, invocationLoggingTo, isLogTarget } from './s3';
import { describe, encryptionRule } from './util';

export default encryptionRule({
  id: 'GG-ENC-001',
  title: 'S3 bucket has no default-encryption configuration (SSE-S3 only)',
  severity: 'note',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_19', 'CKV_AWS_145', 'AVD-AWS-0088', 'AVD-AWS-0132', 'aws-s3-enable-bucket-encryption', 'aws-s3-encryption-customer-key', 'W41', 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED', 'S3_DEFAULT_ENCRYPTION_KMS'],
  why: 'Since 5 January 2023 S3 encrypts every new object with SSE-S3 (AES-256, keys owned by S3), so a bucket without an encryption configuration is not stored in clear text — which is why this is only a note. What it lacks is a KMS key you control: with SSE-KMS and a customer-managed key, reading an object also requires `kms:Decrypt` on your key, every use is logged in CloudTrail, and you can revoke access by disabling the key. Prompts, completions, fine-tuning data and model artifacts of a generative-AI application deserve that second lock. Buckets that receive server access logs or load-balancer logs are skipped (those services only support SSE-S3).',
  fix: 'Add a default-encryption rule with `sse_algorithm = "aws:kms"` and a customer-managed key (Terraform `aws_s3_bucket_server_side_encryption_configuration`, CloudFormation `BucketEncryption`), and enable the S3 Bucket Key to keep KMS request costs down.',
  example: '```hcl\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n    bucket_key_enabled = true\n  }\n}\n```',
  references: [
    'AWS: Default encryption FAQ (SSE-S3 for all new objects since January 2023) — https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    'AWS: Using server-side encryption with AWS KMS keys (SSE-KMS) — https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
  ],
  evaluate(model, sink) {
    for (const b of buckets(model)) {
      if (isLogTarget(model, b) || invocationLoggingTo(model, b).length) continue;
      const enc = encryptionOf(model, b);
      if (enc.state === 'unknown') {
        sink.unknown({ file: enc.owner.file, start: enc.node.start, end: enc.node.end, what: `${b.address} encryption`, reason: describe(model.resolve(enc.node)) });
      } else if (enc.state === 'none') {
        sink.report({
          file: b.file,
          start: b.nameStart,
          end: b.nameEnd,
          resource: b.address,
          identity: b.address,
          message: `S3 bucket ${b.address} has no default-encryption configuration: its objects get SSE-S3 (the default since January 2023) but no KMS key you control. Use SSE-KMS with a customer-managed key for sensitive data.`,
        });
      }
    }
  },
});
