/** Every command id the extension contributes. A unit test checks this list against package.json. */
export const enum CommandId {
  ScanFile = 'genaiGuard.scanFile',
  ScanWorkspace = 'genaiGuard.scanWorkspace',
  ClearFindings = 'genaiGuard.clearFindings',
  ShowRuleDocs = 'genaiGuard.showRuleDocs',
  ShowLog = 'genaiGuard.showLog',
  OpenPromptSandbox = 'genaiGuard.openPromptSandbox',
}

export const COMMAND_IDS: readonly string[] = [
  CommandId.ScanFile,
  CommandId.ScanWorkspace,
  CommandId.ClearFindings,
  CommandId.ShowRuleDocs,
  CommandId.ShowLog,
  CommandId.OpenPromptSandbox,
];
