import * as vscode from 'vscode';
import type { EditResult, Locale } from '@baton/core';

export type ApplyOutcome = 'applied' | 'unchanged' | 'refused' | 'stale';

/**
 * Computes an edit from the document's current text and applies it as one undoable
 * WorkspaceEdit. The edit is replaced only between the first and last differing character,
 * so cursors and folding elsewhere survive; it is refused when the document changed while
 * the user was answering prompts (the version guard), so unsaved typing is never clobbered.
 */
export async function applyCoreEdit(
  document: vscode.TextDocument,
  compute: (text: string) => EditResult,
  locale: Locale,
  version: number = document.version,
): Promise<ApplyOutcome> {
  if (document.version !== version) return stale(locale);
  const before = document.getText();
  const result = compute(before);
  if (!result.ok) {
    const first = result.problems[0];
    const detail = result.problems.map((p) => p.message).join(' ');
    void vscode.window.showErrorMessage(detail || (locale === 'ja' ? '編集できませんでした。' : 'Baton could not edit this note.'));
    if (first) revealLine(first.line);
    return 'refused';
  }
  if (!result.changed || result.text === before) return 'unchanged';
  const { start, end, insert } = minimalChange(before, result.text);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), insert);
  if (document.version !== version) return stale(locale);
  const ok = await vscode.workspace.applyEdit(edit);
  return ok ? 'applied' : stale(locale);
}

function stale(locale: Locale): 'stale' {
  void vscode.window.showWarningMessage(
    locale === 'ja' ? 'ノートが変更されたため、編集を中止しました。もう一度お試しください。' : 'The note changed meanwhile; nothing was edited. Please try again.',
  );
  return 'stale';
}

function revealLine(line: number): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  editor.revealRange(new vscode.Range(pos, pos));
}

/** The smallest [start, end) span of `before` to replace with `insert` to get `after`. */
export function minimalChange(before: string, after: string): { start: number; end: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Don't split a CRLF or a surrogate pair: VS Code positions can't point between them.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  while (endB < before.length && endB > start && (isLowSurrogate(before.charCodeAt(endB)) || (before[endB - 1] === '\r' && before[endB] === '\n'))) {
    endB++;
    endA++;
  }
  return { start, end: endB, insert: after.slice(start, endA) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
