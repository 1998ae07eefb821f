/** What "Create AI System Card" asks — only what the workspace cannot show. Shared by the editor and the CLI. */
import type { WorkspaceFacts } from './types';

export interface Answers {
  name?: string;
  description?: string;
  owner?: string;
  contact?: string;
  license?: string;
  type?: string;
  purpose?: string;
  users?: string[];
  outOfScope?: string[];
  riskCategory?: string;
  riskRating?: string;
  riskRationale?: string;
  oversightMode?: string;
  piiCategories?: string[];
  legalBasis?: string;
}

export interface Question {
  id: keyof Answers;
  title: string;
  kind: 'input' | 'pick' | 'multi' | 'list';
  placeholder?: string;
  options?: { value: string; label: string; description?: string }[];
  /** Pre-filled value (inferred, not detected). */
  value?: string;
}

export const SYSTEM_TYPES = [
  { value: 'chat', label: 'Chat assistant' },
  { value: 'rag', label: 'Retrieval-augmented generation (answers from a knowledge base)' },
  { value: 'agent', label: 'Agent (calls tools or APIs)' },
  { value: 'batch', label: 'Batch processing' },
  { value: 'fine_tuned_model', label: 'Fine-tuned model' },
  { value: 'classifier', label: 'Classifier' },
];

export const RISK_CATEGORIES = [
  { value: 'minimal', label: 'Minimal risk', description: 'e.g. internal productivity tools, spam filters' },
  { value: 'limited_transparency', label: 'Limited risk: transparency obligations (Art. 50)', description: 'chatbots and generated content people must be told about' },
  { value: 'high', label: 'High risk (Annex III)', description: 'employment, credit, education, essential services, law enforcement…' },
  { value: 'prohibited', label: 'Prohibited practice (Art. 5)', description: 'must not be deployed' },
  { value: 'not_applicable', label: 'Not in scope of the EU AI Act', description: 'no EU users or market' },
];

export const RISK_RATINGS = ['High', 'Medium', 'Low', 'Unknown'].map((v) => ({ value: v, label: v }));

export const OVERSIGHT_MODES = [
  { value: 'in_the_loop', label: 'Human in the loop', description: 'a person approves each output before it is used' },
  { value: 'on_the_loop', label: 'Human on the loop', description: 'people monitor and can intervene or stop it' },
  { value: 'out_of_the_loop', label: 'Human out of the loop', description: 'fully automated' },
];

export const PII_CATEGORIES = [
  { value: 'contact_details', label: 'Contact details (name, e-mail, phone, address)' },
  { value: 'identifiers', label: 'Government identifiers (HKID, passport, SSN…)' },
  { value: 'financial', label: 'Financial data (card, bank account)' },
  { value: 'account_data', label: 'Customer account and usage data' },
  { value: 'free_text_conversations', label: 'Free-text conversations that may contain anything' },
  { value: 'health', label: 'Health data (special category)' },
  { value: 'biometric', label: 'Biometric data (special category)' },
];

export const LEGAL_BASES = [
  { value: 'GDPR Art. 6(1)(b) contract; PDPO DPP1 purpose: providing the service', label: 'Performance of a contract (GDPR 6(1)(b)); PDPO DPP1 service purpose' },
  { value: 'GDPR Art. 6(1)(f) legitimate interests; PDPO DPP1 directly related purpose', label: 'Legitimate interests (GDPR 6(1)(f)); PDPO DPP1' },
  { value: 'GDPR Art. 6(1)(a) consent; PDPO DPP1/DPP3 prescribed consent', label: 'Consent (GDPR 6(1)(a)); PDPO prescribed consent' },
  { value: 'GDPR Art. 6(1)(c) legal obligation', label: 'Legal obligation (GDPR 6(1)(c))' },
];

export function inferSystemType(facts: WorkspaceFacts): string | undefined {
  if (facts.customizations.length || facts.trainingFiles.length) return 'fine_tuned_model';
  if (facts.agents.length) return 'agent';
  if (facts.knowledgeBases.length) return 'rag';
  if (facts.models.some((m) => m.role === 'generator')) return 'chat';
  return undefined;
}

/** The questions to ask, in order, given what was detected and what is already answered. */
export function questionsFor(facts: WorkspaceFacts, answered: Answers = {}): Question[] {
  const q: Question[] = [];
  const add = (x: Question) => {
    if (answered[x.id] === undefined) q.push(x);
  };
  if (!facts.name) add({ id: 'name', title: 'Name of the AI system', kind: 'input', placeholder: 'support-assistant' });
  if (!facts.description) add({ id: 'description', title: 'What the system does, in a sentence or two', kind: 'input' });
  if (!inferSystemType(facts)) add({ id: 'type', title: 'Kind of system', kind: 'pick', options: SYSTEM_TYPES });
  add({ id: 'purpose', title: 'Purpose: what is the system for?', kind: 'input', placeholder: 'Answer customer questions about billing and uploads' });
  add({ id: 'users', title: 'Who uses it? (comma-separated)', kind: 'list', placeholder: 'customers, support agents' });
  add({ id: 'outOfScope', title: 'Out-of-scope uses: what must it not be used for? (comma-separated)', kind: 'list', placeholder: 'legal or medical advice, decisions about individuals' });
  add({ id: 'riskCategory', title: 'EU AI Act risk category', kind: 'pick', options: RISK_CATEGORIES });
  add({ id: 'riskRating', title: "Your organisation's risk rating", kind: 'pick', options: RISK_RATINGS });
  add({ id: 'riskRationale', title: 'Why this rating?', kind: 'input' });
  add({ id: 'oversightMode', title: 'Human oversight', kind: 'pick', options: OVERSIGHT_MODES });
  add({ id: 'piiCategories', title: 'Personal data the system processes (none selected = none)', kind: 'multi', options: PII_CATEGORIES });
  if (!answered.piiCategories || answered.piiCategories.length > 0) add({ id: 'legalBasis', title: 'Legal basis for processing personal data', kind: 'pick', options: LEGAL_BASES });
  if (!facts.owner) add({ id: 'owner', title: 'Accountable owner (team alias)', kind: 'input', placeholder: '@acme/support-ml' });
  add({ id: 'contact', title: 'Contact for problems with the system', kind: 'input', placeholder: 'support-ml@example.com' });
  if (!facts.license) add({ id: 'license', title: 'Licence (SPDX id, or "other")', kind: 'input', placeholder: 'apache-2.0', value: 'other' });
  return q;
}
