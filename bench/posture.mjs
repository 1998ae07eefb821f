// `node bench/posture.mjs`: posture speed against the targets, printed (never a timed test).
//   1. full refresh (collect + judge) of the large scenario (1,000 principals, 100 models × 3 regions) with 50 ms
//      simulated latency on every AWS call — target ≤ 5 s;
//   2. the IAM evaluator on 1,000 principals × 100 models — target ≤ 1 s.
// Runs the real AWS SDK against the local AWS server (test/aws-server), compiled to out/ (built here if missing).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
if (!existsSync(join(out, 'test', 'aws-server', 'server.js')) || !existsSync(join(out, 'src', 'engine', 'posture', 'index.js'))) {
  console.log('Compiling (npm run compile-tests)…');
  try {
    execFileSync('npm', ['run', '-s', 'compile-tests'], { cwd: root, stdio: 'inherit' });
  } catch {
    // tsc exits non-zero on type errors but still emits; the imports below tell whether it worked.
  }
}
const require = createRequire(import.meta.url);
const { startAwsServer } = require(join(out, 'test', 'aws-server', 'server.js'));
const { largeScenario, LARGE } = require(join(out, 'test', 'scenarios', 'large.js'));
const { collectPosture } = require(join(out, 'src', 'aws', 'index.js'));
const { evaluatePosture } = require(join(out, 'src', 'engine', 'posture', 'index.js'));
const { compilePrincipal, evaluate, principalsFromAuthorizationDetails, requestContext } = require(join(out, 'src', 'engine', 'iam', 'evaluator.js'));

const runs = Number(process.env.BENCH_RUNS ?? 3);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// An isolated AWS environment: the local server's endpoints, static test credentials, no IMDS, no shared files.
const home = mkdtempSync(join(tmpdir(), 'gg-bench-aws-'));
for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
const server = await startAwsServer({ scenario: largeScenario(), latencyMs });
Object.assign(process.env, server.endpointEnv(), {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'simulated',
  AWS_CONFIG_FILE: join(home, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  HOME: home,
});
process.removeAllListeners('warning');

try {
  console.log(`large scenario: ${LARGE.users + LARGE.roles} principals, ${LARGE.modelsPerRegion} models × ${LARGE.regions.length} regions, ${latencyMs} ms latency per AWS call`);
  const refreshes = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const snapshot = await collectPosture({ regions: [...LARGE.regions] });
    const collected = performance.now();
    const report = evaluatePosture(snapshot);
    const done = performance.now();
    refreshes.push({ total: done - t, collect: collected - t, judge: done - collected, calls: snapshot.stats.calls, failures: snapshot.stats.failures, cells: report.access.length, results: report.checks.length });
  }
  last = refreshes.at(-1);
  const total = median(refreshes.map((r) => r.total));
  console.log(
    `full refresh (collect + judge)     ${total.toFixed(0).padStart(6)} ms  (collect ${median(refreshes.map((r) => r.collect)).toFixed(0)} ms, judge ${median(refreshes.map((r) => r.judge)).toFixed(0)} ms; ${last.calls} calls, ${last.failures} failed; ${last.results} results, ${last.cells} access cells)  target ≤ 5000 ms ${total <= 5000 ? '✔' : '✘'}`,
  );

  // Evaluator alone: the large account's 1,000 principals × the first region's 100 models.
  server.latencyMs = 0;
  const snapshot = await collectPosture({ regions: [LARGE.regions[0]], maxAttempts: 1 });
  const principals = principalsFromAuthorizationDetails(snapshot.iam.value).filter((p) => !p.serviceLinked);
  const models = snapshot.regions[0].foundationModels.value.map((m) => m.modelArn);
  const account = snapshot.identity.value.account;
  const times = [];
  let counts;
  for (let i = 0; i < Math.max(runs, 3); i++) {
    const t = performance.now();
    counts = { allow: 0, explicitDeny: 0, implicitDeny: 0, conditional: 0 };
    const now = new Date();
    for (const input of principals) {
      const p = compilePrincipal(input);
      const ctx = requestContext(input, { account, region: LARGE.regions[0], now });
      for (const m of models) counts[evaluate(p, 'bedrock:InvokeModel', m, ctx).decision]++;
    }
    times.push(performance.now() - t);
  }
  const ev = median(times);
  console.log(
    `evaluator ${principals.length} principals × ${models.length} models ${ev.toFixed(0).padStart(6)} ms  (compile included; ${counts.allow} allow, ${counts.conditional} conditional, ${counts.explicitDeny} explicit deny, ${counts.implicitDeny} implicit deny)  target ≤ 1000 ms ${ev <= 1000 ? '✔' : '✘'}`,
  );
} finally {
  await server.close();
  rmSync(home, { recursive: true, force: true });
}
