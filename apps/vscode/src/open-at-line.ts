import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspace-index.js';

/** Opens an indexed note with the cursor on a 1-based line. */
export async function openAtLine(index: WorkspaceIndex, file: string, line: number): Promise<void> {
  const uri = index.uriOf(file);
  if (!uri) return;
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: false });
}
