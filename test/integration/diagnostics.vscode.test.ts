import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GenaiGuardApi } from '../../src/extension/extension';

const EXTENSION_ID = 'genai-guard.genai-guard';
const FAKE_KEY = 'AKIAZ7FAKEFIXTURE234';

async function api(): Promise<GenaiGuardApi> {
  const ext = vscode.extensions.getExtension<GenaiGuardApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
  return ext.activate();
}

function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'genai-guard');
}

/** Waits for VS Code to publish diagnostics for a uri that satisfy a predicate (event-driven, bounded). */
function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    if (predicate(ours(uri))) return resolve(ours(uri));
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for diagnostics on ${uri.path}; have ${JSON.stringify(ours(uri).map((d) => d.message))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && predicate(ours(uri))) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ours(uri));
      }
    });
  });
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : undefined;
}

describe('GenAI Guard in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('genaiGuard').update('rules.severityOverrides', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('activates and returns its API', async () => {
    const guard = await api();
    assert.match(guard.version, /^\d+\.\d+\.\d+/);
  });

  it('reports a hardcoded AWS key in demo/app/chat.py with source, rule code, docs link and exact range', async () => {
    const uri = workspaceUri('app', 'chat.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = (await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'GG-SEC-001'))).filter((d) => codeOf(d) === 'GG-SEC-001');
    const text = doc.getText();
    const keys = [...text.matchAll(/AKIA[A-Z2-7]{16}/g)];
    assert.ok(keys.length >= 2, 'the demo has an active and a suppressed key');
    // Every diagnostic sits exactly on a key, and the suppressed key has none.
    for (const d of diags) {
      assert.equal(d.source, 'genai-guard');
      assert.equal(codeOf(d), 'GG-SEC-001');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(doc.getText(d.range), /^AKIA[A-Z2-7]{16}$/);
      assert.ok(!d.message.includes(doc.getText(d.range)), 'the message never shows the whole key');
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      assert.ok(target?.path.endsWith('/dist/rules/GG-SEC-001.md'), `docs link: ${target?.toString()}`);
    }
    const suppressedLines = keys.filter((k) => doc.lineAt(doc.positionAt(k.index).line).text.includes('genai-guard-ignore GG-SEC-001'));
    assert.equal(suppressedLines.length, 1);
    assert.equal(diags.length, keys.length - 1, 'one diagnostic per unsuppressed key');
    const all = (await api()).getFindings(uri).filter((f) => f.ruleId === 'GG-SEC-001');
    assert.equal(all.filter((f) => f.suppressed).length, 1, 'the suppressed finding is kept, marked suppressed');
  });

  it('reports over-broad IAM in Terraform (jsonencode) and CloudFormation (short tags) exactly on the action', async () => {
    for (const [segments, needle] of [
      [['infra', 'terraform', 'main.tf'], 'Action   = "bedrock:*"'],
      [['infra', 'cloudformation', 'template.yaml'], 'Action: "bedrock:*"'],
    ] as const) {
      const uri = workspaceUri(...segments);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diags = await diagnosticsWhere(uri, (ds) => ds.some((d) => codeOf(d) === 'GG-IAM-002'));
      const d = diags.find((x) => codeOf(x) === 'GG-IAM-002')!;
      const offset = doc.getText().indexOf(needle) + needle.indexOf('bedrock:*');
      assert.equal(doc.getText(d.range), 'bedrock:*', `range of GG-IAM-002 in ${segments.join('/')}`);
      assert.equal(doc.offsetAt(d.range.start), offset);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /bedrock:\*.*every resource/);
    }
  });

  it('reacts as you type: a pasted key appears, deleting it clears the diagnostic', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import boto3\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), `key = "${FAKE_KEY}"\n`));
    const [d] = await diagnosticsWhere(doc.uri, (ds) => ds.length === 1);
    assert.deepEqual([d!.range.start.line, d!.range.start.character, d!.range.end.character], [1, 7, 27]);
    await editor.edit((e) => e.delete(new vscode.Range(1, 0, 2, 0)));
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 0);
  });

  it('a suppression comment silences the finding and removing it brings it back', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: `const k = '${FAKE_KEY}';\n` });
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 1);
    const end = doc.lineAt(0).range.end;
    await editor.edit((e) => e.insert(end, ' // genai-guard-ignore GG-SEC-001: fake key'));
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 0);
    await editor.edit((e) => e.delete(new vscode.Range(0, end.character, 0, doc.lineAt(0).text.length)));
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 1);
  });

  it('applies a severity override from settings without a reload', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: `k = "${FAKE_KEY}"\n` });
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Error);
    await vscode.workspace.getConfiguration('genaiGuard').update('rules.severityOverrides', { 'GG-SEC-001': 'warning' }, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(doc.uri, (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Warning);
  });

  it('Scan Workspace finds problems in files that were never opened, and they survive closing', async () => {
    const uri = workspaceUri('scripts', 'deploy.sh');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${FAKE_KEY}\n`));
    const result = await (await api()).scanWorkspace();
    assert.ok(result.files >= 5, `scanned ${result.files} files`);
    const [d] = await diagnosticsWhere(uri, (ds) => ds.length === 1);
    assert.equal(d!.range.start.line, 1);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await (await api()).whenIdle();
    assert.equal(ours(uri).length, 1, 'workspace-scan results are kept after the file closes');
    await vscode.workspace.fs.delete(uri);
  });

  it('the prompt sandbox redacts secrets locally and rejects malformed messages', async () => {
    const sandbox = (await api()).openPromptSandbox();
    const draft = { system: '', turns: [{ role: 'user', text: `why does ${FAKE_KEY} fail?` }], modelId: 'm', region: 'us-east-1', guardrailId: '', guardrailVersion: '' };
    const [reply] = await sandbox.postFromWebview({ type: 'review', reviewId: 7, draft, decisions: { restore: [], mark: [] } });
    assert.ok(reply?.type === 'review' && reply.reviewId === 7, JSON.stringify(reply));
    assert.match(reply.requestJson, /why does \[AWS_ACCESS_KEY_1\] fail\?/);
    assert.ok(!reply.requestJson.includes(FAKE_KEY));
    assert.deepEqual(await sandbox.postFromWebview({ type: 'review', reviewId: 'x', draft: 1 }), []);
    assert.deepEqual(await sandbox.postFromWebview('<script>'), []);
  });
});
