// Summarizes a finished support conversation for the ticket history, streaming tokens as they arrive.
import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';

// A US cross-region inference profile, so traffic can spill over to us-east-2 / us-west-2.
const MODEL_ID = process.env.SUMMARY_MODEL_ID ?? 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

// No credentials here: the SDK uses the default provider chain (env, SSO profile, or the task role).
const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

const INSTRUCTIONS =
  'Summarize this customer support conversation in at most five bullet points. ' +
  'Include the customer problem, what was tried, and the outcome. Do not include personal data.';

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export async function* summarizeStream(turns: readonly Turn[], signal?: AbortSignal): AsyncGenerator<string> {
  const transcript = turns.map((t) => `${t.role === 'user' ? 'Customer' : 'Assistant'}: ${t.text}`).join('\n');
  const messages: Message[] = [{ role: 'user', content: [{ text: transcript }] }];

  const response = await client.send(
    new ConverseStreamCommand({
      modelId: MODEL_ID,
      system: [{ text: INSTRUCTIONS }],
      messages,
      inferenceConfig: { maxTokens: 512, temperature: 0 },
    }),
    { abortSignal: signal },
  );

  for await (const event of response.stream ?? []) {
    const text = event.contentBlockDelta?.delta?.text;
    if (text) yield text;
    if (event.messageStop?.stopReason === 'max_tokens') yield '\n(summary truncated)';
  }
}

export async function summarize(turns: readonly Turn[]): Promise<string> {
  let summary = '';
  for await (const chunk of summarizeStream(turns)) summary += chunk;
  return summary.trim();
}
