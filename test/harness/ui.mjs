// Shared set-up of the UI tests: the packaged .vsix installed into a fresh code-server, a copy of demo/ opened in
// Debian Chromium, and helpers to open files and take screenshots. The .vsix is packaged once per test run.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, installVsix, launchChromium, startCodeServer } from './codeServer.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const results = join(root, 'test-results');
const vsix = join(root, 'genai-guard.vsix');
let packaged = false;

/** Builds and packages the extension once per process (GENAI_GUARD_REPACKAGE=0 reuses an existing .vsix). */
export function ensureVsix() {
  if (packaged || (process.env.GENAI_GUARD_REPACKAGE === '0' && existsSync(vsix))) return vsix;
  execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  packaged = true;
  return vsix;
}

/**
 * Opens a real VS Code with the packaged extension on a fresh copy of demo/.
 * Options: `name` (log file name), `env` and `settings` for code-server, `prepare(workspace)` to add files,
 * `viewport`. Returns { page, server, workspace, shot(file), openFile(name), close() }.
 */
export async function openWorkbench({ name, env = {}, settings = {}, prepare, viewport = { width: 1440, height: 900 } } = {}) {
  mkdirSync(results, { recursive: true });
  ensureVsix();
  const workspace = copyWorkspace(join(root, 'demo'));
  if (prepare) await prepare(workspace);
  const server = await startCodeServer({ env, settings, logFile: join(results, `ui-${name}-code-server.log`) });
  assert.match(installVsix(vsix, server.extensionsDir), /genai-guard.*was successfully installed/i);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

  return {
    page,
    server,
    workspace,
    /** Saves a screenshot in test-results/ (and in docs/images/ with UPDATE_SCREENSHOTS=1, for the README). */
    async shot(file) {
      const path = join(results, file);
      await page.screenshot({ path });
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync(join(root, 'docs', 'images'), { recursive: true });
        copyFileSync(path, join(root, 'docs', 'images', file));
      }
    },
    /** Opens a workspace file through Quick Open and waits for its tab. */
    async openFile(fileName) {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
      await page.keyboard.type(fileName);
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator(`.tab[aria-label*="${fileName}"]`).waitFor({ timeout: 15_000 });
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
      server.cleanup();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
