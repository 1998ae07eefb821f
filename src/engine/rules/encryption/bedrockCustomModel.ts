import { TF_ONLY } from './docs';
import { encryptionRule, requireKey, resourcesOf } from './util';

export default encryptionRule({
  id: 'GG-ENC-009',
  title: 'Bedrock model customization without a customer-managed KMS key',
  severity: 'warning',
  formats: TF_ONLY,
  formatsText: 'Terraform',
  why: 'A Bedrock fine-tuning or continued-pre-training job turns your training data into model weights: the custom model can reproduce what it was trained on. Without `custom_model_kms_key_id` the resulting model is encrypted with an AWS-owned key — you cannot audit or revoke its use with your own key policy. No incumbent scanner checks this.',
  fix: 'Set `custom_model_kms_key_id` to a customer-managed KMS key whose policy lets the customization role use it, and keep the training and output buckets on SSE-KMS as well.',
  example: '```hcl\nresource "aws_bedrock_custom_model" "support" {\n  custom_model_name       = "support-tuned"\n  base_model_identifier   = data.aws_bedrock_foundation_model.base.model_arn\n  role_arn                = aws_iam_role.customization.arn\n  custom_model_kms_key_id = aws_kms_key.models.arn\n  # …\n}\n```',
  references: ['AWS: Encryption of custom models (Amazon Bedrock) — https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-custom-job.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_bedrock_custom_model')) {
      requireKey(model, sink, r, r.props, 'custom_model_kms_key_id', {
        missing: `Bedrock custom model ${r.address} has no custom_model_kms_key_id: the fine-tuned model (which can reproduce its training data) is encrypted with an AWS-owned key. Set a customer-managed KMS key.`,
      });
    }
  },
});
