// UI test: the Bedrock posture tree of the packaged .vsix in a real VS Code (code-server), driven in Chromium, on the
// weak scenario served by the local AWS server (test/aws-server, compiled to out/). Screenshot:
// test-results/ui-posture-tree.png (UPDATE_SCREENSHOTS=1 also refreshes docs/images/).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, installVsix, launchChromium, startCodeServer } from '../harness/codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = join(root, 'test-results');
const vsix = join(root, 'genai-guard.vsix');
const require = createRequire(import.meta.url);

describe('Bedrock posture tree (packaged .vsix in code-server + Chromium, simulated weak account)', function () {
  this.timeout(240_000);
  let aws;
  let server;
  let browser;
  let page;
  let workspace;
  let awsHome;

  async function shot(name) {
    const file = join(results, name);
    await page.screenshot({ path: file });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      copyFileSync(file, join(root, 'docs', 'images', name));
    }
  }

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
    mkdirSync(results, { recursive: true });
    if (!existsSync(join(root, 'out', 'test', 'aws-server', 'server.js'))) {
      try {
        execFileSync('npm', ['run', '-s', 'compile-tests'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      } catch {
        // tsc still emits on type errors; the require below tells.
      }
    }
    if (!existsSync(vsix) || process.env.GENAI_GUARD_REPACKAGE !== '0') {
      execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const { startAwsServer } = require(join(root, 'out', 'test', 'aws-server', 'server.js'));
    const { loadScenario } = require(join(root, 'out', 'test', 'aws-server', 'scenario.js'));
    aws = await startAwsServer({ scenario: loadScenario('weak') });
    awsHome = mkdtempSync(join(tmpdir(), 'gg-ui-aws-'));
    workspace = copyWorkspace(join(root, 'demo'));
    server = await startCodeServer({
      logFile: join(results, 'ui-posture-code-server.log'),
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
    assert.match(installVsix(vsix, server.extensionsDir), /genai-guard.*was successfully installed/i);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    server?.cleanup();
    await aws?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
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
    await shot('ui-posture-tree.png');
  });
});
