/**
 * The redaction engine's speed paths must never drop an entity: each is compared with the slow path it replaces, on
 * the development set and on seeded-random texts dense in what the fast path looks at.
 *  - the chain/capital digit facts (scan.ts `sepRun`, `capRun`) against their regex definitions;
 *  - word gates (scan.ts `wordGate`) switched off against switched on, detector by detector and end to end;
 *  - the phone validity check (phone.ts `isValidPhone`) against libphonenumber's own `isValid()`;
 *  - the secret catalogue's reuse of its specific matches for the fallbacks' overlap check, against a list that
 *    does not reuse them;
 *  - the hand scan of hex digests (artefacts.ts `scanHex`) against the HEX regex and its test;
 *  - the address patterns' pre-tests and gates, as necessary conditions.
 */
import * as assert from 'node:assert/strict';
import { parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import { analyze } from '../../src/engine/redact';
import { findArtefacts, HEX, scanHex, type Span } from '../../src/engine/redact/artefacts';
import { ADDRESS_PATTERNS, addressDetector } from '../../src/engine/redact/detectors/address';
import { identifierDetector } from '../../src/engine/redact/detectors/identifiers';
import { keyedDetector } from '../../src/engine/redact/detectors/keyed';
import { networkDetector } from '../../src/engine/redact/detectors/network';
import { personDetector } from '../../src/engine/redact/detectors/person';
import { isValidPhone, phoneDetector, PHONE_REGIONS } from '../../src/engine/redact/detectors/phone';
import { normalize } from '../../src/engine/redact/normalize';
import { ALL_FACTS, setWordGates, textFacts } from '../../src/engine/redact/scan';
import type { Detector } from '../../src/engine/redact/types';
import { findSecrets, SECRET_PATTERNS } from '../../src/engine/secrets/catalogue';
import { DEV_DENY_LIST, generateDevSet, mulberry32, randomText } from '../redaction/devset';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const METADATA = require('libphonenumber-js/metadata.max.json') as MetadataJson;

/** Words the gates look for, and the shapes around them, so random texts open and close every gate. */
const GATE_WORDS = [
  'pass', 'password: ', 'pw ', 'pwd=', '密碼', '密码', '口令', 'dob ', 'd.o.b.', 'birth', 'born on', '出生', '生日', 'ssn', 'social security', 'itin',
  'taxpayer', 'sin ', 'social insurance', 'tfn ', 'tax file', 'passport', 'travel document', '護照', '护照', '[at]', '(at)', '{at}', '<at>', ' dot ',
  'Block ', 'Blk', 'Tower ', 'Twr', 'Phase ', 'Singapore ', 'S(', 'P.O. Box ', 'PO Box ', 'sha256:', 'sha1-', 'arn:aws:iam::', 'account ', 'owner_id=',
  'principal ', 'HTTP/1.1 ', 'status: ', 'request-id: ', 'trace_id=', 'correlation id: ', 'span-id=', 'anthropic.', 'amazon.', 'meta.', 'nhs ',
];

function randomTexts(seed: number, count: number): string[] {
  const r = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const pieces = [...GATE_WORDS, '0', '1', '5', '9', '12', '345', '6789', ' ', ' ', '-', '-', '.', ':', '(', ')', 'A', 'G', 'S', 'XD', 'AB', 'x', 'f', '\n', ', '];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    const n = 3 + Math.floor(r() * 40);
    for (let k = 0; k < n; k++) t += pick(pieces);
    out.push(t);
  }
  return out;
}

function texts(): string[] {
  const dev = generateDevSet(500, 7).map((s) => normalize(s.text).text);
  const variants = dev.map((t, i) => (i % 3 === 0 ? t.toUpperCase() : i % 3 === 1 ? t.replace(/[-: ]/g, '') : t.replace(/(\d)(\d)/g, '$1 $2')));
  return [...dev, ...variants, ...randomTexts(17, 3000)];
}

describe('redaction engine: speed paths give what the slow paths give', () => {
  const all = texts();

  it('textFacts: sepRun and capRun agree with their regex definitions', () => {
    const r = mulberry32(23);
    const extra: string[] = [];
    const alphabet = '0123456789 -- AZaz.(\n';
    for (let i = 0; i < 20_000; i++) {
      const t = randomText(r, alphabet, 1 + Math.floor(r() * 30));
      extra.push(t);
    }
    for (const t of [...all, ...extra, '', '1', 'A1', '1 -2', '12-34 56', 'é1', 'Z99 9']) {
      const f = textFacts(t);
      const chain = Math.max(0, ...[...t.matchAll(/\d(?:[ -]?\d)*/g)].map((m) => m[0].replace(/\D/g, '').length));
      const cap = Math.max(0, ...[...t.matchAll(/[A-Z](\d+)/g)].map((m) => m[1]!.length));
      assert.equal(f.sepRun, chain, `sepRun of ${JSON.stringify(t)}`);
      assert.equal(f.capRun, cap, `capRun of ${JSON.stringify(t)}`);
    }
  });

  const detectors: Detector[] = [networkDetector, identifierDetector, phoneDetector, keyedDetector, addressDetector, personDetector];
  for (const d of detectors) {
    it(`${d.name}: word gates on equal word gates off`, () => {
      let found = 0;
      for (const t of all) {
        const lower = t.toLowerCase();
        const facts = textFacts(t);
        setWordGates(false);
        let want;
        let artefacts;
        try {
          artefacts = findArtefacts(t, lower, facts);
          want = d.detect({ text: t, lower, artefacts, facts });
        } finally {
          setWordGates(true);
        }
        found += want.length;
        assert.deepEqual(findArtefacts(t, lower, facts), artefacts, t);
        assert.deepEqual(d.detect({ text: t, lower, artefacts, facts }), want, t);
      }
      assert.ok(found > 50, `only ${found} candidates`);
    });
  }

  it('analyze: word gates on equal word gates off (dev set and random texts)', () => {
    const opts = { denyList: DEV_DENY_LIST };
    let found = 0;
    for (const t of [...generateDevSet(600, 99).map((s) => s.text), ...randomTexts(31, 1500)]) {
      setWordGates(false);
      let want;
      try {
        want = analyze(t, opts);
      } finally {
        setWordGates(true);
      }
      found += want.length;
      assert.deepEqual(analyze(t, opts), want, t);
    }
    assert.ok(found > 1000, `only ${found} entities`);
  });

  it('isValidPhone equals libphonenumber isValid()', () => {
    const r = mulberry32(41);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
    const codes = ['1', '7', '20', '33', '44', '49', '61', '65', '81', '82', '86', '91', '852', '853', '886', '971', '380', '55', '234', '998'];
    let valid = 0;
    let checked = 0;
    const check = (value: string, region?: CountryCode) => {
      const p = region ? parsePhoneNumberFromString(value, region, METADATA) : parsePhoneNumberFromString(value, METADATA);
      if (!p) return;
      checked++;
      const want = p.isValid();
      if (want) valid++;
      assert.equal(isValidPhone(p), want, `${value} ${region ?? ''}`);
    };
    for (let i = 0; i < 6000; i++) {
      const len = 5 + Math.floor(r() * 10);
      check(`+${codes[i % codes.length]}${digits(len)}`);
      check(digits(len), PHONE_REGIONS[i % PHONE_REGIONS.length]);
      check(`0${digits(len)}`, PHONE_REGIONS[(i * 7) % PHONE_REGIONS.length]);
      check(`${'235689'[i % 6]}${digits(7)}`, 'HK');
    }
    for (const s of generateDevSet(500, 5)) {
      for (const m of s.text.matchAll(/\+?[\d ()-]{7,20}\d/g)) {
        check(m[0]);
        for (const region of PHONE_REGIONS) check(m[0], region);
      }
    }
    assert.ok(valid > 2000 && checked - valid > 2000, `${valid} valid of ${checked}`);
  });

  it('findSecrets: reusing the specific matches for the overlap check changes nothing', () => {
    // A copy of the catalogue does not reuse them (the check then scans the text again itself).
    const copy = [...SECRET_PATTERNS];
    let found = 0;
    const samples = [...generateDevSet(800, 3).map((s) => s.text), ...randomTexts(53, 500)];
    samples.forEach((t, i) => {
      const text = `${t}\n#${i}`; // distinct texts: nothing cached from an earlier one
      const want = findSecrets(text, copy);
      found += want.length;
      assert.deepEqual(findSecrets(text), want, text);
      assert.deepEqual(findSecrets(`${text} `, SECRET_PATTERNS), findSecrets(`${text} `, copy), text);
    });
    assert.ok(found > 200, `only ${found} secrets`);
  });
  /** Texts dense in hex runs, digest prefixes and address shapes (street suffixes, postcodes, flats). */
  function shapeTexts(seed: number, count: number): string[] {
    const r = mulberry32(seed);
    const pieces = [
      'sha', 'sha1', 'sha256', 'sha384', 'sha512', 'sha2', ':', '-', '_', 'a', 'F', 'e', '0', '9', '7', 'g', 'Z', ' ', ' ', '\n', 'é', '1234567',
      'deadbeef', 'ABCDEF', 'abcdef0123456789', ',', '.', '/', 'Street', ' St', 'Road', 'Rd.', 'Ave', 'Central', 'Ring', 'Queen', "'s", 'Blk ',
      'Block', '221B', '12', '3', 'SW1A', '1AA', 'EC', '2R', '8AH', 'M1', 'Flat ', 'Unit', '#', '\t', '\u00a0', 'B',
    ];
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      let t = '';
      const n = 1 + Math.floor(r() * 36);
      for (let k = 0; k < n; k++) t += pieces[Math.floor(r() * pieces.length)];
      out.push(t);
    }
    out.push(`${'a'.repeat(127)}1`, `${'a'.repeat(128)}1`, ` sha256:${'ab12'.repeat(32)} `, `sha1-${'f'.repeat(200)}`);
    return out;
  }

  it('scanHex finds what the HEX regex and its test find', () => {
    const test = (m: string) => /[a-fA-F]/.test(m) && /\d/.test(m) && (!/[A-F]/.test(m) || m.length >= 32);
    let found = 0;
    for (const t of [...all, ...shapeTexts(61, 40_000)]) {
      const want: Span[] = [];
      HEX.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = HEX.exec(t)) !== null) if (test(m[0])) want.push({ start: m.index, end: m.index + m[0].length, kind: 'hex' });
      const got: Span[] = [];
      scanHex(t, got);
      found += want.length;
      assert.deepEqual(got, want, t);
    }
    assert.ok(found > 2000, `only ${found} hex spans`);
  });

  it('address patterns: every match passes the gate, word gate and pre-test that skip the pattern', () => {
    const counts = ADDRESS_PATTERNS.map(() => 0);
    for (const t of [...all, ...shapeTexts(67, 40_000)]) {
      const lower = t.toLowerCase();
      const facts = textFacts(t);
      ADDRESS_PATTERNS.forEach((p, i) => {
        p.re.lastIndex = 0;
        if (!p.re.test(t)) return;
        counts[i]!++;
        assert.ok(!p.gate || p.gate(facts), `gate of ${p.re.source} on ${JSON.stringify(t)}`);
        assert.ok(!p.words || p.words(lower), `words of ${p.re.source} on ${JSON.stringify(t)}`);
        assert.ok(!p.pre || p.pre.test(t), `pre of ${p.re.source} on ${JSON.stringify(t)}`);
      });
    }
    // The gated and pre-tested patterns (street line, postcode) matched often enough to mean something.
    assert.ok(counts[0]! > 300 && counts[6]! > 30, `matches per pattern: ${counts.join(' ')}`);
  });

  it('address detector: the text facts give what every gate open gives', () => {
    let found = 0;
    for (const t of [...all, ...shapeTexts(71, 10_000)]) {
      const lower = t.toLowerCase();
      const artefacts = findArtefacts(t, lower);
      const facts = textFacts(t);
      // Address gates are necessary conditions: every gate open gives the same.
      const address = addressDetector.detect({ text: t, lower, artefacts, facts: ALL_FACTS });
      found += address.length;
      assert.deepEqual(addressDetector.detect({ text: t, lower, artefacts, facts }), address, t);
      assert.deepEqual(addressDetector.detect({ text: t, lower, artefacts }), address, t);
    }
    assert.ok(found > 100, `only ${found} candidates`);
  });
});
