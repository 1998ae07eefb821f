// Installs what the real-VS-Code tests need on a fresh machine, idempotently:
//   - Debian packages: chromium (the browser), ripgrep (replaces a GitHub download), libkrb5-dev (native module)
//   - code-server 4.100.3 from the npm registry into .vscode-test/code-server-<version>/ (git-ignored)
// Everything works offline except the npm registry and Debian's package mirrors.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, copyFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.GENAI_GUARD_CODE_SERVER_VERSION ?? '4.100.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function log(msg) {
  process.stderr.write(`[install] ${msg}\n`);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function ensureDebianPackages() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (!has('rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the asset: seed it. */
function seedRipgrepCache() {
  const rg = execFileSync('sh', ['-c', 'command -v rg']).toString().trim();
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const asset = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(asset)) return;
  mkdirSync(cache, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'gg-rg-'));
  copyFileSync(rg, join(stage, 'rg'));
  chmodSync(join(stage, 'rg'), 0o755);
  execFileSync('tar', ['-czf', asset, '-C', stage, 'rg']);
  rmSync(stage, { recursive: true, force: true });
}

export function ensureCodeServer() {
  const stamp = join(cacheDir, '.installed');
  if (existsSync(stamp) && existsSync(codeServerBin)) return codeServerBin;
  ensureDebianPackages();
  seedRipgrepCache();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'genai-guard-code-server-cache', private: true }, null, 2));
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${cacheDir} (native modules build from source; ~1 min)`);
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: cacheDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      npm_config_yes: 'true',
      npm_config_unsafe_perm: 'true',
      npm_config_nodedir: '/usr',
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_update_notifier: 'false',
    },
  });
  if (!existsSync(codeServerBin)) throw new Error(`code-server install finished but ${codeServerBin} is missing`);
  writeFileSync(stamp, new Date().toISOString());
  log(`code-server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return codeServerBin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer();
}
