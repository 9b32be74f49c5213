import * as vscode from 'vscode';
import type { BatonContext } from '../context.js';

export const id = 'baton.rebuildIndex';

/** Reads every note again (status-bar spinner while it runs) and says how many account notes it found. */
export async function run(ctx: BatonContext): Promise<number> {
  const ja = ctx.settings().locale === 'ja';
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: ja ? 'Baton: インデックスを作り直しています' : 'Baton: rebuilding the index' }, () => ctx.index.rebuild());
  const n = ctx.index.portfolio.size;
  void vscode.window.showInformationMessage(ja ? `Baton: インデックスを作り直しました（アカウントノート ${n} 件）` : `Baton: index rebuilt (${n} account ${n === 1 ? 'note' : 'notes'})`);
  return n;
}
