import type { Family, Finding, Suppression } from './finding';
import type { LineIndex } from './text';

/**
 * Inline suppressions, in any comment syntax:
 *   `genai-guard-ignore GG-SEC-001[, GG-IAM-003]: reason`            — the line it is on
 *   `genai-guard-ignore-next-line GG-SEC-001: reason`                 — the next line
 * A rule id is required (a bare directive never silences everything). Incumbent secret scanners' line directives are
 * honoured for the secret family so teams don't annotate twice.
 */
interface Directive {
  ruleIds: Set<string> | 'all-secrets';
  suppression: Suppression;
}

const OURS = /genai-guard-ignore(-next-line)?[ \t]+([A-Z]{2,}-[A-Z]{2,}-\d{3}(?:[ \t]*,[ \t]*[A-Z]{2,}-[A-Z]{2,}-\d{3})*)(?:[ \t]*:[ \t]*([^\r\n]*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/;
/** Secret-scanner directives that apply to the line they are on. */
const SECRET_LINE_DIRECTIVES: readonly [RegExp, string][] = [
  [/gitleaks:allow/, 'gitleaks:allow'],
  [/pragma:\s*allowlist[ \t]+secret/, 'pragma: allowlist secret'],
  [/secretlint-disable-line/, 'secretlint-disable-line'],
  [/trufflehog:ignore/, 'trufflehog:ignore'],
];
const SECRET_NEXT_LINE_DIRECTIVES: readonly [RegExp, string][] = [[/secretlint-disable-next-line/, 'secretlint-disable-next-line']];

const KEYWORDS = ['genai-guard-ignore', 'gitleaks:allow', 'allowlist', 'secretlint-disable', 'trufflehog:ignore'];

export function collectDirectives(text: string, lines: LineIndex): Map<number, Directive[]> {
  const byLine = new Map<number, Directive[]>();
  if (!KEYWORDS.some((k) => text.includes(k))) return byLine;
  const add = (line: number, d: Directive) => {
    const list = byLine.get(line);
    if (list) list.push(d);
    else byLine.set(line, [d]);
  };
  for (let line = 1; line <= lines.lineCount; line++) {
    const src = lines.lineText(line);
    if (src.includes('genai-guard-ignore')) {
      const m = OURS.exec(src);
      if (m) {
        const ids = new Set((m[2] ?? '').split(',').map((s) => s.trim()));
        const reason = m[3]?.trim();
        add(m[1] ? line + 1 : line, {
          ruleIds: ids,
          suppression: { kind: 'inline', source: m[1] ? 'genai-guard-ignore-next-line' : 'genai-guard-ignore', ...(reason ? { reason } : {}) },
        });
      }
    }
    for (const [re, source] of SECRET_LINE_DIRECTIVES) {
      if (re.test(src)) add(line, { ruleIds: 'all-secrets', suppression: { kind: 'inline', source } });
    }
    for (const [re, source] of SECRET_NEXT_LINE_DIRECTIVES) {
      if (re.test(src)) add(line + 1, { ruleIds: 'all-secrets', suppression: { kind: 'inline', source } });
    }
  }
  return byLine;
}

export function applyDirectives(findings: Finding[], directives: Map<number, Directive[]>): void {
  if (directives.size === 0) return;
  for (const f of findings) {
    if (f.suppressed) continue;
    const list = directives.get(f.range.start.line);
    const hit = list?.find((d) => matches(d, f.ruleId, f.family));
    if (hit) f.suppressed = hit.suppression;
  }
}

function matches(d: Directive, ruleId: string, family: Family): boolean {
  return d.ruleIds === 'all-secrets' ? family === 'secret' : d.ruleIds.has(ruleId);
}
