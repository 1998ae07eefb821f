// `npm start`: build and package the extension, install the .vsix into a real VS Code (code-server) on 127.0.0.1,
// open demo/ in it, and print the URL. Ctrl+C stops everything it started.
// Without AWS credentials (no AWS_PROFILE / AWS_ACCESS_KEY_ID, no ~/.aws/credentials or ~/.aws/config) the Bedrock
// posture view reads a SIMULATED account: the local AWS server (test/aws-server, weak scenario) runs here and
// code-server gets its AWS_ENDPOINT_URL_* and fake credentials.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
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

/** True when the AWS SDK's credential chain has something to work with on this machine. */
function awsCredentialsConfigured(env = process.env) {
  const vars = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];
  if (vars.some((v) => env[v])) return true;
  const home = env.HOME ?? homedir();
  return [env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'), env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config')].some((f) => existsSync(f));
}

let simulated;
const codeServerEnv = {};
const codeServerSettings = {};
if (!awsCredentialsConfigured()) {
  console.log('No AWS credentials configured: compiling the local AWS server for a SIMULATED account…');
  try {
    execFileSync('npm', ['run', '-s', 'compile-tests'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // tsc emits even when it reports type errors; whether the server is there is checked next.
  }
  const serverJs = join(root, 'out', 'test', 'aws-server', 'server.js');
  if (!existsSync(serverJs)) throw new Error(`${serverJs} was not built: run "npm run compile-tests" and look at its errors`);
  const require = createRequire(import.meta.url);
  const { startAwsServer } = require(serverJs);
  const { loadScenario } = require(join(root, 'out', 'test', 'aws-server', 'scenario.js'));
  simulated = await startAwsServer({ scenario: loadScenario('weak'), port: await freePort() });
  Object.assign(codeServerEnv, simulated.endpointEnv(), {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'simulated',
    AWS_REGION: 'us-east-1',
    GENAI_GUARD_SIMULATED_ACCOUNT: '1',
  });
  codeServerSettings['genaiGuard.aws.regions'] = ['us-east-1', 'eu-west-1'];
}

const port = (await portFree(wanted)) ? wanted : await freePort();
const server = await startCodeServer({ port, extensionsDir: extensions, logFile: join(state, 'code-server.log'), env: codeServerEnv, settings: codeServerSettings });
const url = `${server.origin}/?folder=${encodeURIComponent(join(root, 'demo'))}`;
console.log(`
GenAI Guard is running in VS Code (code-server ${process.env.GENAI_GUARD_CODE_SERVER_VERSION ?? '4.100.3'}) on demo/:

    ${url}

Open the URL in a browser (on a remote machine: ssh -L ${port}:127.0.0.1:${port} <host>, then open it locally).
Try: open app/chat.py or infra/terraform/main.tf, look at the Problems panel (Ctrl+Shift+M), and click the shield in
the activity bar. Log: ${server.logFile}
${
  simulated
    ? `
Bedrock posture: SIMULATED AWS account (no AWS credentials are configured on this machine). The local AWS server
(test/aws-server, "weak" scenario: account 111122223333 "weak-genai-co") answers on ${simulated.url}; the posture view
labels it "simulated". Configure real credentials ("aws configure sso") and restart to see your own account.
`
    : `
Bedrock posture: uses this machine's AWS credentials (read-only calls; pick a profile and regions in the view's title bar).
`
}Press Ctrl+C to stop.`);

const shutdown = async () => {
  await server.stop();
  await simulated?.close();
  server.cleanup();
  process.exit(0);
};
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
setInterval(() => {}, 1 << 30);
