/** "Open in AWS console" links for posture tree nodes. Plain URLs; nothing is signed or fetched. */

export type ConsoleTarget =
  | { kind: 'bedrock'; region: string; page: 'overview' | 'settings' | 'guardrails' | 'agents' | 'knowledge-bases' | 'custom-models' | 'imported-models' | 'model-catalog' | 'inference-profiles' | 'provisioned-throughput' }
  | { kind: 'guardrail'; region: string; id: string; name: string }
  | { kind: 'agent'; region: string; id: string }
  | { kind: 'knowledge-base'; region: string; id: string; name: string }
  | { kind: 'model'; region: string; modelId: string }
  | { kind: 'iam-user'; name: string; section?: 'permissions' | 'security_credentials' }
  | { kind: 'iam-role'; name: string }
  | { kind: 'iam-policy'; arn: string }
  | { kind: 'vpc-endpoints'; region: string }
  | { kind: 'account' };

function consoleHost(partition: string, region?: string): string {
  if (partition === 'aws-cn') return 'console.amazonaws.cn';
  if (partition === 'aws-us-gov') return 'console.amazonaws-us-gov.com';
  return region ? `${region}.console.aws.amazon.com` : 'console.aws.amazon.com';
}

export function consoleUrl(target: ConsoleTarget, partition = 'aws'): string {
  const iam = `https://${consoleHost(partition)}/iam/home#`;
  switch (target.kind) {
    case 'account':
      return `https://${consoleHost(partition)}/billing/home#/account`;
    case 'iam-user':
      return `${iam}/users/details/${encodeURIComponent(target.name)}?section=${target.section ?? 'permissions'}`;
    case 'iam-role':
      return `${iam}/roles/details/${encodeURIComponent(target.name)}?section=permissions`;
    case 'iam-policy':
      return `${iam}/policies/details/${encodeURIComponent(target.arn)}?section=permissions`;
    case 'vpc-endpoints':
      return `https://${consoleHost(partition, target.region)}/vpcconsole/home?region=${target.region}#Endpoints:`;
    default:
      break;
  }
  const base = `https://${consoleHost(partition, target.region)}/bedrock/home?region=${target.region}#`;
  switch (target.kind) {
    case 'bedrock':
      return `${base}/${target.page}`;
    case 'guardrail':
      return `${base}/guardrails/guardrail/${encodeURIComponent(target.name)}/${encodeURIComponent(target.id)}`;
    case 'agent':
      return `${base}/agents/${encodeURIComponent(target.id)}`;
    case 'knowledge-base':
      return `${base}/knowledge-bases/knowledge-base/${encodeURIComponent(target.name)}/${encodeURIComponent(target.id)}/0`;
    case 'model':
      return `${base}/model-catalog/serverless/${encodeURIComponent(target.modelId)}`;
  }
}
