import * as vscode from 'vscode';
import { POSTURE_VIEW_ID, PostureController, type PostureApi } from './posture/controller';

export { POSTURE_COMMAND_IDS, type PostureApi } from './posture/controller';

/**
 * The Bedrock access-posture view (`genaiGuard.posture`): registers the tree and its commands. The first time the
 * view shows, it reads the account (read-only); without credentials it shows the welcome content (viewsWelcome, when
 * `genaiGuard.posture.state == noCredentials`) with a "configure credentials" path.
 */
export function registerPostureView(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): PostureApi {
  const controller = new PostureController(log);
  const view = vscode.window.createTreeView(POSTURE_VIEW_ID, { treeDataProvider: controller.provider, showCollapseAll: true });
  context.subscriptions.push(controller, view, ...controller.register());
  return controller.api();
}
