import * as vscode from 'vscode';
import type { Finding } from '../engine/finding';
import { scanDocument, type DocumentInput, type ScanOptions } from '../engine/scan';
import { CONFIG_FILE_NAMES, ConfigFileError, EMPTY_CONFIG, parseConfig, pathFilter, toScanOptions, type GuardFileConfig } from '../engine/config';
import { looksBinary } from '../engine/text';
import { readConfig, type GuardConfig } from './config';
import { toDiagnostic } from './toDiagnostic';

const TYPE_DEBOUNCE_MS = 250;

function isTerraform(uri: vscode.Uri): boolean {
  return uri.path.endsWith('.tf');
}

function dirnameOf(uri: vscode.Uri): string {
  return uri.toString().slice(0, uri.toString().lastIndexOf('/'));
}

/** UTF-8 size check without encoding small texts (a UTF-16 unit is at most 3 UTF-8 bytes). */
function tooLarge(text: string, maxBytes: number): boolean {
  if (text.length * 3 <= maxBytes) return false;
  return text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes;
}
const SCANNABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** Folders no scan looks into (also the workspace scan's exclude). */
export const DEFAULT_EXCLUDE_GLOB = '**/{node_modules,.git,.terraform,.terragrunt-cache,cdk.out,.vscode-test,.venv,__pycache__,.serverless,.aws-sam}/**';
const DEFAULT_EXCLUDED = /\/(node_modules|\.git|\.terraform|\.terragrunt-cache|cdk\.out|\.vscode-test|\.venv|__pycache__|\.serverless|\.aws-sam)\//;

/**
 * Owns the `genai-guard` diagnostic collection: scans documents with the engine on open, on type (debounced) or on
 * save, drops results for stale document versions, and keeps workspace-scan results alive after a file closes.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('genai-guard');
  private readonly findings = new Map<string, Finding[]>();
  /** Files whose diagnostics came from a workspace scan: they stay when the file closes. */
  private readonly fromWorkspaceScan = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private idleWaiters: (() => void)[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeFindings = this.changed.event;
  /** `.genai-guard.yml` per workspace folder (an error when it is invalid). Ignored in untrusted workspaces. */
  private readonly fileConfigs = new Map<string, GuardFileConfig | ConfigFileError>();
  /** When the last scan of any kind published, and how long the engine took. */
  lastScan: { at: Date; ms: number } | undefined;
  /** After a workspace scan, a file watcher keeps results for files that are not open up to date. */
  private watching = false;

  constructor(
    private readonly docsUri: (ruleId: string) => vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && readConfig(e.document.uri).run === 'onType') this.scheduleWithModule(e.document, TYPE_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.scheduleWithModule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('genaiGuard')) this.rescanAll();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.loadFileConfigs().then(() => this.rescanAll())),
    );
    const configWatcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reload = () => void this.loadFileConfigs().then(() => this.rescanAll());
    this.disposables.push(configWatcher, configWatcher.onDidChange(reload), configWatcher.onDidCreate(reload), configWatcher.onDidDelete(reload));
  }

  /** Reads `.genai-guard.yml` at each workspace folder's root (skipped in untrusted workspaces: it could hide findings). */
  async loadFileConfigs(): Promise<void> {
    this.fileConfigs.clear();
    if (!vscode.workspace.isTrusted) return;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const name of CONFIG_FILE_NAMES) {
        const uri = vscode.Uri.joinPath(folder.uri, name);
        let text: string;
        try {
          text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue;
        }
        try {
          this.fileConfigs.set(folder.uri.toString(), parseConfig(text, name));
        } catch (e) {
          const err = e instanceof ConfigFileError ? e : new ConfigFileError([{ file: name, line: 1, column: 1, message: (e as Error).message }]);
          this.fileConfigs.set(folder.uri.toString(), err);
          this.log.error(`${name} is invalid and is ignored:\n${err.message}`);
        }
        break;
      }
    }
  }

  /** The problem with a folder's `.genai-guard.yml`, for the status item. */
  configError(): string | undefined {
    for (const c of this.fileConfigs.values()) if (c instanceof ConfigFileError) return c.message.split('\n')[0];
    return undefined;
  }

  private fileConfig(uri: vscode.Uri): GuardFileConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const c = folder ? this.fileConfigs.get(folder.uri.toString()) : undefined;
    return c && !(c instanceof ConfigFileError) ? c : EMPTY_CONFIG;
  }

  /** Settings merged with the folder's `.genai-guard.yml` (settings win for severities; disables add up). */
  scanOptionsFor(uri: vscode.Uri, config: GuardConfig): ScanOptions {
    return toScanOptions(this.fileConfig(uri), config.scan);
  }

  private rescanAll(): void {
    this.rescanOpenDocuments();
    if (!this.watching) return;
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of this.fromWorkspaceScan) if (!open.has(key)) void this.rescanFile(vscode.Uri.parse(key));
  }

  /** Starts keeping workspace-scan results fresh: changed, created and deleted files that are not open. */
  watchWorkspace(): void {
    if (this.watching) return;
    this.watching = true;
    const w = vscode.workspace.createFileSystemWatcher('**/*');
    const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    this.disposables.push(
      w,
      w.onDidChange((uri) => {
        if (!isOpen(uri)) void this.rescanFile(uri);
      }),
      w.onDidCreate((uri) => {
        if (!isOpen(uri)) void this.rescanFile(uri);
      }),
      w.onDidDelete((uri) => {
        if (isOpen(uri)) return;
        this.fromWorkspaceScan.delete(uri.toString());
        this.findings.delete(uri.toString());
        this.collection.delete(uri);
        this.changed.fire(uri);
      }),
    );
  }

  /** Rescans a file from disk (not open in an editor) and publishes it as workspace-scan results. */
  async rescanFile(uri: vscode.Uri): Promise<void> {
    if (!SCANNABLE_SCHEMES.has(uri.scheme) || DEFAULT_EXCLUDED.test(uri.path)) return;
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File) return;
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return;
    }
    const findings = await this.scanBytes(uri, bytes, readConfig(uri));
    if (findings) this.publishFromWorkspaceScan(uri, findings);
    else if (this.fromWorkspaceScan.has(uri.toString())) this.publishFromWorkspaceScan(uri, []);
  }

  rescanOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  getFindings(uri: vscode.Uri): Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  /** Resolves when no scan is scheduled: tests await this instead of sleeping. */
  whenIdle(): Promise<void> {
    if (this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A Terraform file's change can change findings in the other open files of its module: rescan them too. */
  private scheduleWithModule(doc: vscode.TextDocument, delay: number): void {
    this.schedule(doc, delay);
    if (!isTerraform(doc.uri)) return;
    const folder = dirnameOf(doc.uri);
    for (const other of vscode.workspace.textDocuments) {
      if (other !== doc && isTerraform(other.uri) && dirnameOf(other.uri) === folder) this.schedule(other, delay);
    }
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!SCANNABLE_SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const timer: NodeJS.Timeout = setTimeout(() => {
        this.scanOpenDocument(doc)
          .catch((e: unknown) => this.log.error(`scan failed for ${doc.uri.fsPath}: ${(e as Error).stack ?? String(e)}`))
          .finally(() => {
            // A newer schedule for the same file replaced this timer: leave its entry alone.
            if (this.timers.get(key) === timer) this.timers.delete(key);
            this.notifyIfIdle();
          });
      }, delay);
    this.timers.set(key, timer);
  }

  private notifyIfIdle(): void {
    if (this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  isExcluded(uri: vscode.Uri, config: GuardConfig): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && !pathFilter(this.fileConfig(uri))(vscode.workspace.asRelativePath(uri, false))) return true;
    return config.exclude.some((glob) => vscode.languages.match({ pattern: glob }, { uri, languageId: '' } as vscode.TextDocument) > 0);
  }

  /**
   * The other files of a Terraform module (same folder): open documents' live text, else the file on disk.
   * Read so that a bucket and its encryption resource in another file are judged together.
   */
  async moduleSiblings(uri: vscode.Uri, config: GuardConfig): Promise<DocumentInput[]> {
    if (!isTerraform(uri)) return [];
    const folder = vscode.Uri.joinPath(uri, '..');
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return [];
    }
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const out: DocumentInput[] = [];
    for (const [name, type] of entries) {
      if (type !== vscode.FileType.File || !name.endsWith('.tf')) continue;
      const sibling = vscode.Uri.joinPath(folder, name);
      if (sibling.toString() === uri.toString()) continue;
      const doc = open.get(sibling.toString());
      let text: string | undefined = doc?.getText();
      if (text === undefined) {
        try {
          const bytes = await vscode.workspace.fs.readFile(sibling);
          if (bytes.byteLength <= config.maxFileBytes) text = new TextDecoder('utf-8').decode(bytes);
        } catch {
          // unreadable sibling: judged without it
        }
      }
      if (text !== undefined) out.push({ file: vscode.workspace.asRelativePath(sibling, false), text });
    }
    return out;
  }

  /** Scans an open document now and publishes the result. Returns the findings (also to the test API). */
  async scanOpenDocument(doc: vscode.TextDocument): Promise<Finding[]> {
    if (doc.isClosed) return [];
    const config = readConfig(doc.uri);
    const version = doc.version;
    const text = doc.getText();
    if (this.isExcluded(doc.uri, config) || tooLarge(text, config.maxFileBytes)) {
      this.publish(doc.uri, []);
      return [];
    }
    const siblings = await this.moduleSiblings(doc.uri, config);
    if (doc.isClosed) return [];
    const t0 = performance.now();
    const result = scanDocument({ file: vscode.workspace.asRelativePath(doc.uri, false), text }, this.scanOptionsFor(doc.uri, config), siblings);
    this.lastScan = { at: new Date(), ms: performance.now() - t0 };
    // A newer version arrived while we scanned: its own scan is scheduled; drop this stale result.
    if (doc.version !== version) return result.findings;
    this.fromWorkspaceScan.delete(doc.uri.toString());
    this.publish(doc.uri, result.findings);
    return result.findings;
  }

  /** Publishes results of a workspace scan for a file (kept when the file closes). */
  publishFromWorkspaceScan(uri: vscode.Uri, findings: Finding[]): void {
    this.fromWorkspaceScan.add(uri.toString());
    this.publish(uri, findings);
  }

  /** Scans file bytes (workspace scan); returns undefined when the file is skipped. */
  async scanBytes(uri: vscode.Uri, bytes: Uint8Array, config: GuardConfig): Promise<Finding[] | undefined> {
    if (bytes.byteLength > config.maxFileBytes || looksBinary(bytes) || this.isExcluded(uri, config)) return undefined;
    const text = new TextDecoder('utf-8').decode(bytes);
    const siblings = await this.moduleSiblings(uri, config);
    return scanDocument({ file: vscode.workspace.asRelativePath(uri, false), text }, this.scanOptionsFor(uri, config), siblings).findings;
  }

  clear(): void {
    this.findings.clear();
    this.fromWorkspaceScan.clear();
    this.collection.clear();
  }

  private publish(uri: vscode.Uri, findings: Finding[]): void {
    const key = uri.toString();
    if (findings.length) this.findings.set(key, findings);
    else this.findings.delete(key);
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    const resolveFile = (file: string) => (root ? vscode.Uri.joinPath(root, file) : uri);
    const informationOnly = readConfig(uri).informationOnly;
    this.collection.set(
      uri,
      findings.filter((f) => !f.suppressed).map((f) => toDiagnostic(f, this.docsUri, resolveFile, informationOnly)),
    );
    this.changed.fire(uri);
  }

  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) {
      clearTimeout(t);
      this.timers.delete(key);
      this.notifyIfIdle();
    }
    if (this.fromWorkspaceScan.has(key)) return;
    this.findings.delete(key);
    this.collection.delete(doc.uri);
    this.changed.fire(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.notifyIfIdle();
    for (const d of this.disposables) d.dispose();
  }
}
