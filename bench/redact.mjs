// `node bench/redact.mjs`: accuracy and speed of the local redaction engine on the labelled development set
// (test/redaction/devset.ts), side by side with redact-pii. Runs from built output: `npm run -s compile-tests` first.
//   BENCH_SAMPLES=3000 node bench/redact.mjs
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outEngine = join(root, 'out', 'src', 'engine', 'redact', 'index.js');
const outDevset = join(root, 'out', 'test', 'redaction', 'devset.js');
if (!existsSync(outEngine) || !existsSync(outDevset)) execFileSync('npm', ['run', '-s', 'compile-tests'], { cwd: root, stdio: 'inherit' });
const { RedactionSession } = require(outEngine);
const { generateDevSet, DEV_DENY_LIST } = require(outDevset);
const { SyncRedactor } = require('redact-pii');

const samples = generateDevSet(Number(process.env.BENCH_SAMPLES ?? 1500));
const opts = { denyList: DEV_DENY_LIST };

// ---- span extraction for redact-pii: wrap each match in markers instead of replacing it ----
const OPEN = '\uE000';
const CLOSE = '\uE001';
function redactPiiSpans(text) {
  const patterns = require('redact-pii/lib/built-ins/simple-regexp-patterns.js');
  const { NameRedactor } = require('redact-pii/lib/built-ins/NameRedactor.js');
  let t = text;
  const order = Object.keys(patterns);
  for (const name of order) {
    const re = patterns[name];
    re.lastIndex = 0;
    t = t.replace(re, (m) => `${OPEN}${m}${CLOSE}`);
  }
  t = new NameRedactor(`${OPEN}$&${CLOSE}`).redact(t);
  // Walk the marked text against the original; a marker holding the literal "$&" replaced unknown text: resync.
  const covered = new Uint8Array(text.length);
  let i = 0; // original
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t[k];
    if (c === OPEN) {
      if (t.startsWith('$&' + CLOSE, k + 1) && depth === 0) {
        // Greeting-path name replacement: find where the following literal text resumes in the original.
        const after = t.slice(k + 4).split(OPEN)[0].replace(new RegExp(CLOSE, 'g'), '').slice(0, 12);
        const at = after ? text.indexOf(after, i + 1) : text.length;
        const stop = at === -1 ? i : at;
        for (let x = i; x < stop; x++) covered[x] = 1;
        i = stop;
        k += 3;
        continue;
      }
      depth++;
      continue;
    }
    if (c === CLOSE) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) covered[i] = 1;
    i++;
  }
  const spans = [];
  for (let x = 0; x < covered.length; x++) {
    if (!covered[x]) continue;
    let y = x;
    while (y < covered.length && covered[y]) y++;
    spans.push({ start: x, end: y, type: 'REDACT_PII' });
    x = y;
  }
  return spans;
}

// ---- scoring ----
const SIG = /[\p{L}\p{N}]/u;
function evaluate(name, predict) {
  const perType = new Map();
  const neg = new Map();
  let predTotal = 0;
  let predTp = 0;
  const predByType = new Map();
  const row = (m, k) => m.get(k) ?? m.set(k, { gold: 0, strict: 0, lenient: 0, pred: 0, predTp: 0, neg: 0, falseRedact: 0 }).get(k);
  for (const s of samples) {
    const pred = predict(s.text);
    const covered = new Uint8Array(s.text.length);
    for (const p of pred) for (let x = p.start; x < p.end; x++) covered[x] = 1;
    for (const g of s.spans) {
      let all = true;
      let any = false;
      for (let x = g.start; x < g.end; x++) {
        if (covered[x]) any = true;
        else if (SIG.test(s.text[x])) all = false;
      }
      if (g.negative) {
        const r = row(neg, g.type);
        r.neg++;
        if (any) r.falseRedact++;
      } else {
        const r = row(perType, g.type);
        r.gold++;
        if (all) r.strict++;
        if (any) r.lenient++;
      }
    }
    for (const p of pred) {
      predTotal++;
      const hit = s.spans.some((g) => !g.negative && g.start < p.end && g.end > p.start);
      if (hit) predTp++;
      const r = row(predByType, p.type);
      r.pred++;
      if (hit) r.predTp++;
    }
  }
  return { name, perType, neg, predTotal, predTp, predByType };
}

const ours = new RedactionSession();
const oursPredict = (t) => new RedactionSession().redact(t, opts).entities;
const theirs = redactPiiSpans;
const A = evaluate('genai-guard', oursPredict);
const B = evaluate('redact-pii', theirs);

// ---- speed ----
function prompt2k(i) {
  let t = '';
  let k = i;
  while (t.length < 2048) t += samples[k++ % samples.length].text + '\n';
  return t.slice(0, 2048);
}
function latency(fn) {
  const prompts = Array.from({ length: 200 }, (_, i) => prompt2k(i * 7));
  for (let i = 0; i < 300; i++) fn(prompts[i % prompts.length]);
  const ts = [];
  for (let i = 0; i < 2000; i++) {
    const p = prompts[i % prompts.length];
    const a = process.hrtime.bigint();
    fn(p);
    ts.push(Number(process.hrtime.bigint() - a) / 1e6);
  }
  ts.sort((a, b) => a - b);
  return { p50: ts[Math.floor(ts.length * 0.5)], p95: ts[Math.floor(ts.length * 0.95)] };
}
function throughput(fn, batch = samples.map((s) => s.text)) {
  const bytes = batch.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const t of batch.slice(0, 200)) fn(t);
  let best = 0;
  for (let r = 0; r < 3; r++) {
    const a = process.hrtime.bigint();
    for (const t of batch) fn(t);
    const s = Number(process.hrtime.bigint() - a) / 1e9;
    best = Math.max(best, bytes / 1e6 / s);
  }
  return best;
}
// A second batch of ordinary developer text: this repository's own sources, docs and IaC fixtures (fixture keys and
// all) cut into 2 KB prompts, as code and config are pasted into prompts. The development set above is built dense
// (an entity or a hard negative every few dozen characters); this is the density of real pasted material.
function developerText() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|md|tf|ya?ml|json|py|env|txt)$/.test(name)) {
        const t = readFileSync(p, 'utf8');
        for (let i = 0; i < t.length; i += 2048) out.push(t.slice(i, i + 2048));
      }
    }
  };
  for (const d of ['src', 'docs', join('test', 'fixtures')]) if (existsSync(join(root, d))) walk(join(root, d));
  return out;
}
const devText = developerText();
const devTextBytes = devText.reduce((n, t) => n + Buffer.byteLength(t), 0);
const redactPii = new SyncRedactor();
const speed = {
  ours: { ...latency((t) => ours.redact(t, opts)), mbs: throughput((t) => ours.redact(t, opts)), devMbs: throughput((t) => ours.redact(t, opts), devText) },
  theirs: { ...latency((t) => redactPii.redact(t)), mbs: throughput((t) => redactPii.redact(t)), devMbs: throughput((t) => redactPii.redact(t), devText) },
};

// ---- batch through the product: `dist/cli.js redact --jsonl` on the development set repeated to about 5 MB ----
// Wall time of the whole process (start-up, reading, worker threads, writing), median of 3 runs.
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli) || !existsSync(join(root, 'dist', 'redact-worker.js'))) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
const jsonlLines = samples.map((s) => JSON.stringify({ text: s.text }));
let jsonl = '';
for (let k = 0; Buffer.byteLength(jsonl) < 5e6; k++) jsonl += `${jsonlLines[k % jsonlLines.length]}\n`;
const jsonlBytes = Buffer.byteLength(jsonl);
const workDir = mkdtempSync(join(tmpdir(), 'gg-bench-redact-'));
const jsonlFile = join(workDir, 'dev.jsonl');
writeFileSync(jsonlFile, jsonl);
const { GENAI_GUARD_NO_WORKERS: _noWorkers, ...pooledEnv } = process.env;
function runCli(env) {
  const a = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'redact', '--jsonl', jsonlFile], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const s = Number(process.hrtime.bigint() - a) / 1e9;
  if (r.status !== 0) throw new Error(`genai-guard redact --jsonl exited ${r.status}: ${r.stderr}`);
  return { s, out: r.stdout };
}
const batchRuns = [runCli(pooledEnv), runCli(pooledEnv), runCli(pooledEnv)];
const batchSeconds = batchRuns.map((r) => r.s).sort((a, b) => a - b)[1];
// The thread count the CLI picks (src/cli/redactPool.ts redactThreads).
const forcedThreads = Number(pooledEnv.GENAI_GUARD_THREADS);
const cliThreads = Number.isInteger(forcedThreads) && forcedThreads >= 1 ? Math.min(forcedThreads, 16) : availableParallelism() >= 2 ? Math.min(availableParallelism(), 8) : 1;
const sequentialRun = runCli({ ...pooledEnv, GENAI_GUARD_NO_WORKERS: '1' });
const batchIdentical = batchRuns.every((r) => r.out === sequentialRun.out);
rmSync(workDir, { recursive: true, force: true });

// ---- report ----
const f = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const pct = (a, b) => (b ? a / b : NaN);
console.log(`development set: ${samples.length} prompts, ${samples.reduce((n, s) => n + s.spans.filter((g) => !g.negative).length, 0)} PII/secret spans, ${samples.reduce((n, s) => n + s.spans.filter((g) => g.negative).length, 0)} hard negatives, ${(samples.reduce((n, s) => n + s.text.length, 0) / 1e3).toFixed(0)} k chars`);
console.log('');
console.log('strict recall = every letter/digit of the value covered; precision (per predicted type) = predicted spans overlapping a gold PII span');
console.log(`${'entity'.padEnd(18)} ${'gold'.padStart(5)} | ${'genai-guard P'.padStart(13)} ${'R(strict)'.padStart(9)} ${'F1'.padStart(6)} | ${'redact-pii R(strict)'.padStart(20)} ${'R(any)'.padStart(7)}`);
const types = [...A.perType.keys()].sort();
for (const t of types) {
  const a = A.perType.get(t);
  const b = B.perType.get(t);
  const pa = A.predByType.get(t);
  const P = pa ? pct(pa.predTp, pa.pred) : NaN;
  const R = pct(a.strict, a.gold);
  const F1 = P + R > 0 ? (2 * P * R) / (P + R) : NaN;
  console.log(`${t.padEnd(18)} ${String(a.gold).padStart(5)} | ${f(P).padStart(13)} ${f(R).padStart(9)} ${f(F1).padStart(6)} | ${f(pct(b.strict, b.gold)).padStart(20)} ${f(pct(b.lenient, b.gold)).padStart(7)}`);
}
const totA = [...A.perType.values()].reduce((o, r) => ({ gold: o.gold + r.gold, strict: o.strict + r.strict }), { gold: 0, strict: 0 });
const totB = [...B.perType.values()].reduce((o, r) => ({ gold: o.gold + r.gold, strict: o.strict + r.strict }), { gold: 0, strict: 0 });
console.log(`${'ALL (type-agnostic)'.padEnd(18)} ${String(totA.gold).padStart(5)} | ${f(pct(A.predTp, A.predTotal)).padStart(13)} ${f(pct(totA.strict, totA.gold)).padStart(9)} ${''.padStart(6)} | ${f(pct(totB.strict, totB.gold)).padStart(20)}   (redact-pii precision ${f(pct(B.predTp, B.predTotal))})`);
console.log('');
console.log('hard negatives: share falsely redacted (target 0 for MODEL_ID, ARN, UUID, GIT_SHA, DIGEST)');
console.log(`${'kind'.padEnd(18)} ${'count'.padStart(5)} | ${'genai-guard'.padStart(11)} | ${'redact-pii'.padStart(10)}`);
for (const k of [...A.neg.keys()].sort()) {
  const a = A.neg.get(k);
  const b = B.neg.get(k);
  console.log(`${k.padEnd(18)} ${String(a.neg).padStart(5)} | ${f(pct(a.falseRedact, a.neg)).padStart(11)} | ${f(pct(b.falseRedact, b.neg)).padStart(10)}`);
}
console.log('');
console.log(`speed                 | genai-guard | redact-pii`);
console.log(`2 KB prompt p50 (ms)  | ${f(speed.ours.p50).padStart(11)} | ${f(speed.theirs.p50).padStart(10)}`);
console.log(`2 KB prompt p95 (ms)  | ${f(speed.ours.p95).padStart(11)} | ${f(speed.theirs.p95).padStart(10)}   (target ≤ 2 ms)`);
console.log(`single thread MB/s    | ${speed.ours.mbs.toFixed(2).padStart(11)} | ${speed.theirs.mbs.toFixed(2).padStart(10)}   (development set, entity-dense; in-process, one session, warm)`);
console.log(`developer text MB/s   | ${speed.ours.devMbs.toFixed(2).padStart(11)} | ${speed.theirs.devMbs.toFixed(2).padStart(10)}   (target ≥ 5 MB/s; ${devText.length} prompts of this repository's sources, docs and fixtures, ${(devTextBytes / 1e6).toFixed(1)} MB; one thread, warm)`);
const batchLabel = `batch MB/s, ${cliThreads} thread${cliThreads === 1 ? '' : 's'}`.padEnd(21);
console.log(`${batchLabel} | ${(jsonlBytes / 1e6 / batchSeconds).toFixed(2).padStart(11)} | ${'-'.padStart(10)}   (target ≥ 5 MB/s; development set through dist/cli.js redact --jsonl, ${(jsonlBytes / 1e6).toFixed(1)} MB, wall time with process start, median of 3; sequential ${(jsonlBytes / 1e6 / sequentialRun.s).toFixed(2)} MB/s)`);
console.log(`batch output vs GENAI_GUARD_NO_WORKERS=1: ${batchIdentical ? 'identical' : 'DIFFERENT'}`);
if (!batchIdentical) process.exitCode = 1;
