/**
 * One generic runner for every rule's fixtures (test/fixtures/rules/<RULE-ID>/*). Expectations are written in the
 * fixture itself, in the file's comment syntax, on the line(s) above the code they describe:
 *   `expect: GG-SEC-001`  the next code line must carry an active (unsuppressed) finding of that rule
 *   `ok` / `ok: reason`   the next code line must carry no active finding at all
 * Formats without comments (JSON, notebooks) use a sidecar `<file>.expect` with `LINE RULE-ID` lines.
 * The runner asserts set equality per file, so an unexpected finding anywhere fails too.
 * A subfolder of a rule folder is one scan unit: its files are scanned together (a Terraform module split across
 * files, or one more `serverless.yml`), and each file's findings are checked the same way.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/engine/finding';
import { RULES } from '../../src/engine/rules';
import { initCdkParsers } from '../../src/engine/iac/cdk';
import { loadCdkWasm } from '../../src/cli/cdkWasm';
import { scanDocument, scanDocuments } from '../../src/engine/scan';

const ROOT = path.resolve(__dirname, '../../../test/fixtures/rules');
const ANNOTATION = /^\s*(?:#|\/\/|--|;|\/\*|<!--)\s*(expect|ok)\b(?::\s*((?:GG-[A-Z]+-\d{3})(?:\s*,\s*GG-[A-Z]+-\d{3})*))?/;
const COMMENT_ONLY = /^\s*(?:#|\/\/|--|;|\/\*|\*|<!--)/;

interface Expectations {
  expected: Set<string>;
  okLines: Set<number>;
}

export function readExpectations(file: string, text: string): Expectations {
  const expected = new Set<string>();
  const okLines = new Set<number>();
  const sidecar = `${file}.expect`;
  if (existsSync(sidecar)) {
    for (const line of readFileSync(sidecar, 'utf8').split('\n')) {
      const m = /^(\d+)\s+(GG-[A-Z]+-\d{3})\s*$/.exec(line.trim());
      if (m) expected.add(`${m[1]} ${m[2]}`);
    }
    return { expected, okLines };
  }
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) return;
    let target = i + 1;
    while (target < lines.length && (ANNOTATION.test(lines[target] ?? '') || COMMENT_ONLY.test(lines[target] ?? ''))) target++;
    if (m[1] === 'expect') {
      assert.ok(m[2], `${file}:${i + 1}: "expect:" needs a rule id`);
      for (const id of m[2].split(',')) expected.add(`${target + 1} ${id.trim()}`);
    } else {
      okLines.add(target + 1);
    }
  });
  return { expected, okLines };
}

/** Fixture files of a rule folder: its own files, and those of its subfolders (path relative to the rule folder). */
function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir, { withFileTypes: true })) {
    if (n.isDirectory()) out.push(...fixtureFiles(path.join(dir, n.name)).map((f) => `${n.name}/${f}`));
    else if (!n.name.endsWith('.expect')) out.push(n.name);
  }
  return out;
}

describe('rule fixtures', () => {
  // CDK fixtures need the tree-sitter grammars (loaded from their npm packages when unbundled).
  before(() => initCdkParsers(() => loadCdkWasm()));

  it('every registered rule has a fixture folder with positive and negative cases', () => {
    for (const rule of RULES) {
      const dir = path.join(ROOT, rule.id);
      assert.ok(existsSync(dir), `missing fixtures for ${rule.id} in ${dir}`);
      let positives = 0;
      let negatives = 0;
      for (const f of fixtureFiles(dir)) {
        const full = path.join(dir, f);
        const e = readExpectations(full, readFileSync(full, 'utf8'));
        positives += [...e.expected].filter((x) => x.endsWith(` ${rule.id}`)).length;
        negatives += e.okLines.size;
      }
      assert.ok(positives > 0, `${rule.id} has no positive fixture`);
      assert.ok(negatives > 0, `${rule.id} has no negative fixture`);
    }
  });

  for (const ruleDir of existsSync(ROOT) ? readdirSync(ROOT) : []) {
    describe(ruleDir, () => {
      for (const entry of readdirSync(path.join(ROOT, ruleDir), { withFileTypes: true })) {
        if (entry.isDirectory()) {
          const unitDir = path.join(ROOT, ruleDir, entry.name);
          const names = readdirSync(unitDir).filter((n) => !n.endsWith('.expect'));
          // Paths keep the subfolder so the files form one unit (one Terraform module).
          const inputs = names.map((n) => ({ file: `${entry.name}/${n}`, text: readFileSync(path.join(unitDir, n), 'utf8') }));
          // Scanned once, on first use inside a test, so an engine error fails tests rather than the whole run.
          let results: ReturnType<typeof scanDocuments> | undefined;
          inputs.forEach((input, i) => {
            it(input.file, () => {
              results ??= scanDocuments(inputs);
              check(ruleDir, path.join(unitDir, names[i]!), input.text, results[i]!.findings);
            });
          });
          continue;
        }
        const name = entry.name;
        if (name.endsWith('.expect')) continue;
        it(name, () => {
          const full = path.join(ROOT, ruleDir, name);
          const text = readFileSync(full, 'utf8');
          check(ruleDir, full, text, scanDocument({ file: name, text }).findings);
        });
      }
    });
  }
});

function check(ruleDir: string, full: string, text: string, findings: readonly Finding[]): void {
  const { expected, okLines } = readExpectations(full, text);
  // Findings of the folder rule's family must match the annotations exactly (the family's false positives count);
  // other families' findings count only where a fixture names them.
  const family = RULES.find((r) => r.id === ruleDir)?.family;
  const expectedIds = new Set([...expected].map((x) => x.split(' ')[1]));
  const active = findings.filter((f) => !f.suppressed && (f.family === family || expectedIds.has(f.ruleId)));
  const actual = new Set(active.map((f) => `${f.range.start.line} ${f.ruleId}`));
  const shown = path.relative(path.join(ROOT, ruleDir), full);
  assert.deepEqual([...actual].sort(), [...expected].sort(), `findings of ${ruleDir}/${shown} (line rule)`);
  for (const line of okLines) {
    assert.ok(!active.some((f) => f.range.start.line === line), `${ruleDir}/${shown}:${line} is marked ok but has a finding`);
  }
}
