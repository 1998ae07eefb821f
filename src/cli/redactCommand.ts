import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { RedactionError, RedactionSession, type RedactionResult, type RedactOptions } from '../engine/redact';
import { UsageError, type Io } from './io';
import { analyzeMany } from './redactPool';

/** Largest input read (file or stdin). */
export const MAX_REDACT_BYTES = 16 * 1024 * 1024;
/** Exit codes: 0 redacted (or nothing to redact); 2 usage, I/O or malformed input; 3 redaction failed (fail closed). */
export const EXIT_REDACTION_FAILED = 3;

export const REDACT_HELP = `Usage:
  genai-guard redact [FILE|-] [--json]
  genai-guard redact [FILE|-] --jsonl

Replaces PII and secrets with typed placeholders ([EMAIL_1], [AWS_ACCESS_KEY_1]) locally; nothing leaves the machine.
Reads FILE, or standard input when FILE is "-" or absent.
  (no flag)  print the redacted text
  --json     print {"text":"<redacted>","entities":[{"type","start","end","placeholder"}]}
             (start/end: UTF-16 offsets into the original input, end exclusive)
  --jsonl    input is JSON Lines (objects with a "text" field); print one --json result per line
Exit 0: done; 2: usage, I/O or malformed input; 3: redaction failed (nothing is printed).
`;

export interface RedactArgs {
  file?: string;
  mode: 'text' | 'json' | 'jsonl';
}

export function parseRedactArgs(argv: string[]): RedactArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return 'help';
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl cannot be combined');
  if (positionals.length > 1) throw new UsageError(`redact takes one FILE (or "-"), got ${positionals.length}`);
  const file = positionals[0];
  return { ...(file !== undefined && file !== '-' ? { file } : {}), mode: values.jsonl ? 'jsonl' : values.json ? 'json' : 'text' };
}

export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_REDACT_BYTES) throw new UsageError(`standard input is larger than ${MAX_REDACT_BYTES / 1024 / 1024} MB`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function toJson(r: RedactionResult): string {
  return JSON.stringify({ text: r.text, entities: r.entities.map((e) => ({ type: e.type, start: e.start, end: e.end, placeholder: e.placeholder })) });
}

/**
 * `genai-guard redact`. Output is written only once everything is redacted: on any failure nothing is printed to
 * stdout, so a partial or unredacted result can never look clean. `options` carries the policy, deny-list and
 * allow-list (from settings or .genai-guard.yml).
 */
export async function runRedact(argv: string[], io: Io, readStdin: () => Promise<string> = readProcessStdin, options: RedactOptions = {}): Promise<number> {
  let args: RedactArgs | 'help';
  try {
    args = parseRedactArgs(argv);
  } catch (e) {
    io.stderr(`genai-guard: ${(e as Error).message}\nRun "genai-guard redact --help" for usage.\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(REDACT_HELP);
    return 0;
  }

  let input: string;
  try {
    if (args.file !== undefined) {
      const abs = path.resolve(io.cwd, args.file);
      if (statSync(abs).size > MAX_REDACT_BYTES) throw new UsageError(`${args.file} is larger than ${MAX_REDACT_BYTES / 1024 / 1024} MB`);
      input = readFileSync(abs, 'utf8');
    } else {
      input = await readStdin();
    }
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `cannot read ${args.file ?? 'standard input'}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`;
    io.stderr(`genai-guard: ${msg}\n`);
    return 2;
  }

  const session = new RedactionSession();
  let out: string;
  let possible = 0;
  try {
    if (args.mode === 'jsonl') {
      const texts: string[] = [];
      let malformed: UsageError | undefined;
      const rows = input.split(/\r?\n/);
      for (let i = 0; i < rows.length && !malformed; i++) {
        const row = rows[i]!;
        if (row.trim() === '') continue;
        let obj: unknown;
        try {
          obj = JSON.parse(row);
        } catch {
          malformed = new UsageError(`line ${i + 1}: not valid JSON`);
          break;
        }
        const text = (obj as { text?: unknown } | null)?.text;
        if (typeof obj !== 'object' || obj === null || Array.isArray(obj) || typeof text !== 'string') malformed = new UsageError(`line ${i + 1}: expected an object with a string "text" field`);
        else texts.push(text);
      }
      // The lines before a malformed one are analysed first, as a line-by-line run would: their failure wins (exit 3).
      // Analysis may run across threads; the one session is applied here, in input order, so the output is the same.
      const found = await analyzeMany(texts, options);
      if (malformed) throw malformed;
      const lines: string[] = [];
      for (let i = 0; i < texts.length; i++) {
        const r = session.redactAnalyzed(texts[i]!, found[i]!, options);
        possible += r.possible.length;
        lines.push(toJson(r));
      }
      out = lines.map((l) => `${l}\n`).join('');
    } else {
      const r = session.redact(input, options);
      possible = r.possible.length;
      out = args.mode === 'json' ? `${toJson(r)}\n` : r.text;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`genai-guard: ${e.message}\n`);
      return 2;
    }
    const why = e instanceof RedactionError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    io.stderr(`genai-guard: redaction failed, nothing was written: ${why}\n`);
    return EXIT_REDACTION_FAILED;
  }
  io.stdout(out);
  if (possible > 0) io.stderr(`genai-guard: note: ${possible} number(s) shaped like an identifier failed their checksum and were left in place.\n`);
  return 0;
}
