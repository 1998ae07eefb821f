/**
 * SDK client factory for posture collection. Every client:
 * - pins `authSchemePreference: ['sigv4']` (the SDK would otherwise switch Bedrock clients to bearer auth whenever
 *   `AWS_BEARER_TOKEN_BEDROCK` is set, and posture must run as the IAM principal);
 * - sets `userAgentAppId: 'genai-guard'` so CloudTrail shows who made the read-only calls;
 * - uses the SDK's standard retry strategy with `maxAttempts` and a request timeout;
 * - takes endpoints from the SDK's own configuration (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`, profile
 *   `endpoint_url`), which is how tests point it at the local AWS server.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';

export const USER_AGENT_APP_ID = 'genai-guard';

export interface ClientOptions {
  credentials: AwsCredentialIdentityProvider;
  /** SDK attempts per command, retries included (standard retry mode). Default 3. */
  maxAttempts?: number;
  /** Per-attempt timeout, ms. Default 15 000. */
  requestTimeoutMs?: number;
  /** Connect timeout, ms. Default 5 000. */
  connectionTimeoutMs?: number;
}

/** The region IAM is signed for (IAM is global per partition). */
export function iamRegionFor(region: string): string {
  if (region.startsWith('cn-')) return 'cn-north-1';
  if (region.startsWith('us-gov-')) return 'us-gov-west-1';
  if (region.startsWith('us-iso-')) return 'us-iso-east-1';
  if (region.startsWith('us-isob-')) return 'us-isob-east-1';
  return 'us-east-1';
}

export function partitionFor(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** Creates clients lazily, one per (service, region), and destroys them together. */
export class ClientFactory {
  private readonly cache = new Map<string, { destroy(): void }>();

  constructor(private readonly options: ClientOptions) {}

  private config(region: string) {
    return {
      region,
      credentials: this.options.credentials,
      authSchemePreference: ['sigv4'],
      userAgentAppId: USER_AGENT_APP_ID,
      maxAttempts: this.options.maxAttempts ?? 3,
      retryMode: 'standard',
      requestHandler: {
        requestTimeout: this.options.requestTimeoutMs ?? 15_000,
        connectionTimeout: this.options.connectionTimeoutMs ?? 5_000,
        // Without this the handler only logs a warning when requestTimeout passes.
        throwOnRequestTimeout: true,
      },
    };
  }

  private get<T extends { destroy(): void }>(key: string, make: () => T): T {
    let client = this.cache.get(key) as T | undefined;
    if (!client) {
      client = make();
      this.cache.set(key, client);
    }
    return client;
  }

  bedrock(region: string): BedrockClient {
    return this.get(`bedrock:${region}`, () => new BedrockClient(this.config(region)));
  }

  bedrockAgent(region: string): BedrockAgentClient {
    return this.get(`bedrock-agent:${region}`, () => new BedrockAgentClient(this.config(region)));
  }

  ec2(region: string): EC2Client {
    return this.get(`ec2:${region}`, () => new EC2Client(this.config(region)));
  }

  iam(anyRegion: string): IAMClient {
    const region = iamRegionFor(anyRegion);
    return this.get(`iam:${region}`, () => new IAMClient(this.config(region)));
  }

  sts(region: string): STSClient {
    return this.get(`sts:${region}`, () => new STSClient(this.config(region)));
  }

  destroy(): void {
    for (const c of this.cache.values()) c.destroy();
    this.cache.clear();
  }
}

/** Bounds how many AWS calls run at once across a whole fan-out (regions × resources). */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError('concurrency must be at least 1');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
