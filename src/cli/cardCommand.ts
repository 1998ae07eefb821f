/** `genai-guard card init|validate|export|drift`: AI system cards from the command line and in CI. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYamlText } from 'yaml';
import {
  buildCard,
  DEFAULT_CARD_PATH,
  detectDrift,
  detectWorkspace,
  isCardInput,
  locate,
  parseCard,
  questionsFor,
  toHuggingFace,
  toSageMaker,
  validateCard,
  validateSageMaker,
  type Answers,
  type CardIssue,
  type WorkspaceFacts,
  type WorkspaceFile,
} from '../engine/cards';
import { looksBinary } from '../engine/text';
import { UsageError, type Io } from './io';
import { walkFiles } from './walk';

const MAX_BYTES = 5 * 1024 * 1024;

export const CARD_HELP = `Usage:
  genai-guard card init [--out FILE] [--answers FILE] [--force]
  genai-guard card validate FILE
  genai-guard card export FILE --to hf|sagemaker [--output FILE]
  genai-guard card drift FILE

init      Detect models, guardrails, knowledge bases, logging, training data, owners and licence in the current
          folder and write an AI system card (default ${DEFAULT_CARD_PATH}). Answers to the questions the workspace
          cannot answer come from --answers (JSON or YAML); unanswered ones are listed and left for you to fill.
validate  Check a card against the aisc/0.1 schema and its rules. Exit 1 when there is an error.
export    Write a Hugging Face README (--to hf) or SageMaker model-card content JSON (--to sagemaker, validated
          against the shipped SageMaker schema; exit 1 if it does not validate).
drift     Compare a card with the code and infrastructure. Exit 1 when they have drifted.
`;

/** Reads the files the card detectors look at, honouring .gitignore. */
export function readWorkspace(root: string): WorkspaceFile[] {
  const files: WorkspaceFile[] = [];
  for (const abs of walkFiles(root)) {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (!isCardInput(rel)) continue;
    try {
      if (statSync(abs).size > MAX_BYTES) continue;
      const bytes = readFileSync(abs);
      if (looksBinary(bytes)) continue;
      files.push({ path: rel, text: bytes.toString('utf8') });
    } catch {
      // unreadable: skipped
    }
  }
  return files;
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function printIssues(file: string, text: string, issues: CardIssue[], io: Io): void {
  const card = parseCard(text);
  for (const i of issues) {
    const at = i.offset ?? locate(card, i.path).start;
    io.stdout(`${file}:${lineCol(text, at)}: ${i.severity} ${i.code}: ${i.message}${i.fix ? ` (fix: ${i.fix.title})` : ''}\n`);
  }
}

function readCard(file: string | undefined, io: Io): { abs: string; text: string } {
  if (!file) throw new UsageError('a card FILE is required');
  const abs = path.resolve(io.cwd, file);
  if (!existsSync(abs)) throw new UsageError(`no such file: ${file}`);
  return { abs, text: readFileSync(abs, 'utf8') };
}

function facts(io: Io): WorkspaceFacts {
  return detectWorkspace(readWorkspace(io.cwd));
}

export function runCard(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    io.stdout(CARD_HELP);
    return sub ? 0 : 2;
  }
  if (sub === 'init') {
    const { values } = parseArgs({ args: rest, options: { out: { type: 'string', short: 'o' }, answers: { type: 'string' }, force: { type: 'boolean' } } });
    const out = path.resolve(io.cwd, values.out ?? DEFAULT_CARD_PATH);
    if (existsSync(out) && !values.force) throw new UsageError(`${path.relative(io.cwd, out)} exists (use --force to overwrite, or "card drift" to compare)`);
    let answers: Answers = {};
    if (values.answers) {
      const raw: unknown = parseYamlText(readFileSync(path.resolve(io.cwd, values.answers), 'utf8'));
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError('--answers must hold an object');
      answers = raw;
    }
    const f = facts(io);
    const open = questionsFor(f, answers);
    const built = buildCard(f, answers);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, built.text);
    const share = built.filled ? Math.round((built.autoFilled / built.filled) * 100) : 0;
    io.stdout(`Wrote ${path.relative(io.cwd, out)}: ${f.models.length} model(s), ${f.guardrails.length} guardrail(s), ${f.knowledgeBases.length} knowledge base(s); ${built.autoFilled} of ${built.filled} values auto-filled from the workspace (${share} %).\n`);
    if (open.length) io.stdout(`Still to answer (edit the card, or pass --answers): ${open.map((q) => q.id).join(', ')}\n`);
    return 0;
  }
  if (sub === 'validate') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    const { text } = readCard(positionals[0], io);
    const issues = validateCard(text, facts(io));
    printIssues(positionals[0]!, text, issues, io);
    const errors = issues.filter((i) => i.severity === 'error').length;
    io.stdout(`${errors} error(s), ${issues.length - errors} other issue(s).\n`);
    return errors ? 1 : 0;
  }
  if (sub === 'export') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { to: { type: 'string' }, output: { type: 'string', short: 'o' } } });
    const { text } = readCard(positionals[0], io);
    if (values.to !== 'hf' && values.to !== 'sagemaker') throw new UsageError('--to must be hf or sagemaker');
    let output: string;
    let code = 0;
    if (values.to === 'hf') output = toHuggingFace(text);
    else {
      const content = toSageMaker(parseCard(text).data);
      const problems = validateSageMaker(content);
      for (const p of problems) io.stderr(`genai-guard: SageMaker content: ${p}\n`);
      if (problems.length) code = 1;
      output = `${JSON.stringify(content, null, 2)}\n`;
    }
    if (values.output) writeFileSync(path.resolve(io.cwd, values.output), output);
    else io.stdout(output);
    return code;
  }
  if (sub === 'drift') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    const { text } = readCard(positionals[0], io);
    const issues = detectDrift(text, facts(io));
    printIssues(positionals[0]!, text, issues, io);
    io.stdout(issues.length ? `The card has drifted from the workspace: ${issues.length} difference(s).\n` : 'The card matches the workspace.\n');
    return issues.length ? 1 : 0;
  }
  throw new UsageError(`unknown card command "${sub}"`);
}
