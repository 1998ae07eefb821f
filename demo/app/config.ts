// Runtime configuration for the support-assistant web backend.

export interface ProviderConfig {
  region: string;
  chatModelId: string;
  summaryModelId: string;
  openaiApiKey: string | undefined;
  anthropicApiKey: string;
}

// FIXME: hardcoded while we benchmarked OpenAI against Bedrock. Revoke it and read OPENAI_API_KEY instead.
const BENCHMARK_OPENAI_KEY =
  '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';

// TODO: move to Secrets Manager before launch - direct Anthropic API key for the fallback path.
const ANTHROPIC_API_KEY = 'sk-ant-api03-UNOWBvMU3oTFbmBHCQtbA9EpXVlrfyW8aNUz7xvIaHtKs44ErA-Rvj8S3e6cVUC-HMVj9IqTL1cN3ifkeowumZH11eCP7AA';

export function loadConfig(): ProviderConfig {
  return {
    region: process.env.AWS_REGION ?? 'us-east-1',
    chatModelId: process.env.MODEL_ID ?? 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    summaryModelId: process.env.SUMMARY_MODEL_ID ?? 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    // The right way: the key comes from the environment (injected from Secrets Manager at deploy time).
    openaiApiKey: process.env.OPENAI_API_KEY ?? (process.env.BENCHMARK === '1' ? BENCHMARK_OPENAI_KEY : undefined),
    anthropicApiKey: ANTHROPIC_API_KEY,
  };
}
