// `npm run bench`: speed and memory of the scanner against floors, printed as ratios. Never run as a timed test.
//   BENCH_FILES=10000 BENCH_BYTES=16000000 npm run bench   (the issue-sized tree; default is a quicker 2,000 files)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
const tree = join(work, 'tree');
const count = Number(process.env.BENCH_FILES ?? 2000);
const bytes = Number(process.env.BENCH_BYTES ?? 3_200_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

if (!existsSync(join(root, 'dist', 'cli.js'))) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
const gen = generateTree(tree, { count, targetBytes: bytes });
console.log(`tree: ${gen.files} files, ${(gen.bytes / 1e6).toFixed(1)} MB, ${gen.planted} planted keys`);

/** Median wall time and peak RSS of a command over `runs` runs (peak RSS from GNU time when present). */
function measure(label, cmd, args, check) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const hasTime = existsSync('/usr/bin/time');
    const r = hasTime ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (hasTime) rss = Math.max(rss, Number(r.stderr.trim().split('\n').at(-1)) / 1024);
    if (check) check(r);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms${rss ? `  peak ${rss.toFixed(0)} MB` : ''}`);
  return ms;
}

const ours = measure('genai-guard scan (all rules)', process.execPath, [join(root, 'dist', 'cli.js'), 'scan', tree, '--format', 'json', '--fail-on', 'never'], (r) => {
  const found = JSON.parse(r.stdout).findings.length;
  if (found !== gen.planted) throw new Error(`genai-guard found ${found} of ${gen.planted} planted keys`);
});
const floor = measure('node floor (read + one regex)', process.execPath, [join(root, 'bench', 'floor.mjs'), tree]);
let rg;
if (spawnSync('rg', ['--version']).status === 0) {
  rg = measure('rg (native floor)', 'rg', ['-c', '--no-ignore', '(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}|"Action"|Resource|bedrock:|aws_s3_bucket', tree]);
}
console.log('');
console.log(`ratio genai-guard / node floor: ${(ours / floor).toFixed(2)}×  (target ≤ 3×)`);
if (rg) console.log(`ratio genai-guard / rg:         ${(ours / rg).toFixed(2)}×`);
console.log('secretlint comparison: arrives with the scanner engine (issue 3).');
