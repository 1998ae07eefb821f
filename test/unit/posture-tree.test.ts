import * as assert from 'node:assert/strict';
import { collectPosture } from '../../src/aws';
import { baseModelId, consoleUrl, evaluatePosture, findModelReferences } from '../../src/engine/posture';
import type { PostureSnapshot } from '../../src/engine/posture/snapshot';
import { type PostureNode, buildRoots, flatten } from '../../src/extension/posture/nodes';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import { loadScenario } from '../aws-server/scenario';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';

const NOW = new Date('2026-10-15T00:00:00Z');

function find(nodes: PostureNode[], pred: (n: PostureNode) => boolean): PostureNode {
  const n = flatten(nodes).find(pred);
  assert.ok(n, 'node exists');
  return n;
}

function child(n: PostureNode, label: string | RegExp): PostureNode {
  const c = (n.children?.() ?? []).find((x) => (typeof label === 'string' ? x.label === label : label.test(x.label)));
  assert.ok(c, `${n.label} has a child ${String(label)}: ${(n.children?.() ?? []).map((x) => x.label).join(', ')}`);
  return c;
}

describe('posture tree (plain data, no vscode)', function () {
  this.timeout(20_000);
  let server: AwsTestServer;
  let env: AwsTestEnv;
  let weak: PostureSnapshot;
  let denied: PostureSnapshot;

  before(async () => {
    server = await startAwsServer({ scenario: loadScenario('weak') });
    env = setAwsTestEnv(server);
    weak = await collectPosture({ regions: ['us-east-1', 'eu-west-1'], maxAttempts: 1 });
    server.setFaults([
      { kind: 'accessDenied', operation: 'ListGuardrails', message: 'User: arn:aws:sts::111122223333:assumed-role/ReadOnly/x is not authorized to perform: bedrock:ListGuardrails' },
      { kind: 'accessDenied', operation: 'GetAccountAuthorizationDetails' },
    ]);
    denied = await collectPosture({ regions: ['us-east-1'], maxAttempts: 1 });
  });
  after(async () => {
    env.restore();
    await server.close();
  });

  function roots(snapshot: PostureSnapshot, extra: { filter?: string; simulated?: boolean } = {}): PostureNode[] {
    const usage = new Map([
      ['anthropic.claude-3-5-sonnet-20240620-v1:0', [{ file: 'app/chat.py', line: 45 }]],
      ['us.anthropic.claude-3-5-sonnet-20240620-v1:0', [{ file: 'app/config.ts', line: 21 }]],
    ]);
    const report = evaluatePosture(snapshot, { now: NOW, usedModelIds: usage.keys(), simulated: extra.simulated ?? false });
    return buildRoots({
      report,
      snapshot,
      usage,
      ...(extra.filter ? { filter: extra.filter } : {}),
      lazy: {
        availability: (region, modelId) => Promise.resolve({ status: 'ok', value: { region, modelId, authorizationStatus: 'AUTHORIZED', agreementStatus: 'AVAILABLE', entitlementAvailability: 'AVAILABLE', regionAvailability: 'AVAILABLE' } }),
        offers: (region, modelId) => Promise.resolve({ status: 'ok', value: { region, modelId, offers: [] } }),
        useCase: () => Promise.resolve({ status: 'unknown', operation: 'bedrock:GetUseCaseForModelAccess', cause: 'accessDenied', reason: 'Access denied (AccessDeniedException: no)' }),
      },
    });
  }

  it('has the issue\'s groups in order, each with a status icon and counts', () => {
    const r = roots(weak, { simulated: true });
    assert.deepEqual(r.map((n) => n.label), ['Account', 'Models', 'Access', 'Logging', 'Guardrails', 'Custom models & encryption', 'Network', 'Keys']);
    assert.equal(r[0]!.description, 'default credentials · weak-genai-co (111122223333) · us-east-1, eu-west-1 · simulated');
    assert.equal(r[0]!.icon, 'cloud');
    for (const g of r.slice(1)) assert.match(g.description ?? '', /\d+ (fail|pass|warn|unknown)/, g.label);
    assert.equal(r.find((n) => n.label === 'Logging')!.icon, 'fail');
    assert.equal(r.find((n) => n.label === 'Keys')!.description, '4 fail');
  });

  it('shows models with lifecycle, workspace use and who can invoke them', () => {
    const models = roots(weak).find((n) => n.label === 'Models')!;
    const us = child(models, 'us-east-1');
    assert.equal(us.description, '5 models · 1 used in code · 2 legacy');
    const [first] = us.children!();
    assert.equal(first!.label, 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'used models first');
    assert.match(first!.description ?? '', /^● used in code · 8 can invoke$/);
    assert.equal(first!.consoleUrl, 'https://us-east-1.console.aws.amazon.com/bedrock/home?region=us-east-1#/model-catalog/serverless/anthropic.claude-3-5-sonnet-20240620-v1%3A0');
    const uses = first!.children!();
    assert.deepEqual(uses.filter((u) => u.open).map((u) => u.label), ['app/chat.py:45', 'app/config.ts:21']);
    const who = child(first!, 'Who can invoke');
    assert.equal(who.children!().length, 8);
    const legacy = us.children!().find((m) => m.label === 'anthropic.claude-v2:1')!;
    assert.equal(legacy.icon, 'legacy-model');
    assert.match(legacy.description ?? '', /LEGACY · EOL 2026-12-31/);
  });

  it('loads availability only when the lazy node is expanded', async () => {
    const models = roots(weak).find((n) => n.label === 'Models')!;
    const model = child(child(models, 'us-east-1'), 'meta.llama3-8b-instruct-v1:0');
    const lazy = child(model, 'Availability & agreements');
    assert.ok(lazy.load && !lazy.children, 'no synchronous children');
    const [availability] = await lazy.load();
    assert.match(availability!.description ?? '', /authorization AUTHORIZED/);
    const useCase = child(models, /^Anthropic use-case form · us-east-1/);
    const [u] = await useCase.load!();
    assert.equal(u!.description, 'unknown (AccessDeniedException: no)');
  });

  it('shows principal × model with the deciding statement in the tooltip, and filters', () => {
    const access = roots(weak).find((n) => n.label === 'Access')!;
    const matrix = child(access, 'Principals × models');
    const principals = matrix.children!();
    assert.equal(principals.length, 9);
    assert.match(principals[0]!.description ?? '', /you/, 'the caller first');
    const alice = principals.find((p) => p.label === 'dev-alice')!;
    assert.equal(alice.consoleUrl, 'https://console.aws.amazon.com/iam/home#/users/details/dev-alice?section=permissions');
    const cell = alice.children!().find((c) => c.label.startsWith('anthropic.claude-v2:1'))!;
    assert.equal(cell.icon, 'allow');
    assert.equal(cell.description, 'allowed · bedrock-everything (AllBedrock)');
    assert.match(cell.tooltip ?? '', /Deciding statement: Allow in bedrock-everything \(inline\) statement #0 "AllBedrock"/);
    const github = principals.find((p) => p.label === 'github-deploy')!;
    assert.deepEqual(github.children!().map((c) => c.label), ['7 models not allowed']);

    const byModel = roots(weak, { filter: 'llama' }).find((n) => n.label === 'Access')!;
    const filtered = child(byModel, 'Principals × models');
    assert.equal(byModel.expanded, true);
    assert.ok(filtered.children!().length > 0);
    for (const p of filtered.children!()) for (const c of p.children!()) assert.match(c.label, /llama|not allowed/);
    const byPrincipal = child(roots(weak, { filter: 'bob' }).find((n) => n.label === 'Access')!, 'Principals × models');
    assert.deepEqual(byPrincipal.children!().map((p) => p.label), ['analyst-bob']);
    assert.equal(child(roots(weak, { filter: 'bob' }).find((n) => n.label === 'Access')!, /^Filter:/).label, 'Filter: "bob"');
  });

  it('shows unknown (AccessDenied: …) nodes for what could not be read', () => {
    const r = roots(denied);
    const guardrails = r.find((n) => n.label === 'Guardrails')!;
    assert.equal(guardrails.icon, 'fail', 'the agent without guardrail still fails');
    const inventory = child(guardrails, 'Guardrails · us-east-1');
    assert.match(inventory.description ?? '', /^unknown \(AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role\/ReadOnly\/x is not authorized to perform: bedrock:ListGuardrails\)$/);
    const present = child(guardrails, 'At least one guardrail exists');
    assert.equal(present.icon, 'unknown');
    assert.match(present.description ?? '', /^unknown \(AccessDeniedException: /);
    const access = r.find((n) => n.label === 'Access')!;
    assert.equal(access.icon, 'unknown');
    assert.match(child(access, 'Principals × models').description ?? '', /^unknown \(AccessDenied: /);
  });

  it('gives console links to nodes that have a page', () => {
    const all = flatten(roots(weak), 3);
    const withLinks = all.filter((n) => n.consoleUrl);
    assert.ok(withLinks.length > 10);
    assert.ok(withLinks.every((n) => n.contextValue === 'posture.console' && n.consoleUrl!.startsWith('https://')));
    assert.equal(find(roots(weak), (n) => n.label === 'Account').consoleUrl, 'https://console.aws.amazon.com/billing/home#/account');
    assert.equal(consoleUrl({ kind: 'vpc-endpoints', region: 'cn-north-1' }, 'aws-cn'), 'https://console.amazonaws.cn/vpcconsole/home?region=cn-north-1#Endpoints:');
  });
});

describe('workspace model usage (regex scan)', () => {
  it('finds model ids, profile ids and ARNs in code, not look-alikes', () => {
    const text = [
      'MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0"',
      "const fast = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';",
      'embed: amazon.titan-embed-text-v2:0',
      'arn = "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0"',
      'nova = "amazon.nova-pro-v1:0"  # and global.anthropic.claude-sonnet-4-20250514-v1:0',
      'see https://aws.amazon.com/bedrock and amazon.com, meta.json, anthropic.md',
      'MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0"  # again',
    ].join('\n');
    const refs = findModelReferences(text);
    assert.deepEqual(
      refs.map((r) => [r.id, r.modelId, r.line]),
      [
        ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 1],
        ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic.claude-3-5-haiku-20241022-v1:0', 2],
        ['amazon.titan-embed-text-v2:0', 'amazon.titan-embed-text-v2:0', 3],
        ['meta.llama3-8b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0', 4],
        ['amazon.nova-pro-v1:0', 'amazon.nova-pro-v1:0', 5],
        ['global.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic.claude-sonnet-4-20250514-v1:0', 5],
      ],
    );
    assert.equal(baseModelId('arn:aws:bedrock:us-east-1:1:inference-profile/eu.amazon.nova-pro-v1:0'), 'amazon.nova-pro-v1:0');
    assert.equal(baseModelId('anthropic.claude-v2:1'), 'anthropic.claude-v2:1');
  });
});
