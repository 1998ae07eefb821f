import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';

/** Counts GenAI Guard diagnostics across the workspace by severity. */
export function countDiagnostics(): { errors: number; warnings: number; infos: number; files: number } {
  const out = { errors: 0, warnings: 0, infos: 0, files: 0 };
  for (const [, diags] of vscode.languages.getDiagnostics()) {
    const ours = diags.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length) out.files++;
    for (const d of ours) {
      if (d.severity === vscode.DiagnosticSeverity.Error) out.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) out.warnings++;
      else out.infos++;
    }
  }
  return out;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * A language status item (the `{}` next to the language mode): problem counts, when the last scan ran, restricted
 * mode in untrusted workspaces, and an invalid `.genai-guard.yml`. Clicking it opens the Problems panel with its
 * filter box focused.
 */
export class GuardStatus implements vscode.Disposable {
  readonly item = vscode.languages.createLanguageStatusItem('genaiGuard.status', [{ scheme: 'file' }, { scheme: 'untitled' }]);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly controller: DiagnosticsController,
    commandId: string,
  ) {
    this.item.name = 'GenAI Guard';
    this.item.command = { command: commandId, title: 'Show problems' };
    this.disposables.push(
      controller.onDidChangeFindings(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
    );
    this.update();
  }

  /** Coalesces bursts (a workspace scan publishes file by file). */
  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 100);
  }

  update(): void {
    const c = countDiagnostics();
    const total = c.errors + c.warnings + c.infos;
    this.item.text = total ? `$(shield) ${plural(total, 'security issue')}` : '$(shield) No security issues';
    const parts = [`${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'note')} in ${plural(c.files, 'file')}`];
    const last = this.controller.lastScan;
    if (last) parts.push(`last scan ${last.at.toLocaleTimeString()} (${last.ms.toFixed(0)} ms)`);
    const configError = this.controller.configError();
    if (!vscode.workspace.isTrusted) {
      parts.push('Restricted Mode: read-only — scanning works; quick fixes, suppressions and .genai-guard.yml are off until you trust this folder');
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
    } else if (configError) {
      parts.push(`.genai-guard.yml ignored: ${configError}`);
      this.item.severity = vscode.LanguageStatusSeverity.Error;
    } else {
      this.item.severity = c.errors ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    }
    this.item.detail = parts.join(' · ');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Opens the Problems panel with its filter box focused. VS Code 1.100 has no command that sets the filter text, so the
 * user types `genai-guard` (our diagnostics' source) there; we never touch the clipboard to fake it.
 */
export async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.problems.focus');
  await Promise.resolve(vscode.commands.executeCommand('problems.action.focusFilter')).catch(() => undefined);
}
