/**
 * Entry point loaded by the VS Code extension host (`extensionTestsPath`), here and with @vscode/test-electron.
 * Runs every `*.vscode.test.js` with mocha 11 (mocha 12 is ESM-only) and writes a plain report, ending with the line
 * `N passed, N failed`, to $GENAI_GUARD_TEST_REPORT: the host's console is not visible to the harness.
 */
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return findTests(full);
    return e.name.endsWith('.vscode.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  const reportFile = process.env.GENAI_GUARD_TEST_REPORT;
  const write = (line: string) => {
    if (reportFile) appendFileSync(reportFile, `${line}\n`);
    else console.log(line);
  };
  if (reportFile) writeFileSync(reportFile, '');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, forbidOnly: true, forbidPending: true, reporter: 'dot' });
  for (const file of findTests(__dirname).sort()) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      write(`${passed} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      passed++;
      write(`  ✔ ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err: Error) => {
      failed++;
      write(`  ✖ ${t.fullTitle()}\n      ${(err.stack ?? err.message).split('\n').slice(0, 6).join('\n      ')}`);
    });
  });
}
