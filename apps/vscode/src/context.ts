import * as vscode from 'vscode';
import type { BatonSettings } from './config.js';
import type { WorkspaceIndex } from './workspace-index.js';

/** What every command handler gets: settings, the clock and the one workspace index. */
export interface BatonContext {
  extension: vscode.ExtensionContext;
  index: WorkspaceIndex;
  settings(): BatonSettings;
  today(): string;
}

/** The active Markdown editor's document, or an error message and undefined. */
export function activeMarkdown(settings: BatonSettings): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'markdown') return editor;
  // A command run from a view or the walkthrough leaves no active text editor: the one Markdown
  // editor in sight is the note meant (with several, the user must pick by focusing one).
  const visible = vscode.window.visibleTextEditors.filter((e) => e.document.languageId === 'markdown');
  if (!editor && visible.length === 1) return visible[0];
  void vscode.window.showErrorMessage(
    settings.locale === 'ja' ? 'Markdown のアカウントノートを開いてから実行してください。' : 'Open a Markdown account note first.',
  );
  return undefined;
}
