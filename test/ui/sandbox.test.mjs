// UI test: the prompt sandbox in the packaged .vsix (code-server + Chromium), talking to the local bedrock-runtime
// server through AWS_ENDPOINT_URL_BEDROCK_RUNTIME passed into code-server's environment. Screenshot:
// test-results/ui-sandbox.png (the redaction diff and a streamed, re-identified answer).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, results, root } from '../harness/ui.mjs';

const EMAIL = 'mei.ling@example.com';
const CARD = '4111 1111 1111 1111';
const KEY = 'AKIAZ7FAKEFIXTURE234';
const PERSON = 'Chan Tai Man';

/** Bundles the TypeScript runtime server for this Node process (no compile step needed before test:ui). */
async function loadRuntimeServer() {
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'gg-brt-ui-'));
  const outfile = join(dir, 'server.cjs');
  await esbuild.build({ entryPoints: [join(root, 'test', 'bedrock-runtime-server', 'server.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  const mod = createRequire(import.meta.url)(outfile);
  return { mod, dir };
}

async function webviewFrame(page, selector, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (await f.$(selector).catch(() => null)) return f;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame with ${selector}`);
}

describe('Prompt sandbox UI (packaged .vsix, local bedrock-runtime server)', function () {
  this.timeout(180_000);
  let runtime;
  let bundleDir;
  let ui;
  let page;

  before(async () => {
    const loaded = await loadRuntimeServer();
    bundleDir = loaded.dir;
    runtime = await loaded.mod.startRuntimeServer({ chunkSize: 3, chunkDelayMs: 15 });
    ui = await openWorkbench({
      name: 'sandbox',
      viewport: { width: 1440, height: 1000 },
      prepare: (workspace) => {
        mkdirSync(join(workspace, 'prompts'), { recursive: true });
        writeFileSync(
          join(workspace, 'prompts', 'refund.prompt'),
          `---\nmodel: amazon.nova-lite-v1:0\nregion: us-east-1\nmaxTokens: 300\ntemperature: 0.2\n---\n@system\nYou are a support assistant. Answer briefly.\n\n@user\nCustomer ${PERSON} (${EMAIL}) was charged twice on card ${CARD}.\nDraft a refund note. Our integration key ${KEY} also fails.\n`,
        );
      },
      env: {
        ...runtime.endpointEnv(),
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'simulated-secret-for-local-tests-only',
        // No shared config: the sandbox must use exactly these credentials.
        AWS_CONFIG_FILE: join(tmpdir(), 'gg-no-aws', 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'gg-no-aws', 'credentials'),
        AWS_PROFILE: '',
        AWS_SESSION_TOKEN: '',
        AWS_BEARER_TOKEN_BEDROCK: '',
      },
    });
    page = ui.page;
  });

  after(async () => {
    await ui?.close();
    await runtime?.close();
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  });

  it('opens a prompt file in the sandbox, shows the redaction diff, and streams the re-identified answer', async () => {
    await ui.openFile('refund.prompt');
    // The CodeLens on a prompt file opens it in the sandbox.
    const lens = page.locator('.codelens-decoration a', { hasText: 'Open in Prompt Sandbox' }).first();
    await lens.waitFor({ timeout: 30_000 });
    await lens.click();

    const frame = await webviewFrame(page, '#review');
    await frame.waitForFunction(() => globalThis.document.querySelector('#turn-0')?.value.includes('charged twice'), null, { timeout: 30_000 });
    assert.equal(await frame.inputValue('#model'), 'amazon.nova-lite-v1:0');
    await frame.click('#review');
    await frame.waitForSelector('#diff .chip', { timeout: 30_000 });
    const diffText = await frame.textContent('#diff');
    assert.match(diffText, /\[EMAIL_1\]/);
    assert.match(diffText, /\[CREDIT_CARD_1\]/);
    assert.match(diffText, /\[AWS_ACCESS_KEY_1\]/);
    assert.equal(runtime.requests.filter((r) => r.operation === 'ConverseStream').length, 0, 'nothing sent before Send');

    await frame.click('#send');
    await frame
      .waitForFunction(() => /Stop reason: end_turn/.test(globalThis.document.querySelector('#metrics')?.textContent ?? ''), null, { timeout: 30_000 })
      .catch(async (e) => {
        await page.screenshot({ path: join(results, 'ui-sandbox-failure.png') });
        throw new Error(`no answer: status "${await frame.textContent('#status')}" (${e.message})`);
      });
    const answer = await frame.textContent('#answer');
    assert.ok(answer.includes(EMAIL) && answer.includes(CARD), `re-identified answer: ${answer}`);
    assert.ok(answer.includes('[AWS_ACCESS_KEY_1]'), 'the key is never restored');
    const body = runtime.allBodies();
    for (const v of [EMAIL, CARD, KEY, PERSON]) assert.ok(!body.includes(v), `the server received ${v}`);
    await frame.locator('#review-section').scrollIntoViewIfNeeded();
    await ui.shot('ui-sandbox.png');

    // The raw toggle shows the answer as the model wrote it.
    await frame.check('#raw-toggle');
    assert.match(await frame.textContent('#answer'), /\[EMAIL_1\]/);
  });
});
