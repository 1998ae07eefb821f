/**
 * Turning AWS SDK failures into `unknown` results that say why, and credential failures into one actionable error.
 */
import type { Collected, UnknownCause, UnknownResult } from '../engine/posture/snapshot';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'Forbidden',
  'NotAuthorized',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
]);
const UNKNOWN_OPERATION = new Set(['UnknownOperationException', 'InvalidAction', 'UnsupportedOperation', 'UnsupportedOperationException', 'NotImplemented']);
const CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AuthFailure',
  'IncompleteSignature',
  'InvalidAccessKeyId',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
  'TokenProviderError',
  'AwsCredentialsError',
]);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'AbortError']);
const NOT_OFFERED = new Set(['ENOTFOUND', 'EAI_AGAIN']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $retryable?: { throttling?: boolean };
}

/** The code that identifies an SDK error: the AWS error code (`name`) or the Node network code (`ECONNRESET`). */
export function errorName(err: unknown): string {
  const e = (err ?? {}) as SdkErrorLike;
  if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
  if (typeof e.name === 'string' && e.name !== 'Error') return e.name;
  if (typeof e.code === 'string') return e.code;
  return 'Error';
}

export function classifyCause(err: unknown): UnknownCause {
  const name = errorName(err);
  const e = (err ?? {}) as SdkErrorLike;
  if (err instanceof AwsCredentialsError) return 'credentials';
  if (ACCESS_DENIED.has(name)) return 'accessDenied';
  if (THROTTLED.has(name) || e.$retryable?.throttling) return 'throttled';
  if (UNKNOWN_OPERATION.has(name)) return 'unknownOperation';
  if (CREDENTIALS.has(name)) return 'credentials';
  if (TIMEOUT.has(name)) return 'timeout';
  if (NOT_OFFERED.has(name)) return 'notOffered';
  if (NETWORK.has(name)) return 'network';
  const message = typeof e.message === 'string' ? e.message : '';
  if (/not (?:supported|available|offered) in (?:this|the) region|is not available in region/i.test(message)) return 'notOffered';
  return 'error';
}

/** The `unknown` result for a failed call of `operation` (`service:Operation`). */
export function unknownFrom(err: unknown, operation: string, region?: string): UnknownResult {
  const e = (err ?? {}) as SdkErrorLike;
  const name = errorName(err);
  const cause = classifyCause(err);
  const rawMessage = typeof e.message === 'string' && e.message && e.message !== name ? e.message : '';
  const attempts = e.$metadata?.attempts;
  const status = e.$metadata?.httpStatusCode;
  const prefix: Record<UnknownCause, string> = {
    accessDenied: 'Access denied',
    throttled: attempts && attempts > 1 ? `Throttled after ${attempts} attempts` : 'Throttled',
    notOffered: region ? `Not offered in ${region}` : 'Not offered in this region',
    unknownOperation: region ? `Operation not supported in ${region}` : 'Operation not supported by this endpoint',
    timeout: attempts && attempts > 1 ? `Timed out after ${attempts} attempts` : 'Timed out',
    credentials: 'Credentials rejected',
    network: 'Network error',
    error: 'Failed',
  };
  const detail = err instanceof AwsCredentialsError ? err.message : `${name}${rawMessage ? `: ${rawMessage}` : ''}`;
  return {
    status: 'unknown',
    operation,
    cause,
    reason: `${prefix[cause]} (${detail})`,
    errorName: name,
    ...(status !== undefined ? { httpStatus: status } : {}),
    ...(attempts !== undefined ? { attempts } : {}),
    ...(region ? { region } : {}),
  };
}

export function known<T>(value: T): Collected<T> {
  return { status: 'ok', value };
}

export function isKnown<T>(c: Collected<T>): c is { status: 'ok'; value: T } {
  return c.status === 'ok';
}

// ---------------------------------------------------------------------------------------------------------------

export type CredentialErrorKind =
  /** No credentials anywhere in the chain. */
  | 'none'
  /** The profile's IAM Identity Center (SSO) session expired or is invalid: `aws sso login` fixes it. */
  | 'ssoExpired'
  /** Temporary credentials expired (ExpiredToken). */
  | 'expired'
  /** Credentials rejected as invalid (unknown key, bad signature). */
  | 'invalid'
  /** The profile does not exist or is misconfigured. */
  | 'config';

/** Credentials could not be obtained or were rejected. `message` says what to do; `command` is the fix when one exists. */
export class AwsCredentialsError extends Error {
  override readonly name = 'AwsCredentialsError';
  constructor(
    readonly kind: CredentialErrorKind,
    message: string,
    readonly profile: string | undefined,
    /** A shell command that fixes it, e.g. `aws sso login --profile dev`. */
    readonly command?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
