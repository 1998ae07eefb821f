/**
 * Credentials from the standard chain (environment, shared config and credentials files with SSO `sso-session`,
 * `credential_process`, assume-role, web identity, login sessions; then container/instance metadata).
 *
 * A provider is created per refresh with `ignoreCache: true`, so credentials renewed outside the editor (`aws sso
 * login`, a new `credential_process` result, an edited credentials file) are picked up without a reload. Failures
 * become {@link AwsCredentialsError} with the command that fixes them (`aws sso login --profile NAME`).
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { CredentialSource, CredentialSourceKind } from '../engine/posture/snapshot';
import { AwsCredentialsError, errorName } from './errors';

type Env = Record<string, string | undefined>;
type IniSections = Map<string, Record<string, string>>;

/** Minimal INI reader for the AWS shared files: `[section]`, `key = value`, `#`/`;` comments, indented sub-keys. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '');
    if (/^\s*[#;]/.test(line) || !line.trim()) continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      current = {};
      sections.set(header[1]!.trim(), current);
      lastKey = undefined;
      continue;
    }
    if (!current) continue;
    const kv = /^(\s*)([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (kv && !(kv[1] && lastKey)) {
      lastKey = kv[2]!.toLowerCase();
      current[lastKey] = kv[3]!.trim();
    }
    // Indented sub-properties (e.g. `s3 =\n  max_concurrent_requests = 2`) do not matter for credentials.
  }
  return sections;
}

export function configFilePath(env: Env = process.env): string {
  return env['AWS_CONFIG_FILE'] ?? path.join(homeDir(env), '.aws', 'config');
}

export function credentialsFilePath(env: Env = process.env): string {
  return env['AWS_SHARED_CREDENTIALS_FILE'] ?? path.join(homeDir(env), '.aws', 'credentials');
}

function homeDir(env: Env): string {
  return env['HOME'] ?? env['USERPROFILE'] ?? os.homedir();
}

async function readIni(file: string): Promise<IniSections> {
  try {
    return parseIni(await fs.readFile(file, 'utf8'));
  } catch {
    return new Map();
  }
}

export interface ProfileInfo {
  name: string;
  kind: CredentialSourceKind;
  region?: string;
  /** `sso_session` name or the legacy `sso_start_url`. */
  ssoSession?: string;
  /** True when the profile holds long-term access keys (no session token). */
  longTermKeys?: boolean;
}

/** Profiles from the shared config and credentials files, merged, sorted by name (`default` first). */
export async function listProfiles(env: Env = process.env): Promise<ProfileInfo[]> {
  const [config, creds] = await Promise.all([readIni(configFilePath(env)), readIni(credentialsFilePath(env))]);
  const merged = new Map<string, Record<string, string>>();
  for (const [section, values] of config) {
    const name = section === 'default' ? 'default' : /^profile\s+(.+)$/.exec(section)?.[1]?.trim();
    if (name) merged.set(name, { ...merged.get(name), ...values });
  }
  for (const [name, values] of creds) merged.set(name, { ...merged.get(name), ...values });
  return [...merged.entries()]
    .map(([name, values]) => profileInfo(name, values))
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

function profileInfo(name: string, v: Record<string, string>): ProfileInfo {
  let kind: CredentialSourceKind = 'unknown';
  if (v['sso_session'] || v['sso_start_url']) kind = 'sso';
  else if (v['credential_process']) kind = 'credential_process';
  else if (v['role_arn'] && v['web_identity_token_file']) kind = 'web-identity';
  else if (v['role_arn']) kind = 'assume-role';
  else if (v['login_session']) kind = 'login';
  else if (v['aws_access_key_id']) kind = 'static';
  return {
    name,
    kind,
    ...(v['region'] ? { region: v['region'] } : {}),
    ...(kind === 'sso' ? { ssoSession: v['sso_session'] ?? v['sso_start_url'] } : {}),
    ...(kind === 'static' ? { longTermKeys: !v['aws_session_token'] } : {}),
  };
}

/** The profile the SDK will use: the given one, else `AWS_PROFILE`, else none (environment or `default`). */
export function effectiveProfile(profile: string | undefined, env: Env = process.env): string | undefined {
  return profile ?? env['AWS_PROFILE'] ?? undefined;
}

/** Where credentials will come from, as far as environment and shared files tell. */
export async function describeCredentialSource(profile: string | undefined, env: Env = process.env): Promise<CredentialSource> {
  const name = effectiveProfile(profile, env);
  if (!name && env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY']) {
    return { kind: 'environment', longTermKeys: !env['AWS_SESSION_TOKEN'] };
  }
  const info = (await listProfiles(env)).find((p) => p.name === (name ?? 'default'));
  if (!info) return { kind: 'unknown', ...(name ? { profile: name } : {}) };
  return { kind: info.kind, profile: info.name, ...(info.longTermKeys !== undefined ? { longTermKeys: info.longTermKeys } : {}) };
}

export interface CredentialOptions {
  profile?: string;
  /** Environment to read (tests); defaults to `process.env`. The SDK itself always reads `process.env`. */
  env?: Env;
}

/**
 * A fresh credential provider for one refresh. It memoises within its lifetime (refreshing temporary credentials
 * before they expire) and re-reads the shared files when created, so renewed credentials are seen.
 * Errors are {@link AwsCredentialsError}s.
 */
export function createCredentialProvider(options: CredentialOptions = {}): AwsCredentialIdentityProvider {
  const profile = options.profile;
  const inner = fromNodeProviderChain({ ...(profile ? { profile } : {}), ignoreCache: true });
  return async (identityProperties?: Record<string, unknown>): Promise<AwsCredentialIdentity> => {
    try {
      return await inner(identityProperties);
    } catch (err) {
      throw await credentialError(err, options);
    }
  };
}

/** Resolves credentials once, now; throws {@link AwsCredentialsError} with the fix when that fails. */
export async function resolveCredentials(provider: AwsCredentialIdentityProvider): Promise<AwsCredentialIdentity> {
  return provider();
}

function ssoLoginCommand(profile: string | undefined): string {
  return `aws sso login --profile ${profile ?? 'default'}`;
}

/** Maps a credential-chain failure or a credential-related AWS error to an actionable {@link AwsCredentialsError}. */
export async function credentialError(err: unknown, options: CredentialOptions = {}): Promise<AwsCredentialsError> {
  if (err instanceof AwsCredentialsError) return err;
  const env = options.env ?? process.env;
  const profile = effectiveProfile(options.profile, env);
  const name = errorName(err);
  const message = err instanceof Error ? err.message : String(err);
  const source = await describeCredentialSource(options.profile, env).catch((): CredentialSource => ({ kind: 'unknown' }));
  const label = profile ? `profile "${profile}"` : 'the default credentials';
  const sso = source.kind === 'sso' || /\bSSO\b|sso[_ ]session|sso login/i.test(message) || name === 'UnauthorizedException';
  if (/ExpiredToken|RequestExpired/.test(name)) {
    const command = source.kind === 'sso' ? ssoLoginCommand(profile) : undefined;
    return new AwsCredentialsError(
      'expired',
      command
        ? `The AWS credentials of ${label} have expired. Run: ${command}`
        : `The AWS credentials of ${label} have expired (${name}). Obtain fresh credentials (for example re-run the tool that issued them), then refresh.`,
      profile,
      command,
      { cause: err },
    );
  }
  if (sso && /expired|invalid|not found|refresh|Unauthorized|Session token/i.test(`${name} ${message}`)) {
    const command = ssoLoginCommand(profile);
    return new AwsCredentialsError('ssoExpired', `The AWS IAM Identity Center (SSO) session of ${label} has expired or is invalid. Run: ${command}`, profile, command, {
      cause: err,
    });
  }
  if (/Could not load credentials from any providers/i.test(message)) {
    return new AwsCredentialsError(
      'none',
      `No AWS credentials found for ${label}. Configure them with "aws configure sso" (or "aws configure"), or choose another profile.`,
      profile,
      undefined,
      { cause: err },
    );
  }
  if (/InvalidClientTokenId|UnrecognizedClientException|SignatureDoesNotMatch|InvalidSignatureException|AuthFailure|InvalidAccessKeyId/.test(name)) {
    return new AwsCredentialsError('invalid', `The AWS credentials of ${label} were rejected (${name}: ${message}). Check the access key or choose another profile.`, profile, undefined, {
      cause: err,
    });
  }
  if (/profile|config|could not be found|source_profile|credential_process/i.test(message)) {
    return new AwsCredentialsError('config', `The AWS credentials of ${label} could not be loaded: ${message}`, profile, undefined, { cause: err });
  }
  return new AwsCredentialsError('none', `The AWS credentials of ${label} could not be loaded: ${message}`, profile, undefined, { cause: err });
}
