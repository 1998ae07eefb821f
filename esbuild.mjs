// Three bundles: the extension (CommonJS, vscode external), the CLI (with a shebang) and the webview UI (browser IIFE).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the shape VS Code's $esbuild-watch problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { define: { __GENAI_GUARD_VERSION__: JSON.stringify(pkg.version) }, bundle: true, minify: production, sourcemap: !production, sourcesContent: false, logLevel: 'warning', plugins: watch ? [problemMatcher] : [] };
// Prefer ESM entry points: jsonc-parser's UMD build hides its modules from the bundler.
// ESM dependencies (web-tree-sitter) read import.meta.url: give it the bundle's own URL in CommonJS output.
const importMetaUrl = { define: { ...common.define, 'import.meta.url': '__genaiGuardImportMetaUrl' }, banner: { js: 'var __genaiGuardImportMetaUrl = require("url").pathToFileURL(__filename).href;' } };
const node = { ...common, ...importMetaUrl, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

const builds = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Scan workers load only the engine, not the whole CLI (AWS SDK and all).
  { ...node, entryPoints: ['src/cli/scanWorker.ts'], outfile: 'dist/scan-worker.js' },
  { ...node, entryPoints: ['src/cli/redactWorker.ts'], outfile: 'dist/redact-worker.js' },
  // Heavy commands are separate bundles that dist/cli.js loads only when they run.
  ...['redactCommand', 'askCommand', 'postureCommand', 'cardCommand'].map((name) => ({ ...node, entryPoints: [`src/cli/${name}.ts`], outfile: `dist/${name}.js` })),
  { ...node, external: ['./redactCommand', './askCommand', './postureCommand', './cardCommand'], entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaUrl.banner.js}` } },
  { ...common, entryPoints: ['src/webview/ui/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

mkdirSync('dist/wasm', { recursive: true });
// tree-sitter runtime and grammars for CDK apps (TypeScript, JavaScript, Python), loaded at run time.
const require = createRequire(import.meta.url);
for (const [file, pkgPath] of [
  ['web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm'],
  ['tree-sitter-typescript.wasm', 'tree-sitter-typescript/tree-sitter-typescript.wasm'],
  ['tree-sitter-tsx.wasm', 'tree-sitter-typescript/tree-sitter-tsx.wasm'],
  ['tree-sitter-javascript.wasm', 'tree-sitter-javascript/tree-sitter-javascript.wasm'],
  ['tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'],
]) {
  copyFileSync(require.resolve(pkgPath), `dist/wasm/${file}`);
}
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
}

// Rule documentation pages ship inside the extension (opened in Markdown preview, no network).
if (!watch) {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['dist/cli.js', 'rules', '--docs', 'dist/rules'], { stdio: 'inherit' });
}
