/**
 * Sending a (redacted) prompt to Amazon Bedrock with `ConverseStream`, and listing the models a user can pick.
 *
 * - The runtime client takes its endpoint from the SDK's own configuration (`AWS_ENDPOINT_URL_BEDROCK_RUNTIME`,
 *   profile `endpoint_url`), credentials from the standard chain (or `AWS_BEARER_TOKEN_BEDROCK`, the SDK's default
 *   for Bedrock API keys), and speaks HTTP/2 as the SDK does by default for bedrock-runtime.
 * - This module never sees an original value: callers pass the request after local redaction.
 * - Errors become {@link BedrockCallError}s that say what happened and what to do.
 */
import { BedrockClient, ListFoundationModelsCommand, ListInferenceProfilesCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseStreamCommand, type ConverseStreamCommandInput } from '@aws-sdk/client-bedrock-runtime';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { ConverseRequest } from '../engine/prompt';
import { USER_AGENT_APP_ID } from './clients';
import { createCredentialProvider, listProfiles } from './credentials';
import { AwsCredentialsError, errorName } from './errors';

export interface RuntimeTarget {
  region: string;
  profile?: string;
  /** Defaults to the standard chain for `profile`. */
  credentials?: AwsCredentialIdentityProvider;
}

/** The region to use: explicit, else `AWS_REGION` / `AWS_DEFAULT_REGION`, else the profile's, else us-east-1. */
export async function resolveRegion(explicit: string | undefined, profile: string | undefined, env: Record<string, string | undefined> = process.env): Promise<string> {
  if (explicit?.trim()) return explicit.trim();
  const fromEnv = env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  if (fromEnv) return fromEnv;
  const name = profile ?? env['AWS_PROFILE'] ?? 'default';
  const p = (await listProfiles(env).catch(() => [])).find((x) => x.name === name);
  return p?.region ?? 'us-east-1';
}

export function createRuntimeClient(target: RuntimeTarget, env: Record<string, string | undefined> = process.env): BedrockRuntimeClient {
  // A Bedrock API key (AWS_BEARER_TOKEN_BEDROCK) is the SDK's own choice when set; an empty or absent one must not
  // make the SDK try bearer auth without a token, so SigV4 is pinned then.
  const bearer = Boolean(env['AWS_BEARER_TOKEN_BEDROCK']?.trim());
  return new BedrockRuntimeClient({
    region: target.region,
    ...(bearer ? {} : { authSchemePreference: ['sigv4'] }),
    credentials: target.credentials ?? createCredentialProvider(target.profile ? { profile: target.profile } : {}),
    userAgentAppId: USER_AGENT_APP_ID,
    maxAttempts: 3,
    retryMode: 'standard',
  });
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface StreamResult {
  stopReason?: string;
  usage?: TokenUsage;
  /** Bedrock's own latency metric (metadata event). */
  latencyMs?: number;
  /** Wall-clock time from send to the end of the stream, measured here. */
  elapsedMs: number;
}

export type BedrockErrorKind = 'accessDenied' | 'modelNotAvailable' | 'throttled' | 'validation' | 'credentials' | 'network' | 'cancelled' | 'model' | 'other';

export class BedrockCallError extends Error {
  override name = 'BedrockCallError';
  constructor(
    readonly kind: BedrockErrorKind,
    message: string,
    /** What the user can do about it. */
    readonly action: string,
    /** The AWS error code (`AccessDeniedException`) or network code. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The SDK input for a redacted request. */
export function toSdkInput(request: ConverseRequest): ConverseStreamCommandInput {
  return request as unknown as ConverseStreamCommandInput;
}

/**
 * Calls `ConverseStream` and feeds each text delta to `onText` as it arrives. Resolves with stop reason, usage and
 * latency; rejects with a {@link BedrockCallError} (kind `cancelled` when `signal` aborted it).
 */
export async function converseStream(client: BedrockRuntimeClient, request: ConverseRequest, onText: (text: string) => void, signal?: AbortSignal): Promise<StreamResult> {
  const started = Date.now();
  const region = await client.config.region().catch(() => '');
  const result: StreamResult = { elapsedMs: 0 };
  try {
    const out = await client.send(new ConverseStreamCommand(toSdkInput(request)), signal ? { abortSignal: signal } : {});
    if (!out.stream) throw new Error('Bedrock answered without a stream');
    for await (const event of out.stream) {
      if (signal?.aborted) break;
      const text = event.contentBlockDelta?.delta?.text;
      if (text) onText(text);
      if (event.messageStop?.stopReason) result.stopReason = event.messageStop.stopReason;
      if (event.metadata) {
        const u = event.metadata.usage;
        if (u) result.usage = { inputTokens: u.inputTokens ?? 0, outputTokens: u.outputTokens ?? 0, totalTokens: u.totalTokens ?? 0 };
        if (event.metadata.metrics?.latencyMs !== undefined) result.latencyMs = event.metadata.metrics.latencyMs;
      }
      const exception = event.internalServerException ?? event.modelStreamErrorException ?? event.validationException ?? event.throttlingException ?? event.serviceUnavailableException;
      if (exception) throw exception;
    }
    if (signal?.aborted) throw abortError();
  } catch (e) {
    throw describeBedrockError(signal?.aborted ? abortError() : e, { modelId: request.modelId, region });
  }
  result.elapsedMs = Date.now() - started;
  return result;
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

/** Turns an SDK, credential or network failure into a message with what to do. */
export function describeBedrockError(err: unknown, ctx: { modelId: string; region: string }): BedrockCallError {
  if (err instanceof BedrockCallError) return err;
  const code = errorName(err);
  const raw = err instanceof Error ? err.message : String(err);
  const model = ctx.modelId || 'the model';
  const where = ctx.region || 'this region';
  const make = (kind: BedrockErrorKind, message: string, action: string) => new BedrockCallError(kind, message, action, code, { cause: err });
  if (err instanceof AwsCredentialsError || /CredentialsProviderError|TokenProviderError|ExpiredToken|UnrecognizedClient|InvalidSignature|SignatureDoesNotMatch|InvalidClientTokenId/.test(code)) {
    return make('credentials', `AWS credentials problem: ${raw}`, err instanceof AwsCredentialsError && err.command ? `Run: ${err.command}` : 'Configure AWS credentials (aws configure sso, or a profile in the GenAI Guard settings) and try again.');
  }
  if (code === 'AbortError' || /aborted|cancel/i.test(code)) return make('cancelled', 'Cancelled: the stream was stopped.', 'Send again when ready.');
  if (code === 'AccessDeniedException' || code === 'AccessDenied') {
    return make(
      'accessDenied',
      `Access denied to ${model} in ${where}: ${raw}`,
      `Enable access to this model in the Amazon Bedrock console (Model access, ${where}), and make sure your IAM identity may call bedrock:InvokeModelWithResponseStream on it (for an inference profile, on the profile and its models).`,
    );
  }
  if (code === 'ResourceNotFoundException' || (code === 'ValidationException' && /model identifier is invalid|not supported in this region|isn't supported|on-demand throughput|not available|model.*not found|end of its life/i.test(raw))) {
    return make(
      'modelNotAvailable',
      `${model} is not available in ${where}: ${raw}`,
      /on-demand throughput/i.test(raw)
        ? 'Use an inference profile id for this model (for example with a "us." or "eu." prefix) instead of the model id.'
        : `Pick a model offered in ${where} (the model list shows them when credentials allow), or change the region.`,
    );
  }
  if (['ThrottlingException', 'ServiceQuotaExceededException', 'TooManyRequestsException', 'throttlingException'].includes(code)) {
    return make('throttled', `Bedrock throttled the request: ${raw}`, 'Wait a moment and send again; for steady use, use a cross-region inference profile or ask for a higher quota (Service Quotas, Amazon Bedrock).');
  }
  if (code === 'ValidationException' || code === 'validationException') {
    return make('validation', `Bedrock rejected the request: ${raw}`, 'Check the inference parameters (maxTokens, temperature, topP within the model\'s limits), the guardrail id and version, and that turns alternate user / assistant.');
  }
  if (['ModelErrorException', 'ModelNotReadyException', 'ModelTimeoutException', 'ModelStreamErrorException', 'InternalServerException', 'ServiceUnavailableException'].includes(code)) {
    return make('model', `Bedrock or the model failed: ${code}: ${raw}`, 'Try again in a moment, or pick another model.');
  }
  if (/^E[A-Z]+$/.test(code) || code === 'TimeoutError') {
    return make('network', `Could not reach Amazon Bedrock in ${where} (${code}: ${raw}).`, 'Check the network, proxy and region (or AWS_ENDPOINT_URL_BEDROCK_RUNTIME if you set one).');
  }
  return make('other', `Bedrock call failed: ${code}: ${raw}`, 'See the GenAI Guard log for details.');
}

export interface ModelChoice {
  id: string;
  label: string;
  kind: 'foundation-model' | 'inference-profile';
}

/**
 * Text models the account can stream from in `region`: on-demand foundation models and inference profiles. Throws
 * (AwsCredentialsError or an SDK error) when they cannot be listed; the caller falls back to free text.
 */
export async function listTextModels(target: RuntimeTarget): Promise<ModelChoice[]> {
  const client = new BedrockClient({
    region: target.region,
    credentials: target.credentials ?? createCredentialProvider(target.profile ? { profile: target.profile } : {}),
    authSchemePreference: ['sigv4'],
    userAgentAppId: USER_AGENT_APP_ID,
    maxAttempts: 2,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000, throwOnRequestTimeout: true },
  });
  try {
    const out: ModelChoice[] = [];
    const fm = await client.send(new ListFoundationModelsCommand({ byOutputModality: 'TEXT' }));
    for (const m of fm.modelSummaries ?? []) {
      if (!m.modelId || m.modelLifecycle?.status === 'LEGACY' || m.responseStreamingSupported === false) continue;
      if (m.inferenceTypesSupported && !m.inferenceTypesSupported.includes('ON_DEMAND')) continue;
      out.push({ id: m.modelId, label: `${m.providerName ?? ''} ${m.modelName ?? m.modelId}`.trim(), kind: 'foundation-model' });
    }
    let nextToken: string | undefined;
    for (let page = 0; page < 20; page++) {
      const ip = await client.send(new ListInferenceProfilesCommand({ ...(nextToken ? { nextToken } : {}) }));
      for (const p of ip.inferenceProfileSummaries ?? []) {
        if (p.inferenceProfileId && (p.status ?? 'ACTIVE') === 'ACTIVE') out.push({ id: p.inferenceProfileId, label: `${p.inferenceProfileName ?? p.inferenceProfileId} (inference profile)`, kind: 'inference-profile' });
      }
      nextToken = ip.nextToken;
      if (!nextToken) break;
    }
    return out.sort((a, b) => a.label.localeCompare(b.label));
  } finally {
    client.destroy();
  }
}
