import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { patternMatches, SECRET_PATTERNS } from '../../src/engine/secrets/catalogue';

/**
 * Anchored patterns (the generic assignment rules) try only the starts near their stem words. They must find exactly
 * what a full regex scan finds, or a secret could be missed.
 */
const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');

function fixtureTexts(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else texts.push(readFileSync(p, 'utf8'));
    }
  };
  walk(FIXTURES);
  return texts;
}

/** Texts built to stress the anchoring: overlapping stems, keys glued to each other, odd spaces, long prefixes. */
function trickyTexts(): string[] {
  const keys = ['password', 'PASSWD', 'passphrase', 'pwd', 'secret', 'secret_key', 'client-secret', 'api_key', 'apikey', 'API.TOKEN', 'api_secret', 'access_key', 'access-token', 'auth_token', 'bearer_token', 'private_key', 'signing.key', 'encryption_key', 'master-key', 'credential', 'Credentials', 'token', 'secretoken', 'tokenpassword', 'x_encryption_key_name'];
  const seps = ['=', ' = ', ':', ': ', '"]: ', "']=", '\\" : ', '[] = ', '\u00a0=\u00a0', '\u3000:', ' :=', '=>', '\t\t=', '==', '::'];
  const values = ['"Zq3u9Xv1Lm8Rt2Yp"', "'k9$Lm2#Qr7!Tz'", 'Zq3u9Xv1Lm8Rt2Yp4Wn6', '`a1b2c3d4e5f6g7`', '\\"Xq8Wn2Lp5Rt9Zk\\"', 'abc'];
  const out: string[] = [];
  let k = 0;
  for (const key of keys) {
    for (const sep of seps) {
      const value = values[k++ % values.length]!;
      out.push(`${key}${sep}${value}`);
      out.push(`const my_${key}_long_name_here ${sep.trim() || '='} ${value};`);
      out.push(`${key}${key}${sep}${value} ${key} ${sep}${value}`);
      // C-like declarations for the quoted rule: `char *api_keyValue "x";`
      out.push(`set ${key} "Zq3u9Xv1Lm8Rt${k}";`, `${key}_with_a_long_suffix_name\u00a0 'v4lue${k}Q';`, `${key}${key}Name"${key}";`);
    }
  }
  // XML elements, credential-like or not, nested, with names at the length limit and values on their own line.
  for (const key of [...keys.filter((k) => !/[ \u00a0]/.test(k)), 'name', 'version', 'ns:apiKey', 'a'.repeat(40) + 'Key', 'a'.repeat(41) + 'Key', '_pwd', '9token']) {
    out.push(`<settings><${key}>Zq3u9Xv1Lm8Rt2Yp</${key}><other>plainvalue1</other></settings>`);
    out.push(`<${key}>\n    Xq8Wn2Lp5Rt9Zk\n</${key}> <${key}>short</${key}> <${key}><${key}>nested99</${key}></${key}>`);
  }
  out.push(keys.join(' token = "tok3nVal9Qx2" '));
  out.push(`token stream ${'token '.repeat(200)} password="Pw9xL2qZ7r"`);
  return out;
}

describe('anchored secret patterns', () => {
  const anchored = SECRET_PATTERNS.filter((p) => p.anchor);
  it('cover the generic assignment rules', () => {
    assert.deepEqual(anchored.map((p) => p.id).sort(), ['generic-secret-assignment', 'generic-secret-quoted', 'generic-secret-xml-element']);
  });

  const texts = [...fixtureTexts(), ...trickyTexts()];
  for (const p of anchored) {
    it(`${p.id}: the same matches as a full regex scan over ${texts.length} texts`, () => {
      let compared = 0;
      for (const text of texts) {
        // XML elements: only credential-like names are tried (the others can never pass the rule's validator).
        const tried = (m: RegExpMatchArray) => p.id !== 'generic-secret-xml-element' || /pass|pwd|secret|key|token|cred|auth/i.test(m.groups?.key ?? '');
        const full = [...text.matchAll(new RegExp(p.regex.source, p.regex.flags))].filter(tried).map((m) => `${m.index}:${m[0]}`);
        const fast = [...patternMatches(text, p)].map((m) => `${m.index}:${m[0]}`);
        assert.deepEqual(fast, full, `in: ${text.slice(0, 200)}`);
        compared += full.length;
      }
      assert.ok(compared > 50, `only ${compared} matches compared: the texts do not exercise ${p.id}`);
    });
  }
});
