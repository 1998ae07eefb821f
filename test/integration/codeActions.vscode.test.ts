import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GenaiGuardApi } from '../../src/extension/extension';

const EXTENSION_ID = 'genai-guard.genai-guard';

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

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : undefined;
}

function ours(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'genai-guard' && (!ruleId || codeOf(d) === ruleId));
}

function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    if (predicate(ours(uri))) return resolve(ours(uri));
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for diagnostics on ${uri.path}; have ${JSON.stringify(ours(uri).map((d) => `${codeOf(d)} ${d.range.start.line}`))}`));
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

/** Opens a demo file, waits for a rule's diagnostic, and restores the file's bytes afterwards. */
async function open(segments: string[], ruleId: string): Promise<{ doc: vscode.TextDocument; diag: vscode.Diagnostic; restore: () => Promise<void> }> {
  const uri = workspaceUri(...segments);
  const original = await vscode.workspace.fs.readFile(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const [diag] = (await diagnosticsWhere(uri, (ds) => ds.some((d) => codeOf(d) === ruleId))).filter((d) => codeOf(d) === ruleId);
  const restore = async () => {
    for (const dirty of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
      await vscode.window.showTextDocument(dirty);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(uri, original);
  };
  return { doc, diag: diag!, restore };
}

async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return all.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'isPreferred' in a);
}

async function applyAction(uri: vscode.Uri, range: vscode.Range, title: RegExp, kind?: string): Promise<vscode.CodeAction> {
  const actions = await actionsAt(uri, range, kind);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `an action matching ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return action;
}

describe('Quick fixes, suppressions, hover and settings in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const c = vscode.workspace.getConfiguration('genaiGuard');
    for (const key of ['informationOnly', 'rules.disabledFamilies']) await c.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Python secret → os.environ["AWS_ACCESS_KEY_ID"] (preferred), added to .env.example, diagnostic gone after rescan', async () => {
    const { doc, diag, restore } = await open(['app', 'chat.py'], 'GG-SEC-001');
    const envUri = workspaceUri('.env.example');
    const envBefore = await vscode.workspace.fs.readFile(envUri);
    try {
      assert.deepEqual([diag.range.start.line, diag.range.start.character, diag.range.end.character], [20, 23, 43]);
      const titles = (await actionsAt(doc.uri, diag.range)).map((a) => a.title);
      assert.ok(titles.includes('Ignore GG-SEC-001 on this line…') && titles.includes('Ignore GG-SEC-001 in this file…'), JSON.stringify(titles));
      const action = await applyAction(doc.uri, diag.range, /^Read AWS_ACCESS_KEY_ID from the environment \(os\.environ\) and add it to \.env\.example$/);
      assert.equal(action.isPreferred, true);
      assert.equal(doc.lineAt(20).text, '    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],');
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-SEC-001'));
      const env = await vscode.workspace.openTextDocument(envUri);
      assert.equal(env.getText(), `${new TextDecoder().decode(envBefore)}AWS_ACCESS_KEY_ID=\n`);
    } finally {
      await restore();
      await vscode.workspace.fs.writeFile(envUri, envBefore);
    }
  });

  it('TypeScript secret → process.env.ANTHROPIC_API_KEY', async () => {
    const { doc, diag, restore } = await open(['app', 'config.ts'], 'GG-SEC-006');
    try {
      await applyAction(doc.uri, diag.range, /process\.env/);
      assert.equal(doc.lineAt(15).text, 'const ANTHROPIC_API_KEY = process.env.ANTHROPIC_API_KEY;');
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-SEC-006'));
    } finally {
      await restore();
    }
  });

  it('IAM policy JSON: Resource "*" on bedrock:InvokeModel* narrows to the models app/ uses', async () => {
    const { doc, diag, restore } = await open(['policies', 'bedrock-invoke-wildcard.json'], 'GG-IAM-003');
    try {
      assert.deepEqual([diag.range.start.line, diag.range.start.character], [7, 19]);
      await applyAction(doc.uri, diag.range, /model ARN/);
      const policy = JSON.parse(doc.getText()) as { Statement: { Resource: string[] }[] };
      assert.deepEqual(policy.Statement[0]!.Resource, [
        'arn:aws:bedrock:*:*:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0',
        'arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0',
        'arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
      ]);
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-IAM-003'));
    } finally {
      await restore();
    }
  });

  it('CloudFormation YAML: the notebook gets KmsKeyId from the template\'s KMS key', async () => {
    const { doc, diag, restore } = await open(['infra', 'cloudformation', 'template.yaml'], 'GG-ENC-006');
    try {
      assert.equal(doc.getText(diag.range), 'PromptLabInstance');
      await applyAction(doc.uri, diag.range, /KMS key GuardrailKey/);
      assert.equal(doc.lineAt(73).text, '      KmsKeyId: !GetAtt GuardrailKey.Arn');
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-ENC-006'));
    } finally {
      await restore();
    }
  });

  it('Terraform: adds the aws:SecureTransport deny statement; "fix all" turns on the whole public access block', async () => {
    const { doc, diag, restore } = await open(['infra', 'terraform', 'main.tf'], 'GG-ENC-005');
    try {
      const action = await applyAction(doc.uri, diag.range, /denies requests without TLS/);
      assert.equal(action.isPreferred, true);
      assert.match(doc.getText(), /Condition = \{ Bool = \{ "aws:SecureTransport" = "false" \} \}/);
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-ENC-005'));

      assert.equal(ours(doc.uri, 'GG-ENC-004').length, 4);
      const fixAll = await actionsAt(doc.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
      const all = fixAll.find((a) => /Fix all GG-ENC-004/.test(a.title));
      assert.ok(all?.edit, JSON.stringify(fixAll.map((a) => a.title)));
      assert.ok(await vscode.workspace.applyEdit(all.edit));
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-ENC-004'));
      assert.match(doc.getText(), /block_public_acls {7}= true\n {2}block_public_policy {5}= true/);
    } finally {
      await restore();
    }
  });

  it('"Ignore on this line…" writes a reasoned comment that silences; deleting it un-silences; "in this file" too', async () => {
    const { doc, diag, restore } = await open(['app', 'chat.py'], 'GG-SEC-002');
    try {
      const [ignore] = (await actionsAt(doc.uri, diag.range)).filter((a) => a.title === 'Ignore GG-SEC-002 on this line…');
      assert.ok(ignore?.command);
      assert.equal(await vscode.commands.executeCommand(ignore.command.command, ...((ignore.command.arguments ?? []) as unknown[]), 'rotated demo key'), true);
      assert.equal(doc.lineAt(21).text, '    # genai-guard-ignore-next-line GG-SEC-002: rotated demo key');
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-SEC-002'));
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.delete(new vscode.Range(21, 0, 22, 0)));
      await diagnosticsWhere(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'GG-SEC-002'));

      const d1 = ours(doc.uri, 'GG-SEC-001')[0]!;
      const [file] = (await actionsAt(doc.uri, d1.range)).filter((a) => a.title === 'Ignore GG-SEC-001 in this file…');
      assert.ok(file?.command);
      await vscode.commands.executeCommand(file.command.command, ...((file.command.arguments ?? []) as unknown[]), 'demo keys only');
      assert.equal(doc.lineAt(0).text, '# genai-guard-ignore-file GG-SEC-001: demo keys only');
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-SEC-001') && ds.some((d) => codeOf(d) === 'GG-SEC-002'));
    } finally {
      await restore();
    }
  });

  it('CloudFormation JSON has no comments: "Ignore on this line…" writes resource Metadata', async () => {
    const { doc, diag, restore } = await open(['infra', 'cloudformation', 'knowledge-base.json'], 'GG-ENC-012');
    try {
      const [ignore] = (await actionsAt(doc.uri, diag.range)).filter((a) => /^Ignore GG-ENC-012/.test(a.title));
      assert.ok(ignore?.command);
      await vscode.commands.executeCommand(ignore.command.command, ...((ignore.command.arguments ?? []) as unknown[]), 'pilot data only');
      const t = JSON.parse(doc.getText()) as { Resources: { VectorEncryptionPolicy: { Metadata: unknown } } };
      assert.deepEqual(t.Resources.VectorEncryptionPolicy.Metadata, { 'genai-guard': { ignore: [{ id: 'GG-ENC-012', reason: 'pilot data only' }] } });
      await diagnosticsWhere(doc.uri, (ds) => ds.every((d) => codeOf(d) !== 'GG-ENC-012'));
    } finally {
      await restore();
    }
  });

  it('the rule link opens the bundled page as a Markdown preview, not as source', async () => {
    const { diag, restore } = await open(['app', 'chat.py'], 'GG-SEC-001');
    try {
      const target = typeof diag.code === 'object' ? diag.code.target : undefined;
      assert.ok(target);
      const previewOpened = new Promise<void>((resolve) => {
        const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
          const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
          const preview = tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /GG-SEC-001/.test(t.label));
          const asText = tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString());
          if (preview && !asText) {
            sub.dispose();
            resolve();
          }
        });
      });
      await vscode.commands.executeCommand('vscode.open', target);
      await previewOpened;
    } finally {
      await restore();
    }
  });

  it('hover explains why and how, with the secret masked; the status item counts', async () => {
    const { doc, diag, restore } = await open(['app', 'chat.py'], 'GG-SEC-001');
    try {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, diag.range.start.translate(0, 2));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /GenAI Guard GG-SEC-001/);
      assert.match(text, /Why it matters/);
      assert.match(text, /How to fix/);
      assert.ok(text.includes('AKIA…DEMO'), 'the masked key is shown');
      assert.ok(!text.includes(doc.getText(diag.range)), 'the full key is never shown');
      const guard = await api();
      await guard.whenIdle();
      const status = guard.status();
      assert.match(status.text, /\d+ security issues?/);
      assert.match(status.detail ?? '', /\d+ errors?, \d+ warnings?, \d+ notes? in \d+ files?.*last scan/);
    } finally {
      await restore();
    }
  });

  it('settings take effect without a reload: information-only mode and disabled families', async () => {
    const { doc, restore } = await open(['app', 'chat.py'], 'GG-SEC-001');
    try {
      const c = vscode.workspace.getConfiguration('genaiGuard');
      await c.update('informationOnly', true, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(doc.uri, (ds) => ds.length > 0 && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
      await c.update('informationOnly', undefined, vscode.ConfigurationTarget.Workspace);
      await c.update('rules.disabledFamilies', ['secret'], vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(doc.uri, (ds) => ds.length === 0);
      await c.update('rules.disabledFamilies', undefined, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(doc.uri, (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await restore();
    }
  });

  it('the workspace scan honours .genai-guard.yml excludes, and its file watcher keeps closed files fresh', async () => {
    const cfg = workspaceUri('.genai-guard.yml');
    const script = workspaceUri('scripts', 'rotate.sh');
    const policy = workspaceUri('policies', 'bedrock-invoke-wildcard.json');
    try {
      await vscode.workspace.fs.writeFile(cfg, Buffer.from('exclude: ["policies/**"]\n'));
      await vscode.workspace.fs.writeFile(script, Buffer.from('#!/bin/sh\necho ok\n'));
      const guard = await api();
      await guard.scanWorkspace();
      assert.equal(ours(policy).length, 0, 'excluded by .genai-guard.yml');
      assert.ok(ours(workspaceUri('infra', 'terraform', 'main.tf')).length > 0);
      await vscode.workspace.fs.writeFile(script, Buffer.from('#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAZ7FAKEFIXTURE234\n'));
      await diagnosticsWhere(script, (ds) => ds.length === 1, 15_000);
      await vscode.workspace.fs.delete(script);
      await diagnosticsWhere(script, (ds) => ds.length === 0, 15_000);
    } finally {
      await vscode.workspace.fs.delete(cfg).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(script).then(undefined, () => undefined);
    }
  });
});
