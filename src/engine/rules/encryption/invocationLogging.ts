import { get } from '../../iac/node';
import { TF_ONLY } from './docs';
import { buckets, encryptionOf } from './s3';
import { judgeSseRule } from './s3NotKms';
import { at, describe, encryptionRule, keyState, refersTo, related, resourcesOf } from './util';

export default encryptionRule({
  id: 'GG-ENC-013',
  title: 'Bedrock invocation-logging destination without a customer-managed KMS key',
  severity: 'warning',
  formats: TF_ONLY,
  formatsText: 'Terraform',
  equivalents: ['CKV_AWS_158', 'AVD-AWS-0017', 'aws-cloudwatch-log-group-customer-key'],
  why: 'Model invocation logging writes every prompt and every completion — customer messages, retrieved documents, PII — to a CloudWatch Logs group and/or an S3 bucket. That makes the destinations the most sensitive stores of a generative-AI application. A log group without `kms_key_id` is encrypted only with the CloudWatch Logs service key; a bucket without SSE-KMS only with SSE-S3. With a customer-managed key, reading the logs also requires `kms:Decrypt` on a key you control and audit. The finding sits on the destination and points back at the logging configuration.',
  fix: 'Give the log group `kms_key_id` (a customer-managed key whose policy allows `logs.<region>.amazonaws.com`), and the bucket an SSE-KMS default-encryption rule with a customer-managed key (allow `bedrock.amazonaws.com` to use it).',
  example: '```hcl\nresource "aws_cloudwatch_log_group" "invocations" {\n  name       = "/aws/bedrock/model-invocations"\n  kms_key_id = aws_kms_key.logs.arn\n}\n```',
  references: [
    'AWS: Monitor model invocation using CloudWatch Logs and Amazon S3 — https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
    'AWS: Encrypt log data in CloudWatch Logs using AWS KMS — https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  ],
  evaluate(model, sink) {
    for (const cfg of resourcesOf(model, 'aws_bedrock_model_invocation_logging_configuration')) {
      const lc = at(cfg.props, 'logging_config');
      const rel = (node: { start: number; end: number } | undefined, what: string) => [related(model, cfg.file, node?.start ?? cfg.nameStart, node?.end ?? cfg.nameEnd, `${cfg.address} delivers ${what} here`)];
      // CloudWatch Logs destination
      const lgName = at(lc, 'cloudwatch_config', 'log_group_name');
      if (lgName) {
        const groups = resourcesOf(model, 'aws_cloudwatch_log_group').filter((g) => refersTo(model, lgName, g, 'name') === true);
        for (const g of groups) {
          const keyNode = get(g.props, 'kms_key_id');
          const state = keyState(model, keyNode);
          if (state === 'unknown') sink.unknown({ file: g.file, start: keyNode!.start, end: keyNode!.end, what: `${g.address} kms_key_id`, reason: describe(model.resolve(keyNode)) });
          else if (state === 'missing' || state === 'aws-managed') {
            sink.report({ file: g.file, start: keyNode && state === 'aws-managed' ? keyNode.start : g.nameStart, end: keyNode && state === 'aws-managed' ? keyNode.end : g.nameEnd, resource: g.address, identity: `${g.address}|invocation-logs`, related: rel(lgName, 'model invocation logs (every prompt and completion)'), message: `Log group ${g.address} receives Bedrock model invocation logs (every prompt and completion) from ${cfg.address} but has no kms_key_id: it is encrypted only with the CloudWatch Logs service key. Set a customer-managed KMS key.` });
          }
        }
      }
      // S3 destinations
      const bucketNodes = [at(lc, 's3_config', 'bucket_name'), at(lc, 'cloudwatch_config', 'large_data_delivery_s3_config', 'bucket_name')];
      for (const bn of bucketNodes) {
        if (!bn) continue;
        for (const b of buckets(model).filter((x) => refersTo(model, bn, x, 'bucket') === true)) {
          const enc = encryptionOf(model, b);
          if (enc.state === 'unknown') {
            sink.unknown({ file: enc.owner.file, start: enc.node.start, end: enc.node.end, what: `${b.address} encryption`, reason: describe(model.resolve(enc.node)) });
            continue;
          }
          const base = { resource: b.address, related: rel(bn, 'model invocation logs'), severity: 'warning' as const };
          if (enc.state === 'none') {
            sink.report({ file: b.file, start: b.nameStart, end: b.nameEnd, identity: `${b.address}|invocation-logs`, message: `S3 bucket ${b.address} receives Bedrock model invocation logs (every prompt and completion) from ${cfg.address} but has no SSE-KMS encryption: only the SSE-S3 default protects them. Add a default-encryption rule with a customer-managed KMS key.`, ...base });
            continue;
          }
          for (const rule of enc.rules) {
            const j = judgeSseRule(model, rule, sink, b.address);
            if (j) sink.report({ file: rule.owner.file, start: j.start, end: j.end, identity: `${b.address}|${rule.owner.address}|invocation-logs`, message: `${j.message} It receives Bedrock model invocation logs from ${cfg.address}.`, ...base });
          }
        }
      }
    }
  },
});

