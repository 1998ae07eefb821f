import type { Finding } from '../finding';

export interface ScanStats {
  files: number;
  ms: number;
  skipped?: { binary: number; tooLarge: number; unreadable: number };
}

/** The CLI's `--format json` contract (version 1). Positions are 1-based; the end column is exclusive. */
export function renderJson(findings: readonly Finding[], stats: ScanStats): string {
  return `${JSON.stringify(
    {
      version: 1,
      findings: findings.map((f) => ({
        ruleId: f.ruleId,
        family: f.family,
        severity: f.severity,
        message: f.message,
        file: f.file,
        line: f.range.start.line,
        column: f.range.start.column,
        endLine: f.range.end.line,
        endColumn: f.range.end.column,
        suppressed: f.suppressed !== undefined,
        ...(f.suppressed?.reason ? { suppression: f.suppressed } : {}),
        fingerprint: f.fingerprint,
      })),
      stats,
    },
    null,
    2,
  )}\n`;
}
