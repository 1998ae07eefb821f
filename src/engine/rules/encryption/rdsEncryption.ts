import type { IacModel, IacResource } from '../../iac/model';
import { get } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { boolState, describe, encryptionRule, isTf, literal, registryModules, resourcesOf } from './util';

/** Cases where the storage-encryption setting is inherited or not applicable. */
function inherited(model: IacModel, r: IacResource): boolean {
  const has = (k: string) => get(r.props, k) !== undefined && literal(model, get(r.props, k)) !== undefined;
  if (isTf(r)) {
    if (has('replicate_source_db') || has('snapshot_identifier')) return true;
    if (r.type === 'aws_db_instance' && /^aurora/.test(literal(model, get(r.props, 'engine')) ?? '')) return true;
    if (r.type === 'aws_rds_cluster' && (literal(model, get(r.props, 'engine_mode')) === 'serverless' || has('replication_source_identifier') || has('global_cluster_identifier'))) return true;
    return false;
  }
  if (has('SourceDBInstanceIdentifier') || has('DBSnapshotIdentifier') || has('SnapshotIdentifier') || has('SourceDBClusterIdentifier') || has('DBClusterIdentifier') || has('ReplicationSourceIdentifier') || has('GlobalClusterIdentifier')) return true;
  if (r.type === 'AWS::RDS::DBCluster' && literal(model, get(r.props, 'EngineMode')) === 'serverless') return true;
  return false;
}

export default encryptionRule({
  id: 'GG-ENC-015',
  title: 'RDS database storage not encrypted',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_16', 'CKV_AWS_96', 'AVD-AWS-0080', 'AVD-AWS-0079', 'aws-rds-encrypt-instance-storage-data', 'aws-rds-encrypt-cluster-storage-data', 'F26', 'F27', 'RDS_STORAGE_ENCRYPTED'],
  why: 'RDS instances and Aurora clusters are created unencrypted unless `storage_encrypted = true` (CloudFormation `StorageEncrypted: true`), and encryption can\'t be turned on later without a snapshot-and-restore. Conversation history, pgvector embeddings and user data of a generative-AI application commonly sit there. Read replicas, restores from snapshots and cluster members inherit their source\'s setting and are not reported. Calls of the `terraform-aws-modules/rds` and `rds-aurora` registry modules are judged by their `storage_encrypted` input: those modules encrypt by default, so only an explicit `false` is reported.',
  fix: 'Set `storage_encrypted = true` with `kms_key_id` set to a customer-managed key (CloudFormation `StorageEncrypted: true`, `KmsKeyId`).',
  example: '```hcl\nresource "aws_rds_cluster" "vectors" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.data.arn\n  # …\n}\n```',
  references: ['AWS: Encrypting Amazon RDS resources — https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster')) {
      if (inherited(model, r)) continue;
      const key = isTf(r) ? 'storage_encrypted' : 'StorageEncrypted';
      const node = get(r.props, key);
      const s = boolState(model, node);
      if (s === true) continue;
      if (s === 'unknown') {
        sink.unknown({ file: r.file, start: node!.start, end: node!.end, what: `${r.address} ${key}`, reason: describe(model.resolve(node)) });
        continue;
      }
      const span = s === false ? { start: node!.start, end: node!.end } : { start: r.nameStart, end: r.nameEnd };
      const kind = /cluster/i.test(r.type) ? 'RDS cluster' : 'RDS instance';
      sink.report({ file: r.file, ...span, resource: r.address, identity: r.address, message: `${kind} ${r.address} ${s === false ? `sets ${key} to false` : `does not set ${key}`}: its storage, backups and snapshots are unencrypted, and this can't be changed later without a restore. Set ${key} to true.` });
    }
    // terraform-aws-modules/rds and rds-aurora encrypt by default; an explicit `storage_encrypted = false` turns it off.
    for (const m of [...registryModules(model, 'rds'), ...registryModules(model, 'rds-aurora')]) {
      const node = get(m.props, 'storage_encrypted');
      if (boolState(model, node) !== false || !node) continue;
      sink.report({ file: m.file, start: node.start, end: node.end, resource: m.address, identity: m.address, message: `RDS module ${m.address} sets storage_encrypted to false: the database it creates, its backups and snapshots are unencrypted, and this can't be changed later without a restore. Set it to true.` });
    }
  },
});
