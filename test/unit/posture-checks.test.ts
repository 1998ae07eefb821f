import * as assert from 'node:assert/strict';
import { collectPosture } from '../../src/aws';
import { evaluatePosture, postureText } from '../../src/engine/posture';
import type { PostureSnapshot } from '../../src/engine/posture/snapshot';
import type { CheckResult, PostureReport } from '../../src/engine/posture/types';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import { loadScenario } from '../aws-server/scenario';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';

const NOW = new Date('2026-10-15T00:00:00Z');

function results(report: PostureReport, id: string, region?: string): CheckResult[] {
  return report.checks.filter((c) => c.id === id && (region === undefined || c.region === region));
}

function only(report: PostureReport, id: string, region?: string): CheckResult {
  const r = results(report, id, region);
  assert.equal(r.length, 1, `${id}${region ? ` in ${region}` : ''}: ${JSON.stringify(r.map((x) => [x.status, x.resource]))}`);
  return r[0]!;
}

function statuses(report: PostureReport, id: string): string[] {
  return results(report, id).map((r) => r.status);
}

describe('posture checks on snapshots collected from the local AWS server', function () {
  this.timeout(20_000);
  let server: AwsTestServer;
  let env: AwsTestEnv;
  let weakSnap: PostureSnapshot;
  let strongSnap: PostureSnapshot;

  before(async () => {
    server = await startAwsServer({ scenario: loadScenario('weak') });
    env = setAwsTestEnv(server);
    weakSnap = await collectPosture({ regions: ['us-east-1', 'eu-west-1'], maxAttempts: 1 });
    server.scenario = loadScenario('strong');
    strongSnap = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1 });
  });
  after(async () => {
    env.restore();
    await server.close();
  });

  describe('weak scenario', () => {
    let report: PostureReport;
    before(() => {
      report = evaluatePosture(weakSnap, { now: NOW, usedModelIds: ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-3-5-haiku-20241022-v1:0'] });
    });

    it('never errors and reports its problems', () => {
      assert.deepEqual(report.checks.filter((c) => c.status === 'error'), []);
      assert.ok(report.checks.filter((c) => c.status === 'fail').length >= 15, postureText(report));
    });

    it('logging is off in both regions', () => {
      for (const r of ['us-east-1', 'eu-west-1']) {
        assert.equal(only(report, 'logging.invocation-logging-enabled', r).status, 'fail');
        assert.equal(only(report, 'logging.text-data-captured', r).status, 'fail');
      }
      assert.deepEqual(results(report, 'logging.destination-encrypted'), [], 'no destination to judge');
    });

    it('fails the detect-only DRAFT prompt-attack filter that Prowler would pass', () => {
      const r = only(report, 'guardrails.prompt-attack-blocking', 'us-east-1');
      assert.equal(r.status, 'fail');
      assert.match(r.message, /prototype-guardrail version DRAFT \(only a DRAFT exists, never published/);
      assert.match(r.message, /input action NONE \(detect only\)/);
      assert.equal(r.severity, 'high');
      assert.equal(only(report, 'guardrails.prompt-attack-blocking', 'eu-west-1').status, 'fail', 'no guardrail in eu-west-1');
      assert.match(only(report, 'guardrails.sensitive-info-enforced', 'us-east-1').message, /only detect/);
      assert.equal(only(report, 'guardrails.contextual-grounding', 'us-east-1').status, 'fail');
      assert.equal(only(report, 'guardrails.present', 'us-east-1').status, 'pass');
      assert.equal(only(report, 'guardrails.present', 'eu-west-1').status, 'fail');
      assert.equal(only(report, 'guardrails.account-enforced', 'us-east-1').status, 'fail');
      assert.equal(only(report, 'agents.guardrail-attached', 'us-east-1').status, 'fail');
    });

    it('finds wildcard invoke, full access and tamperers with the deciding statement', () => {
      const wildcard = results(report, 'access.wildcard-invoke');
      const flagged = (rs: CheckResult[]) => rs.filter((r) => r.status === 'fail').map((r) => r.resource.split('/').pop()).sort();
      assert.deepEqual(flagged(wildcard), ['AWSReservedSSO_AdministratorAccess_0123456789abcdef', 'AmazonBedrockExecutionRoleForAgents_support', 'BedrockAPIKey-x7k2', 'analyst-bob', 'chat-app-lambda', 'ci-bot', 'dev-alice', 'ops-admin']);
      const bob = wildcard.find((r) => r.resource.endsWith('/analyst-bob'))!;
      assert.match(bob.message, /Allow in invoke-star \(inline via group analysts\) statement #0/);
      const full = flagged(results(report, 'access.full-access-policy'));
      assert.deepEqual(full, ['AWSReservedSSO_AdministratorAccess_0123456789abcdef', 'AmazonBedrockExecutionRoleForAgents_support', 'BedrockAPIKey-x7k2', 'ci-bot', 'dev-alice', 'ops-admin']);
      assert.ok(flagged(results(report, 'access.logging-tamper')).includes('github-deploy'));
      assert.ok(flagged(results(report, 'access.guardrail-tamper')).includes('github-deploy'));
      assert.ok(!flagged(results(report, 'access.logging-tamper')).includes('analyst-bob'));
      assert.equal(only(report, 'access.invoke-without-guardrail', 'us-east-1').status, 'warn');
    });

    it('flags the never-expiring API key as critical and its privileged owner', () => {
      const keys = results(report, 'keys.long-term-api-keys');
      const never = keys.find((k) => k.resource.endsWith('/BedrockAPIKey-x7k2'))!;
      assert.equal(never.status, 'fail');
      assert.equal(never.severity, 'critical');
      assert.match(never.message, /never expires/);
      const far = keys.find((k) => k.resource.endsWith('/dev-alice'))!;
      assert.equal(far.status, 'fail');
      assert.match(far.message, /expires only in \d+ days \(2125-10-01\)/);
      const owners = results(report, 'keys.api-key-owner-privileged');
      assert.deepEqual(owners.map((o) => o.status), ['fail', 'fail']);
      assert.match(owners.find((o) => o.resource.endsWith('/BedrockAPIKey-x7k2'))!.message, /full Bedrock access: Allow in AmazonBedrockFullAccess/);
    });

    it('fails encryption, network and the legacy models in use', () => {
      assert.deepEqual(statuses(report, 'custom-models.cmk'), ['fail', 'fail']);
      assert.deepEqual(statuses(report, 'knowledge-bases.cmk'), ['fail']);
      assert.deepEqual(statuses(report, 'network.bedrock-vpc-endpoints'), ['fail', 'fail']);
      const legacy = results(report, 'models.legacy-in-use', 'us-east-1');
      assert.deepEqual(legacy.map((l) => l.resource.split('/').pop()).sort(), ['amazon.titan-text-express-v1', 'anthropic.claude-v2:1']);
      assert.match(legacy.find((l) => l.resource.endsWith('claude-v2:1'))!.message, /agent support-agent, provisioned throughput legacy-claude-pt/);
      assert.match(legacy.find((l) => l.resource.endsWith('express-v1'))!.message, /custom model support-bot-ft/);
      assert.equal(only(report, 'models.legacy-in-use', 'eu-west-1').status, 'pass');
    });

    it('computes the access matrix with deciding statements', () => {
      const cell = (principal: string, model: string) => report.access.find((e) => e.principal.endsWith(principal) && e.model === model)!;
      const sonnet = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0';
      assert.equal(cell('/dev-alice', sonnet).decision, 'allow');
      assert.deepEqual(cell('/dev-alice', sonnet).statement, { policy: 'bedrock-everything', kind: 'inline', sid: 'AllBedrock', index: 0, effect: 'Allow' });
      assert.equal(cell('/github-deploy', sonnet).decision, 'implicitDeny');
      assert.equal(report.principals.length, 9, 'service-linked role collapsed');
      assert.equal(report.models.length, 7);
      assert.ok(report.principals.find((p) => p.name.startsWith('AWSReservedSSO_'))?.isCaller);
      assert.equal(report.models.find((m) => m.modelId === 'anthropic.claude-3-5-sonnet-20240620-v1:0' && m.region === 'us-east-1')?.usedInWorkspace, true);
      assert.equal(report.access.length, 63);
    });
  });

  describe('strong scenario', () => {
    let report: PostureReport;
    before(() => {
      report = evaluatePosture(strongSnap, { now: NOW });
    });

    it('passes what the weak account fails', () => {
      for (const id of [
        'logging.invocation-logging-enabled',
        'logging.text-data-captured',
        'guardrails.present',
        'guardrails.prompt-attack-blocking',
        'guardrails.sensitive-info-enforced',
        'guardrails.contextual-grounding',
        'guardrails.account-enforced',
        'agents.guardrail-attached',
        'agents.cmk',
        'access.wildcard-invoke',
        'access.full-access-policy',
        'access.logging-tamper',
        'access.guardrail-tamper',
        'access.invoke-without-guardrail',
        'keys.long-term-api-keys',
        'keys.api-key-owner-privileged',
        'custom-models.cmk',
        'knowledge-bases.cmk',
        'network.bedrock-vpc-endpoints',
        'models.legacy-in-use',
        'models.cross-geography-inference',
      ]) {
        const rs = results(report, id);
        assert.ok(rs.length > 0, id);
        for (const r of rs) assert.equal(r.status, 'pass', `${id}: ${r.message}`);
      }
      const enc = only(report, 'logging.destination-encrypted');
      assert.equal(enc.status, 'unknown', 'not read, so not assumed');
    });

    it('judges the enforced version 2, not the DRAFT or version 1', () => {
      const r = only(report, 'guardrails.prompt-attack-blocking');
      assert.match(r.message, /production-guardrail version 2 \(in use by account-enforced configuration, agent claims-agent\)/);
    });

    it('makes the guardrail-conditioned grant conditional, and the boundary limits it', () => {
      const sonnet = report.access.find((e) => e.principal.endsWith('role/chat-app') && e.modelId === 'anthropic.claude-3-5-sonnet-20240620-v1:0')!;
      assert.equal(sonnet.decision, 'conditional');
      assert.equal(sonnet.statement?.sid, 'InvokeSonnetGuarded');
      assert.match(sonnet.evaluation.conditions[0]!.text, /StringEquals bedrock:GuardrailIdentifier = arn:aws:bedrock:us-east-1:111122223333:guardrail\/gr0strong001:2/);
      const nova = report.access.find((e) => e.principal.endsWith('role/chat-app') && e.modelId === 'amazon.nova-pro-v1:0')!;
      assert.equal(nova.decision, 'implicitDeny');
      assert.ok(report.access.every((e) => e.decision !== 'allow'), 'nobody may invoke unconditionally');
    });
  });
});
