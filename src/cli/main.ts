import { parseArgs } from 'node:util';
import { VERSION } from '../engine/version';
import { processIo, UsageError, type Io } from './io';
import { isMainThread } from 'node:worker_threads';
import { parseScanArgs, runBaseline, runScan } from './scanCommand';
import { runRedact } from './redactCommand';
import { runRules } from './rulesCommand';

const HELP = `genai-guard ${VERSION} — secure generative-AI apps on AWS

Usage:
  genai-guard scan [PATH...] [--format text|json|sarif] [--output FILE] [--fail-on error|warning|note|never]
  genai-guard baseline [PATH...] [--output FILE]
  genai-guard redact [FILE|-] [--json] | [FILE|-] --jsonl
  genai-guard rules [--format text|json|markdown] [--docs DIR]
  genai-guard --version
  genai-guard --help

scan      Find hardcoded secrets, over-broad IAM and unencrypted storage in files and folders
          (folders are walked honouring .gitignore; binary files and files over 5 MB are skipped).
          Exit 0: nothing at or above --fail-on (default error); 1: there is; 2: usage or I/O error.
          Reads .genai-guard.yml in the working directory (include/exclude globs, disable, severity, baseline).
baseline  Accept every current finding: write their fingerprints to a baseline file (default
          .genai-guard-baseline.json) that .genai-guard.yml's "baseline" setting names.
redact    Replace PII and secrets with placeholders locally ([EMAIL_1]); reads FILE or stdin.
          Exit 0: done; 2: usage, I/O or malformed input; 3: redaction failed (nothing printed).
rules     List the rules (or write each rule's documentation page into DIR).
`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === 'scan') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, 'fail-on': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
      if (values.help) {
        io.stdout(HELP);
        return 0;
      }
      return await runScan(parseScanArgs(values, positionals), io);
    }
    if (command === 'baseline') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
      return await runBaseline(positionals, values.output, io);
    }
    if (command === 'redact') return await runRedact(rest, io);
    if (command === 'rules') {
      const { values } = parseArgs({ args: rest, options: { format: { type: 'string', short: 'f' }, docs: { type: 'string' } } });
      return await runRules(values.format, values.docs, io);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`genai-guard: ${(e as Error).message}\nRun "genai-guard --help" for usage.\n`);
      return 2;
    }
    io.stderr(`genai-guard: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

// Worker threads load this same bundle to scan in parallel: only the main thread runs the command.
if (require.main === module && isMainThread) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`genai-guard: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
