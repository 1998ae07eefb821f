/** The redaction engine's fast paths must give exactly what the slow paths they stand in for give. */
import * as assert from 'node:assert/strict';
import { stdnum } from 'stdnum';
import { analyze, normalize, redact, toOriginal } from '../../src/engine/redact';
import { makeSecretDetector } from '../../src/engine/redact/detectors/secrets';
import * as v from '../../src/engine/redact/validators';
import { findSecrets, SECRET_PATTERNS } from '../../src/engine/secrets/catalogue';
import { mulberry32 } from '../redaction/devset';


describe('redaction engine: fast paths', () => {
  it('Aadhaar: the Verhoeff pre-check agrees with stdnum', () => {
    const aadhaar = (stdnum as Record<string, Record<string, { validate(s: string): { isValid: boolean } }> | undefined>).IN!.aadhaar!;
    const r = mulberry32(7);
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const len = i % 10 === 0 ? 11 + (i % 3) : 12;
      let d = '';
      for (let k = 0; k < len; k++) d += Math.floor(r() * 10);
      // Every other value gets its Verhoeff check digit fixed, so valid numbers are well represented.
      if (i % 2 === 0 && len === 12) {
        for (let c = 0; c <= 9; c++) if (v.verhoeff(d.slice(0, 11) + c)) d = d.slice(0, 11) + c;
      }
      const expected = aadhaar.validate(d).isValid;
      if (expected) valid++;
      assert.equal(v.validAadhaar(d), expected, d);
    }
    assert.ok(valid > 1000, `only ${valid} valid numbers generated`);
  });

  it('secrets: the catalogue one-pass keyword filter finds what a per-keyword substring test finds', () => {
    const texts = [
      'key sk-ant-admin01-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz012345-AAAAAA',
      'aws_access_key_id = AKIAH7QD32VKVA4PVSY2\naws_secret_access_key = 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',
      'DATABASE_URL=postgres://app:v00L!z7Lxex60@db.internal:5432/app and password: "hunter2hunter2"',
      'GITHUB_TOKEN=ghp_91zVtRiqP8kPny0G1W5nt0SnX41zYlZ6ncoI; secretoken=Zq8vN3xR7tY2wK5mP9sL',
      'nothing to see here, only prose and 2024-01-01',
      '',
    ];
    const naivePresent = (text: string) => new Set(SECRET_PATTERNS.flatMap((p) => p.keywords).filter((k) => text.includes(k)));
    const detector = makeSecretDetector();
    let total = 0;
    for (const text of texts) {
      const expected = findSecrets(text, SECRET_PATTERNS, naivePresent(text)).map((s) => [s.start, s.end, s.value]);
      assert.deepEqual(findSecrets(text).map((s) => [s.start, s.end, s.value]), expected, text);
      const got = detector.detect({ text, lower: text.toLowerCase(), artefacts: [] }).map((c) => [c.start, c.end, c.canonical]);
      assert.deepEqual(got, expected, text);
      total += got.length;
    }
    assert.ok(total >= 4, `only ${total} secrets found`);
    // A pattern without keywords never runs; an empty keyword always runs.
    const never = { id: 'x', ruleId: 'GG-SEC-999', label: 'x', regex: /XTOKEN\d+/g, keywords: [] };
    assert.deepEqual(makeSecretDetector([never]).detect({ text: 'XTOKEN1', lower: 'xtoken1', artefacts: [] }), []);
    const always = { ...never, keywords: [''] };
    assert.equal(makeSecretDetector([always]).detect({ text: 'XTOKEN1', lower: 'xtoken1', artefacts: [] }).length, 1);
  });

  it('normalisation: already-NFKC text keeps its offsets; astral characters keep the map', () => {
    const cjk = '客戶 陳大文 的手機 9164 9277';
    assert.equal(normalize(cjk).srcStart, undefined);
    const emoji = 'call 😀 9164 9277';
    const n = normalize(emoji);
    assert.ok(n.srcStart, 'a surrogate pair keeps the offset map');
    assert.deepEqual(toOriginal(n, 5, 6), [5, 7]);
    const wide = '電話：９１６４ ９２７７';
    assert.ok(normalize(wide).srcStart);
    assert.deepEqual(redact(wide).entities.map((e) => wide.slice(e.start, e.end)), ['９１６４ ９２７７']);
  });

  it('deny-list: a list changed in place is recompiled', () => {
    const list = ['Project Nightingale'];
    assert.equal(analyze('about Project Nightingale and Bluebird', { denyList: list }).filter((e) => e.type === 'CUSTOM').length, 1);
    list.push('Bluebird');
    assert.equal(analyze('about Project Nightingale and Bluebird', { denyList: list }).filter((e) => e.type === 'CUSTOM').length, 2);
  });
});

describe('normalisation map', () => {
  /** Reference: every code point normalised on its own, the map built unit by unit. */
  function reference(original: string): { text: string; starts: number[]; ends: number[] } {
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < original.length; ) {
      const cp = original.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      let piece = original.slice(i, i + width);
      if (cp >= 0x80 && !(cp >= 0xd800 && cp <= 0xdfff)) piece = piece.normalize('NFKC');
      text += piece;
      for (let k = 0; k < piece.length; k++) {
        starts.push(i);
        ends.push(i + width);
      }
      i += width;
    }
    return { text, starts, ends };
  }

  it('matches a unit-by-unit reference on 5,000 random mixes of ASCII, full-width, emoji, CJK and lone surrogates', () => {
    let seed = 5;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0), seed % n);
    const pool = ['a', 'Z', '1', ' ', '\n', '１', 'Ａ', '（', '＠', '㈱', 'ﷺ', 'é', 'e\u0301', '中', '😀', '👍🏽', '\ud800', '\udc00', 'ｶ', 'ﾞ', 'Ⅻ', 'ﬁ'];
    let mapped = 0;
    for (let t = 0; t < 5000; t++) {
      let s = '';
      const len = rnd(60);
      for (let i = 0; i < len; i++) s += pool[rnd(pool.length)]!;
      const got = normalize(s);
      const want = reference(s);
      assert.equal(got.text, want.text, JSON.stringify(s));
      if (got.srcStart && got.srcEnd) {
        mapped++;
        assert.deepEqual([...got.srcStart], want.starts, JSON.stringify(s));
        assert.deepEqual([...got.srcEnd], want.ends, JSON.stringify(s));
      } else {
        assert.deepEqual(want.starts, [...want.text].map((_, i) => i), 'no map only when the map is the identity');
      }
    }
    assert.ok(mapped > 1000);
  });
});
