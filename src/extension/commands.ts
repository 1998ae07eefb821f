import { POSTURE_COMMAND_IDS } from './posture/commandIds';

/** Every command id the extension contributes. A unit test checks this list against package.json. */
export const enum CommandId {
  ScanFile = 'genaiGuard.scanFile',
  ScanWorkspace = 'genaiGuard.scanWorkspace',
  ClearFindings = 'genaiGuard.clearFindings',
  ShowRuleDocs = 'genaiGuard.showRuleDocs',
  ShowLog = 'genaiGuard.showLog',
  OpenPromptSandbox = 'genaiGuard.openPromptSandbox',
  OpenPromptFileInSandbox = 'genaiGuard.openPromptFileInSandbox',
  IgnoreFinding = 'genaiGuard.ignoreFinding',
  ShowProblems = 'genaiGuard.showProblems',
  CreateCard = 'genaiGuard.createCard',
  ValidateCard = 'genaiGuard.validateCard',
  CheckCardDrift = 'genaiGuard.checkCardDrift',
  ExportCard = 'genaiGuard.exportCard',
}

export const COMMAND_IDS: readonly string[] = [
  CommandId.ScanFile,
  CommandId.ScanWorkspace,
  CommandId.ClearFindings,
  CommandId.ShowRuleDocs,
  CommandId.ShowLog,
  CommandId.OpenPromptSandbox,
  CommandId.OpenPromptFileInSandbox,
  CommandId.IgnoreFinding,
  CommandId.ShowProblems,
  CommandId.CreateCard,
  CommandId.ValidateCard,
  CommandId.CheckCardDrift,
  CommandId.ExportCard,
  ...POSTURE_COMMAND_IDS,
];
