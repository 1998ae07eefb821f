import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { compareFindings, severityAtLeast, type Finding, type Severity } from '../engine/finding';
import { scanDocument } from '../engine/scan';
import { looksBinary } from '../engine/text';
import { renderJson, type ScanStats } from '../engine/report/json';
import { renderSarif } from '../engine/report/sarif';
import { renderText } from '../engine/report/text';
import { walkFiles } from './walk';
import { UsageError, type Io } from './io';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;
type Format = (typeof FORMATS)[number];
type FailOn = (typeof FAIL_ON)[number];

export interface ScanArgs {
  paths: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
}

export function parseScanArgs(values: { format?: string; output?: string; 'fail-on'?: string }, positionals: string[]): ScanArgs {
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`);
  return { paths: positionals.length ? positionals : ['.'], format: format as Format, failOn: failOn as FailOn, ...(values.output ? { output: values.output } : {}) };
}

/** Runs `genai-guard scan`; returns the exit code (0 clean, 1 findings at or above --fail-on, 2 usage/I-O error). */
export async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const started = Date.now();
  const findings: Finding[] = [];
  const skipped = { binary: 0, tooLarge: 0, unreadable: 0 };
  let files = 0;

  // Synchronous reads: a batch scan gains nothing from yielding to the event loop between files, and async fs
  // calls made one after another spend most of their time waiting for the thread pool.
  const scanFile = (abs: string, shown: string) => {
    let bytes: Buffer;
    try {
      const st = statSync(abs);
      if (st.size > MAX_FILE_BYTES) {
        skipped.tooLarge++;
        return;
      }
      bytes = readFileSync(abs);
    } catch {
      skipped.unreadable++;
      return;
    }
    if (looksBinary(bytes)) {
      skipped.binary++;
      return;
    }
    files++;
    findings.push(...scanDocument({ file: shown, text: bytes.toString('utf8') }).findings);
  };

  for (const p of args.paths) {
    const abs = path.resolve(io.cwd, p);
    let st;
    try {
      st = await fs.stat(abs);
    } catch {
      io.stderr(`genai-guard: cannot read ${p}: no such file or directory\n`);
      return 2;
    }
    if (st.isDirectory()) {
      for (const file of walkFiles(abs)) scanFile(file, path.relative(io.cwd, file).split(path.sep).join('/'));
    } else {
      scanFile(abs, p);
    }
  }

  findings.sort(compareFindings);
  const stats: ScanStats = { files, ms: Date.now() - started, skipped };
  const rendered = args.format === 'json' ? renderJson(findings, stats) : args.format === 'sarif' ? renderSarif(findings) : renderText(findings, stats, !args.output && io.isTTY);
  if (args.output) {
    try {
      await fs.writeFile(path.resolve(io.cwd, args.output), rendered);
    } catch (e) {
      io.stderr(`genai-guard: cannot write ${args.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else {
    io.stdout(rendered);
  }
  if (args.failOn === 'never') return 0;
  const threshold: Severity = args.failOn;
  return findings.some((f) => !f.suppressed && severityAtLeast(f.severity, threshold)) ? 1 : 0;
}
