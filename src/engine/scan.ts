import { compareFindings, type Finding, type Severity } from './finding';
import { detectDocumentKind, type DocumentKind } from './documentKind';
import { buildModel, type IacModel, type IacSource } from './iac/model';
import { RULES, type Rule, type RuleReport } from './rules';
import type { ModelContext, ModelRule, TextRule } from './rules/rule';
import { applyDirectives, applyMetadataSuppressions, collectDirectives, DIRECTIVE_KEYWORDS } from './suppress';
import { KeywordIndex } from './keywords';
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

const IAC_KINDS = new Set<DocumentKind>(['terraform', 'cloudformation', 'serverless', 'iam-policy', 'cdk']);

function enabled(rule: Rule, options: ScanOptions): boolean {
  if (options.disabledRules?.includes(rule.id)) return false;
  if (options.severityOverrides?.[rule.id] === 'off') return false;
  return !options.onlyRules || options.onlyRules.includes(rule.id);
}

const TEXT_RULES = RULES.filter((r): r is TextRule => r.scope !== 'model');
const WOKEN = new Uint8Array(TEXT_RULES.length);

/** Keyword → the text rules it wakes up (by index in TEXT_RULES); built on first use. */
interface TextRuleIndex {
  keywords: KeywordIndex;
  byKeyword: Map<string, number[]>;
  /** Per document kind and options: the candidate rules in TEXT_RULES order; `always` marks rules without keywords. */
  perKind: WeakMap<ScanOptions, Map<DocumentKind, { rules: TextRule[]; indexes: number[]; always: boolean[] }>>;
}
let textIndex: TextRuleIndex | undefined;
const NO_OPTIONS: ScanOptions = {};

function textRuleIndex(): TextRuleIndex {
  if (!textIndex) {
    const byKeyword = new Map<string, number[]>();
    TEXT_RULES.forEach((r, i) => {
      for (const k of r.keywords ?? []) {
        const list = byKeyword.get(k);
        if (list) list.push(i);
        else byKeyword.set(k, [i]);
      }
    });
    // Directive words are searched in the same pass (they wake no rule).
    for (const k of DIRECTIVE_KEYWORDS) if (!byKeyword.has(k)) byKeyword.set(k, []);
    textIndex = { keywords: new KeywordIndex(byKeyword.keys()), byKeyword, perKind: new WeakMap() };
  }
  return textIndex;
}

/** The text rules worth running on a text, and the keywords found in it (rules reuse them instead of searching again). */
function textRulesFor(kind: DocumentKind, text: string, options: ScanOptions): { rules: TextRule[]; found: Set<string> } {
  const index = textRuleIndex();
  let kinds = index.perKind.get(options);
  if (!kinds) {
    kinds = new Map();
    index.perKind.set(options, kinds);
  }
  let candidates = kinds.get(kind);
  if (!candidates) {
    const rules: TextRule[] = [];
    const indexes: number[] = [];
    const always: boolean[] = [];
    TEXT_RULES.forEach((r, i) => {
      if (!enabled(r, options) || (r.appliesTo !== '*' && !r.appliesTo.includes(kind))) return;
      rules.push(r);
      indexes.push(i);
      always.push(!r.keywords);
    });
    candidates = { rules, indexes, always };
    kinds.set(kind, candidates);
  }
  const found = index.keywords.find(text);
  // One flag array for every call (cleared before returning): rules woken by a keyword found.
  const woken = WOKEN;
  for (const k of found) for (const i of index.byKeyword.get(k)!) woken[i] = 1;
  const rules: TextRule[] = [];
  for (let j = 0; j < candidates.rules.length; j++) if (candidates.always[j] || woken[candidates.indexes[j]!] === 1) rules.push(candidates.rules[j]!);
  woken.fill(0);
  return { rules, found };
}

const MODEL_RULES = RULES.filter((r): r is ModelRule => r.scope === 'model');
const modelRulesByOptions = new WeakMap<ScanOptions, ModelRule[]>();

/** The enabled model rules, worked out once per options object. */
function modelRulesFor(options: ScanOptions): ModelRule[] {
  let rules = modelRulesByOptions.get(options);
  if (!rules) {
    rules = MODEL_RULES.filter((r) => enabled(r, options));
    modelRulesByOptions.set(options, rules);
  }
  return rules;
}

const byFormat = new WeakMap<readonly ModelRule[], Map<string, ModelRule[]>>();

/** The rules of a list that apply to a model format, worked out once per list and format. */
function modelRulesOf(rules: readonly ModelRule[], format: string): ModelRule[] {
  let formats = byFormat.get(rules);
  if (!formats) {
    formats = new Map();
    byFormat.set(rules, formats);
  }
  let list = formats.get(format);
  if (!list) {
    list = rules.filter((r) => (r.formats as readonly string[]).includes(format));
    formats.set(format, list);
  }
  return list;
}

function folderOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i === -1 ? '' : file.slice(0, i);
}

/** A per-file collector that turns rule reports into findings (ranges, severity, fingerprint). */
class FindingSink {
  private readonly lines = new Map<string, LineIndex>();
  readonly byFile = new Map<string, Finding[]>();

  constructor(
    private readonly texts: Map<string, string>,
    private readonly options: ScanOptions,
  ) {}

  lineIndex(file: string): LineIndex {
    let idx = this.lines.get(file);
    if (!idx) {
      idx = new LineIndex(this.texts.get(file) ?? '');
      this.lines.set(file, idx);
    }
    return idx;
  }

  add(rule: Rule, file: string, r: RuleReport): void {
    const lines = this.lineIndex(file);
    const range = r.range ?? lines.range(r.start ?? 0, r.end ?? r.start ?? 0);
    const override = this.options.severityOverrides?.[rule.id];
    const severity = override && override !== 'off' ? override : (r.severity ?? rule.defaultSeverity);
    const finding: Finding = {
      ruleId: rule.id,
      family: rule.family,
      severity,
      message: r.message,
      file,
      range,
      ...(r.resource ? { resource: r.resource } : {}),
      ...(r.related ? { related: r.related } : {}),
      ...(r.fixes ? { fixes: r.fixes } : {}),
      fingerprint: fingerprintOf(rule.id, file, r.resource ?? '', r.identity ?? r.message),
    };
    const list = this.byFile.get(file);
    if (list) list.push(finding);
    else this.byFile.set(file, [finding]);
  }
}

/**
 * Builds a unit's model; if the input defeats the parser (say, nesting deep enough to exhaust the stack), the text
 * rules' findings are kept and the file gets a "could not evaluate" note instead of an exception that loses them.
 */
function safeBuildModel(sources: IacSource[], sink: FindingSink): IacModel | undefined {
  try {
    return buildModel(sources);
  } catch (e) {
    const note = RULES.find((r) => r.id === 'GG-IAM-000');
    if (note) {
      for (const s of sources) {
        sink.add(note, s.file, { start: 0, end: 0, message: `Could not evaluate ${s.file}: ${(e as Error).message}. The IAM and encryption rules did not check it.`, identity: 'unparsable' });
      }
    }
    return undefined;
  }
}

/**
 * Scans a set of documents together: text rules run on each file; model rules run once per IaC unit (all `.tf`
 * files of a folder form one Terraform module, so a bucket and its encryption resource in another file are linked).
 * Pure: no I/O, the same result in the editor and the CLI.
 */
export function scanDocuments(inputs: readonly DocumentInput[], options: ScanOptions = NO_OPTIONS): DocumentScan[] {
  const kinds = new Map<string, DocumentKind>();
  const texts = new Map<string, string>();
  for (const i of inputs) {
    kinds.set(i.file, i.kind ?? detectDocumentKind(i.file, i.text));
    texts.set(i.file, i.text);
  }
  const sink = new FindingSink(texts, options);

  const keywordsOf = new Map<string, Set<string>>();
  for (const input of inputs) {
    const kind = kinds.get(input.file)!;
    const { rules, found } = textRulesFor(kind, input.text, options);
    keywordsOf.set(input.file, found);
    for (const rule of rules) {
      rule.check({ file: input.file, text: input.text, kind, lines: sink.lineIndex(input.file), keywords: found, report: (r) => sink.add(rule, input.file, r) });
    }
  }

  const modelRules = modelRulesFor(options);
  const models: IacModel[] = [];
  if (modelRules.length) {
    const terraformByFolder = new Map<string, IacSource[]>();
    for (const input of inputs) {
      const kind = kinds.get(input.file)!;
      if (!IAC_KINDS.has(kind)) continue;
      const src: IacSource = { file: input.file, text: input.text, kind };
      if (kind === 'terraform') {
        const folder = folderOf(input.file);
        const list = terraformByFolder.get(folder);
        if (list) list.push(src);
        else terraformByFolder.set(folder, [src]);
      } else {
        const m = safeBuildModel([src], sink);
        if (m) models.push(m);
      }
    }
    for (const group of terraformByFolder.values()) {
      const m = safeBuildModel(group, sink);
      if (m) models.push(m);
    }
    for (const model of models) {
      // One context per model: `current` says which rule is reporting.
      let current: ModelRule;
      const ctx: ModelContext = { model, report: (r) => sink.add(current, r.file, r) };
      for (const rule of modelRulesOf(modelRules, model.format)) {
        current = rule;
        rule.check(ctx);
      }
    }
  }

  return inputs.map((input) => {
    const findings = sink.byFile.get(input.file) ?? [];
    // Most files have no findings: then there is nothing to suppress, and no need to index lines or read directives.
    if (findings.length > 0) {
      applyDirectives(findings, collectDirectives(input.text, sink.lineIndex(input.file), keywordsOf.get(input.file)));
      for (const m of models) if (m.files.some((f) => f.file === input.file)) applyMetadataSuppressions(findings, m, (file) => keywordsOf.get(file));
      findings.sort(compareFindings);
    }
    return { file: input.file, kind: kinds.get(input.file)!, findings };
  });
}

/**
 * Scans one document. `related` are the other files of its unit (the sibling `.tf` files of a Terraform module),
 * read for context; only findings in `input.file` are returned.
 */
export function scanDocument(input: DocumentInput, options: ScanOptions = {}, related: readonly DocumentInput[] = []): DocumentScan {
  const others = related.filter((r) => r.file !== input.file);
  const results = scanDocuments([input, ...others], options);
  return results[0]!;
}
