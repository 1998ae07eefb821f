import type { IacModel, IacResource } from '../../iac/model';
import { get, type IacNode } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { buckets } from './s3';
import { at, boolState, describe, encryptionRule, linked, literal, maps, moduleMajor, registryModules, resourcesOf, type Sink } from './util';

const TF_PUBLIC: Record<string, string> = { 'public-read': 'anyone on the internet can list and read', 'public-read-write': 'anyone on the internet can list, read and write', 'authenticated-read': 'every AWS account (any authenticated AWS user) can list and read' };
const CFN_PUBLIC: Record<string, string> = { PublicRead: TF_PUBLIC['public-read']!, PublicReadWrite: TF_PUBLIC['public-read-write']!, AuthenticatedRead: TF_PUBLIC['authenticated-read']! };
const GROUP_URI = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

/** A public-access block in the module that makes S3 ignore public ACLs on this bucket. */
function aclsIgnored(model: IacModel, bucket: IacResource | undefined): boolean {
  for (const a of resourcesOf(model, 'aws_s3_account_public_access_block')) if (boolState(model, get(a.props, 'ignore_public_acls')) === true) return true;
  if (!bucket) return false;
  if (bucket.format === 'terraform') {
    return linked(model, bucket, ['aws_s3_bucket_public_access_block'], 'bucket', 'bucket').found.some((p) => boolState(model, get(p.props, 'ignore_public_acls')) === true);
  }
  return boolState(model, at(bucket.props, 'PublicAccessBlockConfiguration', 'IgnorePublicAcls')) === true;
}

function judgeCanned(model: IacModel, sink: Sink, owner: IacResource, node: IacNode | undefined, label: string, table: Record<string, string>): void {
  const v = literal(model, node);
  if (v === null) {
    if (node) sink.unknown({ file: owner.file, start: node.start, end: node.end, what: `${owner.address} ACL`, reason: describe(model.resolve(node)) });
    return;
  }
  if (!v || !table[v] || !node) return;
  sink.report({
    file: owner.file,
    start: node.start,
    end: node.end,
    resource: label,
    identity: `${owner.address}|${v}`,
    message: `S3 bucket ${label} has the canned ACL "${v}": ${table[v]} its objects. Remove the ACL (set object ownership to BucketOwnerEnforced) and serve public content through CloudFront with origin access control.`,
    ...(/write|Write/.test(v) ? { severity: 'error' as const } : {}),
  });
}

function judgeGrants(model: IacModel, sink: Sink, owner: IacResource, grants: IacNode | undefined, label: string): void {
  for (const g of maps(model, grants)) {
    const grantee = maps(model, get(g, 'grantee'))[0] ?? g;
    const uri = get(grantee, 'uri');
    const u = literal(model, uri);
    const m = typeof u === 'string' ? GROUP_URI.exec(u) : null;
    if (!m || !uri) continue;
    const perm = literal(model, get(g, 'permission')) ?? literal(model, get(g, 'permissions')) ?? '';
    sink.report({
      file: owner.file,
      start: uri.start,
      end: uri.end,
      resource: label,
      identity: `${owner.address}|${m[1]}|${perm ?? ''}`,
      message: `S3 bucket ${label} grants ${perm || 'access'} to the ${m[1]} group: ${m[1] === 'AllUsers' ? 'anyone on the internet' : 'every AWS account'} gets that access. Remove the grant.`,
      ...(/WRITE|FULL_CONTROL/.test(perm ?? '') ? { severity: 'error' as const } : {}),
    });
  }
}

export default encryptionRule({
  id: 'GG-ENC-003',
  title: 'S3 bucket ACL grants public access',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV_AWS_375', 'AVD-AWS-0092', 'aws-s3-no-public-access-with-acl', 'W31', 'F14', 'S3_BUCKET_PUBLIC_READ_PROHIBITED', 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED'],
  why: 'The canned ACLs `public-read`, `public-read-write` and `authenticated-read` (CloudFormation `PublicRead`, `PublicReadWrite`, `AuthenticatedRead`), and grants to the `AllUsers` or `AuthenticatedUsers` groups, open the bucket to anyone on the internet or to every AWS account. Training data, knowledge-base documents and invocation logs leak this way. Write access (an error) also lets anyone plant poisoned documents or overwrite model artifacts. The rule stays quiet when a public access block in the same module sets `ignore_public_acls`. The `acl` input of the `terraform-aws-modules/s3-bucket` registry module is judged too, unless the call sets `ignore_public_acls = true` or pins version 4 or later without setting it (from v4 the module ignores public ACLs by default).',
  fix: 'Remove the ACL: use `aws_s3_bucket_ownership_controls` with `BucketOwnerEnforced` (ACLs disabled, the default for new buckets since April 2023), keep the public access block on, and publish content through CloudFront with origin access control.',
  example: '```hcl\nresource "aws_s3_bucket_ownership_controls" "docs" {\n  bucket = aws_s3_bucket.docs.id\n  rule { object_ownership = "BucketOwnerEnforced" }\n}\n```',
  references: [
    'AWS: Access control list (ACL) overview — https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
    'AWS: Controlling ownership of objects and disabling ACLs — https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  ],
  evaluate(model, sink) {
    for (const b of buckets(model)) {
      if (aclsIgnored(model, b)) continue;
      if (b.format === 'terraform') {
        judgeCanned(model, sink, b, get(b.props, 'acl'), b.address, TF_PUBLIC);
        judgeGrants(model, sink, b, get(b.props, 'grant'), b.address);
      } else {
        judgeCanned(model, sink, b, get(b.props, 'AccessControl'), b.address, CFN_PUBLIC);
      }
    }
    for (const acl of resourcesOf(model, 'aws_s3_bucket_acl')) {
      const bucket = buckets(model).find((b) => linked(model, b, ['aws_s3_bucket_acl'], 'bucket', 'bucket').found.includes(acl));
      if (aclsIgnored(model, bucket)) continue;
      const label = bucket ? `${bucket.address} (${acl.address})` : acl.address;
      judgeCanned(model, sink, acl, get(acl.props, 'acl'), label, TF_PUBLIC);
      for (const p of maps(model, get(acl.props, 'access_control_policy'))) judgeGrants(model, sink, acl, get(p, 'grant'), label);
    }
    // terraform-aws-modules/s3-bucket passes `acl` to the bucket; from v4 its public access block ignores public ACLs
    // unless `ignore_public_acls = false`.
    for (const m of registryModules(model, 's3-bucket')) {
      const ignore = boolState(model, get(m.props, 'ignore_public_acls'));
      if (ignore === true || (ignore === 'missing' && (moduleMajor(model, m) ?? 0) >= 4)) continue;
      judgeCanned(model, sink, m, get(m.props, 'acl'), m.address, TF_PUBLIC);
    }
  },
});
