/**
 * Scanning a list of units (a Terraform module folder, or one file) in the current thread. Shared by the CLI's main
 * thread and its worker threads; kept apart from the rest of the CLI so workers load only the scan engine.
 */
import { readFileSync, statSync } from 'node:fs';
import { detectDocumentKind } from '../engine/documentKind';
import type { Finding } from '../engine/finding';
import { cdkParsersReady, initCdkParsers } from '../engine/iac/cdk';
import { scanDocuments, type DocumentInput, type ScanOptions } from '../engine/scan';
import { looksBinary } from '../engine/text';
import { loadCdkWasm } from './cdkWasm';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A unit scanned together: one Terraform module folder, or one file. `files` are [absolute, shown] pairs. */
export type Unit = [string, string][];

export interface Skipped {
  binary: number;
  tooLarge: number;
  unreadable: number;
}

/** Reads a file for scanning, or says why it is skipped. Synchronous: a batch gains nothing from async reads here. */
function readForScan(abs: string, skipped: Skipped): string | undefined {
  try {
    if (statSync(abs).size > MAX_FILE_BYTES) {
      skipped.tooLarge++;
      return undefined;
    }
    const bytes = readFileSync(abs);
    if (looksBinary(bytes)) {
      skipped.binary++;
      return undefined;
    }
    return bytes.toString('utf8');
  } catch {
    skipped.unreadable++;
    return undefined;
  }
}

/** Scans units in this thread. tree-sitter (for CDK apps) is loaded the first time a CDK file turns up. */
export async function scanUnits(units: Unit[], options: ScanOptions, onFile?: () => void): Promise<{ findings: Finding[]; files: number; skipped: Skipped }> {
  const skipped: Skipped = { binary: 0, tooLarge: 0, unreadable: 0 };
  const findings: Finding[] = [];
  let files = 0;
  for (const unit of units) {
    const inputs: DocumentInput[] = [];
    for (const [abs, shown] of unit) {
      const text = readForScan(abs, skipped);
      onFile?.();
      if (text === undefined) continue;
      if (!cdkParsersReady() && detectDocumentKind(shown, text) === 'cdk') await initCdkParsers(() => loadCdkWasm());
      inputs.push({ file: shown, text });
      files++;
    }
    if (inputs.length) for (const r of scanDocuments(inputs, options)) findings.push(...r.findings);
  }
  return { findings, files, skipped };
}

