/**
 * Encryption/exposure rules across the files of one Terraform module (split S3 resources, invocation-logging
 * destinations), related locations, the incumbents' suppressions, and the rule registry's shape.
 */
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/engine/rules';
import { ENCRYPTION_RULES } from '../../src/engine/rules/encryption';
import { scanDocuments, type DocumentInput } from '../../src/engine/scan';

function enc(inputs: DocumentInput[]) {
  return scanDocuments(inputs).flatMap((d) => d.findings.filter((f) => f.family === 'encryption'));
}

const BUCKET = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`;

describe('encryption rules', () => {
  it('are registered in id order with docs, family and unique ids', () => {
    const ids = ENCRYPTION_RULES.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    for (const r of ENCRYPTION_RULES) {
      assert.equal(r.family, 'encryption');
      assert.match(r.docs, /## Why it matters[\s\S]*## How to fix[\s\S]*## References/);
      assert.ok(RULES.includes(r));
    }
  });

  it('links an SSE-KMS resource in another file of the module to its bucket', () => {
    const sse = `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}
`;
    assert.deepEqual(enc([{ file: 'mod/main.tf', text: BUCKET }, { file: 'mod/encryption.tf', text: sse }]), []);
    // The same files in different folders are different modules: the bucket has no encryption configuration.
    const apart = enc([{ file: 'a/main.tf', text: BUCKET }, { file: 'b/encryption.tf', text: sse }]);
    assert.deepEqual(apart.map((f) => [f.ruleId, f.file, f.severity]), [['GG-ENC-001', 'a/main.tf', 'note']]);
  });

  it('reports AES256 in the split resource, in that file', () => {
    const sse = `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`;
    const f = enc([{ file: 'm/main.tf', text: BUCKET }, { file: 'm/sse.tf', text: sse }]);
    assert.deepEqual(f.map((x) => [x.ruleId, x.file, x.range.start.line, x.severity]), [['GG-ENC-002', 'm/sse.tf', 5, 'note']]);
    assert.match(f[0]!.message, /aws_s3_bucket\.data/);
  });

  it('an SSE resource whose bucket cannot be evaluated leaves the bucket alone with a could-not-evaluate note', () => {
    const sse = `variable "bucket" {}
resource "aws_s3_bucket_server_side_encryption_configuration" "x" {
  bucket = var.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
`;
    const f = enc([{ file: 'm/main.tf', text: BUCKET }, { file: 'm/sse.tf', text: sse }]);
    assert.deepEqual(f.map((x) => [x.ruleId, x.file, x.severity]), [['GG-ENC-000', 'm/sse.tf', 'note']]);
  });

  it('reports the invocation-logging destinations with a related location at the logging configuration', () => {
    const logging = `resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    s3_config {
      bucket_name = aws_s3_bucket.data.id
    }
    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.inv.name
      role_arn       = aws_iam_role.logging.arn
    }
  }
}
resource "aws_cloudwatch_log_group" "inv" {
  name = "/aws/bedrock/invocations"
}
`;
    const f = enc([{ file: 'm/main.tf', text: BUCKET }, { file: 'm/logging.tf', text: logging }]);
    assert.deepEqual(f.map((x) => [x.ruleId, x.file, x.range.start.line, x.severity]).sort(), [
      ['GG-ENC-013', 'm/logging.tf', 12, 'warning'],
      ['GG-ENC-013', 'm/main.tf', 1, 'warning'],
    ]);
    const bucket = f.find((x) => x.file === 'm/main.tf')!;
    assert.equal(bucket.related?.[0]?.file, 'm/logging.tf');
    assert.equal(bucket.related?.[0]?.range.start.line, 4);
    const group = f.find((x) => x.file === 'm/logging.tf')!;
    assert.equal(group.related?.[0]?.range.start.line, 7);
  });

  it('honours the incumbents\' suppressions through equivalents', () => {
    const tf = `resource "aws_s3_bucket" "data" {
  # checkov:skip=CKV_AWS_145:SSE-S3 is accepted for this bucket
  bucket = "acme-data"
}
`;
    const f = enc([{ file: 'm/main.tf', text: tf }]);
    assert.equal(f.length, 1);
    assert.ok(f[0]!.suppressed, 'CKV_AWS_145 skip silences GG-ENC-001');
    const cfn = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - id: W1201
            reason: sandbox
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::123456789012:role/nb
`;
    const g = enc([{ file: 't.yaml', text: cfn }]);
    assert.deepEqual(g.map((x) => [x.ruleId, !!x.suppressed]), [['GG-ENC-006', true]]);
  });

  it('stays quiet on a fully hardened bucket', () => {
    const tf = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`;
    assert.deepEqual(enc([{ file: 'm/main.tf', text: tf }]), []);
  });
});
