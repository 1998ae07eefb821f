/**
 * Replace a hardcoded secret with a reference that fits the file: an environment variable in code (added to
 * `.env.example`), a `sensitive` Terraform variable (added to the module's variables file), a Secrets Manager dynamic
 * reference in CloudFormation, or a Serverless Framework `${ssm:…}` reference.
 */
import type { Finding, TextEdit } from '../finding';
import { Editor, enclosingString, kebab, lowerSnake, upperSnake } from './text';
import type { FileEdits, FixContext, WorkspaceFix } from './types';

/** Conventional variable names when the code gives none. */
const DEFAULT_NAMES: Record<string, string> = {
  'GG-SEC-001': 'AWS_ACCESS_KEY_ID',
  'GG-SEC-002': 'AWS_SECRET_ACCESS_KEY',
  'GG-SEC-003': 'AWS_SESSION_TOKEN',
  'GG-SEC-004': 'AWS_BEARER_TOKEN_BEDROCK',
  'GG-SEC-005': 'OPENAI_API_KEY',
  'GG-SEC-006': 'ANTHROPIC_API_KEY',
  'GG-SEC-007': 'HF_TOKEN',
  'GG-SEC-008': 'GOOGLE_API_KEY',
  'GG-SEC-009': 'AZURE_OPENAI_API_KEY',
  'GG-SEC-012': 'GITHUB_TOKEN',
  'GG-SEC-013': 'GITLAB_TOKEN',
  'GG-SEC-014': 'SLACK_TOKEN',
  'GG-SEC-015': 'STRIPE_SECRET_KEY',
  'GG-SEC-016': 'NPM_TOKEN',
  'GG-SEC-017': 'PRIVATE_KEY',
  'GG-SEC-019': 'DATABASE_PASSWORD',
};

/** The name the value is assigned to (`x = "…"`, `x: "…"`, `"x": "…"`, `x="…"`), possibly on the line before. */
export function assignedName(text: string, literalStart: number): string | undefined {
  const before = text.slice(Math.max(0, literalStart - 300), literalStart);
  const m = /["']?([A-Za-z_][\w.-]*)["']?\s*(?::=|=|:|=>)\s*(?:\(\s*)?$/.exec(before);
  const name = m?.[1]?.split('.').pop();
  return name && !/^(const|let|var|export|return|default)$/.test(name) ? name : undefined;
}

function envName(f: Finding, text: string, at: number): string {
  const assigned = assignedName(text, at);
  const name = assigned ? upperSnake(assigned) : undefined;
  return name && name.length >= 3 ? name : (DEFAULT_NAMES[f.ruleId] ?? 'SECRET_VALUE');
}

function envExampleEdit(ctx: FixContext, name: string): FileEdits | undefined {
  const env = ctx.envExample;
  if (!env) return undefined;
  if (env.text === undefined) {
    return { file: env.file, create: true, edits: [{ range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, newText: `# Variables the app reads. Copy to .env and fill in; never commit .env.\n${name}=\n` }] };
  }
  if (new RegExp(`^\\s*(export\\s+)?${name}\\s*=`, 'm').test(env.text)) return undefined;
  return { file: env.file, edits: [new Editor(env.text).append(`${name}=\n`, false)] };
}

export function secretFixes(f: Finding, ctx: FixContext): WorkspaceFix[] {
  if (f.family !== 'secret') return [];
  const ed = new Editor(ctx.text);
  const start = ed.lines.offset(f.range.start);
  const end = ed.lines.offset(f.range.end);
  const lit = enclosingString(ctx.text, start, end);
  const ext = /\.([A-Za-z0-9]+)$/.exec(ctx.file)?.[1]?.toLowerCase() ?? '';
  switch (ctx.kind) {
    case 'python':
    case 'cdk':
      if (ext === 'py') return python(f, ctx, ed, start, end, lit);
      return javascript(f, ctx, ed, start, end, lit);
    case 'typescript':
    case 'javascript':
      return javascript(f, ctx, ed, start, end, lit);
    case 'terraform':
      return ext === 'tf' ? terraform(f, ctx, ed, start, end, lit) : [];
    case 'cloudformation':
      return cloudformation(f, ctx, ed, start, end, lit);
    case 'serverless':
      return serverless(f, ctx, ed, start, end, lit);
    default:
      return [];
  }
}

type Literal = ReturnType<typeof enclosingString>;

function python(f: Finding, ctx: FixContext, ed: Editor, start: number, end: number, lit: Literal): WorkspaceFix[] {
  if (!lit || !lit.whole || lit.quote === '`') return [];
  const name = envName(f, ctx.text, lit.start);
  const edits: TextEdit[] = [ed.replace(lit.start, lit.end, `os.environ["${name}"]`)];
  if (!/^\s*(import\s+os\b|from\s+os\s+import\s+environ\b)/m.test(ctx.text)) {
    const firstImport = /^(import|from)\s/m.exec(ctx.text);
    edits.push(ed.insert(firstImport ? firstImport.index : 0, `import os${ed.eol}${firstImport ? '' : ed.eol}`));
  }
  const env = envExampleEdit(ctx, name);
  void start;
  void end;
  return [{ title: `Read ${name} from the environment (os.environ)${env ? ` and add it to ${env.file}` : ''}`, edits, isPreferred: true, ...(env ? { files: [env] } : {}) }];
}

function javascript(f: Finding, ctx: FixContext, ed: Editor, start: number, end: number, lit: Literal): WorkspaceFix[] {
  if (!lit) return [];
  const name = envName(f, ctx.text, lit.start);
  let edit: TextEdit;
  if (lit.whole) edit = ed.replace(lit.start, lit.end, `process.env.${name}`);
  else if (lit.quote === '`') edit = ed.replace(start, end, `\${process.env.${name}}`);
  else return [];
  const env = envExampleEdit(ctx, name);
  return [{ title: `Read ${name} from the environment (process.env)${env ? ` and add it to ${env.file}` : ''}`, edits: [edit], isPreferred: true, ...(env ? { files: [env] } : {}) }];
}

function terraform(f: Finding, ctx: FixContext, ed: Editor, start: number, end: number, lit: Literal): WorkspaceFix[] {
  if (!lit || lit.quote !== '"') return [];
  const all = [ctx.text, ...(ctx.siblings ?? []).map((s) => s.text)].join('\n');
  const base = lowerSnake(assignedName(ctx.text, lit.start) ?? DEFAULT_NAMES[f.ruleId] ?? 'secret_value');
  let name = base;
  for (let i = 2; new RegExp(`variable\\s+"${name}"`).test(all); i++) name = `${base}_${i}`;
  const edit = lit.whole ? ed.replace(lit.start, lit.end, `var.${name}`) : ed.replace(start, end, `\${var.${name}}`);
  const block = `variable "${name}" {\n  description = "Secret value formerly hardcoded in ${ctx.file.split('/').pop() ?? ctx.file}; supply it via TF_VAR_${name} or a secrets manager."\n  type        = string\n  sensitive   = true\n}\n`;
  const folder = ctx.file.includes('/') ? ctx.file.slice(0, ctx.file.lastIndexOf('/') + 1) : '';
  const varsFile = (ctx.siblings ?? []).find((s) => /(^|\/)variables\.tf$/.test(s.file));
  const edits: TextEdit[] = [edit];
  let files: FileEdits[] | undefined;
  if (varsFile) files = [{ file: varsFile.file, edits: [new Editor(varsFile.text).append(block)] }];
  else if (/(^|\/)variables\.tf$/.test(ctx.file)) edits.push(ed.append(block));
  else files = [{ file: `${folder}variables.tf`, create: true, edits: [{ range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, newText: block }] }];
  const where = varsFile?.file ?? (files ? `${folder}variables.tf` : ctx.file);
  return [{ title: `Replace with sensitive variable var.${name} (declared in ${where.split('/').pop()})`, edits, isPreferred: true, ...(files ? { files } : {}) }];
}

function cloudformation(f: Finding, ctx: FixContext, ed: Editor, start: number, end: number, lit: Literal): WorkspaceFix[] {
  const name = kebab(envName(f, ctx.text, lit?.start ?? start));
  const ref = `{{resolve:secretsmanager:${name}:SecretString}}`;
  // An unquoted YAML scalar starting with `{` would become a flow mapping: quote it.
  const isJson = /\.json$/i.test(ctx.file);
  if (!lit && isJson) return [];
  const bare = !lit && /^\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?$/.test(ctx.text.slice(ed.lineStart(start), start));
  const edit = ed.replace(start, end, bare ? `'${ref}'` : ref);
  return [{ title: `Replace with a Secrets Manager dynamic reference to secret "${name}"`, edits: [edit], isPreferred: true }];
}

function serverless(f: Finding, ctx: FixContext, ed: Editor, start: number, end: number, lit: Literal): WorkspaceFix[] {
  const name = kebab(envName(f, ctx.text, lit?.start ?? start));
  const ref = `\${ssm:/aws/reference/secretsmanager/${name}}`;
  return [{ title: `Replace with a Secrets Manager reference to secret "${name}"`, edits: [ed.replace(start, end, ref)], isPreferred: true }];
}
