/**
 * The Bedrock posture view in a real VS Code extension host, against the local AWS server (weak scenario) started
 * here, in the extension host's own process: the extension's AWS SDK clients read the same `process.env`
 * (`AWS_ENDPOINT_URL_*`, static test credentials, `AWS_EC2_METADATA_DISABLED`).
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GenaiGuardApi } from '../../src/extension/extension';
import type { RenderedNode } from '../../src/extension/posture/controller';
import { type AwsTestEnv, setAwsTestEnv } from '../aws-server/env';
import { loadScenario } from '../aws-server/scenario';
import { type AwsTestServer, startAwsServer } from '../aws-server/server';

const EXTENSION_ID = 'genai-guard.genai-guard';

async function api(): Promise<GenaiGuardApi> {
  const ext = vscode.extensions.getExtension<GenaiGuardApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
  return ext.activate();
}

function node(nodes: RenderedNode[] | undefined, label: string | RegExp): RenderedNode {
  const n = (nodes ?? []).find((x) => (typeof label === 'string' ? x.label === label : label.test(x.label)));
  assert.ok(n, `no node ${String(label)} among ${(nodes ?? []).map((x) => x.label).join(', ')}`);
  return n;
}

describe('Bedrock posture view in a real VS Code (local AWS server, weak scenario)', function () {
  this.timeout(60_000);
  let server: AwsTestServer;
  let env: AwsTestEnv;
  let guard: GenaiGuardApi;
  const config = () => vscode.workspace.getConfiguration('genaiGuard');

  before(async () => {
    server = await startAwsServer({ scenario: loadScenario('weak') });
    env = setAwsTestEnv(server, { extra: { GENAI_GUARD_SIMULATED_ACCOUNT: '1' } });
    guard = await api();
    await config().update('aws.profile', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('aws.regions', ['us-east-1', 'eu-west-1'], vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.view.extension.genaiGuard-sidebar');
  });

  after(async () => {
    await config().update('aws.regions', undefined, vscode.ConfigurationTarget.Workspace);
    env.restore();
    await server.close();
  });

  afterEach(() => {
    server.setFaults([]);
    guard.posture.setFilter(undefined);
  });

  it('reads the simulated weak account and shows its problems in the tree', async () => {
    const report = await vscode.commands.executeCommand<GenaiGuardApi['posture']['report']>('genaiGuard.posture.refresh');
    assert.ok(report, 'the refresh command returns the report');
    assert.equal(guard.posture.state, 'ready');
    const tree = await guard.posture.tree(2);
    assert.deepEqual(tree.map((n) => n.label), ['Account', 'Models', 'Access', 'Logging', 'Guardrails', 'Custom models & encryption', 'Network', 'Keys']);
    assert.equal(node(tree, 'Account').description, 'default credentials · weak-genai-co (111122223333) · us-east-1, eu-west-1 · simulated');
    const guardrails = node(tree, 'Guardrails');
    assert.equal(guardrails.icon, 'fail');
    const promptAttack = node(guardrails.children, /^Prompt attacks are blocked/);
    assert.equal(promptAttack.icon, 'fail');
    const keys = node(tree, 'Keys');
    assert.match(node(keys.children, /long-term Bedrock API keys/).description ?? '', /fail/);
    assert.equal(node(tree, 'Logging').description, '4 fail');
    // The demo workspace uses Claude 3.5 Sonnet: the model is marked.
    const models = node(tree, 'Models');
    assert.match(node(models.children, 'us-east-1').description ?? '', /used in code/);
  });

  it('shows who can invoke which model, with the deciding statement in the tooltip', async () => {
    const tree = await guard.posture.tree(4);
    const matrix = node(node(tree, 'Access').children, 'Principals × models');
    const alice = node(matrix.children, 'dev-alice');
    const cell = node(alice.children, /^anthropic\.claude-3-5-sonnet-20240620-v1:0 · us-east-1/);
    assert.equal(cell.icon, 'allow');
    assert.match(cell.tooltip ?? '', /Deciding statement: Allow in bedrock-everything \(inline\) statement #0 "AllBedrock"/);
  });

  it('filters access by principal or model', async () => {
    await vscode.commands.executeCommand('genaiGuard.posture.filterAccess', 'analyst');
    const tree = await guard.posture.tree(3);
    const matrix = node(node(tree, 'Access').children, 'Principals × models');
    assert.deepEqual(matrix.children?.map((p) => p.label), ['analyst-bob']);
    await vscode.commands.executeCommand('genaiGuard.posture.filterAccess', '');
    assert.equal(node((await guard.posture.tree(3)).find((n) => n.label === 'Access')?.children, 'Principals × models').children?.length, 9);
  });

  it('shows unknown (AccessDenied: …) nodes when a read is denied, and never a pass', async () => {
    server.setFaults([{ kind: 'accessDenied', operation: 'GetModelInvocationLoggingConfiguration' }]);
    await guard.posture.refresh();
    const logging = node(await guard.posture.tree(2), 'Logging');
    assert.equal(logging.icon, 'unknown');
    assert.match(node(logging.children, 'Configuration · us-east-1').description ?? '', /^unknown \(AccessDeniedException: /);
    assert.ok(guard.posture.report?.checks.filter((c) => c.id.startsWith('logging.')).every((c) => c.status === 'unknown'));
  });

  it('runs the reconnaissance-like reads only when a node is expanded', async () => {
    await guard.posture.refresh();
    assert.ok(!server.requests.some((r) => r.operation === 'GetFoundationModelAvailability'));
    const nodes = await guard.posture.expand('model:arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0:availability');
    assert.match(node(nodes, 'Availability').description ?? '', /agreement NOT_AVAILABLE/);
    assert.equal(server.requests.filter((r) => r.operation === 'GetFoundationModelAvailability').length, 1);
  });

  it('exports the posture as JSON and Markdown', async () => {
    const json = vscode.Uri.file(path.join(tmpdir(), `gg-posture-${process.pid}.json`));
    const md = vscode.Uri.file(path.join(tmpdir(), `gg-posture-${process.pid}.md`));
    try {
      await vscode.commands.executeCommand('genaiGuard.posture.export', 'json', json);
      const parsed = JSON.parse(readFileSync(json.fsPath, 'utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(parsed), ['account', 'regions', 'checks', 'access']);
      await vscode.commands.executeCommand('genaiGuard.posture.export', 'markdown', md);
      assert.match(readFileSync(md.fsPath, 'utf8'), /^# Amazon Bedrock access posture[\s\S]*simulated/);
    } finally {
      rmSync(json.fsPath, { force: true });
      rmSync(md.fsPath, { force: true });
    }
  });

  it('picks up new credentials on refresh, and shows the welcome when there are none', async () => {
    const key = process.env['AWS_ACCESS_KEY_ID'];
    const secret = process.env['AWS_SECRET_ACCESS_KEY'];
    delete process.env['AWS_ACCESS_KEY_ID'];
    delete process.env['AWS_SECRET_ACCESS_KEY'];
    try {
      await guard.posture.refresh();
      assert.equal(guard.posture.state, 'noCredentials');
      assert.deepEqual(await guard.posture.tree(0), [], 'an empty tree shows the viewsWelcome "configure credentials" content');
    } finally {
      process.env['AWS_ACCESS_KEY_ID'] = key;
      process.env['AWS_SECRET_ACCESS_KEY'] = secret;
    }
    await guard.posture.refresh();
    assert.equal(guard.posture.state, 'ready', 'no reload needed');
  });
});
