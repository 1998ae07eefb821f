import * as assert from 'node:assert/strict';
import { collectPosture } from '../../src/aws';
import { evaluatePosture } from '../../src/engine/posture';
import type { CheckResult, PostureReport } from '../../src/engine/posture/types';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import type { FaultKind } from '../aws-server/scenario';
import { loadScenario } from '../aws-server/scenario';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';

const NOW = new Date('2026-10-15T00:00:00Z');

/**
 * The checks that read what an operation returns: none of their results may pass when it fails (`id@text`: only the
 * results whose resource contains `text`, for checks that judge several kinds of resource).
 */
const DEPENDS: Record<string, string[]> = {
  'iam:GetAccountAuthorizationDetails': ['access.wildcard-invoke', 'access.full-access-policy', 'access.logging-tamper', 'access.guardrail-tamper', 'access.invoke-without-guardrail'],
  'iam:ListServiceSpecificCredentials': ['keys.long-term-api-keys', 'keys.api-key-owner-privileged'],
  'bedrock:ListFoundationModels': ['models.legacy-in-use'],
  'bedrock:ListProvisionedModelThroughputs': ['models.legacy-in-use'],
  'bedrock:ListCustomModels': ['custom-models.cmk@custom-model', 'models.legacy-in-use'],
  'bedrock:GetCustomModel': ['custom-models.cmk@custom-model'],
  'bedrock:ListImportedModels': ['custom-models.cmk@imported-model'],
  'bedrock:GetImportedModel': ['custom-models.cmk@imported-model'],
  'bedrock:GetModelInvocationLoggingConfiguration': ['logging.invocation-logging-enabled', 'logging.text-data-captured', 'logging.destination-encrypted'],
  'bedrock:ListGuardrails': ['guardrails.present', 'guardrails.prompt-attack-blocking', 'guardrails.sensitive-info-enforced', 'guardrails.contextual-grounding', 'access.guardrail-tamper'],
  'bedrock:GetGuardrail': ['guardrails.prompt-attack-blocking', 'guardrails.sensitive-info-enforced', 'guardrails.contextual-grounding'],
  'bedrock:ListEnforcedGuardrailsConfiguration': ['guardrails.account-enforced', 'guardrails.prompt-attack-blocking', 'guardrails.sensitive-info-enforced', 'guardrails.contextual-grounding'],
  'bedrock-agent:ListAgents': ['agents.guardrail-attached', 'agents.cmk', 'models.legacy-in-use', 'models.cross-geography-inference', 'guardrails.prompt-attack-blocking'],
  'bedrock-agent:GetAgent': ['agents.cmk'],
  'bedrock-agent:ListKnowledgeBases': ['knowledge-bases.cmk', 'models.legacy-in-use'],
  'bedrock-agent:ListDataSources': ['knowledge-bases.cmk'],
  'bedrock-agent:GetDataSource': ['knowledge-bases.cmk'],
  'ec2:DescribeVpcEndpoints': ['network.bedrock-vpc-endpoints'],
};

const key = (r: CheckResult) => `${r.id} ${r.region} ${r.resource}`;

describe('posture checks under injected faults: never a pass', function () {
  this.timeout(60_000);
  let server: AwsTestServer;
  let env: AwsTestEnv;
  let baseline: PostureReport;
  let baselinePasses: Set<string>;

  async function report(): Promise<PostureReport> {
    const snap = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1, requestTimeoutMs: 1000 });
    return evaluatePosture(snap, { now: NOW });
  }

  before(async () => {
    server = await startAwsServer({ scenario: loadScenario('strong') });
    env = setAwsTestEnv(server);
    baseline = await report();
    baselinePasses = new Set(baseline.checks.filter((c) => c.status === 'pass').map(key));
    assert.ok(baselinePasses.size >= 20, 'the strong account passes almost everything');
  });
  afterEach(() => server.setFaults([]));
  after(async () => {
    env.restore();
    await server.close();
  });

  function assertNoFalsePass(r: PostureReport, depends: string[], what: string): void {
    assert.deepEqual(r.checks.filter((c) => c.status === 'error'), [], `${what}: no check crashed`);
    for (const c of r.checks) {
      if (c.status !== 'pass') continue;
      assert.ok(baselinePasses.has(key(c)), `${what}: new pass ${key(c)}: ${c.message}`);
      const hit = depends.find((d) => {
        const [id, part] = d.split('@');
        return c.id === id && (part === undefined || c.resource.includes(part));
      });
      assert.ok(!hit, `${what}: ${c.id} passed although its input failed: ${c.message}`);
    }
    for (const d of depends) assert.ok(r.checks.some((c) => c.id === d.split('@')[0]), `${what}: ${d} still reports`);
  }

  for (const [operation, depends] of Object.entries(DEPENDS)) {
    it(`AccessDenied on ${operation}`, async () => {
      server.setFaults([{ kind: 'accessDenied', operation }]);
      const r = await report();
      assertNoFalsePass(r, depends, operation);
      const unknown = r.checks.filter((c) => c.status === 'unknown' && c.operation === operation);
      assert.ok(unknown.length > 0, `some result names ${operation}`);
      for (const u of unknown) {
        assert.match(u.message, /^Unknown: /);
        assert.match(u.remediation, new RegExp(`Allow .*${operation}`));
      }
      assert.match(unknown.map((u) => u.message).join('\n'), /could not be read — Access denied \((AccessDenied|UnauthorizedOperation)|bedrock:ListProvisionedModelThroughputs failed/);
    });
  }

  const kinds: FaultKind[] = ['throttle', 'serverError', 'unknownOperation', 'reset', 'expiredToken'];
  for (const kind of kinds) {
    it(`${kind} on every Bedrock and IAM read after identity`, async () => {
      server.setFaults([
        { kind, service: 'bedrock' },
        { kind, service: 'bedrock-agent' },
        { kind, service: 'ec2' },
        { kind, operation: 'iam:GetAccountAuthorizationDetails' },
        { kind, operation: 'iam:ListServiceSpecificCredentials' },
      ]);
      const r = await report();
      const passes = r.checks.filter((c) => c.status === 'pass').map((c) => c.id);
      assert.deepEqual(passes, [], `${kind}: nothing passes`);
      assert.ok(r.checks.filter((c) => c.status === 'unknown').length >= 15);
      assert.equal(r.access.length, 0);
      assert.ok(r.accessUnknown);
    });
  }

  it('latency beyond the request timeout makes results unknown, not passes', async () => {
    server.setFaults([{ kind: 'latency', ms: 1500, operation: 'bedrock:GetModelInvocationLoggingConfiguration' }]);
    const r = await report();
    assertNoFalsePass(r, DEPENDS['bedrock:GetModelInvocationLoggingConfiguration']!, 'timeout');
    assert.match(r.checks.find((c) => c.id === 'logging.invocation-logging-enabled')!.message, /Timed out|TimeoutError/);
  });

  it('the strong baseline has no unknown except the unread log encryption', () => {
    assert.deepEqual(
      baseline.checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status]),
      [
        ['account.long-term-credentials', 'warn'], // the test environment uses static keys
        ['logging.destination-encrypted', 'unknown'],
      ],
    );
  });
});
