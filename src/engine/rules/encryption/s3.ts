/**
 * What the S3 rules need to know about a bucket, with split Terraform resources linked back to it: its default
 * encryption rules (inline or `aws_s3_bucket_server_side_encryption_configuration`), whether it receives access logs
 * (such buckets cannot use SSE-KMS) and whether it is a Bedrock invocation-logging destination.
 */
import type { IacModel, IacResource } from '../../iac/model';
import { get, type IacNode, type MapNode } from '../../iac/node';
import { at, linked, literal, maps, refersTo, resourcesOf } from './util';
import { OwnedCache } from '../../ownedCache';

export const TF_BUCKET = 'aws_s3_bucket';
export const CFN_BUCKET = 'AWS::S3::Bucket';

export interface SseRule {
  owner: IacResource;
  /** The `apply_server_side_encryption_by_default` / `ServerSideEncryptionByDefault` map, if any. */
  defaults?: MapNode;
  algorithm?: IacNode;
  key?: IacNode;
  /** Where a finding about this rule points when nothing more precise exists. */
  anchor: { start: number; end: number };
}

export type BucketEncryption = { state: 'none' } | { state: 'rules'; rules: SseRule[] } | { state: 'unknown'; node: IacNode; owner: IacResource };

export function buckets(model: IacModel): readonly IacResource[] {
  return resourcesOf(model, TF_BUCKET, CFN_BUCKET);
}

export function bucketNameKey(b: IacResource): string {
  return b.format === 'terraform' ? 'bucket' : 'BucketName';
}

function tfRules(model: IacModel, owner: IacResource, container: IacNode | undefined): SseRule[] {
  const out: SseRule[] = [];
  for (const rule of maps(model, container)) {
    const defaults = maps(model, get(rule, 'apply_server_side_encryption_by_default'))[0];
    out.push({
      owner,
      ...(defaults ? { defaults } : {}),
      ...(get(defaults, 'sse_algorithm') ? { algorithm: get(defaults, 'sse_algorithm')! } : {}),
      ...(get(defaults, 'kms_master_key_id') ? { key: get(defaults, 'kms_master_key_id')! } : {}),
      anchor: defaults ? { start: defaults.start, end: defaults.end } : { start: rule.start, end: rule.end },
    });
  }
  return out;
}

const encCache = new OwnedCache<IacResource, BucketEncryption>();

export function encryptionOf(model: IacModel, b: IacResource): BucketEncryption {
  const cached = encCache.get(b);
  if (cached) return cached;
  let result: BucketEncryption;
  if (b.format === 'terraform') {
    const rules: SseRule[] = [];
    const inline = get(b.props, 'server_side_encryption_configuration');
    for (const c of maps(model, inline)) rules.push(...tfRules(model, b, get(c, 'rule')));
    const split = linked(model, b, ['aws_s3_bucket_server_side_encryption_configuration'], 'bucket', 'bucket');
    for (const r of split.found) rules.push(...tfRules(model, r, get(r.props, 'rule')));
    if (rules.length) result = { state: 'rules', rules };
    else if (inline && model.resolve(inline)?.t === 'expr') result = { state: 'unknown', node: inline, owner: b };
    else if (split.unknown) {
      const first = resourcesOf(model, 'aws_s3_bucket_server_side_encryption_configuration')[0]!;
      result = { state: 'unknown', node: get(first.props, 'bucket') ?? first.props, owner: first };
    } else result = { state: 'none' };
  } else {
    const enc = get(b.props, 'BucketEncryption');
    const resolved = model.resolve(enc);
    if (!enc) result = { state: 'none' };
    else if (resolved?.t === 'expr') result = { state: 'unknown', node: enc, owner: b };
    else {
      const list = get(resolved, 'ServerSideEncryptionConfiguration');
      if (model.resolve(list)?.t === 'expr') result = { state: 'unknown', node: list!, owner: b };
      else {
        const rules: SseRule[] = maps(model, list).map((rule) => {
          const defaults = maps(model, get(rule, 'ServerSideEncryptionByDefault'))[0];
          return {
            owner: b,
            ...(defaults ? { defaults } : {}),
            ...(get(defaults, 'SSEAlgorithm') ? { algorithm: get(defaults, 'SSEAlgorithm')! } : {}),
            ...(get(defaults, 'KMSMasterKeyID') ? { key: get(defaults, 'KMSMasterKeyID')! } : {}),
            anchor: defaults ? { start: defaults.start, end: defaults.end } : { start: rule.start, end: rule.end },
          };
        });
        const encEntry = (b.props.entries.find((e) => e.key === 'BucketEncryption'))!;
        result = rules.length ? { state: 'rules', rules } : { state: 'rules', rules: [{ owner: b, anchor: { start: encEntry.keyStart, end: encEntry.keyEnd } }] };
      }
    }
  }
  encCache.set(b, result);
  return result;
}

const LOG_PRINCIPALS = /logging\.s3\.amazonaws\.com|delivery\.logs\.amazonaws\.com|logdelivery\.elasticloadbalancing\.amazonaws\.com/;

/** Does the bucket receive server access logs, ELB/CloudFront logs (which only support SSE-S3)? */
const destinations = new OwnedCache<IacModel, { from: IacResource; node: IacNode }[]>();

/** Every place in the model that names a bucket as a log destination; computed once per model (usually a handful). */
function logDestinations(model: IacModel): { from: IacResource; node: IacNode }[] {
  const cached = destinations.get(model);
  if (cached) return cached;
  const found: { from: IacResource; node: IacNode }[] = [];
  const add = (from: IacResource, node: IacNode | undefined) => {
    if (node) found.push({ from, node });
  };
  for (const l of resourcesOf(model, 'aws_s3_bucket_logging')) add(l, get(l.props, 'target_bucket'));
  for (const other of resourcesOf(model, TF_BUCKET)) add(other, at(other.props, 'logging', 'target_bucket'));
  for (const lb of resourcesOf(model, 'aws_lb', 'aws_alb', 'aws_elb')) add(lb, at(lb.props, 'access_logs', 'bucket'));
  for (const cf of resourcesOf(model, 'aws_cloudfront_distribution')) add(cf, at(cf.props, 'logging_config', 'bucket'));
  for (const other of resourcesOf(model, CFN_BUCKET)) add(other, at(other.props, 'LoggingConfiguration', 'DestinationBucketName'));
  destinations.set(model, found);
  return found;
}

export function isLogTarget(model: IacModel, b: IacResource): boolean {
  const text = (r: IacResource, n: IacNode | undefined) => (n ? (model.files.find((f) => f.file === r.file)?.text ?? '').slice(n.start, n.end) : '');
  if (b.format === 'terraform') {
    if (literal(model, get(b.props, 'acl')) === 'log-delivery-write') return true;
    for (const acl of linked(model, b, ['aws_s3_bucket_acl'], 'bucket', 'bucket').found) {
      if (literal(model, get(acl.props, 'acl')) === 'log-delivery-write' || /LogDelivery/.test(text(acl, acl.props))) return true;
    }
    for (const { from, node } of logDestinations(model)) if (from !== b && refersTo(model, node, b, 'bucket') === true) return true;
    for (const p of linked(model, b, ['aws_s3_bucket_policy'], 'bucket', 'bucket').found) if (LOG_PRINCIPALS.test(text(p, get(p.props, 'policy')))) return true;
    const ownPolicy = get(b.props, 'policy');
    if (ownPolicy && LOG_PRINCIPALS.test(text(b, ownPolicy))) return true;
    return false;
  }
  if (literal(model, get(b.props, 'AccessControl')) === 'LogDeliveryWrite') return true;
  for (const { from, node } of logDestinations(model)) if (from !== b && refersTo(model, node, b, 'BucketName') === true) return true;
  for (const p of linked(model, b, ['AWS::S3::BucketPolicy'], 'Bucket', 'BucketName').found) if (LOG_PRINCIPALS.test(text(p, get(p.props, 'PolicyDocument')))) return true;
  return false;
}

/** Bedrock model-invocation logging configurations that deliver to this bucket. */
export function invocationLoggingTo(model: IacModel, b: IacResource): IacResource[] {
  if (b.format !== 'terraform') return [];
  return resourcesOf(model, 'aws_bedrock_model_invocation_logging_configuration').filter((c) => {
    const cfg = at(c.props, 'logging_config');
    return [at(cfg, 's3_config', 'bucket_name'), at(cfg, 'cloudwatch_config', 'large_data_delivery_s3_config', 'bucket_name')].some((n) => refersTo(model, n, b, 'bucket') === true);
  });
}

export const KMS_ALGORITHMS = new Set(['aws:kms', 'aws:kms:dsse']);
