// For people with internet access: run the same integration tests in desktop VS Code with
//   npx vscode-test
// (@vscode/test-cli downloads VS Code). CI and `npm test` use the offline code-server path instead.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspace = mkdtempSync(join(tmpdir(), 'gg-ws-'));
cpSync('demo', workspace, { recursive: true });

export default defineConfig([
  {
    label: 'integration',
    files: 'out/test/integration/**/*.vscode.test.js',
    version: '1.100.3',
    workspaceFolder: workspace,
    mocha: { ui: 'bdd', timeout: 60000 },
    env: { AWS_EC2_METADATA_DISABLED: 'true' },
  },
]);
