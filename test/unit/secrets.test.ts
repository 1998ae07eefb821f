import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/engine/rules';
import { scanDocument } from '../../src/engine/scan';
import { findSecrets, SECRET_PATTERNS } from '../../src/engine/secrets/catalogue';
import { decodeBase64, distinctChars, isPlaceholder, shannonEntropy } from '../../src/engine/secrets/util';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

function active(text: string, file = 'x.txt') {
  return scanDocument({ file, text }).findings.filter((f) => !f.suppressed && f.family === 'secret');
}

describe('secret catalogue', () => {
  it('every pattern has a stable id, a registered secret rule and keywords', () => {
    const ids = SECRET_PATTERNS.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    const ruleIds = new Set(RULES.filter((r) => r.family === 'secret').map((r) => r.id));
    for (const p of SECRET_PATTERNS) {
      assert.ok(ruleIds.has(p.ruleId), `${p.id} → ${p.ruleId} is not registered`);
      assert.ok(p.keywords.length > 0 && p.regex.global);
    }
  });

  it('secret rule docs follow the page shape', () => {
    for (const r of RULES.filter((x) => x.family === 'secret')) {
      for (const h of ['## Why it matters', '## How to fix', '## Suppress', '## References']) assert.ok(r.docs.includes(h), `${r.id}: ${h}`);
      assert.match(r.docs, new RegExp(`^# ${r.id} — `));
      assert.match(r.docs, /\*\*Family:\*\* secret · \*\*Default severity:\*\* (error|warning|note) · \*\*Formats:\*\* /);
      assert.ok(r.docs.includes(`**Default severity:** ${r.defaultSeverity}`), `${r.id} docs state its severity`);
    }
  });

  it('every secret rule has fixtures with positives and negatives in several formats', () => {
    const root = path.resolve(__dirname, '../../../test/fixtures/rules');
    for (const r of RULES.filter((x) => x.family === 'secret')) {
      const dir = path.join(root, r.id);
      assert.ok(existsSync(dir), r.id);
      const files = readdirSync(dir).filter((n) => !n.endsWith('.expect'));
      assert.ok(files.length >= 4, `${r.id} has only ${files.length} fixture files`);
      const text = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
      const sidecars = readdirSync(dir).filter((n) => n.endsWith('.expect')).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
      assert.ok(text.includes(`expect: ${r.id}`) || sidecars.includes(r.id), `${r.id} has no positive`);
      assert.match(text, /(#|\/\/|;|<!--)\s*ok\b/, `${r.id} has no negative`);
    }
  });

  it('never puts the secret in the message and fingerprints by the secret value', () => {
    const key = `sk-ant-api03-${'Ab1_Cd2-Ef3'.repeat(8)}xyzABAA`.slice(0, 13 + 93) + 'AA';
    const [a] = active(`ANTHROPIC_API_KEY=${key}\n`);
    assert.ok(a);
    assert.ok(!a.message.includes(key));
    assert.ok(a.message.includes('sk-a…'));
    const [b] = active(`\n\n# moved\nclient = Anthropic(api_key="${key}")\n`, 'x.txt');
    assert.equal(a.fingerprint, b?.fingerprint);
  });

  it('decodes short-term Bedrock keys locally to show region and expiry', () => {
    const url =
      'bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256' +
      '&X-Amz-Credential=ASIAZ7FAKEFIXTURE234%2F20250801%2Feu-central-1%2Fbedrock%2Faws4_request' +
      '&X-Amz-Date=20250801T120000Z&X-Amz-Expires=43200&X-Amz-Security-Token=abc&X-Amz-Signature=def&Version=1';
    const key = `bedrock-api-key-${b64(url)}`;
    const [f] = active(`AWS_BEARER_TOKEN_BEDROCK=${key}`);
    assert.equal(f?.ruleId, 'GG-SEC-004');
    assert.match(f?.message ?? '', /short-term, region eu-central-1, expires 2025-08-02T00:00:00Z/);
    assert.ok(!f?.message.includes(key.slice(20, 60)));
  });

  it('recognises long-term Bedrock keys and shows the account, not the key', () => {
    const key = `ABSK${b64(`BedrockAPIKey-ab12-at-123456789012:${'k9Z'.repeat(30)}`)}`;
    const [f] = active(`key = "${key}"`);
    assert.equal(f?.ruleId, 'GG-SEC-004');
    assert.match(f?.message ?? '', /long-term, no expiry, account 123456789012/);
  });

  it('confirms JWTs by decoding the header, and shows alg and expiry', () => {
    const jwt = `${b64url('{"alg":"ES256","typ":"JWT"}')}.${b64url('{"sub":"svc","exp":1924992000}')}.${'s1G'.repeat(20)}`;
    const [f] = active(`Authorization: Bearer ${jwt}`);
    assert.equal(f?.ruleId, 'GG-SEC-018');
    assert.equal(f?.severity, 'warning');
    assert.match(f?.message ?? '', /alg ES256, expires 2031-01-01T00:00:00Z/);
    const notJwt = `${b64url('{"hello":"world"}')}.${b64url('{"a":1}')}.sig`;
    assert.equal(active(`x = ${notJwt}`).filter((x) => x.ruleId === 'GG-SEC-018').length, 0);
  });

  it('reports Stripe test-mode keys as warnings and live keys as errors', () => {
    const [live] = active(`STRIPE=sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`);
    const [test] = active(`STRIPE=sk_test_${'4eC39HqLyjWDarjtT1zdp7dc'}`);
    assert.equal(live?.severity, 'error');
    assert.equal(test?.severity, 'warning');
  });

  it('reports one finding per secret: the specific rule wins over generic and URL rules', () => {
    const ghp = 'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3a5C';
    const f = active(`GITHUB_TOKEN = "${ghp}"\nurl = "https://x:${ghp}@github.com/a/b"`);
    assert.deepEqual(f.map((x) => `${x.range.start.line} ${x.ruleId}`), ['1 GG-SEC-012', '2 GG-SEC-012']);
  });

  it("every catalogue keyword is a text rule's keyword, so the scanner's one keyword pass serves every pattern and the overlap check", () => {
    const ruleKeywords = new Set(RULES.flatMap((r) => (r.scope === 'model' ? [] : (r.keywords ?? []))));
    for (const p of SECRET_PATTERNS) {
      assert.ok(RULES.some((r) => r.id === p.ruleId), `${p.id} reports through a rule`);
      for (const k of p.keywords) assert.ok(ruleKeywords.has(k), `${p.id} keyword ${k}`);
    }
  });

  it('a generic assignment whose value is a specific token is reported once, as the specific token, by the scanner', () => {
    const text = 'api_key = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"\npassword = "Zq8#xV2!mK9$pL4w"\n';
    const ids = scanDocument({ file: 'app.env', text }).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    const github = RULES.find((r) => r.title.includes('GitHub'))!.id;
    assert.ok(ids.includes(`${github}@1`), ids.join(' '));
    assert.equal(ids.filter((i) => i.endsWith('@1')).length, 1, ids.join(' '));
    assert.equal(ids.filter((i) => i.endsWith('@2')).length, 1, ids.join(' '));
  });

  describe('generic assignments (detect-secrets keyword cases)', () => {
    const S = '{{h}o)p${e]nob(ody[finds>-_$#thisone}}';
    const positives = [
      `apikey := "${S}"`, `apikey:= '${S}'`, `apikey := ${S}`, `'theapikey': '${S}'`, `"theapikey": "${S}"`,
      `apikey: ${S}`, `some_dict["secret"] = "${S}"`, `the_password= "${S}"`, `my_password = ${S}`, `apikey = @"${S}"`,
      `apikey[]= "${S}"`, `fooapikeyfoo "${S}";`, `private_key '${S}';`,
    ];
    const negatives = [
      'theapikey := ""', 'theapikey := "somefakekey"', 'theapikeyforfoo := hopenobodyfindsthisone', 'theapikey: ""',
      'password: ${link}', 'some_key = "real_secret"', 'my_password = ""', 'my_password = "fakesecret"', 'open(self, password = ""):',
      'my_password = foo(hey)you', "my_password = request.json_body['hey']", 'my_password = True',
      'login(username=username, password=password)', 'apiKey: this.apiKey,', "apiKey: fs.readFileSync('foo',", '$password = $input;',
      'private_key "";', 'private_key "fake";',
    ];
    for (const line of positives) it(`flags ${line}`, () => assert.equal(findSecrets(line).filter((m) => m.ruleId === 'GG-SEC-020').length, 1, line));
    for (const line of negatives) it(`ignores ${line}`, () => assert.equal(findSecrets(line).length, 0, line));
  });

  describe('format edge cases', () => {
    const cases: [string, string | null][] = [
      // AWS secret keys ending in / or + (secretlint's \b misses them); TF `secret_key`; AWS_SECRET_KEY.
      ['secret_key = "Zq3u9Xv1Lm8Rt2Yp4Wn6Ks0Hj7Gd5Fa/Bc+De1F/"', 'GG-SEC-002'],
      ['AWS_SECRET_KEY=Zq3u9Xv1Lm8Rt2Yp4Wn6Ks0Hj7Gd5Fa/Bc+De1F+', 'GG-SEC-002'],
      ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', null],
      // EC P-256 keys start with MH (secretlint requires MI).
      [`-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI${'Qk3mZ9pL2xV7nR4tY8wB1cF6hJ0sD5gA'.repeat(3)}\n-----END EC PRIVATE KEY-----`, 'GG-SEC-017'],
      // Anthropic admin keys (secretlint's regex misses them).
      [`k = "sk-ant-admin01-${'Zx9_Qw8-Er7Ty6Ui5Op4As3Df2Gh1Jk0'.repeat(3).slice(0, 93)}AA"`, 'GG-SEC-006'],
      // Hugging Face tokens with digits (Trivy/TruffleHog format) as well as letters only.
      ['HF_TOKEN=hf_aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3a', 'GG-SEC-007'],
      // Placeholders and references are never secrets.
      ['DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app', null],
      ['password = "{{resolve:secretsmanager:prod/db:SecretString:password}}"', null],
      ['api_key = var.openai_api_key', null],
      ['token = os.environ["TOKEN"]', null],
      ['const apiKey = process.env.API_KEY;', null],
      ['password: <your-password>', null],
      ['password = "***"', null],
      ['secret = "xxxxxxxxxxxxxxxx"', null],
      ['api_key: "your-api-key"', null],
      ['AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', null],
      ['commit = "3f786850e387550fdab836ed7e6dc881de23001b"', null],
      ['token_id = "0f8fad5b-d9cb-469f-a165-70867728950e"', null],
    ];
    for (const [text, rule] of cases) {
      it(`${rule ?? 'nothing'} ← ${text.slice(0, 60)}`, () => {
        const got = active(text).map((f) => f.ruleId);
        assert.deepEqual(got, rule ? [rule] : []);
      });
    }
  });

  describe('utilities', () => {
    it('decodes base64 and base64url', () => {
      assert.equal(decodeBase64(b64('bedrock.amazonaws.com/?x=1')), 'bedrock.amazonaws.com/?x=1');
      assert.equal(decodeBase64(b64url('{"alg":"none"}')), '{"alg":"none"}');
      assert.equal(decodeBase64('not base64!'), undefined);
    });
    it('measures entropy and spots placeholders', () => {
      assert.equal(shannonEntropy('aaaa'), 0);
      assert.ok(shannonEntropy('aB3$xY9!') > 2.9);
      for (const p of ['${X}', 'changeme', '<token>', 'os.environ["X"]', '{{resolve:ssm:x}}', '****', 'your_api_key']) assert.ok(isPlaceholder(p), p);
      assert.ok(!isPlaceholder('k9Zq3u9Xv1Lm8Rt2'));
    });
  });
});

describe('entropy helpers (ASCII fast path)', () => {
  // The reference: the general definitions over code points, summed in first-seen order.
  const refEntropy = (v: string): number => {
    const counts = new Map<string, number>();
    for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const n of counts.values()) h -= (n / v.length) * Math.log2(n / v.length);
    return h;
  };
  it('give exactly the general results on random ASCII and non-ASCII values', () => {
    let seed = 11;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0), seed % n);
    const alphabet = 'abcXYZ0189+/=_-. é€😀';
    for (let t = 0; t < 5000; t++) {
      let v = '';
      const len = rnd(80);
      for (let i = 0; i < len; i++) v += rnd(10) === 0 ? [...alphabet][rnd([...alphabet].length)] : String.fromCharCode(33 + rnd(94));
      assert.equal(shannonEntropy(v), refEntropy(v), v);
      assert.equal(distinctChars(v), new Set(v).size, v);
    }
  });
});
