/**
 * Batch analysis across threads for `genai-guard redact --jsonl`. Only the pure analysis (`analyze`) runs in worker
 * threads; the caller applies its ONE session to the results in input order, so placeholders are numbered exactly as
 * in a sequential run and the output is byte-identical. Fail closed: any error, in any thread, fails the whole call
 * with a RedactionError, and every worker is terminated whatever happens.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { forcedThreads } from './threads';
import { analyzeOrFail, RedactionError, type AnalyzedEntity, type AnalyzeOptions } from '../engine/redact';

/**
 * Below this many UTF-16 units in all, a worker costs more than it saves (unless threads are forced): a fresh thread
 * loads the engine and warms its JIT up (about 0.6 s of CPU before it runs at full speed), which on two cores slows
 * the main thread too. Measured with dist/cli.js on the development set: 1 MB, 0.81 s alone against 0.94 s with a
 * worker; 5 MB, 2.29 s against 2.10 s.
 */
export const POOL_MIN_CHARS = 3 * 1024 * 1024;
/** Largest chunk handed to a thread at once: small enough to keep threads balanced, large enough to keep messages few. */
export const MAX_CHUNK_CHARS = 64 * 1024;
const MIN_CHUNK_CHARS = 2 * 1024;
/** Chunks queued per worker, so a worker never waits for the main thread while the main thread analyses a chunk. */
const IN_FLIGHT = 2;

/** What the main thread sends a worker: texts to analyse, by chunk number. */
export interface RedactWorkerRequest {
  id: number;
  texts: string[];
}
/** What a worker answers: the analysis of each text of the chunk, or why it failed. */
export type RedactWorkerReply = { id: number; found: AnalyzedEntity[][] } | { id: number; error: { message: string; detector?: string } };
/** `workerData` of a redaction worker. */
export interface RedactWorkerData {
  genaiGuardRedact: true;
  options: AnalyzeOptions;
  /** Test-only fault injection (see `redactPoolInternals.fault`). */
  fault?: string;
}

/**
 * Internal, for tests only (not part of the CLI or of any setting). `fault`: `throw:MARKER` makes a worker's detector
 * throw on any text containing MARKER; `exit:MARKER` makes the worker thread exit there. `lastRun` tells how the last
 * pooled call spread its chunks: the first text of each chunk and the thread that analysed it (0: the main thread).
 * `liveWorkers` counts workers started and not yet exited.
 */
export const redactPoolInternals: { fault?: string; lastRun?: { threads: number; chunkStarts: number[]; chunkThreads: number[] }; liveWorkers: number } = { liveWorkers: 0 };

/**
 * Threads to analyse a batch with (the main thread included). Unlike the scanner, redaction gains on two cores: its
 * work is one long CPU-bound loop with little allocation. `GENAI_GUARD_THREADS=n` overrides; `GENAI_GUARD_NO_WORKERS=1`
 * forces one.
 */
export function redactThreads(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): { threads: number; forced: boolean } {
  const forced = forcedThreads(env);
  return forced !== undefined ? { threads: forced, forced: true } : { threads: cores >= 2 ? Math.min(cores, 8) : 1, forced: false };
}

const SESSION_ONLY = new Set(['policy', 'defaultAction']);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isNumberOrAbsent = (v: unknown): boolean => v === undefined || typeof v === 'number';

/**
 * The analysis options a worker can be given, or undefined when they cannot cross a thread boundary unchanged: extra
 * detectors and secret catalogues hold functions (or class instances a structured clone would strip), and an option
 * this file does not know might be one of them. Then the batch is analysed in-process.
 */
export function workerOptions(options: AnalyzeOptions): AnalyzeOptions | undefined {
  const out: AnalyzeOptions = {};
  for (const [key, value] of Object.entries(options) as [string, unknown][]) {
    if (value === undefined || SESSION_ONLY.has(key)) continue;
    switch (key) {
      case 'threshold':
      case 'maxChars':
        if (!isNumberOrAbsent(value)) return undefined;
        out[key] = value as number;
        break;
      case 'denyList':
      case 'allowList':
        if (!isStrings(value)) return undefined;
        out[key] = [...value];
        break;
      case 'extraDetectors':
        if (!Array.isArray(value) || value.length > 0) return undefined;
        break;
      default:
        return undefined; // secretPatterns (functions) or an option unknown here
    }
  }
  return out;
}

/** The worker's script: its own small bundle next to dist/cli.js, or the compiled module when unbundled (tests). */
function workerScript(): string {
  const bundled = path.join(__dirname, 'redact-worker.js');
  return existsSync(bundled) ? bundled : path.join(__dirname, 'redactWorker.js');
}

/** Consecutive texts grouped into chunks of about `size` UTF-16 units: [first, end) index ranges. */
function chunksOf(texts: readonly string[], size: number): [number, number][] {
  const out: [number, number][] = [];
  let first = 0;
  let chars = 0;
  for (let i = 0; i < texts.length; i++) {
    chars += texts[i]!.length + 1;
    if (chars >= size) {
      out.push([first, i + 1]);
      first = i + 1;
      chars = 0;
    }
  }
  if (first < texts.length) out.push([first, texts.length]);
  return out;
}

function asRedactionError(e: unknown): RedactionError {
  return e instanceof RedactionError ? e : new RedactionError(`redaction failed: ${(e as Error)?.message ?? String(e)}`, undefined, { cause: e });
}

export interface AnalyzeManySettings {
  /** Threads including the main thread (default: `redactThreads()`). */
  threads?: number;
  /** Use workers whatever the input size (default: when the thread count was set explicitly). */
  force?: boolean;
}

/**
 * `analyze(text, options)` of every text, in input order, across threads when worthwhile (enough text, two or more
 * threads, options that can cross to a worker); otherwise in-process. Rejects with a RedactionError on any failure:
 * a detector's, a worker's crash or a message that cannot be delivered. There is no partial result.
 */
export async function analyzeMany(texts: readonly string[], options: AnalyzeOptions = {}, settings: AnalyzeManySettings = {}): Promise<AnalyzedEntity[][]> {
  const env = redactThreads();
  const threads = settings.threads ?? env.threads;
  const force = settings.force ?? (env.forced && threads > 1);
  let chars = 0;
  for (const t of texts) chars += typeof t === 'string' ? t.length : 0;
  const forWorkers = threads > 1 && texts.length > 1 && (force || chars >= POOL_MIN_CHARS) ? workerOptions(options) : undefined;
  if (!forWorkers) return texts.map((t) => analyzeOrFail(t, options));
  return runPooled(texts, options, forWorkers, threads, chars);
}

function runPooled(texts: readonly string[], options: AnalyzeOptions, forWorkers: AnalyzeOptions, threads: number, chars: number): Promise<AnalyzedEntity[][]> {
  // Several chunks per thread even for small batches, at most MAX_CHUNK_CHARS each.
  const size = Math.max(MIN_CHUNK_CHARS, Math.min(MAX_CHUNK_CHARS, Math.ceil(chars / (threads * 4))));
  const chunks = chunksOf(texts, size);
  const results = new Array<AnalyzedEntity[][] | undefined>(chunks.length);
  const workerCount = Math.min(threads - 1, Math.max(1, Math.floor(chunks.length / 2)));
  const chunkThreads = new Array<number>(chunks.length).fill(-1);
  redactPoolInternals.lastRun = { threads: workerCount + 1, chunkStarts: chunks.map((c) => c[0]), chunkThreads };

  return new Promise<AnalyzedEntity[][]>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error !== undefined) {
        reject(asRedactionError(error));
        return;
      }
      const out: AnalyzedEntity[][] = [];
      for (const r of results) for (const found of r!) out.push(found);
      resolve(out);
    };
    const completed = (id: number, found: AnalyzedEntity[][], thread: number): void => {
      const chunk = chunks[id];
      if (chunk === undefined || !Array.isArray(found) || found.length !== chunk[1] - chunk[0]) {
        finish(new RedactionError(`redaction worker returned a wrong result for chunk ${id}`));
        return;
      }
      if (results[id] !== undefined) {
        finish(new RedactionError(`redaction worker answered chunk ${id} twice`));
        return;
      }
      results[id] = found;
      chunkThreads[id] = thread;
      if (++done === chunks.length) finish();
    };
    const give = (w: Worker): void => {
      if (settled || next >= chunks.length) return;
      const id = next++;
      const [first, end] = chunks[id]!;
      const request: RedactWorkerRequest = { id, texts: texts.slice(first, end) };
      w.postMessage(request);
    };

    for (let k = 1; k <= workerCount; k++) {
      let w: Worker;
      try {
        const data: RedactWorkerData = { genaiGuardRedact: true, options: forWorkers, ...(redactPoolInternals.fault ? { fault: redactPoolInternals.fault } : {}) };
        w = new Worker(workerScript(), { workerData: data });
      } catch (e) {
        finish(e);
        return;
      }
      workers.push(w);
      redactPoolInternals.liveWorkers++;
      w.on('message', (m: RedactWorkerReply) => {
        if (settled) return;
        if ('error' in m) finish(new RedactionError(m.error.message, m.error.detector));
        else {
          completed(m.id, m.found, k);
          give(w);
        }
      });
      w.on('messageerror', (e) => finish(new RedactionError(`redaction worker message could not be read: ${e.message}`, undefined, { cause: e })));
      w.on('error', (e) => finish(new RedactionError(`redaction worker failed: ${e.message}`, undefined, { cause: e })));
      w.on('exit', (code) => {
        redactPoolInternals.liveWorkers--;
        finish(new RedactionError(`redaction worker stopped unexpectedly (exit code ${code})`));
      });
      for (let q = 0; q < IN_FLIGHT; q++) give(w);
    }

    // The main thread takes chunks from the same queue, one at a time, letting worker messages in between.
    const step = (): void => {
      if (settled || next >= chunks.length) return;
      const id = next++;
      const [first, end] = chunks[id]!;
      const found: AnalyzedEntity[][] = [];
      try {
        for (let i = first; i < end; i++) found.push(analyzeOrFail(texts[i]!, options));
      } catch (e) {
        finish(e);
        return;
      }
      completed(id, found, 0);
      setImmediate(step);
    };
    step();
  });
}
