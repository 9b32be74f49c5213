import * as vscode from 'vscode';
import { accountFileName, createAccountNote, isIsoDate, type Locale } from '@baton/core';
import type { BatonContext } from '../context.js';

export const id = 'baton.newAccount';

export interface NewAccountInput {
  account: string;
  contractStart: string;
  termMonths: number;
  salesOwner?: string;
  csmOwner?: string;
  renewalOwner?: string;
  locale: Locale;
}

function t(locale: Locale, en: string, ja: string): string {
  return locale === 'ja' ? ja : en;
}

/** Asks for the few facts a handoff note needs; undefined when the user escapes. */
async function ask(ctx: BatonContext): Promise<NewAccountInput | undefined> {
  const s = ctx.settings();
  const l = s.locale;
  const title = t(l, 'New account handoff note', '新しいアカウントの引き継ぎノート');
  const account = await vscode.window.showInputBox({
    title,
    prompt: t(l, 'Account (customer company) name', 'アカウント（顧客企業）名'),
    validateInput: (v) => (v.trim() ? undefined : t(l, 'Enter a name.', '名前を入力してください。')),
  });
  if (account === undefined) return undefined;
  const contractStart = await vscode.window.showInputBox({
    title,
    prompt: t(l, 'Contract start (YYYY-MM-DD)', '契約開始日 (YYYY-MM-DD)'),
    value: ctx.today(),
    validateInput: (v) => (isIsoDate(v.trim()) ? undefined : t(l, 'Use YYYY-MM-DD.', 'YYYY-MM-DD 形式で入力してください。')),
  });
  if (contractStart === undefined) return undefined;
  const term = await vscode.window.showInputBox({
    title,
    prompt: t(l, 'Contract term in months', '契約期間（月数）'),
    value: '12',
    validateInput: (v) => (/^\d{1,3}$/.test(v.trim()) && Number(v) > 0 ? undefined : t(l, 'Enter a whole number of months.', '月数を整数で入力してください。')),
  });
  if (term === undefined) return undefined;
  const salesOwner = await vscode.window.showInputBox({ title, prompt: t(l, 'Sales owner (optional)', '営業担当（任意）') });
  if (salesOwner === undefined) return undefined;
  const csmOwner = await vscode.window.showInputBox({ title, prompt: t(l, 'CSM owner (optional)', 'CS 担当（任意）') });
  if (csmOwner === undefined) return undefined;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'English', locale: 'en' as const, picked: l === 'en' },
      { label: '日本語', locale: 'ja' as const, picked: l === 'ja' },
    ].sort((a) => (a.locale === l ? -1 : 1)),
    { title, placeHolder: t(l, 'Language of the note', 'ノートの言語') },
  );
  if (!picked) return undefined;
  const input: NewAccountInput = { account: account.trim(), contractStart: contractStart.trim(), termMonths: Number(term), locale: picked.locale };
  if (salesOwner.trim()) input.salesOwner = salesOwner.trim();
  if (csmOwner.trim()) input.csmOwner = csmOwner.trim();
  return input;
}

/**
 * The workspace folder the note goes into: the only one; with several, the one the user picks (or,
 * for a note given by a caller, the active editor's, else the first). Undefined: none, or escaped.
 */
async function targetFolder(l: Locale, interactive: boolean): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length < 2) return folders[0];
  if (interactive) return vscode.window.showWorkspaceFolderPick({ placeHolder: t(l, 'Folder for the new account note', '新しいアカウントノートを作るフォルダー') });
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? folders[0];
}

/** Creates `<accountsFolder>/<file>` and opens it; never overwrites an existing note. */
export async function run(ctx: BatonContext, given?: NewAccountInput): Promise<vscode.Uri | undefined> {
  const l = ctx.settings().locale;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showErrorMessage(t(l, 'Open a folder first.', 'フォルダーを開いてから実行してください。'));
    return undefined;
  }
  const folder = await targetFolder(l, given === undefined);
  if (!folder) return undefined;
  const input = given ?? (await ask(ctx));
  if (!input) return undefined;
  const dir = ctx.settings().accountsFolder;
  const uri = vscode.Uri.joinPath(folder.uri, ...(dir ? dir.split('/') : []), accountFileName(input.account));
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showWarningMessage(t(l, `${input.account} already has a note; opening it.`, `${input.account} のノートは既にあります。開きます。`));
  } catch {
    const text = createAccountNote(input);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    ctx.index.update(uri, text);
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}
