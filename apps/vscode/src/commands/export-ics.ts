import * as vscode from 'vscode';
import { toIcs } from '@baton/core';
import type { BatonContext } from '../context.js';

export const id = 'baton.exportIcs';

/** Where the last export went in this workspace (a URI string): the next save dialog starts there. */
export const LAST_EXPORT = 'baton.lastIcsExport';

/**
 * Writes every timeline event to an .ics file the user picks (or the given target, for tests).
 * The dialog starts at the last export of this workspace, else in the active note's folder (the
 * first folder without one) as `baton-renewals.ics`.
 */
export async function run(ctx: BatonContext, target?: unknown): Promise<vscode.Uri | undefined> {
  await ctx.index.start();
  const s = ctx.settings();
  ctx.index.portfolio.setOptions({ today: ctx.today(), locale: s.locale });
  const last = ctx.extension.workspaceState.get<string>(LAST_EXPORT);
  const near = vscode.window.activeTextEditor?.document.uri;
  const folder = ((near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0])?.uri;
  const defaultUri = last ? vscode.Uri.parse(last) : folder && vscode.Uri.joinPath(folder, 'baton-renewals.ics');
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          filters: { iCalendar: ['ics'] },
          saveLabel: s.locale === 'ja' ? '書き出す' : 'Export',
          ...(defaultUri ? { defaultUri } : {}),
        });
  if (!uri) return undefined;
  const ics = toIcs(ctx.index.portfolio.timeline(), { calendarName: 'Baton', locale: s.locale, dtstamp: ctx.today() });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ics));
  await ctx.extension.workspaceState.update(LAST_EXPORT, uri.toString());
  void vscode.window.showInformationMessage(s.locale === 'ja' ? `書き出しました: ${uri.fsPath}` : `Exported ${uri.fsPath}`);
  return uri;
}
