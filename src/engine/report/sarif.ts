import type { Finding, Severity } from '../finding';
import { RULES, docsUrl } from '../rules';
import { INFORMATION_URI, TOOL_NAME, VERSION } from '../version';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };

function firstParagraph(markdown: string, heading: string): string {
  const i = markdown.indexOf(`## ${heading}`);
  if (i === -1) return '';
  const rest = markdown.slice(i + heading.length + 3).trimStart();
  const end = rest.search(/\n\s*\n|\n## /);
  return (end === -1 ? rest : rest.slice(0, end)).replace(/\s+/g, ' ').trim();
}

/** SARIF 2.1.0 with one run; `partialFingerprints` are content-based so they survive line shifts. */
export function renderSarif(findings: readonly Finding[]): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            informationUri: INFORMATION_URI,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : '')),
              shortDescription: { text: r.title },
              fullDescription: { text: firstParagraph(r.docs, 'Why it matters') || r.title },
              help: { text: firstParagraph(r.docs, 'How to fix') || r.title, markdown: r.docs },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { family: r.family, tags: ['security', r.family] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory genai-guard was run in.' } } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column },
              },
              ...(f.resource ? { logicalLocations: [{ name: f.resource }] } : {}),
            },
          ],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri: encodeURI(r.file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
                    region: { startLine: r.range.start.line, startColumn: r.range.start.column, endLine: r.range.end.line, endColumn: r.range.end.column },
                  },
                })),
              }
            : {}),
          partialFingerprints: { 'genaiGuard/v1': f.fingerprint },
          ...(f.suppressed
            ? {
                suppressions: [
                  {
                    kind: f.suppressed.kind === 'inline' || f.suppressed.kind === 'metadata' ? 'inSource' : 'external',
                    ...(f.suppressed.reason ? { justification: f.suppressed.reason } : {}),
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
