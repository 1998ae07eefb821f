// UI test of the editor features: the quick-fix menu on a hardcoded key, and the Problems panel opened (and filtered
// by typing our source) from the "GenAI Guard: Show Problems" command the language status item runs.
// Screenshots: test-results/ui-quick-fix-menu.png, test-results/ui-problems-filtered.png.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, installVsix, launchChromium, startCodeServer } from '../harness/codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = join(root, 'test-results');
const vsix = join(root, 'genai-guard.vsix');

describe('GenAI Guard editor UI (quick fixes, status, Problems)', function () {
  this.timeout(180_000);
  let server;
  let browser;
  let page;
  let workspace;

  before(async () => {
    mkdirSync(results, { recursive: true });
    if (!existsSync(vsix) || process.env.GENAI_GUARD_REPACKAGE !== '0') {
      execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    workspace = copyWorkspace(join(root, 'demo'));
    server = await startCodeServer({ logFile: join(results, 'ui-editor-code-server.log') });
    assert.match(installVsix(vsix, server.extensionsDir), /genai-guard.*was successfully installed/i);
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

  it('opens the quick-fix menu on a hardcoded key with the environment fix, the suppressions and the docs', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
    await page.keyboard.type('chat.py');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab[aria-label*="chat.py"]').waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor [class*="squiggly-error"]').first().waitFor({ timeout: 30_000 });
    // Cursor onto the key on line 21, then Ctrl+. (Quick Fix).
    await page.keyboard.press('Control+G');
    await page.keyboard.type('21:30');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.getByText('Read AWS_ACCESS_KEY_ID from the environment', { exact: false }).first().waitFor({ timeout: 30_000 });
    const text = (await menu.textContent()) ?? '';
    assert.match(text, /Ignore GG-SEC-001 on this line…/);
    assert.match(text, /Ignore GG-SEC-001 in this file…/);
    assert.match(text, /Show documentation for GG-SEC-001/);
    await page.screenshot({ path: join(results, 'ui-quick-fix-menu.png') });
    await page.keyboard.press('Escape');
  });

  it('"Show Problems" (the status item\'s action) opens the Problems panel with its filter focused', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
    await page.keyboard.type('GenAI Guard: Show Problems');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Problems' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'GG-SEC-001' }).first();
    await row.waitFor({ timeout: 30_000 });
    // VS Code has no API to set the filter text: focus it, and type our source as a user would.
    const filter = page.locator('.viewpane-filter input').first();
    await page.waitForFunction(() => globalThis.document.activeElement?.closest('.viewpane-filter') !== null, undefined, { timeout: 15_000 });
    await page.keyboard.type('genai-guard');
    assert.equal(await filter.inputValue(), 'genai-guard');
    await row.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(results, 'ui-problems-filtered.png') });
  });
});
