import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseJson, parseJsonTolerant } from '../../src/engine/iac/yamlJson';
import { mulberry32 } from '../redaction/devset';

const repo = path.resolve(__dirname, '../../..');

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) jsonFiles(p, out);
    else if (/\.json$/i.test(name)) out.push(p);
  }
  return out;
}

/**
 * The fast JSON reader must give the very tree the tolerant parser gives (a rule reading a different tree is a
 * different verdict), and say "broken" wherever the tolerant parser does, at the same place.
 */
function assertSame(text: string, label: string): boolean {
  const fast = parseJson(text);
  const slow = parseJsonTolerant(text);
  assert.deepStrictEqual(fast.root, slow.root, `${label}: same tree`);
  assert.equal(fast.errors.length > 0, slow.errors.length > 0, `${label}: errors agree (${JSON.stringify(slow.errors.slice(0, 2))})`);
  if (slow.errors.length) assert.equal(fast.errors[0]!.start, slow.errors[0]!.start, `${label}: first error at the same offset`);
  return fast.errors.length === 0 || fast.errors[0]!.message.includes('after the end');
}

describe('fast JSON reader', () => {
  it('reads every JSON fixture exactly as the tolerant parser does', () => {
    const files = [...jsonFiles(path.join(repo, 'test', 'fixtures')), ...jsonFiles(path.join(repo, 'test', 'scenarios')), path.join(repo, 'package.json'), path.join(repo, 'tsconfig.json')];
    assert.ok(files.length > 40);
    for (const f of files) assertSame(readFileSync(f, 'utf8'), path.relative(repo, f));
  });

  it('agrees on hand-written edge cases: escapes, numbers, comments, trailing commas, trailing content, broken input', () => {
    const cases = [
      '{"a": "x\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00"}',
      '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",}],}',
      '// comment\n{ /* block */ "a" /* x */ : /* y */ 1 // z\n}',
      '{"n": [0, -0, 1.5, -2e10, 3E+2, 4e-3, 12345678901234567890]}',
      '[true, false, null, "", {}, []]',
      '{"Ref": "Bucket"}',
      '{"Fn::GetAtt": "Role.Arn", "x": {"Fn::Sub": ["${A}", {"A": {"Ref": "B"}}]}}',
      '{"a": 1, "a": 2}',
      '"just a string"',
      '42',
      '{"a": 1}\n# a trailing comment line\n# another one',
      '{"a": 1} {"b": 2}',
      '{"a": 1} true',
      '{"a": 1} /',
      '{"a": 1}\n// fine\n/* fine */',
      '{"a": 1} /* unterminated',
      '{"a": 01}',
      '{"a": 1.}',
      '{"a": .5}',
      '{"a": +1}',
      '{"a": tru}',
      '{"a": truex}',
      '{"a": nullx}',
      '{"a": 1x}',
      "{'a': 1}",
      '{a: 1}',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '{"a": "line\nbreak"}',
      '{"a": "tab\there"}',
      '{"a": "bad \\x escape"}',
      '{"a": "\\u12"}',
      '{"a": [1, 2,, 3]}',
      '{"a": [1 2]}',
      '{"a": 1',
      '[',
      '',
      '   ',
      '\uFEFF{"a": 1}',
      '{"a":\u00a01}',
      '{"a": 1}\u00a0',
      '{"a": 1}\v',
      '{"a": "😀 emoji and 中文"}',
      `${'['.repeat(300)}${']'.repeat(300)}`,
      `{"deep": ${'{"x": '.repeat(150)}1${'}'.repeat(150)}}`,
    ];
    for (const c of cases) assertSame(c, JSON.stringify(c));
  });

  it('agrees on 600 random documents with random spacing, comments and trailing commas', () => {
    const rnd = mulberry32(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const space = () => pick(['', ' ', '\n', '  ', '\r\n', '\t', ' // c\n', '/* c */', '\n    ']);
    const strings = ['', 'a', 'Allow', 's3:*', 'arn:aws:s3:::b/*', 'é', '😀', '中文', 'quote"d', 'back\\slash', 'tab\t', 'nl\n', '\u2028', 'Ref', 'Fn::Sub'];
    const value = (depth: number): string => {
      const r = rnd();
      if (depth > 4 || r < 0.35) {
        const s = rnd();
        if (s < 0.5) return JSON.stringify(pick(strings));
        if (s < 0.75) return String(pick([0, 1, -1, 2.5, -0.125, 1e21, 123456]));
        return pick(['true', 'false', 'null']);
      }
      const n = Math.floor(rnd() * 4);
      const parts: string[] = [];
      if (r < 0.7) {
        for (let i = 0; i < n; i++) parts.push(`${space()}${JSON.stringify(pick(strings))}${space()}:${space()}${value(depth + 1)}${space()}`);
        return `{${parts.join(',')}${n && rnd() < 0.2 ? ',' : ''}${space()}}`;
      }
      for (let i = 0; i < n; i++) parts.push(`${space()}${value(depth + 1)}${space()}`);
      return `[${parts.join(',')}${n && rnd() < 0.2 ? ',' : ''}${space()}]`;
    };
    let trailing = 0;
    for (let i = 0; i < 600; i++) {
      let doc = `${space()}${value(0)}${space()}`;
      // a third get something after the document, and some are cut short or corrupted
      const m = rnd();
      if (m < 0.33) doc += pick(['\n# padding words here', ' {"x": 1}', ' ]', ' tail', ' 1']);
      else if (m < 0.45) doc = doc.slice(0, Math.floor(rnd() * doc.length));
      else if (m < 0.55) {
        const at = Math.floor(rnd() * doc.length);
        doc = doc.slice(0, at) + pick(['}', ',', '"', ':', '#', 'x']) + doc.slice(at);
      }
      if (parseJson(doc).errors.some((e) => e.message.includes('after the end'))) trailing++;
      assertSame(doc, `random #${i}: ${JSON.stringify(doc).slice(0, 200)}`);
    }
    assert.ok(trailing > 50, 'documents followed by other content are read on the fast path');
  });

  it('takes the fast path on well-formed policy documents (so it is not a path that always steps aside)', () => {
    const policy = readFileSync(jsonFiles(path.join(repo, 'test', 'fixtures')).find((f) => /iam|policy/i.test(f))!, 'utf8');
    const fast = parseJson(policy);
    assert.deepEqual(fast.errors, []);
    assert.ok(fast.root && fast.root.t === 'map');
    // the tolerant parser's message carries its numeric code; the fast path's one is worded
    const trailing = parseJson(`${policy}\n# note`);
    assert.match(trailing.errors[0]!.message, /content after the end of the document/);
  });
});
