import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl } from '../../src/engine/iac/hcl';

/**
 * The editor reparses a large Terraform file on every change; with a cache key only the changed region is parsed
 * again. Whatever the edit, the result must equal a fresh parse — offsets included — or findings would point at the
 * wrong place.
 */
const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');

function terraformCorpus(): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.tf')) parts.push(readFileSync(p, 'utf8'));
    }
  };
  walk(FIXTURES);
  // Top-level attributes too, as in .tfvars files: their end is decided by the character after them.
  for (let i = 0; i < 60; i++) parts.splice(i * 3, 0, `name_${i} = "v${i}"\ncount_${i} = ${i} + 1\nlist_${i} = [\n  "a",\n  "b",\n]\ndoc_${i} = <<EOT\nline ${i}\nEOT\n`);
  return parts.join('\n');
}

const SNIPPETS = ['{', '}', '"', '\n', ' ', '#', '//', '/*', '*/', '<<EOF\n', '\nEOF\n', '<<-JSON\n', '[', ']', '(', ')', '=', ',', 'x', '${', 'resource "aws_s3_bucket" "n" {\n  bucket = "b"\n}\n', '  acl = "public-read"\n', 'locals {\n', 'variable "v" {\n  default = 1\n}\n', '"unterminated', '\r\n'];

describe('incremental HCL parsing', () => {
  const base = terraformCorpus();

  it('has a corpus large enough to be parsed incrementally', () => {
    assert.ok(base.length > 16_384, `corpus ${base.length} chars`);
  });

  it('equals a fresh parse after each of 200 random edits (inserts, deletions, replacements anywhere)', function () {
    this.timeout(60_000);
    let seed = 2026;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0), seed % n);
    let text = base;
    assert.deepEqual(parseHcl(text, 'edit-test.tf'), parseHcl(text));
    let changed = 0;
    for (let step = 0; step < 200; step++) {
      // Half the edits land within a few characters of a line start, where top-level items begin and end.
      let at = rnd(text.length + 1);
      if (step % 2 === 1) {
        const nl = text.indexOf('\n', at);
        at = Math.max(0, Math.min(text.length, (nl === -1 ? text.length : nl + 1) - 3 + rnd(7)));
      }
      const kind = rnd(3);
      if (kind === 0) text = text.slice(0, at) + SNIPPETS[rnd(SNIPPETS.length)]! + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + rnd(40)));
      else text = text.slice(0, at) + SNIPPETS[rnd(SNIPPETS.length)]! + text.slice(Math.min(text.length, at + 1 + rnd(10)));
      // Now and then the same text again, and an edit right at the end (typing at the bottom of the file).
      if (step % 40 === 0) text += '\n# end\n';
      const incremental = parseHcl(text, 'edit-test.tf');
      const fresh = parseHcl(text);
      assert.deepEqual(incremental, fresh, `after edit ${step} at ${at}`);
      changed++;
    }
    assert.equal(changed, 200);
  });

  it('equals a fresh parse for edits on every side of top-level item boundaries', function () {
    this.timeout(60_000);
    const text = base.slice(0, 24_000);
    const starts: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1 && starts.length < 400; i = text.indexOf('\n', i + 1)) if (/[^\s]/.test(text.charAt(i + 1))) starts.push(i + 1);
    const picked = starts.filter((_, i) => i % Math.ceil(starts.length / 40) === 0);
    assert.ok(picked.length >= 30, `${picked.length} boundaries`);
    let cases = 0;
    for (const s of picked) {
      for (let d = -3; d <= 2; d++) {
        const at = s + d;
        for (const edit of ['x', '}', '\n', '"', '{', '=', null]) {
          const edited = edit === null ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + edit + text.slice(at);
          parseHcl(text, 'boundary.tf');
          assert.equal(JSON.stringify(parseHcl(edited, 'boundary.tf')), JSON.stringify(parseHcl(edited)), `edit ${JSON.stringify(edit)} at ${at}`);
          cases++;
        }
      }
    }
    assert.ok(cases > 1000);
  });

  it('keeps separate files apart and handles a key whose file shrank below the incremental size', () => {
    const a = base;
    const b = base.replace(/resource/g, 'data');
    assert.deepEqual(parseHcl(a, 'a.tf'), parseHcl(a));
    assert.deepEqual(parseHcl(b, 'b.tf'), parseHcl(b));
    const a2 = `${a.slice(0, 5000)}\n# edited\n${a.slice(5000)}`;
    assert.deepEqual(parseHcl(a2, 'a.tf'), parseHcl(a2));
    const small = 'resource "aws_s3_bucket" "x" {\n}\n';
    assert.deepEqual(parseHcl(small, 'a.tf'), parseHcl(small));
    assert.deepEqual(parseHcl(a, 'a.tf'), parseHcl(a));
  });
});
