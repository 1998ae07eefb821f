/**
 * Finds what TypeScript/JavaScript/Python code shows about Bedrock use: model ids and ARNs passed to Converse,
 * ConverseStream, InvokeModel, LangChain, LlamaIndex, the Vercel AI SDK and Strands; guardrails, knowledge bases,
 * agents, tools, regions and model customization jobs. Values are resolved through simple constants in the same file
 * (`const MODEL_ID = process.env.MODEL_ID ?? '…'`, `MODEL_ID = os.environ.get("MODEL_ID", "…")`) and `.env` files.
 * Lexical, not a full parse: a value that cannot be resolved is recorded as `${ENV_VAR}` or skipped, never guessed.
 */
import { lineIndex } from './lines';
import { findEmbeddedModelId, parseModelRef, REGION_RE, roleOf } from './modelIds';
import type { DetectedAgent, DetectedCustomization, DetectedGuardrail, DetectedKnowledgeBase, DetectedModel, Source } from './types';

export interface CodeFacts {
  models: DetectedModel[];
  guardrails: DetectedGuardrail[];
  knowledgeBases: DetectedKnowledgeBase[];
  agents: DetectedAgent[];
  tools: { name: string; sources: Source[] }[];
  regions: { region: string; sources: Source[] }[];
  customizations: DetectedCustomization[];
}

interface Value {
  value?: string;
  env?: string;
}

const STRING = String.raw`(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\x60[^\x60$]*\x60)`;
const unquote = (s: string) => s.slice(1, -1).replace(/\\(.)/g, '$1');

/** Evaluates a simple expression: a literal, an env read with an optional default, or a known constant. */
function evaluate(expr: string, consts: Map<string, Value>, env: ReadonlyMap<string, string>): Value | undefined {
  const e = expr.trim().replace(/[,;]+$/, '').trim();
  if (new RegExp(`^${STRING}$`).test(e)) return { value: unquote(e) };
  // process.env.X ?? 'd' | process.env['X'] || 'd' | os.environ.get("X", "d") | os.getenv("X", "d") | os.environ["X"]
  const js = new RegExp(`^process\\.env(?:\\.(\\w+)|\\[\\s*['"](\\w+)['"]\\s*\\])(?:\\s*(?:\\?\\?|\\|\\|)\\s*(${STRING}))?$`).exec(e);
  const py = new RegExp(`^os\\.(?:environ\\.get|getenv)\\(\\s*['"](\\w+)['"]\\s*(?:,\\s*(${STRING}))?\\s*\\)$`).exec(e) ?? /^os\.environ\[\s*['"](\w+)['"]\s*\]$/.exec(e);
  if (js || py) {
    const name = js ? (js[1] ?? js[2]!) : py![1]!;
    const dflt = js ? js[3] : py![2];
    const fromEnv = env.get(name);
    const value = fromEnv !== undefined && fromEnv !== '' ? fromEnv : dflt !== undefined ? unquote(dflt) : undefined;
    return { env: name, ...(value !== undefined && value !== '' ? { value } : {}) };
  }
  if (/^[A-Za-z_$][\w$]*$/.test(e)) return consts.get(e);
  return undefined;
}

function collectConstants(text: string, env: ReadonlyMap<string, string>): Map<string, Value> {
  const consts = new Map<string, Value>();
  const re = /^[ \t]*(?:export\s+)?(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>[\]| ]+)?=(?!=)\s*(.+)$/gm;
  for (const m of text.matchAll(re)) {
    const v = evaluate(m[2]!, consts, env);
    if (v && !consts.has(m[1]!)) consts.set(m[1]!, v);
  }
  return consts;
}

const INVOCATIONS: [RegExp, DetectedModel['invocation'], DetectedModel['framework']?][] = [
  [/ConverseStreamCommand|\.converse_stream\s*\(|converseStream/g, 'converse_stream'],
  [/ConverseCommand|\.converse\s*\(/g, 'converse'],
  [/InvokeModel(?:WithResponseStream)?Command|\.invoke_model(?:_with_response_stream)?\s*\(/g, 'invoke_model'],
  [/RetrieveAndGenerate(?:Stream)?Command|\.retrieve_and_generate(?:_stream)?\s*\(/g, 'kb'],
  [/InvokeAgentCommand|\.invoke_agent\s*\(/g, 'agent'],
  [/\bChatBedrock(?:Converse)?\b|\bBedrockEmbeddings\b|\bBedrockLLM\b|@langchain\/aws|langchain_aws/g, 'framework', 'langchain'],
  [/\bBedrockConverse\b|llama_index|\bBedrockEmbedding\b/g, 'framework', 'llamaindex'],
  [/\bBedrockModel\b|\bstrands\b/g, 'framework', 'strands'],
  [/@ai-sdk\/amazon-bedrock|\bbedrock\s*\(|createAmazonBedrock/g, 'framework', 'vercel-ai'],
];

/** The call a value at `offset` belongs to: the nearest invocation marker before it (within a window). */
function invocationAt(text: string, offset: number): Pick<DetectedModel, 'invocation' | 'framework'> {
  let best: { at: number; invocation: DetectedModel['invocation']; framework?: DetectedModel['framework'] } | undefined;
  const from = Math.max(0, offset - 600);
  const window = text.slice(from, offset + 1);
  for (const [re, invocation, framework] of INVOCATIONS) {
    for (const m of window.matchAll(re)) {
      if (!best || m.index > best.at) best = { at: m.index, invocation, ...(framework ? { framework } : {}) };
    }
  }
  if (best) return { invocation: best.invocation, ...(best.framework ? { framework: best.framework } : {}) };
  // Otherwise the file's only kind of call, if it has exactly one.
  const kinds = INVOCATIONS.filter(([re]) => new RegExp(re.source).test(text));
  if (kinds.length === 1) return { invocation: kinds[0]![1], ...(kinds[0]![2] ? { framework: kinds[0]![2] } : {}) };
  return { invocation: 'unknown' };
}

const KEY = (names: string) => new RegExp(`(?:["']?)\\b(${names})\\b(?:["']?)\\s*(?::|=(?!=))\\s*([^\\n]+)`, 'g');
const MODEL_KEYS = KEY('modelId|model_id|modelArn|model_arn|model|modelName|model_name|foundationModel|baseModelIdentifier|embeddingModelArn');
const GUARDRAIL_KEYS = KEY('guardrailIdentifier|guardrailId|guardrail_id|guardrail_identifier');
const GUARDRAIL_VERSION_KEYS = KEY('guardrailVersion|guardrail_version');
const KB_KEYS = KEY('knowledgeBaseId|knowledge_base_id|knowledgeBaseIdentifier');
const AGENT_KEYS = KEY('agentId|agent_id');
const REGION_KEYS = KEY('region|region_name');
const TOOL_SPEC = /["']?toolSpec["']?\s*:\s*\{\s*["']?name["']?\s*:\s*(["'])([\w-]{1,64})\1/g;
const LITERAL = new RegExp(STRING, 'g');

/** First expression of a `key: value` tail: up to a top-level comma or the end of the line. */
function firstExpr(tail: string): string {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < tail.length; i++) {
    const c = tail[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return tail.slice(0, i);
      depth--;
    } else if (c === ',' && depth === 0) return tail.slice(0, i);
    else if (c === '#' && depth === 0 && /\s/.test(tail[i - 1] ?? ' ')) return tail.slice(0, i);
  }
  return tail;
}

export function detectInCode(path: string, text: string, env: ReadonlyMap<string, string>): CodeFacts {
  const out: CodeFacts = { models: [], guardrails: [], knowledgeBases: [], agents: [], tools: [], regions: [], customizations: [] };
  const mentionsBedrock = /bedrock/i.test(text);
  if (!mentionsBedrock && !/\b(?:anthropic|amazon|meta|mistral|cohere)\.[a-z]/.test(text)) return out;
  const line = lineIndex(text);
  const src = (offset: number): Source => `${path}:${line(offset)}`;
  const consts = collectConstants(text, env);
  const seenModelLines = new Set<string>();

  const addModel = (raw: string, offset: number, envName?: string) => {
    const ref = parseModelRef(raw) ?? findEmbeddedModelId(raw);
    if (!ref) return;
    const key = `${ref.invokedId}@${line(offset)}`;
    if (seenModelLines.has(key)) return;
    seenModelLines.add(key);
    const inv = invocationAt(text, offset);
    out.models.push({
      invokedId: ref.invokedId,
      modelId: ref.modelId,
      provider: ref.provider,
      ...(ref.geo ? { geo: ref.geo } : {}),
      ...inv,
      role: roleOf(ref.modelId),
      ...(ref.region ? { region: ref.region } : {}),
      sources: [src(offset)],
      ...(envName ? { env: envName } : {}),
    });
  };

  // 1. Values of model keys (keyword arguments, object properties), resolved through constants and env.
  for (const m of text.matchAll(MODEL_KEYS)) {
    const v = evaluate(firstExpr(m[2]!), consts, env);
    if (v?.value) addModel(v.value, m.index, v.env);
  }
  // 2. Vercel AI SDK: bedrock('id') / bedrock(MODEL).
  for (const m of text.matchAll(/\bbedrock(?:\.\w+)?\s*\(\s*([^)\n]+)\)/g)) {
    const v = evaluate(firstExpr(m[1]!), consts, env);
    if (v?.value) addModel(v.value, m.index, v.env);
  }
  // 3. Fallback: any string literal that is a model id or ARN (constants, config objects, f-string defaults).
  for (const m of text.matchAll(LITERAL)) {
    const raw = unquote(m[0]);
    if (parseModelRef(raw) && ![...seenModelLines].some((k) => k.startsWith(`${parseModelRef(raw)!.invokedId}@`))) {
      // Find the env var the literal is the default of, if any.
      const lineText = text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index) === -1 ? text.length : text.indexOf('\n', m.index));
      const envName = /process\.env\.(\w+)|environ\.get\(\s*['"](\w+)|getenv\(\s*['"](\w+)/.exec(lineText);
      addModel(raw, m.index, envName ? (envName[1] ?? envName[2] ?? envName[3]) : undefined);
    }
  }
  if (!mentionsBedrock) return out;

  // Guardrails: identifier with the nearest version after it.
  const versions = [...text.matchAll(GUARDRAIL_VERSION_KEYS)].map((m) => ({ at: m.index, v: evaluate(firstExpr(m[2]!), consts, env) }));
  for (const m of text.matchAll(GUARDRAIL_KEYS)) {
    const v = evaluate(firstExpr(m[2]!), consts, env);
    if (!v || (!v.value && !v.env)) continue;
    const id = v.value ?? `\${${v.env}}`;
    const ver = versions.find((x) => x.at > m.index && x.at - m.index < 400)?.v;
    const existing = out.guardrails.find((g) => g.id === id);
    if (existing) {
      existing.sources.push(src(m.index));
      continue;
    }
    out.guardrails.push({ id, ...(ver?.value ? { version: ver.value } : {}), piiEntities: [], contentFilters: [], deniedTopics: [], regexes: [], sources: [src(m.index)], origin: 'code' });
  }
  for (const m of text.matchAll(KB_KEYS)) {
    const v = evaluate(firstExpr(m[2]!), consts, env);
    if (!v || (!v.value && !v.env)) continue;
    const id = v.value ?? `\${${v.env}}`;
    const existing = out.knowledgeBases.find((k) => k.id === id);
    if (existing) existing.sources.push(src(m.index));
    else out.knowledgeBases.push({ id, dataSources: [], sources: [src(m.index)] });
  }
  if (/InvokeAgentCommand|invoke_agent|bedrock-agent-runtime|BedrockAgentRuntime/.test(text)) {
    for (const m of text.matchAll(AGENT_KEYS)) {
      const v = evaluate(firstExpr(m[2]!), consts, env);
      if (!v || (!v.value && !v.env)) continue;
      const id = v.value ?? `\${${v.env}}`;
      if (!out.agents.some((a) => a.id === id)) out.agents.push({ id, sources: [src(m.index)] });
    }
  }
  for (const m of text.matchAll(TOOL_SPEC)) {
    if (!out.tools.some((t) => t.name === m[2])) out.tools.push({ name: m[2]!, sources: [src(m.index)] });
  }
  for (const m of text.matchAll(REGION_KEYS)) {
    const v = evaluate(firstExpr(m[2]!), consts, env);
    if (v?.value && REGION_RE.test(v.value)) {
      const r = out.regions.find((x) => x.region === v.value);
      if (r) r.sources.push(src(m.index));
      else out.regions.push({ region: v.value, sources: [src(m.index)] });
    }
  }
  // Model customization (fine-tuning) jobs.
  for (const m of text.matchAll(/CreateModelCustomizationJobCommand\s*\(|\.create_model_customization_job\s*\(/g)) {
    const body = text.slice(m.index, m.index + 2000);
    const get = (names: string) => {
      const k = KEY(names).exec(body);
      return k ? evaluate(firstExpr(k[2]!), consts, env)?.value : undefined;
    };
    const hp: Record<string, string> = {};
    const hpm = /["']?hyperParameters["']?\s*[:=]\s*(?:dict\()?\{([^}]*)\}/.exec(body);
    if (hpm) for (const p of hpm[1]!.matchAll(/["']?([\w.-]+)["']?\s*:\s*["']?([\w.-]+)["']?/g)) hp[p[1]!] = p[2]!;
    const base = get('baseModelIdentifier');
    const type = get('customizationType');
    const job = get('jobName');
    const uri = /["']?trainingDataConfig["']?\s*[:=]\s*(?:dict\()?\{\s*["']?s3Uri["']?\s*[:=]\s*(["'])([^"']+)\1/.exec(body)?.[2];
    out.customizations.push({ ...(base ? { baseModel: base } : {}), ...(type ? { customizationType: type } : {}), ...(job ? { job } : {}), ...(uri ? { trainingDataUri: uri } : {}), hyperParameters: hp, sources: [src(m.index)] });
  }
  return out;
}

/** Parses `.env`-style files into a map (later files do not override earlier ones). */
export function parseEnvFile(text: string, into = new Map<string, string>()): Map<string, string> {
  for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_]\w*)[ \t]*=[ \t]*(.*)$/gm)) {
    let v = m[2]!.trim();
    if (/^(["']).*\1$/.test(v)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    if (!into.has(m[1]!)) into.set(m[1]!, v);
  }
  return into;
}
