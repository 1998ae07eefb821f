import * as assert from 'node:assert/strict';
import { AwsCredentialsError, collectPosture, PostureSession } from '../../src/aws';
import type { Collected, PostureSnapshot, UnknownResult } from '../../src/engine/posture/snapshot';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import { loadScenario } from '../aws-server/scenario';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';

function ok<T>(c: Collected<T>, what = 'value'): T {
  if (c.status !== 'ok') assert.fail(`${what} is unknown: ${c.operation} ${c.reason}`);
  return c.value;
}

function unknown<T>(c: Collected<T>, what = 'value'): UnknownResult {
  if (c.status !== 'unknown') assert.fail(`${what} should be unknown, got ${JSON.stringify(c.value).slice(0, 200)}`);
  return c;
}

function region(s: PostureSnapshot, name: string) {
  const r = s.regions.find((x) => x.region === name);
  assert.ok(r, `region ${name} collected`);
  return r;
}

describe('AWS posture collection (real SDK against the local AWS server)', function () {
  this.timeout(15_000);
  let server: AwsTestServer;
  let env: AwsTestEnv;

  before(async () => {
    server = await startAwsServer({ scenario: loadScenario('weak') });
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.scenario = loadScenario('weak');
    server.setFaults([]);
    server.latencyMs = 0;
    server.requests.length = 0;
    env = setAwsTestEnv(server);
  });
  afterEach(() => env.restore());

  describe('weak scenario', () => {
    let snap: PostureSnapshot;
    beforeEach(async () => {
      snap = await collectPosture({ regions: ['us-east-1', 'eu-west-1'], maxAttempts: 1 });
    });

    it('reads identity and account', () => {
      const id = ok(snap.identity);
      assert.equal(id.account, '111122223333');
      assert.equal(id.principalType, 'sso-role');
      assert.equal(id.roleArn, 'arn:aws:iam::111122223333:role/AWSReservedSSO_AdministratorAccess_0123456789abcdef');
      assert.deepEqual(ok(snap.accountAliases), ['weak-genai-co']);
      assert.equal(snap.partition, 'aws');
      assert.equal(snap.credentialSource.kind, 'environment');
      assert.equal(snap.stats.failures, 0);
      assert.deepEqual(snap.regionNames, ['us-east-1', 'eu-west-1']);
    });

    it('decodes and parses IAM authorization details', () => {
      const iam = ok(snap.iam);
      assert.equal(iam.users.length, 5);
      const alice = iam.users.find((u) => u.userName === 'dev-alice')!;
      assert.deepEqual(alice.groups, ['developers']);
      assert.deepEqual(alice.tags, { team: 'ml' });
      const inline = alice.inlinePolicies[0]!;
      assert.equal(inline.policyName, 'bedrock-everything');
      assert.deepEqual(inline.document.parsed?.Statement, [{ Sid: 'AllBedrock', Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }]);
      assert.ok(inline.document.text.startsWith('{"Version"'), 'URL-decoded text');
      const lambda = iam.roles.find((r) => r.roleName === 'chat-app-lambda')!;
      assert.deepEqual(lambda.trustPolicy.parsed?.Statement, [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
      assert.equal(lambda.roleLastUsed?.region, 'us-east-1');
      assert.equal(iam.roles.find((r) => r.roleName === 'AWSServiceRoleForAmazonBedrock')?.serviceLinked, true);
      assert.equal(iam.roles.find((r) => r.roleName.startsWith('AWSReservedSSO_'))?.ssoReserved, true);
      const invokeAnything = iam.policies.find((p) => p.policyName === 'BedrockInvokeAnything')!;
      assert.equal(invokeAnything.awsManaged, false);
      assert.equal(invokeAnything.versions.length, 2);
      assert.equal(invokeAnything.defaultVersionId, 'v2');
      assert.match(invokeAnything.defaultDocument?.text ?? '', /bedrock:InvokeModel\*/);
      const full = iam.policies.find((p) => p.policyName === 'AmazonBedrockFullAccess')!;
      assert.equal(full.awsManaged, true);
      assert.equal(full.attachmentCount, 3);
      const conditioned = (full.defaultDocument?.parsed?.Statement as { Condition?: unknown }[]).find((s) => s.Condition);
      assert.deepEqual(conditioned?.Condition, { StringEquals: { 'iam:PassedToService': ['bedrock.amazonaws.com'] } });
      assert.equal(iam.groups.find((g) => g.groupName === 'analysts')?.inlinePolicies[0]?.document.parsed?.Statement.constructor, Array);
    });

    it('reports the never-expiring Bedrock API key with expirationDate null', () => {
      const keys = ok(snap.bedrockApiKeys);
      assert.equal(keys.length, 2);
      const never = keys.find((k) => k.serviceSpecificCredentialId === 'ACCAWEAKNOEXPIRY0001')!;
      assert.equal(never.expirationDate, null);
      assert.equal(never.userName, 'BedrockAPIKey-x7k2');
      assert.equal(never.status, 'Active');
      assert.equal(never.serviceCredentialAlias, 'chat-prototype');
      assert.equal(keys.find((k) => k.userName === 'dev-alice')?.expirationDate, '2125-10-01T10:00:00.000Z');
    });

    it('collects the weak Bedrock configuration of a region', () => {
      const r = region(snap, 'us-east-1');
      assert.equal(ok(r.invocationLogging), null, 'logging off');
      const models = ok(r.foundationModels);
      assert.equal(models.length, 5);
      const legacy = models.find((m) => m.modelId === 'anthropic.claude-v2:1')!;
      assert.equal(legacy.lifecycle.status, 'LEGACY');
      assert.equal(legacy.lifecycle.endOfLifeTime, '2026-12-31T00:00:00.000Z');
      assert.equal(legacy.modelArn, 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1');
      const profiles = ok(r.inferenceProfiles);
      assert.deepEqual(profiles.map((p) => p.geography), ['us', 'global']);
      assert.deepEqual(profiles[1]!.models.map((m) => m.region), ['us-east-1', 'eu-west-1', 'ap-northeast-1']);
      assert.equal(ok(r.provisionedThroughputs)[0]?.modelArn, legacy.modelArn);
      assert.equal(ok(ok(r.customModels)[0]!.kmsKeyArn), null, 'custom model without CMK');
      assert.equal(ok(ok(r.importedModels)[0]!.kmsKeyArn), null);
      const [g] = ok(r.guardrails);
      assert.equal(g?.name, 'prototype-guardrail');
      const versions = ok(g.versions);
      assert.deepEqual(versions.map((v) => v.version), ['DRAFT']);
      const policy = ok(versions[0]!.policy);
      const pa = policy.contentPolicy?.filters.find((f) => f.type === 'PROMPT_ATTACK');
      assert.deepEqual([pa?.inputStrength, pa?.inputAction], ['HIGH', 'NONE']);
      assert.equal(policy.sensitiveInformationPolicy?.piiEntities[0]?.action, 'NONE');
      assert.equal(policy.contextualGroundingPolicy, undefined);
      assert.deepEqual(ok(r.enforcedGuardrails), []);
      const [agent] = ok(r.agents);
      assert.equal(agent?.guardrail, undefined);
      const detail = ok(agent!.detail);
      assert.equal(detail.guardrail, undefined);
      assert.equal(detail.foundationModel, 'anthropic.claude-v2:1');
      assert.equal(detail.customerEncryptionKeyArn, undefined);
      const [kb] = ok(r.knowledgeBases);
      assert.equal(ok(kb!.detail).storageType, 'OPENSEARCH_SERVERLESS');
      const [ds] = ok(kb!.dataSources);
      assert.equal(ok(ds!.kmsKeyArn), null);
      assert.equal(ds!.type, 'S3');
      assert.deepEqual(ok(r.vpcEndpoints), []);
      const eu = region(snap, 'eu-west-1');
      assert.equal(ok(eu.foundationModels).length, 2);
      assert.deepEqual(ok(eu.guardrails), []);
    });

    it('signs every call with SigV4 under the genai-guard app id and makes no recon or runtime calls', () => {
      assert.ok(server.requests.length > 20);
      for (const r of server.requests) {
        assert.equal(r.auth, 'sigv4', `${r.operation} signed`);
        assert.match(r.userAgent, /app\/genai-guard/, r.operation);
        assert.notEqual(r.service, 'bedrock-runtime');
      }
      const ops = new Set(server.requests.map((r) => r.operation));
      for (const recon of ['GetFoundationModelAvailability', 'GetUseCaseForModelAccess', 'ListFoundationModelAgreementOffers']) assert.ok(!ops.has(recon), recon);
      assert.deepEqual(new Set(server.requests.filter((r) => r.service === 'iam').map((r) => r.region)), new Set(['us-east-1']));
    });
  });

  it('stays on SigV4 when AWS_BEARER_TOKEN_BEDROCK is set', async () => {
    process.env['AWS_BEARER_TOKEN_BEDROCK'] = 'bedrock-api-key-c2ltdWxhdGVk';
    const snap = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1 });
    assert.equal(snap.stats.failures, 0);
    const bedrock = server.requests.filter((r) => r.service.startsWith('bedrock'));
    assert.ok(bedrock.length > 5);
    assert.ok(bedrock.every((r) => r.auth === 'sigv4'));
  });

  it('collects the strong scenario as all good', async () => {
    server.scenario = loadScenario('strong');
    const snap = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1 });
    assert.equal(snap.stats.failures, 0);
    const r = region(snap, 'us-east-1');
    const logging = ok(r.invocationLogging)!;
    assert.equal(logging.textDataDeliveryEnabled, true);
    assert.equal(logging.cloudWatch?.logGroupName, '/aws/bedrock/invocations');
    assert.equal(logging.cloudWatch?.largeDataDeliveryS3?.bucketName, 'strong-bedrock-large-logs');
    assert.equal(logging.s3?.bucketName, 'strong-bedrock-logs');
    const [g] = ok(r.guardrails);
    const versions = ok(g!.versions);
    assert.deepEqual(versions.map((v) => v.version), ['DRAFT', '1', '2']);
    const v2 = ok(versions[2]!.policy);
    const pa = v2.contentPolicy?.filters.find((f) => f.type === 'PROMPT_ATTACK');
    assert.deepEqual([pa?.inputStrength, pa?.inputAction, pa?.inputEnabled], ['HIGH', 'BLOCK', true]);
    assert.equal(v2.contentPolicy?.tier, 'STANDARD');
    assert.equal(ok(versions[1]!.policy).contentPolicy?.filters.find((f) => f.type === 'PROMPT_ATTACK')?.inputStrength, 'MEDIUM');
    assert.deepEqual(v2.contextualGroundingPolicy?.filters.map((f) => [f.type, f.action, f.threshold]), [['GROUNDING', 'BLOCK', 0.75], ['RELEVANCE', 'BLOCK', 0.7]]);
    assert.ok(v2.sensitiveInformationPolicy?.piiEntities.every((e) => e.action !== 'NONE'));
    assert.equal(v2.wordPolicy?.wordCount, 1);
    assert.match(v2.kmsKeyArn ?? '', /^arn:aws:kms:/);
    assert.match(v2.crossRegionProfileArn ?? '', /guardrail-profile/);
    const [enforced] = ok(r.enforcedGuardrails);
    assert.deepEqual([enforced?.guardrailId, enforced?.guardrailVersion, enforced?.owner], ['gr0strong001', '2', 'ACCOUNT']);
    assert.deepEqual(enforced?.modelEnforcement, { includedModels: ['ALL'], excludedModels: [] });
    const [agent] = ok(r.agents);
    assert.deepEqual(agent?.guardrail, { guardrailIdentifier: 'gr0strong001', guardrailVersion: '2' });
    assert.match(ok(agent.detail).customerEncryptionKeyArn ?? '', /^arn:aws:kms:/);
    assert.match(ok(ok(r.customModels)[0]!.kmsKeyArn) ?? '', /^arn:aws:kms:/);
    assert.match(ok(ok(ok(r.knowledgeBases)[0]!.dataSources)[0]!.kmsKeyArn) ?? '', /^arn:aws:kms:/);
    const endpoints = ok(r.vpcEndpoints);
    assert.deepEqual(endpoints.map((e) => e.bedrockService).sort(), ['bedrock', 'bedrock-agent', 'bedrock-agent-runtime', 'bedrock-mantle', 'bedrock-runtime']);
    assert.ok(endpoints.every((e) => e.state === 'available' && e.privateDnsEnabled === true));
    assert.equal(endpoints[0]?.policy?.parsed?.Version, '2008-10-17');
    assert.ok(ok(r.foundationModels).every((m) => m.lifecycle.status === 'ACTIVE'));
    assert.deepEqual(ok(snap.bedrockApiKeys), []);
    const iam = ok(snap.iam);
    assert.equal(iam.roles.find((x) => x.roleName === 'chat-app')?.permissionsBoundaryArn, 'arn:aws:iam::111122223333:policy/DenyBedrockKeys');
    assert.equal(ok(snap.identity).principalType, 'assumed-role');
  });

  it('returns the same snapshot when every list is paginated one item at a time', async () => {
    const whole = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1 });
    const paged = await startAwsServer({ scenario: loadScenario('weak'), maxPageSize: 1 });
    try {
      Object.assign(process.env, paged.endpointEnv());
      const split = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1 });
      const strip = (s: PostureSnapshot) => ({ ...s, collectedAt: '', durationMs: 0, stats: { calls: 0, failures: s.stats.failures } });
      assert.deepEqual(strip(split), strip(whole));
      assert.ok(paged.requests.filter((r) => r.operation === 'GetAccountAuthorizationDetails').length >= 10, 'GAAD paginated');
      assert.ok(paged.requests.filter((r) => r.operation === 'ListServiceSpecificCredentials').length >= 2, 'keys paginated (no SDK paginator)');
    } finally {
      await paged.close();
    }
  });

  describe('lazy reconnaissance-like reads', () => {
    it('are separate calls, cached until the next refresh', async () => {
      const session = new PostureSession({ regions: ['us-east-1'], maxAttempts: 1 });
      try {
        await session.collect();
        assert.ok(!server.requests.some((r) => r.operation === 'GetFoundationModelAvailability'));
        const a = ok(await session.modelAvailability('us-east-1', 'meta.llama3-8b-instruct-v1:0'));
        assert.deepEqual([a.agreementStatus, a.entitlementAvailability, a.authorizationStatus], ['NOT_AVAILABLE', 'NOT_AVAILABLE', 'AUTHORIZED']);
        await session.modelAvailability('us-east-1', 'meta.llama3-8b-instruct-v1:0');
        assert.equal(server.requests.filter((r) => r.operation === 'GetFoundationModelAvailability').length, 1, 'cached');
        assert.deepEqual(ok(await session.useCaseForModelAccess('us-east-1')), { region: 'us-east-1', submitted: true, formBytes: 31 });
        assert.deepEqual(ok(await session.useCaseForModelAccess('eu-west-1')), { region: 'eu-west-1', submitted: false });
        const offers = ok(await session.agreementOffers('us-east-1', 'meta.llama3-8b-instruct-v1:0'));
        assert.deepEqual(offers.offers, [{ offerId: 'offer-llama', hasLegalTerm: true, hasPricingTerm: true }]);
        server.setFaults([{ kind: 'accessDenied', operation: 'GetFoundationModelAvailability' }]);
        const denied = unknown(await session.modelAvailability('us-east-1', 'anthropic.claude-v2:1'));
        assert.equal(denied.cause, 'accessDenied');
      } finally {
        session.dispose();
      }
    });
  });

  describe('credentials', () => {
    it('throws an actionable error when there are no credentials', async () => {
      delete process.env['AWS_ACCESS_KEY_ID'];
      delete process.env['AWS_SECRET_ACCESS_KEY'];
      await assert.rejects(collectPosture({ regions: ['us-east-1'], maxAttempts: 1 }), (e: unknown) => {
        assert.ok(e instanceof AwsCredentialsError);
        assert.equal(e.kind, 'none');
        assert.match(e.message, /No AWS credentials found.*aws configure sso/);
        return true;
      });
      assert.equal(server.requests.length, 0, 'nothing sent without credentials');
    });

    it('throws "expired" when AWS rejects the session token', async () => {
      server.setFaults([{ kind: 'expiredToken' }]);
      await assert.rejects(collectPosture({ regions: ['us-east-1'], maxAttempts: 1 }), (e: unknown) => {
        assert.ok(e instanceof AwsCredentialsError);
        assert.equal(e.kind, 'expired');
        assert.match(e.message, /have expired \(ExpiredToken\)/);
        return true;
      });
    });

    it('marks items unknown when credentials expire mid-collection', async () => {
      server.setFaults([{ kind: 'expiredToken', operation: 'ListGuardrails' }]);
      const snap = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1 });
      const u = unknown(region(snap, 'us-east-1').guardrails);
      assert.equal(u.cause, 'credentials');
      assert.equal(u.errorName, 'ExpiredTokenException');
    });
  });
});
