import type { IacModel, IacResource } from '../../iac/model';
import { get, items, type IacNode } from '../../iac/node';
import { parseEmbeddedJson } from '../../iac/yamlJson';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { boolState, describe, encryptionRule, isTf, literal, maps, requireKey, resourcesOf } from './util';

/** The encryption security policy's document, whether a JSON string (CFN, heredoc) or `jsonencode({...})`. */
function policyDoc(model: IacModel, r: IacResource, node: IacNode | undefined): IacNode | undefined {
  const v = model.resolve(node);
  if (v?.t === 'str' && /^\s*\{/.test(v.v)) return parseEmbeddedJson(v, model.files.find((f) => f.file === r.file)?.text ?? '').root;
  return v;
}

export default encryptionRule({
  id: 'GG-ENC-012',
  title: 'Knowledge-base vector store or data source without a customer-managed KMS key',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  why: 'A Bedrock knowledge base copies your documents into a vector store — usually an OpenSearch Serverless collection — as text chunks next to their embeddings, so the collection holds the very content you wanted the model to answer from. An encryption security policy with `"AWSOwnedKey": true` encrypts that collection with a key AWS owns: you cannot restrict, audit or revoke it. The policy is a JSON string inside the resource, so incumbents read past it. Knowledge-base data sources without `server_side_encryption_configuration.kms_key_arn` (transient ingestion data) are reported as notes.',
  fix: 'In the encryption security policy, replace `"AWSOwnedKey": true` with `"KmsARN": "<customer-managed key ARN>"` (it applies to collections created after the change; recreate existing ones). Set `kms_key_arn` on the data source\'s `server_side_encryption_configuration`.',
  example: '```json\n{ "Rules": [{ "ResourceType": "collection", "Resource": ["collection/support-kb"] }],\n  "AWSOwnedKey": false, "KmsARN": "arn:aws:kms:eu-west-1:123456789012:key/…" }\n```',
  references: [
    'AWS: Encryption in Amazon OpenSearch Serverless — https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html',
    'AWS: Encryption of knowledge base resources (Amazon Bedrock) — https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-kb.html',
  ],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_opensearchserverless_security_policy', 'AWS::OpenSearchServerless::SecurityPolicy')) {
      const type = literal(model, get(r.props, isTf(r) ? 'type' : 'Type'));
      if (type !== 'encryption') continue;
      const policyNode = get(r.props, isTf(r) ? 'policy' : 'Policy');
      const doc = policyDoc(model, r, policyNode);
      if (doc?.t !== 'map') {
        if (policyNode) sink.unknown({ file: r.file, start: policyNode.start, end: policyNode.end, what: `${r.address} policy`, reason: describe(model.resolve(policyNode)) });
        continue;
      }
      const owned = get(doc, 'AWSOwnedKey');
      const s = boolState(model, owned);
      const kms = get(doc, 'KmsARN');
      if (s === true || (s === 'missing' && !kms)) {
        const rules = maps(model, get(doc, 'Rules'));
        const names = rules.flatMap((x) => items(model.resolve(get(x, 'Resource')))).map((n) => literal(model, n)).filter((n): n is string => typeof n === 'string');
        const span = owned ? { start: owned.start, end: owned.end } : { start: r.nameStart, end: r.nameEnd };
        sink.report({ file: r.file, ...span, resource: r.address, identity: `${r.address}|AWSOwnedKey`, message: `OpenSearch Serverless encryption policy ${r.address} uses an AWS-owned key${names.length ? ` for ${names.join(', ')}` : ''}: the knowledge-base documents and embeddings in those collections are not under a key you control. Set "KmsARN" to a customer-managed key.` });
      } else if (s === 'unknown') {
        sink.unknown({ file: r.file, start: owned!.start, end: owned!.end, what: `${r.address} AWSOwnedKey`, reason: describe(model.resolve(owned)) });
      }
    }
    for (const r of resourcesOf(model, 'aws_bedrockagent_data_source', 'AWS::Bedrock::DataSource')) {
      const container = get(r.props, isTf(r) ? 'server_side_encryption_configuration' : 'ServerSideEncryptionConfiguration');
      const holder = maps(model, container)[0];
      requireKey(model, sink, r, holder, isTf(r) ? 'kms_key_arn' : 'KmsKeyArn', {
        missing: `Knowledge-base data source ${r.address} has no customer-managed KMS key for its transient ingestion data (server-side encryption configuration). Set one.`,
      }, { severity: 'note' });
    }
  },
});
