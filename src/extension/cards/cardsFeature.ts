/**
 * AI system cards in the editor: Create AI System Card (detect, ask only what is missing, write with provenance),
 * Validate Card and Check Card Drift diagnostics with fixes, Export Card, and schema-driven hover and completion.
 */
import * as vscode from 'vscode';
import {
  applyCardEdits,
  buildCard,
  DEFAULT_CARD_PATH,
  detectDrift,
  detectWorkspace,
  enumOf,
  isCardInput,
  isCardText,
  locate,
  parseCard,
  propertiesOf,
  questionsFor,
  schemaAt,
  toHuggingFace,
  toSageMaker,
  validateCard,
  validateSageMaker,
  type Answers,
  type CardIssue,
  type Question,
  type WorkspaceFacts,
  type WorkspaceFile,
} from '../../engine/cards';
import { CommandId } from '../commands';
import { frontMatterRange, pathAt } from './yamlPath';

/** Answers a question instead of a quick pick or input box (tests); undefined cancels. */
export type PromptAnswerer = (q: Question) => string | string[] | undefined | Promise<string | string[] | undefined>;

export interface CreateCardResult {
  uri: vscode.Uri;
  autoFilled: number;
  filled: number;
  /** The questions asked, by id (what the workspace could not show). */
  asked: string[];
}

export interface CardsApi {
  /** Replaces the quick picks and input boxes of Create AI System Card (undefined restores them). */
  answerPromptsWith(answerer: PromptAnswerer | undefined): void;
  /** Validates and drift-checks a card now and returns its diagnostics. */
  refresh(uri: vscode.Uri): Promise<vscode.Diagnostic[]>;
}

const EXCLUDE = '**/{node_modules,.git,cdk.out,.terraform,.venv,venv,__pycache__,dist,out,.vscode-test}/**';
const INCLUDE = '**/{*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,*.py,*.tf,*.yaml,*.yml,*.json,*.jsonl,*.template,*.toml,.env,.env.*,CODEOWNERS,LICENSE,LICENSE.md,LICENSE.txt,LICENCE,COPYING}';
const CARD_GLOB = '{docs/ai-system-card.md,**/ai-system-card.md,**/AI_SYSTEM_CARD.md,**/MODEL_CARD.md,**/model-card.md}';
const MAX_FILES = 3000;
const MAX_BYTES = 2 * 1024 * 1024;

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

function folderOf(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function readWorkspace(folder: vscode.WorkspaceFolder): Promise<WorkspaceFile[]> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INCLUDE), EXCLUDE, MAX_FILES);
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const files: WorkspaceFile[] = [];
  const decoder = new TextDecoder();
  await Promise.all(
    uris.map(async (uri) => {
      const rel = vscode.workspace.asRelativePath(uri, false);
      if (!isCardInput(rel)) return;
      const doc = open.get(uri.toString());
      if (doc) return void files.push({ path: rel, text: doc.getText() });
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.byteLength <= MAX_BYTES) files.push({ path: rel, text: decoder.decode(bytes) });
      } catch {
        // unreadable: skipped
      }
    }),
  );
  return files;
}

async function ask(q: Question): Promise<string | string[] | undefined> {
  if (q.kind === 'pick' || q.kind === 'multi') {
    const items = (q.options ?? []).map((o) => ({ label: o.label, description: o.value, detail: o.description, value: o.value }));
    if (q.kind === 'multi') {
      const picked = await vscode.window.showQuickPick(items, { title: `AI system card: ${q.title}`, canPickMany: true, ignoreFocusOut: true });
      return picked?.map((p) => p.value);
    }
    const picked = await vscode.window.showQuickPick(items, { title: `AI system card: ${q.title}`, ignoreFocusOut: true });
    return picked?.value;
  }
  return vscode.window.showInputBox({ title: `AI system card: ${q.title}`, prompt: q.kind === 'list' ? 'Comma-separated; leave empty to fill in later' : 'Leave empty to fill in later', ...(q.placeholder ? { placeHolder: q.placeholder } : {}), ...(q.value ? { value: q.value } : {}), ignoreFocusOut: true });
}

export function registerCards(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): CardsApi {
  /** Drift checks in flight per workspace folder, and folders saved again while theirs ran. */
  const driftRuns = new Map<string, Promise<void>>();
  const driftAgain = new Set<string>();
  const collection = vscode.languages.createDiagnosticCollection('genai-guard-cards');
  const fixes = new WeakMap<vscode.Diagnostic, { card: vscode.Uri; issue: CardIssue }>();
  let answerer: PromptAnswerer | undefined;
  const factsCache = new Map<string, WorkspaceFacts>();
  /** Code files that carry drift diagnostics (cleared on the next check). */
  let codeDiagnosticUris: vscode.Uri[] = [];

  const factsFor = async (folder: vscode.WorkspaceFolder, refresh = false): Promise<WorkspaceFacts> => {
    const key = folder.uri.toString();
    const cached = factsCache.get(key);
    if (cached && !refresh) return cached;
    const facts = detectWorkspace(await readWorkspace(folder));
    factsCache.set(key, facts);
    return facts;
  };

  const toDiagnostic = (doc: vscode.TextDocument, card: ReturnType<typeof parseCard>, issue: CardIssue): vscode.Diagnostic => {
    const r = issue.offset !== undefined ? { start: issue.offset, end: issue.offset + 1 } : locate(card, issue.path);
    const range = new vscode.Range(doc.positionAt(r.start), doc.positionAt(Math.max(r.end, r.start + 1)));
    const d = new vscode.Diagnostic(range, issue.message, SEVERITY[issue.severity]);
    d.source = 'genai-guard';
    d.code = issue.code;
    fixes.set(d, { card: doc.uri, issue });
    return d;
  };

  /** Validates and drift-checks a card document; drift in code also shows in the code file. */
  const refresh = async (doc: vscode.TextDocument, refreshFacts = false): Promise<vscode.Diagnostic[]> => {
    const text = doc.getText();
    if (!isCardText(text)) {
      collection.delete(doc.uri);
      return [];
    }
    const folder = folderOf(doc.uri);
    const facts = folder ? await factsFor(folder, refreshFacts) : undefined;
    const card = parseCard(text);
    const issues = [...validateCard(text, facts)];
    const drift = facts ? detectDrift(text, facts) : [];
    for (const d of drift) if (!issues.some((i) => i.code === 'AISC-GUARDRAIL' && d.code === 'AISC-DRIFT-GUARDRAIL-NEW' && i.codeSource === d.codeSource)) issues.push(d);
    const diags = issues.map((i) => toDiagnostic(doc, card, i));
    collection.set(doc.uri, diags);
    // Models (and guardrails) used in code but missing from the card: also flagged where they are used.
    for (const u of codeDiagnosticUris) collection.delete(u);
    codeDiagnosticUris = [];
    if (folder) {
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const i of drift.filter((x) => x.severity === 'error' && x.codeSource)) {
        const m = /^(.+?):(\d+)/.exec(i.codeSource!);
        if (!m) continue;
        const line = Number(m[2]) - 1;
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), `${i.message.replace(/ but is not in the card\.| is not in the card\./, '')} is not documented in ${vscode.workspace.asRelativePath(doc.uri)}.`, vscode.DiagnosticSeverity.Warning);
        d.source = 'genai-guard';
        d.code = i.code;
        fixes.set(d, { card: doc.uri, issue: i });
        const list = byFile.get(m[1]!) ?? [];
        list.push(d);
        byFile.set(m[1]!, list);
      }
      for (const [file, list] of byFile) {
        const uri = vscode.Uri.joinPath(folder.uri, file);
        collection.set(uri, list);
        codeDiagnosticUris.push(uri);
      }
    }
    return diags;
  };

  const findCards = async (folder?: vscode.WorkspaceFolder): Promise<vscode.Uri[]> => {
    const pattern = folder ? new vscode.RelativePattern(folder, CARD_GLOB) : CARD_GLOB;
    return vscode.workspace.findFiles(pattern, EXCLUDE, 20);
  };

  const activeCard = async (arg?: unknown): Promise<vscode.TextDocument | undefined> => {
    if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
    const active = vscode.window.activeTextEditor?.document;
    if (active && isCardText(active.getText())) return active;
    const [first] = await findCards(folderOf(active?.uri));
    if (first) return vscode.workspace.openTextDocument(first);
    void vscode.window.showInformationMessage('GenAI Guard: no AI system card in this workspace yet.', 'Create AI System Card').then((c) => {
      if (c) void vscode.commands.executeCommand(CommandId.CreateCard);
    });
    return undefined;
  };

  const createCard = async (arg?: { answers?: Answers; overwrite?: boolean }): Promise<CreateCardResult | undefined> => {
    const folder = folderOf(vscode.window.activeTextEditor?.document.uri);
    if (!folder) return void vscode.window.showInformationMessage('GenAI Guard: open a folder to create an AI system card for it.');
    const target = vscode.Uri.joinPath(folder.uri, DEFAULT_CARD_PATH);
    let exists = true;
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      exists = false;
    }
    if (exists && !arg?.overwrite) {
      const choice = answerer ? 'Check Drift' : await vscode.window.showWarningMessage(`${DEFAULT_CARD_PATH} already exists.`, 'Check Drift', 'Overwrite');
      if (choice !== 'Overwrite') {
        await vscode.window.showTextDocument(target);
        if (choice === 'Check Drift') await vscode.commands.executeCommand(CommandId.CheckCardDrift, target);
        return undefined;
      }
    }
    const facts = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'GenAI Guard: reading the workspace for the AI system card' }, () => factsFor(folder, true));
    const answers: Answers = { ...(arg?.answers ?? {}) };
    const asked: string[] = [];
    for (let q = questionsFor(facts, answers)[0]; q; q = questionsFor(facts, answers)[0]) {
      asked.push(q.id);
      const a = answerer ? await answerer(q) : await ask(q);
      if (a === undefined) return undefined; // cancelled
      const value = q.kind === 'list' && typeof a === 'string' ? a.split(',').map((x) => x.trim()).filter(Boolean) : a;
      (answers as Record<string, unknown>)[q.id] = value;
      if (typeof value === 'string' && !value.trim()) (answers as Record<string, unknown>)[q.id] = '';
    }
    for (const k of Object.keys(answers) as (keyof Answers)[]) if (answers[k] === '') delete answers[k];
    // Questions answered with "later" stay unset; keep them from being asked again in this run.
    const built = buildCard(facts, answers);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(built.text));
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc);
    await refresh(doc);
    const share = built.filled ? Math.round((built.autoFilled / built.filled) * 100) : 0;
    log.info(`AI system card written to ${DEFAULT_CARD_PATH}: ${built.autoFilled}/${built.filled} values auto-filled; asked ${asked.join(', ') || 'nothing'}`);
    void vscode.window.showInformationMessage(`GenAI Guard: AI system card written — ${facts.models.length} model(s), ${facts.guardrails.length} guardrail(s); ${share} % of its values came from the workspace.`);
    return { uri: target, autoFilled: built.autoFilled, filled: built.filled, asked };
  };

  const exportCard = async (arg?: unknown, format?: unknown): Promise<vscode.Uri | undefined> => {
    const doc = await activeCard(arg);
    if (!doc) return undefined;
    const to =
      format === 'hf' || format === 'sagemaker'
        ? format
        : (await vscode.window.showQuickPick([{ label: 'Hugging Face README', value: 'hf' as const }, { label: 'Amazon SageMaker model card content (JSON)', value: 'sagemaker' as const }], { title: 'Export AI system card' }))?.value;
    if (!to) return undefined;
    const dir = vscode.Uri.joinPath(doc.uri, '..');
    let out: vscode.Uri;
    if (to === 'hf') {
      out = vscode.Uri.joinPath(dir, 'README.hf.md');
      await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(toHuggingFace(doc.getText())));
    } else {
      const content = toSageMaker(parseCard(doc.getText()).data);
      const problems = validateSageMaker(content);
      out = vscode.Uri.joinPath(dir, 'sagemaker-model-card.json');
      await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(`${JSON.stringify(content, null, 2)}\n`));
      if (problems.length) void vscode.window.showWarningMessage(`GenAI Guard: the SageMaker content does not validate: ${problems.slice(0, 3).join('; ')}`);
    }
    await vscode.window.showTextDocument(out, { preview: false });
    return out;
  };

  const isCardDoc = (doc: vscode.TextDocument) => doc.languageId === 'markdown' && isCardText(doc.getText());
  const timers = new Map<string, NodeJS.Timeout>();

  context.subscriptions.push(
    collection,
    vscode.commands.registerCommand(CommandId.CreateCard, createCard),
    vscode.commands.registerCommand(CommandId.ValidateCard, async (arg?: unknown) => {
      const doc = await activeCard(arg);
      if (!doc) return [];
      await vscode.window.showTextDocument(doc);
      return refresh(doc, true);
    }),
    vscode.commands.registerCommand(CommandId.CheckCardDrift, async (arg?: unknown) => {
      const doc = await activeCard(arg);
      if (!doc) return [];
      const diags = await refresh(doc, true);
      const drift = diags.filter((d) => typeof d.code === 'string' && d.code.startsWith('AISC-DRIFT'));
      void vscode.window.setStatusBarMessage(drift.length ? `GenAI Guard: the card has drifted (${drift.length})` : 'GenAI Guard: the card matches the workspace', 4000);
      return drift;
    }),
    vscode.commands.registerCommand(CommandId.ExportCard, exportCard),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isCardDoc(doc)) void refresh(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.contentChanges.length || !isCardDoc(e.document)) return;
      const key = e.document.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(() => void refresh(e.document), 300));
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      // A saved code or IaC file re-runs the drift check on the workspace's card. The check reads the whole
      // workspace, so saves arriving while one runs (Save All) are coalesced into a single re-run after it.
      const rel = vscode.workspace.asRelativePath(doc.uri, false);
      if (isCardDoc(doc) || !isCardInput(rel)) return;
      const folder = folderOf(doc.uri);
      if (!folder) return;
      const key = folder.uri.toString();
      if (driftRuns.has(key)) {
        driftAgain.add(key);
        return;
      }
      const run = async (): Promise<void> => {
        do {
          driftAgain.delete(key);
          const [card] = await findCards(folder);
          if (!card) return;
          try {
            await refresh(await vscode.workspace.openTextDocument(card), true);
          } catch (e) {
            log.warn(`card drift check failed: ${String(e)}`);
          }
        } while (driftAgain.has(key));
      };
      driftRuns.set(key, run().finally(() => driftRuns.delete(key)));
    }),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'untitled' }],
      {
        provideCodeActions(_doc, _range, ctx) {
          const actions: vscode.CodeAction[] = [];
          for (const d of ctx.diagnostics) {
            const f = fixes.get(d);
            if (!f?.issue.fix) continue;
            const action = new vscode.CodeAction(f.issue.fix.title, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [d];
            action.isPreferred = f.issue.code.startsWith('AISC-DRIFT');
            action.command = { command: 'genaiGuard.internal.applyCardFix', title: f.issue.fix.title, arguments: [f.card, f.issue] };
            actions.push(action);
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand('genaiGuard.internal.applyCardFix', async (card: vscode.Uri, issue: CardIssue) => {
      if (!issue.fix) return false;
      const doc = await vscode.workspace.openTextDocument(card);
      const text = doc.getText();
      const next = applyCardEdits(text, issue.fix.edits);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(card, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), next);
      const ok = await vscode.workspace.applyEdit(edit);
      if (ok) await refresh(doc);
      return ok;
    }),
    vscode.languages.registerHoverProvider({ language: 'markdown' }, {
      provideHover(doc, pos) {
        if (!isCardText(doc.getText())) return undefined;
        const lines = doc.getText().split(/\r?\n/);
        const at = pathAt(lines, pos.line, pos.character);
        if (!at?.key) return undefined;
        const node = schemaAt(at.path.filter((k) => k !== '*'));
        const description = node?.description;
        if (typeof description !== 'string') return undefined;
        const values = enumOf(node);
        const md = new vscode.MarkdownString(`**${at.path.join('.')}**\n\n${description}${values.length ? `\n\nValues: ${values.map((v) => `\`${v}\``).join(', ')}` : ''}`);
        return new vscode.Hover(md);
      },
    }),
    vscode.languages.registerCompletionItemProvider(
      { language: 'markdown' },
      {
        provideCompletionItems(doc, pos) {
          const text = doc.getText();
          if (!isCardText(text)) return undefined;
          const lines = text.split(/\r?\n/);
          const range = frontMatterRange(lines);
          if (!range || pos.line < range[0] || pos.line >= range[1]) return undefined;
          const at = pathAt(lines, pos.line, pos.character);
          if (!at) return undefined;
          const schemaPath = at.path.filter((k) => k !== '*');
          if (at.inValue) {
            return enumOf(schemaAt(schemaPath)).map((v) => {
              const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.EnumMember);
              item.detail = 'aisc/0.1';
              return item;
            });
          }
          const parent = schemaAt(at.key ? schemaPath.slice(0, -1) : schemaPath);
          return propertiesOf(parent).map(([name, s]) => {
            const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Property);
            item.insertText = `${name}: `;
            if (typeof s.description === 'string') item.documentation = new vscode.MarkdownString(s.description);
            item.detail = 'aisc/0.1';
            return item;
          });
        },
      },
      ':',
      ' ',
    ),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  for (const doc of vscode.workspace.textDocuments) if (isCardDoc(doc)) void refresh(doc);

  return {
    answerPromptsWith(a) {
      answerer = a;
    },
    async refresh(uri) {
      return refresh(await vscode.workspace.openTextDocument(uri), true);
    },
  };
}
