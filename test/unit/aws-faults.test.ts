import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { AwsCredentialsError, PostureSession, classifyCause, collectPosture, listProfiles } from '../../src/aws';
import { policyDocument, toIdentity } from '../../src/aws/collect';
import type { Collected, PostureSnapshot, UnknownCause } from '../../src/engine/posture/snapshot';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import { type FaultRule, loadScenario } from '../aws-server/scenario';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';

const R = 'us-east-1';
const reg = (s: PostureSnapshot, name = R) => s.regions.find((r) => r.region === name)!;
const okv = <T>(c: Collected<T>): T => {
  if (c.status !== 'ok') assert.fail(`unknown: ${c.reason}`);
  return c.value;
};

/** Where each operation's failure must show up in the snapshot. */
const CASES: { operation: string; pick: (s: PostureSnapshot) => Collected<unknown> }[] = [
  { operation: 'GetAccountAuthorizationDetails', pick: (s) => s.iam },
  { operation: 'ListServiceSpecificCredentials', pick: (s) => s.bedrockApiKeys },
  { operation: 'ListAccountAliases', pick: (s) => s.accountAliases },
  { operation: 'ListFoundationModels', pick: (s) => reg(s).foundationModels },
  { operation: 'ListInferenceProfiles', pick: (s) => reg(s).inferenceProfiles },
  { operation: 'ListProvisionedModelThroughputs', pick: (s) => reg(s).provisionedThroughputs },
  { operation: 'ListCustomModels', pick: (s) => reg(s).customModels },
  { operation: 'GetCustomModel', pick: (s) => okv(reg(s).customModels)[0]!.kmsKeyArn },
  { operation: 'GetImportedModel', pick: (s) => okv(reg(s).importedModels)[0]!.kmsKeyArn },
  { operation: 'GetModelInvocationLoggingConfiguration', pick: (s) => reg(s).invocationLogging },
  { operation: 'ListGuardrails', pick: (s) => reg(s).guardrails },
  { operation: 'GetGuardrail', pick: (s) => okv(okv(reg(s).guardrails)[0]!.versions)[0]!.policy },
  { operation: 'ListEnforcedGuardrailsConfiguration', pick: (s) => reg(s).enforcedGuardrails },
  { operation: 'ListAgents', pick: (s) => reg(s).agents },
  { operation: 'GetAgent', pick: (s) => okv(reg(s).agents)[0]!.detail },
  { operation: 'ListKnowledgeBases', pick: (s) => reg(s).knowledgeBases },
  { operation: 'GetKnowledgeBase', pick: (s) => okv(reg(s).knowledgeBases)[0]!.detail },
  { operation: 'ListDataSources', pick: (s) => okv(reg(s).knowledgeBases)[0]!.dataSources },
  { operation: 'GetDataSource', pick: (s) => okv(okv(reg(s).knowledgeBases)[0]!.dataSources)[0]!.kmsKeyArn },
  { operation: 'DescribeVpcEndpoints', pick: (s) => reg(s).vpcEndpoints },
];

describe('AWS faults become unknown, never a pass (local AWS server)', function () {
  this.timeout(20_000);
  let server: AwsTestServer;
  let env: AwsTestEnv;

  before(async () => {
    server = await startAwsServer({ scenario: loadScenario('strong') });
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.scenario = loadScenario('strong');
    server.setFaults([]);
    server.latencyMs = 0;
    server.requests.length = 0;
    env = setAwsTestEnv(server);
  });
  afterEach(() => env.restore());

  const kinds: [FaultRule['kind'], UnknownCause, RegExp][] = [
    ['accessDenied', 'accessDenied', /^Access denied \((AccessDenied|AccessDeniedException|UnauthorizedOperation): .*not authorized/],
    ['unknownOperation', 'unknownOperation', /^Operation not supported/],
    ['serverError', 'error', /^Failed \((InternalServerException|ServiceFailure|InternalError)/],
  ];
  /** Operations whose items cannot hide each other, so one collection can fail them all at once. */
  const OUTER = ['ListCustomModels', 'ListGuardrails', 'ListAgents', 'ListKnowledgeBases'];
  const MIDDLE = ['ListDataSources'];
  const batches = [
    CASES.filter((c) => !OUTER.includes(c.operation) && !MIDDLE.includes(c.operation)),
    CASES.filter((c) => MIDDLE.includes(c.operation)),
    CASES.filter((c) => OUTER.includes(c.operation)),
  ];
  for (const [kind, cause, reason] of kinds) {
    it(`${kind} on every operation: that item is unknown (${cause}) with the reason, the rest is collected`, async () => {
      for (const batch of batches) {
        server.setFaults(batch.map((c) => ({ kind, operation: c.operation })));
        server.requests.length = 0;
        const snap = await collectPosture({ regions: [R], maxAttempts: 1 });
        for (const c of batch) {
          const item = c.pick(snap);
          assert.equal(item.status, 'unknown', `${kind} ${c.operation} must be unknown`);
          if (item.status !== 'unknown') continue;
          assert.equal(item.cause, cause, c.operation);
          assert.match(item.reason, reason, c.operation);
          assert.match(item.operation, new RegExp(`:${c.operation}$`));
          assert.equal(item.region, R);
        }
        assert.deepEqual(new Set(server.requests.filter((r) => r.fault).map((r) => r.operation)), new Set(batch.map((c) => c.operation)));
        assert.ok(okv(snap.identity).account, 'the rest is still collected');
      }
      // And the complement: with no fault every one of these items is a value.
      server.setFaults([]);
      const clean = await collectPosture({ regions: [R], maxAttempts: 1 });
      for (const c of CASES) assert.equal(c.pick(clean).status, 'ok', c.operation);
    });
  }

  it('faults are per region', async () => {
    server.scenario = loadScenario('weak');
    server.setFaults([{ kind: 'accessDenied', operation: 'ListGuardrails', region: 'eu-west-1' }]);
    const snap = await collectPosture({ regions: ['us-east-1', 'eu-west-1'], maxAttempts: 1 });
    assert.equal(reg(snap, 'us-east-1').guardrails.status, 'ok');
    const u = reg(snap, 'eu-west-1').guardrails;
    assert.equal(u.status === 'unknown' && u.region, 'eu-west-1');
  });

  it('logging AccessDenied is unknown, not "logging off"', async () => {
    server.setFaults([{ kind: 'accessDenied', operation: 'GetModelInvocationLoggingConfiguration' }]);
    const snap = await collectPosture({ regions: [R], maxAttempts: 1 });
    assert.notEqual(reg(snap).invocationLogging.status, 'ok');
  });

  it('throttling is retried by the SDK and then succeeds', async () => {
    server.setFaults([
      { kind: 'throttle', operation: 'ListGuardrails', times: 1 },
      { kind: 'throttle', operation: 'GetAccountAuthorizationDetails', times: 1 },
    ]);
    const snap = await collectPosture({ regions: [R], maxAttempts: 3 });
    assert.equal(snap.stats.failures, 0);
    assert.equal(okv(reg(snap).guardrails).length, 1);
    assert.equal(server.requests.filter((r) => r.operation === 'ListGuardrails' && r.fault === 'throttle').length, 1);
    assert.equal(server.requests.filter((r) => r.operation === 'GetAccountAuthorizationDetails').length, 2);
  });

  it('persistent throttling is reported after the SDK retries (restJson 429 and awsQuery 400)', async () => {
    server.setFaults([
      { kind: 'throttle', operation: 'ListAgents' },
      { kind: 'throttle', operation: 'ListServiceSpecificCredentials' },
    ]);
    const snap = await collectPosture({ regions: [R], maxAttempts: 3 });
    for (const [item, name] of [
      [reg(snap).agents, 'ThrottlingException'],
      [snap.bedrockApiKeys, 'Throttling'],
    ] as const) {
      assert.equal(item.status, 'unknown');
      if (item.status !== 'unknown') continue;
      assert.equal(item.cause, 'throttled');
      assert.equal(item.errorName, name);
      assert.equal(item.attempts, 3);
      assert.match(item.reason, /^Throttled after 3 attempts/);
    }
    assert.equal(server.requests.filter((r) => r.operation === 'ListAgents').length, 3);
  });

  it('latency beyond the request timeout is a timeout', async () => {
    server.setFaults([{ kind: 'latency', operation: 'GetModelInvocationLoggingConfiguration', ms: 600 }]);
    const snap = await collectPosture({ regions: [R], maxAttempts: 1, requestTimeoutMs: 200 });
    const u = reg(snap).invocationLogging;
    assert.equal(u.status === 'unknown' && u.cause, 'timeout');
    assert.equal(reg(snap).guardrails.status, 'ok');
  });

  it('a region without Bedrock is unknown there (EC2 still answers)', async () => {
    const snap = await collectPosture({ regions: [R, 'ap-south-2'], maxAttempts: 1 });
    const r = reg(snap, 'ap-south-2');
    for (const item of [r.foundationModels, r.guardrails, r.invocationLogging, r.agents]) {
      assert.equal(item.status, 'unknown');
      assert.equal(item.status === 'unknown' && item.cause, 'network');
    }
    assert.equal(r.vpcEndpoints.status, 'ok');
    assert.equal(reg(snap).foundationModels.status, 'ok');
  });

  it('expired SSO session: actionable error naming the profile, then renewed credentials are picked up without a new session', async () => {
    env.restore();
    env = setAwsTestEnv(server, { staticCredentials: false });
    fs.writeFileSync(
      env.configFile,
      ['[profile dev]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = SecurityAudit', 'region = us-east-1', '', '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access', ''].join('\n'),
    );
    const cacheFile = path.join(env.home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);
    const writeToken = (accessToken: string, expiresAt: Date) =>
      fs.writeFileSync(cacheFile, JSON.stringify({ startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', accessToken, expiresAt: expiresAt.toISOString() }));
    writeToken('old-token', new Date(Date.now() - 60_000));
    const session = new PostureSession({ profile: 'dev', regions: [R], maxAttempts: 1 });
    try {
      await assert.rejects(session.collect(), (e: unknown) => {
        assert.ok(e instanceof AwsCredentialsError, String(e));
        assert.equal(e.kind, 'ssoExpired');
        assert.equal(e.command, 'aws sso login --profile dev');
        assert.match(e.message, /Run: aws sso login --profile dev/);
        return true;
      });
      // `aws sso login` writes a fresh token; the portal hands out role credentials for it.
      server.setSsoToken('fresh-token', { accessKeyId: 'ASIASSOFRESH00000001', secretAccessKey: 'secret', sessionToken: 'session' });
      writeToken('fresh-token', new Date(Date.now() + 3_600_000));
      const snap = await session.collect();
      assert.equal(snap.credentialSource.kind, 'sso');
      assert.equal(snap.stats.failures, 0);
      assert.ok(server.requests.some((r) => r.service === 'sso' && r.operation === 'GET /federation/credentials'));
      const signed = server.requests.filter((r) => r.auth === 'sigv4');
      assert.ok(signed.length > 10 && signed.every((r) => r.accessKeyId === 'ASIASSOFRESH00000001'));
    } finally {
      session.dispose();
    }
  });

  it('expired credentials of an SSO profile name aws sso login', async () => {
    env.restore();
    env = setAwsTestEnv(server, { staticCredentials: false });
    fs.writeFileSync(env.configFile, '[profile dev]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n');
    fs.writeFileSync(path.join(env.home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`), JSON.stringify({ accessToken: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
    server.setSsoToken('t', { accessKeyId: 'ASIASSO2', secretAccessKey: 's', sessionToken: 's' });
    server.setFaults([{ kind: 'expiredToken', operation: 'GetCallerIdentity' }]);
    await assert.rejects(collectPosture({ profile: 'dev', regions: [R], maxAttempts: 1 }), (e: unknown) => {
      assert.ok(e instanceof AwsCredentialsError);
      assert.equal(e.kind, 'expired');
      assert.equal(e.command, 'aws sso login --profile dev');
      return true;
    });
  });

  it('lists profiles and their credential sources from the shared files', async () => {
    fs.writeFileSync(env.configFile, '[default]\nregion = eu-west-1\n[profile dev]\nsso_session = corp\n[profile tool]\ncredential_process = /bin/echo\n[profile deploy]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n[sso-session corp]\nsso_region = us-east-1\n');
    fs.writeFileSync(env.credentialsFile, '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n');
    const profiles = await listProfiles();
    assert.deepEqual(
      profiles.map((p) => [p.name, p.kind]),
      [['default', 'static'], ['deploy', 'assume-role'], ['dev', 'sso'], ['tool', 'credential_process']],
    );
    assert.equal(profiles[0]?.longTermKeys, true);
    assert.equal(profiles[0]?.region, 'eu-west-1');
  });
});

describe('AWS error and document helpers', () => {
  it('classifies SDK and network errors', () => {
    const e = (name: string, code?: string) => Object.assign(new Error('x'), { name, ...(code ? { code } : {}) });
    assert.equal(classifyCause(e('Error', 'ENOTFOUND')), 'notOffered');
    assert.equal(classifyCause(e('Error', 'ECONNRESET')), 'network');
    assert.equal(classifyCause(e('TimeoutError')), 'timeout');
    assert.equal(classifyCause(e('AccessDeniedException')), 'accessDenied');
    assert.equal(classifyCause(e('UnrecognizedClientException')), 'credentials');
    assert.equal(classifyCause(e('ValidationException')), 'error');
  });

  it('decodes URL-encoded IAM documents and keeps unparsable ones visible', () => {
    const d = policyDocument(encodeURIComponent('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}}'));
    assert.deepEqual(d.parsed?.Statement, { Effect: 'Allow', Action: 'bedrock:*', Resource: '*' });
    const bad = policyDocument('%7Bnot json');
    assert.equal(bad.parsed, null);
    assert.ok(bad.parseError);
  });

  it('reads principal types from caller ARNs', () => {
    assert.equal(toIdentity('arn:aws:iam::1:root', '1', 'x').principalType, 'root');
    assert.equal(toIdentity('arn:aws:iam::1:user/dev/alice', '1', 'x').principalType, 'user');
    const r = toIdentity('arn:aws-cn:sts::1:assumed-role/App/s1', '1', 'x');
    assert.deepEqual([r.principalType, r.roleArn, r.sessionName], ['assumed-role', 'arn:aws-cn:iam::1:role/App', 's1']);
  });
});
