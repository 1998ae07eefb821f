/** Shared types of the AI system card feature (`aisc/0.1`). */

/** A workspace file handed to the detectors by the CLI or the extension (the engine reads nothing itself). */
export interface WorkspaceFile {
  /** Path relative to the workspace root, `/`-separated. */
  path: string;
  text: string;
}

/** Where a detected value was found: `app/chat.py:42` or `infra/template.yaml#SupportGuardrail`. */
export type Source = string;

export interface DetectedModel {
  /** The id the code passes to Bedrock (a geo inference profile id stays as written, e.g. `us.anthropic…`). */
  invokedId: string;
  /** Base model id without the geo prefix. */
  modelId: string;
  provider: string;
  /** Geo prefix of a cross-Region inference profile (`us`, `eu`, `apac`, `global`, `us-gov`). */
  geo?: string;
  invocation: 'converse' | 'converse_stream' | 'invoke_model' | 'agent' | 'kb' | 'framework' | 'unknown';
  framework?: 'langchain' | 'llamaindex' | 'vercel-ai' | 'strands';
  role: 'generator' | 'embedder' | 'reranker' | 'judge';
  region?: string;
  sources: Source[];
  /** Environment variable the id is read from (with a default), when it is. */
  env?: string;
}

export interface DetectedGuardrail {
  /** Id as referenced in code, or the IaC resource (`aws_bedrock_guardrail.support`, `SupportGuardrail`). */
  id: string;
  name?: string;
  version?: string;
  piiEntities: { type: string; action: string }[];
  contentFilters: string[];
  deniedTopics: string[];
  regexes: string[];
  groundingThreshold?: number;
  sources: Source[];
  /** `code`: referenced by a model call; `iac`: defined in infrastructure. */
  origin: 'code' | 'iac';
}

export interface DetectedKnowledgeBase {
  id: string;
  name?: string;
  embeddingModelId?: string;
  dataSources: { type?: string; uri?: string; name?: string }[];
  sources: Source[];
}

export interface DetectedAgent {
  id: string;
  name?: string;
  foundationModel?: string;
  sources: Source[];
}

export interface DetectedTrainingFile {
  path: string;
  records: number;
  format: string;
  piiTypes: Record<string, number>;
  recordsScanned: number;
  sampled: boolean;
}

export interface DetectedCustomization {
  baseModel?: string;
  customizationType?: string;
  job?: string;
  trainingDataUri?: string;
  hyperParameters: Record<string, string>;
  sources: Source[];
}

export interface DetectedLogging {
  enabled: boolean;
  destinations: string[];
  retentionDays?: number;
  sources: Source[];
}

/** Everything the workspace shows about the AI system. Every value carries where it was found. */
export interface WorkspaceFacts {
  models: DetectedModel[];
  guardrails: DetectedGuardrail[];
  knowledgeBases: DetectedKnowledgeBase[];
  agents: DetectedAgent[];
  tools: { name: string; sources: Source[] }[];
  regions: { region: string; sources: Source[] }[];
  logging?: DetectedLogging;
  customizations: DetectedCustomization[];
  trainingFiles: DetectedTrainingFile[];
  owner?: { value: string; source: Source };
  license?: { value: string; source: Source };
  name?: { value: string; source: Source };
  version?: { value: string; source: Source };
  description?: { value: string; source: Source };
  repository?: { value: string; source: Source };
}

export type IssueSeverity = 'error' | 'warning' | 'info';

/** An edit to a card's front matter, applied by `applyCardEdits`. Paths are key paths inside the front matter. */
export type CardEdit =
  | { op: 'set'; path: (string | number)[]; value: unknown; onlyIfMissing?: boolean }
  | { op: 'push'; path: (string | number)[]; value: unknown }
  | { op: 'delete'; path: (string | number)[] }
  | { op: 'removeWhere'; path: (string | number)[]; key: string; equals: string }
  | { op: 'appendBody'; text: string };

export interface CardIssue {
  /** Stable code: `AISC-SCHEMA`, `AISC-FINETUNE`, `AISC-DRIFT-MODEL`, … */
  code: string;
  severity: IssueSeverity;
  message: string;
  /** Key path into the front matter the issue is about (the diagnostic sits on the deepest existing key). */
  path: (string | number)[];
  /** Optional quick fix. */
  fix?: { title: string; edits: CardEdit[] };
  /** Code location the issue is about (drift), `file:line`. */
  codeSource?: Source;
  /** Exact file offset, when the issue is not about a key (YAML syntax errors). */
  offset?: number;
}
