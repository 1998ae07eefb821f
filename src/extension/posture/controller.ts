/**
 * The posture view's state: settings (profile, regions), the AWS session, the last snapshot and report, the access
 * filter, the workspace's model usage; commands (refresh, pickers, filter, export, open in console, configure
 * credentials). Credentials are resolved on every refresh, so `aws sso login` in a terminal is picked up by the next
 * refresh without a reload.
 */
import * as vscode from 'vscode';
import { AwsCredentialsError, PostureSession, effectiveProfile, listProfiles } from '../../aws';
import { evaluatePosture, findModelReferences, postureJson, postureMarkdown } from '../../engine/posture';
import { BEDROCK_REGIONS, isRegionName } from '../../engine/posture/regions';
import type { PostureSnapshot } from '../../engine/posture/snapshot';
import type { PostureReport } from '../../engine/posture/types';
import { type ModelUse, type PostureNode, buildRoots, flatten } from './nodes';
import { PostureCommand } from './commandIds';
import { PostureTreeDataProvider } from './treeProvider';

export { POSTURE_COMMAND_IDS } from './commandIds';

export const POSTURE_VIEW_ID = 'genaiGuard.posture';
export const POSTURE_STATE_KEY = 'genaiGuard.posture.state';


/** `idle`: not read yet; `noCredentials`: the welcome content shows; `error`: an error node shows. */
export type PostureState = 'idle' | 'loading' | 'ready' | 'noCredentials' | 'error';

/** A node as rendered, for tests and the API. */
export interface RenderedNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  consoleUrl?: string;
  children?: RenderedNode[];
}

/** What the extension API exposes of the posture view (integration tests drive it). */
export interface PostureApi {
  readonly state: PostureState;
  readonly report: PostureReport | undefined;
  refresh(): Promise<PostureReport | undefined>;
  /** The tree as rendered, synchronous children expanded to `depth` (lazy AWS reads are not run). */
  tree(depth?: number): Promise<RenderedNode[]>;
  setFilter(filter: string | undefined): void;
  /** Writes the report; returns the file. */
  exportReport(format: 'markdown' | 'json', target: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** Runs a node's lazy (AWS-calling) children, by node id. */
  expand(nodeId: string): Promise<RenderedNode[]>;
}

const SOURCE_GLOB = '**/*.{py,ts,tsx,js,jsx,mjs,cjs,java,kt,go,rb,cs,rs,php,tf,hcl,json,yaml,yml,toml,env,ipynb,sh,properties,ini,cfg,md}';
const SOURCE_EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/build/**,**/.venv/**,**/venv/**,**/__pycache__/**,**/.terraform/**,**/cdk.out/**}';
const MAX_FILES = 3000;
const MAX_FILE_BYTES = 512 * 1024;

export class PostureController implements vscode.Disposable {
  readonly provider: PostureTreeDataProvider;
  private state: PostureState = 'idle';
  private session: PostureSession | undefined;
  private sessionKey = '';
  private snapshot: PostureSnapshot | undefined;
  private report: PostureReport | undefined;
  private error: { message: string; command?: string } | undefined;
  private usage = new Map<string, ModelUse[]>();
  private filter: string | undefined;
  private inflight: Promise<PostureReport | undefined> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.provider = new PostureTreeDataProvider(
      () => this.roots(),
      () => vscode.workspace.workspaceFolders?.[0]?.uri,
    );
    this.disposables.push(
      this.provider,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('genaiGuard.aws') && this.state !== 'idle') void this.refresh();
      }),
    );
    void this.setState('idle');
  }

  // --- state -------------------------------------------------------------------------------------------------

  private async setState(state: PostureState): Promise<void> {
    this.state = state;
    await vscode.commands.executeCommand('setContext', POSTURE_STATE_KEY, state);
  }

  private settings(): { profile: string | undefined; regions: string[] } {
    const c = vscode.workspace.getConfiguration('genaiGuard');
    const profile = (c.get<string>('aws.profile') ?? '').trim() || undefined;
    const regions = (c.get<string[]>('aws.regions') ?? []).map((r) => r.trim()).filter(isRegionName);
    return { profile, regions: [...new Set(regions)] };
  }

  private async regionsFor(profile: string | undefined, configured: string[]): Promise<string[]> {
    if (configured.length) return configured;
    const fromEnv = process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
    if (fromEnv) return [fromEnv];
    const name = effectiveProfile(profile) ?? 'default';
    const p = (await listProfiles().catch(() => [])).find((x) => x.name === name);
    return [p?.region ?? 'us-east-1'];
  }

  /** Root nodes; the first time the view shows, this starts a refresh. */
  private async roots(): Promise<PostureNode[]> {
    if (this.state === 'idle') await this.refresh();
    else if (this.inflight) await this.inflight;
    if (this.state === 'noCredentials') return []; // viewsWelcome shows the "configure credentials" path
    if (this.state === 'error' && this.error) {
      const e = this.error;
      return [
        {
          id: 'posture:error',
          label: 'Could not read the AWS account',
          description: e.message,
          icon: 'fail',
          tooltip: `${e.message}${e.command ? `\n\nRun \`${e.command}\`, then refresh.` : ''}`,
          expanded: true,
          children: () => [
            ...(e.command ? [{ id: 'posture:error:fix', label: `Run: ${e.command}`, description: 'opens a terminal', icon: 'info' as const, run: { command: PostureCommand.ConfigureCredentials, title: 'Run', args: [e.command] } }] : []),
            { id: 'posture:error:profile', label: 'Choose another profile…', icon: 'account' as const, run: { command: PostureCommand.SelectProfile, title: 'Choose profile' } },
            { id: 'posture:error:refresh', label: 'Refresh', icon: 'cloud' as const, run: { command: PostureCommand.Refresh, title: 'Refresh' } },
          ],
        },
      ];
    }
    if (!this.report || !this.snapshot) return [];
    const session = this.session;
    return buildRoots({
      report: this.report,
      snapshot: this.snapshot,
      ...(this.filter ? { filter: this.filter } : {}),
      usage: this.usage,
      ...(session
        ? {
            lazy: {
              availability: (r, m) => session.modelAvailability(r, m),
              offers: (r, m) => session.agreementOffers(r, m),
              useCase: (r) => session.useCaseForModelAccess(r),
            },
          }
        : {}),
    });
  }

  refresh(): Promise<PostureReport | undefined> {
    if (this.inflight) return this.inflight;
    this.inflight = Promise.resolve(vscode.window.withProgress({ location: { viewId: POSTURE_VIEW_ID } }, () => this.doRefresh())).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async doRefresh(): Promise<PostureReport | undefined> {
    const { profile, regions: configured } = this.settings();
    const regions = await this.regionsFor(profile, configured);
    const key = JSON.stringify([profile, regions]);
    if (!this.session || this.sessionKey !== key) {
      this.session?.dispose();
      this.session = new PostureSession({ ...(profile ? { profile } : {}), regions });
      this.sessionKey = key;
    }
    await this.setState('loading');
    const started = Date.now();
    try {
      const [snapshot, usage] = await Promise.all([this.session.collect(), this.scanModelUsage()]);
      this.usage = usage;
      this.snapshot = snapshot;
      this.report = evaluatePosture(snapshot, { usedModelIds: usage.keys(), simulated: process.env['GENAI_GUARD_SIMULATED_ACCOUNT'] === '1' });
      this.error = undefined;
      await this.setState('ready');
      this.log.info(
        `Posture of ${this.report.account.id ?? 'unknown account'} (${regions.join(', ')}) read in ${Date.now() - started} ms: ${snapshot.stats.calls} AWS calls, ${snapshot.stats.failures} failed; ${this.report.checks.length} results, ${this.report.access.length} access cells${this.report.account.simulated ? ' (simulated account)' : ''}`,
      );
    } catch (e) {
      this.snapshot = undefined;
      this.report = undefined;
      if (e instanceof AwsCredentialsError) {
        this.log.warn(`Posture: ${e.message}`);
        this.error = { message: e.message, ...(e.command ? { command: e.command } : {}) };
        await this.setState(e.kind === 'none' && !profile ? 'noCredentials' : 'error');
      } else {
        this.log.error(`Posture refresh failed: ${(e as Error).stack ?? String(e)}`);
        this.error = { message: (e as Error).message ?? String(e) };
        await this.setState('error');
      }
    } finally {
      this.provider.refresh();
    }
    return this.report;
  }

  /** Model ids referenced in the workspace's source files (a simple regex scan). */
  private async scanModelUsage(): Promise<Map<string, ModelUse[]>> {
    const out = new Map<string, ModelUse[]>();
    if (!vscode.workspace.workspaceFolders?.length) return out;
    try {
      const files = await vscode.workspace.findFiles(SOURCE_GLOB, SOURCE_EXCLUDE, MAX_FILES);
      const decoder = new TextDecoder();
      await Promise.all(
        files.map(async (uri) => {
          try {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > MAX_FILE_BYTES) return;
            const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
            for (const r of findModelReferences(text)) {
              const use = { file: vscode.workspace.asRelativePath(uri, false), line: r.line };
              out.set(r.id, [...(out.get(r.id) ?? []), use]);
              if (r.modelId !== r.id) out.set(r.modelId, [...(out.get(r.modelId) ?? []), use]);
            }
          } catch {
            // unreadable file: skip
          }
        }),
      );
    } catch (e) {
      this.log.warn(`Posture: could not scan the workspace for model ids: ${(e as Error).message}`);
    }
    return out;
  }

  // --- commands ----------------------------------------------------------------------------------------------

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand(PostureCommand.Refresh, () => this.refresh()),
      vscode.commands.registerCommand(PostureCommand.SelectProfile, () => this.selectProfile()),
      vscode.commands.registerCommand(PostureCommand.SelectRegions, () => this.selectRegions()),
      vscode.commands.registerCommand(PostureCommand.FilterAccess, (value?: unknown) => this.filterAccess(value)),
      vscode.commands.registerCommand(PostureCommand.Export, (format?: unknown, target?: unknown) => this.exportCommand(format, target)),
      vscode.commands.registerCommand(PostureCommand.OpenInConsole, (node?: PostureNode) => this.openInConsole(node)),
      vscode.commands.registerCommand(PostureCommand.ConfigureCredentials, (command?: unknown) => this.configureCredentials(command)),
    ];
  }

  private async selectProfile(): Promise<void> {
    const current = this.settings().profile;
    const profiles = await listProfiles().catch(() => []);
    const items: (vscode.QuickPickItem & { profile: string })[] = [
      { label: '$(gear) Default credential chain', description: 'AWS_PROFILE, environment, default profile, SSO, instance role…', profile: '', picked: !current },
      ...profiles.map((p) => ({ label: p.name, description: `${p.kind}${p.region ? ` · ${p.region}` : ''}${p.longTermKeys ? ' · long-term keys' : ''}`, profile: p.name, picked: p.name === current })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: 'GenAI Guard: AWS profile for the Bedrock posture', placeHolder: profiles.length ? 'Choose a profile from ~/.aws/config and ~/.aws/credentials' : 'No profiles found: configure one with "aws configure sso"' });
    if (!pick) return;
    await vscode.workspace.getConfiguration('genaiGuard').update('aws.profile', pick.profile, vscode.ConfigurationTarget.Global);
    if (this.state === 'idle' || this.state === 'noCredentials' || this.state === 'error') await this.refresh();
  }

  private async selectRegions(): Promise<void> {
    const { profile, regions: configured } = this.settings();
    const current = new Set(await this.regionsFor(profile, configured));
    const all = [...new Set([...current, ...BEDROCK_REGIONS])];
    const pick = await vscode.window.showQuickPick(
      all.map((r) => ({ label: r, picked: current.has(r) })),
      { canPickMany: true, title: 'GenAI Guard: regions to read', placeHolder: 'Amazon Bedrock regions to include in the posture' },
    );
    if (!pick) return;
    if (!pick.length) return void vscode.window.showWarningMessage('GenAI Guard: choose at least one region.');
    await vscode.workspace.getConfiguration('genaiGuard').update('aws.regions', pick.map((p) => p.label), vscode.ConfigurationTarget.Global);
  }

  setFilter(filter: string | undefined): void {
    this.filter = filter?.trim() || undefined;
    this.provider.refresh();
  }

  private async filterAccess(value?: unknown): Promise<void> {
    const text =
      typeof value === 'string'
        ? value
        : await vscode.window.showInputBox({ title: 'GenAI Guard: filter access by principal or model', prompt: 'Part of a principal name/ARN or a model id; empty clears the filter', value: this.filter ?? '' });
    if (text === undefined) return;
    this.setFilter(text);
  }

  async exportReport(format: 'markdown' | 'json', target: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.report) return undefined;
    const text = format === 'json' ? `${JSON.stringify(postureJson(this.report), null, 2)}\n` : postureMarkdown(this.report);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    return target;
  }

  private async exportCommand(format?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
    if (!this.report) {
      void vscode.window.showInformationMessage('GenAI Guard: refresh the Bedrock posture first.');
      return undefined;
    }
    let f: 'json' | 'markdown' | undefined = format === 'json' || format === 'markdown' ? format : undefined;
    if (!f) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Markdown report', description: 'checks with remediation, and who can invoke which model', format: 'markdown' as const },
          { label: 'JSON', description: 'the genai-guard posture --format json contract', format: 'json' as const },
        ],
        { title: 'GenAI Guard: export the Bedrock posture' },
      );
      if (!pick) return undefined;
      f = pick.format;
    }
    let uri = target instanceof vscode.Uri ? target : undefined;
    if (!uri) {
      const name = `bedrock-posture-${this.report.account.alias ?? this.report.account.id ?? 'account'}.${f === 'json' ? 'json' : 'md'}`;
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      uri = await vscode.window.showSaveDialog({ ...(base ? { defaultUri: vscode.Uri.joinPath(base, name) } : {}), filters: f === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] }, title: 'Export Bedrock posture' });
      if (!uri) return undefined;
    }
    const written = await this.exportReport(f, uri);
    if (written && !(target instanceof vscode.Uri)) await vscode.window.showTextDocument(written, { preview: false });
    return written;
  }

  private async openInConsole(node?: PostureNode): Promise<string | undefined> {
    const url = node?.consoleUrl ?? (this.report ? 'https://console.aws.amazon.com/bedrock/home' : undefined);
    if (!url) return undefined;
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  }

  private async configureCredentials(command?: unknown): Promise<void> {
    const runInTerminal = (cmd: string) => {
      const t = vscode.window.createTerminal({ name: 'AWS credentials' });
      t.show();
      t.sendText(cmd);
    };
    if (typeof command === 'string' && /^aws (sso login|configure)\b/.test(command)) return runInTerminal(command);
    const pick = await vscode.window.showQuickPick(
      [
        { label: '$(terminal) Sign in with IAM Identity Center', description: 'runs "aws configure sso" in a terminal (recommended)', id: 'sso' },
        { label: '$(account) Choose a profile…', description: 'from ~/.aws/config and ~/.aws/credentials', id: 'profile' },
        { label: '$(go-to-file) Open ~/.aws/config', id: 'config' },
        { label: '$(book) How the AWS SDK finds credentials', id: 'docs' },
      ],
      { title: 'GenAI Guard: configure AWS credentials for the Bedrock posture' },
    );
    if (!pick) return;
    if (pick.id === 'sso') runInTerminal('aws configure sso');
    else if (pick.id === 'profile') await this.selectProfile();
    else if (pick.id === 'config') {
      const file = process.env['AWS_CONFIG_FILE'] ?? `${process.env['HOME'] ?? process.env['USERPROFILE'] ?? ''}/.aws/config`;
      const uri = vscode.Uri.file(file);
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# AWS shared config. Example:\n# [profile dev]\n# sso_session = my-sso\n# sso_account_id = 111122223333\n# sso_role_name = ReadOnly\n# region = us-east-1\n'));
      }
      await vscode.window.showTextDocument(uri);
    } else await vscode.env.openExternal(vscode.Uri.parse('https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html'));
  }

  // --- API ---------------------------------------------------------------------------------------------------

  api(): PostureApi {
    const render = (ns: PostureNode[], depth: number): RenderedNode[] =>
      ns.map((n) => ({
        id: n.id,
        label: n.label,
        ...(n.description !== undefined ? { description: n.description } : {}),
        ...(n.tooltip ? { tooltip: n.tooltip } : {}),
        ...(n.icon ? { icon: n.icon } : {}),
        ...(n.consoleUrl ? { consoleUrl: n.consoleUrl } : {}),
        ...(depth > 0 && n.children ? { children: render(n.children(), depth - 1) } : {}),
      }));
    const state = () => this.state;
    const report = () => this.report;
    return {
      get state() {
        return state();
      },
      get report() {
        return report();
      },
      refresh: () => this.refresh(),
      tree: async (depth = 1) => render(await this.roots(), depth),
      setFilter: (f) => this.setFilter(f),
      exportReport: (format, target) => this.exportReport(format, target),
      expand: async (nodeId) => {
        const node = flatten(await this.roots()).find((n) => n.id === nodeId);
        return node?.load ? render(await node.load(), 0) : [];
      },
    };
  }

  dispose(): void {
    this.session?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
