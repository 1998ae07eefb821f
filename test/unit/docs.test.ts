import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderRuleTable } from '../../src/cli/rulesCommand';
import { RULES } from '../../src/engine/rules';

const ROOT = path.resolve(__dirname, '../../..');

describe('generated documentation', () => {
  it('the README rule table matches the rules (run "npm run docs" after changing a rule)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(renderRuleTable()), 'README.md rule table is stale: run "npm run docs"');
  });

  it('docs/rules holds each rule page as generated', () => {
    for (const r of RULES) {
      const file = path.join(ROOT, 'docs', 'rules', `${r.id}.md`);
      assert.ok(existsSync(file), `${file} is missing: run "npm run docs"`);
      assert.equal(readFileSync(file, 'utf8'), r.docs, `${r.id}.md is stale: run "npm run docs"`);
    }
  });
});
