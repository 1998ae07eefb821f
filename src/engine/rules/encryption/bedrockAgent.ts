import { TF_CFN, TF_CFN_TEXT } from './docs';
import { encryptionRule, isTf, requireKey, resourcesOf } from './util';

const KINDS: Record<string, string> = {
  aws_bedrockagent_agent: 'Bedrock agent',
  'AWS::Bedrock::Agent': 'Bedrock agent',
  aws_bedrockagent_flow: 'Bedrock flow',
  'AWS::Bedrock::Flow': 'Bedrock flow',
  'AWS::Bedrock::Prompt': 'Bedrock prompt',
};

export default encryptionRule({
  id: 'GG-ENC-010',
  title: 'Bedrock agent, flow or prompt without a customer-managed KMS key',
  severity: 'warning',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  equivalents: ['CKV_AWS_373'],
  why: 'A Bedrock agent keeps its instructions, action-group definitions and session state (what users asked and what the agent did); flows and prompt-management prompts hold your prompt engineering and variables. Without `customer_encryption_key_arn` (CloudFormation `CustomerEncryptionKeyArn`) they are encrypted with an AWS-owned key that you can neither audit in CloudTrail nor revoke.',
  fix: 'Set `customer_encryption_key_arn` (CloudFormation `CustomerEncryptionKeyArn`) to a customer-managed KMS key whose policy allows the agent\'s service role and the Bedrock service.',
  example: '```hcl\nresource "aws_bedrockagent_agent" "support" {\n  agent_name                  = "support"\n  foundation_model            = "anthropic.claude-3-5-sonnet-20240620-v1:0"\n  agent_resource_role_arn     = aws_iam_role.agent.arn\n  customer_encryption_key_arn = aws_kms_key.agent.arn\n}\n```',
  references: ['AWS: Encryption of agent resources (Amazon Bedrock) — https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html'],
  evaluate(model, sink) {
    for (const r of resourcesOf(model, ...Object.keys(KINDS))) {
      const key = isTf(r) ? 'customer_encryption_key_arn' : 'CustomerEncryptionKeyArn';
      requireKey(model, sink, r, r.props, key, {
        missing: `${KINDS[r.type]!} ${r.address} has no ${key}: its ${r.type.endsWith('gent') || r.type.endsWith('agent') ? 'instructions and session data are' : 'definition is'} encrypted with an AWS-owned key. Set a customer-managed KMS key.`,
        awsManaged: `${KINDS[r.type]!} ${r.address} uses an AWS-managed key alias for ${key}; use a customer-managed KMS key.`,
      });
    }
  },
});
