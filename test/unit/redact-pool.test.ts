/**
 * Batch redaction across worker threads (`genai-guard redact --jsonl`, src/cli/redactPool.ts): the pooled output must
 * be byte-identical to the sequential one, placeholders must stay stable across lines analysed by different threads,
 * and any failure inside a worker must fail the whole command closed (exit 3, nothing on stdout) with every worker gone.
 */
import * as assert from 'node:assert/strict';
import type { Io } from '../../src/cli/io';
import { EXIT_REDACTION_FAILED, runRedact } from '../../src/cli/redactCommand';
import { analyzeMany, redactPoolInternals, redactThreads, workerOptions } from '../../src/cli/redactPool';
import { analyze, RedactionError, type RedactOptions } from '../../src/engine/redact';
import { DEV_DENY_LIST, generateDevSet } from '../redaction/devset';

type Env = Record<string, string | undefined>;

async function withEnv<T>(env: Env, fn: () => Promise<T>): Promise<T> {
  const saved: Env = {};
  for (const k of Object.keys(env)) {
    saved[k] = process.env[k];
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

const POOLED: Env = { GENAI_GUARD_THREADS: '3', GENAI_GUARD_NO_WORKERS: undefined };
const SEQUENTIAL: Env = { GENAI_GUARD_THREADS: undefined, GENAI_GUARD_NO_WORKERS: '1' };

async function run(env: Env, stdin: string, options: RedactOptions = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { cwd: process.cwd(), isTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await withEnv(env, () => runRedact(['--jsonl'], io, () => Promise.resolve(stdin), options));
  return { code, out, err };
}

/** Waits until every worker the pool started has exited (they are terminated, never left running). */
async function allWorkersGone(): Promise<void> {
  for (let i = 0; i < 200 && redactPoolInternals.liveWorkers > 0; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(redactPoolInternals.liveWorkers, 0, 'a redaction worker is still running');
}

/** The thread that analysed each input line in the last pooled run. */
function threadOfLine(lineCount: number): number[] {
  const run = redactPoolInternals.lastRun;
  assert.ok(run, 'the pool was not used');
  const out: number[] = [];
  for (let c = 0; c < run.chunkStarts.length; c++) {
    const end = run.chunkStarts[c + 1] ?? lineCount;
    for (let i = run.chunkStarts[c]!; i < end; i++) out.push(run.chunkThreads[c]!);
  }
  return out;
}

describe('genai-guard redact --jsonl across worker threads', function () {
  this.timeout(120_000);
  const samples = generateDevSet(400);
  const devLines = samples.map((s) => JSON.stringify({ id: s.id, text: s.text })).join('\n');

  afterEach(() => {
    redactPoolInternals.fault = undefined;
  });

  it('prints byte-identical output to the sequential path on the development set', async () => {
    for (const options of [{}, { denyList: DEV_DENY_LIST }, { denyList: DEV_DENY_LIST, policy: { EMAIL: 'mask' as const, PHONE: 'allow' as const } }]) {
      redactPoolInternals.lastRun = undefined;
      const pooled = await run(POOLED, devLines, options);
      const threads = new Set(threadOfLine(samples.length));
      assert.ok(threads.size >= 2, `expected several threads, got ${[...threads].join(',')}`);
      redactPoolInternals.lastRun = undefined;
      const sequential = await run(SEQUENTIAL, devLines, options);
      assert.equal(redactPoolInternals.lastRun, undefined, 'GENAI_GUARD_NO_WORKERS=1 must not start workers');
      assert.equal(pooled.code, 0);
      assert.equal(sequential.code, 0);
      assert.equal(pooled.out.split('\n').length, samples.length + 1);
      assert.equal(pooled.out, sequential.out);
      assert.equal(pooled.err, sequential.err);
    }
    await allWorkersGone();
  });

  it('keeps placeholders stable across lines analysed by different threads', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      const s = samples[i]!.text;
      lines.push(JSON.stringify({ text: `${s}\nContact user${i % 5}@example.com, key AKIAZ7FAKEFIXTURE234, card 4111 1111 1111 1111.` }));
    }
    const { code, out } = await run(POOLED, lines.join('\n'));
    assert.equal(code, 0);
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { entities: { type: string; start: number; end: number; placeholder: string }[] });
    assert.equal(rows.length, lines.length);
    const threads = threadOfLine(lines.length);
    const byValue = new Map<string, { placeholder: string; threads: Set<number> }>();
    rows.forEach((r, i) => {
      const email = `user${i % 5}@example.com`;
      const input = (JSON.parse(lines[i]!) as { text: string }).text;
      for (const [value, type] of [[email, 'EMAIL'], ['AKIAZ7FAKEFIXTURE234', 'AWS_ACCESS_KEY'], ['4111 1111 1111 1111', 'CREDIT_CARD']] as const) {
        const e = r.entities.find((x) => x.type === type && input.slice(x.start, x.end) === value);
        assert.ok(e, `line ${i + 1}: ${value} not redacted`);
        const seen = byValue.get(value) ?? byValue.set(value, { placeholder: e.placeholder, threads: new Set() }).get(value)!;
        assert.equal(e.placeholder, seen.placeholder, `line ${i + 1}: ${value}`);
        seen.threads.add(threads[i]!);
      }
    });
    assert.equal(new Set([...byValue.values()].map((v) => v.placeholder)).size, byValue.size, 'distinct values share a placeholder');
    for (const [value, v] of byValue) assert.ok(v.threads.size >= 2, `${value} was analysed by one thread only`);
    assert.equal(out, (await run(SEQUENTIAL, lines.join('\n'))).out);
    await allWorkersGone();
  });

  it(`exits ${EXIT_REDACTION_FAILED} with nothing on stdout when a detector fails inside a worker`, async () => {
    const lines = samples.slice(0, 300).map((s) => JSON.stringify({ text: `${s.text} FAULT-MARKER` })).join('\n');
    redactPoolInternals.fault = 'throw:FAULT-MARKER';
    const { code, out, err } = await run(POOLED, lines);
    assert.equal(code, EXIT_REDACTION_FAILED);
    assert.equal(out, '');
    assert.match(err, /redaction failed, nothing was written: detector "injected-fault" failed: injected fault/);
    await allWorkersGone();
  });

  it(`exits ${EXIT_REDACTION_FAILED} with nothing on stdout when a worker thread dies`, async () => {
    const lines = samples.slice(0, 300).map((s) => JSON.stringify({ text: `${s.text} FAULT-MARKER` })).join('\n');
    redactPoolInternals.fault = 'exit:FAULT-MARKER';
    const { code, out, err } = await run(POOLED, lines);
    assert.equal(code, EXIT_REDACTION_FAILED);
    assert.equal(out, '');
    assert.match(err, /redaction worker stopped unexpectedly/);
    await allWorkersGone();
  });

  it('fails closed in-process when the options cannot cross to a worker (extra detectors)', async () => {
    const boom = { name: 'boom', detect: () => { throw new Error('kaput'); } };
    redactPoolInternals.lastRun = undefined;
    const { code, out, err } = await run(POOLED, devLines, { extraDetectors: [boom] });
    assert.equal(code, EXIT_REDACTION_FAILED);
    assert.equal(out, '');
    assert.match(err, /detector "boom" failed: kaput/);
    assert.equal(redactPoolInternals.lastRun, undefined);
  });

  it('still exits 2 naming a malformed line (and 3 if a line before it fails)', async () => {
    const good = samples.slice(0, 300).map((s) => JSON.stringify({ text: s.text }));
    for (const [bad, message] of [['not json', 'line 302: not valid JSON'], ['{"text": 5}', 'line 302: expected an object with a string "text" field']] as const) {
      const { code, out, err } = await run(POOLED, [...good, '', bad, ...good].join('\n'));
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, new RegExp(message));
    }
    redactPoolInternals.fault = 'throw:FAULT-MARKER';
    const failing = good.map((l) => l.replace(/"}$/, ' FAULT-MARKER"}'));
    const { code, out } = await run(POOLED, [...failing, 'not json'].join('\n'));
    assert.equal(code, EXIT_REDACTION_FAILED);
    assert.equal(out, '');
    await allWorkersGone();
  });

  it('analyzeMany returns analyze() of every text, in order, pooled or not', async () => {
    const texts = samples.map((s) => s.text);
    const options = { denyList: DEV_DENY_LIST };
    const expected = texts.map((t) => analyze(t, options));
    assert.deepEqual(await analyzeMany(texts, options, { threads: 2, force: true }), expected);
    assert.deepEqual(await analyzeMany(texts, options, { threads: 1 }), expected);
    assert.deepEqual(await analyzeMany([], options, { threads: 2, force: true }), []);
    await assert.rejects(analyzeMany(['x'.repeat(50)], { maxChars: 10 }, { threads: 2, force: true }), RedactionError);
    await assert.rejects(analyzeMany(texts, { maxChars: 100 }, { threads: 2, force: true }), RedactionError);
    await allWorkersGone();
  });

  it('sends workers only options that survive a structured clone unchanged', () => {
    assert.deepEqual(workerOptions({}), {});
    assert.deepEqual(workerOptions({ denyList: ['a'], allowList: ['b'], threshold: 0.6, maxChars: 10, policy: { EMAIL: 'mask' }, defaultAction: 'redact', extraDetectors: [] } as RedactOptions), { denyList: ['a'], allowList: ['b'], threshold: 0.6, maxChars: 10 });
    assert.equal(workerOptions({ extraDetectors: [{ name: 'x', detect: () => [] }] }), undefined);
    assert.equal(workerOptions({ secretPatterns: [] }), undefined);
    assert.equal(workerOptions({ somethingNew: true } as RedactOptions), undefined);
  });

  it('reads the thread count like the scanner (GENAI_GUARD_THREADS, GENAI_GUARD_NO_WORKERS)', () => {
    assert.deepEqual(redactThreads({}, 1), { threads: 1, forced: false });
    assert.deepEqual(redactThreads({}, 2), { threads: 2, forced: false });
    assert.deepEqual(redactThreads({}, 32), { threads: 8, forced: false });
    assert.deepEqual(redactThreads({ GENAI_GUARD_THREADS: '3' }, 2), { threads: 3, forced: true });
    assert.deepEqual(redactThreads({ GENAI_GUARD_THREADS: 'x' }, 2), { threads: 2, forced: false });
    assert.deepEqual(redactThreads({ GENAI_GUARD_THREADS: '4', GENAI_GUARD_NO_WORKERS: '1' }, 4), { threads: 1, forced: true });
  });
});
