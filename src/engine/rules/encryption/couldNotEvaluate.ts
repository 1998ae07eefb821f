import type { EncryptionRule } from './util';
import { encryptionRule, evaluationOf } from './util';
import { TF_CFN, TF_CFN_TEXT } from './docs';

/** The rules whose undecidable settings this note reports; filled in by the registry (avoids an import cycle). */
export const JUDGED: EncryptionRule[] = [];

const rule = encryptionRule({
  id: 'GG-ENC-000',
  title: 'Encryption or exposure setting could not be evaluated',
  severity: 'note',
  formats: TF_CFN,
  formatsText: TF_CFN_TEXT,
  why: 'GenAI Guard judges encryption and exposure settings only after resolving them, and it never guesses. This note marks a setting — an algorithm, a KMS key, a public-access flag, a linked resource — that comes from a variable without a literal default, a CloudFormation parameter without a default, a condition or a computed expression, so that the encryption rules could not check it. Silence is not a pass here.',
  fix: 'Give the variable or parameter a literal default, or review the setting by hand; suppress the note with a reason once reviewed.',
  references: ['GenAI Guard: how settings are resolved — see the README, "Rules"'],
  evaluate(model, sink) {
    let seen: Set<string> | undefined;
    for (const r of JUDGED) {
      // Shared with the rule itself: each rule judges a model once.
      for (const u of evaluationOf(r.evaluate, model).unknowns) {
        const k = `${u.file}|${u.start}|${u.end}`;
        seen ??= new Set();
        if (seen.has(k)) continue;
        seen.add(k);
        sink.report({ file: u.file, start: u.start, end: u.end, identity: u.what, message: `Could not evaluate ${u.what}: ${u.reason}. The encryption rules did not check it.` });
      }
    }
  },
});

export default rule;
