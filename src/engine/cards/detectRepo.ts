/** Repository facts: name, version, description and licence from manifests, owners from CODEOWNERS, training files. */
import { analyze } from '../redact';
import { lineIndex } from './lines';
import type { DetectedTrainingFile, WorkspaceFacts, WorkspaceFile } from './types';

type RepoFacts = Pick<WorkspaceFacts, 'owner' | 'license' | 'name' | 'version' | 'description' | 'repository'>;

const LICENSES: [RegExp, string][] = [
  [/Apache License[\s\S]{0,40}Version 2\.0/i, 'apache-2.0'],
  [/MIT No Attribution/i, 'mit-0'],
  [/Permission is hereby granted, free of charge/i, 'mit'],
  [/GNU AFFERO GENERAL PUBLIC LICENSE[\s\S]{0,40}Version 3/i, 'agpl-3.0'],
  [/GNU LESSER GENERAL PUBLIC LICENSE[\s\S]{0,40}Version 3/i, 'lgpl-3.0'],
  [/GNU GENERAL PUBLIC LICENSE[\s\S]{0,40}Version 3/i, 'gpl-3.0'],
  [/GNU GENERAL PUBLIC LICENSE[\s\S]{0,40}Version 2/i, 'gpl-2.0'],
  [/Mozilla Public License,? v(?:ersion)?\.? 2\.0/i, 'mpl-2.0'],
  [/Redistribution and use in source and binary forms[\s\S]*Neither the name/i, 'bsd-3-clause'],
  [/Redistribution and use in source and binary forms/i, 'bsd-2-clause'],
  [/Creative Commons Attribution 4\.0/i, 'cc-by-4.0'],
  [/This is free and unencumbered software released into the public domain/i, 'unlicense'],
];

export function detectRepo(files: readonly WorkspaceFile[]): RepoFacts {
  const out: RepoFacts = {};
  const byPath = new Map(files.map((f) => [f.path, f]));
  const pkg = byPath.get('package.json');
  if (pkg) {
    try {
      const j = JSON.parse(pkg.text) as Record<string, unknown>;
      const line = lineIndex(pkg.text);
      const src = (key: string) => `package.json:${line(Math.max(0, pkg.text.indexOf(`"${key}"`)))}`;
      if (typeof j.name === 'string') out.name = { value: j.name.replace(/^@[^/]+\//, ''), source: src('name') };
      if (typeof j.version === 'string') out.version = { value: j.version, source: src('version') };
      if (typeof j.description === 'string' && j.description) out.description = { value: j.description, source: src('description') };
      if (typeof j.license === 'string' && j.license && j.license !== 'UNLICENSED') out.license = { value: j.license.toLowerCase(), source: src('license') };
      const repo = typeof j.repository === 'string' ? j.repository : (j.repository as { url?: string } | undefined)?.url;
      if (repo) out.repository = { value: repo.replace(/^git\+/, ''), source: src('repository') };
    } catch {
      // not JSON: ignored
    }
  }
  const py = byPath.get('pyproject.toml');
  if (py) {
    const line = lineIndex(py.text);
    const field = (k: string) => {
      const m = new RegExp(`^${k}\\s*=\\s*["']([^"']+)["']`, 'm').exec(py.text);
      return m ? { value: m[1]!, source: `pyproject.toml:${line(m.index)}` } : undefined;
    };
    out.name ??= field('name');
    out.version ??= field('version');
    out.description ??= field('description');
    const lic = /^license\s*=\s*(?:\{\s*text\s*=\s*)?["']([^"']+)["']/m.exec(py.text);
    if (lic && !out.license) out.license = { value: lic[1]!.toLowerCase(), source: `pyproject.toml:${line(lic.index)}` };
  }
  for (const p of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'COPYING']) {
    const f = byPath.get(p);
    if (!f) continue;
    const hit = LICENSES.find(([re]) => re.test(f.text.slice(0, 5000)));
    if (hit) out.license = { value: hit[1], source: `${p}:1` };
    break;
  }
  for (const p of ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS']) {
    const f = byPath.get(p);
    if (!f) continue;
    const line = lineIndex(f.text);
    const rules = [...f.text.matchAll(/^(?!\s*#)\s*(\S+)\s+(.+)$/gm)];
    const rule = rules.filter((r) => r[1] === '*').at(-1) ?? rules[0];
    if (rule) {
      const owners = rule[2]!.replace(/#.*$/, '').trim().split(/\s+/).filter((o) => o.startsWith('@') || o.includes('@'));
      if (owners.length) out.owner = { value: owners.join(', '), source: `${p}:${line(rule.index)}` };
    }
    break;
  }
  return out;
}

/** The shape of a fine-tuning record, or undefined when the JSONL file is not training data. */
function trainingFormat(record: unknown): string | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const r = record as Record<string, unknown>;
  if (r.schemaVersion === 'bedrock-conversation-2024') return 'bedrock-conversation-2024';
  if (Array.isArray(r.messages)) return r.system !== undefined ? 'bedrock-conversation' : 'chat-messages';
  if (typeof r.prompt === 'string' && typeof r.completion === 'string') return 'prompt-completion';
  if (typeof r.input === 'string' && Object.keys(r).length === 1) return 'continued-pre-training';
  return undefined;
}

function strings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
}

export const PII_SAMPLE_RECORDS = 1000;

/**
 * A local fine-tuning data file (JSONL in a Bedrock customization format): record count, format and a PII summary
 * from the redaction engine (entity types and counts only; values never leave this function).
 */
export function detectTrainingFile(file: WorkspaceFile): DetectedTrainingFile | undefined {
  if (!/\.jsonl$/i.test(file.path)) return undefined;
  const lines = file.text.split(/\r?\n/).filter((l) => l.trim());
  if (!lines.length) return undefined;
  let format: string | undefined;
  try {
    format = trainingFormat(JSON.parse(lines[0]!));
  } catch {
    return undefined;
  }
  if (!format) return undefined;
  const piiTypes: Record<string, number> = {};
  const scanned = Math.min(lines.length, PII_SAMPLE_RECORDS);
  for (let i = 0; i < scanned; i++) {
    let rec: unknown;
    try {
      rec = JSON.parse(lines[i]!);
    } catch {
      continue;
    }
    const texts: string[] = [];
    strings(rec, texts);
    for (const e of analyze(texts.join('\n'))) if (e.status === 'redact') piiTypes[e.type] = (piiTypes[e.type] ?? 0) + 1;
  }
  return { path: file.path, records: lines.length, format, piiTypes, recordsScanned: scanned, sampled: scanned < lines.length };
}
