/**
 * Runs the local AWS server standalone: `node out/test/aws-server/main.js [weak|strong|large] [--port N] [--latency MS]`.
 * Prints the environment variables that point the AWS CLI, the SDK and `genai-guard posture` at it.
 */
import { largeScenario } from '../scenarios/large';
import { loadScenario } from './scenario';
import { startAwsServer } from './server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--')) ?? 'weak';
  const flag = (f: string) => {
    const i = args.indexOf(f);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const scenario = name === 'large' ? largeScenario() : loadScenario(name);
  const server = await startAwsServer({ scenario, latencyMs: Number(flag('--latency') ?? 0), port: Number(flag('--port') ?? 0) });
  console.log(`Local AWS server (SIMULATED account, scenario "${scenario.name}") on ${server.url}`);
  for (const [k, v] of Object.entries(server.endpointEnv())) console.log(`export ${k}=${v}`);
  console.log('export AWS_EC2_METADATA_DISABLED=true AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=simulated');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
