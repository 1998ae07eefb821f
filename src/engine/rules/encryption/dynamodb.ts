import { get } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { at, boolState, describe, encryptionRule, isTf, keyState, literal, resourcesOf } from './util';

export default encryptionRule({
  id: 'GG-ENC-017',
  title: 'DynamoDB table not encrypted with a customer-managed KMS key',
  severity: 'note',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_119', 'AVD-AWS-0025', 'aws-dynamodb-table-customer-key', 'DYNAMODB_TABLE_ENCRYPTED_KMS'],
  why: 'DynamoDB always encrypts tables, by default with a key AWS owns; `server_side_encryption { enabled = true }` without `kms_key_arn` uses the AWS-managed `aws/dynamodb` key. Neither lets you restrict or revoke access through a key policy. Chat history, agent session state and user memories are typical DynamoDB data in generative-AI applications, hence this note.',
  fix: 'Enable server-side encryption with a customer-managed key: Terraform `server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.x.arn }`, CloudFormation `SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: … }`.',
  example: '```hcl\nresource "aws_dynamodb_table" "sessions" {\n  # …\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.data.arn\n  }\n}\n```',
  references: ['AWS: DynamoDB encryption at rest — https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_dynamodb_table', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable')) {
      const tf = isTf(r);
      const sse = tf ? at(r.props, 'server_side_encryption') : get(r.props, 'SSESpecification');
      const enabledNode = get(tf ? (sse?.t === 'list' ? sse.items[0] : sse) : model.resolve(sse), tf ? 'enabled' : 'SSEEnabled');
      const enabled = boolState(model, enabledNode);
      const holder = tf ? (sse?.t === 'list' ? sse.items[0] : sse) : model.resolve(sse);
      const keyNode = get(holder, tf ? 'kms_key_arn' : 'KMSMasterKeyId');
      const what = `DynamoDB table ${r.address}`;
      if (enabled === 'unknown') {
        sink.unknown({ file: r.file, start: enabledNode!.start, end: enabledNode!.end, what: `${r.address} server-side encryption`, reason: describe(model.resolve(enabledNode)) });
        continue;
      }
      const base = { file: r.file, resource: r.address, identity: r.address };
      if (enabled !== true) {
        const span = enabledNode ? { start: enabledNode.start, end: enabledNode.end } : { start: r.nameStart, end: r.nameEnd };
        sink.report({ ...base, ...span, message: `${what} uses the default AWS-owned encryption key: you can't restrict, audit or revoke access to its data through a key policy. Enable server-side encryption with a customer-managed KMS key.` });
        continue;
      }
      if (!tf && literal(model, get(holder, 'SSEType')) === 'AES256') continue; // not valid for tables; leave to cfn-lint
      const k = keyState(model, keyNode);
      if (k === 'unknown') sink.unknown({ file: r.file, start: keyNode!.start, end: keyNode!.end, what: `${r.address} KMS key`, reason: describe(model.resolve(keyNode)) });
      else if (k !== 'cmk') {
        const span = keyNode && k === 'aws-managed' ? { start: keyNode.start, end: keyNode.end } : { start: enabledNode!.start, end: enabledNode!.end };
        sink.report({ ...base, ...span, message: `${what} uses the AWS-managed aws/dynamodb key, not a customer-managed one: its key policy can't be restricted and the key can't be disabled. Set ${tf ? 'kms_key_arn' : 'KMSMasterKeyId'} to a customer-managed KMS key.` });
      }
    }
  },
});
