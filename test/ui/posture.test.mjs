// UI test: the Bedrock posture tree of the packaged .vsix in a real VS Code (code-server), driven in Chromium, on the
// weak scenario served by the local AWS server (test/aws-server, compiled to out/). Screenshot:
// test-results/ui-posture-tree.png (UPDATE_SCREENSHOTS=1 also refreshes docs/images/).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, root } from '../harness/ui.mjs';

const require = createRequire(import.meta.url);

describe('Bedrock posture tree (packaged .vsix in code-server + Chromium, simulated weak account)', function () {
  this.timeout(240_000);
  let aws;
  let ui;
  let page;
  let awsHome;

  const sidebar = () => page.locator('[id="workbench.parts.sidebar"]');
  /** The tree row whose label is exactly `label` (descriptions are not labels). */
  const row = (label) =>
    sidebar()
      .locator('.monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
      .first();

  /** Expands a collapsed tree row (clicking its label toggles it). */
  async function expand(text) {
    const r = row(text);
    await r.waitFor({ timeout: 60_000 });
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
  }

  before(async () => {
    if (!existsSync(join(root, 'out', 'test', 'aws-server', 'server.js'))) {
      try {
        execFileSync('npm', ['run', '-s', 'compile-tests'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      } catch {
        // tsc still emits on type errors; the require below tells.
      }
    }
    const { startAwsServer } = require(join(root, 'out', 'test', 'aws-server', 'server.js'));
    const { loadScenario } = require(join(root, 'out', 'test', 'aws-server', 'scenario.js'));
    aws = await startAwsServer({ scenario: loadScenario('weak') });
    awsHome = mkdtempSync(join(tmpdir(), 'gg-ui-aws-'));
    ui = await openWorkbench({
      name: 'posture',
      viewport: { width: 1440, height: 1000 },
      settings: { 'genaiGuard.aws.regions': ['us-east-1', 'eu-west-1'], 'workbench.sideBar.location': 'left' },
      env: {
        ...aws.endpointEnv(),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'simulated',
        AWS_REGION: 'us-east-1',
        AWS_CONFIG_FILE: join(awsHome, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(awsHome, 'credentials'),
        AWS_PROFILE: undefined,
        AWS_DEFAULT_PROFILE: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_BEARER_TOKEN_BEDROCK: undefined,
        GENAI_GUARD_SIMULATED_ACCOUNT: '1',
      },
    });
    page = ui.page;
  });

  after(async () => {
    await ui?.close();
    await aws?.close();
    if (awsHome) rmSync(awsHome, { recursive: true, force: true });
  });

  it('shows the weak account\'s problems in the posture tree, labelled simulated', async () => {
    const icon = page.locator('.activitybar .action-item a[aria-label^="GenAI Guard"]');
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    // A wider sidebar, so descriptions (decisions, deciding statements) are readable in the screenshot.
    const box = await sidebar().boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width + 1, box.y + 300);
      await page.mouse.down();
      await page.mouse.move(box.x + 760, box.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    const account = row('Account');
    await account.waitFor({ timeout: 90_000 });
    assert.match((await account.textContent()) ?? '', /weak-genai-co \(111122223333\) · us-east-1, eu-west-1 · simulated/);
    for (const label of ['Models', 'Access', 'Logging', 'Guardrails', 'Custom models & encryption', 'Network', 'Keys']) await row(label).waitFor({ timeout: 30_000 });
    assert.match((await row('Logging').textContent()) ?? '', /4 fail/);

    await expand('Guardrails');
    const promptAttack = sidebar().locator('.monaco-list-row', { hasText: 'Prompt attacks are blocked' }).first();
    await promptAttack.waitFor({ timeout: 30_000 });
    assert.match((await promptAttack.textContent()) ?? '', /fail/);
    await expand('Access');
    await expand('Principals × models');
    await expand('dev-alice');
    const cell = row('anthropic.claude-3-5-sonnet-20240620-v1:0 · us-east-1');
    await cell.waitFor({ timeout: 30_000 });
    assert.match((await cell.textContent()) ?? '', /allowed · bedrock-everything \(AllBedrock\)/);
    // Let the row hover styles settle, then record the tree.
    await page.mouse.move(1200, 500);
    await page.waitForTimeout(500);
    await ui.shot('ui-posture-tree.png');
  });
});
