import type { Finding, Severity } from '../finding';
import type { ScanStats } from './json';

const COLORS: Record<Severity | 'dim' | 'bold' | 'reset' | 'green', string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  note: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  green: '\x1b[32m',
  reset: '\x1b[0m',
};

/** Human output grouped by file, with a summary line. Colours only when asked (a TTY). */
export function renderText(findings: readonly Finding[], stats: ScanStats, color: boolean): string {
  const c = (k: keyof typeof COLORS, s: string) => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const out: string[] = [];
  let current = '';
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) {
      suppressed++;
      continue;
    }
    counts[f.severity]++;
    if (f.file !== current) {
      if (current) out.push('');
      out.push(c('bold', f.file));
      current = f.file;
    }
    const pos = `${f.range.start.line}:${f.range.start.column}`.padEnd(8);
    out.push(`  ${c('dim', pos)} ${c(f.severity, f.severity.padEnd(7))} ${f.message}  ${c('dim', f.ruleId)}`);
  }
  if (out.length) out.push('');
  const total = counts.error + counts.warning + counts.note;
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`, `${counts.note} note${counts.note === 1 ? '' : 's'}`];
  if (suppressed) parts.push(`${suppressed} suppressed`);
  const skipped = stats.skipped ? stats.skipped.binary + stats.skipped.tooLarge + stats.skipped.unreadable : 0;
  const summary = `${total === 0 ? c('green', '✔ no problems') : `✖ ${total} problem${total === 1 ? '' : 's'}`} (${parts.join(', ')}) in ${stats.files} file${stats.files === 1 ? '' : 's'}${skipped ? `, ${skipped} skipped` : ''}, ${stats.ms} ms`;
  out.push(summary);
  return `${out.join('\n')}\n`;
}
