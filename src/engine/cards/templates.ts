/** Markdown body templates per EU AI Act risk category, pre-filled with what the card already knows. */

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);
const todo = (what: string) => `<!-- TODO: ${what} -->`;
const bullets = (items: unknown[], fallback: string) => (items.length ? items.map((x) => `- ${String(x)}`).join('\n') : todo(fallback));

/** The H2 headings every body has, in order (Validate Card checks the body against these). */
export const BODY_SECTIONS = [
  'Overview',
  'Intended use',
  'Out-of-scope use',
  'Components',
  'Data privacy',
  'Bias and fairness evaluation',
  'Human oversight',
  'Limitations',
  'Monitoring',
  'Security controls',
] as const;

export function renderBody(data: Obj): string {
  const a = o(data.aisc);
  const system = o(a.system);
  const comps = o(a.components);
  const use = o(a.intended_use);
  const risk = o(a.risk);
  const category = s(o(risk.eu_ai_act).category) ?? 'unclassified';
  const privacy = o(a.privacy);
  const retention = o(privacy.retention);
  const logging = o(retention.invocation_logging);
  const oversight = o(a.human_oversight);
  const safety = o(a.safety_security);
  const name = s(system.name) ?? 'AI system';
  const out: string[] = [];
  out.push(`# ${name} — AI system card\n`);
  if (category === 'prohibited') out.push('> **Warning:** this system is classified as a prohibited practice under Art. 5 of the EU AI Act. It must not be placed on the EU market or used there.\n');
  out.push(`## Overview\n\n${s(system.description) ?? todo('two or three sentences on what the system is and does')}\n\n- Type: ${s(system.type) ?? 'not set'}\n- Owner: ${s(system.owner) ?? 'not set'}; contact: ${s(system.contact) ?? 'not set'}\n- Regions: ${list(system.regions).join(', ') || 'not set'}\n- EU AI Act category: ${category}; risk rating: ${s(risk.rating) ?? 'not set'}\n`);
  out.push(`## Intended use\n\n${s(use.purpose) ?? todo('purpose')}\n\nUsers:\n\n${bullets(list(use.users), 'who uses the system')}\n`);
  out.push(`## Out-of-scope use\n\n${bullets(list(use.out_of_scope), 'uses the system must not be put to, and foreseeable misuse')}\n`);
  const models = list(comps.models).map(o);
  const guardrails = list(comps.guardrails).map(o);
  const kbs = list(comps.knowledge_bases).map(o);
  out.push(
    `## Components\n\n${models.length ? `| Model | Provider | Invocation | Role | Where |\n|---|---|---|---|---|\n${models.map((m) => `| \`${s(m.inference_profile) ?? s(m.model_id)}\` | ${s(m.provider) ?? ''} | ${s(m.invocation) ?? ''} | ${s(m.role) ?? ''} | ${list(m.source).join(', ')} |`).join('\n')}` : todo('models used')}\n` +
      (guardrails.length ? `\nGuardrails: ${guardrails.map((g) => `\`${s(g.id)}\`${s(g.version) ? ` (version ${s(g.version)})` : ''}`).join(', ')}.\n` : '') +
      (kbs.length ? `\nKnowledge bases: ${kbs.map((k) => `\`${s(k.name) ?? s(k.id)}\``).join(', ')}.\n` : ''),
  );
  const pii = list(privacy.pii_categories);
  out.push(
    `## Data privacy\n\n- Personal data processed: ${pii.length ? pii.join(', ') : 'none declared'}\n- Legal basis (GDPR Art. 6 / Hong Kong PDPO DPP1): ${s(privacy.legal_basis) ?? (pii.length ? todo('legal basis') : 'not applicable')}\n- Retention: ${logging.enabled === true ? `invocation logs kept ${s(logging.retention_days) ?? '?'} days in ${list(logging.destinations).join(', ')}` : 'no invocation logging detected'}; ${s(retention.bedrock_data_retention_mode) ?? ''}\n- Cross-border transfer: ${list(privacy.cross_border).join('; ') || 'none detected (single-Region model ids)'}\n- Data-subject requests (GDPR Art. 15–17; PDPO DPP6): ${todo('how access, correction and deletion requests are handled')}\n`,
  );
  out.push(`## Bias and fairness evaluation\n\n${todo('groups and factors evaluated, method, results and mitigations (aisc.fairness)')}\n`);
  out.push(`## Human oversight\n\n- Mode: ${s(oversight.mode) ?? todo('in_the_loop, on_the_loop or out_of_the_loop')}\n- Override and escalation: ${todo('how a person corrects, overrides or stops the system')}\n`);
  out.push(`## Limitations\n\n${bullets(list(a.limitations), 'known failure modes: hallucination, outdated knowledge, languages handled poorly…')}\n`);
  out.push(`## Monitoring\n\n${todo('what is monitored in production (guardrail interventions, feedback, drift), who reviews it and how incidents are reported')}\n`);
  out.push(
    `## Security controls\n\n- Guardrails: ${guardrails.length ? guardrails.map((g) => s(g.id)).join(', ') : 'none detected'}\n${list(safety.prompt_injection_controls).map((x) => `- ${String(x)}`).join('\n')}${list(safety.prompt_injection_controls).length ? '\n' : ''}${list(safety.output_filters).map((x) => `- ${String(x)}`).join('\n')}${list(safety.output_filters).length ? '\n' : ''}- Local redaction before prompts leave the machine: ${todo('GenAI Guard prompt sandbox or your own redaction')}\n- Logging: ${s(safety.logging) ?? 'no invocation logging detected'}\n- IAM scope: ${todo('which roles may invoke which models (see the Bedrock access-posture view)')}\n`,
  );
  if (category === 'high') {
    out.push(
      `## EU AI Act Annex IV technical documentation\n\n${[
        '1. General description (intended purpose, provider, versions, forms placed on the market such as an API)',
        '2. Development: pre-trained third-party models, data provenance, human-oversight assessment, validation, cybersecurity',
        '3. Monitoring, functioning and control',
        '4. Appropriateness of the performance metrics',
        '5. Risk management system (Art. 9)',
        '6. Changes through the lifecycle',
        '7. Harmonised standards applied',
        '8. EU declaration of conformity (Art. 47)',
        '9. Post-market monitoring plan (Art. 72)',
      ]
        .map((x) => `### ${x}\n\n${todo('document this point')}\n`)
        .join('\n')}`,
    );
  } else if (category === 'limited_transparency') {
    out.push(`## Transparency (EU AI Act Art. 50)\n\n${todo('how people are told they are talking to an AI system, and how generated content is marked')}\n`);
  }
  return out.join('\n');
}
