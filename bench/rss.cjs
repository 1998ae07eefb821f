// Preloaded into benchmarked Node processes (`node -r bench/rss.cjs …`): writes the peak resident set size (KB) on exit.
const { writeFileSync } = require('node:fs'); // eslint-disable-line @typescript-eslint/no-require-imports -- a CommonJS preload script
process.on('exit', () => {
  if (process.env.GG_RSS_FILE) writeFileSync(process.env.GG_RSS_FILE, String(process.resourceUsage().maxRSS));
});
