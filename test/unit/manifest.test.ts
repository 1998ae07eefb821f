import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../src/extension/commands';

const ROOT = path.resolve(__dirname, '../../..');
interface Manifest {
  name: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; category: string }[];
    configuration: { properties: Record<string, unknown> }[];
    viewsContainers: { activitybar: { id: string; title: string }[] };
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    walkthroughs: unknown[];
  };
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
}
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('extension manifest', () => {
  it('contributes exactly the commands the code registers, all in the GenAI Guard category', () => {
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), [...COMMAND_IDS].sort());
    assert.ok(pkg.contributes.commands.every((c) => c.category === 'GenAI Guard' && c.command.startsWith('genaiGuard.')));
  });

  it('declares every setting the extension reads', () => {
    const declared = new Set(pkg.contributes.configuration.flatMap((s) => Object.keys(s.properties)));
    const source = readFileSync(path.join(ROOT, 'src/extension/config.ts'), 'utf8');
    const read = [...source.matchAll(/c\.get<[^>]+>\('([^']+)'\)/g)].map((m) => `genaiGuard.${m[1]}`);
    assert.ok(read.length >= 4);
    for (const key of read) assert.ok(declared.has(key), `${key} is read but not contributed`);
    for (const key of pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(declared.has(key), key);
  });

  it('activates on the languages and files it serves, never on *', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.includes('onLanguage:terraform') && pkg.activationEvents.includes('onLanguage:python'));
  });

  it('targets VS Code 1.100 with matching types, so it installs on code-server 4.100.3', () => {
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '~1.100.0');
  });

  it('has the GenAI Guard view container with the posture view and its welcome content', () => {
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => c.title), ['GenAI Guard']);
    const container = pkg.contributes.viewsContainers.activitybar[0]!.id;
    assert.ok(pkg.contributes.views[container]?.some((v) => v.id === 'genaiGuard.posture'));
    assert.ok(pkg.contributes.viewsWelcome.some((w) => w.view === 'genaiGuard.posture' && w.contents.includes('command:genaiGuard.scanWorkspace')));
    assert.equal(pkg.contributes.walkthroughs.length, 1);
  });

  it('ships only run-time files in the .vsix (allowlist)', () => {
    const lines = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(lines.slice(1).every((l) => l.startsWith('!')));
    assert.ok(!lines.some((l) => /src|test|\.map/.test(l)));
  });
});
