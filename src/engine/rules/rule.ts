import type { Family, Fix, Range, RelatedLocation, Severity } from '../finding';
import type { DocumentKind } from '../documentKind';
import type { LineIndex } from '../text';

/** What a rule sees: one document, already classified. Rules never do I/O. */
export interface RuleContext {
  readonly file: string;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly lines: LineIndex;
  report(report: RuleReport): void;
}

export interface RuleReport {
  /** UTF-16 offsets into the text, end exclusive; or an explicit range. */
  start?: number;
  end?: number;
  range?: Range;
  message: string;
  severity?: Severity;
  resource?: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Content that identifies the finding independent of its line (a masked secret, a statement); feeds the fingerprint. */
  identity?: string;
}

export interface Rule {
  /** Stable forever, e.g. `GG-SEC-001`. */
  id: string;
  family: Family;
  defaultSeverity: Severity;
  /** One line, sentence case, no trailing period. */
  title: string;
  /** Markdown: why it matters, how to fix, references. Shipped in the extension and the SARIF help text. */
  docs: string;
  /** Document kinds the rule runs on; `'*'` means every text file. */
  appliesTo: readonly DocumentKind[] | '*';
  /** Cheap pre-filter: the rule runs only if the text contains one of these (case-sensitive). */
  keywords?: readonly string[];
  check(ctx: RuleContext): void;
}

export const DOCS_BASE_URL = 'https://github.com/genai-guard/genai-guard/blob/main/media/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
