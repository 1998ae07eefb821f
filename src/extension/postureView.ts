import * as vscode from 'vscode';

/**
 * The Bedrock access-posture view. Until posture collection lands it has no items, so VS Code shows the
 * view's `viewsWelcome` content (declared in package.json) instead of an empty tree.
 */
export class PostureTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
