import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfigFileError, CONFIG_FILE_NAMES, EMPTY_CONFIG, parseBaseline, parseConfig, pathFilter, toScanOptions, type GuardFileConfig } from '../engine/config';
import { compareFindings, severityAtLeast, type Finding, type Severity } from '../engine/finding';
import { renderJson, type ScanStats } from '../engine/report/json';
import { renderSarif } from '../engine/report/sarif';
import { renderText } from '../engine/report/text';
import type { ScanOptions } from '../engine/scan';
import { UsageError, type Io } from './io';
import { scanUnits, type Skipped, type Unit } from './scanUnits';

export { MAX_FILE_BYTES } from './scanUnits';
import { forcedThreads } from './threads';
import { walkFiles } from './walk';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;
type Format = (typeof FORMATS)[number];
type FailOn = (typeof FAIL_ON)[number];
/** Below this many files, worker start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 600;

export interface ScanArgs {
  paths: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
}

export function parseScanArgs(values: { format?: string; output?: string; 'fail-on'?: string }, positionals: string[]): ScanArgs {
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`);
  return { paths: positionals.length ? positionals : ['.'], format: format as Format, failOn: failOn as FailOn, ...(values.output ? { output: values.output } : {}) };
}

/** Groups files into scan units: `.tf` files of one folder form a module; everything else stands alone. */
function groupUnits(files: [string, string][]): Unit[] {
  const modules = new Map<string, Unit>();
  const units: Unit[] = [];
  for (const f of files) {
    if (f[0].endsWith('.tf')) {
      const dir = path.dirname(f[0]);
      const m = modules.get(dir);
      if (m) m.push(f);
      else {
        const unit: Unit = [f];
        modules.set(dir, unit);
        units.push(unit);
      }
    } else {
      units.push([f]);
    }
  }
  return units;
}

/**
 * Threads to scan with. On one or two cores a single thread is fastest: a second scanning thread competes with V8's
 * own compiler and GC threads and pays its own JIT warm-up (measured: 2 threads 1.9-2.1 s, 1 thread 1.7-1.9 s on the
 * 10,000-file benchmark). `GENAI_GUARD_THREADS=n` overrides; `GENAI_GUARD_NO_WORKERS=1` forces one.
 */
export function scanThreads(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  return forcedThreads(env) ?? (cores >= 3 ? Math.min(cores, 8) : 1);
}

/** The worker's script: its own small bundle next to dist/cli.js, or the compiled module when unbundled (tests). */
function workerScript(): string {
  const bundled = path.join(__dirname, 'scan-worker.js');
  return existsSync(bundled) ? bundled : path.join(__dirname, 'scanWorker.js');
}

function runInWorkers(units: Unit[], options: ScanOptions, threads: number, onFiles: (n: number) => void): Promise<{ findings: Finding[]; files: number; skipped: Skipped }> {
  // Deal units round-robin by size so workers finish together.
  const buckets: Unit[][] = Array.from({ length: threads }, () => []);
  const sizes = new Array<number>(threads).fill(0);
  for (const u of [...units].sort((a, b) => b.length - a.length)) {
    const i = sizes.indexOf(Math.min(...sizes));
    buckets[i]!.push(u);
    sizes[i]! += u.length;
  }
  const total = { findings: [] as Finding[], files: 0, skipped: { binary: 0, tooLarge: 0, unreadable: 0 } };
  const add = (r: Awaited<ReturnType<typeof scanUnits>>) => {
    total.findings.push(...r.findings);
    total.files += r.files;
    total.skipped.binary += r.skipped.binary;
    total.skipped.tooLarge += r.skipped.tooLarge;
    total.skipped.unreadable += r.skipped.unreadable;
  };
  // The main thread scans the first share itself while the workers start and scan the rest.
  const [own, ...others] = buckets;
  const inWorkers = Promise.all(
    others.map(
      (bucket) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(workerScript(), { workerData: { genaiGuardScan: true, units: bucket, options } });
          w.on('message', (m: { progress?: number; result?: Awaited<ReturnType<typeof scanUnits>> }) => {
            if (m.progress) onFiles(m.progress);
            if (m.result) add(m.result);
          });
          w.on('error', reject);
          w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scan worker exited with ${code}`))));
        }),
    ),
  );
  return scanUnits(own ?? [], options, () => onFiles(1))
    .then(add)
    .then(() => inWorkers)
    .then(() => total);
}

/** Loads `.genai-guard.yml` from the working directory, if present. */
export function loadConfig(cwd: string): { config: GuardFileConfig; file?: string } {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(cwd, name);
    if (existsSync(file)) return { config: parseConfig(readFileSync(file, 'utf8'), name), file };
  }
  return { config: EMPTY_CONFIG };
}

/** Collects [absolute, shown] file pairs for the given paths, honouring .gitignore and the config's globs. */
export async function collectFiles(paths: string[], cwd: string, config: GuardFileConfig, io: Io): Promise<[string, string][] | number> {
  const keep = pathFilter(config);
  const out: [string, string][] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = await fs.stat(abs);
    } catch {
      io.stderr(`genai-guard: cannot read ${p}: no such file or directory\n`);
      return 2;
    }
    if (st.isDirectory()) {
      // Every walked file is a prefix away from its shown path: the folder's own path relative to the working
      // directory (empty for the working directory itself), then the rest of the file's path.
      const rootRel = path.relative(cwd, abs);
      const prefix = rootRel === '' || rootRel.endsWith(path.sep) ? rootRel : rootRel + path.sep;
      const base = abs.endsWith(path.sep) ? abs : abs + path.sep;
      for (const file of walkFiles(abs)) {
        const relNative = file.startsWith(base) ? prefix + file.slice(base.length) : path.relative(cwd, file);
        const rel = path.sep === '/' ? relNative : relNative.split(path.sep).join('/');
        if (keep(rel)) out.push([file, rel]);
      }
    } else {
      out.push([abs, p]); // a file named explicitly is scanned whatever the globs say
    }
  }
  return out;
}

/** Runs `genai-guard scan`; returns the exit code (0 clean, 1 findings at or above --fail-on, 2 usage/I-O error). */
export async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const started = Date.now();
  let config: GuardFileConfig;
  let baseline = new Set<string>();
  try {
    config = loadConfig(io.cwd).config;
    if (config.baseline) {
      const file = path.resolve(io.cwd, config.baseline);
      if (!existsSync(file)) throw new ConfigFileError([{ file: config.baseline, line: 1, column: 1, message: 'baseline file named in .genai-guard.yml does not exist' }]);
      baseline = parseBaseline(readFileSync(file, 'utf8'), config.baseline);
    }
  } catch (e) {
    if (e instanceof ConfigFileError) {
      io.stderr(`genai-guard: invalid configuration:\n${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const options = toScanOptions(config);
  const collected = await collectFiles(args.paths, io.cwd, config, io);
  if (typeof collected === 'number') return collected;
  const units = groupUnits(collected);

  let done = 0;
  const showProgress = io.progress && collected.length >= 500;
  const tick = (n: number) => {
    done += n;
    if (showProgress && (done % 500 < n || done === collected.length)) io.progress?.(`scanning ${done}/${collected.length} files…`);
  };
  const threads = scanThreads();
  const result =
    collected.length >= PARALLEL_THRESHOLD && threads > 1
      ? await runInWorkers(units, options, threads, tick)
      : await scanUnits(units, options, () => tick(1));
  if (showProgress) io.progress?.('');

  for (const f of result.findings) {
    if (!f.suppressed && baseline.has(f.fingerprint)) f.suppressed = { kind: 'baseline', source: config.baseline ?? 'baseline' };
  }
  const findings = result.findings.sort(compareFindings);
  const stats: ScanStats = { files: result.files, ms: Date.now() - started, skipped: result.skipped };
  const rendered = args.format === 'json' ? renderJson(findings, stats) : args.format === 'sarif' ? renderSarif(findings) : renderText(findings, stats, !args.output && io.isTTY);
  if (args.output) {
    try {
      await fs.writeFile(path.resolve(io.cwd, args.output), rendered);
    } catch (e) {
      io.stderr(`genai-guard: cannot write ${args.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else {
    io.stdout(rendered);
  }
  if (args.failOn === 'never') return 0;
  const threshold: Severity = args.failOn;
  return findings.some((f) => !f.suppressed && severityAtLeast(f.severity, threshold)) ? 1 : 0;
}

/** `genai-guard baseline [PATH...] [--output FILE]`: accepts every current finding (by fingerprint). */
export async function runBaseline(paths: string[], output: string | undefined, io: Io): Promise<number> {
  const target = output ?? '.genai-guard-baseline.json';
  let config: GuardFileConfig;
  try {
    config = loadConfig(io.cwd).config;
  } catch (e) {
    if (e instanceof ConfigFileError) {
      io.stderr(`genai-guard: invalid configuration:\n${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const collected = await collectFiles(paths.length ? paths : ['.'], io.cwd, config, io);
  if (typeof collected === 'number') return collected;
  const { findings } = await scanUnits(groupUnits(collected), toScanOptions(config));
  const entries = findings.filter((f) => !f.suppressed).sort(compareFindings).map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file }));
  await fs.writeFile(path.resolve(io.cwd, target), `${JSON.stringify({ version: 1, findings: entries }, null, 2)}\n`);
  io.stdout(`wrote ${entries.length} accepted finding${entries.length === 1 ? '' : 's'} to ${target}; add "baseline: ${target}" to .genai-guard.yml\n`);
  return 0;
}

