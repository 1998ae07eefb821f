/**
 * Scanning a list of units (a Terraform module folder, or one file) in the current thread. Shared by the CLI's main
 * thread and its worker threads; kept apart from the rest of the CLI so workers load only the scan engine.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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
  let fd: number | undefined;
  try {
    // One open, one fstat, one read: the size check needs no separate stat of the path.
    fd = openSync(abs, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      skipped.tooLarge++;
      return undefined;
    }
    const bytes = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, bytes, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    const content = got === size ? bytes : bytes.subarray(0, got);
    if (looksBinary(content)) {
      skipped.binary++;
      return undefined;
    }
    return content.toString('utf8');
  } catch {
    skipped.unreadable++;
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
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

