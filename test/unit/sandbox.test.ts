import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promptFileDraft, SandboxController, type SandboxSettings } from '../../src/extension/sandbox/controller';
import {
  parsePromptFile,
  parseRedactionPolicy,
  PolicyError,
  PromptFileError,
  redactRequest,
  RefusedContentError,
  requestHash,
  StreamReidentifier,
  type ConverseRequest,
} from '../../src/engine/prompt';
import { RedactionSession, type Detector, type RedactOptions } from '../../src/engine/redact';
import { scanDocument } from '../../src/engine/scan';
import { parseFromWebview, parseToWebview, type Draft, type ToWebview } from '../../src/webview/protocol';
import { setRuntimeTestEnv } from '../bedrock-runtime-server/env';
import { startRuntimeServer, type RuntimeTestServer } from '../bedrock-runtime-server/server';

const EMAIL = 'mei.ling@example.com';
const CARD = '4111 1111 1111 1111';
const KEY = 'AKIAZ7FAKEFIXTURE234';
const PERSON = 'Chan Tai Man';

describe('prompt sandbox: request redaction (every channel)', () => {
  it('redacts system, history and tool results (text and JSON) with one set of placeholders', () => {
    const request: ConverseRequest = {
      modelId: 'm',
      system: [{ text: `Escalate to ${EMAIL}.` }],
      messages: [
        { role: 'user', content: [{ text: `Card ${CARD} for ${EMAIL}` }] },
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'lookup', input: { email: EMAIL } } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: `key ${KEY}` }, { json: { rows: [{ email: EMAIL, n: 3 }] } }] } }] },
      ],
    };
    const r = redactRequest(request, new RedactionSession());
    const sent = JSON.stringify(r.request);
    for (const v of [EMAIL, CARD, KEY]) assert.ok(!sent.includes(v), `${v} leaked: ${sent}`);
    assert.equal(r.request.system?.[0]?.text, 'Escalate to [EMAIL_1].');
    assert.match(sent, /"rows":\[\{"email":"\[EMAIL_1\]","n":3\}\]/);
    assert.match(sent, /"input":\{"email":"\[EMAIL_1\]"\}/);
    assert.match(sent, /key \[AWS_ACCESS_KEY_1\]/);
    assert.ok(r.request.system?.some((b) => /placeholders/.test(b.text)), 'asks the model to keep placeholders');
    assert.equal(r.counts.EMAIL, 4);
    assert.ok(r.channels.some((c) => c.channel === 'messages[2].content[0].toolResult.content[1].json.rows[0].email'));
  });

  it('applies a restore decision only to the span the user chose, and records it; secrets cannot be restored', () => {
    const session = new RedactionSession();
    const request: ConverseRequest = { modelId: 'm', messages: [{ role: 'user', content: [{ text: `Mail ${EMAIL} about ${KEY}` }] }] };
    const first = redactRequest(request, session);
    const email = first.channels[0]!.entities.find((e) => e.type === 'EMAIL')!;
    const restore = [{ channel: 'messages[0].content[0]', start: email.start, end: email.end, type: 'EMAIL' as const }];
    const r = redactRequest(request, session, {}, { restore });
    assert.equal((r.request.messages[0]!.content[0] as { text: string }).text, `Mail ${EMAIL} about [AWS_ACCESS_KEY_1]`);
    assert.deepEqual(r.restored, restore);
    assert.equal(r.counts.EMAIL, undefined);
    const key = first.channels[0]!.entities.find((e) => e.type === 'AWS_ACCESS_KEY')!;
    assert.throws(() => redactRequest(request, session, {}, { restore: [{ channel: 'messages[0].content[0]', start: key.start, end: key.end, type: 'AWS_ACCESS_KEY' }] }), RefusedContentError);
    assert.throws(() => redactRequest(request, session, {}, { restore: [{ channel: 'messages[0].content[0]', start: 0, end: 4, type: 'EMAIL' }] }), /no longer matches/);
  });

  it('marks extra terms for redaction everywhere', () => {
    const r = redactRequest({ modelId: 'm', messages: [{ role: 'user', content: [{ text: 'Project Falcon ships; falcon team' }] }] }, new RedactionSession(), {}, { mark: ['Project Falcon', 'falcon'] });
    assert.equal((r.request.messages[0]!.content[0] as { text: string }).text, '[CUSTOM_1] ships; [CUSTOM_2] team');
  });

  it('refuses document and image blocks unless allowed, and unknown blocks always', () => {
    const doc = { modelId: 'm', messages: [{ role: 'user' as const, content: [{ text: 'see' }, { document: { name: 'q.pdf', format: 'pdf', source: { bytes: 'AAAA' } } }] }] };
    assert.throws(() => redactRequest(doc, new RedactionSession()), /document blocks cannot be redacted locally/);
    assert.ok(redactRequest(doc, new RedactionSession(), { allowBinaryBlocks: true }).request.messages[0]!.content[1]);
    const odd = { modelId: 'm', messages: [{ role: 'user', content: [{ video: {} }] }] } as unknown as ConverseRequest;
    assert.throws(() => redactRequest(odd, new RedactionSession(), { allowBinaryBlocks: true }), /unknown content block/);
  });

  it('fails closed when a detector throws: no partial request', () => {
    const broken: Detector = { name: 'broken', detect: () => { throw new Error('boom'); } };
    assert.throws(() => redactRequest({ modelId: 'm', messages: [{ role: 'user', content: [{ text: EMAIL }] }] }, new RedactionSession(), { extraDetectors: [broken] }), /boom/);
  });
});

describe('prompt sandbox: streamed re-identification', () => {
  const session = new RedactionSession();
  const r = session.redact(`Write to ${EMAIL} and ${PERSON}, key ${KEY}`);
  assert.ok(r.text.includes('[EMAIL_1]'));

  it('restores placeholders cut anywhere across chunks, keeps secrets one-way, and keeps the raw text', () => {
    const answer = 'Sure: \\[EMAIL\\_1\\] and [PERSON_1]; key [AWS_ACCESS_KEY_1]; [NOT_ISSUED_9]; [link](x) done';
    for (let size = 1; size <= 7; size++) {
      const s = new StreamReidentifier(session);
      let text = '';
      let raw = '';
      for (let i = 0; i < answer.length; i += size) {
        const p = s.push(answer.slice(i, i + size));
        text += p.text;
        raw += p.raw;
      }
      const last = s.flush();
      text += last.text;
      raw += last.raw;
      assert.equal(raw, answer);
      assert.equal(text, `Sure: ${EMAIL} and ${PERSON}; key [AWS_ACCESS_KEY_1]; [NOT_ISSUED_9]; [link](x) done`, `chunk size ${size}`);
      assert.equal(s.restored, 2);
    }
  });
});

describe('prompt sandbox: prompt files and policy', () => {
  it('parses front matter and role sections, with line numbers on errors', () => {
    const f = parsePromptFile(`---\nmodel: amazon.nova-lite-v1:0\nregion: eu-west-1\ntemperature: 0.3\nguardrail: gr-9:DRAFT\n---\n@system\nBe brief.\n\n@user\nHello\n@assistant\nHi\n@user\nAgain`);
    assert.equal(f.model, 'amazon.nova-lite-v1:0');
    assert.deepEqual(f.guardrail, { id: 'gr-9', version: 'DRAFT' });
    assert.equal(f.system, 'Be brief.');
    assert.deepEqual(f.turns.map((t) => [t.role, t.text]), [['user', 'Hello'], ['assistant', 'Hi'], ['user', 'Again']]);
    assert.throws(() => parsePromptFile('---\ntemperature: 3\n---\nhi'), (e: unknown) => e instanceof PromptFileError && e.line === 2 && /temperature/.test(e.message));
    assert.throws(() => parsePromptFile('---\nmodel: x\n'), /not closed/);
    assert.deepEqual(promptFileDraft('plain question').turns, [{ role: 'user', text: 'plain question' }]);
  });

  it('the scanner scans prompt files like any other file', () => {
    const { findings } = scanDocument({ file: 'prompts/support.prompt', text: `@user\nkey = "${KEY}"\n` });
    assert.ok(findings.some((f) => f.ruleId === 'GG-SEC-001'), JSON.stringify(findings.map((f) => f.ruleId)));
  });

  it('validates the policy: unknown types, bad actions and allowing secrets are errors', () => {
    assert.deepEqual(parseRedactionPolicy({ policy: { EMAIL: 'mask' }, denyList: ['x'] }, 's'), { policy: { EMAIL: 'mask' }, denyList: ['x'] });
    assert.throws(() => parseRedactionPolicy({ policy: { EMAIL: 'shout' } }, 's'), PolicyError);
    assert.throws(() => parseRedactionPolicy({ policy: { NOPE: 'mask' } }, 's'), /unknown entity type/);
    assert.throws(() => parseRedactionPolicy({ policy: { AWS_SECRET_KEY: 'allow' } }, 's'), /always redacted/);
    assert.throws(() => parseRedactionPolicy({ extra: 1 }, 's'), /unknown key/);
  });
});

describe('prompt sandbox: message validation', () => {
  const draft: Draft = { system: '', turns: [{ role: 'user', text: 'hi' }], modelId: 'm', region: '', guardrailId: '', guardrailVersion: '' };
  it('accepts well-formed messages and rejects malformed or oversized ones', () => {
    assert.deepEqual(parseFromWebview({ type: 'review', reviewId: 1, draft, decisions: { restore: [], mark: [] } })?.type, 'review');
    assert.equal(parseFromWebview({ type: 'review', reviewId: 1, draft: { ...draft, turns: [{ role: 'system', text: 'x' }] }, decisions: { restore: [], mark: [] } }), undefined);
    assert.equal(parseFromWebview({ type: 'send', reviewId: 1, draft, decisions: { restore: [], mark: [] } }), undefined, 'send needs a requestId');
    assert.equal(parseFromWebview({ type: 'review', reviewId: 1, draft: { ...draft, temperature: 7 }, decisions: { restore: [], mark: [] } }), undefined);
    assert.equal(parseFromWebview({ type: 'review', reviewId: 1, draft: { ...draft, system: 'x'.repeat(300_000) }, decisions: { restore: [], mark: [] } }), undefined);
    assert.equal(parseFromWebview({ type: 'eval', code: 'x' }), undefined);
    assert.equal(parseToWebview({ type: 'delta', requestId: 1, text: 1 }), undefined);
    assert.deepEqual(parseToWebview({ type: 'error', kind: 'x', message: 'm', extra: '<img>' }), { type: 'error', kind: 'x', message: 'm' });
  });
});

describe('prompt sandbox: host controller against the local bedrock-runtime server', function () {
  this.timeout(20_000);
  let server: RuntimeTestServer;
  let env: { home: string; restore(): void };
  let settings: SandboxSettings;
  let policy: () => Promise<RedactOptions>;
  let controller: SandboxController;

  const draft = (text: string, extra: Partial<Draft> = {}): Draft => ({ system: `Reply to ${EMAIL}`, turns: [{ role: 'user', text }], modelId: 'amazon.nova-lite-v1:0', region: 'us-east-1', guardrailId: '', guardrailVersion: '', ...extra });
  const none = { restore: [], mark: [] };
  const of = <T extends ToWebview['type']>(msgs: ToWebview[], type: T) => msgs.filter((m): m is Extract<ToWebview, { type: T }> => m.type === type);

  before(async () => {
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
    server.chunkDelayMs = 0;
    settings = { region: '', profile: '', auditLog: '' };
    policy = () => Promise.resolve({});
    controller = new SandboxController({
      post: () => undefined,
      settings: () => settings,
      loadPolicy: () => policy(),
      appendAudit: (file, line) => Promise.resolve(fs.appendFileSync(file, line)),
      log: () => undefined,
    });
  });

  it('review → send: the server gets only placeholders, the answer streams re-identified, with metrics', async () => {
    const d = draft(`Customer ${PERSON} paid with ${CARD}; contact ${EMAIL}. Key ${KEY}.`);
    const [review] = await controller.handle({ type: 'review', reviewId: 1, draft: d, decisions: none });
    assert.ok(review?.type === 'review', JSON.stringify(review));
    const entities = review.channels.flatMap((c) => c.segments).filter((s) => s.kind === 'entity');
    assert.ok(entities.some((e) => e.kind === 'entity' && e.type === 'AWS_ACCESS_KEY' && e.secret));
    assert.deepEqual(review.channels.map((c) => c.label), ['System prompt', 'Turn 1 (user)']);
    assert.equal(server.requests.length, 0, 'review sends nothing');
    const out = await controller.handle({ type: 'send', requestId: 1, reviewId: 1, draft: d, decisions: none });
    const body = server.allBodies();
    for (const v of [EMAIL, CARD, KEY, PERSON]) assert.ok(!body.includes(v), `the server received ${v}`);
    assert.equal(server.requests.length, 1);
    const text = of(out, 'delta').map((m) => m.text).join('');
    const raw = of(out, 'delta').map((m) => m.raw).join('');
    assert.ok(text.includes(EMAIL) && text.includes(PERSON), text);
    assert.ok(raw.includes('[EMAIL_1]') && !raw.includes(EMAIL), raw);
    const [done] = of(out, 'done');
    assert.equal(done?.stopReason, 'end_turn');
    assert.ok(done && done.usage && done.latencyMs >= 0 && done.restored >= 2);
  });

  it('sends nothing when the draft changed since the review, and reviews again', async () => {
    await controller.handle({ type: 'review', reviewId: 1, draft: draft(`mail ${EMAIL}`), decisions: none });
    const out = await controller.handle({ type: 'send', requestId: 1, reviewId: 1, draft: draft(`mail ${EMAIL} and ${CARD}`), decisions: none });
    assert.equal(of(out, 'error')[0]?.kind, 'stale');
    assert.equal(of(out, 'review').length, 1);
    assert.equal(server.requests.length, 0);
  });

  it('a restored value is sent as written and written to the audit log as a decision, never as a value', async () => {
    const file = path.join(env.home, 'audit', 'sent.jsonl');
    fs.mkdirSync(path.dirname(file));
    settings = { ...settings, auditLog: file };
    const d = draft(`Ask ${PERSON} about ${CARD}`);
    const [review] = await controller.handle({ type: 'review', reviewId: 1, draft: d, decisions: none });
    assert.ok(review?.type === 'review');
    const person = review.channels[1]!.segments.find((s) => s.kind === 'entity' && s.type === 'PERSON');
    assert.ok(person?.kind === 'entity');
    const decisions = { restore: [{ channel: review.channels[1]!.channel, start: person.start, end: person.end, type: 'PERSON' }], mark: [] };
    const [again] = await controller.handle({ type: 'review', reviewId: 2, draft: d, decisions });
    assert.ok(again?.type === 'review' && again.restored === 1);
    const out = await controller.handle({ type: 'send', requestId: 1, reviewId: 2, draft: d, decisions });
    assert.ok(of(out, 'done')[0]?.audited);
    assert.ok(server.allBodies().includes(PERSON) && !server.allBodies().includes(CARD));
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines.length, 1);
    const rec = JSON.parse(lines[0]!) as { sha256: string; model: string; region: string; time: string; request: ConverseRequest; restoredByUser: unknown[]; redacted: Record<string, number> };
    assert.equal(rec.model, 'amazon.nova-lite-v1:0');
    assert.equal(rec.region, 'us-east-1');
    assert.equal(rec.sha256, requestHash(rec.request));
    assert.deepEqual((JSON.parse(server.requests[0]!.body) as ConverseRequest).messages, rec.request.messages, 'the log holds exactly what was sent');
    assert.equal(rec.restoredByUser.length, 1);
    assert.ok(!lines[0]!.includes(CARD) && !lines[0]!.includes(EMAIL));
    assert.ok(rec.redacted.CREDIT_CARD === 1);
  });

  it('fails closed: a policy that cannot load or an audit log that cannot be written sends nothing', async () => {
    policy = () => Promise.reject(new PolicyError('.genai-guard.yml (redaction): action of EMAIL must be redact, mask or allow'));
    const out = await controller.handle({ type: 'review', reviewId: 1, draft: draft(`mail ${EMAIL}`), decisions: none });
    assert.equal(of(out, 'error')[0]?.kind, 'redaction');
    assert.match(of(out, 'error')[0]!.message, /Nothing will be sent: .*EMAIL/);
    policy = () => Promise.resolve({});
    settings = { ...settings, auditLog: path.join(env.home, 'no-such-dir', 'x', 'sent.jsonl') };
    await controller.handle({ type: 'review', reviewId: 2, draft: draft(`mail ${EMAIL}`), decisions: none });
    const sent = await controller.handle({ type: 'send', requestId: 1, reviewId: 2, draft: draft(`mail ${EMAIL}`), decisions: none });
    assert.equal(of(sent, 'error')[0]?.kind, 'audit');
    assert.equal(server.requests.length, 0);
  });

  it('shows a Bedrock error with what to do, and Cancel stops the stream', async () => {
    server.fault = { kind: 'http', status: 429, type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' };
    await controller.handle({ type: 'review', reviewId: 1, draft: draft('hello'), decisions: none });
    const out = await controller.handle({ type: 'send', requestId: 1, reviewId: 1, draft: draft('hello'), decisions: none });
    const [err] = of(out, 'error');
    assert.equal(err?.kind, 'throttled');
    assert.match(err?.action ?? '', /Wait a moment/);
    server.fault = undefined;
    server.chunkDelayMs = 30;
    server.chunkSize = 1;
    await controller.handle({ type: 'review', reviewId: 2, draft: draft(`mail ${EMAIL}`), decisions: none });
    const sending = controller.handle({ type: 'send', requestId: 2, reviewId: 2, draft: draft(`mail ${EMAIL}`), decisions: none });
    while (!controller.posted.some((m) => m.type === 'delta' && m.requestId === 2)) await new Promise((r) => setTimeout(r, 10));
    await controller.handle({ type: 'cancel', requestId: 2 });
    const done = await sending;
    assert.equal(of(done, 'error')[0]?.kind, 'cancelled');
    assert.equal(of(done, 'done').length, 0);
    server.chunkSize = 4;
  });
});
