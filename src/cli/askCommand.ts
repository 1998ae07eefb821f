import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BedrockCallError, converseStream, createRuntimeClient, resolveRegion } from '../aws/bedrockRuntime';
import { AwsCredentialsError } from '../aws/errors';
import { CONFIG_FILE_NAMES, parseConfig } from '../engine/config';
import {
  parseGuardrail,
  parsePromptFile,
  parseRedactionPolicy,
  promptFileRequest,
  redactRequest,
  StreamReidentifier,
  validateConversation,
  type ConverseRequest,
  type PromptFile,
  type RedactedRequest,
} from '../engine/prompt';
import { RedactionSession, type RedactOptions } from '../engine/redact';
import { UsageError, type Io } from './io';
import { MAX_REDACT_BYTES, readProcessStdin } from './redactCommand';

export const EXIT_ASK_USAGE = 2;
export const EXIT_ASK_REDACTION = 3;
export const EXIT_ASK_BEDROCK = 4;

export const ASK_HELP = `Usage:
  genai-guard ask --model MODEL_ID [--region R] [--profile P] [--guardrail ID:VERSION] [--system TEXT] [--dry-run] [FILE|-]

Reads a prompt (FILE, or standard input when FILE is "-" or absent), redacts PII and secrets locally with the same
engine and policy as "genai-guard redact" (.genai-guard.yml "redaction:" section), sends only the redacted prompt to
Amazon Bedrock (ConverseStream) and streams the answer to stdout with placeholders put back. What was redacted is
summarised on stderr. A *.prompt file (front matter + @system/@user/@assistant sections) is read as a conversation.
  --dry-run  print the redacted request as JSON and send nothing
The endpoint comes from the SDK's configuration (AWS_ENDPOINT_URL_BEDROCK_RUNTIME); credentials from the standard
AWS chain (or --profile).
Exit 0: answered; 2: usage or credential error; 3: redaction failed (nothing sent); 4: Bedrock error.
`;

export interface AskArgs {
  model?: string;
  region?: string;
  profile?: string;
  guardrail?: { id: string; version: string };
  system?: string;
  dryRun: boolean;
  file?: string;
}

export function parseAskArgs(argv: string[]): AskArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      model: { type: 'string', short: 'm' },
      region: { type: 'string' },
      profile: { type: 'string' },
      guardrail: { type: 'string' },
      system: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError(`ask takes one FILE (or "-"), got ${positionals.length}`);
  let guardrail: AskArgs['guardrail'];
  if (values.guardrail !== undefined) {
    guardrail = parseGuardrail(values.guardrail);
    if (!guardrail) throw new UsageError(`--guardrail must be ID:VERSION (e.g. gr-abc123:1 or gr-abc123:DRAFT), got "${values.guardrail}"`);
  }
  const file = positionals[0];
  return {
    ...(values.model !== undefined ? { model: values.model } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(guardrail ? { guardrail } : {}),
    ...(values.system !== undefined ? { system: values.system } : {}),
    dryRun: values['dry-run'] === true,
    ...(file !== undefined && file !== '-' ? { file } : {}),
  };
}

/** The `redaction:` section of `.genai-guard.yml` in `dir`; throws when the file or the section is invalid. */
export function loadRedactionPolicy(dir: string): RedactOptions {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    return parseRedactionPolicy(config.extra['redaction'], `${name} (redaction)`);
  }
  return {};
}

function summary(r: RedactedRequest): string {
  const parts = Object.entries(r.counts).map(([type, n]) => `${n} ${type}`);
  const possible = r.channels.reduce((n, c) => n + c.possible.length, 0);
  return `genai-guard: redacted locally: ${parts.length ? parts.join(', ') : 'nothing'}${possible ? `; ${possible} possible identifier(s) failed their checksum and were left in place` : ''}\n`;
}

export interface AskDeps {
  readStdin?: () => Promise<string>;
  env?: Record<string, string | undefined>;
}

/** `genai-guard ask`. Nothing is sent unless every channel was redacted. */
export async function runAsk(argv: string[], io: Io, deps: AskDeps = {}): Promise<number> {
  let args: AskArgs | 'help';
  try {
    args = parseAskArgs(argv);
  } catch (e) {
    io.stderr(`genai-guard: ${(e as Error).message}\nRun "genai-guard ask --help" for usage.\n`);
    return EXIT_ASK_USAGE;
  }
  if (args === 'help') {
    io.stdout(ASK_HELP);
    return 0;
  }

  let input: string;
  try {
    if (args.file !== undefined) {
      const abs = path.resolve(io.cwd, args.file);
      if (statSync(abs).size > MAX_REDACT_BYTES) throw new UsageError(`${args.file} is larger than ${MAX_REDACT_BYTES / 1024 / 1024} MB`);
      input = readFileSync(abs, 'utf8');
    } else {
      input = await (deps.readStdin ?? readProcessStdin)();
    }
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `cannot read ${args.file ?? 'standard input'}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`;
    io.stderr(`genai-guard: ${msg}\n`);
    return EXIT_ASK_USAGE;
  }

  // A *.prompt file (or text that starts with front matter / a section) is a conversation; anything else one user turn.
  let file: PromptFile;
  const looksLikePromptFile = args.file?.endsWith('.prompt') || /^(---\r?\n|@(system|user|assistant)\s*\r?\n)/.test(input);
  try {
    file = looksLikePromptFile ? parsePromptFile(input) : { inference: {}, system: '', turns: [{ role: 'user', text: input.replace(/\s+$/, ''), line: 1 }] };
  } catch (e) {
    io.stderr(`genai-guard: ${args.file ?? 'standard input'}: ${(e as Error).message}\n`);
    return EXIT_ASK_USAGE;
  }
  const request: ConverseRequest = promptFileRequest(file, {
    ...(args.model !== undefined ? { model: args.model } : {}),
    ...(args.system !== undefined ? { system: args.system } : {}),
    ...(args.guardrail ? { guardrail: args.guardrail } : {}),
  });
  if (!request.modelId) {
    io.stderr('genai-guard: --model is required (a model id or inference profile id, e.g. us.anthropic.claude-3-5-haiku-20241022-v1:0)\n');
    return EXIT_ASK_USAGE;
  }
  const invalid = validateConversation(request);
  if (invalid) {
    io.stderr(`genai-guard: ${invalid}\n`);
    return EXIT_ASK_USAGE;
  }

  // Redaction: policy and engine failures are fatal and nothing is sent.
  const session = new RedactionSession();
  let redacted: RedactedRequest;
  try {
    const policy = loadRedactionPolicy(io.cwd);
    redacted = redactRequest(request, session, policy);
  } catch (e) {
    io.stderr(`genai-guard: redaction failed, nothing was sent: ${(e as Error).message}\n`);
    return EXIT_ASK_REDACTION;
  }
  io.stderr(summary(redacted));
  if (args.dryRun) {
    io.stdout(`${JSON.stringify(redacted.request, null, 2)}\n`);
    return 0;
  }

  const region = await resolveRegion(args.region ?? file.region, args.profile, deps.env ?? process.env);
  const client = createRuntimeClient({ region, ...(args.profile ? { profile: args.profile } : {}) });
  const reid = new StreamReidentifier(session);
  try {
    const result = await converseStream(client, redacted.request, (t) => io.stdout(reid.push(t).text));
    io.stdout(reid.flush().text);
    io.stdout('\n');
    const usage = result.usage ? `, ${result.usage.inputTokens} input + ${result.usage.outputTokens} output tokens` : '';
    io.stderr(`genai-guard: ${redacted.request.modelId} in ${region}: stop reason ${result.stopReason ?? 'unknown'}${usage}, ${result.latencyMs ?? result.elapsedMs} ms${reid.restored ? `, ${reid.restored} placeholder(s) restored` : ''}\n`);
    return 0;
  } catch (e) {
    io.stdout(reid.flush().text);
    if (e instanceof BedrockCallError && e.kind === 'credentials') {
      io.stderr(`genai-guard: ${e.message}\n  ${e.action}\n`);
      return EXIT_ASK_USAGE;
    }
    if (e instanceof AwsCredentialsError) {
      io.stderr(`genai-guard: ${e.message}\n`);
      return EXIT_ASK_USAGE;
    }
    if (e instanceof BedrockCallError) {
      io.stderr(`genai-guard: ${e.message}\n  What to do: ${e.action}\n`);
      return EXIT_ASK_BEDROCK;
    }
    io.stderr(`genai-guard: Bedrock call failed: ${(e as Error).message}\n`);
    return EXIT_ASK_BEDROCK;
  } finally {
    client.destroy();
  }
}
