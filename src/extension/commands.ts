import { POSTURE_COMMAND_IDS } from './posture/commandIds';

/** Every command id the extension contributes (the list is derived, so it cannot drift). A unit test checks it against package.json. */
export const CommandId = {
  ScanFile: 'genaiGuard.scanFile',
  ScanWorkspace: 'genaiGuard.scanWorkspace',
  ClearFindings: 'genaiGuard.clearFindings',
  ShowRuleDocs: 'genaiGuard.showRuleDocs',
  ShowLog: 'genaiGuard.showLog',
  OpenPromptSandbox: 'genaiGuard.openPromptSandbox',
  OpenPromptFileInSandbox: 'genaiGuard.openPromptFileInSandbox',
  IgnoreFinding: 'genaiGuard.ignoreFinding',
  ShowProblems: 'genaiGuard.showProblems',
  CreateCard: 'genaiGuard.createCard',
  ValidateCard: 'genaiGuard.validateCard',
  CheckCardDrift: 'genaiGuard.checkCardDrift',
  ExportCard: 'genaiGuard.exportCard',
} as const;

export const COMMAND_IDS: readonly string[] = [...Object.values(CommandId), ...POSTURE_COMMAND_IDS];
