// Starts and stops a real VS Code (code-server) on 127.0.0.1 for tests, and opens it in Debian Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, codeServerBin, ensureCodeServer } from './install.mjs';

export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Copies a workspace (e.g. demo/) to a temporary folder, so tests never change the original. */
export function copyWorkspace(src) {
  const dir = mkdtempSync(join(tmpdir(), 'gg-ws-'));
  cpSync(src, dir, { recursive: true });
  return dir;
}

const running = new Set();
function stopAllSync() {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAllSync);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopAllSync();
    process.exit(130);
  });
}

/**
 * Starts code-server in its own process group with fresh user data and extensions folders.
 * Returns { port, origin, runDir, extensionsDir, stop() }; stop() ends the whole group (extension hosts included).
 */
export async function startCodeServer({ env = {}, extensionsDir, settings = {}, logFile, port: wantedPort } = {}) {
  ensureCodeServer();
  const runDir = mkdtempSync(join(tmpdir(), 'gg-code-server-'));
  const userData = join(runDir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const extDir = extensionsDir ?? join(runDir, 'extensions');
  mkdirSync(extDir, { recursive: true });
  const port = wantedPort ?? (await freePort());
  const args = [
    codeServerBin, '--config', '/dev/null', '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--user-data-dir', userData, '--extensions-dir', extDir,
  ];
  const out = logFile ?? join(runDir, 'code-server.log');
  const { openSync } = await import('node:fs');
  const fd = openSync(out, 'a');
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{"serviceUrl":""}',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
  });
  running.add(child.pid);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${out}`);
    try {
      const r = await fetch(`${origin}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s; see ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (!running.has(child.pid)) return;
    running.delete(child.pid);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t = Date.now();
    while (Date.now() - t < 5000) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  };
  return { port, origin, runDir, extensionsDir: extDir, logFile: out, pid: child.pid, stop, cleanup: () => rmSync(runDir, { recursive: true, force: true }) };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installVsix(vsix, extensionsDir) {
  ensureCodeServer();
  const userData = mkdtempSync(join(tmpdir(), 'gg-install-'));
  const out = execFileSync(process.execPath, [codeServerBin, '--config', '/dev/null', '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
  }).toString();
  rmSync(userData, { recursive: true, force: true });
  return out;
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
