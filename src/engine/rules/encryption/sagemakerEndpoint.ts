import type { IacModel, IacResource } from '../../iac/model';
import { get } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { encryptionRule, isTf, literal, maps, requireKey, resourcesOf } from './util';

/**
 * Instance types with local NVMe instance storage: SageMaker rejects a KMS key for their endpoint volumes (the
 * instance store is hardware-encrypted), so a missing key is not a finding there.
 */
const INSTANCE_STORE = /^ml\.(?:[a-z]+\d+[a-z]*d[a-z]*|g5|g6e?|p5e?n?|trn1n?)\./;

/** True when every variant is serverless or uses an instance type with instance storage. */
function keyNotApplicable(model: IacModel, r: IacResource): boolean {
  const variants = maps(model, get(r.props, isTf(r) ? 'production_variants' : 'ProductionVariants'));
  if (!variants.length) return false;
  return variants.every((v) => {
    if (get(v, isTf(r) ? 'serverless_config' : 'ServerlessConfig')) return true;
    const type = literal(model, get(v, isTf(r) ? 'instance_type' : 'InstanceType'));
    return typeof type === 'string' && INSTANCE_STORE.test(type);
  });
}

export default encryptionRule({
  id: 'GG-ENC-007',
  title: 'SageMaker endpoint configuration without a KMS key',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_98', 'W1200', 'SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED', 'sagemaker-endpoint-configuration-kms-key-configured'],
  why: 'The ML storage volumes attached to a real-time endpoint hold the model artifacts you deployed — for a fine-tuned model, what your training data taught it — and may cache request payloads. Without `kms_key_arn` (CloudFormation `KmsKeyId`) they are encrypted with an AWS-managed key only. Endpoint configurations whose variants are all serverless or use instance types with NVMe instance storage (which SageMaker encrypts in hardware and for which it rejects a key) are not reported.',
  fix: 'Set `kms_key_arn` (CloudFormation `KmsKeyId`) to a customer-managed KMS key; also encrypt async-inference output (`async_inference_config.output_config.kms_key_id`) and data capture (`data_capture_config.kms_key_id`).',
  example: '```yaml\nEndpointConfig:\n  Type: AWS::SageMaker::EndpointConfig\n  Properties:\n    KmsKeyId: !GetAtt ModelKey.Arn\n    ProductionVariants:\n      - ModelName: !GetAtt Model.ModelName\n        VariantName: AllTraffic\n        InstanceType: ml.m5.large\n        InitialInstanceCount: 1\n```',
  references: ['AWS: CreateEndpointConfig, KmsKeyId — https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_sagemaker_endpoint_configuration', 'AWS::SageMaker::EndpointConfig')) {
      if (keyNotApplicable(model, r)) continue;
      const key = isTf(r) ? 'kms_key_arn' : 'KmsKeyId';
      requireKey(model, sink, r, r.props, key, {
        missing: `SageMaker endpoint configuration ${r.address} has no ${key}: the endpoint's ML storage volumes (model artifacts) are encrypted only with an AWS-managed key. Set ${key} to a customer-managed KMS key.`,
        awsManaged: `SageMaker endpoint configuration ${r.address} uses an AWS-managed key alias for ${key}; use a customer-managed KMS key.`,
      });
    }
  },
});
