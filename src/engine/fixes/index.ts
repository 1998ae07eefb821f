/**
 * Fix builders: pure functions from a finding, the document text and the IaC model to `WorkspaceFix` data. The
 * editor turns them into code actions; they never do I/O, so the CLI can reuse them.
 */
import type { Finding } from '../finding';
import { kmsFix, publicAccessFix, secureTransportFix } from './encryption';
import { narrowInvokeFix, unitModel } from './iam';
import { secretFixes } from './secrets';
import type { FixContext, WorkspaceFix } from './types';

export type { FileEdits, FixContext, SiblingDocument, WorkspaceFix } from './types';
export { canIgnoreInFile, canIgnoreOnLine, cleanReason, ignoreInFile, ignoreInMetadata, ignoreOnLine } from './ignore';
export { extractModelIds, modelArns } from './modelIds';
export { commentSyntax } from './comments';

/** Rules whose fix needs the workspace's model ids (the caller gathers them only for these). */
export const NEEDS_MODEL_IDS = new Set(['GG-IAM-003']);

/** Every real fix for a finding (not the suppressions), the safe one marked `isPreferred`. */
export function buildFixes(f: Finding, ctx: FixContext): WorkspaceFix[] {
  if (f.family === 'secret') return secretFixes(f, ctx);
  const model = unitModel(ctx);
  if (!model) return [];
  try {
    return [...narrowInvokeFix(f, ctx, model), ...kmsFix(f, ctx, model), ...secureTransportFix(f, ctx, model), ...publicAccessFix(f, ctx, model)];
  } catch {
    // A fix that can't be computed for an odd layout is simply not offered.
    return [];
  }
}

/** "Fix all of RULE in file": the mechanical fixes of every finding of the rule, when their edits don't overlap. */
export function buildFixAll(ruleId: string, findings: readonly Finding[], ctx: FixContext): WorkspaceFix | undefined {
  const fixes = findings.filter((f) => f.ruleId === ruleId && !f.suppressed).map((f) => buildFixes(f, ctx).find((x) => x.mechanical));
  const usable = fixes.filter((x): x is WorkspaceFix => x !== undefined && !x.files?.length);
  if (usable.length < 2) return undefined;
  const edits = usable.flatMap((x) => x.edits).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
  for (let i = 1; i < edits.length; i++) {
    const p = edits[i - 1]!.range.end;
    const s = edits[i]!.range.start;
    if (p.line > s.line || (p.line === s.line && p.column > s.column)) return undefined;
  }
  return { title: `Fix all ${ruleId} in this file (${usable.length})`, edits };
}
