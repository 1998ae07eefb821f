import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { parsePostureArgs } from '../../src/cli/postureCommand';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import { loadScenario } from '../aws-server/scenario';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { cwd: process.cwd(), isTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

describe('genai-guard posture (CLI contract, in-process against the local AWS server)', function () {
  this.timeout(30_000);
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
    env = setAwsTestEnv(server, { extra: { AWS_MAX_ATTEMPTS: '1' } });
  });
  afterEach(() => env.restore());

  it('prints exactly the JSON contract', async () => {
    const { code, out, err } = await run(['posture', '--region', 'us-east-1,eu-west-1', '--format', 'json']);
    assert.equal(code, 0, err);
    const json = JSON.parse(out) as Record<string, unknown> & {
      account: Record<string, unknown>;
      regions: string[];
      checks: Record<string, unknown>[];
      access: { principal: string; model: string; decision: string; statement: Record<string, unknown> | null }[];
    };
    assert.deepEqual(Object.keys(json), ['account', 'regions', 'checks', 'access']);
    assert.equal(json.account['id'], '111122223333');
    assert.equal(json.account['alias'], 'weak-genai-co');
    assert.deepEqual(json.regions, ['us-east-1', 'eu-west-1']);
    for (const c of json.checks) {
      assert.deepEqual(Object.keys(c), ['id', 'status', 'severity', 'region', 'resource', 'message']);
      assert.ok(['pass', 'fail', 'warn', 'unknown', 'error'].includes(c['status'] as string));
      assert.ok(['critical', 'high', 'medium', 'low', 'info'].includes(c['severity'] as string));
    }
    const ids = new Set(json.checks.map((c) => c['id']));
    for (const id of [
      'logging.invocation-logging-enabled',
      'logging.text-data-captured',
      'guardrails.present',
      'guardrails.prompt-attack-blocking',
      'guardrails.sensitive-info-enforced',
      'guardrails.contextual-grounding',
      'guardrails.account-enforced',
      'access.wildcard-invoke',
      'access.full-access-policy',
      'access.logging-tamper',
      'access.guardrail-tamper',
      'keys.long-term-api-keys',
      'keys.api-key-owner-privileged',
      'custom-models.cmk',
      'agents.guardrail-attached',
      'knowledge-bases.cmk',
      'network.bedrock-vpc-endpoints',
      'models.legacy-in-use',
    ]) {
      assert.ok(ids.has(id), id);
    }
    assert.equal(json.access.length, 9 * 7);
    for (const a of json.access) {
      assert.deepEqual(Object.keys(a), ['principal', 'model', 'decision', 'statement']);
      assert.ok(['allow', 'explicitDeny', 'implicitDeny', 'conditional'].includes(a.decision));
    }
    const alice = json.access.find((a) => a.principal.endsWith(':user/dev-alice') && a.model.endsWith('anthropic.claude-v2:1'))!;
    assert.deepEqual(alice, { principal: 'arn:aws:iam::111122223333:user/dev-alice', model: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1', decision: 'allow', statement: { policy: 'bedrock-everything', kind: 'inline', sid: 'AllBedrock', index: 0, effect: 'Allow' } });
    const github = json.access.find((a) => a.principal.endsWith(':role/github-deploy'))!;
    assert.deepEqual([github.decision, github.statement], ['implicitDeny', null]);
  });

  it('shows conditional decisions with the condition (strong account)', async () => {
    server.scenario = loadScenario('strong');
    const { code, out } = await run(['posture', '--region', 'us-east-1', '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(out) as { access: { principal: string; model: string; decision: string; statement: { sid?: string; conditions?: string[] } | null }[] };
    const cell = json.access.find((a) => a.principal.endsWith('role/chat-app') && a.model.endsWith('claude-3-5-sonnet-20240620-v1:0'))!;
    assert.equal(cell.decision, 'conditional');
    assert.equal(cell.statement?.sid, 'InvokeSonnetGuarded');
    assert.deepEqual(cell.statement?.conditions, ['if StringEquals bedrock:GuardrailIdentifier = arn:aws:bedrock:us-east-1:111122223333:guardrail/gr0strong001:2']);
  });

  it('prints text and markdown reports', async () => {
    const text = await run(['posture', '--region', 'us-east-1']);
    assert.equal(text.code, 0);
    assert.match(text.out, /^Amazon Bedrock access posture — weak-genai-co \(111122223333\)/);
    assert.match(text.out, /FAIL critical keys\.long-term-api-keys \[global\] Bedrock API key "chat-prototype" ACCAWEAKNOEXPIRY0001 of BedrockAPIKey-x7k2 is active and never expires/);
    const md = await run(['posture', '--region', 'us-east-1', '--format', 'markdown']);
    assert.equal(md.code, 0);
    assert.match(md.out, /^# Amazon Bedrock access posture/);
    assert.match(md.out, /## Guardrails \(/);
    assert.match(md.out, /\| ❌ fail \| high \| `guardrails\.prompt-attack-blocking` \| us-east-1 \|/);
    assert.match(md.out, /## Who can invoke which model/);
  });

  it('takes regions from AWS_REGION by default and the profile from --profile', async () => {
    writeFileSync(env.credentialsFile, '[audit]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n');
    writeFileSync(env.configFile, '[profile audit]\nregion = eu-west-1\n');
    delete process.env['AWS_ACCESS_KEY_ID'];
    delete process.env['AWS_SECRET_ACCESS_KEY'];
    delete process.env['AWS_REGION'];
    const { code, out, err } = await run(['posture', '--profile', 'audit', '--format', 'json']);
    assert.equal(code, 0, err);
    const json = JSON.parse(out) as { account: { profile: string; credentialSource: string }; regions: string[] };
    assert.deepEqual(json.regions, ['eu-west-1'], "the profile's region");
    assert.equal(json.account.profile, 'audit');
    assert.equal(json.account.credentialSource, 'static');
  });

  it('exits 2 with the fix when there are no credentials', async () => {
    delete process.env['AWS_ACCESS_KEY_ID'];
    delete process.env['AWS_SECRET_ACCESS_KEY'];
    const { code, out, err } = await run(['posture', '--region', 'us-east-1']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /No AWS credentials found.*aws configure sso/);
  });

  it('exits 2 when the credentials are rejected', async () => {
    server.setFaults([{ kind: 'expiredToken', operation: 'sts:GetCallerIdentity' }]);
    const { code, err } = await run(['posture', '--region', 'us-east-1']);
    assert.equal(code, 2);
    assert.match(err, /expired/);
  });

  it('exits 0 with unknown results when reads are denied', async () => {
    server.setFaults([{ kind: 'accessDenied', service: 'bedrock' }]);
    const { code, out } = await run(['posture', '--region', 'us-east-1', '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(out) as { checks: { id: string; status: string; message: string }[] };
    const logging = json.checks.find((c) => c.id === 'logging.invocation-logging-enabled')!;
    assert.equal(logging.status, 'unknown');
    assert.match(logging.message, /Access denied \(AccessDeniedException/);
  });

  it('rejects bad usage with exit 2', async () => {
    for (const args of [
      ['posture', '--format', 'sarif'],
      ['posture', '--region', 'not a region'],
      ['posture', 'extra'],
      ['posture', '--bogus'],
    ]) {
      const { code, err } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /genai-guard: /);
    }
    assert.deepEqual(parsePostureArgs(['--region', 'us-east-1,eu-west-1', '--region', 'us-east-1', '-f', 'markdown']), { regions: ['us-east-1', 'eu-west-1'], format: 'markdown' });
    const help = await run(['posture', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /genai-guard posture \[--profile P\] \[--region R\[,R\.\.\.\]\] \[--format text\|json\|markdown\]/);
    assert.match((await run(['--help'])).out, /genai-guard posture/);
  });
});
