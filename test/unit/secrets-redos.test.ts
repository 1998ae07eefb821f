/**
 * Catastrophic-backtracking guard for the secret family: every secret rule must get through pathological inputs
 * (long runs of one character, of base64 and token characters, nested brackets, a 10 MB single line) in time
 * roughly linear in their size. The bound is generous on purpose — this catches exponential or quadratic regexes,
 * it is not a benchmark.
 */
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/engine/rules';
import { scanDocument } from '../../src/engine/scan';
import { findSecrets, SECRET_PATTERNS } from '../../src/engine/secrets/catalogue';

const SECRET_RULE_IDS = RULES.filter((r) => r.family === 'secret').map((r) => r.id);
const N = 100_000;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function run(n: number, unit: string): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Inputs that defeat backtracking regexes: each starts with a keyword so the pre-filters let every rule run. */
const KEYWORDS = 'password secret api_key token AKIA ASIA ABSK sk-proj- T3BlbkFJ sk-ant- hf_ AIza gsk_ r8_ pcsk_ lsv2_ wandb azure cohere mistral ghp_ github_pat_ glpat- xoxb- sk_live_ npm_ PRIVATE KEY eyJ :// :_authToken\n';
const PATHOLOGICAL: [string, string][] = [
  ['a run of "a"', run(N, 'a')],
  ['a run of "="', run(N, '=')],
  ['a run of "-"', run(N, '-')],
  ['a run of base64 characters', run(N, B64)],
  ['a run of token characters with separators', run(N, 'ab_cd-ef.')],
  ['nested brackets', run(N / 2, '[{(') + run(N / 2, ')}]')],
  ['repeated key names without values', run(N, 'password=')],
  ['repeated secret key names and spaces', run(N, 'aws_secret_access_key =  ')],
  ['repeated quotes and colons', run(N, `"':`)],
  ['repeated PEM headers without an end', run(N, '-----BEGIN RSA PRIVATE KEY-----\n')],
  ['repeated URL prefixes', run(N, 'postgres://u:')],
  ['repeated JWT-like segments', run(N, 'eyJhbGciOi.')],
  ['repeated prefixes', run(N, 'ghp_sk-ant-hf_xoxb-')],
  ['long lines of short words', run(N, 'token: abc\n')],
];

describe('secret rules run in linear time (ReDoS guard)', function () {
  this.timeout(60_000);

  it('finish pathological 100k-character inputs quickly, for every secret rule', () => {
    const started = Date.now();
    for (const [name, body] of PATHOLOGICAL) {
      const t0 = Date.now();
      scanDocument({ file: 'x.txt', text: KEYWORDS + body }, { onlyRules: SECRET_RULE_IDS });
      scanDocument({ file: 'x.py', text: body + KEYWORDS }, { onlyRules: SECRET_RULE_IDS });
      const ms = Date.now() - t0;
      assert.ok(ms < 2_000, `${name} took ${ms} ms`);
    }
    const total = Date.now() - started;
    assert.ok(total < 5_000, `pathological inputs took ${total} ms in total`);
  });

  it('finish a 10 MB single line quickly, for every secret rule', () => {
    const line = KEYWORDS.trim().replace(/\n/g, ' ') + ' ' + run(10 * 1024 * 1024, `${B64}=-_. "'[{(:`);
    const t0 = Date.now();
    scanDocument({ file: 'big.min.js', text: line }, { onlyRules: SECRET_RULE_IDS });
    const ms = Date.now() - t0;
    assert.ok(ms < 5_000, `10 MB line took ${ms} ms`);
  });

  it('every catalogue pattern, run alone, stays linear on every pathological input', () => {
    const t0 = Date.now();
    for (const p of SECRET_PATTERNS) {
      for (const [, body] of PATHOLOGICAL) findSecrets(p.keywords.join(' ') + body, [p]);
    }
    const ms = Date.now() - t0;
    assert.ok(ms < 10_000, `catalogue patterns took ${ms} ms`);
  });

  it('uses only bounded quantifiers or single-class stars: no nested quantifiers', () => {
    for (const p of SECRET_PATTERNS) {
      const src = p.regex.source;
      assert.ok(p.regex.global, `${p.id} must be global`);
      // A quantified group that itself ends in a quantifier, e.g. (a+)+ or (?:x*y*)*, is the classic ReDoS shape.
      assert.ok(!/[+*}]\)[+*{]/.test(src), `${p.id} has a nested quantifier: ${src}`);
      // Variable-width lookbehinds are not allowed.
      for (const m of src.matchAll(/\(\?<[!=]((?:\[(?:\\.|[^\]\\])*\]|\\.|[^)])*)\)/g)) {
        const body = (m[1] ?? '').replace(/\[(?:\\.|[^\]\\])*\]/g, 'C');
        assert.ok(!/[+*?]|\{\d+,\d*\}/.test(body), `${p.id} has a variable-width lookbehind: ${m[0]}`);
      }
      assert.ok(p.keywords.length > 0, `${p.id} needs keywords for the pre-filter`);
    }
  });
});
