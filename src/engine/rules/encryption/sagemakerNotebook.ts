import { TF_CFN, TF_CFN_TEXT } from './docs';
import { encryptionRule, isTf, requireKey, resourcesOf } from './util';

export default encryptionRule({
  id: 'GG-ENC-006',
  title: 'SageMaker notebook instance storage not encrypted with a customer-managed KMS key',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_22', 'CKV_AWS_187', 'W1201', 'SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED', 'sagemaker-notebook-instance-kms-key-configured'],
  why: 'A notebook instance\'s ML storage volume holds whatever data scientists pull into it — samples of training data, prompts and completions, credentials in notebooks. Without `kms_key_id` (CloudFormation `KmsKeyId`) the volume is encrypted with an AWS-managed key: nobody needs a permission on a key you control to read a snapshot of it, and access can\'t be revoked by disabling the key.',
  fix: 'Set `kms_key_id` (CloudFormation `KmsKeyId`) to a customer-managed KMS key whose key policy allows the notebook\'s execution role.',
  example: '```hcl\nresource "aws_sagemaker_notebook_instance" "lab" {\n  name          = "prompt-lab"\n  role_arn      = aws_iam_role.notebook.arn\n  instance_type = "ml.t3.medium"\n  kms_key_id    = aws_kms_key.ml.arn\n}\n```',
  references: ['AWS: Data protection in Amazon SageMaker AI (encryption at rest) — https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_sagemaker_notebook_instance', 'AWS::SageMaker::NotebookInstance')) {
      const key = isTf(r) ? 'kms_key_id' : 'KmsKeyId';
      requireKey(model, sink, r, r.props, key, {
        missing: `SageMaker notebook instance ${r.address} has no ${key}: its ML storage volume is encrypted only with an AWS-managed key. Set ${key} to a customer-managed KMS key.`,
        awsManaged: `SageMaker notebook instance ${r.address} uses an AWS-managed key alias for ${key}; use a customer-managed KMS key.`,
      });
    }
  },
});
