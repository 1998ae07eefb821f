import type { IacModel, IacResource } from '../../iac/model';
import { entry, get, type IacNode } from '../../iac/node';
import { TF_CFN, TF_CFN_TEXT } from './docs';
import { boolState, describe, encryptionRule, maps, requireKey, resourcesOf, type Sink } from './util';

/** The deepest existing key of a path, as the anchor of a finding about something missing below it. */
function anchorFor(r: IacResource, path: string[]): { start: number; end: number } {
  let node: IacNode | undefined = r.props;
  let out = { start: r.nameStart, end: r.nameEnd };
  for (const k of path) {
    if (node?.t === 'list') node = node.items[0];
    const e = entry(node, k);
    if (!e) break;
    out = { start: e.keyStart, end: e.keyEnd };
    node = e.value;
  }
  return out;
}

function holderAt(model: IacModel, r: IacResource, path: string[]): IacNode | undefined {
  let node: IacNode | undefined = r.props;
  for (const k of path) {
    node = maps(model, node)[0];
    node = get(node, k);
  }
  return maps(model, node)[0];
}

interface Spec {
  /** Path to the map holding the key; the key; what it protects. */
  checks: [string[], string, string][];
  /** Only when this path exists (optional stores). */
  onlyIf?: (string[] | undefined)[];
  traffic?: string[];
}

const MONITORING = (out: string, tf: boolean): Spec => ({
  checks: tf
    ? [[['job_resources', 'cluster_config'], 'volume_kms_key_id', 'the monitoring job\'s ML storage volume'], [[out], 'kms_key_id', 'the monitoring job\'s output in S3']]
    : [[['JobResources', 'ClusterConfig'], 'VolumeKmsKeyId', 'the monitoring job\'s ML storage volume'], [[out], 'KmsKeyId', 'the monitoring job\'s output in S3']],
  traffic: tf ? ['network_config', 'enable_inter_container_traffic_encryption'] : ['NetworkConfig', 'EnableInterContainerTrafficEncryption'],
});

const SPECS: Record<string, Spec> = {
  aws_sagemaker_domain: { checks: [[[], 'kms_key_id', 'the domain\'s EFS home directories']] },
  'AWS::SageMaker::Domain': { checks: [[[], 'KmsKeyId', 'the domain\'s EFS home directories']] },
  aws_sagemaker_data_quality_job_definition: MONITORING('data_quality_job_output_config', true),
  'AWS::SageMaker::DataQualityJobDefinition': MONITORING('DataQualityJobOutputConfig', false),
  'AWS::SageMaker::ModelQualityJobDefinition': MONITORING('ModelQualityJobOutputConfig', false),
  'AWS::SageMaker::ModelBiasJobDefinition': MONITORING('ModelBiasJobOutputConfig', false),
  'AWS::SageMaker::ModelExplainabilityJobDefinition': MONITORING('ModelExplainabilityJobOutputConfig', false),
  'AWS::SageMaker::MonitoringSchedule': {
    checks: [
      [['MonitoringScheduleConfig', 'MonitoringJobDefinition', 'MonitoringResources', 'ClusterConfig'], 'VolumeKmsKeyId', 'the monitoring job\'s ML storage volume'],
      [['MonitoringScheduleConfig', 'MonitoringJobDefinition', 'MonitoringOutputConfig'], 'KmsKeyId', 'the monitoring job\'s output in S3'],
    ],
    onlyIf: [['MonitoringScheduleConfig', 'MonitoringJobDefinition'], ['MonitoringScheduleConfig', 'MonitoringJobDefinition']],
  },
  aws_sagemaker_flow_definition: { checks: [[['output_config'], 'kms_key_id', 'human-review output in S3']] },
  'AWS::SageMaker::FeatureGroup': {
    checks: [[['OfflineStoreConfig', 'S3StorageConfig'], 'KmsKeyId', 'the offline feature store in S3'], [['OnlineStoreConfig', 'SecurityConfig'], 'KmsKeyId', 'the online feature store']],
    onlyIf: [['OfflineStoreConfig'], ['OnlineStoreConfig']],
  },
  aws_sagemaker_feature_group: {
    checks: [[['offline_store_config', 's3_storage_config'], 'kms_key_id', 'the offline feature store in S3'], [['online_store_config', 'security_config'], 'kms_key_id', 'the online feature store']],
    onlyIf: [['offline_store_config'], ['online_store_config']],
  },
};

function judgeTraffic(model: IacModel, sink: Sink, r: IacResource, path: string[]): void {
  const holder = holderAt(model, r, path.slice(0, -1));
  const key = path.at(-1)!;
  const node = get(holder, key);
  const s = boolState(model, node);
  if (s === true) return;
  if (s === 'unknown') {
    sink.unknown({ file: r.file, start: node!.start, end: node!.end, what: `${r.address} ${key}`, reason: describe(model.resolve(node)) });
    return;
  }
  const span = s === false ? { start: node!.start, end: node!.end } : anchorFor(r, path);
  sink.report({ file: r.file, ...span, resource: r.address, identity: `${r.address}|${key}`, ...(s === 'missing' ? { severity: 'note' as const } : {}), message: `${r.type.replace(/^AWS::SageMaker::|^aws_sagemaker_/, '')} ${r.address} ${s === false ? 'turns off' : 'does not turn on'} ${key}: traffic between the instances of a distributed monitoring job is not encrypted. Set it to true.` });
}

export default encryptionRule({
  id: 'GG-ENC-008',
  title: 'SageMaker domain, monitoring job, feature store or human-review output without a KMS key',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_187', 'CKV_AWS_367', 'CKV_AWS_368', 'CKV_AWS_369', 'CKV_AWS_372'],
  why: 'SageMaker processing and monitoring jobs copy endpoint traffic, baselines and model outputs to ML storage volumes and to S3; Studio domains keep every user\'s notebooks and data on an EFS volume; feature stores and human-review (Augmented AI) workflows keep training features and reviewed predictions. Without a customer-managed KMS key these are encrypted with AWS-managed keys only, and monitoring jobs can also leave inter-container traffic unencrypted. SageMaker training and processing jobs themselves are not IaC resources; where they appear here (monitoring job definitions and schedules), their volume and output keys are checked.',
  fix: 'Set the volume key (`volume_kms_key_id` / `VolumeKmsKeyId`), the output key (`kms_key_id` / `KmsKeyId`) and the domain or feature-store key to a customer-managed KMS key, and turn on inter-container traffic encryption for monitoring jobs.',
  example: '```yaml\nJobResources:\n  ClusterConfig:\n    InstanceCount: 1\n    InstanceType: ml.m5.large\n    VolumeSizeInGB: 20\n    VolumeKmsKeyId: !Ref MlKey\nDataQualityJobOutputConfig:\n  KmsKeyId: !Ref MlKey\n  MonitoringOutputs: [...]\nNetworkConfig:\n  EnableInterContainerTrafficEncryption: true\n```',
  references: [
    'AWS: Protect data at rest using encryption (SageMaker AI) — https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html',
    'AWS: Protect communications between ML compute instances in a distributed training job — https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html',
  ],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, ...Object.keys(SPECS))) {
      const spec = SPECS[r.type]!;
      spec.checks.forEach(([path, key, what], i) => {
        const cond = spec.onlyIf?.[i];
        if (cond && !holderAt(model, r, cond.slice(0, -1)) ) return;
        if (cond && !get(holderAt(model, r, cond.slice(0, -1)), cond.at(-1)!)) return;
        const holder = path.length ? holderAt(model, r, path) : r.props;
        requireKey(model, sink, r, holder, key, {
          missing: `${r.address} has no ${key}: ${what} is encrypted only with an AWS-managed key. Set ${key} to a customer-managed KMS key.`,
          awsManaged: `${r.address} uses an AWS-managed key alias for ${key}; use a customer-managed KMS key for ${what}.`,
        }, { anchor: anchorFor(r, [...path, key]), identity: `${r.address}|${[...path, key].join('.')}` });
      });
      if (spec.traffic) judgeTraffic(model, sink, r, spec.traffic);
    }
  },
});
