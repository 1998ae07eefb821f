import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');

/** The layer rules of DEVELOPERS.md are enforced by lint; prove the lint config really rejects a violation. */
describe('layer boundaries (lint)', function () {
  this.timeout(60_000);
  // Only the boundary rule, without type information, so probe files need not exist on disk.
  const eslint = new ESLint({
    cwd: ROOT,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    const messages = result?.messages ?? [];
    assert.deepEqual(messages.filter((m) => m.fatal), [], 'the probe must parse');
    return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  for (const layer of ['engine', 'aws', 'cli', 'webview']) {
    it(`rejects importing vscode in src/${layer}/`, async () => {
      const messages = await lint(`src/${layer}/probe.ts`, "import * as vscode from 'vscode';\nexport const x = vscode;\n");
      assert.equal(messages.length, 1, `expected a no-restricted-imports error in src/${layer}`);
      assert.match(messages[0]!, /Only src\/extension\/ may import vscode/);
    });
  }

  it('rejects file-system and network modules in the pure engine', async () => {
    assert.equal((await lint('src/engine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).length, 1);
  });

  it('allows vscode in src/extension/', async () => {
    assert.deepEqual(await lint('src/extension/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"), []);
  });
});
