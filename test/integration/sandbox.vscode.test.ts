import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GenaiGuardApi } from '../../src/extension/extension';
import type { Draft, ToWebview } from '../../src/webview/protocol';
import { startRuntimeServer, type RuntimeTestServer } from '../bedrock-runtime-server/server';

const EXTENSION_ID = 'genai-guard.genai-guard';
const EMAIL = 'mei.ling@example.com';
const CARD = '4111 1111 1111 1111';
const KEY = 'AKIAZ7FAKEFIXTURE234';

async function api(): Promise<GenaiGuardApi> {
  const ext = vscode.extensions.getExtension<GenaiGuardApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
  return ext.activate();
}

const of = <T extends ToWebview['type']>(msgs: readonly ToWebview[], type: T) => msgs.filter((m): m is Extract<ToWebview, { type: T }> => m.type === type);

describe('prompt sandbox in a real VS Code (local bedrock-runtime server)', function () {
  this.timeout(60_000);
  let server: RuntimeTestServer;
  const saved = { ...process.env };
  /** Calls that could carry a prompt (the model listing carries none). */
  const runtimeCalls = () => server.requests.filter((r) => r.operation === 'ConverseStream' || r.operation === 'Converse').length;

  before(async () => {
    server = await startRuntimeServer();
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, server.endpointEnv(), {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'simulated-secret-for-local-tests-only',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    });
  });
  after(async () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await server.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('review shows the diff, send streams the re-identified answer, and nothing sensitive reaches the server', async () => {
    const sandbox = (await api()).openPromptSandbox();
    const draft: Draft = {
      system: 'You are a support assistant.',
      turns: [{ role: 'user', text: `Refund card ${CARD} and confirm by mail to ${EMAIL}. Our key ${KEY} fails too.` }],
      modelId: 'amazon.nova-lite-v1:0',
      region: 'us-east-1',
      maxTokens: 256,
      guardrailId: '',
      guardrailVersion: '',
    };
    const decisions = { restore: [], mark: [] };
    const [review] = await sandbox.postFromWebview({ type: 'review', reviewId: 100, draft, decisions });
    assert.ok(review?.type === 'review', JSON.stringify(review));
    const types = review.channels.flatMap((c) => c.segments).flatMap((s) => (s.kind === 'entity' ? [s.type] : []));
    assert.deepEqual(types.sort(), ['AWS_ACCESS_KEY', 'CREDIT_CARD', 'EMAIL']);
    assert.ok(!review.requestJson.includes(EMAIL) && review.requestJson.includes('[EMAIL_1]'));
    assert.equal(runtimeCalls(), 0, 'review sends nothing');

    const out = await sandbox.postFromWebview({ type: 'send', requestId: 100, reviewId: 100, draft, decisions });
    const [done] = of(out, 'done');
    assert.ok(done, JSON.stringify(out.filter((m) => m.type === 'error')));
    assert.equal(done.stopReason, 'end_turn');
    const answer = of(out, 'delta').map((d) => d.text).join('');
    assert.ok(answer.includes(EMAIL) && answer.includes(CARD), `re-identified: ${answer}`);
    assert.ok(answer.includes('[AWS_ACCESS_KEY_1]'), 'the key stays a placeholder');
    const body = server.allBodies();
    for (const v of [EMAIL, CARD, KEY]) assert.ok(!body.includes(v), `the server received ${v}`);
    assert.equal(runtimeCalls(), 1);
  });

  it('sends nothing for a draft that was not reviewed, and rejects malformed messages', async () => {
    const sandbox = (await api()).openPromptSandbox();
    const before = runtimeCalls();
    const draft: Draft = { system: '', turns: [{ role: 'user', text: `mail ${EMAIL}` }], modelId: 'm', region: 'us-east-1', guardrailId: '', guardrailVersion: '' };
    const out = await sandbox.postFromWebview({ type: 'send', requestId: 200, reviewId: 9999, draft, decisions: { restore: [], mark: [] } });
    assert.equal(of(out, 'error')[0]?.kind, 'stale');
    assert.deepEqual(await sandbox.postFromWebview({ type: 'send', requestId: -1, draft: 'x' }), []);
    assert.equal(runtimeCalls(), before);
  });

  it('a .prompt file gets its language, grammar, CodeLens and scanner findings, and opens in the sandbox', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'prompts', 'refund.prompt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`---\nmodel: anthropic.claude-3-haiku-20240307-v1:0\ntemperature: 0.2\n---\n@system\nBe brief.\n\n@user\nRefund ${EMAIL}; key = "${KEY}"\n`));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'genai-prompt');
    const findings = await (await api()).scanDocument(uri);
    assert.ok(findings.some((f) => f.ruleId === 'GG-SEC-001'), 'the scanner scans prompt files');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses.some((l) => l.command?.command === 'genaiGuard.openPromptFileInSandbox'), 'CodeLens to open it');

    const sandbox = (await api()).openPromptSandbox();
    await vscode.commands.executeCommand('genaiGuard.openPromptFileInSandbox', uri);
    let init = of(sandbox.posted, 'init').find((m) => m.draft);
    if (!init) init = of(await sandbox.postFromWebview({ type: 'ready' }), 'init').find((m) => m.draft);
    assert.ok(init?.draft, 'the panel received the prompt file');
    assert.equal(init.draft.modelId, 'anthropic.claude-3-haiku-20240307-v1:0');
    assert.equal(init.draft.temperature, 0.2);
    assert.equal(init.draft.system, 'Be brief.');
    assert.deepEqual(init.draft.turns.map((t) => t.role), ['user']);
    assert.ok(init.models.some((m) => m.id === 'amazon.nova-lite-v1:0'), 'models listed from the account');
    await vscode.workspace.fs.delete(uri);
  });
});
