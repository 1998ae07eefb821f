import { TF_CFN, TF_CFN_TEXT } from './docs';
import { encryptionRule, isTf, requireKey, resourcesOf } from './util';

export default encryptionRule({
  id: 'GG-ENC-011',
  title: 'Bedrock guardrail without a customer-managed KMS key',
  severity: 'note',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  why: 'A guardrail\'s configuration — denied topics with their example phrases, word lists, PII patterns, blocked-input messages — describes exactly what your application must not say and often quotes sensitive examples. Without `kms_key_arn` (CloudFormation `KmsKeyArn`) it is encrypted with an AWS-owned key. This is a note: the data is configuration, not customer content.',
  fix: 'Set `kms_key_arn` (CloudFormation `KmsKeyArn`) to a customer-managed KMS key; grant the roles that create, update and apply the guardrail `kms:Decrypt` and `kms:GenerateDataKey` on it.',
  example: '```yaml\nGuardrail:\n  Type: AWS::Bedrock::Guardrail\n  Properties:\n    Name: support\n    KmsKeyArn: !GetAtt GuardrailKey.Arn\n    BlockedInputMessaging: Sorry, I can\'t help with that.\n    BlockedOutputsMessaging: Sorry, I can\'t help with that.\n```',
  references: ['AWS: Encryption of guardrails (Amazon Bedrock) — https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_bedrock_guardrail', 'AWS::Bedrock::Guardrail')) {
      const key = isTf(r) ? 'kms_key_arn' : 'KmsKeyArn';
      requireKey(model, sink, r, r.props, key, {
        missing: `Bedrock guardrail ${r.address} has no ${key}: its topics, word lists and PII patterns are encrypted with an AWS-owned key. Set a customer-managed KMS key.`,
        awsManaged: `Bedrock guardrail ${r.address} uses an AWS-managed key alias for ${key}; use a customer-managed KMS key.`,
      });
    }
  },
});
