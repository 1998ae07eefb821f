/** The prompt sandbox's settings and redaction policy, read from VS Code settings and `.genai-guard.yml`. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, parseConfig } from '../../engine/config';
import { mergeRedactOptions, parseRedactionPolicy } from '../../engine/prompt';
import type { RedactOptions } from '../../engine/redact';
import type { SandboxSettings } from './controller';

export const SANDBOX_SETTING_KEYS = ['sandbox.region', 'sandbox.profile', 'sandbox.auditLog', 'redaction.policy', 'redaction.denyList', 'redaction.allowList'] as const;

function workspaceFolder(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

export function readSandboxSettings(): SandboxSettings {
  const c = vscode.workspace.getConfiguration('genaiGuard');
  const audit = (c.get<string>('sandbox.auditLog') ?? '').trim();
  const folder = workspaceFolder();
  let auditLog = '';
  if (audit) {
    const expanded = audit.replace(/^~(?=$|[\\/])/, process.env['HOME'] ?? '~');
    auditLog = path.isAbsolute(expanded) ? expanded : folder ? path.join(folder.uri.fsPath, expanded) : '';
  }
  return { region: (c.get<string>('sandbox.region') ?? '').trim(), profile: (c.get<string>('sandbox.profile') ?? '').trim(), auditLog };
}

/**
 * Settings policy over the workspace's `.genai-guard.yml` `redaction:` section (only in a trusted workspace). Throws
 * a readable error when either is invalid: the sandbox then sends nothing.
 */
export async function loadSandboxPolicy(): Promise<RedactOptions> {
  const c = vscode.workspace.getConfiguration('genaiGuard');
  const fromSettings = parseRedactionPolicy(
    {
      policy: c.get<Record<string, unknown>>('redaction.policy') ?? {},
      denyList: c.get<unknown>('redaction.denyList') ?? [],
      allowList: c.get<unknown>('redaction.allowList') ?? [],
    },
    'settings (genaiGuard.redaction.*)',
  );
  const folder = workspaceFolder();
  let fromFile: RedactOptions = {};
  if (folder && vscode.workspace.isTrusted) {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue;
      }
      fromFile = parseRedactionPolicy(parseConfig(text, name).extra['redaction'], `${name} (redaction)`);
      break;
    }
  }
  return mergeRedactOptions(fromFile, fromSettings);
}
