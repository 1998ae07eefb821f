import type { SecretPattern } from '../types';
import { looksFake } from '../util';
import { anchored, prefixed } from './build';

const real = (s: string): boolean => !looksFake(s);
/** Keyword-anchored values must look random: vendor keys carry no structure to check. */
const realKeyword = (s: string): boolean => !looksFake(s) && /[0-9]/.test(s) && /[A-Za-z]/.test(s);

export const AI_PATTERNS: readonly SecretPattern[] = [
  // GG-SEC-005 OpenAI
  {
    // Every OpenAI secret key carries `T3BlbkFJ` (base64 of "OpenAI") between two random halves.
    id: 'openai-api-key',
    ruleId: 'GG-SEC-005',
    label: 'OpenAI API key',
    regex: prefixed(String.raw`sk-(?:(?:proj|svcacct|admin|None|service)-)?[A-Za-z0-9_-]{16,120}T3BlbkFJ[A-Za-z0-9_-]{16,120}`),
    keywords: ['T3BlbkFJ'],
    validate: real,
  },
  {
    // Project, service-account and admin keys are recognisable by prefix alone.
    id: 'openai-api-key-scoped',
    ruleId: 'GG-SEC-005',
    label: 'OpenAI API key',
    regex: prefixed(String.raw`sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}`),
    keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-'],
    validate: (s) => real(s) && !s.includes('T3BlbkFJ'),
  },
  // GG-SEC-006 Anthropic
  {
    id: 'anthropic-api-key',
    ruleId: 'GG-SEC-006',
    label: 'Anthropic API key',
    regex: prefixed(String.raw`sk-ant-(?:api|oat|ort)\d{2}-[A-Za-z0-9_-]{80,120}`),
    keywords: ['sk-ant-'],
    validate: real,
  },
  {
    id: 'anthropic-admin-key',
    ruleId: 'GG-SEC-006',
    label: 'Anthropic admin API key',
    regex: prefixed(String.raw`sk-ant-admin\d{2}-[A-Za-z0-9_-]{80,120}`),
    keywords: ['sk-ant-admin'],
    validate: real,
  },
  // GG-SEC-007 Hugging Face
  {
    id: 'huggingface-access-token',
    ruleId: 'GG-SEC-007',
    label: 'Hugging Face access token',
    regex: prefixed(String.raw`hf_[A-Za-z0-9]{34}`),
    keywords: ['hf_'],
    validate: (s) => real(s) && /[A-Za-z]/.test(s.slice(3)) && /[a-z]/.test(s.slice(3)) && /[A-Z]/.test(s.slice(3)),
  },
  {
    id: 'huggingface-organization-token',
    ruleId: 'GG-SEC-007',
    label: 'Hugging Face organization API token',
    regex: prefixed(String.raw`api_org_[A-Za-z0-9]{34}`),
    keywords: ['api_org_'],
    validate: real,
  },
  // GG-SEC-008 Google
  {
    id: 'google-api-key',
    ruleId: 'GG-SEC-008',
    label: 'Google API key',
    regex: prefixed(String.raw`AIza[0-9A-Za-z_-]{35}`),
    keywords: ['AIza'],
    validate: real,
  },
  {
    id: 'google-oauth-client-secret',
    ruleId: 'GG-SEC-008',
    label: 'Google OAuth client secret',
    regex: prefixed(String.raw`GOCSPX-[A-Za-z0-9_-]{28}`),
    keywords: ['GOCSPX-'],
    validate: real,
  },
  // GG-SEC-009 Azure OpenAI / Azure AI services
  {
    id: 'azure-openai-key',
    ruleId: 'GG-SEC-009',
    label: 'Azure OpenAI key',
    regex: anchored(String.raw`azure[A-Za-z_.-]{0,30}(?:key|token|credential)|AzureKeyCredential|api-key|ocp-apim-subscription-key`, String.raw`[a-f0-9]{32}`),
    keywords: ['azure', 'Azure', 'AZURE', 'api-key', 'Api-Key', 'Ocp-Apim', 'ocp-apim'],
    validate: realKeyword,
  },
  {
    // Newer Azure AI services keys: 84 characters with the `JQQJ9` signature at a fixed position.
    id: 'azure-ai-services-key',
    ruleId: 'GG-SEC-009',
    label: 'Azure AI services key',
    regex: prefixed(String.raw`[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?`),
    keywords: ['JQQJ9'],
    validate: real,
  },
  // GG-SEC-010 other model providers
  {
    id: 'groq-api-key',
    ruleId: 'GG-SEC-010',
    label: 'Groq API key',
    regex: prefixed(String.raw`gsk_[A-Za-z0-9]{52}`),
    keywords: ['gsk_'],
    validate: real,
  },
  {
    id: 'replicate-api-token',
    ruleId: 'GG-SEC-010',
    label: 'Replicate API token',
    regex: prefixed(String.raw`r8_[A-Za-z0-9]{37}`),
    keywords: ['r8_'],
    validate: (s) => real(s) && /[0-9]/.test(s.slice(3)) && /[A-Za-z]/.test(s.slice(3)),
  },
  {
    id: 'cohere-api-key',
    ruleId: 'GG-SEC-010',
    label: 'Cohere API key',
    regex: anchored(String.raw`cohere[A-Za-z_.-]{0,24}(?:key|token)|co[_-]api[_-]key|cohere\.(?:Client|ClientV2|AsyncClient)`, String.raw`[A-Za-z0-9]{40}`),
    keywords: ['cohere', 'Cohere', 'COHERE', 'CO_API_KEY', 'co_api_key'],
    validate: realKeyword,
  },
  {
    id: 'mistral-api-key',
    ruleId: 'GG-SEC-010',
    label: 'Mistral API key',
    regex: anchored(String.raw`mistral[A-Za-z_.-]{0,24}(?:key|token)|Mistral`, String.raw`[A-Za-z0-9]{32}`),
    keywords: ['mistral', 'Mistral', 'MISTRAL'],
    validate: realKeyword,
  },
  {
    id: 'xai-api-key',
    ruleId: 'GG-SEC-010',
    label: 'xAI API key',
    regex: prefixed(String.raw`xai-[A-Za-z0-9]{80}`),
    keywords: ['xai-'],
    validate: real,
  },
  {
    id: 'perplexity-api-key',
    ruleId: 'GG-SEC-010',
    label: 'Perplexity API key',
    regex: prefixed(String.raw`pplx-[A-Za-z0-9]{48}`),
    keywords: ['pplx-'],
    validate: real,
  },
  {
    id: 'openrouter-api-key',
    ruleId: 'GG-SEC-010',
    label: 'OpenRouter API key',
    regex: prefixed(String.raw`sk-or-v1-[a-f0-9]{64}`),
    keywords: ['sk-or-v1-'],
    validate: real,
  },
  {
    id: 'deepseek-api-key',
    ruleId: 'GG-SEC-010',
    label: 'DeepSeek API key',
    regex: anchored(String.raw`deepseek[A-Za-z_.-]{0,24}(?:key|token)`, String.raw`sk-[a-f0-9]{32}`),
    keywords: ['deepseek', 'DeepSeek', 'DEEPSEEK'],
    validate: real,
  },
  // GG-SEC-011 AI data and tooling platforms
  {
    id: 'pinecone-api-key',
    ruleId: 'GG-SEC-011',
    label: 'Pinecone API key',
    regex: prefixed(String.raw`pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,90}`),
    keywords: ['pcsk_'],
    validate: real,
  },
  {
    // Legacy Pinecone keys are UUIDs: only recognisable next to the Pinecone key name.
    id: 'pinecone-api-key-legacy',
    ruleId: 'GG-SEC-011',
    label: 'Pinecone API key',
    regex: anchored(String.raw`pinecone[A-Za-z_.-]{0,24}key`, String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
    keywords: ['pinecone', 'Pinecone', 'PINECONE'],
    validate: (s) => real(s) && !/^0{8}-|^1{8}-|^12345678-/.test(s),
  },
  {
    id: 'langsmith-api-key',
    ruleId: 'GG-SEC-011',
    label: 'LangSmith API key',
    regex: prefixed(String.raw`lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}`),
    keywords: ['lsv2_'],
    validate: real,
  },
  {
    id: 'langfuse-secret-key',
    ruleId: 'GG-SEC-011',
    label: 'Langfuse secret key',
    regex: prefixed(String.raw`sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
    keywords: ['sk-lf-'],
    validate: real,
  },
  {
    id: 'wandb-api-key',
    ruleId: 'GG-SEC-011',
    label: 'Weights & Biases API key',
    regex: anchored(String.raw`wandb[A-Za-z_.-]{0,24}key|wandb\.login\(key|wandb\.login\([^)\r\n]{0,60}key`, String.raw`[a-f0-9]{40}`),
    keywords: ['wandb', 'WANDB'],
    validate: realKeyword,
  },
  {
    id: 'databricks-token',
    ruleId: 'GG-SEC-011',
    label: 'Databricks access token',
    regex: prefixed(String.raw`dapi[a-f0-9]{32}(?:-\d)?`),
    keywords: ['dapi'],
    validate: (s) => real(s) && /[a-f]/.test(s.slice(4)) && /[0-9]/.test(s.slice(4)),
  },
];
