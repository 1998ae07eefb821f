/**
 * Labelled development set for the redaction engine: seeded, realistic developer prompts (support tickets, logs,
 * stack traces, config pastes, HK/SG/UK/US customer data) with gold spans, plus hard negatives (model ids, ARNs,
 * UUIDs, SHAs, versions, timestamps, order numbers, ports) that must never be redacted.
 * Values are generated valid (checksums computed); phone numbers are kept only when libphonenumber's full metadata
 * accepts them (its range check rejects e.g. Ofcom drama numbers).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { hkidCheckDigit, luhn, nricCheckLetter, validCnRic, validIban } from '../../src/engine/redact/validators';

export interface GoldSpan {
  type: string;
  start: number;
  end: number;
  /** Hard negative: must not be redacted. */
  negative?: boolean;
}
export interface Sample {
  id: number;
  template: string;
  text: string;
  spans: GoldSpan[];
}

export const DEV_DENY_LIST = ['Project Nightingale', 'ACME-INTERNAL-7'];

type Rng = () => number;
/** Small deterministic PRNG (mulberry32), shared by the generator and the redaction tests. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random string of `length` characters drawn from `alphabet` (tests: texts dense in the characters under test). */
export function randomText(r: Rng, alphabet: string, length: number): string {
  let t = '';
  for (let k = 0; k < length; k++) t += alphabet[Math.floor(r() * alphabet.length)];
  return t;
}

class Gen {
  constructor(readonly r: Rng) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.r() * a.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';

class Doc {
  text = '';
  spans: GoldSpan[] = [];
  t(s: string): this {
    this.text += s;
    return this;
  }
  e(type: string, value: string): this {
    this.spans.push({ type, start: this.text.length, end: this.text.length + value.length });
    this.text += value;
    return this;
  }
  n(kind: string, value: string): this {
    this.spans.push({ type: kind, start: this.text.length, end: this.text.length + value.length, negative: true });
    this.text += value;
    return this;
  }
}

// ---- value generators ----
const GIVEN = ['Peter', 'Mary', 'John', 'Emily', 'Daniel', 'Grace', 'Kevin', 'Winnie', 'Alan', 'Natalie', 'Priya', 'Rahul', 'Siobhan', 'Oluwaseun', 'Margaret', 'Jason', 'Cheryl', 'Ivan', 'Hannah', 'Marcus', 'Aisha', 'Yuki', 'Liam', 'Chloe', 'Derek', 'Fiona'];
const WEST_SURNAMES = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Walker', 'Patel', 'Nakamura', 'Okafor', "O'Brien", 'Fitzgerald', 'Harrison', 'Murphy', 'Kowalski'];
const HK_SURNAMES = ['Chan', 'Wong', 'Cheung', 'Lau', 'Lee', 'Ho', 'Leung', 'Lam', 'Tsang', 'Yeung', 'Ng', 'Chow', 'Tse', 'Kwok', 'Mak', 'Fung', 'Tang', 'Yip', 'Lai', 'Siu'];
const HK_GIVEN = ['Tai Man', 'Siu Ming', 'Ka Yan', 'Wing Kei', 'Chi Kin', 'Mei Ling', 'Hoi Yan', 'Kwok Wai', 'Tsz Hin', 'Pui Yee', 'Chun Hung', 'Ka Lok'];
const CJK_NAMES = ['陳大文', '黃小明', '李嘉欣', '張志強', '林美玲', '王建國'];
const SG_NAMES = ['Tan Wei Ming', 'Lim Hui Min', 'Goh Kok Wee', 'Ong Mei Xin'];

function person(g: Gen): string {
  switch (g.int(0, 5)) {
    case 0:
    case 1:
      return `${g.pick(GIVEN)} ${g.pick(WEST_SURNAMES)}`;
    case 2: {
      const given = g.pick(HK_GIVEN);
      return g.r() < 0.5 ? `${g.pick(HK_SURNAMES).toUpperCase()} ${given}` : `${g.pick(HK_SURNAMES)} ${given.replace(' ', '-').replace(/-(\w)/, (_, c: string) => `-${c.toLowerCase()}`)}`;
    }
    case 3:
      return `${g.pick(GIVEN)} ${g.pick(HK_SURNAMES)}`;
    case 4:
      return `${g.pick(HK_SURNAMES)} ${g.pick(HK_GIVEN)}`;
    default:
      return g.pick(SG_NAMES);
  }
}

const DOMAINS = ['example.com', 'acme-corp.com', 'mail.hk-logistics.com.hk', 'fintech.io', 'gov-services.sg', 'nhs-trust.co.uk', 'shop.example.org', 'data-eng.cloud', 'university.edu.hk'];
function email(g: Gen): string {
  const first = g.pick(GIVEN).toLowerCase();
  const last = g.pick([...WEST_SURNAMES, ...HK_SURNAMES]).toLowerCase().replace("'", '');
  const local = g.pick([`${first}.${last}`, `${first}_${last}${g.int(1, 99)}`, `${first[0]}${last}`, `${first}+billing`, `${last}-${first}`]);
  return `${local}@${g.pick(DOMAINS)}`;
}

const PHONE_FORMATS: readonly [CountryCode, () => (g: Gen) => string][] = [
  ['HK', () => (g) => `+852 ${g.pick(['5', '6', '9'])}${g.digits(3)} ${g.digits(4)}`],
  ['HK', () => (g) => `+852 2${g.digits(3)} ${g.digits(4)}`],
  ['HK', () => (g) => `(852) ${g.pick(['6', '9'])}${g.digits(3)} ${g.digits(4)}`],
  ['SG', () => (g) => `+65 ${g.pick(['8', '9'])}${g.digits(3)} ${g.digits(4)}`],
  ['GB', () => (g) => `+44 7${g.pick(['4', '5', '8', '9'])}${g.digits(2)} ${g.digits(6)}`],
  ['GB', () => (g) => `+44 20 7${g.digits(3)} ${g.digits(4)}`],
  ['US', () => (g) => `(${g.pick(['212', '415', '646', '312', '206', '617'])}) ${g.int(2, 9)}${g.digits(2)}-${g.digits(4)}`],
  ['US', () => (g) => `+1 ${g.pick(['212', '415', '646', '312', '206', '617'])}-${g.int(2, 9)}${g.digits(2)}-${g.digits(4)}`],
  ['CN', () => (g) => `+86 1${g.pick(['38', '39', '50', '86', '88'])} ${g.digits(4)} ${g.digits(4)}`],
  ['AU', () => (g) => `+61 4${g.digits(2)} ${g.digits(3)} ${g.digits(3)}`],
  ['JP', () => (g) => `+81 90-${g.digits(4)}-${g.digits(4)}`],
  ['IN', () => (g) => `+91 9${g.digits(4)} ${g.digits(5)}`],
  ['DE', () => (g) => `+49 151 ${g.digits(8)}`],
  ['TW', () => (g) => `+886 9${g.digits(2)} ${g.digits(3)} ${g.digits(3)}`],
  ['MO', () => (g) => `+853 6${g.digits(3)} ${g.digits(4)}`],
];
function phone(g: Gen, local = false): string {
  for (let i = 0; i < 50; i++) {
    const [region, f] = local ? (['HK', () => (gg: Gen) => `${gg.pick(['5', '6', '9'])}${gg.digits(3)} ${gg.digits(4)}`] as const) : g.pick(PHONE_FORMATS);
    const v = f()(g);
    const p = parsePhoneNumberFromString(v, region);
    if (p?.isValid()) return v;
  }
  return '+852 9123 4567';
}

function card(g: Gen): string {
  const [prefix, len] = g.pick([['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], ['6011', 16], ['3530', 16], ['62', 16]] as const);
  let body = prefix + g.digits(len - prefix.length - 1);
  for (let c = 0; c <= 9; c++) if (luhn(body + c)) return fmtCard(g, body + c);
  body = '';
  return body;
}
function fmtCard(g: Gen, d: string): string {
  const style = g.int(0, 2);
  if (style === 0) return d;
  const sep = style === 1 ? ' ' : '-';
  if (d.length === 15) return `${d.slice(0, 4)}${sep}${d.slice(4, 10)}${sep}${d.slice(10)}`;
  return d.match(/.{1,4}/g)!.join(sep);
}
function badCard(g: Gen): string {
  const d = card(g).replace(/\D/g, '');
  const last = (Number(d[d.length - 1]) + 1) % 10;
  return d.slice(0, -1) + last;
}

function mod97(s: string): number {
  let r = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const dch of v) r = (r * 10 + Number(dch)) % 97;
  }
  return r;
}
function iban(g: Gen): string {
  for (let i = 0; i < 20; i++) {
    const [cc, bban] = g.pick([
      ['GB', () => `${g.pick(['WEST', 'NWBK', 'BARC', 'HBUK'])}${g.digits(14)}`],
      ['DE', () => g.digits(18)],
      ['NL', () => `${g.pick(['ABNA', 'INGB', 'RABO'])}${g.digits(10)}`],
      ['IE', () => `${g.pick(['AIBK', 'BOFI'])}${g.digits(14)}`],
      ['CH', () => `${g.digits(5)}${g.digits(12)}`],
    ] as const);
    const b = bban();
    const check = 98 - mod97(`${b}${cc}00`);
    const v = `${cc}${String(check).padStart(2, '0')}${b}`;
    if (!validIban(v)) continue;
    return g.r() < 0.6 ? v.match(/.{1,4}/g)!.join(' ') : v;
  }
  return 'GB82 WEST 1234 5698 7654 32';
}
function ssn(g: Gen): string {
  let area = g.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(g.int(1, 99)).padStart(2, '0')}-${String(g.int(1, 9999)).padStart(4, '0')}`;
}
function itin(g: Gen): string {
  return `9${g.digits(2)}-${g.int(70, 88)}-${g.digits(4)}`;
}
function hkid(g: Gen): string {
  const prefix = g.r() < 0.85 ? g.pick([...'ACDEGHKMPRVYZ']) : g.pick(['XA', 'WX', 'XD']);
  const d = g.digits(6);
  const check = hkidCheckDigit(prefix, d);
  return g.r() < 0.85 ? `${prefix}${d}(${check})` : `${prefix}${d}${check}`;
}
function badHkid(g: Gen): string {
  const prefix = g.pick([...'ACDEGHKMPRVYZ']);
  const d = g.digits(6);
  const check = hkidCheckDigit(prefix, d);
  const wrong = check === '9' ? '1' : check === 'A' ? '3' : String((Number(check) + 1) % 10);
  return `${prefix}${d}(${wrong})`;
}
function nric(g: Gen): string {
  const p = g.pick(['S', 'T', 'F', 'G', 'M']);
  const d = g.digits(7);
  return `${p}${d}${nricCheckLetter(p, d)!}`;
}
function cnId(g: Gen): string {
  for (let i = 0; i < 50; i++) {
    const region = g.pick(['110101', '310104', '440305', '440106', '330106', '510107']);
    const birth = `${g.int(1955, 2004)}${String(g.int(1, 12)).padStart(2, '0')}${String(g.int(1, 28)).padStart(2, '0')}`;
    const body = region + birth + g.digits(3);
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let k = 0; k < 17; k++) sum += Number(body[k]) * w[k]!;
    const v = body + '10X98765432'[sum % 11]!;
    if (validCnRic(v)) return v;
  }
  return '11010519491231002X';
}
function nino(g: Gen): string {
  const first = g.pick([...'ABCEGHJKLMNPRSTWXYZ']);
  const second = g.pick([...'ABCEGHJKLMNPRSTWXYZ'].filter((c) => c !== 'O'));
  const pre = `${first}${second}`;
  const p = ['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(pre) ? 'AB' : pre;
  const d = g.digits(6);
  const s = g.pick(['A', 'B', 'C', 'D']);
  return g.r() < 0.5 ? `${p}${d}${s}` : `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${s}`;
}
function passport(g: Gen): string {
  return g.pick([`K${g.digits(8)}`, `H${g.digits(8)}`, g.digits(9), `E${g.chars(1, UPPER)}${g.digits(7)}`, `${g.chars(1, UPPER)}${g.digits(7)}`]);
}
function ipv4(g: Gen): string {
  return g.pick([`10.${g.int(0, 255)}.${g.int(0, 255)}.${g.int(1, 254)}`, `192.168.${g.int(0, 255)}.${g.int(1, 254)}`, `${g.int(11, 223)}.${g.int(0, 255)}.${g.int(0, 255)}.${g.int(1, 254)}`]);
}
function ipv6(g: Gen): string {
  const grp = () => g.chars(g.int(1, 4), HEX).replace(/^0+(?=.)/, '');
  return g.pick([`2001:db8:${grp()}:${grp()}::${grp()}`, `fe80::${grp()}:${grp()}:${grp()}:${grp()}`, `2406:da18:${grp()}:${grp()}:${grp()}:${grp()}:${grp()}:${grp()}`]);
}
function mac(g: Gen): string {
  const sep = g.pick([':', '-']);
  return Array.from({ length: 6 }, () => g.chars(2, '0123456789ABCDEF')).join(sep);
}
function awsKey(g: Gen): string {
  return `${g.pick(['AKIA', 'ASIA'])}${g.chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
}
function awsSecret(g: Gen): string {
  return g.chars(40, B64);
}
function sessionToken(g: Gen): string {
  return `IQoJb3JpZ2luX2Vj${g.chars(g.int(200, 320), B64)}`;
}
function apiToken(g: Gen): string {
  return g.pick([
    `ghp_${g.chars(36, ALNUM)}`,
    `github_pat_${g.chars(22, ALNUM)}_${g.chars(59, ALNUM)}`,
    `xoxb-${g.digits(11)}-${g.digits(12)}-${g.chars(24, ALNUM)}`,
    `sk_live_${g.chars(24, ALNUM)}`,
    `sk-proj-${g.chars(48, ALNUM + '_-')}`,
    `sk-ant-api03-${g.chars(93, ALNUM + '_-')}AA`,
    `AIza${g.chars(35, ALNUM + '_-')}`,
    `hf_${g.chars(34, ALNUM)}`,
    `npm_${g.chars(36, ALNUM)}`,
    `glpat-${g.chars(20, ALNUM + '_-')}`,
  ]);
}
function password(g: Gen): string {
  return g.pick([`${g.chars(4, ALNUM)}!${g.chars(5, ALNUM)}#${g.digits(2)}`, `Summer${g.int(2019, 2025)}!`, `p@ss-${g.chars(8, ALNUM)}`, g.chars(16, ALNUM)]);
}
function dob(g: Gen): string {
  const y = g.int(1950, 2005);
  const m = g.int(1, 12);
  const d = g.int(1, 28);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return g.pick([`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`, `${d} ${months[m - 1]!} ${y}`]);
}
function hkAddress(g: Gen): string {
  return g.pick([
    `Flat ${g.pick(['A', 'B', 'C', 'D'])}, ${g.int(2, 40)}/F, Block ${g.int(1, 8)}, ${g.pick(['Harbour View Garden', 'Kingswood Villas', 'Laguna City', 'Taikoo Shing'])}, ${g.int(1, 200)} ${g.pick(['Tai Ho Road', 'Castle Peak Road', 'King\'s Road', 'Nathan Road'])}, ${g.pick(['Tsuen Wan, N.T.', 'Kwun Tong, Kowloon', 'North Point, Hong Kong', 'Mong Kok, Kowloon'])}`,
    `Room ${g.int(101, 3999)}, ${g.int(2, 40)}/F, ${g.pick(['Sunshine Plaza', 'Pacific Centre', 'Wing On House'])}, ${g.int(1, 300)} ${g.pick(['Queen\'s Road Central', 'Hennessy Road', 'Des Voeux Road Central'])}, ${g.pick(['Central', 'Wan Chai', 'Causeway Bay'])}, Hong Kong`,
    `香港${g.pick(['灣仔區', '觀塘區', '沙田區'])}${g.pick(['軒尼詩道', '觀塘道', '大埔道'])}${g.int(1, 300)}號${g.pick(['中環中心', '宏利大廈'])}${g.int(2, 40)}樓${g.pick(['A', 'B', '1'])}室`,
  ]);
}
function usAddress(g: Gen): string {
  return `${g.int(10, 9999)} ${g.pick(['Main', 'Oak', 'Maple', 'Market', 'Mission', 'Elm', 'Sunset'])} ${g.pick(['Street', 'St', 'Avenue', 'Ave', 'Blvd', 'Road', 'Drive'])}${g.r() < 0.4 ? `, Apt ${g.int(1, 40)}` : ''}, ${g.pick(['Springfield, IL 62704', 'San Francisco, CA 94105', 'Austin, TX 78701', 'Seattle, WA 98101', 'New York, NY 10001'])}`;
}
function ukAddress(g: Gen): string {
  return `${g.int(1, 250)} ${g.pick(['High Street', 'Baker Street', 'Station Road', 'Church Lane', 'Victoria Road'])}, ${g.pick(['London SW1A 1AA', 'Manchester M1 1AE', 'Leeds LS1 4AP', 'London EC2A 4BX', 'Bristol BS1 5TR'])}`;
}
function sgAddress(g: Gen): string {
  return g.pick([
    `Blk ${g.int(100, 999)} ${g.pick(['Ang Mo Kio Avenue 3', 'Tampines Street 21', 'Bedok North Road', 'Jurong West Street 42'])}, #${String(g.int(2, 25)).padStart(2, '0')}-${g.int(10, 999)}, Singapore ${g.int(100000, 829999)}`,
    `${g.int(1, 300)} ${g.pick(['Orchard Road', 'Robinson Road', 'Cecil Street'])}, #${g.int(10, 40)}-${String(g.int(1, 20)).padStart(2, '0')}, Singapore ${g.int(100000, 829999)}`,
  ]);
}
function address(g: Gen): string {
  return g.pick([hkAddress, usAddress, ukAddress, sgAddress])(g);
}

// ---- negatives ----
const MODEL_IDS = ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'amazon.titan-embed-text-v2:0', 'meta.llama3-1-70b-instruct-v1:0', 'amazon.nova-pro-v1:0', 'cohere.command-r-plus-v1:0', 'mistral.mistral-large-2407-v1:0', 'apac.anthropic.claude-3-haiku-20240307-v1:0', 'eu.amazon.nova-lite-v1:0'];
function modelId(g: Gen): string {
  return g.pick(MODEL_IDS);
}
function account(g: Gen): string {
  return `${g.int(1, 9)}${g.digits(11)}`;
}
function arn(g: Gen): string {
  const region = g.pick(['us-east-1', 'us-west-2', 'ap-east-1', 'ap-southeast-1', 'eu-west-2']);
  return g.pick([
    `arn:aws:bedrock:${region}::foundation-model/${g.pick(MODEL_IDS)}`,
    `arn:aws:bedrock:${region}:${account(g)}:inference-profile/${g.pick(['us', 'apac'])}.anthropic.claude-3-5-sonnet-20240620-v1:0`,
    `arn:aws:iam::${account(g)}:role/${g.pick(['BedrockInvokeRole', 'lambda-exec', 'AppRunnerRole'])}`,
    `arn:aws:lambda:${region}:${account(g)}:function:${g.pick(['chat-handler', 'ingest', 'summarise'])}`,
    `arn:aws:s3:::${g.pick(['my-rag-docs', 'prompt-logs-prod'])}-${account(g)}`,
    `arn:aws:bedrock:${region}:${account(g)}:guardrail/${g.chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
  ]);
}
const uuid = (g: Gen) => `${g.chars(8, HEX)}-${g.chars(4, HEX)}-4${g.chars(3, HEX)}-${g.pick(['8', '9', 'a', 'b'])}${g.chars(3, HEX)}-${g.chars(12, HEX)}`;
const sha = (g: Gen) => g.chars(40, HEX);
const shortSha = (g: Gen) => `${g.chars(3, HEX)}${g.int(1, 9)}${g.chars(3, 'abcdef')}`;
const digest = (g: Gen) => `sha256:${g.chars(64, HEX)}`;
const semver = (g: Gen) => g.pick([`${g.int(0, 20)}.${g.int(0, 40)}.${g.int(0, 99)}`, `v${g.int(1, 5)}.${g.int(0, 20)}.${g.int(0, 9)}`, `${g.int(1, 3)}.${g.int(0, 9)}.${g.int(0, 9)}-rc.${g.int(1, 5)}`]);
const isoTs = (g: Gen) => `2024-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}T${String(g.int(0, 23)).padStart(2, '0')}:${String(g.int(0, 59)).padStart(2, '0')}:${String(g.int(0, 59)).padStart(2, '0')}.${g.digits(3)}Z`;
const isoDate = (g: Gen) => `2025-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}`;
const orderNo = (g: Gen) => g.pick([`#${g.digits(7)}`, `ORD-2024-${g.digits(6)}`, `PO-${g.digits(8)}`]);
const ticket = (g: Gen) => g.pick([`GENAI-${g.int(10, 9999)}`, `INC${g.digits(7)}`, `OPS-${g.int(100, 999)}`]);
const epoch = (g: Gen) => `17${g.digits(11)}`;

// ---- templates ----
type Template = (g: Gen) => Doc;
const TEMPLATES: Record<string, Template> = {
  supportTicket: (g) =>
    new Doc()
      .t('Support ticket ').n('TICKET', ticket(g)).t(': customer ').e('PERSON', person(g)).t(' (').e('EMAIL', email(g)).t(', tel ').e('PHONE', phone(g))
      .t(') says the chatbot returned a 500 after calling ').n('MODEL_ID', modelId(g)).t('. Can you summarise the issue and draft a reply?'),
  hkCustomer: (g) =>
    new Doc()
      .t('Please verify this customer record before we onboard them:\nName: ').e('PERSON', person(g)).t('\nHKID: ').e('HKID', hkid(g)).t('\nMobile: ').e('PHONE', phone(g, true))
      .t('\nAddress: ').e('ADDRESS', hkAddress(g)).t('\nDOB: ').e('DATE_OF_BIRTH', dob(g)).t('\nCreated: ').n('ISO_TIMESTAMP', isoTs(g)).t('\n'),
  sgCustomer: (g) =>
    new Doc().t('SG KYC check failed for NRIC ').e('SG_NRIC', nric(g)).t(', contact ').e('EMAIL', email(g)).t(' or ').e('PHONE', phone(g)).t('. Ship to ').e('ADDRESS', sgAddress(g)).t('. Request ').n('UUID', uuid(g)).t('.'),
  ukPatient: (g) =>
    new Doc().t('Write a polite letter to ').e('PERSON', person(g)).t(' at ').e('ADDRESS', ukAddress(g)).t(' about their NI number ').e('UK_NINO', nino(g)).t('. Reference ').n('TICKET', ticket(g)).t('.'),
  usPayroll: (g) =>
    new Doc().t('Payroll import failed for employee SSN ').e('US_SSN', ssn(g)).t(' (ITIN ').e('US_ITIN', itin(g)).t(') living at ').e('ADDRESS', usAddress(g)).t('. Batch ').n('ORDER_NO', orderNo(g)).t(' ran at ').n('ISO_TIMESTAMP', isoTs(g)).t('.'),
  payment: (g) =>
    new Doc().t('Refund order ').n('ORDER_NO', orderNo(g)).t(': card ').e('CREDIT_CARD', card(g)).t(' was charged twice; IBAN for the refund is ').e('IBAN', iban(g)).t('. The test card ').n('INVALID_CARD', badCard(g)).t(' is from our sandbox.'),
  cnRecord: (g) =>
    new Doc().t('用戶 ').e('PERSON', g.pick(CJK_NAMES)).t('先生的身份證號碼是 ').e('CN_RESIDENT_ID', cnId(g)).t('，電話：').e('PHONE', phone(g)).t('。請幫我檢查這個 JSON 是否有效。'),
  fullWidth: (g) => {
    const p = phone(g, true);
    const fw = [...p].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    return new Doc().t('客戶 ').e('PERSON', g.pick(CJK_NAMES)).t(' 的手機：').e('PHONE', fw).t(' 😀，電郵 ').e('EMAIL', email(g)).t('，HKID ').e('HKID', hkid(g).replace('(', '（').replace(')', '）')).t('。');
  },
  awsConfig: (g) => {
    const d = new Doc().t('My Lambda fails with AccessDenied. ~/.aws/credentials:\n[default]\naws_access_key_id = ').e('AWS_ACCESS_KEY', awsKey(g)).t('\naws_secret_access_key = ').e('AWS_SECRET_KEY', awsSecret(g));
    if (g.r() < 0.5) d.t('\naws_session_token = ').e('AWS_SESSION_TOKEN', sessionToken(g));
    return d.t('\nregion = ap-east-1\nThe role is ').n('ARN', arn(g)).t(' and the model ').n('MODEL_ID', modelId(g)).t('.');
  },
  envPaste: (g) =>
    new Doc().t('Here is my .env, why does the client not connect?\nGITHUB_TOKEN=').e('API_TOKEN', apiToken(g)).t('\nDB_PASSWORD=').e('PASSWORD', password(g)).t('\nDATABASE_URL=postgres://app:').e('PASSWORD', password(g).replace(/[@:/#]/g, 'x')).t('@db.internal:5432/app\nOPENAI_KEY=').e('API_TOKEN', apiToken(g)).t('\nBUILD=').n('GIT_SHA', sha(g)).t('\n'),
  logs: (g) =>
    new Doc().n('ISO_TIMESTAMP', isoTs(g)).t(' INFO request ').n('UUID', uuid(g)).t(' from ').e('IP_ADDRESS', ipv4(g)).t(' user=').e('EMAIL', email(g)).t(' status=200 latency=').t(`${g.int(10, 999)}ms`).t('\n')
      .n('ISO_TIMESTAMP', isoTs(g)).t(' WARN retry from ').e('IP_ADDRESS', ipv6(g)).t(' device ').e('MAC_ADDRESS', mac(g)).t(' port ').n('PORT', `${g.int(1024, 65000)}`).t(' ts=').n('EPOCH', epoch(g)).t('\n'),
  stackTrace: (g) =>
    new Doc().t('Traceback (most recent call last):\n  File "/var/task/app.py", line ').t(`${g.int(10, 400)}`).t(', in handler\n    resp = client.converse(modelId="').n('MODEL_ID', modelId(g)).t('")\nbotocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the Converse operation: ')
      .t('Request ID ').n('UUID', uuid(g)).t('\nDeployed commit ').n('SHORT_SHA', shortSha(g)).t(' of version ').n('SEMVER', semver(g)).t(' with image ').n('DIGEST', digest(g)).t('\n'),
  presigned: (g) => {
    const key = awsKey(g).replace(/^AKIA/, 'ASIA');
    return new Doc().t('This presigned link expired, why? https://docs-bucket.s3.ap-east-1.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=').e('AWS_ACCESS_KEY', key)
      .t(`%2F2024${g.digits(4)}%2Fap-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240501T000000Z&X-Amz-Expires=3600&X-Amz-Security-Token=`).e('AWS_SESSION_TOKEN', sessionToken(g).replace(/[+/]/g, 'A'))
      .t('&X-Amz-SignedHeaders=host&X-Amz-Signature=').e('URL_CREDENTIAL', g.chars(64, HEX)).t(' (account ').n('ACCOUNT_ID', account(g)).t(')');
  },
  dbUrl: (g) =>
    new Doc().t('Connection keeps timing out: mongodb://').e('URL_CREDENTIAL', `${g.pick(['admin', 'svc_app', 'reporting'])}:${password(g).replace(/[@:/#%]/g, 'x')}`).t('@10.0.').t(`${g.int(0, 9)}.${g.int(1, 200)}`).t(':27017/prod — the server is behind ').n('ARN', arn(g)).t('.'),
  passportTravel: (g) =>
    new Doc().t('Traveller ').e('PERSON', person(g)).t(', passport no. ').e('PASSPORT', passport(g)).t(', date of birth ').e('DATE_OF_BIRTH', dob(g)).t(', booking ').n('ORDER_NO', orderNo(g)).t(' on ').n('ISO_DATE', isoDate(g)).t('.'),
  emailThread: (g) => {
    const name = person(g);
    return new Doc().t('Summarise this email:\n"Hi team,\nThe invoice for ').n('ORDER_NO', orderNo(g)).t(' is attached. Please call me on ').e('PHONE', phone(g)).t(' if anything is unclear.\nRegards,\n').e('PERSON', name).t('\n').e('EMAIL', email(g)).t('"');
  },
  hardNegatives: (g) =>
    new Doc().t('Compare ').n('MODEL_ID', modelId(g)).t(' and ').n('MODEL_ID', modelId(g)).t(' for our RAG bot. Profile ').n('ARN', arn(g)).t(', trace ').n('UUID', uuid(g)).t(', commit ').n('GIT_SHA', sha(g))
      .t(', release ').n('SEMVER', semver(g)).t(' shipped ').n('ISO_DATE', isoDate(g)).t(', ticket ').n('TICKET', ticket(g)).t(', served on localhost:').n('PORT', String(g.int(3000, 9000))).t(' returning HTTP ').n('STATUS', g.pick(['200', '404', '429', '503'])).t('.'),
  invalidIds: (g) =>
    new Doc().t('Why does our validator reject HKID ').n('INVALID_HKID', badHkid(g)).t(' and card ').n('INVALID_CARD', badCard(g)).t('? Order ').n('ORDER_NO', orderNo(g)).t(' is affected.'),
  tokens: (g) =>
    new Doc().t('I accidentally pasted my tokens in Slack: ').e('API_TOKEN', apiToken(g)).t(' and ').e('API_TOKEN', apiToken(g)).t(' — how do I rotate them? Our account is ').n('ACCOUNT_ID', `arn:aws:iam::${account(g)}:root`).t('.'),
  custom: (g) =>
    new Doc().t('Draft release notes for ').e('CUSTOM', 'Project Nightingale').t(' (internal host ').e('CUSTOM', 'ACME-INTERNAL-7').t(') shipped in ').n('SEMVER', semver(g)).t('; ping ').e('EMAIL', email(g)).t('.'),
  chatty: (g) =>
    new Doc().t("Hi, I'm ").e('PERSON', person(g)).t(' from the data team. My colleague Mr. ').e('PERSON', g.pick(WEST_SURNAMES)).t(' said the bill for ').e('CREDIT_CARD', card(g)).t(' is wrong. Email me at ').e('EMAIL', email(g)).t(' or WhatsApp ').e('PHONE', phone(g, true)).t('.'),
  shipping: (g) =>
    new Doc().t('Courier API returned 422 for shipment ').n('ORDER_NO', orderNo(g)).t('. Recipient ').e('PERSON', person(g)).t(', ').e('ADDRESS', address(g)).t(', phone ').e('PHONE', phone(g)).t('. Trace ').n('UUID', uuid(g)).t('.'),
  csvPaste: (g) => {
    const d = new Doc().t('Clean this CSV:\nname,email,phone,ip,joined\n');
    for (let i = 0; i < 3; i++) d.e('PERSON', person(g)).t(',').e('EMAIL', email(g)).t(',').e('PHONE', phone(g)).t(',').e('IP_ADDRESS', ipv4(g)).t(',').n('ISO_DATE', isoDate(g)).t('\n');
    return d;
  },
};

export function generateDevSet(count = 1500, seed = 20260522): Sample[] {
  const g = new Gen(mulberry32(seed));
  const names = Object.keys(TEMPLATES);
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length]!;
    const doc = TEMPLATES[name]!(g);
    out.push({ id: i, template: name, text: doc.text, spans: doc.spans });
  }
  return out;
}
