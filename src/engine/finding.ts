/**
 * The one finding type that flows from rules to every output (diagnostics, CLI text/JSON/SARIF, tree, cards).
 * Positions are 1-based; the end is exclusive. Conversion to editor positions happens in exactly one adapter.
 */
export type Severity = 'error' | 'warning' | 'note';
export type Family = 'secret' | 'iam' | 'encryption';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (what editors and SARIF count). */
  column: number;
}

export interface Range {
  start: Position;
  /** Exclusive. */
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export type SuppressionKind = 'inline' | 'metadata' | 'baseline' | 'config';

export interface Suppression {
  kind: SuppressionKind;
  /** The directive that matched, e.g. `genai-guard-ignore` or `gitleaks:allow`. */
  source: string;
  reason?: string;
}

export interface Finding {
  ruleId: string;
  family: Family;
  severity: Severity;
  /** English, already masked: never contains a secret in full. */
  message: string;
  /** Path as the caller named the file (workspace-relative POSIX in the editor). */
  file: string;
  range: Range;
  /** Logical subject, e.g. `aws_s3_bucket.logs`, `MyBucket`, `Statement[2]`. */
  resource?: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Stable across line shifts: hash of rule, file, resource and the normalised matched content. */
  fingerprint: string;
  suppressed?: Suppression;
}

const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** The order `localeCompare` gives, with the collator made once (not per comparison). */
const collator = new Intl.Collator();

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file === b.file ? 0 : collator.compare(a.file, b.file)) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    (a.ruleId === b.ruleId ? 0 : collator.compare(a.ruleId, b.ruleId))
  );
}
