// `npm test`: unit tests (plain Node), integration tests (inside a real VS Code extension host) and the UI test
// (packaged .vsix in code-server, driven by Chromium). Prints a count for each kind and fails if any kind fails.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { ensureCodeServer } from './harness/install.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(label, cmd, args) {
  return new Promise((resolveRun) => {
    const started = Date.now();
    console.log(`\n━━ ${label} ━━ ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolveRun({ label, code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

/** Reads mocha's "N passing / N failing" or the integration report's "N passed, N failed". */
function counts(out) {
  const clean = stripVTControlCharacters(out);
  const report = /(\d+) passed, (\d+) failed/.exec(clean);
  if (report) return { passed: Number(report[1]), failed: Number(report[2]) };
  const passing = /(\d+) passing/.exec(clean);
  const failing = /(\d+) failing/.exec(clean);
  return { passed: passing ? Number(passing[1]) : 0, failed: failing ? Number(failing[1]) : 0 };
}

const results = [];
const steps = [
  ['typecheck + lint', 'npm', ['run', '-s', 'check']],
  ['unit', 'npm', ['run', '-s', 'test:unit']],
];
for (const [label, cmd, args] of steps) {
  results.push(await run(label, cmd, args));
  if (results.at(-1).code !== 0 && label === 'typecheck + lint') break;
}
if (results.every((r) => r.code === 0)) {
  ensureCodeServer();
  results.push(await run('integration (real VS Code extension host)', 'npm', ['run', '-s', 'test:integration']));
  results.push(await run('ui (packaged .vsix, code-server + Chromium)', 'npm', ['run', '-s', 'test:ui']));
}

console.log('\n━━ summary ━━');
let ok = true;
for (const r of results) {
  const c = counts(r.out);
  const hasCounts = r.label !== 'typecheck + lint';
  const passed = r.code === 0 && (!hasCounts || (c.failed === 0 && c.passed > 0));
  ok &&= passed;
  console.log(`${passed ? '✔' : '✖'} ${r.label.padEnd(46)} ${hasCounts ? `${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(3)} failed` : r.code === 0 ? 'clean' : 'errors'}  (${r.seconds.toFixed(1)} s)`);
}
if (results.length < 4) {
  ok = false;
  console.log('✖ integration and UI tests did not run because an earlier step failed');
}
process.exit(ok ? 0 : 1);
