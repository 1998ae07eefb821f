// UI test: the packaged .vsix installed into a real VS Code (code-server), driven in Debian Chromium.
// Screenshots go to test-results/ for people to look at; UPDATE_SCREENSHOTS=1 also refreshes docs/images/.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, installVsix, launchChromium, startCodeServer } from '../harness/codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = join(root, 'test-results');
const vsix = join(root, 'genai-guard.vsix');

describe('GenAI Guard UI (packaged .vsix in code-server + Chromium)', function () {
  this.timeout(180_000);
  let server;
  let browser;
  let page;
  let workspace;

  async function shot(name) {
    const file = join(results, name);
    await page.screenshot({ path: file });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      copyFileSync(file, join(root, 'docs', 'images', name));
    }
  }

  before(async () => {
    mkdirSync(results, { recursive: true });
    if (!existsSync(vsix) || process.env.GENAI_GUARD_REPACKAGE !== '0') {
      execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    workspace = copyWorkspace(join(root, 'demo'));
    server = await startCodeServer({ logFile: join(results, 'ui-code-server.log') });
    const installed = installVsix(vsix, server.extensionsDir);
    assert.match(installed, /genai-guard.*was successfully installed/i);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    server?.cleanup();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the GenAI Guard container in the activity bar, with its welcome content', async () => {
    const icon = page.locator('.activitybar .action-item a[aria-label^="GenAI Guard"]');
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    const sidebar = page.locator('[id="workbench.parts.sidebar"]');
    await sidebar.getByText('Bedrock Access Posture', { exact: false }).first().waitFor({ timeout: 30_000 });
    await sidebar.locator('.monaco-button', { hasText: 'Scan Workspace' }).first().waitFor({ timeout: 30_000 });
    await shot('ui-sidebar-welcome.png');
  });

  it('opens a demo file and reads a GenAI Guard diagnostic from the Problems panel', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
    await page.keyboard.type('chat.py');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab[aria-label*="chat.py"]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'GG-SEC-001' }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.textContent()) ?? '';
    assert.match(text, /AWS access key id AKIA…/);
    assert.match(text, /genai-guard/);
    assert.doesNotMatch(text, /AKIA[A-Z2-7]{16}/, 'the Problems panel never shows the whole key');
    await page.locator('.monaco-editor [class*="squiggly-error"]').first().waitFor({ timeout: 15_000 });
    await shot('ui-problems-panel.png');
  });
});
