/**
 * Runs the local bedrock-runtime server standalone: `node out/test/bedrock-runtime-server/main.js [--delay MS]`.
 * Prints the environment that points the SDK, the extension and `genai-guard ask` at it.
 */
import { startRuntimeServer } from './server';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--delay');
  const server = await startRuntimeServer({ chunkDelayMs: i > 0 ? Number(process.argv[i + 1]) : 30 });
  console.log(`Local bedrock-runtime server (SIMULATED) on ${server.url}`);
  for (const [k, v] of Object.entries(server.endpointEnv())) console.log(`export ${k}=${v}`);
  console.log('export AWS_EC2_METADATA_DISABLED=true AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=simulated');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
