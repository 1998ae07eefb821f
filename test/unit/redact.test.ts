import * as assert from 'node:assert/strict';
import { analyze, findArtefacts, normalize, redact, RedactionError, RedactionSession, secretEntityType, toOriginal, type EntityType } from '../../src/engine/redact';
import * as v from '../../src/engine/redact/validators';
import { stdnum } from 'stdnum';

/** The types redacted in `text`, with the exact original substrings. */
function found(text: string, opts = {}): [EntityType, string][] {
  return redact(text, opts).entities.map((e) => [e.type, text.slice(e.start, e.end)]);
}

describe('redaction engine: validators', () => {
  it('Luhn and card issuers', () => {
    assert.ok(v.luhn('4111111111111111'));
    assert.ok(!v.luhn('4111111111111112'));
    assert.ok(v.validCard('4111 1111 1111 1111'));
    assert.ok(v.validCard('378282246310005'));
    assert.ok(!v.validCard('1234567812345670'), 'no issuer with prefix 1');
    assert.ok(!v.validCard('4111111111111112'));
  });
  it('IBAN mod 97', () => {
    assert.ok(v.validIban('GB82 WEST 1234 5698 7654 32'));
    assert.ok(v.validIban('DE89370400440532013000'));
    assert.ok(!v.validIban('GB83 WEST 1234 5698 7654 32'));
  });
  it('US SSN structure and ITIN groups', () => {
    assert.ok(v.validSsn('536-22-1234'));
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000', '078-05-1120', '111-11-1111']) assert.ok(!v.validSsn(bad), bad);
    assert.ok(v.validItin('912-78-1234'));
    assert.ok(!v.validItin('912-89-1234'));
    assert.ok(!v.validItin('812-78-1234'));
  });
  it('HKID mod 11 agrees with stdnum', () => {
    assert.ok(v.validHkid('A123456(3)'));
    assert.ok(!v.validHkid('A123456(4)'));
    for (const [p, d] of [['A', '123456'], ['XA', '000001'], ['Z', '987654'], ['WX', '123450']] as const) {
      const id = `${p}${d}${v.hkidCheckDigit(p, d)}`;
      assert.ok(v.validHkid(id), id);
      assert.ok(stdnum.HK!.hkid!.validate(id).isValid, `stdnum agrees on ${id}`);
    }
  });
  it('SG NRIC/FIN check letters (S, T, F, G, M series)', () => {
    assert.ok(v.validNric('S1234567D'));
    assert.ok(v.validNric('T1234567J'));
    assert.ok(v.validNric('F1234567N'));
    assert.ok(v.validNric('G1234567X'));
    assert.ok(v.validNric('M1234567K'));
    assert.ok(!v.validNric('S1234567E'));
  });
  it('CN resident id, UK NINO, NHS, TW, Aadhaar, PAN, KR RRN, CA SIN, AU TFN', () => {
    assert.ok(v.validCnRic('11010519491231002X'));
    assert.ok(!v.validCnRic('110105194912310029'));
    assert.ok(v.validNino('AB123456C'));
    assert.ok(!v.validNino('BG123456C'));
    assert.ok(v.validNhs('943 476 5919'));
    assert.ok(!v.validNhs('943 476 5910'));
    assert.ok(v.validTwId('A123456789'));
    assert.ok(v.validAadhaar('2345 6789 0124'));
    assert.ok(v.validPan('ABCPE1234F'));
    assert.ok(v.validKrRrn('900101-1234568'));
    assert.ok(v.validCaSin('046 454 286'));
    assert.ok(v.validAuTfn('123 456 782'));
  });
  it('MRZ check digits, dates, IPv4 and IPv6', () => {
    assert.equal(v.mrzCheckDigit('L898902C3'), 6);
    assert.ok(v.validDate(2024, 2, 29) && !v.validDate(2023, 2, 29));
    assert.ok(v.validIpv4('192.168.1.20') && !v.validIpv4('256.1.1.1') && !v.validIpv4('1.2.3'));
    for (const ok of ['fe80::1ff:fe23:4567:890a', '2001:db8::1', '::ffff:192.0.2.1', '2001:0db8:85a3:0000:0000:8a2e:0370:7334']) assert.ok(v.validIpv6(ok), ok);
    for (const bad of ['12:30:45', '1::2::3', 'gggg::1', '00:1A:2B:3C:4D:5E']) assert.ok(!v.validIpv6(bad), bad);
  });
});

describe('redaction engine: entities', () => {
  const positives: [EntityType, string, string][] = [
    ['EMAIL', 'mail tai-man.chan@example-corp.com.hk now', 'tai-man.chan@example-corp.com.hk'],
    ['EMAIL', 'write to jane+billing@sub.example.co.uk.', 'jane+billing@sub.example.co.uk'],
    ['EMAIL', 'contact john [at] example [dot] com', 'john [at] example [dot] com'],
    ['PHONE', 'call +852 9123 4567 today', '+852 9123 4567'],
    ['PHONE', 'WhatsApp 6123 4567 please', '6123 4567'],
    ['PHONE', 'office (415) 555-2671', '(415) 555-2671'],
    ['PHONE', 'UK mobile +44 7911 123456', '+44 7911 123456'],
    ['PHONE', 'SG +65 9123 4567', '+65 9123 4567'],
    // grouped in pairs, no three digits together
    ['PHONE', 'Paris office +33 1 23 45 67 89 (main line)', '+33 1 23 45 67 89'],
    ['PHONE', 'HK desk +852 91 23 45 67', '+852 91 23 45 67'],
    ['CREDIT_CARD', 'card 4111 1111 1111 1111 exp 12/27', '4111 1111 1111 1111'],
    ['CREDIT_CARD', 'amex 3782-822463-10005', '3782-822463-10005'],
    ['IBAN', 'pay GB82 WEST 1234 5698 7654 32 today', 'GB82 WEST 1234 5698 7654 32'],
    ['IBAN', 'iban DE89370400440532013000', 'DE89370400440532013000'],
    ['US_SSN', 'SSN 536-22-1234', '536-22-1234'],
    ['US_ITIN', 'ITIN 912-78-1234', '912-78-1234'],
    ['HKID', 'HKID A123456(3) on file', 'A123456(3)'],
    ['SG_NRIC', 'NRIC S1234567D', 'S1234567D'],
    ['CN_RESIDENT_ID', '身份证 11010519491231002X', '11010519491231002X'],
    ['UK_NINO', 'NI number AB 12 34 56 C', 'AB 12 34 56 C'],
    ['UK_NHS', 'NHS number 943 476 5919', '943 476 5919'],
    ['PASSPORT', 'passport no. K12345678', 'K12345678'],
    ['IP_ADDRESS', 'from 10.0.3.17:', '10.0.3.17'],
    ['IP_ADDRESS', 'v6 fe80::1ff:fe23:4567:890a here', 'fe80::1ff:fe23:4567:890a'],
    ['MAC_ADDRESS', 'device 00:1A:2B:3C:4D:5E', '00:1A:2B:3C:4D:5E'],
    ['URL_CREDENTIAL', 'https://b.s3.amazonaws.com/k?X-Amz-Signature=0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
    ['AWS_ACCESS_KEY', 'key AKIAZ7FAKEFIXTURE234 leaked', 'AKIAZ7FAKEFIXTURE234'],
    ['PASSWORD', 'password: hunter2!x', 'hunter2!x'],
    ['DATE_OF_BIRTH', 'DOB: 1985-03-14', '1985-03-14'],
    ['DATE_OF_BIRTH', 'born on 3 March 1985', '3 March 1985'],
    ['PERSON', 'Hi, I am Chan Tai Man from HR', 'Chan Tai Man'],
    ['PERSON', 'Customer CHAN Siu Ming called', 'CHAN Siu Ming'],
    ['PERSON', 'Regards,\nPeter Wong', 'Peter Wong'],
    ['PERSON', 'ask Dr. Priya Raman', 'Priya Raman'],
    ['PERSON', '請聯絡陳大文先生', '陳大文'],
    ['ADDRESS', 'ship to Flat A, 12/F, Block 3, Harbour View Garden, 8 Example Road, Tsuen Wan, N.T. asap', 'Flat A, 12/F, Block 3, Harbour View Garden, 8 Example Road, Tsuen Wan, N.T.'],
    ['ADDRESS', 'lives at 123 Main Street, Springfield, IL 62704.', '123 Main Street, Springfield, IL 62704'],
    ['ADDRESS', 'at 10 Downing Street, London SW1A 2AA', '10 Downing Street, London SW1A 2AA'],
    ['ADDRESS', 'Blk 123 Ang Mo Kio Avenue 3, #05-67, Singapore 560123', 'Blk 123 Ang Mo Kio Avenue 3, #05-67, Singapore 560123'],
  ];
  for (const [type, text, value] of positives) {
    it(`finds ${type} in ${JSON.stringify(text)}`, () => {
      assert.ok(found(text).some(([t, s]) => t === type && s === value), `got ${JSON.stringify(found(text))}`);
    });
  }

  it('redacts user:password in URLs as a secret (URL_CREDENTIAL, or PASSWORD from the shared catalogue)', () => {
    const text = 'mongodb://admin:S3cr3t!@10.0.0.5:27017/db';
    const hits = redact(text).entities.filter((e) => e.start <= text.indexOf('admin') && e.end >= text.indexOf('@'));
    assert.equal(hits.length, 1);
    assert.ok(['URL_CREDENTIAL', 'PASSWORD'].includes(hits[0]!.type));
  });

  it('finds CUSTOM deny-list terms, case-insensitively and as whole words', () => {
    assert.deepEqual(found('Launch of project nightingale next week', { denyList: ['Project Nightingale'] }), [['CUSTOM', 'project nightingale']]);
    assert.deepEqual(found('Nightingales sing', { denyList: ['Nightingale'] }), []);
  });

  const negatives: [string, string][] = [
    ['model id', 'call anthropic.claude-3-5-sonnet-20240620-v1:0 or us.amazon.nova-pro-v1:0'],
    ['ARN with account id', 'role arn:aws:iam::123456789012:role/BedrockInvokeRole and arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0'],
    ['UUID', 'request 123e4567-e89b-12d3-a456-426614174000'],
    ['git SHA', 'commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39 and 3f2a9c1'],
    ['digest', 'image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['semver', 'upgrade to 1.13.16 or v2.0.0-rc.1'],
    ['ISO date and timestamp', 'on 2024-05-01 at 2024-05-01T12:30:45.123Z'],
    ['order and ticket numbers', 'order #1234567, ORD-2024-001234, ticket GENAI-4821, INC0012345'],
    ['ports and status codes', 'localhost:8080 returned HTTP 503, status: 429'],
    ['epoch', 'ts=1714567890123'],
    ['loopback', 'bind 127.0.0.1 and 0.0.0.0'],
    ['plain words', 'The Lambda handler in Amazon Bedrock uses Claude Sonnet via the Converse API.'],
    ['Hong Kong place names', 'Our office moved from Wong Tai Sin to Ma On Shan in Hong Kong.'],
    ['password placeholders', 'password: ${DB_PASSWORD} and password = os.environ["PW"]'],
  ];
  for (const [what, text] of negatives) {
    it(`never redacts ${what}`, () => assert.deepEqual(found(text), []));
  }

  it('reports checksum failures as possible, not redacted', () => {
    const r = redact('HKID A123456(4) and card 4111 1111 1111 1112 and NRIC S1234567E');
    assert.deepEqual(r.entities, []);
    assert.deepEqual(r.possible.map((p) => p.type).sort(), ['CREDIT_CARD', 'HKID', 'SG_NRIC']);
    assert.equal(r.text, 'HKID A123456(4) and card 4111 1111 1111 1112 and NRIC S1234567E');
  });

  it('needs context for passports, bare SSNs and national phone numbers', () => {
    assert.deepEqual(found('build K12345678 done'), []);
    assert.deepEqual(found('id 536221234'), []);
    assert.deepEqual(found('ssn 536221234').map(([t]) => t), ['US_SSN']);
    assert.deepEqual(found('ref 91234567'), []);
  });

  it('lets secrets win overlaps and maps catalogue ids to types', () => {
    assert.equal(secretEntityType({ patternId: 'aws-access-key-id', ruleId: 'GG-SEC-001' }), 'AWS_ACCESS_KEY');
    assert.equal(secretEntityType({ patternId: 'aws-secret-access-key', ruleId: 'GG-SEC-002' }), 'AWS_SECRET_KEY');
    assert.equal(secretEntityType({ patternId: 'aws-session-token', ruleId: 'GG-SEC-003' }), 'AWS_SESSION_TOKEN');
    assert.equal(secretEntityType({ patternId: 'something-new', ruleId: 'GG-SEC-999' }), 'API_TOKEN');
    const text = 'https://x.s3.amazonaws.com/k?X-Amz-Credential=ASIAZ7FAKEFIXTURE234%2F20240101%2Fus-east-1%2Fs3%2Faws4_request';
    const r = redact(text);
    assert.equal(r.entities.length, 1);
    assert.equal(r.entities[0]!.type, 'AWS_ACCESS_KEY');
    assert.equal(text.slice(r.entities[0]!.start, r.entities[0]!.end), 'ASIAZ7FAKEFIXTURE234');
  });

  it('finds artefacts for the veto', () => {
    const kinds = findArtefacts('x 123e4567-e89b-12d3-a456-426614174000 anthropic.claude-3-haiku-20240307-v1:0').map((a) => a.kind);
    assert.ok(kinds.includes('uuid') && kinds.includes('model-id'));
  });
});

describe('redaction engine: offsets and normalisation', () => {
  it('maps NFKC offsets back to the original (full-width digits, CJK, emoji)', () => {
    const text = '😀 客戶手機：＋８５２ ９１２３ ４５６７，電郵 ａｂｃ@example.com 😀';
    const r = redact(text);
    const phone = r.entities.find((e) => e.type === 'PHONE')!;
    assert.equal(text.slice(phone.start, phone.end), '＋８５２ ９１２３ ４５６７');
    const mail = r.entities.find((e) => e.type === 'EMAIL')!;
    assert.equal(text.slice(mail.start, mail.end), 'ａｂｃ@example.com');
    assert.equal(r.text, '😀 客戶手機：[PHONE_1]，電郵 [EMAIL_1] 😀');
  });
  it('keeps offsets true after astral characters', () => {
    const text = '𝒳𝒴 card 4111-1111-1111-1111 🎉';
    const [e] = redact(text).entities;
    assert.equal(text.slice(e!.start, e!.end), '4111-1111-1111-1111');
  });
  it('normalize() maps every unit to its source', () => {
    const n = normalize('Ａ１㈱');
    assert.equal(n.text, 'A1(株)');
    assert.deepEqual(toOriginal(n, 2, 5), [2, 3]);
    assert.deepEqual(toOriginal(normalize('abc'), 1, 2), [1, 2]);
  });
  it('full-width brackets around an HKID check digit', () => {
    const text = '身份證 Ａ１２３４５６（３）';
    const [e] = redact(text).entities;
    assert.equal(e!.type, 'HKID');
    assert.equal(text.slice(e!.start, e!.end), 'Ａ１２３４５６（３）');
  });
});

describe('redaction engine: placeholders, vault and policy', () => {
  it('numbers placeholders per type and keeps them stable across turns', () => {
    const s = new RedactionSession();
    const a = s.redact('mail a@example.com and b@example.com, again A@Example.com');
    assert.equal(a.text, 'mail [EMAIL_1] and [EMAIL_2], again [EMAIL_1]');
    const b = s.redact('reply to b@example.com, call +852 9123 4567 or 9123 4567 (phone)');
    assert.equal(b.text, 'reply to [EMAIL_2], call [PHONE_1] or [PHONE_1] (phone)');
  });
  it('re-identifies tolerantly: case, Markdown escaping, full-width brackets', () => {
    const s = new RedactionSession();
    s.redact('Customer CHAN Tai Man, email tai.man@example.com, card 4111 1111 1111 1111');
    const back = s.reidentify('Dear \\[PERSON\\_1\\], we wrote to [email_1] about ［CREDIT_CARD_1］ and 【EMAIL_1】. [EMAIL_9]');
    assert.equal(back.text, 'Dear CHAN Tai Man, we wrote to tai.man@example.com about 4111 1111 1111 1111 and tai.man@example.com. [EMAIL_9]');
    assert.equal(back.restored, 4);
    assert.deepEqual(back.unresolved, ['[EMAIL_9]']);
  });
  it('never re-identifies secrets', () => {
    const s = new RedactionSession();
    const r = s.redact('key AKIAZ7FAKEFIXTURE234 and again AKIAZ7FAKEFIXTURE234');
    assert.equal(r.text, 'key [AWS_ACCESS_KEY_1] and again [AWS_ACCESS_KEY_1]');
    const back = s.reidentify('use [AWS_ACCESS_KEY_1]');
    assert.equal(back.text, 'use [AWS_ACCESS_KEY_1]');
    assert.deepEqual(back.unresolved, ['[AWS_ACCESS_KEY_1]']);
  });
  it('round-trips a whole prompt', () => {
    const s = new RedactionSession();
    const text = 'Ticket GENAI-12: Peter Wong (peter.wong@acme-corp.com, +852 9123 4567) at Flat B, 3/F, 8 Nathan Road, Mong Kok, Kowloon.';
    const r = s.redact(text);
    assert.ok(!r.text.includes('peter') && !r.text.includes('9123') && !r.text.includes('Nathan'));
    assert.equal(s.reidentify(r.text).text, text);
  });
  it('applies the policy per type: redact, mask, allow', () => {
    const r = redact('mail a@example.com card 4111 1111 1111 1111 ip 10.1.2.3', { policy: { EMAIL: 'allow', CREDIT_CARD: 'mask' } });
    assert.equal(r.text, 'mail a@example.com card **** **** **** 1111 ip [IP_ADDRESS_1]');
    assert.deepEqual(r.entities.map((e) => e.action), ['mask', 'redact']);
  });
  it('honours the allow-list and threshold', () => {
    assert.deepEqual(found('write to support@example.com', { allowList: ['SUPPORT@example.com'] }), []);
    assert.deepEqual(found('Regards,\nPeter Wong', { threshold: 0.99 }), []);
  });
});

describe('redaction engine: fail closed', () => {
  it('fails the whole call when a detector throws', () => {
    const boom = { name: 'boom', detect: () => { throw new Error('kaput'); } };
    assert.throws(() => redact('mail a@example.com', { extraDetectors: [boom] }), (e: unknown) => e instanceof RedactionError && e.detector === 'boom');
  });
  it('fails when a catalogue validator throws', () => {
    const pattern = { id: 'x', ruleId: 'GG-SEC-999', label: 'x', regex: /XTOKEN\d+/g, keywords: ['XTOKEN'], validate: () => { throw new Error('validator broke'); } };
    assert.throws(() => new RedactionSession().redact('XTOKEN123', { secretPatterns: [pattern] }), RedactionError);
  });
  it('fails on a malformed detector span and on oversized input', () => {
    const bad = { name: 'bad', detect: () => [{ type: 'EMAIL' as const, start: 5, end: 99, score: 1 }] };
    assert.throws(() => analyze('short', { extraDetectors: [bad] }), RedactionError);
    assert.throws(() => redact('x'.repeat(101), { maxChars: 100 }), RedactionError);
  });
  it('stays linear on pathological input', function () {
    this.timeout(10_000);
    for (const chunk of ['a@', '1 ', '+1', 'Flat 1, ', 'Mr ', 'password=', '::', '4111 ', 'Chan ']) {
      const text = chunk.repeat(20_000);
      const t = Date.now();
      redact(text);
      assert.ok(Date.now() - t < 4000, `${JSON.stringify(chunk)} took ${Date.now() - t} ms`);
    }
  });
});
