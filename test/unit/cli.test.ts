import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { scanThreads } from '../../src/cli/scanCommand';
import type { Io } from '../../src/cli/io';

const KEY = 'AKIAZ7FAKEFIXTURE234';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { cwd, isTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

describe('genai-guard CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gg-cli-'));
    mkdirSync(path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'ignored'));
    mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'app.py'), `import os\nkey = "${KEY}"\n`);
    writeFileSync(path.join(dir, 'src', 'ok.py'), 'key = os.environ["AWS_ACCESS_KEY_ID"]\n');
    writeFileSync(path.join(dir, 'src', 'muted.py'), `key = "AKIAZ7FAKEFIXTURE235"  # genai-guard-ignore GG-SEC-001: test key\n`);
    writeFileSync(path.join(dir, 'ignored', 'x.py'), `key = "${KEY}"\n`);
    writeFileSync(path.join(dir, 'node_modules', 'dep', 'x.js'), `const k = "${KEY}";\n`);
    writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
    writeFileSync(path.join(dir, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(KEY)]));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract with relative paths, 1-based positions and suppressed findings marked', async () => {
    const { code, out } = await run(['scan', '--format', 'json'], dir);
    assert.equal(code, 1, 'an error-level finding fails by default');
    const json = JSON.parse(out) as { version: number; findings: Record<string, unknown>[]; stats: { files: number; ms: number } };
    assert.equal(json.version, 1);
    assert.deepEqual(
      json.findings.map((f) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.family, f.severity, f.suppressed]),
      [
        ['src/app.py', 2, 8, 2, 28, 'GG-SEC-001', 'secret', 'error', false],
        ['src/muted.py', 1, 8, 1, 28, 'GG-SEC-001', 'secret', 'error', true],
      ],
    );
    assert.ok(!out.includes(KEY), 'the secret is never printed in full');
    assert.equal(json.stats.files, 4, 'gitignored, node_modules and binary files are not scanned');
    assert.equal(typeof json.stats.ms, 'number');
  });

  it('keeps file paths as given on the command line', async () => {
    const { out } = await run(['scan', 'src/app.py', '--format', 'json'], dir);
    assert.equal((JSON.parse(out) as { findings: { file: string }[] }).findings[0]?.file, 'src/app.py');
  });

  it('shows walked files relative to the working directory, inside it or outside', async () => {
    const files = async (target: string, cwd = dir) => ((JSON.parse((await run(['scan', target, '--format', 'json'], cwd)).out) as { findings: { file: string }[] }).findings.map((f) => f.file));
    assert.ok((await files('.')).includes('src/app.py'));
    assert.ok((await files('./src/')).includes('src/app.py'));
    assert.deepEqual(await files(path.join(dir, 'src')), await files('src'));
    const other = mkdtempSync(path.join(tmpdir(), 'gg-cli-other-'));
    try {
      mkdirSync(path.join(other, 'deep'));
      writeFileSync(path.join(other, 'deep', 'k.py'), `key = "${KEY}"\n`);
      const shown = path.join('..', path.basename(other), 'deep', 'k.py');
      assert.deepEqual(await files(path.join('..', path.basename(other))), [shown]);
      assert.deepEqual(await files(other), [shown], 'an absolute folder outside the working directory');
      assert.deepEqual(await files('.', path.join(other, 'deep')), ['k.py']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('exits 0 below --fail-on and with --fail-on never, 1 at or above it', async () => {
    assert.equal((await run(['scan', 'src/ok.py'], dir)).code, 0);
    assert.equal((await run(['scan', 'src/muted.py'], dir)).code, 0, 'suppressed findings do not fail the build');
    assert.equal((await run(['scan', '--fail-on', 'never'], dir)).code, 0);
    assert.equal((await run(['scan', '--fail-on', 'note'], dir)).code, 1);
  });

  it('exits 2 on usage and I/O errors with a clear message', async () => {
    const bad = await run(['scan', '--format', 'xml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be one of text, json, sarif/);
    const missing = await run(['scan', 'nope/'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read nope\//);
    assert.equal((await run(['scan', '--bogus'], dir)).code, 2);
    assert.equal((await run(['frobnicate'], dir)).code, 2);
  });

  it('writes SARIF 2.1.0 to --output with rules, fingerprints and suppressions', async () => {
    const { code, out } = await run(['scan', '--format', 'sarif', '--output', 'out.sarif'], dir);
    assert.equal(code, 1);
    assert.equal(out, '');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string; help: { text: string } }[] } }; results: Record<string, unknown>[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0]!;
    assert.ok(run0.tool.driver.rules.some((r) => r.id === 'GG-SEC-001' && r.helpUri.endsWith('GG-SEC-001.md') && r.help.text.length > 20));
    assert.equal(run0.results.length, 2);
    const suppressed = run0.results.find((r) => Array.isArray(r.suppressions));
    assert.deepEqual(suppressed?.suppressions, [{ kind: 'inSource', justification: 'test key' }]);
    assert.ok(run0.results.every((r) => typeof (r.partialFingerprints as Record<string, string>)['genaiGuard/v1'] === 'string'));
  });

  it('skips files over 5 MB and reads big files up to the limit whole', async () => {
    const limit = 5 * 1024 * 1024;
    const line = `${'x'.repeat(63)}\n`;
    const filler = (bytes: number) => line.repeat(Math.floor(bytes / 64)) + ' '.repeat(bytes % 64);
    const tail = `key = "${KEY}"\n`;
    writeFileSync(path.join(dir, 'src', 'at-limit.py'), filler(limit - tail.length) + tail);
    writeFileSync(path.join(dir, 'src', 'over-limit.py'), filler(limit + 1 - tail.length) + tail);
    writeFileSync(path.join(dir, 'src', 'mid.py'), filler(700_000) + tail);
    writeFileSync(path.join(dir, 'src', 'late-nul.py'), filler(9000) + '\0' + tail);
    const { out } = await run(['scan', 'src', '--format', 'json', '--fail-on', 'never'], dir);
    const json = JSON.parse(out) as { findings: { file: string; line: number }[]; stats: { files: number; skipped: { binary: number; tooLarge: number } } };
    const files = json.findings.map((f) => f.file).sort();
    assert.ok(files.includes('src/at-limit.py'), 'a file of exactly 5 MB is scanned to its last line');
    assert.ok(files.includes('src/mid.py'), 'a file bigger than the read buffer is read whole');
    assert.ok(!files.includes('src/over-limit.py'), 'a file of 5 MB + 1 byte is skipped');
    assert.equal(json.stats.skipped.tooLarge, 1);
    assert.ok(files.includes('src/late-nul.py'), 'a NUL byte after the first 8 KB does not make a text file binary');
    assert.equal(json.findings.find((f) => f.file === 'src/at-limit.py')?.line, limit / 64);
  });

  it('scans many single files in batches with each finding and suppression kept to its own file', async () => {
    mkdirSync(path.join(dir, 'cfn'));
    for (let i = 0; i < 150; i++) {
      const muted = i % 50 === 7 ? `    Metadata:\n      genai-guard:\n        ignore:\n          - id: GG-ENC-001\n            reason: reviewed ${i}\n` : '';
      writeFileSync(path.join(dir, 'cfn', `t${i}.yaml`), `${'# pad\n'.repeat(i % 5)}Resources:\n  Bucket${i}:\n    Type: AWS::S3::Bucket\n${muted}    Properties:\n      BucketName: b-${i}\n`);
    }
    const { out } = await run(['scan', 'cfn', '--format', 'json', '--fail-on', 'never'], dir);
    const found = (JSON.parse(out) as { findings: { file: string; line: number; ruleId: string; suppressed: boolean }[] }).findings.filter((f) => f.ruleId === 'GG-ENC-001');
    assert.equal(found.length, 150);
    for (let i = 0; i < 150; i++) {
      const f = found.filter((x) => x.file === `cfn/t${i}.yaml`);
      assert.equal(f.length, 1, `one finding in t${i}.yaml`);
      assert.equal(f[0]!.line, 2 + (i % 5), `at Bucket${i}'s line`);
      assert.equal(f[0]!.suppressed, i % 50 === 7, `t${i}.yaml suppressed only by its own metadata`);
    }
  });

  it('groups text output by file with a summary line', async () => {
    const { out } = await run(['scan'], dir);
    assert.match(out, /^src\/app\.py\n {2}2:8 +error +AWS access key id AKIA…E234/m);
    assert.match(out, /✖ 1 problem \(1 error, 0 warnings, 0 notes, 1 suppressed\) in 4 files, 1 skipped/);
  });

  it('lists rules and writes their documentation pages', async () => {
    const { out } = await run(['rules', '--format', 'markdown'], dir);
    assert.match(out, /\| \[GG-SEC-001\]\(docs\/rules\/GG-SEC-001\.md\) \| secret \| error \|/);
    assert.equal((await run(['rules', '--docs', 'docs'], dir)).code, 0);
    assert.match(readFileSync(path.join(dir, 'docs', 'GG-SEC-001.md'), 'utf8'), /^# GG-SEC-001/);
  });

  it('the bundled dist/cli.js runs as an executable without vscode', function () {
    const cli = path.resolve(__dirname, '../../../dist/cli.js');
    const bundle = readFileSync(cli, 'utf8');
    assert.ok(bundle.startsWith('#!/usr/bin/env node'));
    assert.ok(!/require\(["']vscode["']\)/.test(bundle), 'the CLI bundle must not need vscode');
    assert.match(execFileSync(cli, ['--version']).toString(), /^\d+\.\d+\.\d+/);
    const r = spawnSync(cli, ['scan', path.join(dir, 'src', 'app.py'), '--format', 'json']);
    assert.equal(r.status, 1);
  });
});

describe('genai-guard scan on several threads', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gg-threads-'));
    // 700 files (above the parallel threshold): Terraform modules split across files, templates, sources.
    for (let m = 0; m < 20; m++) {
      const mod = path.join(dir, `mod${m}`);
      mkdirSync(mod);
      writeFileSync(path.join(mod, 'bucket.tf'), `resource "aws_s3_bucket" "b" {\n  bucket = "data-${m}"\n}\n`);
      writeFileSync(path.join(mod, 'sse.tf'), m % 2 ? `resource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n` : '# none\n');
      writeFileSync(path.join(mod, 'iam.tf'), `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "bedrock:*", Resource = "*" }] })\n}\n`);
    }
    for (let i = 0; i < 640; i++) {
      const file = path.join(dir, `src${i % 10}`, `f${i}.${['py', 'ts', 'yaml', 'md'][i % 4]}`);
      mkdirSync(path.dirname(file), { recursive: true });
      const body = i % 4 === 2 ? `Resources:\n  B${i}:\n    Type: AWS::S3::Bucket\n` : `x = 1\n${i % 37 === 0 ? `key = "AKIAZ7FAKEFIXT${String(i).padStart(6, 'A').replace(/[0-9]/g, 'Q')}"\n` : ''}`;
      writeFileSync(file, body);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds exactly what one thread finds, with every file counted once', async () => {
    const scan = async (threads: string) => {
      const before = process.env.GENAI_GUARD_THREADS;
      process.env.GENAI_GUARD_THREADS = threads;
      try {
        const { out } = await run(['scan', '--format', 'json', '--fail-on', 'never'], dir);
        const json = JSON.parse(out) as { findings: { file: string; line: number; ruleId: string }[]; stats: { files: number } };
        return { files: json.stats.files, findings: json.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`) };
      } finally {
        if (before === undefined) delete process.env.GENAI_GUARD_THREADS;
        else process.env.GENAI_GUARD_THREADS = before;
      }
    };
    const one = await scan('1');
    const three = await scan('3');
    assert.equal(one.files, 700);
    assert.equal(three.files, 700);
    assert.deepEqual(three.findings, one.findings);
    assert.ok(one.findings.some((f) => f.endsWith('GG-SEC-001')) && one.findings.some((f) => f.includes('.tf:') && f.includes('GG-IAM')), 'the tree exercises secret and IaC rules');
  });

  it('uses one thread on one or two cores unless told otherwise', () => {
    assert.equal(scanThreads({}, 2), 1);
    assert.equal(scanThreads({}, 1), 1);
    assert.equal(scanThreads({}, 4), 4);
    assert.equal(scanThreads({}, 32), 8);
    assert.equal(scanThreads({ GENAI_GUARD_THREADS: '3' }, 2), 3);
    assert.equal(scanThreads({ GENAI_GUARD_NO_WORKERS: '1' }, 16), 1);
  });
});
