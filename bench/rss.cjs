// Preloaded into benchmarked Node processes (`node -r bench/rss.cjs …`): writes the peak resident set size (KB) on exit.
process.on('exit', () => {
  if (process.env.GG_RSS_FILE) require('node:fs').writeFileSync(process.env.GG_RSS_FILE, String(process.resourceUsage().maxRSS));
});
