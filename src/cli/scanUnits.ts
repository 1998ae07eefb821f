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
/** A batch of single-file units is scanned when it reaches this many files or characters. */
const BATCH_FILES = 64;
const BATCH_BYTES = 1 << 20;

/** A unit scanned together: one Terraform module folder, or one file. `files` are [absolute, shown] pairs. */
export type Unit = [string, string][];

export interface Skipped {
  binary: number;
  tooLarge: number;
  unreadable: number;
}

/** One read buffer for the thread, grown for big files (up to the size limit): no allocation per file. */
let readBuffer = Buffer.allocUnsafe(256 * 1024);

/**
 * Reads a file for scanning, or says why it is skipped. Synchronous: a batch gains nothing from async reads here.
 * One open and (for most files) one read into the shared buffer; the size is only asked when the buffer fills.
 */
function readForScan(abs: string, skipped: Skipped): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    let got = 0;
    for (;;) {
      if (got === readBuffer.length) {
        const size = fstatSync(fd).size;
        if (size > MAX_FILE_BYTES || readBuffer.length > MAX_FILE_BYTES) {
          skipped.tooLarge++;
          return undefined;
        }
        // Room for the whole file plus one byte (a file still growing is caught by the check above).
        const bigger = Buffer.allocUnsafe(Math.min(MAX_FILE_BYTES + 1, Math.max(size + 1, readBuffer.length * 2)));
        readBuffer.copy(bigger, 0, 0, got);
        readBuffer = bigger;
      }
      const n = readSync(fd, readBuffer, got, readBuffer.length - got, null);
      if (n === 0) break;
      got += n;
    }
    if (got > MAX_FILE_BYTES) {
      skipped.tooLarge++;
      return undefined;
    }
    const content = readBuffer.subarray(0, got);
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
  // Single-file units are scanned in batches (one engine call per batch, not per file); a Terraform module is
  // scanned on its own, so only its own files form its model.
  let batch: DocumentInput[] = [];
  let batchBytes = 0;
  const flush = (inputs: DocumentInput[]) => {
    if (inputs.length) for (const r of scanDocuments(inputs, options)) for (const f of r.findings) findings.push(f);
  };
  for (const unit of units) {
    const module = unit.length > 1 || unit[0]![0].endsWith('.tf');
    const inputs: DocumentInput[] = module ? [] : batch;
    for (const [abs, shown] of unit) {
      const text = readForScan(abs, skipped);
      onFile?.();
      if (text === undefined) continue;
      const kind = detectDocumentKind(shown, text);
      if (kind === 'cdk' && !cdkParsersReady()) await initCdkParsers(() => loadCdkWasm());
      files++;
      // A lone Terraform file (`.hcl`, `.tf.json`) is scanned on its own: in a batch it would join the model of any
      // other batched Terraform file of its folder.
      if (!module && kind === 'terraform') flush([{ file: shown, text, kind }]);
      else inputs.push({ file: shown, text, kind });
      if (!module) batchBytes += text.length;
    }
    if (module) flush(inputs);
    else if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
      flush(batch);
      batch = [];
      batchBytes = 0;
    }
  }
  flush(batch);
  return { findings, files, skipped };
}

