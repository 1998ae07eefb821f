// typescript-eslint flat config. The layer boundaries of DEVELOPERS.md are enforced here, not by memory:
// only src/extension (and the webview host code inside it) may import `vscode`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = {
  name: 'vscode',
  message: 'Only src/extension/ may import vscode: the engine, AWS layer, CLI and webview UI run outside the editor.',
};
const noExtensionLayer = {
  group: ['**/extension', '**/extension/**'],
  message: 'Only src/extension/ may depend on src/extension/.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'demo/**', 'test/fixtures/**', 'test-results/**', '*.vsix', 'bench/.work/**', '.genai-guard-start/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      'no-console': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          noVscode,
          ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net']
            .map((name) => ({ name, message: 'src/engine is pure: it gets content and does no I/O or network. Read files in src/cli or src/extension.' })),
        ],
        patterns: [noExtensionLayer, { group: ['@aws-sdk/*', '**/aws', '**/aws/**', '**/cli', '**/cli/**'], message: 'src/engine depends on nothing of ours and no AWS SDK.' }],
      }],
    },
  },
  {
    files: ['src/aws/**/*.ts', 'src/cli/**/*.ts', 'src/webview/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noExtensionLayer] }] },
  },
  // Unit tests run in plain Node: they may read pure modules anywhere, but never vscode.
  { files: ['test/unit/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] } },
  { files: ['src/cli/**/*.ts', 'test/**/*.ts'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, program: null, project: false }, globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  { files: ['test/ui/**/*.mjs'], languageOptions: { globals: { ...globals.mocha } } },
);
