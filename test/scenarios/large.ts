/**
 * The large scenario, generated: 1,000 principals (600 users, 400 roles), 40 groups, 150 customer-managed policies,
 * 100 foundation models in each of 3 regions, with guardrails, agents, knowledge bases, custom models and
 * endpoints per region. Deterministic (no randomness), so counts can be asserted.
 */
import type { JsonObject, Scenario, ScenarioRegion } from '../aws-server/scenario';

export const LARGE = {
  users: 600,
  roles: 400,
  groups: 40,
  policies: 150,
  modelsPerRegion: 100,
  regions: ['us-east-1', 'us-west-2', 'eu-central-1'],
  guardrailsPerRegion: 8,
  versionsPerGuardrail: 3,
  agentsPerRegion: 15,
  knowledgeBasesPerRegion: 8,
  dataSourcesPerKnowledgeBase: 2,
  customModelsPerRegion: 10,
  inferenceProfilesPerRegion: 20,
  apiKeys: 40,
} as const;

const ACCOUNT = '444455556666';
const PROVIDERS = ['Amazon', 'Anthropic', 'Meta', 'Mistral AI', 'Cohere', 'AI21 Labs', 'DeepSeek', 'Qwen', 'Writer', 'OpenAI'];

function doc(statements: JsonObject[]): JsonObject {
  return { Version: '2012-10-17', Statement: statements };
}

function region(r: string): ScenarioRegion {
  const ids = Array.from({ length: LARGE.modelsPerRegion }, (_, i) => `${PROVIDERS[i % PROVIDERS.length]!.toLowerCase().replace(/[^a-z0-9]/g, '')}.model-${String(i).padStart(3, '0')}-v1:0`);
  const models = Array.from({ length: LARGE.modelsPerRegion }, (_, i): JsonObject => {
    const provider = PROVIDERS[i % PROVIDERS.length]!;
    const legacy = i % 17 === 0;
    return {
      modelId: ids[i]!,
      modelName: `${provider} model ${i}`,
      providerName: provider,
      inputModalities: ['TEXT'],
      outputModalities: [i % 10 === 9 ? 'EMBEDDING' : 'TEXT'],
      responseStreamingSupported: true,
      customizationsSupported: i % 5 === 0 ? ['FINE_TUNING'] : [],
      inferenceTypesSupported: i % 3 === 0 ? ['INFERENCE_PROFILE'] : ['ON_DEMAND'],
      modelLifecycle: legacy ? { status: 'LEGACY', legacyTime: '2026-01-01T00:00:00Z', endOfLifeTime: '2027-01-01T00:00:00Z' } : { status: 'ACTIVE' },
    };
  });
  const modelArn = (i: number) => `arn:aws:bedrock:${r}::foundation-model/${ids[i % ids.length]!}`;
  const kms = `arn:aws:kms:${r}:${ACCOUNT}:key/00000000-0000-0000-0000-00000000000${r.length % 10}`;
  return {
    foundationModels: models,
    inferenceProfiles: Array.from({ length: LARGE.inferenceProfilesPerRegion }, (_, i) => ({
      inferenceProfileId: `us.${ids[i * 3]!}`,
      inferenceProfileName: `US profile ${i}`,
      type: 'SYSTEM_DEFINED',
      models: [{ modelArn: modelArn(i * 3) }, { modelArn: modelArn(i * 3).replace(r, 'us-east-2') }],
    })),
    provisionedThroughputs: [{ provisionedModelName: `pt-${r}`, modelArn: modelArn(17), foundationModelArn: modelArn(17), modelUnits: 2, commitmentDuration: 'OneMonth' }],
    customModels: Array.from({ length: LARGE.customModelsPerRegion }, (_, i) => ({
      modelName: `custom-${r}-${i}`,
      baseModelArn: modelArn(i * 5),
      customizationType: 'FINE_TUNING',
      modelStatus: 'Active',
      ...(i % 2 === 0 ? { modelKmsKeyArn: kms } : {}),
    })),
    importedModels: [{ modelName: `imported-${r}`, modelArchitecture: 'llama3', modelKmsKeyArn: kms }],
    loggingConfig: r === 'us-east-1' ? { cloudWatchConfig: { logGroupName: '/bedrock/invocations', roleArn: `arn:aws:iam::${ACCOUNT}:role/BedrockLogging` }, textDataDeliveryEnabled: true } : null,
    guardrails: Array.from({ length: LARGE.guardrailsPerRegion }, (_, g) => ({
      id: `gr${r.replace(/-/g, '')}${g}`,
      name: `guardrail-${g}`,
      versions: ['DRAFT', ...Array.from({ length: LARGE.versionsPerGuardrail - 1 }, (_, v) => String(v + 1))].map((version) => ({
        version,
        contentPolicy: {
          filters: [{ type: 'PROMPT_ATTACK', inputStrength: g % 2 ? 'HIGH' : 'MEDIUM', outputStrength: 'NONE', inputAction: 'BLOCK', outputAction: 'NONE', inputEnabled: true, outputEnabled: false }],
        },
      })),
    })),
    enforcedGuardrails: [],
    agents: Array.from({ length: LARGE.agentsPerRegion }, (_, a) => ({
      agentId: `AG${r.replace(/-/g, '').toUpperCase()}${String(a).padStart(3, '0')}`,
      agentName: `agent-${a}`,
      foundationModel: ids[a]!,
      agentResourceRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/agent-${a}`,
      ...(a % 3 === 0 ? {} : { guardrailConfiguration: { guardrailIdentifier: `gr${r.replace(/-/g, '')}${a % LARGE.guardrailsPerRegion}`, guardrailVersion: '1' } }),
    })),
    knowledgeBases: Array.from({ length: LARGE.knowledgeBasesPerRegion }, (_, k) => ({
      knowledgeBase: {
        knowledgeBaseId: `KB${r.replace(/-/g, '').toUpperCase()}${k}`,
        name: `kb-${k}`,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/kb-${k}`,
        knowledgeBaseConfiguration: { type: 'VECTOR', vectorKnowledgeBaseConfiguration: { embeddingModelArn: modelArn(9) } },
        storageConfiguration: { type: 'S3_VECTORS' },
      },
      dataSources: Array.from({ length: LARGE.dataSourcesPerKnowledgeBase }, (_, d) => ({
        dataSourceId: `DS${k}${d}`,
        name: `ds-${k}-${d}`,
        dataSourceConfiguration: { type: 'S3' },
        ...(d === 0 ? { serverSideEncryptionConfiguration: { kmsKeyArn: kms } } : {}),
      })),
    })),
    vpcEndpoints: ['bedrock', 'bedrock-runtime'].map((s, i) => ({
      VpcEndpointId: `vpce-0large${r.length}${i}`,
      VpcEndpointType: 'Interface',
      VpcId: 'vpc-0large',
      ServiceName: `com.amazonaws.${r}.${s}`,
      State: 'available',
      PrivateDnsEnabled: true,
    })),
  };
}

export function largeScenario(): Scenario {
  const policies = Array.from({ length: LARGE.policies }, (_, i) => ({
    name: `app-policy-${i}`,
    versions: [
      { document: doc([{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: `arn:aws:bedrock:*::foundation-model/amazon.model-${String(i % 100).padStart(3, '0')}-v1:0` }]) },
      {
        document: doc([
          { Sid: 'Invoke', Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: i % 10 === 0 ? '*' : `arn:aws:bedrock:*::foundation-model/*model-${String(i % 100).padStart(3, '0')}*` },
          ...(i % 7 === 0 ? [{ Sid: 'NoLogs', Effect: 'Deny', Action: 'bedrock:DeleteModelInvocationLoggingConfiguration', Resource: '*' }] : []),
        ]),
        default: true,
      },
    ],
  }));
  const policyArn = (i: number) => `arn:aws:iam::${ACCOUNT}:policy/app-policy-${i % LARGE.policies}`;
  return {
    name: 'large',
    description: `Generated: ${LARGE.users + LARGE.roles} principals, ${LARGE.modelsPerRegion} models × ${LARGE.regions.length} regions.`,
    account: { id: ACCOUNT, aliases: ['large-enterprise'] },
    caller: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/scan`, userId: 'AROALARGE:scan' },
    iam: {
      users: Array.from({ length: LARGE.users }, (_, i) => ({
        name: `user-${String(i).padStart(4, '0')}`,
        path: `/team-${i % 12}/`,
        groups: [`group-${i % LARGE.groups}`],
        attached: [policyArn(i)],
        ...(i % 50 === 0 ? { inline: { everything: doc([{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }]) } } : {}),
        ...(i % 4 === 0 ? { permissionsBoundary: policyArn(1) } : {}),
        tags: { team: `team-${i % 12}` },
      })),
      groups: Array.from({ length: LARGE.groups }, (_, i) => ({ name: `group-${i}`, attached: [policyArn(i + 3)], inline: { read: doc([{ Effect: 'Allow', Action: 'bedrock:List*', Resource: '*' }]) } })),
      roles: Array.from({ length: LARGE.roles }, (_, i) => ({
        name: `role-${String(i).padStart(4, '0')}`,
        trust: doc([{ Effect: 'Allow', Principal: { Service: i % 2 ? 'lambda.amazonaws.com' : 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
        attached: [policyArn(i + 7), ...(i % 100 === 0 ? ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess'] : [])],
        ...(i % 5 === 0 ? { inline: { extra: doc([{ Effect: 'Allow', Action: 'bedrock:Converse*', Resource: '*' }]) } } : {}),
      })),
      policies: [
        ...policies,
        { name: 'AmazonBedrockFullAccess', arn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', versions: [{ document: doc([{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }]) }] },
      ],
      serviceSpecificCredentials: Array.from({ length: LARGE.apiKeys }, (_, i) => ({
        userName: `user-${String(i * 3).padStart(4, '0')}`,
        id: `ACCALARGE${String(i).padStart(11, '0')}`,
        status: i % 4 === 0 ? 'Inactive' : 'Active',
        ...(i % 2 === 0 ? {} : { expirationDate: '2027-01-01T00:00:00Z' }),
      })),
    },
    regions: Object.fromEntries(LARGE.regions.map((r) => [r, region(r)])),
  };
}
