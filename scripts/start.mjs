// `npm start`: build and package the extension, install the .vsix into a real VS Code (code-server) on 127.0.0.1,
// open demo/ in it, and print the URL. Ctrl+C stops everything it started.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, installVsix, startCodeServer } from '../test/harness/codeServer.mjs';
import { ensureCodeServer } from '../test/harness/install.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const state = join(root, '.genai-guard-start');
const wanted = Number(process.env.PORT ?? 8080);

function portFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

ensureCodeServer();
console.log('Building and packaging the extension…');
execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const extensions = join(state, 'extensions');
rmSync(extensions, { recursive: true, force: true });
mkdirSync(extensions, { recursive: true });
installVsix(join(root, 'genai-guard.vsix'), extensions);

const port = (await portFree(wanted)) ? wanted : await freePort();
const server = await startCodeServer({ port, extensionsDir: extensions, logFile: join(state, 'code-server.log') });
const url = `${server.origin}/?folder=${encodeURIComponent(join(root, 'demo'))}`;
console.log(`
GenAI Guard is running in VS Code (code-server ${process.env.GENAI_GUARD_CODE_SERVER_VERSION ?? '4.100.3'}) on demo/:

    ${url}

Open the URL in a browser (on a remote machine: ssh -L ${port}:127.0.0.1:${port} <host>, then open it locally).
Try: open app/chat.py or infra/terraform/main.tf, look at the Problems panel (Ctrl+Shift+M), and click the shield in
the activity bar. Log: ${server.logFile}
Press Ctrl+C to stop.`);

const shutdown = async () => {
  await server.stop();
  server.cleanup();
  process.exit(0);
};
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
setInterval(() => {}, 1 << 30);
