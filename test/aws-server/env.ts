/**
 * Test environment for the real SDK against the local AWS server: endpoints via `AWS_ENDPOINT_URL_*`, static dummy
 * credentials, IMDS disabled, shared config files and HOME in a temp directory, bearer token unset. `restore()`
 * puts `process.env` back exactly as it was.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AwsTestServer } from './server';

/** Variables that would make the SDK pick credentials, profiles or endpoints from the developer's machine. */
const CLEARED = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_BEARER_TOKEN_BEDROCK',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_ENDPOINT_URL',
];

export interface AwsTestEnv {
  /** Temp directory used as HOME (holds `.aws/config`, `.aws/credentials`, `.aws/sso/cache`). */
  home: string;
  configFile: string;
  credentialsFile: string;
  restore(): void;
}

export function setAwsTestEnv(server: AwsTestServer, options: { staticCredentials?: boolean; extra?: Record<string, string | undefined> } = {}): AwsTestEnv {
  const saved = { ...process.env };
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gg-aws-'));
  fs.mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
  const configFile = path.join(home, '.aws', 'config');
  const credentialsFile = path.join(home, '.aws', 'credentials');
  for (const k of Object.keys(process.env)) if (CLEARED.includes(k) || k.startsWith('AWS_ENDPOINT_URL_')) delete process.env[k];
  Object.assign(process.env, server.endpointEnv(), {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
  });
  if (options.staticCredentials !== false) {
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIAIOSFODNN7EXAMPLE';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  }
  for (const [k, v] of Object.entries(options.extra ?? {})) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return {
    home,
    configFile,
    credentialsFile,
    restore() {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
