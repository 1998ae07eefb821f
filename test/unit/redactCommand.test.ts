import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Io } from '../../src/cli/io';
import { EXIT_REDACTION_FAILED, runRedact } from '../../src/cli/redactCommand';

async function run(args: string[], stdin = '', cwd = process.cwd(), options = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { cwd, isTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await runRedact(args, io, () => Promise.resolve(stdin), options);
  return { code, out, err };
}

describe('genai-guard redact (CLI contract)', () => {
  const input = '😀 Mail jane@example.com or call +852 9123 4567. Key AKIAZ7FAKEFIXTURE234.';

  it('prints the redacted text without flags (stdin and "-")', async () => {
    for (const args of [[], ['-']]) {
      const { code, out } = await run(args, input);
      assert.equal(code, 0);
      assert.equal(out, '😀 Mail [EMAIL_1] or call [PHONE_1]. Key [AWS_ACCESS_KEY_1].');
    }
  });

  it('--json prints text and entities with UTF-16 offsets into the original', async () => {
    const { code, out } = await run(['--json'], input);
    assert.equal(code, 0);
    const json = JSON.parse(out) as { text: string; entities: { type: string; start: number; end: number; placeholder: string }[] };
    assert.deepEqual(Object.keys(json), ['text', 'entities']);
    assert.equal(json.text, '😀 Mail [EMAIL_1] or call [PHONE_1]. Key [AWS_ACCESS_KEY_1].');
    assert.deepEqual(json.entities.map((e) => [e.type, input.slice(e.start, e.end), e.placeholder]), [
      ['EMAIL', 'jane@example.com', '[EMAIL_1]'],
      ['PHONE', '+852 9123 4567', '[PHONE_1]'],
      ['AWS_ACCESS_KEY', 'AKIAZ7FAKEFIXTURE234', '[AWS_ACCESS_KEY_1]'],
    ]);
    for (const e of json.entities) assert.deepEqual(Object.keys(e), ['type', 'start', 'end', 'placeholder']);
  });

  it('reads a FILE relative to the working directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gg-redact-'));
    try {
      writeFileSync(path.join(dir, 'p.txt'), 'SSN 536-22-1234\n');
      const { code, out } = await run(['p.txt', '--json'], '', dir);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out), { text: 'SSN [US_SSN_1]\n', entities: [{ type: 'US_SSN', start: 4, end: 15, placeholder: '[US_SSN_1]' }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--jsonl writes one result per input line, ignoring other fields and blank lines', async () => {
    const lines = [JSON.stringify({ id: 1, text: 'a@example.com' }), '', JSON.stringify({ text: 'nothing here', meta: { x: 1 } }), JSON.stringify({ text: 'b@example.com and a@example.com' })].join('\n');
    const { code, out } = await run(['--jsonl'], lines);
    assert.equal(code, 0);
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; entities: unknown[] });
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0], { text: '[EMAIL_1]', entities: [{ type: 'EMAIL', start: 0, end: 13, placeholder: '[EMAIL_1]' }] });
    assert.deepEqual(rows[1], { text: 'nothing here', entities: [] });
    assert.equal(rows[2]!.text, '[EMAIL_2] and [EMAIL_1]');
  });

  it('exits 2 on usage errors, unreadable files and malformed JSONL, printing nothing', async () => {
    for (const [args, stdin] of [[['--json', '--jsonl'], ''], [['a', 'b'], ''], [['--nope'], ''], [['missing.txt'], ''], [['--jsonl'], '{"text": 1}'], [['--jsonl'], 'not json']] as const) {
      const { code, out, err } = await run([...args], stdin);
      assert.equal(code, 2, `${args.join(' ')}`);
      assert.equal(out, '');
      assert.match(err, /genai-guard:/);
    }
  });

  it(`exits ${EXIT_REDACTION_FAILED} and prints nothing when redaction fails`, async () => {
    const boom = { name: 'boom', detect: () => { throw new Error('kaput'); } };
    const { code, out, err } = await run(['--jsonl'], '{"text":"a@example.com"}\n{"text":"b"}', process.cwd(), { extraDetectors: [boom] });
    assert.equal(code, EXIT_REDACTION_FAILED);
    assert.equal(out, '');
    assert.match(err, /redaction failed/);
  });

  it('prints help', async () => {
    const { code, out } = await run(['--help']);
    assert.equal(code, 0);
    assert.match(out, /genai-guard redact \[FILE\|-\] \[--json\]/);
  });
});
