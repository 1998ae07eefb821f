import { compareFindings, type Finding, type Severity } from './finding';
import { detectDocumentKind, type DocumentKind } from './documentKind';
import { RULES, type Rule, type RuleReport } from './rules';
import { applyDirectives, collectDirectives } from './suppress';
import { fingerprintOf, LineIndex } from './text';

export interface ScanOptions {
  /** Rule ids that do not run at all. */
  disabledRules?: readonly string[];
  /** Per-rule severity overrides; `off` disables the rule. */
  severityOverrides?: Readonly<Record<string, Severity | 'off'>>;
  /** Restrict to these rules (tests, "fix all of RULE"). */
  onlyRules?: readonly string[];
}

export interface DocumentInput {
  /** Path as it should appear in findings. */
  file: string;
  text: string;
  /** Override detection (e.g. from the editor's language id). */
  kind?: DocumentKind;
}

export interface DocumentScan {
  file: string;
  kind: DocumentKind;
  findings: Finding[];
}

function rulesFor(kind: DocumentKind, text: string, options: ScanOptions): Rule[] {
  const disabled = new Set(options.disabledRules ?? []);
  const only = options.onlyRules ? new Set(options.onlyRules) : undefined;
  return RULES.filter(
    (r) =>
      !disabled.has(r.id) &&
      options.severityOverrides?.[r.id] !== 'off' &&
      (!only || only.has(r.id)) &&
      (r.appliesTo === '*' || r.appliesTo.includes(kind)) &&
      (!r.keywords || r.keywords.some((k) => text.includes(k))),
  );
}

/** Scans one document with every applicable rule. Pure: no I/O, same result in the editor and the CLI. */
export function scanDocument(input: DocumentInput, options: ScanOptions = {}): DocumentScan {
  const kind = input.kind ?? detectDocumentKind(input.file, input.text);
  const rules = rulesFor(kind, input.text, options);
  if (rules.length === 0) return { file: input.file, kind, findings: [] };
  const lines = new LineIndex(input.text);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const override = options.severityOverrides?.[rule.id];
    const report = (r: RuleReport) => {
      const range = r.range ?? lines.range(r.start ?? 0, r.end ?? r.start ?? 0);
      const severity = override && override !== 'off' ? override : (r.severity ?? rule.defaultSeverity);
      findings.push({
        ruleId: rule.id,
        family: rule.family,
        severity,
        message: r.message,
        file: input.file,
        range,
        ...(r.resource ? { resource: r.resource } : {}),
        ...(r.related ? { related: r.related } : {}),
        ...(r.fixes ? { fixes: r.fixes } : {}),
        fingerprint: fingerprintOf(rule.id, input.file, r.resource ?? '', r.identity ?? r.message),
      });
    };
    rule.check({ file: input.file, text: input.text, kind, lines, report });
  }
  applyDirectives(findings, collectDirectives(input.text, lines));
  findings.sort(compareFindings);
  return { file: input.file, kind, findings };
}
