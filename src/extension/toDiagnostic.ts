import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../engine/finding';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  note: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'genai-guard';

/** The one place engine (1-based, end-exclusive) positions become editor (0-based) positions. */
export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line - 1, r.start.column - 1, r.end.line - 1, r.end.column - 1);
}

/**
 * No `DiagnosticTag`s: VS Code renders `Unnecessary` as faded (unused) code and `Deprecated` as struck through, and no
 * GenAI Guard finding means either.
 */
export function toDiagnostic(f: Finding, docsUri: (ruleId: string) => vscode.Uri, resolveFile: (file: string) => vscode.Uri, informationOnly = false): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(f.range), f.message, informationOnly ? vscode.DiagnosticSeverity.Information : SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: docsUri(f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(resolveFile(r.file), toVsRange(r.range)), r.message));
  }
  return d;
}
