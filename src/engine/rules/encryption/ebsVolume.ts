import { get } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { boolState, describe, encryptionRule, isTf, resourcesOf } from './util';

export default encryptionRule({
  id: 'GG-ENC-014',
  title: 'EBS volume not encrypted',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_3', 'AVD-AWS-0026', 'aws-ebs-enable-volume-encryption', 'F1', 'ENCRYPTED_VOLUMES', 'EC2_EBS_ENCRYPTION_BY_DEFAULT'],
  why: 'An EBS volume is unencrypted unless `encrypted = true` (CloudFormation `Encrypted: true`) is set or EBS encryption by default is enabled for the account and region. Its snapshots then are too, and they are easy to share or copy. Vector indexes, model weights and scratch data of self-hosted models often live on such volumes. The rule stays quiet when the module turns on `aws_ebs_encryption_by_default`.',
  fix: 'Set `encrypted = true` (and `kms_key_id` to a customer-managed key), or enable `aws_ebs_encryption_by_default` for the account.',
  example: '```hcl\nresource "aws_ebs_volume" "index" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n  kms_key_id        = aws_kms_key.data.arn\n}\n```',
  references: ['AWS: Amazon EBS encryption — https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
  evaluate(model, sink) {
    if (resourcesOf(model, 'aws_ebs_encryption_by_default').some((r) => boolState(model, get(r.props, 'enabled')) !== false)) return;
    for (const r of resourcesOf(model, 'aws_ebs_volume', 'AWS::EC2::Volume')) {
      const key = isTf(r) ? 'encrypted' : 'Encrypted';
      const node = get(r.props, key);
      const s = boolState(model, node);
      if (s === true) continue;
      if (s === 'unknown') {
        sink.unknown({ file: r.file, start: node!.start, end: node!.end, what: `${r.address} ${key}`, reason: describe(model.resolve(node)) });
        continue;
      }
      const span = s === false ? { start: node!.start, end: node!.end } : { start: r.nameStart, end: r.nameEnd };
      sink.report({ file: r.file, ...span, resource: r.address, identity: r.address, message: `EBS volume ${r.address} ${s === false ? `sets ${key} to false` : `does not set ${key}`}: the volume and its snapshots are unencrypted unless EBS encryption by default is on for the account. Set ${key} to true.` });
    }
  },
});
