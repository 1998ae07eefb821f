import * as vscode from 'vscode';
import { getRule } from '../engine/rules';
import type { DiagnosticsController } from './diagnostics';
import { toVsRange } from './toDiagnostic';

/** The `## Why it matters` / `## How to fix` sections of a rule's documentation. */
export function docSection(docs: string, heading: string): string | undefined {
  const m = new RegExp(`^## ${heading}\\s*\\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(docs);
  return m?.[1]?.trim();
}

/**
 * Hover on a finding: the (already masked) message, why it matters and how to fix it. The hover never shows the
 * flagged text itself, so a secret under the cursor is not repeated in full.
 */
export class GuardHover implements vscode.HoverProvider {
  constructor(
    private readonly controller: DiagnosticsController,
    private readonly docsCommand: string,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hits = this.controller.getFindings(doc.uri).filter((f) => !f.suppressed && toVsRange(f.range).contains(position));
    if (!hits.length) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [this.docsCommand] };
    for (const f of hits) {
      const rule = getRule(f.ruleId);
      md.appendMarkdown(`**GenAI Guard ${f.ruleId}** — ${rule?.title ?? ''}\n\n`);
      md.appendText(f.message);
      md.appendMarkdown('\n\n');
      const why = rule && docSection(rule.docs, 'Why it matters');
      const how = rule && docSection(rule.docs, 'How to fix');
      if (why) md.appendMarkdown(`**Why it matters.** ${why}\n\n`);
      if (how) md.appendMarkdown(`**How to fix.** ${how}\n\n`);
      md.appendMarkdown(`[Rule documentation](command:${this.docsCommand}?${encodeURIComponent(JSON.stringify([f.ruleId]))})\n\n---\n\n`);
    }
    return new vscode.Hover(md, toVsRange(hits[0]!.range));
  }
}
