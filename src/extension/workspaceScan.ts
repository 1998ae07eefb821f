import * as vscode from 'vscode';
import { readConfig } from './config';
import { DEFAULT_EXCLUDE_GLOB as DEFAULT_EXCLUDE, type DiagnosticsController } from './diagnostics';

export interface WorkspaceScanResult {
  files: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
}

/** Scans every file of the workspace with the engine, in a cancellable progress notification. */
export async function scanWorkspace(controller: DiagnosticsController, log: vscode.LogOutputChannel): Promise<WorkspaceScanResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'GenAI Guard: scanning workspace', cancellable: true },
    async (progress, token) => {
      const result: WorkspaceScanResult = { files: 0, findings: 0, skipped: 0, cancelled: false };
      const uris = await vscode.workspace.findFiles('**/*', DEFAULT_EXCLUDE, undefined, token);
      const openDocs = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      const step = uris.length ? 100 / uris.length : 100;
      await controller.loadFileConfigs();
      controller.watchWorkspace();
      for (const uri of uris) {
        if (token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: step });
        const open = openDocs.get(uri.toString());
        if (open) {
          if (controller.isExcluded(uri, readConfig(uri))) {
            result.skipped++;
            continue;
          }
          result.files++;
          result.findings += (await controller.scanOpenDocument(open)).filter((f) => !f.suppressed).length;
          continue;
        }
        const config = readConfig(uri);
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(uri);
        } catch (e) {
          log.warn(`workspace scan: cannot read ${uri.fsPath}: ${(e as Error).message}`);
          result.skipped++;
          continue;
        }
        const findings = await controller.scanBytes(uri, bytes, config);
        if (!findings) {
          result.skipped++;
          continue;
        }
        result.files++;
        result.findings += findings.filter((f) => !f.suppressed).length;
        controller.publishFromWorkspaceScan(uri, findings);
      }
      log.info(`workspace scan: ${result.files} files, ${result.findings} findings, ${result.skipped} skipped${result.cancelled ? ' (cancelled)' : ''}`);
      return result;
    },
  );
}
