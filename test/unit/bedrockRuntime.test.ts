import * as assert from 'node:assert/strict';
import { BedrockCallError, converseStream, createRuntimeClient, describeBedrockError, listTextModels } from '../../src/aws/bedrockRuntime';
import type { ConverseRequest } from '../../src/engine/prompt';
import { setRuntimeTestEnv } from '../bedrock-runtime-server/env';
import { startRuntimeServer, type RuntimeTestServer } from '../bedrock-runtime-server/server';

const REQUEST: ConverseRequest = {
  modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
  system: [{ text: 'Be brief.' }],
  messages: [{ role: 'user', content: [{ text: 'Write to [EMAIL_1] about [PERSON_1].' }] }],
  inferenceConfig: { maxTokens: 100, temperature: 0.2 },
};

describe('bedrock runtime (real SDK against the local bedrock-runtime server)', function () {
  this.timeout(20_000);
  let server: RuntimeTestServer;
  let env: { restore(): void };

  before(async () => {
    server = await startRuntimeServer();
    env = setRuntimeTestEnv(server);
  });
  after(async () => {
    env.restore();
    await server.close();
  });
  beforeEach(() => {
    server.fault = undefined;
    server.chunkDelayMs = 0;
    server.chunkSize = 4;
    server.requests.length = 0;
  });

  it('streams ConverseStream over HTTP/2 with SigV4, in binary event-stream frames, with usage, latency and stop reason', async () => {
    const client = createRuntimeClient({ region: 'us-east-1' });
    const deltas: string[] = [];
    const r = await converseStream(client, REQUEST, (t) => deltas.push(t));
    client.destroy();
    assert.equal(deltas.join(''), 'I will contact [EMAIL_1] and [PERSON_1] today.');
    assert.ok(deltas.length > 5, 'the answer arrived in many frames');
    assert.ok(deltas.some((d) => d.includes('[') && !d.includes(']')), 'a placeholder was cut across frames');
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(r.latencyMs, 42);
    assert.ok(r.usage && r.usage.totalTokens === r.usage.inputTokens + r.usage.outputTokens && r.usage.outputTokens > 0);
    const [req] = server.requests;
    assert.equal(req?.operation, 'ConverseStream');
    assert.equal(req?.path, `/model/${encodeURIComponent(REQUEST.modelId)}/converse-stream`);
    assert.equal(req?.modelId, REQUEST.modelId);
    assert.equal(req?.httpVersion, '2.0');
    assert.equal(req?.auth, 'sigv4');
    assert.deepEqual(req?.scope, { region: 'us-east-1', service: 'bedrock' });
    assert.match(req?.userAgent ?? '', /app\/genai-guard/);
    assert.deepEqual((req?.json as { inferenceConfig: unknown }).inferenceConfig, { maxTokens: 100, temperature: 0.2 });
  });

  it('lists on-demand text models and inference profiles for the picker', async () => {
    const models = await listTextModels({ region: 'us-east-1' });
    assert.ok(models.some((m) => m.id === 'anthropic.claude-3-haiku-20240307-v1:0' && m.kind === 'foundation-model' && /Anthropic Claude 3 Haiku/.test(m.label)));
    assert.ok(models.some((m) => m.id === 'us.anthropic.claude-3-5-haiku-20241022-v1:0' && m.kind === 'inference-profile'));
    assert.deepEqual(server.requests.map((r) => r.operation).sort(), ['ListFoundationModels', 'ListInferenceProfiles']);
  });

  const cases: [string, Parameters<typeof setFault>[0], string, RegExp][] = [
    ['AccessDenied', { kind: 'http', status: 403, type: 'AccessDeniedException', message: "You don't have access to the model with the specified model ID." }, 'accessDenied', /Model access/],
    ['model not in region', { kind: 'http', status: 400, type: 'ValidationException', message: 'The provided model identifier is invalid.' }, 'modelNotAvailable', /offered in us-east-1/],
    ['on-demand not supported', { kind: 'http', status: 400, type: 'ValidationException', message: "Invocation of model ID x with on-demand throughput isn't supported." }, 'modelNotAvailable', /inference profile/],
    ['validation', { kind: 'http', status: 400, type: 'ValidationException', message: 'temperature: must be <= 1' }, 'validation', /inference parameters/],
    ['throttling in the stream', { kind: 'stream', exceptionType: 'throttlingException', message: 'Too many requests, please wait before trying again.', afterChunks: 2 }, 'throttled', /Wait a moment/],
  ];
  function setFault(f: NonNullable<RuntimeTestServer['fault']>) {
    server.fault = f;
  }
  for (const [label, fault, kind, action] of cases) {
    it(`explains a Bedrock ${label} error with what to do`, async () => {
      setFault(fault);
      const client = createRuntimeClient({ region: 'us-east-1' });
      client.config.maxAttempts = () => Promise.resolve(1);
      const err = await converseStream(client, REQUEST, () => {}).then(
        () => assert.fail('expected an error'),
        (e: unknown) => e,
      );
      client.destroy();
      assert.ok(err instanceof BedrockCallError, String(err));
      assert.equal(err.kind, kind);
      assert.match(err.action, action);
      assert.ok(err.message.includes(fault.message), err.message);
    });
  }

  it('Cancel stops the stream: the call rejects as cancelled and the server sees the stream closed early', async () => {
    server.chunkDelayMs = 40;
    server.chunkSize = 1;
    const client = createRuntimeClient({ region: 'us-east-1' });
    const controller = new AbortController();
    const deltas: string[] = [];
    const err = await converseStream(
      client,
      REQUEST,
      (t) => {
        deltas.push(t);
        if (deltas.length === 3) controller.abort();
      },
      controller.signal,
    ).then(
      () => assert.fail('expected cancellation'),
      (e: unknown) => e,
    );
    client.destroy();
    assert.ok(err instanceof BedrockCallError && err.kind === 'cancelled', String(err));
    assert.ok(deltas.length < 10, `stopped after ${deltas.length} deltas`);
    const deadline = Date.now() + 3000;
    while (server.aborted === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(server.aborted, 1, 'the server saw the stream closed before its end');
  });

  it('describes a refused connection as a network problem', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const d = describeBedrockError(e, { modelId: 'm', region: 'eu-west-1' });
    assert.equal(d.kind, 'network');
    assert.match(d.message, /eu-west-1/);
  });
});

describe('bedrock runtime auth selection', function () {
  this.timeout(20_000);
  it('signs with SigV4 when AWS_BEARER_TOKEN_BEDROCK is empty, and uses the Bedrock API key when set', async () => {
    const server = await startRuntimeServer();
    const env = setRuntimeTestEnv(server);
    try {
      process.env['AWS_BEARER_TOKEN_BEDROCK'] = '';
      const sig = createRuntimeClient({ region: 'us-east-1' });
      await converseStream(sig, REQUEST, () => {});
      sig.destroy();
      process.env['AWS_BEARER_TOKEN_BEDROCK'] = 'bedrock-api-key-simulated';
      const bearer = createRuntimeClient({ region: 'us-east-1' });
      await converseStream(bearer, REQUEST, () => {});
      bearer.destroy();
      assert.deepEqual(server.requests.map((r) => r.auth), ['sigv4', 'bearer']);
    } finally {
      env.restore();
      await server.close();
    }
  });
});
