// UI test: the packaged .vsix installed into a real VS Code (code-server), driven in Debian Chromium.
// Screenshots go to test-results/ for people to look at; UPDATE_SCREENSHOTS=1 also refreshes docs/images/.
import * as assert from 'node:assert/strict';
import { openWorkbench } from '../harness/ui.mjs';

describe('GenAI Guard UI (packaged .vsix in code-server + Chromium)', function () {
  this.timeout(180_000);
  let ui;
  let page;

  before(async () => {
    ui = await openWorkbench({ name: 'main' });
    page = ui.page;
  });

  after(async () => {
    await ui?.close();
  });

  it('shows the GenAI Guard container in the activity bar, with its welcome content', async () => {
    const icon = page.locator('.activitybar .action-item a[aria-label^="GenAI Guard"]');
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    const sidebar = page.locator('[id="workbench.parts.sidebar"]');
    await sidebar.getByText('Bedrock Access Posture', { exact: false }).first().waitFor({ timeout: 30_000 });
    await sidebar.locator('.monaco-button', { hasText: 'Scan Workspace' }).first().waitFor({ timeout: 30_000 });
    await ui.shot('ui-sidebar-welcome.png');
  });

  it('opens a demo file and reads a GenAI Guard diagnostic from the Problems panel', async () => {
    await ui.openFile('chat.py');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'GG-SEC-001' }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.textContent()) ?? '';
    assert.match(text, /AWS access key id AKIA…/);
    assert.match(text, /genai-guard/);
    assert.doesNotMatch(text, /AKIA[A-Z2-7]{16}/, 'the Problems panel never shows the whole key');
    await page.locator('.monaco-editor [class*="squiggly-error"]').first().waitFor({ timeout: 15_000 });
    await ui.shot('ui-problems-panel.png');
  });
});
