/**
 * The redaction engine's character-fact gates (src/engine/redact/scan.ts) only skip patterns a text cannot match:
 * every detector must give exactly what it gives with every gate open, on the development set and on variants of it
 * with whole character classes removed (so the gates do close).
 */
import * as assert from 'node:assert/strict';
import { analyze, RedactionSession } from '../../src/engine/redact';
import { findArtefacts, type Span } from '../../src/engine/redact/artefacts';
import { addressDetector } from '../../src/engine/redact/detectors/address';
import { identifierDetector } from '../../src/engine/redact/detectors/identifiers';
import { keyedDetector } from '../../src/engine/redact/detectors/keyed';
import { MAC_PRE, macPre, networkDetector } from '../../src/engine/redact/detectors/network';
import { personDetector } from '../../src/engine/redact/detectors/person';
import { phoneDetector } from '../../src/engine/redact/detectors/phone';
import { normalize } from '../../src/engine/redact/normalize';
import { ALL_FACTS, CH_AT, CH_CJK, CH_COLON, CH_DOT, CH_HASH, CH_HYPHEN, CH_LOWER, CH_NON_ASCII, CH_UPPER, execAll, sortSmall, textFacts } from '../../src/engine/redact/scan';
import type { Detector } from '../../src/engine/redact/types';
import { generateDevSet, mulberry32, randomText } from '../redaction/devset';


/** Dev-set texts and variants without digits, capitals, separators …: each variant closes some gates. */
function texts(): string[] {
  const base = generateDevSet(400).map((s) => normalize(s.text).text);
  const variants: ((t: string) => string)[] = [
    (t) => t,
    (t) => t.toLowerCase(),
    (t) => t.toUpperCase(),
    (t) => t.replace(/\d/g, ''),
    (t) => t.replace(/[-:]/g, ' '),
    (t) => t.replace(/[.@#/]/g, ' '),
    (t) => t.replace(/[A-Z]/g, 'x'),
    (t) => t.replace(/(\d)(\d)/g, '$1 $2'),
    (t) => t.replace(/[a-fA-F]/g, 'g'),
    (t) => t.replace(/[^\x00-\x7f]/g, ''), // eslint-disable-line no-control-regex
  ];
  const out: string[] = [];
  base.forEach((t, i) => out.push(variants[i % variants.length]!(t), variants[(i * 7 + 3) % variants.length]!(t)));
  // Random short texts over an alphabet dense in the characters the gates look at.
  const r = mulberry32(11);
  const alphabet = '0123456789abcdefABCDEFxyzXYZ-:.@#/=?&+( \n_陳先生';
  for (let i = 0; i < 1500; i++) {
    const t = randomText(r, alphabet, 5 + Math.floor(r() * 60));
    out.push(t);
  }
  return out;
}

describe('redaction engine: character-fact gates', () => {
  const all = texts();

  it('textFacts: counts and flags agree with regex definitions', () => {
    for (const t of all) {
      const f = textFacts(t);
      assert.equal(f.digits, (t.match(/\d/g) ?? []).length, t);
      assert.equal(f.maxRun, Math.max(0, ...(t.match(/\d+/g) ?? []).map((s) => s.length)), t);
      assert.equal(f.hexRun, Math.max(0, ...(t.match(/[0-9a-fA-F]+/g) ?? []).map((s) => s.length)), t);
      const flag = (bit: number, re: RegExp) => assert.equal((f.has & bit) !== 0, re.test(t), `${re} in ${JSON.stringify(t)}`);
      flag(CH_AT, /@/);
      flag(CH_COLON, /:/);
      flag(CH_HYPHEN, /-/);
      flag(CH_DOT, /\./);
      flag(CH_HASH, /#/);
      flag(CH_UPPER, /[A-Z]/);
      flag(CH_LOWER, /[a-z]/);
      flag(CH_NON_ASCII, /[^\x00-\x7f]/); // eslint-disable-line no-control-regex
      flag(CH_CJK, /[\u4e00-\u9fff]/);
    }
  });

  it('execAll gives what matchAll gives (including empty matches and the u flag)', () => {
    const regexes = [/\d+/g, /\b/g, /x*/g, /(?:)/gu, /[\u{1F600}-\u{1F64F}]|/gu, /(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])/g, /[A-Z][a-z]+/g];
    const samples = [...all.slice(0, 300), 'a😀b😀', '', '123-45-6789 and 987 65 4321'];
    for (const re of regexes) {
      for (const t of samples) {
        const want = [...t.matchAll(re)].map((m) => [m.index, ...m]);
        const got = execAll(re, t).map((m) => [m.index, ...m]);
        assert.deepEqual(got, want, `${re} on ${JSON.stringify(t)}`);
      }
    }
  });

  it('sortSmall orders like Array.prototype.sort (stable, ties kept in order)', () => {
    const r = mulberry32(3);
    const cmp = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || b.end - a.end;
    for (let i = 0; i < 5000; i++) {
      const n = Math.floor(r() * 40);
      const a = Array.from({ length: n }, (_, id) => {
        const start = Math.floor(r() * 8);
        return { start, end: start + Math.floor(r() * 4), id };
      });
      assert.deepEqual(sortSmall([...a], cmp), [...a].sort(cmp));
    }
  });

  it('macPre is MAC_PRE.test', () => {
    const r = mulberry32(5);
    const alphabet = '0aF9g:-. ';
    let hits = 0;
    const samples = [...all];
    for (let i = 0; i < 20_000; i++) {
      const t = randomText(r, alphabet, 4 + Math.floor(r() * 20));
      samples.push(t);
    }
    for (const t of samples) {
      const want = MAC_PRE.test(t);
      if (want) hits++;
      assert.equal(macPre(t), want, JSON.stringify(t));
    }
    assert.ok(hits > 200, `only ${hits} texts with a MAC-like shape`);
  });

  it('findArtefacts: gated equals ungated', () => {
    let spans = 0;
    for (const t of all) {
      const lower = t.toLowerCase();
      const want = findArtefacts(t, lower, ALL_FACTS);
      spans += want.length;
      assert.deepEqual(findArtefacts(t, lower, textFacts(t)), want, t);
      assert.deepEqual(findArtefacts(t, lower), want, t);
    }
    assert.ok(spans > 500, `only ${spans} artefacts`);
  });

  const detectors: Detector[] = [networkDetector, identifierDetector, phoneDetector, keyedDetector, addressDetector, personDetector];
  for (const d of detectors) {
    it(`${d.name}: gated equals ungated`, () => {
      let found = 0;
      for (const t of all) {
        const lower = t.toLowerCase();
        const artefacts = findArtefacts(t, lower, ALL_FACTS);
        const want = d.detect({ text: t, lower, artefacts, facts: ALL_FACTS });
        found += want.length;
        assert.deepEqual(d.detect({ text: t, lower, artefacts, facts: textFacts(t) }), want, t);
        assert.deepEqual(d.detect({ text: t, lower, artefacts }), want, t);
      }
      assert.ok(found > 20, `only ${found} candidates`);
    });
  }

  it('pipeline: a detector reading input.artefacts gets what findArtefacts gives (found on first use)', () => {
    const box: { seen?: readonly Span[] } = {};
    const probe: Detector = {
      name: 'probe',
      detect(input) {
        box.seen = input.artefacts;
        assert.equal(input.artefacts, box.seen, 'one array per call');
        return [];
      },
    };
    let spans = 0;
    for (const raw of generateDevSet(300).map((s) => s.text)) {
      const t = normalize(raw).text;
      if (t.toLowerCase().length !== t.length) continue;
      delete box.seen;
      analyze(raw, { extraDetectors: [probe] });
      const got: readonly Span[] = box.seen ?? [];
      spans += got.length;
      assert.deepEqual(got, findArtefacts(t), raw);
    }
    assert.ok(spans > 100, `only ${spans} artefacts`);
  });

  it('session: one placeholder per (type, value), secrets included; size counts them; clear forgets them', () => {
    const s = new RedactionSession();
    const key = 'AKIAH7QD32VKVA4PVSY2';
    const a = s.redact(`mail bob@example.com and alice@example.com, key ${key}`);
    const b = s.redact(`again BOB@example.com, key ${key}, and carol@example.com`);
    assert.deepEqual(
      a.entities.map((e) => e.placeholder),
      ['[EMAIL_1]', '[EMAIL_2]', '[AWS_ACCESS_KEY_1]'],
    );
    assert.deepEqual(
      b.entities.map((e) => e.placeholder),
      ['[EMAIL_1]', '[AWS_ACCESS_KEY_1]', '[EMAIL_3]'],
    );
    assert.equal(s.size, 4);
    assert.equal(s.reidentify('[EMAIL_2] [AWS_ACCESS_KEY_1]').text, 'alice@example.com [AWS_ACCESS_KEY_1]');
    s.clear();
    assert.equal(s.size, 0);
    assert.deepEqual(
      s.redact('carol@example.com').entities.map((e) => e.placeholder),
      ['[EMAIL_1]'],
    );
    assert.equal(s.size, 1);
  });
});
