import * as assert from 'node:assert/strict';
import { collectPosture } from '../../src/aws';
import type { Collected, PostureSnapshot } from '../../src/engine/posture/snapshot';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';
import { LARGE, largeScenario } from '../scenarios/large';

const ok = <T>(c: Collected<T>): T => {
  if (c.status !== 'ok') assert.fail(`unknown: ${c.operation} ${c.reason}`);
  return c.value;
};

function assertComplete(snap: PostureSnapshot): void {
  assert.equal(snap.stats.failures, 0);
  const iam = ok(snap.iam);
  assert.equal(iam.users.length + iam.roles.length, 1000);
  assert.equal(iam.users.length, LARGE.users);
  assert.equal(iam.groups.length, LARGE.groups);
  assert.equal(iam.policies.length, LARGE.policies + 1);
  assert.ok(iam.policies.every((p) => p.defaultDocument?.parsed));
  assert.equal(ok(snap.bedrockApiKeys).length, LARGE.apiKeys);
  assert.equal(ok(snap.bedrockApiKeys).filter((k) => k.expirationDate === null).length, LARGE.apiKeys / 2);
  assert.deepEqual(snap.regions.map((r) => r.region), [...LARGE.regions]);
  for (const r of snap.regions) {
    assert.equal(ok(r.foundationModels).length, LARGE.modelsPerRegion);
    assert.equal(ok(r.inferenceProfiles).length, LARGE.inferenceProfilesPerRegion);
    const guardrails = ok(r.guardrails);
    assert.equal(guardrails.length, LARGE.guardrailsPerRegion);
    for (const g of guardrails) {
      const versions = ok(g.versions);
      assert.equal(versions.length, LARGE.versionsPerGuardrail);
      for (const v of versions) ok(v.policy);
    }
    const agents = ok(r.agents);
    assert.equal(agents.length, LARGE.agentsPerRegion);
    agents.forEach((a) => ok(a.detail));
    const kbs = ok(r.knowledgeBases);
    assert.equal(kbs.length, LARGE.knowledgeBasesPerRegion);
    kbs.forEach((k) => assert.equal(ok(k.dataSources).length, LARGE.dataSourcesPerKnowledgeBase));
    assert.equal(ok(r.customModels).length, LARGE.customModelsPerRegion);
    assert.equal(ok(r.vpcEndpoints).length, 2);
  }
}

describe('AWS posture collection: large account (1,000 principals, 100 models × 3 regions)', function () {
  this.timeout(20_000);
  let server: AwsTestServer;
  let env: AwsTestEnv;
  before(async () => {
    server = await startAwsServer({ scenario: largeScenario() });
    env = setAwsTestEnv(server);
  });
  after(async () => {
    env.restore();
    await server.close();
  });

  it('collects completely', async () => {
    const t = Date.now();
    const snap = await collectPosture({ regions: [...LARGE.regions], maxAttempts: 1 });
    const ms = Date.now() - t;
    assertComplete(snap);
    console.log(`      large scenario: ${ms} ms, ${snap.stats.calls} calls, no latency`);
  });

  // The benchmark target is 5 s; this bound leaves room for a loaded CI machine (the figure is printed).
  it('collects completely with 50 ms latency on every call, well within the benchmark', async () => {
    server.latencyMs = 50;
    try {
      const t = Date.now();
      const snap = await collectPosture({ regions: [...LARGE.regions] });
      const ms = Date.now() - t;
      assertComplete(snap);
      console.log(`      large scenario: ${ms} ms, ${snap.stats.calls} calls, 50 ms latency per call`);
      assert.ok(ms <= 8000, `took ${ms} ms`);
    } finally {
      server.latencyMs = 0;
    }
  });
});
