import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../engine/rules';
import type { Io } from './io';
import { UsageError } from './io';

function formats(rule: (typeof RULES)[number]): string {
  if (rule.scope === 'model') return rule.formats.join(', ');
  return rule.appliesTo === '*' ? 'any text file' : rule.appliesTo.join(', ');
}

/** The rule table in Markdown, as the README embeds it (generated, never edited by hand). */
export function renderRuleTable(): string {
  const rows = RULES.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | ${r.family} | ${r.defaultSeverity} | ${r.title} | ${formats(r)} |`);
  return ['| Rule | Family | Severity | What it finds | Formats |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `genai-guard rules [--format text|json|markdown] [--docs DIR]` */
export async function runRules(format: string | undefined, docsDir: string | undefined, io: Io): Promise<number> {
  if (docsDir) {
    const dir = path.resolve(io.cwd, docsDir);
    await fs.mkdir(dir, { recursive: true });
    await Promise.all(RULES.map((r) => fs.writeFile(path.join(dir, `${r.id}.md`), r.docs)));
    return 0;
  }
  switch (format ?? 'text') {
    case 'json':
      io.stdout(`${JSON.stringify(RULES.map((r) => ({ id: r.id, family: r.family, severity: r.defaultSeverity, title: r.title, formats: r.scope === 'model' ? r.formats : r.appliesTo })), null, 2)}\n`);
      return 0;
    case 'markdown':
      io.stdout(`${renderRuleTable()}\n`);
      return 0;
    case 'text':
      for (const r of RULES) io.stdout(`${r.id.padEnd(12)} ${r.family.padEnd(11)} ${r.defaultSeverity.padEnd(8)} ${r.title}\n`);
      return 0;
    default:
      throw new UsageError(`--format must be one of text, json, markdown (got "${format}")`);
  }
}
