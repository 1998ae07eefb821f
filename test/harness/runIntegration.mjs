// Runs the integration tests (out/test/integration/**) inside a real VS Code extension host: code-server loads this
// repository as a development extension through the workbench `payload`, and the workbench reports the result
// through window.codeAutomationExit. Prints the report and "N passed, N failed"; exits non-zero on failure.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, launchChromium, startCodeServer } from './codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsIndex = join(root, 'out', 'test', 'integration', 'index.js');
if (!existsSync(testsIndex)) throw new Error(`${testsIndex} is missing: run "npm run compile-tests" first`);
if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run "npm run build" first');

const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const report = join(resultsDir, 'integration-report.txt');
rmSync(report, { force: true });
const workspace = copyWorkspace(join(root, 'demo'));

const server = await startCodeServer({
  env: { GENAI_GUARD_TEST_REPORT: report, GENAI_GUARD_TEST_WORKSPACE: workspace },
  logFile: join(resultsDir, 'integration-code-server.log'),
});
let browser;
let exitCode = 1;
try {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsIndex}`],
  ];
  const done = new Promise((resolveDone) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolveDone(Number(code)));
  });
  const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  const timeoutMs = Number(process.env.GENAI_GUARD_INTEGRATION_TIMEOUT_MS ?? 600_000);
  const timer = new Promise((_, reject) => setTimeout(() => reject(new Error(`integration tests did not finish within ${timeoutMs / 1000} s`)), timeoutMs).unref());
  exitCode = await Promise.race([done, timer]);
  if (exitCode !== 0) await page.screenshot({ path: join(resultsDir, 'integration-failure.png') }).catch(() => {});
} catch (e) {
  console.error(`integration run failed: ${e.stack ?? e}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
  server.cleanup();
  rmSync(workspace, { recursive: true, force: true });
}
if (existsSync(report)) {
  process.stdout.write(readFileSync(report, 'utf8'));
} else {
  console.error(`no report was written (see test-results/integration-code-server.log)`);
  exitCode = exitCode || 1;
}
process.exit(exitCode);
