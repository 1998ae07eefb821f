import { get } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { boolState, describe, encryptionRule, isTf, registryModules, resourcesOf } from './util';

export default encryptionRule({
  id: 'GG-ENC-016',
  title: 'RDS database instance publicly accessible',
  severity: 'error',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_17', 'AVD-AWS-0180', 'aws-rds-no-public-db-access', 'F22', 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK'],
  why: '`publicly_accessible = true` (CloudFormation `PubliclyAccessible: true`) gives the instance a public DNS name and IP address; with a permissive security group the database — and the conversation history or embeddings in it — is reachable from the internet, protected only by its password. The `publicly_accessible` input of the `terraform-aws-modules/rds` and `rds-aurora` registry modules is judged the same way.',
  fix: 'Set `publicly_accessible = false` and reach the database from inside the VPC (or through a bastion, SSM port forwarding or RDS Proxy).',
  references: ['AWS: Working with a DB instance in a VPC (hiding a DB instance from the internet) — https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, 'aws_db_instance', 'aws_rds_cluster_instance', 'AWS::RDS::DBInstance')) {
      const key = isTf(r) ? 'publicly_accessible' : 'PubliclyAccessible';
      const node = get(r.props, key);
      const s = boolState(model, node);
      if (s === 'unknown') sink.unknown({ file: r.file, start: node!.start, end: node!.end, what: `${r.address} ${key}`, reason: describe(model.resolve(node)) });
      if (s !== true) continue;
      sink.report({ file: r.file, start: node!.start, end: node!.end, resource: r.address, identity: r.address, message: `RDS instance ${r.address} sets ${key} to true: it gets a public IP address and is reachable from the internet wherever its security group allows. Set it to false.` });
    }
    for (const m of [...registryModules(model, 'rds'), ...registryModules(model, 'rds-aurora')]) {
      const node = get(m.props, 'publicly_accessible');
      if (boolState(model, node) !== true || !node) continue;
      sink.report({ file: m.file, start: node.start, end: node.end, resource: m.address, identity: m.address, message: `RDS module ${m.address} sets publicly_accessible to true: the database it creates gets a public IP address and is reachable from the internet wherever its security group allows. Set it to false.` });
    }
  },
});
