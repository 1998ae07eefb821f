// UI test of the editor features: the quick-fix menu on a hardcoded key, and the Problems panel opened (and filtered
// by typing our source) from the "GenAI Guard: Show Problems" command the language status item runs.
// Screenshots: test-results/ui-quick-fix-menu.png, test-results/ui-problems-filtered.png.
import * as assert from 'node:assert/strict';
import { openWorkbench } from '../harness/ui.mjs';

describe('GenAI Guard editor UI (quick fixes, status, Problems)', function () {
  this.timeout(180_000);
  let ui;
  let page;

  before(async () => {
    ui = await openWorkbench({ name: 'editor' });
    page = ui.page;
  });

  after(async () => {
    await ui?.close();
  });

  it('opens the quick-fix menu on a hardcoded key with the environment fix, the suppressions and the docs', async () => {
    await ui.openFile('chat.py');
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
    await ui.shot('ui-quick-fix-menu.png');
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
    await ui.shot('ui-problems-filtered.png');
  });
});
