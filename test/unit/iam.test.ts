/**
 * IAM family: the action catalogue's resource-level answers, and how findings are placed, worded and suppressed.
 * Per-rule positives and negatives live in test/fixtures/rules/GG-IAM-*; these tests pin what fixtures can't show.
 */
import * as assert from 'node:assert/strict';
import { anySupportsResourceLevel, matchActions } from '../../src/engine/iam/actions';
import { scanDocuments, type DocumentInput } from '../../src/engine/scan';

function iamFindings(inputs: DocumentInput[]) {
  return scanDocuments(inputs)
    .flatMap((d) => d.findings)
    .filter((f) => f.family === 'iam');
}

describe('IAM action catalogue', () => {
  it('knows which actions only accept Resource "*"', () => {
    for (const a of ['logs:DescribeLogGroups', 's3:ListAllMyBuckets', 'bedrock:ListFoundationModels', 'sts:GetCallerIdentity', 'cloudwatch:PutMetricData', 'bedrock:ListGuardrails']) {
      assert.equal(anySupportsResourceLevel(a), false, a);
    }
    for (const a of ['s3:GetObject', 'bedrock:InvokeModel', 'dynamodb:PutItem', 'iam:PassRole', 'ec2:Describe*', 's3:Describe*', 'kms:Decrypt']) {
      assert.equal(anySupportsResourceLevel(a), true, a);
    }
  });

  it('does not judge actions it does not know', () => {
    assert.equal(anySupportsResourceLevel('ec2:ListAllMyBuckets'), false);
    assert.equal(anySupportsResourceLevel('some:action'), false);
  });

  it('matches globs case-insensitively', () => {
    const names = matchActions('BEDROCK:invokemodel*').map((a) => a.name);
    assert.ok(names.includes('bedrock:InvokeModel'));
    assert.ok(names.includes('bedrock:InvokeModelWithResponseStream'));
  });
});

describe('IAM findings', () => {
  it('reports a wildcard from a local at its use, in the file of the statement', () => {
    const findings = iamFindings([
      { file: 'mod/locals.tf', text: 'locals {\n  acts = ["*"]\n}\n' },
      { file: 'mod/main.tf', text: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = local.acts, Resource = "*" }]\n  })\n}\n' },
    ]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, 'GG-IAM-001');
    assert.equal(findings[0]!.file, 'mod/main.tf');
    assert.equal(findings[0]!.range.start.line, 3);
    assert.match(findings[0]!.message, /aws_iam_policy\.p Statement\[0\]/);
  });

  it('keeps exact positions inside an indented heredoc', () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = <<-EOT\n    {\n      "Statement": [\n        { "Effect": "Allow", "Action": "*", "Resource": "*" }\n      ]\n    }\n  EOT\n}\n';
    const [f] = iamFindings([{ file: 'main.tf', text }]);
    assert.equal(f?.range.start.line, 5);
    assert.equal(text.split('\n')[4]!.slice(f.range.start.column - 1, f.range.end.column - 1), '*');
  });

  it('names serverless statement locations apart', () => {
    const text = 'service: s\nprovider:\n  name: aws\n  iamRoleStatements:\n    - Effect: Allow\n      Action: s3:*\n      Resource: "*"\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: s3:*\n          Resource: "*"\n';
    const findings = iamFindings([{ file: 'serverless.yml', text }]);
    assert.deepEqual(findings.map((f) => f.resource).sort(), ['provider.iam.role.statements Statement[0]', 'provider.iamRoleStatements Statement[0]']);
    assert.notEqual(findings[0]!.fingerprint, findings[1]!.fingerprint);
  });

  it('does not judge Resource "*" in a KMS key policy as every resource', () => {
    const text = 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "kms:*", Resource = "*" }]\n  })\n}\n';
    assert.deepEqual(iamFindings([{ file: 'main.tf', text }]), []);
  });

  it('lets a CloudFormation Metadata suppression reach statement findings of its resource', () => {
    const text = [
      'Resources:',
      '  P:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Metadata:',
      '      cfn_nag:',
      '        rules_to_suppress:',
      '          - id: F38',
      '            reason: deployment role',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: iam:PassRole',
      '            Resource: "*"',
      '',
    ].join('\n');
    const findings = iamFindings([{ file: 't.yaml', text }]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, 'GG-IAM-006');
    assert.deepEqual(findings[0]!.suppressed, { kind: 'metadata', source: 'cfn_nag', reason: 'deployment role' });
  });

  it('reports iam:* once, as an error, not again as PassRole and escalation', () => {
    const text = '{ "Statement": [ { "Effect": "Allow", "Action": "iam:*", "Resource": "*" } ] }';
    const findings = iamFindings([{ file: 'p.json', text }]);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['GG-IAM-002', 'error']]);
  });

  it('never reports a could-not-evaluate note for a reference to a specific resource', () => {
    const text = 'resource "aws_iam_role_policy" "p" {\n  role = "r"\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.b.arn}/*" }]\n  })\n}\n';
    assert.deepEqual(iamFindings([{ file: 'main.tf', text }]), []);
  });
});
