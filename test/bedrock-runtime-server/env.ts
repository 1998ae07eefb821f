/**
 * Test environment for the real SDK against the local bedrock-runtime server: endpoints through the SDK's own
 * `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` / `AWS_ENDPOINT_URL_BEDROCK`, dummy static credentials, a region, IMDS disabled,
 * shared config files in a temp HOME. `restore()` puts `process.env` back as it was.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RuntimeTestServer } from './server';

export const TEST_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

export function runtimeTestEnv(server: RuntimeTestServer, home: string): Record<string, string> {
  return {
    ...server.endpointEnv(),
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: 'simulated-secret-for-local-tests-only',
  };
}

export function setRuntimeTestEnv(server: RuntimeTestServer): { home: string; restore(): void } {
  const saved = { ...process.env };
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gg-brt-'));
  fs.mkdirSync(path.join(home, '.aws'), { recursive: true });
  for (const k of Object.keys(process.env)) {
    if (/^AWS_/.test(k)) delete process.env[k];
  }
  Object.assign(process.env, runtimeTestEnv(server, home));
  return {
    home,
    restore() {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
