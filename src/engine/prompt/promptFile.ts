/**
 * Prompt files (`*.prompt`): prompts that live in the repository, open in the sandbox, and are scanned like any
 * other file. YAML front matter holds the model and inference parameters; `@system`, `@user` and `@assistant` lines
 * start sections. Text before the first section is a user turn.
 *
 * ```
 * ---
 * model: anthropic.claude-3-5-haiku-20241022-v1:0
 * region: us-east-1
 * maxTokens: 512
 * temperature: 0.2
 * guardrail: gr-abc123:1
 * ---
 * @system
 * You are a support assistant.
 *
 * @user
 * Summarise this ticket: …
 * ```
 */
import { parse as parseYaml } from 'yaml';
import type { ConverseRequest, InferenceConfig, Role } from './request';

export const PROMPT_FILE_EXTENSION = '.prompt';
export const PROMPT_LANGUAGE_ID = 'genai-prompt';

export interface PromptTurn {
  role: Role;
  text: string;
  /** 1-based line of the section marker (or of the first line of text). */
  line: number;
}

export interface PromptFile {
  model?: string;
  region?: string;
  guardrail?: { id: string; version: string };
  inference: InferenceConfig;
  system: string;
  turns: PromptTurn[];
}

export class PromptFileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'PromptFileError';
  }
}

const SECTION = /^@(system|user|assistant)\s*$/;
const FRONT_KEYS = new Set(['model', 'region', 'maxTokens', 'temperature', 'topP', 'stopSequences', 'guardrail']);

/** `ID:VERSION` (version a number or DRAFT). */
export function parseGuardrail(s: string): { id: string; version: string } | undefined {
  const m = /^([A-Za-z0-9][A-Za-z0-9:/._-]*?):(DRAFT|\d+)$/.exec(s.trim());
  return m ? { id: m[1]!, version: m[2]! } : undefined;
}

function num(v: unknown, key: string, line: number, min: number, max: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new PromptFileError(`"${key}" must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, line);
  }
  return v;
}

export function parsePromptFile(text: string): PromptFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: PromptFile = { inference: {}, system: '', turns: [] };
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end < 0) throw new PromptFileError('front matter is not closed with "---"', 1);
    let data: unknown;
    try {
      data = parseYaml(lines.slice(1, end).join('\n'));
    } catch (e) {
      throw new PromptFileError(`front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`, 2);
    }
    if (data !== null && data !== undefined) {
      if (typeof data !== 'object' || Array.isArray(data)) throw new PromptFileError('front matter must be a mapping (model, region, maxTokens, temperature, topP, guardrail)', 2);
      for (const [key, v] of Object.entries(data as Record<string, unknown>)) {
        const at = 2 + Math.max(0, lines.slice(1, end).findIndex((l) => l.trimStart().startsWith(`${key}:`)));
        if (!FRONT_KEYS.has(key)) throw new PromptFileError(`unknown front-matter key "${key}" (expected ${[...FRONT_KEYS].join(', ')})`, at);
        if (key === 'model' || key === 'region') {
          if (typeof v !== 'string' || !v.trim()) throw new PromptFileError(`"${key}" must be a string`, at);
          out[key] = v.trim();
        } else if (key === 'maxTokens') out.inference.maxTokens = num(v, key, at, 1, 1_000_000, true);
        else if (key === 'temperature') out.inference.temperature = num(v, key, at, 0, 1);
        else if (key === 'topP') out.inference.topP = num(v, key, at, 0, 1);
        else if (key === 'stopSequences') {
          if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new PromptFileError('"stopSequences" must be a list of strings', at);
          out.inference.stopSequences = v;
        } else if (key === 'guardrail') {
          const g = typeof v === 'string' ? parseGuardrail(v) : undefined;
          if (!g) throw new PromptFileError('"guardrail" must be ID:VERSION, e.g. gr-abc123:1 or gr-abc123:DRAFT', at);
          out.guardrail = g;
        }
      }
    }
    i = end + 1;
  }
  let role: Role | 'system' | undefined;
  let startLine = i + 1;
  let buf: string[] = [];
  const close = () => {
    const body = buf.join('\n').replace(/^\s*\n/, '').replace(/\s+$/, '');
    if (role === 'system') {
      out.system = out.system ? `${out.system}\n\n${body}` : body;
    } else if (role || body.trim()) {
      out.turns.push({ role: role ?? 'user', text: body, line: startLine });
    }
    buf = [];
  };
  for (; i < lines.length; i++) {
    const m = SECTION.exec(lines[i]!);
    if (m) {
      close();
      role = m[1] as Role | 'system';
      startLine = i + 1;
    } else {
      buf.push(lines[i]!);
    }
  }
  close();
  return out;
}

/** The Converse request a prompt file describes (before redaction). `overrides` (CLI flags) win over the file. */
export function promptFileRequest(file: PromptFile, overrides: { model?: string; system?: string; guardrail?: { id: string; version: string } } = {}): ConverseRequest {
  const system = overrides.system ?? file.system;
  const guardrail = overrides.guardrail ?? file.guardrail;
  return {
    modelId: overrides.model ?? file.model ?? '',
    ...(system.trim() ? { system: [{ text: system }] } : {}),
    messages: file.turns.map((t) => ({ role: t.role, content: [{ text: t.text }] })),
    ...(Object.keys(file.inference).length ? { inferenceConfig: { ...file.inference } } : {}),
    ...(guardrail ? { guardrailConfig: { guardrailIdentifier: guardrail.id, guardrailVersion: guardrail.version } } : {}),
  };
}

/** A prompt file's text for a conversation (the sandbox's "Save as prompt file"). */
export function formatPromptFile(file: PromptFile): string {
  const front: string[] = [];
  if (file.model) front.push(`model: ${file.model}`);
  if (file.region) front.push(`region: ${file.region}`);
  for (const k of ['maxTokens', 'temperature', 'topP'] as const) if (file.inference[k] !== undefined) front.push(`${k}: ${file.inference[k]}`);
  if (file.guardrail) front.push(`guardrail: ${file.guardrail.id}:${file.guardrail.version}`);
  const parts: string[] = [];
  if (front.length) parts.push(`---\n${front.join('\n')}\n---`);
  if (file.system.trim()) parts.push(`@system\n${file.system}`);
  for (const t of file.turns) parts.push(`@${t.role}\n${t.text}`);
  return `${parts.join('\n\n')}\n`;
}
