import * as vscode from 'vscode';
import { toIcs } from '@baton/core';
import type { BatonContext } from '../context.js';

export const id = 'baton.exportIcs';

/** Writes every timeline event to an .ics file the user picks (or the given target, for tests). */
export async function run(ctx: BatonContext, target?: unknown): Promise<vscode.Uri | undefined> {
  await ctx.index.start();
  const s = ctx.settings();
  ctx.index.portfolio.setOptions({ today: ctx.today(), locale: s.locale });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          filters: { iCalendar: ['ics'] },
          saveLabel: s.locale === 'ja' ? '書き出す' : 'Export',
          ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'baton-renewals.ics') } : {}),
        });
  if (!uri) return undefined;
  const ics = toIcs(ctx.index.portfolio.timeline(), { calendarName: 'Baton', locale: s.locale, dtstamp: ctx.today() });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ics));
  void vscode.window.showInformationMessage(s.locale === 'ja' ? `書き出しました: ${uri.fsPath}` : `Exported ${uri.fsPath}`);
  return uri;
}
