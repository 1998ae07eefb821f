/** Prompt files in the editor: a CodeLens and a title-bar button open them in the prompt sandbox. */
import * as vscode from 'vscode';
import { PROMPT_LANGUAGE_ID } from '../../engine/prompt';
export { promptFileDraft } from './controller';

import { CommandId } from '../commands';

export const OPEN_PROMPT_FILE_COMMAND = CommandId.OpenPromptFileInSandbox;

export class PromptFileCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(beaker) Open in Prompt Sandbox', command: OPEN_PROMPT_FILE_COMMAND, arguments: [document.uri] })];
  }
}

export const PROMPT_SELECTOR: vscode.DocumentSelector = { language: PROMPT_LANGUAGE_ID };
