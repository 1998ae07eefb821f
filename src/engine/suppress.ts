import type { Family, Finding, Suppression } from './finding';
import type { IacModel, IacResource } from './iac/model';
import { get, items, str } from './iac/node';
import { getRule } from './rules';
import type { LineIndex } from './text';

/**
 * Inline suppressions, in any comment syntax:
 *   `genai-guard-ignore GG-SEC-001[, GG-IAM-003]: reason`            — the line it is on
 *   `genai-guard-ignore-next-line GG-SEC-001: reason`                 — the next line
 * A rule id is required (a bare directive never silences everything). Incumbent secret scanners' line directives are
 * honoured for the secret family so teams don't annotate twice.
 */
interface Directive {
  ruleIds: Set<string> | 'all-secrets' | 'all';
  suppression: Suppression;
}

const OURS = /genai-guard-ignore(-next-line)?[ \t]+([A-Z]{2,}-[A-Z]{2,}-\d{3}(?:[ \t]*,[ \t]*[A-Z]{2,}-[A-Z]{2,}-\d{3})*)(?:[ \t]*:[ \t]*([^\r\n]*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/;
/** `genai-guard-ignore-file GG-SEC-001[, …]: reason` anywhere in a file silences those rules in the whole file. */
const FILE_DIRECTIVE = /genai-guard-ignore-file[ \t]+([A-Z]{2,}-[A-Z]{2,}-\d{3}(?:[ \t]*,[ \t]*[A-Z]{2,}-[A-Z]{2,}-\d{3})*)(?:[ \t]*:[ \t]*([^\r\n]*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/;
/** Key of the directives that apply to every line (file-wide). */
const WHOLE_FILE = 0;
/** Secret-scanner directives that apply to the line they are on. */
const SECRET_LINE_DIRECTIVES: readonly [RegExp, string][] = [
  [/gitleaks:allow/, 'gitleaks:allow'],
  [/pragma:\s*allowlist[ \t]+secret/, 'pragma: allowlist secret'],
  [/secretlint-disable-line/, 'secretlint-disable-line'],
  [/trufflehog:ignore/, 'trufflehog:ignore'],
];
const SECRET_NEXT_LINE_DIRECTIVES: readonly [RegExp, string][] = [[/secretlint-disable-next-line/, 'secretlint-disable-next-line']];

/** Words every inline directive contains: a text without any of them has no directives. */
export const DIRECTIVE_KEYWORDS: readonly string[] = ['genai-guard-ignore', 'gitleaks:allow', 'allowlist', 'secretlint-disable', 'trufflehog:ignore', 'kics-scan', 'checkov:skip', 'tfsec:ignore', 'trivy:ignore'];
/** Words of the Terraform block-level skip comments (`genai-guard-ignore-block` contains `genai-guard-ignore`). */
const BLOCK_KEYWORDS = ['checkov:skip', 'tfsec:ignore', 'trivy:ignore', 'genai-guard-ignore'];
const BLOCK_DIRECTIVE = /checkov:skip|tfsec:ignore|trivy:ignore|genai-guard-ignore-block/;
/** KICS: `# kics-scan ignore-line` silences the line it is on and the next one. */
const KICS_IGNORE_LINE = /kics-scan\s+ignore-line/;

/** `present`: the keywords the caller already found in the text (the scanner searches once for rules and directives). */
export function collectDirectives(text: string, lines: LineIndex, present?: ReadonlySet<string>): Map<number, Directive[]> {
  const byLine = new Map<number, Directive[]>();
  if (!DIRECTIVE_KEYWORDS.some(present ? (k) => present.has(k) : (k) => text.includes(k))) return byLine;
  const add = (line: number, d: Directive) => {
    const list = byLine.get(line);
    if (list) list.push(d);
    else byLine.set(line, [d]);
  };
  for (let line = 1; line <= lines.lineCount; line++) {
    const src = lines.lineText(line);
    if (src.includes('genai-guard-ignore-file')) {
      const m = FILE_DIRECTIVE.exec(src);
      const reason = m?.[2]?.trim();
      if (m) add(WHOLE_FILE, { ruleIds: new Set((m[1] ?? '').split(',').map((s) => s.trim())), suppression: { kind: 'inline', source: 'genai-guard-ignore-file', ...(reason ? { reason } : {}) } });
    }
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
    if (KICS_IGNORE_LINE.test(src)) {
      const d: Directive = { ruleIds: 'all', suppression: { kind: 'inline', source: 'kics-scan ignore-line' } };
      add(line, d);
      add(line + 1, d);
    }
  }
  return byLine;
}

export function applyDirectives(findings: Finding[], directives: Map<number, Directive[]>): void {
  if (directives.size === 0) return;
  for (const f of findings) {
    if (f.suppressed) continue;
    const list = directives.get(f.range.start.line);
    const hit = list?.find((d) => matches(d, f.ruleId, f.family)) ?? directives.get(WHOLE_FILE)?.find((d) => matches(d, f.ruleId, f.family));
    if (hit) f.suppressed = hit.suppression;
  }
}

function matches(d: Directive, ruleId: string, family: Family): boolean {
  if (d.ruleIds === 'all') return true;
  return d.ruleIds === 'all-secrets' ? family === 'secret' : d.ruleIds.has(ruleId);
}

/** True when `id` names this rule: our id, or one of the incumbents' equivalent ids. */
function namesRule(id: string, ruleId: string): boolean {
  if (id === ruleId) return true;
  return getRule(ruleId)?.equivalents?.some((e) => e.toLowerCase() === id.toLowerCase()) ?? false;
}

/** Incumbents' comments inside a Terraform block (or just above it) that skip a rule for the whole block. */
const TF_BLOCK_DIRECTIVES: readonly [RegExp, string][] = [
  [/checkov:skip=([A-Za-z0-9_-]+)(?::([^\r\n]*))?/g, 'checkov:skip'],
  [/(?:tfsec|trivy):ignore:([A-Za-z0-9_-]+)/g, 'trivy:ignore'],
  [/genai-guard-ignore-block[ \t]+([A-Z]{2,}-[A-Z]{2,}-\d{3})(?:[ \t]*:[ \t]*([^\r\n]*))?/g, 'genai-guard-ignore-block'],
];

/**
 * Resource-level suppressions: CloudFormation `Metadata` (`genai-guard: ignore: [{id, reason}]`, checkov's
 * `checkov: skip: [{id, comment}]`, cfn_nag's `rules_to_suppress: [{id, reason}]`) and, in Terraform, incumbents'
 * skip comments written inside a resource block or on the line above it.
 */
/** `present`: keywords the caller found in each file's text (the scanner's one pass), to skip files without directives. */
export function applyMetadataSuppressions(findings: Finding[], model: IacModel, present?: (file: string) => ReadonlySet<string> | undefined): void {
  // Only resources that an active finding names can be suppressed: skip the rest of the module at once.
  const named = new Set<IacResource>();
  for (const f of findings) {
    if (f.suppressed || !f.resource) continue;
    // The module's address index, and a search only when two files of a module repeat an address.
    const indexed = model.byAddress(f.resource);
    const r = indexed?.file === f.file ? indexed : model.resources.find((x) => x.file === f.file && x.address === f.resource);
    if (r) named.add(r);
  }
  if (named.size === 0) return;
  const hasBlockDirectives = new Map<string, boolean>();
  for (const r of named) {
    const rules: { id: string; reason?: string; source: string; kind: 'metadata' | 'inline' }[] = [];
    if (r.metadata) {
      const lists: [string, string, string][] = [
        ['genai-guard', 'ignore', 'genai-guard'],
        ['checkov', 'skip', 'checkov'],
        ['cfn_nag', 'rules_to_suppress', 'cfn_nag'],
      ];
      for (const [tool, key, source] of lists) {
        for (const it of items(get(get(r.metadata, tool), key))) {
          const id = str(get(it, 'id'));
          const reason = str(get(it, 'reason')) ?? str(get(it, 'comment'));
          if (id) rules.push({ id, source, kind: 'metadata', ...(reason ? { reason } : {}) });
        }
      }
    } else if (r.format === 'terraform') {
      const text = model.files.find((f) => f.file === r.file)?.text ?? '';
      let any = hasBlockDirectives.get(r.file);
      if (any === undefined) {
        const known = present?.(r.file);
        any = (!known || BLOCK_KEYWORDS.some((k) => known.has(k))) && BLOCK_DIRECTIVE.test(text);
        hasBlockDirectives.set(r.file, any);
      }
      if (!any) continue;
      const lineBefore = text.lastIndexOf('\n', Math.max(0, r.start - 2));
      const block = text.slice(lineBefore + 1, r.end);
      if (BLOCK_DIRECTIVE.test(block)) {
        for (const [re, source] of TF_BLOCK_DIRECTIVES) {
          for (const m of block.matchAll(re)) {
            const reason = m[2]?.trim();
            rules.push({ id: m[1] ?? '', source, kind: 'inline', ...(reason ? { reason } : {}) });
          }
        }
      }
    }
    if (rules.length === 0) continue;
    for (const f of findings) {
      if (f.suppressed || f.file !== r.file) continue;
      if (f.resource !== r.address) continue;
      const hit = rules.find((x) => namesRule(x.id, f.ruleId));
      if (hit) f.suppressed = { kind: hit.kind, source: hit.source, ...(hit.reason ? { reason: hit.reason } : {}) };
    }
  }
}
