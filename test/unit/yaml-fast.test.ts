import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fastParseYaml } from '../../src/engine/iac/yamlFast';
import type { MapNode } from '../../src/engine/iac/node';
import { parseYaml, parseYamlWithPackage } from '../../src/engine/iac/yamlJson';

/**
 * The fast YAML reader must return exactly what the `yaml`-package path returns (offsets, values, key order,
 * intrinsics), or nothing at all. Differential: real fixtures, the benchmark's template, hand-written edge cases,
 * seeded random CloudFormation-like documents, and random mutations of them (which mostly leave the subset or
 * become invalid YAML — the reader must then bail, never guess).
 */
const REPO = join(__dirname, '..', '..', '..');

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.(ya?ml|template)$/i.test(name)) out.push(p);
  }
  return out;
}

/** Same or nothing: the reader may bail, but never differ. Returns whether it handled the text. */
function check(text: string, label: string): boolean {
  const fast = fastParseYaml(text);
  if (fast === undefined) return false;
  const slow = parseYamlWithPackage(text);
  assert.deepStrictEqual(fast, slow, `${label}\n${JSON.stringify(text)}`);
  return true;
}

// ── Random CloudFormation-like documents ───────────────────────────────────────────────────────────────────────

type Rnd = (n: number) => number;

function rng(seed: number): Rnd {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[r(xs.length)]!;

const WORDS = ['Bucket', 'model', 'invoke', 'bedrock', 'guardrail', 'région', 'プロンプト', '模型', '🚀rocket', 'token', 'a b', 'x-y_z', 'Arn', 'AWS::Region', 'policy/doc', 'k=v', 'it\'s', 'q"uote', 'ünïcödé', '😀'];
const KEYS = ['Type', 'Properties', 'BucketName', 'Resources', 'Value', 'Tags', 'Key', 'Name', 'Ref', 'Condition', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Base64', 'Fn::FindInMap', 'Fn::Split', 'Fn::Cidr', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Transform', 'Fn::ToJsonString', 'Fn::Length', 'Fn::ForEach', 'Fn::Other', 'Statement', 'Effect', 'Action', 'key with spaces', 'ключ', '键', 'a:b', 'url#x', '1', 'true', 'null', '~'];
const PLAIN = ['value', 'AWS::S3::Bucket', 'arn:aws:s3:::bucket/*', 'http://x:80/a#b', 'a # comment', 'x#y', 'hello world', 'true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'no', 'null', 'Null', 'NULL', '~', '0', '-1', '+5', '007', '0o17', '0o9', '0x1F', '0xZZ', '-0x1F', '.5', '-.5', '+.5', '1.', '1e3', '1E-3', '1.5e+3', '.inf', '-.Inf', '.nan', '2010-09-09', '1_000', '3.14', 'Ünïcödé ✓', '日本語テキスト', '🚀 launch', 'a  b', "it's", 'say "hi"', 'trailing\u00a0nbsp\u00a0', 'a:b', 'a,b', 'a[0]', 'x{y}', '-dash', '${AWS::StackName}-x'];
/** Plain scalars the package reads differently or reports (the fast path must bail on them). */
const ODD = ['@at', '%pct', '`tick', '!bang', '&amp', '*star', '?q', ':colon', '|pipe', '>gt', 'a: b', 'a:', '- x', '[x', '{x', 'x]', '#x'];
const TAGS = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!Select', '!Split', '!Base64', '!Equals', '!Not', '!GetAZs', '!ImportValue', '!FindInMap', '!Condition', '!Cidr', '!!str', '!!int', '!Custom'];
const ODD_TAGS = ['!', '!<tag:x>', '!a!b', '!Ref,'];

function plainText(r: Rnd): string {
  if (r(40) === 0) return pick(r, ODD);
  return r(3) === 0 ? pick(r, WORDS) : pick(r, PLAIN);
}

function tagName(r: Rnd): string {
  return r(40) === 0 ? pick(r, ODD_TAGS) : pick(r, TAGS);
}

function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function doubleQuoted(r: Rnd, s: string): string {
  const esc = ['\\t', '\\n', '\\u00e9', '\\"', '\\\\', '\\x41', '\\U0001F600', '\\/', '\\ ', '\\0', '\\e', '\\N'];
  const bad = r(30) === 0 ? pick(r, ['\\q', '\\u12', '\\x4']) : '';
  return `"${s.replace(/["\\]/g, '')}${r(3) === 0 ? pick(r, esc) : ''}${bad}${r(4) === 0 ? ' tail' : ''}"`;
}

function scalar(r: Rnd, inFlow: boolean): string {
  switch (r(8)) {
    case 0:
      return singleQuoted(plainText(r));
    case 1:
      return doubleQuoted(r, plainText(r));
    case 2:
      return `${tagName(r)} ${r(2) ? plainText(r) : singleQuoted(plainText(r))}`;
    case 3:
      return r(2) ? '!GetAtt Role.Arn' : '!Ref "AWS::NoValue"';
    default: {
      const t = plainText(r);
      return inFlow && r(2) ? t.replace(/[,[\]{}]/g, '') : t;
    }
  }
}

function flow(r: Rnd, depth: number, indent: string): string {
  const n = r(4);
  const items: string[] = [];
  const isMap = r(3) === 0;
  if (n === 0) return isMap ? (r(10) === 0 ? '{ }' : '{}') : pick(r, ['[]', '[ ]']);
  for (let i = 0; i < n; i++) {
    const v = depth < 2 && r(4) === 0 ? flow(r, depth + 1, indent) : scalar(r, true);
    items.push(isMap ? `${r(3) === 0 ? JSON.stringify(pick(r, KEYS)) : pick(r, KEYS).replace(/[:#]/g, '')}: ${v}` : v);
  }
  const sep = pick(r, [', ', ',', ' , ', `,\n${indent}    `, ` # c\n${indent}  , `]);
  const body = items.join(sep) + (r(6) === 0 ? ',' : '');
  return isMap ? `{${r(2) ? ' ' : ''}${body}${r(2) ? ' ' : ''}}` : `[${body}]`;
}

function blockScalar(r: Rnd, indent: string): string {
  const header = r(20) === 0 ? pick(r, ['|2', '>1-', '|x', '|#c']) : pick(r, ['|', '|-', '|+', '>', '>-', '>+', '| # c', '>- ']);
  const lines: string[] = [];
  const n = 1 + r(4);
  for (let i = 0; i < n; i++) {
    const k = r(7);
    if (k === 0) lines.push('');
    else if (k === 1) lines.push(`${indent}    more indented ${plainText(r)}`);
    else if (k === 2) lines.push(`${indent}  # not a comment`);
    else lines.push(`${indent}  ${plainText(r)} \${Var}`);
  }
  if (r(3) === 0) lines.push('');
  return `${header}\n${lines.join('\n')}`;
}

function comment(r: Rnd): string {
  return r(4) === 0 ? ` # ${pick(r, WORDS)}` : '';
}

function mapBlock(r: Rnd, indent: string, depth: number, out: string[]): void {
  const n = 1 + r(4);
  for (let i = 0; i < n; i++) {
    if (r(6) === 0) out.push(r(2) ? '' : `${' '.repeat(r(8))}# ${pick(r, WORDS)}`);
    const rawKey = pick(r, KEYS);
    const key = r(6) === 0 ? singleQuoted(rawKey) : r(6) === 0 ? JSON.stringify(rawKey) : rawKey;
    const pad = r(10) === 0 ? ' ' : '';
    entry(r, `${indent}${key}${pad}:`, indent, depth, out, true);
  }
}

function seqBlock(r: Rnd, indent: string, depth: number, out: string[]): void {
  const n = 1 + r(4);
  for (let i = 0; i < n; i++) {
    if (r(8) === 0) out.push(r(2) ? '' : `${indent}# c`);
    if (depth < 5 && r(4) === 0) {
      // A compact mapping: `- key: v` then more keys at the column after the dash.
      const spaces = pick(r, [' ', ' ', '   ']);
      const inner = indent + ' ' + spaces;
      const sub: string[] = [];
      mapBlock(r, inner, depth + 1, sub);
      const first = sub.findIndex((l) => l.startsWith(inner) && l.trim() !== '' && !l.trim().startsWith('#'));
      if (first > 0) sub.splice(0, first);
      if (sub.length) {
        sub[0] = `${indent}-${spaces}${sub[0]!.slice(inner.length)}`;
        out.push(...sub);
        continue;
      }
    }
    if (depth < 5 && r(8) === 0) {
      out.push(`${indent}- - ${scalar(r, false)}`);
      out.push(`${indent}  - ${scalar(r, false)}`);
      continue;
    }
    entry(r, `${indent}-`, indent, depth, out, false);
  }
}

function entry(r: Rnd, head: string, indent: string, depth: number, out: string[], inMap: boolean): void {
  const k = depth > 5 ? r(4) : r(12);
  const trail = r(8) === 0 ? '  ' : '';
  switch (k) {
    case 0:
    case 1:
    case 2:
      out.push(`${head} ${scalar(r, false)}${trail}${comment(r)}`);
      return;
    case 3:
      out.push(`${head} ${flow(r, 0, indent)}${comment(r)}`);
      return;
    case 4:
      out.push(`${head}${r(2) ? ` ${tagName(r)}` : ''}${trail}`);
      return;
    case 5:
    case 6: {
      const tag = r(4) === 0 ? ` ${tagName(r)}` : '';
      out.push(`${head}${tag}${comment(r)}`);
      if (r(5) === 0) out.push('');
      mapBlock(r, indent + ' '.repeat(1 + r(4)), depth + 1, out);
      return;
    }
    case 7:
    case 8: {
      const tag = r(4) === 0 ? ` ${pick(r, ['!If', '!Join', '!Select', '!And'])}` : '';
      out.push(`${head}${tag}${comment(r)}`);
      seqBlock(r, indent + ' '.repeat(inMap && !tag ? r(4) : 1 + r(3)), depth + 1, out);
      return;
    }
    case 9: {
      const tag = r(3) === 0 ? `${pick(r, ['!Sub', '!Base64'])} ` : '';
      out.push(`${head} ${tag}${blockScalar(r, indent)}`);
      return;
    }
    case 10: {
      // Multi-line plain or quoted scalars.
      const [a, b] = pick(r, [['first line', 'second line'], ['"first', 'second"'], ["'first", "second'"], ['"fi\\', 'rst"'], ['x', '  more']]);
      out.push(`${head} ${a}`);
      if (r(2)) out.push('');
      out.push(`${indent}   ${b}`);
      if (r(2) && !/["']$/.test(b)) out.push('', `${indent}   third`);
      return;
    }
    default:
      out.push(`${head} ${scalar(r, false)}`);
  }
}

/** A random CloudFormation-like document. */
function generate(seed: number): string {
  const r = rng(seed);
  const out: string[] = [];
  if (r(4) === 0) out.push('# leading comment');
  if (r(5) === 0) out.push(r(2) ? '---' : '--- # start');
  if (r(8) === 0) seqBlock(r, '', 0, out);
  else {
    out.push(`AWSTemplateFormatVersion: ${r(2) ? '"2010-09-09"' : '2010-09-09'}`);
    if (r(3) === 0) out.push('Transform: AWS::Serverless-2016-10-31');
    out.push('Resources:');
    mapBlock(r, '  ', 1, out);
    if (r(2)) mapBlock(r, '', 0, out);
  }
  for (let i = r(4); i > 0; i--) out.push(pick(r, ['', '# trailing comment', '    # indented trailing', '  ']));
  let text = out.join('\n') + (r(5) === 0 ? '' : '\n');
  if (r(4) === 0) text = text.replace(/\n/g, '\r\n');
  return text;
}

const SNIPPETS = ['\n', ' ', '  ', '\t', '#', ':', '- ', '"', "'", '!Ref ', '[', ']', '{', '}', ',', '|', '>-', '&a ', '*a', '? ', '---\n', '...\n', '%YAML 1.2\n', 'x', '\r\n', '\u00a0', '😀'];

function mutate(seed: number, text: string): string {
  const r = rng(seed);
  let t = text;
  for (let k = 1 + r(3); k > 0; k--) {
    const at = r(t.length + 1);
    switch (r(4)) {
      case 0:
        t = t.slice(0, at) + t.slice(at + 1 + r(3));
        break;
      case 1: {
        // Indent or unindent a line.
        const ls = t.lastIndexOf('\n', at - 1) + 1;
        t = r(2) ? t.slice(0, ls) + ' ' + t.slice(ls) : t.slice(0, ls) + t.slice(ls).replace(/^ /, '');
        break;
      }
      default:
        t = t.slice(0, at) + pick(r, SNIPPETS) + t.slice(at);
    }
  }
  return t;
}

/** Inserts comment lines (at random indentation), blank lines and trailing spaces between the lines of a document. */
function sprinkle(seed: number, text: string): string {
  const r = rng(seed);
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (r(6) === 0) out.push(r(3) === 0 ? ' '.repeat(r(6)) : `${' '.repeat(r(12))}# ${pick(r, WORDS)}`);
    out.push(r(10) === 0 && line.trim() !== '' && !/^\s*[|>]|[|>][-+]?\s*$/.test(line) ? `${line}  ` : line);
  }
  return out.join('\n');
}

// ── Hand-written cases ─────────────────────────────────────────────────────────────────────────────────────────

const CASES = [
  "key: 'it''s'\n",
  'key: "a\\tb\\u00e9"\n',
  'key: value # comment\n',
  'url: http://x:80/a#b\n',
  '- - nested\n  - more\n- x\n',
  'key:\nother: 1\n',
  'Arn: !GetAtt A.Arn\nTwo: !GetAtt [A, Arn]\nNoDot: !GetAtt A\n',
  'Body: !Sub |\n  echo ${AWS::Region}\n  done\nNext: 1\n',
  'a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: null\nh: Null\ni: NULL\nj: ~\nk:\n',
  'a: 0o17\nb: .5\nc: 1e3\nd: -0x1F\ne: 0x1F\nf: +12\ng: 1.\nh: -.5e-3\ni: 08\nj: 0b11\n',
  'key with spaces: v\n"quoted key": v\n\'single key\': v\n"a\\"b": c\n',
  'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: k\n          Value: !Ref V\n        - Key: j\n          Value: !Sub "${AWS::StackName}"\n',
  'Cond: !If [IsProd, !Ref A, !Ref "AWS::NoValue"]\nJ: !Join ["", [a, !Ref B, c]]\nS: !Select [0, !GetAZs ""]\n',
  'M: { "Fn::Sub": "x-${A}" }\nR: {Ref: B}\nE: {}\nL: []\n',
  'k: [a, b] # c\nj: [a,\n  b,\n]\n',
  'k: >-\n  folded\n  text\n\n  para\n',
  'k: |+\n  keep\n\n\nj: 1\n',
  'k: "multi\n  line"\nj: plain\n  continued\n\n  again\n',
  'a:\n- x\n- y\nb: 1\n',
  'a: !Ref\nb: !!str\nc: !!str 12\nd: !!int 12\n',
  '- \n-\n- !Ref\n- a: 1\n  b:\n',
  'k: "😀 日本 é"\n🚀: rocket\n',
  'a: b: c\n',
  'a: &x 1\nb: *x\n',
  '? complex\n: value\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n---\nb: 2\n',
  '---\na: 1\n...\n',
  'a:\n\tb: 1\n',
  'a: "unterminated\n',
  'a: "bad \\q escape"\n',
  '# only a comment\n',
  '',
  '\n\n',
  '---\n',
  'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\n',
  'a: |\r\n  x\r\n  y\r\nb: 1\r\n',
  '  a: 1\n  b: 2\n',
  'a:\n  b: 1\n c: 2\n',
  'a: 1\n  b: 2\n',
  'a: [b, [c, d] , {e: f}]  \n',
  'a: [\n  b\n]\n',
  'a: [b\n, c]\n',
  'a: x\u00a0\n',
  'list:\n  - !If\n    - Cond\n    - a\n  - !Ref\n',
  'a: - b\n',
  '-1: x\n.5: y\n',
  'a: "x" y\n',
  'k: |\n    leading\n  less\n',
  'k: |\n\n  after blank\n',
  'k: |\n   \n  x\n',
  'k: >\n  a\n    b\n  c\n',
  'k: |-\n  x\n# comment\nj: 1\n',
  'k: { a: 1\n  }\n',
  'k: { a: 1\n}\n',
  'k: {a: [x]\n }\nj: [[a]\n  , b]\n',
  'k: {a: 1\n  , b: 2}\n',
  'k: { }\n',
  'P:\n  N: x\n  # commented-out property\nO: 1\n',
  'R:\n  P:\n    N: x\n# t\n      # i\n',
  'R:\n  - a: 1\n    # c\n  - b\n  # d\n',
  'k: [a] # c\n    # absorbed\n\n    # absorbed too\n  # not\nj: 1\n',
  'a: 1\n--- b: 2\n',
  'a: 1\n... b: 2\n',
  '-x: 1\n---x: 2\n',
];

describe('fast YAML reader', () => {
  let benchTemplates: string[] = [];

  before(async function () {
    this.timeout(20_000);
    const dir = mkdtempSync(join(tmpdir(), 'gg-yaml-fast-'));
    try {
      const gen = (await import(pathToFileURL(join(REPO, 'bench', 'generate.mjs')).href)) as { generateTree: (d: string, o: object) => unknown };
      gen.generateTree(dir, { count: 24, targetBytes: 24 * 1600 });
      benchTemplates = yamlFiles(dir).map((f) => readFileSync(f, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads every fixture and scenario template exactly as the yaml package path does', () => {
    const files = [...yamlFiles(join(REPO, 'test', 'fixtures')), ...yamlFiles(join(REPO, 'test', 'scenarios'))];
    assert.ok(files.length >= 40, `only ${files.length} fixture files`);
    const missed = files.filter((f) => !check(readFileSync(f, 'utf8'), f));
    // The realistic corpus is the point of the fast path: it must not quietly fall back.
    assert.deepStrictEqual(missed, []);
  });

  it('reads the benchmark CloudFormation template', () => {
    assert.ok(benchTemplates.length > 0);
    for (const t of benchTemplates) assert.ok(check(t, 'bench template'), 'the fast path bailed on the benchmark template');
  });

  it('matches on hand-written edge cases (or bails)', () => {
    let handled = 0;
    for (const c of CASES) if (check(c, 'case')) handled++;
    assert.ok(handled >= CASES.length / 2, `handled only ${handled} of ${CASES.length}`);
    // A few it must handle, not just survive.
    for (const c of [CASES[0]!, CASES[1]!, CASES[6]!, CASES[7]!, CASES[11]!, CASES[12]!, CASES[13]!]) assert.ok(fastParseYaml(c), JSON.stringify(c));
    // And ones it must leave to the package.
    for (const c of ['a: &x 1\nb: *x\n', '? complex\n: value\n', 'a: 1\n---\nb: 2\n', 'a: "bad \\q escape"\n', 'a:\n\tb: 1\n']) assert.equal(fastParseYaml(c), undefined, JSON.stringify(c));
  });

  it('matches on fixtures sprinkled with comment lines, blank lines and trailing spaces', function () {
    this.timeout(20_000);
    const files = yamlFiles(join(REPO, 'test', 'fixtures')).filter((_, i) => i % 2 === 0);
    let handled = 0;
    let total = 0;
    files.forEach((f, i) => {
      const text = readFileSync(f, 'utf8');
      for (let k = 0; k < 4; k++, total++) if (check(sprinkle(i * 31 + k, text), `${f} sprinkled ${k}`)) handled++;
    });
    assert.ok(handled > total / 2, `handled only ${handled} of ${total}`);
  });

  it('matches on 400 random CloudFormation-like documents and 400 mutations of them', function () {
    this.timeout(20_000);
    let handled = 0;
    let mutantsHandled = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const doc = generate(seed);
      if (check(doc, `seed ${seed}`)) handled++;
      if (check(mutate(seed * 7919, doc), `mutant of seed ${seed}`)) mutantsHandled++;
    }
    // The generator writes mostly supported YAML: most documents must take the fast path.
    assert.ok(handled > 150, `fast path handled only ${handled} of 400 documents`);
    assert.ok(mutantsHandled > 0);
  });

  it('is what parseYaml returns', () => {
    for (const c of CASES) assert.deepStrictEqual(parseYaml(c), parseYamlWithPackage(c));
  });

  it('keeps commented-out lines at the end of a block out of the values (a `Ref:` map followed by one is still a Ref)', () => {
    const t = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      KmsKeyId:\n        Ref: Key\n        # was: alias/aws/s3\n      Tags:\n        - a\n        # - b\n      # VersioningConfiguration: {}\n';
    for (const read of [fastParseYaml, parseYamlWithPackage]) {
      const root = read(t)!.root!;
      const props = ((root as MapNode).entries[0]!.value as MapNode).entries[1]!.value as MapNode;
      const properties = props.entries.find((e) => e.key === 'Properties')!.value as MapNode;
      assert.deepEqual(properties.entries.map((e) => e.key), ['KmsKeyId', 'Tags']);
      const key = properties.entries[0]!.value;
      assert.equal(key.t, 'expr');
      assert.equal(key.t === 'expr' && key.fn, 'Ref');
      const tags = properties.entries[1]!.value;
      assert.equal(tags.t === 'list' && tags.items.length, 1);
    }
  });

  it('bails on nesting deeper than it reads, leaving the package to report it', () => {
    const deep = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    assert.equal(fastParseYaml(deep), undefined);
    const ok = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    assert.ok(check(ok, 'nested 40'));
  });
});

export { generate as generateYamlDocument, mutate as mutateYamlDocument, sprinkle as sprinkleYamlDocument };
