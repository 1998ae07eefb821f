/**
 * A local bedrock-runtime-compatible server for tests, so the real `@aws-sdk/client-bedrock-runtime` is exercised:
 *
 * - cleartext HTTP/2 (h2c with prior knowledge, what the SDK speaks by default for bedrock-runtime) on the runtime
 *   port, HTTP/1.1 on the control-plane port (`@aws-sdk/client-bedrock` speaks HTTP/1.1); both serve every route;
 * - `POST /model/{modelId}/converse-stream` answered with `application/vnd.amazon.eventstream` binary frames
 *   (prelude + CRC, headers, JSON payload, message CRC) via `@smithy/eventstream-codec`: messageStart,
 *   contentBlockDelta × n, contentBlockStop, messageStop, metadata; `POST /model/{modelId}/converse` (JSON);
 * - errors before the stream (HTTP status + `x-amzn-errortype`) or inside it (`:message-type: exception`);
 * - the control-plane listings the model picker uses (`GET /foundation-models`, `GET /inference-profiles`).
 *
 * Every request body is recorded, so tests can assert the server never received an original value. The default
 * answer repeats the placeholders of the last user message (`[EMAIL_1]`) in small chunks, so placeholders are cut
 * across frames.
 */
import * as http from 'node:http';
import * as http2 from 'node:http2';
import type * as net from 'node:net';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

export interface ReceivedRequest {
  method: string;
  path: string;
  operation: 'ConverseStream' | 'Converse' | 'ListFoundationModels' | 'ListInferenceProfiles' | 'Unknown';
  modelId?: string;
  httpVersion: string;
  /** `sigv4`, `bearer` or `none`, from the Authorization header. */
  auth: string;
  /** Signing region and service from the SigV4 credential scope. */
  scope?: { region: string; service: string };
  userAgent: string;
  body: string;
  json?: unknown;
}

export type RuntimeFault =
  | { kind: 'http'; status: number; type: string; message: string }
  | { kind: 'stream'; exceptionType: string; message: string; afterChunks: number };

export interface RuntimeServerOptions {
  /** Characters per contentBlockDelta. Default 4. */
  chunkSize?: number;
  /** Delay between frames, ms. Default 0. */
  chunkDelayMs?: number;
  /** The answer text for a request; default: repeats the last user message's placeholders. */
  reply?: (request: ConverseLikeBody, modelId: string) => string;
}

export interface ConverseLikeBody {
  system?: { text?: string }[];
  messages?: { role: string; content: { text?: string }[] }[];
  inferenceConfig?: Record<string, unknown>;
  guardrailConfig?: Record<string, unknown>;
}

export interface RuntimeTestServer {
  /** The runtime endpoint (HTTP/2). */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  chunkSize: number;
  chunkDelayMs: number;
  reply: (request: ConverseLikeBody, modelId: string) => string;
  /** A fault for the next matching runtime calls (until cleared with undefined). */
  fault: RuntimeFault | undefined;
  /** Resolves when a ConverseStream stream is closed by the client before it ended. */
  readonly aborted: number;
  /** Every request body concatenated (for "never received X" assertions). */
  allBodies(): string;
  /** Environment pointing the SDK at this server (runtime and control plane). */
  endpointEnv(): Record<string, string>;
  close(): Promise<void>;
}

export const MODELS = [
  { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', modelName: 'Claude 3 Haiku', providerName: 'Anthropic' },
  { modelId: 'amazon.nova-lite-v1:0', modelName: 'Nova Lite', providerName: 'Amazon' },
  { modelId: 'meta.llama3-8b-instruct-v1:0', modelName: 'Llama 3 8B Instruct', providerName: 'Meta' },
];
export const PROFILES = [{ inferenceProfileId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', inferenceProfileName: 'US Claude 3.5 Haiku' }];

type Req = http.IncomingMessage | http2.Http2ServerRequest;
/** What both HTTP versions' responses offer. */
interface Res {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: Buffer): unknown;
  end(data?: string): unknown;
  on(event: 'close', listener: () => void): unknown;
  readonly writableEnded: boolean;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;

/** The default answer: every placeholder of the last user message, in order, in a sentence. */
export function echoPlaceholders(body: ConverseLikeBody): string {
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  const text = (last?.content ?? []).map((c) => c.text ?? '').join('\n');
  const found = [...new Set(text.match(PLACEHOLDER) ?? [])];
  return found.length ? `I will contact ${found.join(' and ')} today.` : 'There is nothing to redact in this prompt.';
}

export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

export function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

function parseAuth(header: string | undefined): { auth: string; scope?: { region: string; service: string } } {
  if (!header) return { auth: 'none' };
  if (header.startsWith('Bearer ')) return { auth: 'bearer' };
  const m = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header);
  return m ? { auth: 'sigv4', scope: { region: m[1]!, service: m[2]! } } : { auth: 'unknown' };
}

export async function startRuntimeServer(options: RuntimeServerOptions = {}): Promise<RuntimeTestServer> {
  const requests: ReceivedRequest[] = [];
  const sessions = new Set<http2.Http2Session>();
  const state = {
    chunkSize: options.chunkSize ?? 4,
    chunkDelayMs: options.chunkDelayMs ?? 0,
    reply: options.reply ?? ((b: ConverseLikeBody) => echoPlaceholders(b)),
    fault: undefined as RuntimeFault | undefined,
    aborted: 0,
  };

  const onRequest = (req: Req, res: unknown) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res as Res, Buffer.concat(chunks).toString('utf8')));
  };
  const h2 = http2.createServer(onRequest);
  const h1 = http.createServer(onRequest);
  h2.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  const sockets = new Set<net.Socket>();
  for (const srv of [h1, h2]) {
    srv.on('connection', (socket: net.Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }

  const sendJson = (res: Res, status: number, body: unknown, errorType?: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': `req-${requests.length}`, ...(errorType ? { 'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/` } : {}) });
    res.end(JSON.stringify(body));
  };

  async function handle(req: Req, res: Res, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = /^\/model\/([^/]+)\/(converse-stream|converse)$/.exec(url.pathname);
    const operation: ReceivedRequest['operation'] = route
      ? route[2] === 'converse-stream'
        ? 'ConverseStream'
        : 'Converse'
      : req.method === 'GET' && url.pathname === '/foundation-models'
        ? 'ListFoundationModels'
        : req.method === 'GET' && url.pathname === '/inference-profiles'
          ? 'ListInferenceProfiles'
          : 'Unknown';
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const modelId = route ? decodeURIComponent(route[1]!) : undefined;
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      operation,
      ...(modelId ? { modelId } : {}),
      httpVersion: req.httpVersion,
      ...parseAuth(req.headers.authorization),
      userAgent: String(req.headers['user-agent'] ?? req.headers['x-amz-user-agent'] ?? ''),
      body,
      ...(json !== undefined ? { json } : {}),
    });

    if (operation === 'ListFoundationModels') {
      return sendJson(res, 200, {
        modelSummaries: MODELS.map((m) => ({ ...m, modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${m.modelId}`, inputModalities: ['TEXT'], outputModalities: ['TEXT'], responseStreamingSupported: true, inferenceTypesSupported: ['ON_DEMAND'], modelLifecycle: { status: 'ACTIVE' } })),
      });
    }
    if (operation === 'ListInferenceProfiles') {
      return sendJson(res, 200, {
        inferenceProfileSummaries: PROFILES.map((p) => ({ ...p, inferenceProfileArn: `arn:aws:bedrock:us-east-1:111122223333:inference-profile/${p.inferenceProfileId}`, status: 'ACTIVE', type: 'SYSTEM_DEFINED', models: [] })),
      });
    }
    if (!route) return sendJson(res, 404, { message: `no route for ${req.method} ${url.pathname}` }, 'UnknownOperationException');

    const fault = state.fault;
    if (fault?.kind === 'http') return sendJson(res, fault.status, { message: fault.message }, fault.type);
    const b = (json ?? {}) as ConverseLikeBody;
    if (!Array.isArray(b.messages) || b.messages.length === 0) return sendJson(res, 400, { message: 'A conversation must start with a user message.' }, 'ValidationException');
    const answer = state.reply(b, modelId!);
    const inputTokens = Math.ceil(body.length / 4);
    const outputTokens = Math.ceil(answer.length / 4);

    if (operation === 'Converse') {
      return sendJson(res, 200, {
        output: { message: { role: 'assistant', content: [{ text: answer }] } },
        stopReason: 'end_turn',
        usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
        metrics: { latencyMs: 42 },
      });
    }

    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': `req-${requests.length}` });
    let closed = false;
    res.on('close', () => {
      if (!res.writableEnded) {
        closed = true;
        state.aborted++;
      }
    });
    const write = async (frame: Uint8Array) => {
      if (closed) return;
      res.write(Buffer.from(frame));
      if (state.chunkDelayMs) await new Promise((r) => setTimeout(r, state.chunkDelayMs));
    };
    await write(eventFrame('messageStart', { role: 'assistant' }));
    let n = 0;
    for (let i = 0; i < answer.length && !closed; i += state.chunkSize) {
      if (fault?.kind === 'stream' && n === fault.afterChunks) {
        await write(exceptionFrame(fault.exceptionType, fault.message));
        if (!closed) res.end();
        return;
      }
      await write(eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: answer.slice(i, i + state.chunkSize) } }));
      n++;
    }
    await write(eventFrame('contentBlockStop', { contentBlockIndex: 0 }));
    await write(eventFrame('messageStop', { stopReason: 'end_turn' }));
    await write(eventFrame('metadata', { usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }, metrics: { latencyMs: 42 } }));
    if (!closed) res.end();
  }

  await new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => h1.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(h2.address() as net.AddressInfo).port}`;
  const controlUrl = `http://127.0.0.1:${(h1.address() as net.AddressInfo).port}`;
  return {
    url,
    requests,
    get chunkSize() {
      return state.chunkSize;
    },
    set chunkSize(v) {
      state.chunkSize = v;
    },
    get chunkDelayMs() {
      return state.chunkDelayMs;
    },
    set chunkDelayMs(v) {
      state.chunkDelayMs = v;
    },
    get reply() {
      return state.reply;
    },
    set reply(v) {
      state.reply = v;
    },
    get fault() {
      return state.fault;
    },
    set fault(v) {
      state.fault = v;
    },
    get aborted() {
      return state.aborted;
    },
    allBodies: () => requests.map((r) => r.body).join('\n'),
    endpointEnv: () => ({ AWS_ENDPOINT_URL_BEDROCK_RUNTIME: url, AWS_ENDPOINT_URL_BEDROCK: controlUrl }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        for (const s of sockets) s.destroy();
        h1.closeAllConnections();
        let open = 2;
        const done = () => --open === 0 && resolve();
        h2.close(done);
        h1.close(done);
      }),
  };
}
