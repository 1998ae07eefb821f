import * as vscode from 'vscode';
import type { Severity } from '../engine/finding';
import type { ScanOptions } from '../engine/scan';
import { RULES } from '../engine/rules';

export type RunMode = 'onType' | 'onSave';

export interface GuardConfig {
  run: RunMode;
  /** Every finding shown as Information (noisy legacy repositories). */
  informationOnly: boolean;
  exclude: string[];
  maxFileBytes: number;
  scan: ScanOptions;
}

const SEVERITIES = new Set(['error', 'warning', 'note', 'off']);

/** Typed view of the `genaiGuard.*` settings for one resource. Every key read here is contributed in package.json. */
export function readConfig(scope?: vscode.ConfigurationScope): GuardConfig {
  const c = vscode.workspace.getConfiguration('genaiGuard', scope);
  const overrides: Record<string, Severity | 'off'> = {};
  for (const [rule, sev] of Object.entries(c.get<Record<string, string>>('rules.severityOverrides') ?? {})) {
    if (SEVERITIES.has(sev)) overrides[rule] = sev as Severity | 'off';
  }
  return {
    run: c.get<RunMode>('run') === 'onSave' ? 'onSave' : 'onType',
    informationOnly: c.get<boolean>('informationOnly') === true,
    exclude: c.get<string[]>('scan.exclude') ?? [],
    maxFileBytes: Math.max(1, c.get<number>('scan.maxFileSizeKb') ?? 5120) * 1024,
    scan: {
      disabledRules: [...(c.get<string[]>('rules.disabled') ?? []), ...RULES.filter((r) => (c.get<string[]>('rules.disabledFamilies') ?? []).includes(r.family)).map((r) => r.id)],
      severityOverrides: overrides,
    },
  };
}
