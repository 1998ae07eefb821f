import { secretRule } from './secretRule';

export default secretRule({
  id: 'GG-SEC-014',
  title: 'Slack token or webhook URL in a file',
  advice: 'revoke it in the Slack app settings and load it at run time.',
  docs: `# GG-SEC-014 — Slack token or webhook URL in a file

**Family:** secret · **Default severity:** error · **Formats:** every text file (\`xoxb-\`, \`xoxp-\`, \`xoxa-\`, \`xoxo-\`, \`xoxs-\`, \`xoxr-\`, \`xoxe-\`, \`xapp-\`; \`hooks.slack.com\` webhook URLs)

## Why it matters
Slack bot and user tokens read and post messages as your app or user — chat history often contains other secrets
— and incoming-webhook URLs let anyone post into a channel, a convenient phishing vector. AI assistants wired into
Slack frequently keep both in configuration files.

## How to fix
1. Revoke or rotate the token (api.slack.com → your app → OAuth & Permissions / Basic Information; regenerate webhooks under Incoming Webhooks).
2. Store tokens and webhook URLs in the environment or a secret store.
3. Enable token rotation for apps that support it.

## Suppress
Only for fake tokens in tests: \`# genai-guard-ignore GG-SEC-014: fake token used by unit tests\`.

## References
- Slack: Token types — https://api.slack.com/concepts/token-types
- Slack: Best practices for app security — https://api.slack.com/authentication/best-practices
`,
});
