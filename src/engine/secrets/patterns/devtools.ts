import type { SecretPattern } from '../types';
import { isPlaceholder, looksFake, shannonEntropy } from '../util';
import { prefixed } from './build';

const real = (s: string): boolean => !looksFake(s);

/**
 * The published Slack token layouts: bot `xoxb-<team>-[<bot>-]<secret>`, user `xoxp-`/`xoxe-` with three numeric ids,
 * configuration `xoxe.xoxp-1-…` and refresh `xoxe-1-…` tokens, legacy `xoxs-`/`xoxo-` and workspace `xoxa-`/`xoxr-`
 * tokens. Anything else carrying the prefix (`xoxb-12345-abcd234`, `xoxp-1234567890`) is an example or a fragment.
 */
const SLACK_SHAPE = new RegExp(
  [
    String.raw`^xoxb-\d{8,14}-(?:\d{8,14}-)?[A-Za-z0-9]{16,64}$`,
    String.raw`^xox[pe]-\d{8,14}(?:-\d{8,14}){2}-[A-Za-z0-9]{28,34}$`,
    String.raw`^xoxe\.xox[bp]-\d-[A-Za-z0-9]{100,250}$`,
    String.raw`^xoxe-\d-[A-Za-z0-9]{100,250}$`,
    String.raw`^xox[os]-\d{1,14}-\d{1,14}-\d{1,14}-[A-Fa-f0-9]{8,80}$`,
    String.raw`^xox[ar]-(?:\d-)?[A-Za-z0-9]{8,48}(?:-[A-Za-z0-9]{1,48}){0,4}$`,
  ].join('|'),
);

export const DEVTOOLS_PATTERNS: readonly SecretPattern[] = [
  // GG-SEC-012 GitHub
  {
    id: 'github-token',
    ruleId: 'GG-SEC-012',
    label: 'GitHub token',
    regex: prefixed(String.raw`gh[pousr]_[A-Za-z0-9]{36,251}`),
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    validate: real,
    describe: (s) => ({ p: 'personal access token', o: 'OAuth token', u: 'user-to-server token', s: 'app installation token', r: 'refresh token' })[s.charAt(2)],
  },
  {
    id: 'github-fine-grained-pat',
    ruleId: 'GG-SEC-012',
    label: 'GitHub token',
    regex: prefixed(String.raw`github_pat_[A-Za-z0-9_]{60,255}`),
    keywords: ['github_pat_'],
    validate: real,
    describe: () => 'fine-grained personal access token',
  },
  // GG-SEC-013 GitLab
  {
    id: 'gitlab-token',
    ruleId: 'GG-SEC-013',
    label: 'GitLab token',
    regex: prefixed(String.raw`(?:glpat|gldt|glrt|glrtr|gloas|glsoat|glcbt|glft|glimt|glagent|glffct|glwt|glptt)-[A-Za-z0-9_-][A-Za-z0-9_.-]{18,298}[A-Za-z0-9_-]`),
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glrtr-', 'gloas-', 'glsoat-', 'glcbt-', 'glft-', 'glimt-', 'glagent-', 'glffct-', 'glwt-', 'glptt-'],
    // Random bodies: a digit, or both letter cases (a 20-character random body may hold no digit at all).
    validate: (s) => real(s) && (/[0-9]/.test(s) || (/[A-Z]/.test(s) && /[a-z]/.test(s.slice(s.indexOf('-'))))) && shannonEntropy(s) >= 3,
    describe: (s) => (s.startsWith('glpat-') ? 'personal access token' : undefined),
  },
  {
    id: 'gitlab-runner-registration-token',
    ruleId: 'GG-SEC-013',
    label: 'GitLab runner registration token',
    regex: prefixed(String.raw`GR1348941[A-Za-z0-9_-]{20}`),
    keywords: ['GR1348941'],
    validate: (s) => real(s) && /[A-Za-z]/.test(s.slice(9)) && shannonEntropy(s.slice(9)) >= 3,
  },
  // GG-SEC-014 Slack
  {
    id: 'slack-token',
    ruleId: 'GG-SEC-014',
    label: 'Slack token',
    regex: prefixed(String.raw`(?:xoxe\.)?xox[abposre]-(?:\d-)?[0-9A-Za-z][0-9A-Za-z-]{8,250}`),
    keywords: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe-', 'xoxe.'],
    // The layout is strict, so only documentation words are filtered (a random body may well spell `FaKe`).
    validate: (s) => real(s) && SLACK_SHAPE.test(s) && !/example|sample|dummy|placeholder|your[-_]/i.test(s) && shannonEntropy(s) >= 2.5,
  },
  {
    id: 'slack-app-token',
    ruleId: 'GG-SEC-014',
    label: 'Slack app-level token',
    regex: prefixed(String.raw`xapp-\d-[A-Z0-9]{6,20}-\d{6,20}-[a-z0-9]{32,80}`),
    keywords: ['xapp-'],
    validate: real,
  },
  {
    id: 'slack-webhook',
    ruleId: 'GG-SEC-014',
    label: 'Slack webhook URL',
    regex: /(?<secret>https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_]{8,20}\/[A-Za-z0-9_]{6,30}\/[A-Za-z0-9_/]{16,80})(?![A-Za-z0-9_/])/g,
    keywords: ['hooks.slack.com'],
    validate: (s) => !looksFake(s.slice(s.indexOf('/', 30))) && !/T0{6,}|B0{6,}/.test(s),
  },
  // GG-SEC-015 Stripe
  {
    id: 'stripe-secret-key',
    ruleId: 'GG-SEC-015',
    label: 'Stripe secret key',
    regex: prefixed(String.raw`(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}`),
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'sk_prod_', 'rk_prod_'],
    validate: (s) => real(s) && !isPlaceholder(s.slice(s.indexOf('_', 3) + 1)),
    describe: (s) => (s.startsWith('rk_') ? (s.includes('_test_') ? 'restricted, test mode' : 'restricted') : s.includes('_test_') ? 'test mode' : undefined),
    severity: (s) => (s.includes('_test_') ? 'warning' : undefined),
  },
  {
    id: 'stripe-webhook-secret',
    ruleId: 'GG-SEC-015',
    label: 'Stripe webhook signing secret',
    regex: prefixed(String.raw`whsec_[A-Za-z0-9]{32,64}`),
    keywords: ['whsec_'],
    validate: real,
  },
  // GG-SEC-016 npm
  {
    id: 'npm-access-token',
    ruleId: 'GG-SEC-016',
    label: 'npm access token',
    regex: prefixed(String.raw`npm_[A-Za-z0-9]{36}`),
    keywords: ['npm_'],
    validate: (s) => real(s) && /[0-9]/.test(s.slice(4)) && /[A-Za-z]/.test(s.slice(4)),
  },
  {
    // `.npmrc`: `//registry.npmjs.org/:_authToken=<token>` (legacy tokens are UUIDs).
    id: 'npmrc-auth-token',
    ruleId: 'GG-SEC-016',
    label: 'npm registry auth token',
    regex: /:_auth(?:Token)?[^\S\r\n]{0,4}=[^\S\r\n]{0,4}["']?(?<secret>[A-Za-z0-9_+/=.-]{20,200})(?![A-Za-z0-9_+/=.-])/g,
    keywords: [':_auth'],
    validate: (s) => !s.startsWith('npm_') && !isPlaceholder(s) && shannonEntropy(s) >= 3,
  },
];
