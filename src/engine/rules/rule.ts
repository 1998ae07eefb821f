import type { Family, Fix, Range, RelatedLocation, Severity } from '../finding';
import type { DocumentKind } from '../documentKind';
import type { LineIndex } from '../text';
import type { IacFormat, IacModel } from '../iac/model';

/** What a rule sees: one document, already classified. Rules never do I/O. */
export interface RuleContext {
  readonly file: string;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly lines: LineIndex;
  /** The rule keywords present in the text (found once per text by the scan); absent when scanned otherwise. */
  readonly keywords?: ReadonlySet<string>;
  report(report: RuleReport): void;
}

export interface RuleReport {
  /** File the finding is in (model rules; text rules always report in their own file). */
  file?: string;
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

interface RuleBase {
  /** Stable forever, e.g. `GG-SEC-001`. */
  id: string;
  family: Family;
  defaultSeverity: Severity;
  /** One line, sentence case, no trailing period. */
  title: string;
  /** Markdown: why it matters, how to fix, references. Shipped in the extension and the SARIF help text. */
  docs: string;
  /**
   * Ids of the incumbents' rules for the same problem (`CKV_AWS_62`, `AVD-AWS-0057`, `aws-iam-no-policy-wildcards`,
   * `F4`): their suppression comments silence this rule too, so teams don't annotate twice.
   */
  equivalents?: readonly string[];
}

/** A rule over one document's text (secrets): runs on every file of the kinds it applies to. */
export interface TextRule extends RuleBase {
  scope?: 'text';
  /** Document kinds the rule runs on; `'*'` means every text file. */
  appliesTo: readonly DocumentKind[] | '*';
  /** Cheap pre-filter: the rule runs only if the text contains one of these (case-sensitive). */
  keywords?: readonly string[];
  check(ctx: RuleContext): void;
}

/** What a model rule sees: one IaC unit (a Terraform module of several files, or one template/policy file). */
export interface ModelContext {
  readonly model: IacModel;
  /** `file` is required: a module spans files. */
  report(report: RuleReport & { file: string }): void;
}

/** A rule over the resolved IaC model (IAM, encryption): runs once per module or template. */
export interface ModelRule extends RuleBase {
  scope: 'model';
  formats: readonly IacFormat[];
  check(ctx: ModelContext): void;
}

export type Rule = TextRule | ModelRule;

export const DOCS_BASE_URL = 'https://github.com/genai-guard/genai-guard/blob/main/media/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
