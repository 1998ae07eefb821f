import * as vscode from 'vscode';
import type { NodeIcon, PostureNode } from './nodes';

const ICONS: Record<NodeIcon, [string, string?]> = {
  pass: ['pass', 'testing.iconPassed'],
  fail: ['error', 'testing.iconFailed'],
  warn: ['warning', 'list.warningForeground'],
  unknown: ['question', 'disabledForeground'],
  error: ['bug', 'testing.iconErrored'],
  account: ['account'],
  identity: ['person'],
  model: ['symbol-class'],
  'legacy-model': ['history', 'list.warningForeground'],
  user: ['person'],
  role: ['organization'],
  key: ['key'],
  guardrail: ['shield'],
  region: ['globe'],
  file: ['go-to-file'],
  allow: ['check', 'testing.iconPassed'],
  explicitDeny: ['circle-slash', 'testing.iconFailed'],
  implicitDeny: ['circle-outline', 'disabledForeground'],
  conditional: ['question', 'list.warningForeground'],
  filter: ['filter'],
  cloud: ['cloud'],
  info: ['info'],
  list: ['list-tree'],
};

export function iconOf(icon: NodeIcon): vscode.ThemeIcon {
  const [id, color] = ICONS[icon];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** Renders {@link PostureNode}s; the controller supplies the roots. */
export class PostureTreeDataProvider implements vscode.TreeDataProvider<PostureNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<PostureNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly parents = new WeakMap<PostureNode, PostureNode>();

  constructor(
    private readonly roots: () => Promise<PostureNode[]>,
    private readonly workspaceRoot: () => vscode.Uri | undefined,
  ) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getTreeItem(n: PostureNode): vscode.TreeItem {
    const hasChildren = Boolean(n.children || n.load);
    const item = new vscode.TreeItem(n.label, hasChildren ? (n.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
    item.id = n.id;
    if (n.description !== undefined) item.description = n.description;
    if (n.tooltip) {
      const md = new vscode.MarkdownString(n.tooltip);
      md.supportThemeIcons = true;
      item.tooltip = md;
    }
    if (n.icon) item.iconPath = iconOf(n.icon);
    item.contextValue = n.contextValue ?? 'posture.node';
    if (n.run) item.command = { command: n.run.command, title: n.run.title, arguments: n.run.args ?? [] };
    else if (n.open) {
      const root = this.workspaceRoot();
      if (root) {
        const uri = vscode.Uri.joinPath(root, n.open.file);
        item.resourceUri = uri;
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(n.open.line - 1, 0, n.open.line - 1, 0) }] };
      }
    }
    return item;
  }

  async getChildren(n?: PostureNode): Promise<PostureNode[]> {
    let children: PostureNode[];
    if (!n) children = await this.roots();
    else if (n.children) children = n.children();
    else if (n.load) children = await n.load();
    else children = [];
    for (const c of children) this.parents.set(c, n as PostureNode);
    return children;
  }

  getParent(n: PostureNode): PostureNode | undefined {
    return this.parents.get(n);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
