import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAsk } from '../../src/cli/askCommand';
import type { Io } from '../../src/cli/io';
import { runtimeTestEnv, setRuntimeTestEnv } from '../bedrock-runtime-server/env';
import { startRuntimeServer, type RuntimeTestServer } from '../bedrock-runtime-server/server';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Test values only: fake person, reserved example domain, a test card number, a valid-checksum HKID, a fake key. */
const ORIGINALS = {
  person: 'Chan Tai Man',
  email: 'chan.taiman@example.com',
  phone: '+852 9123 4567',
  card: '4111 1111 1111 1111',
  hkid: 'A123456(3)',
  key: 'AKIAZ7FAKEFIXTURE234',
};
const PROMPT = `Customer ${ORIGINALS.person} (${ORIGINALS.email}, ${ORIGINALS.phone}) says card ${ORIGINALS.card} was charged twice. HKID ${ORIGINALS.hkid}. Our key ${ORIGINALS.key} fails.\n`;

function memIo(cwd: string): Io & { out: string; err: string } {
  const io = { cwd, isTTY: false, out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

function runCli(args: string[], input: string, env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('genai-guard ask (CLI contract, real SDK against the local bedrock-runtime server)', function () {
  this.timeout(30_000);
  let server: RuntimeTestServer;
  let env: { home: string; restore(): void };
  let cwd: string;

  before(async () => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    server = await startRuntimeServer();
    env = setRuntimeTestEnv(server);
  });
  after(async () => {
    env.restore();
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    server.fault = undefined;
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gg-ask-'));
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('sends only the redacted prompt and streams the answer with the real values restored (built CLI, stdin)', async () => {
    const r = await runCli(['ask', '--model', 'amazon.nova-lite-v1:0'], PROMPT, runtimeTestEnv(server, env.home), cwd);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(server.requests.length, 1);
    const body = server.allBodies();
    for (const [what, value] of Object.entries(ORIGINALS)) assert.ok(!body.includes(value), `the server received the original ${what}`);
    assert.match(body, /\[EMAIL_1\]/);
    // The server answers with the placeholders it received; the CLI puts the originals back (the key stays one-way).
    assert.ok(r.stdout.includes(ORIGINALS.email) && r.stdout.includes(ORIGINALS.person), r.stdout);
    assert.ok(r.stdout.includes('[AWS_ACCESS_KEY_1]') && !r.stdout.includes(ORIGINALS.key), 'secrets are never re-identified');
    assert.match(r.stderr, /redacted locally: .*1 EMAIL/);
    assert.match(r.stderr, /stop reason end_turn/);
  });

  it('--dry-run prints the redacted request as JSON and sends nothing', async () => {
    const io = memIo(cwd);
    const code = await runAsk(['--model', 'm1', '--system', `Reply to ${ORIGINALS.email}`, '--guardrail', 'gr-1:2', '--dry-run'], io, { readStdin: () => Promise.resolve(PROMPT) });
    assert.equal(code, 0, io.err);
    const req = JSON.parse(io.out) as { modelId: string; system: { text: string }[]; messages: { content: { text: string }[] }[]; guardrailConfig: unknown };
    assert.equal(req.modelId, 'm1');
    assert.equal(req.system[0]?.text, 'Reply to [EMAIL_1]', 'the system channel is redacted with the same placeholders');
    assert.match(req.messages[0]!.content[0]!.text, /Customer \[PERSON_1\] \(\[EMAIL_1\], \[PHONE_1\]\)/);
    assert.deepEqual(req.guardrailConfig, { guardrailIdentifier: 'gr-1', guardrailVersion: '2' });
    for (const value of Object.values(ORIGINALS)) assert.ok(!io.out.includes(value));
    assert.equal(server.requests.length, 0);
  });

  it('reads a *.prompt file with front matter and role sections', async () => {
    fs.writeFileSync(path.join(cwd, 'support.prompt'), `---\nmodel: anthropic.claude-3-haiku-20240307-v1:0\nmaxTokens: 200\n---\n@system\nYou help ${ORIGINALS.person}.\n\n@user\nMail ${ORIGINALS.email}\n\n@assistant\nSure.\n\n@user\nNow.\n`);
    const io = memIo(cwd);
    const code = await runAsk(['support.prompt', '--dry-run'], io);
    assert.equal(code, 0, io.err);
    const req = JSON.parse(io.out) as { modelId: string; messages: { role: string }[]; inferenceConfig: unknown; system: { text: string }[] };
    assert.equal(req.modelId, 'anthropic.claude-3-haiku-20240307-v1:0');
    assert.deepEqual(req.messages.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.deepEqual(req.inferenceConfig, { maxTokens: 200 });
    assert.equal(req.system[0]?.text, 'You help [PERSON_1].');
  });

  it('exit 3 and nothing sent when the redaction policy cannot load', async () => {
    fs.writeFileSync(path.join(cwd, '.genai-guard.yml'), 'redaction:\n  policy: { EMAIL: shout }\n');
    const io = memIo(cwd);
    const code = await runAsk(['--model', 'm1'], io, { readStdin: () => Promise.resolve(PROMPT) });
    assert.equal(code, 3);
    assert.match(io.err, /redaction failed, nothing was sent: .*EMAIL must be redact, mask or allow/);
    assert.equal(io.out, '');
    assert.equal(server.requests.length, 0, 'nothing reached the server');
  });

  it('exit 3 and nothing sent when the redaction engine fails', async () => {
    const io = memIo(cwd);
    // Longer than the engine accepts: the engine throws, nothing may be sent.
    const code = await runAsk(['--model', 'm1'], io, { readStdin: () => Promise.resolve(`${'a'.repeat(10_000_001)} ${ORIGINALS.email}`) });
    assert.equal(code, 3, io.err);
    assert.equal(server.requests.length, 0);
  });

  it('honours the policy from .genai-guard.yml (mask, allow, deny-list)', async () => {
    fs.writeFileSync(path.join(cwd, '.genai-guard.yml'), 'redaction:\n  policy: { CREDIT_CARD: mask, PHONE: allow }\n  denyList: [Project Falcon]\n');
    const io = memIo(cwd);
    const code = await runAsk(['--model', 'm1', '--dry-run'], io, { readStdin: () => Promise.resolve(`Project Falcon: ${PROMPT}`) });
    assert.equal(code, 0, io.err);
    assert.match(io.out, /\[CUSTOM_1\]: Customer/);
    assert.match(io.out, /\*\*\*\* \*\*\*\* \*\*\*\* 1111/);
    assert.ok(io.out.includes(ORIGINALS.phone));
  });

  it('exit 4 with what to do on a Bedrock error; exit 2 on usage errors', async () => {
    server.fault = { kind: 'http', status: 403, type: 'AccessDeniedException', message: "You don't have access to the model with the specified model ID." };
    const io = memIo(cwd);
    assert.equal(await runAsk(['--model', 'm1', '--region', 'us-east-1'], io, { readStdin: () => Promise.resolve('hello') }), 4);
    assert.match(io.err, /Access denied to m1 in us-east-1[\s\S]*What to do: Enable access/);
    const u = memIo(cwd);
    assert.equal(await runAsk([], u, { readStdin: () => Promise.resolve('hello') }), 2);
    assert.match(u.err, /--model is required/);
    assert.equal(await runAsk(['--model', 'm', '--guardrail', 'nope'], memIo(cwd)), 2);
  });

  it('exit 2 when no credentials can be found', async () => {
    const r = await runCli(['ask', '--model', 'm1'], 'hello', { ...runtimeTestEnv(server, env.home), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' }, cwd);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /credentials/i);
    assert.equal(server.requests.length, 0);
  });
});
