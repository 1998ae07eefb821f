/** Command ids of the posture view (no `vscode` import: the manifest unit test reads them). */
export const PostureCommand = {
  Refresh: 'genaiGuard.posture.refresh',
  SelectProfile: 'genaiGuard.posture.selectProfile',
  SelectRegions: 'genaiGuard.posture.selectRegions',
  FilterAccess: 'genaiGuard.posture.filterAccess',
  Export: 'genaiGuard.posture.export',
  OpenInConsole: 'genaiGuard.posture.openInConsole',
  ConfigureCredentials: 'genaiGuard.posture.configureCredentials',
} as const;

export const POSTURE_COMMAND_IDS: readonly string[] = Object.values(PostureCommand);
