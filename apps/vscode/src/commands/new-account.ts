import * as vscode from 'vscode';
import { accountFileName, createAccountNote, isIsoDate, parseAccountNote, type Locale, type Problem } from '@baton/core';
import type { BatonContext } from '../context.js';

export const id = 'baton.newAccount';

export interface NewAccountInput {
  account: string;
  contractStart: string;
  termMonths: number;
  salesOwner?: string;
  csmOwner?: string;
  renewalOwner?: string;
  noticeDays?: number;
  locale: Locale;
}

/** The errors core finds in the note `input` would create, judged as the saved note will be. */
export function inputErrors(input: NewAccountInput, locale: Locale): Problem[] {
  let text: string;
  try {
    text = createAccountNote(input);
  } catch (e) {
    return [{ code: 'invalid-input', severity: 'error', message: e instanceof Error ? e.message : String(e), line: 1 }];
  }
  return parseAccountNote(text, { locale }).problems.filter((p) => p.severity === 'error');
}

/**
 * An input box's check of one number field, in core's own words: the message of core's first
 * error on `field` in a note with this value (the ranges live in core), or `badNumber`.
 */
export function numberFieldMessage(value: string, field: 'term_months' | 'notice_days', locale: Locale, badNumber: string): string | undefined {
  const v = value.trim();
  if (field === 'notice_days' && v === '') return undefined; // optional
  if (!/^\d{1,7}$/.test(v)) return badNumber;
  const input: NewAccountInput = { account: 'x', contractStart: '2026-01-01', termMonths: 12, locale };
  if (field === 'term_months') input.termMonths = Number(v);
  else input.noticeDays = Number(v);
  return inputErrors(input, locale).find((p) => p.field === field)?.message;
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
    validateInput: (v) => numberFieldMessage(v, 'term_months', l, t(l, 'Enter a whole number of months.', '月数を整数で入力してください。')),
  });
  if (term === undefined) return undefined;
  const notice = await vscode.window.showInputBox({
    title,
    prompt: t(l, 'Notice period in days before renewal (optional)', '解約通知期間（日数・任意）'),
    validateInput: (v) => numberFieldMessage(v, 'notice_days', l, t(l, 'Enter a whole number of days, or leave it empty.', '日数を整数で入力するか、空欄のままにしてください。')),
  });
  if (notice === undefined) return undefined;
  const salesOwner = await vscode.window.showInputBox({ title, prompt: t(l, 'Sales owner (optional)', '営業担当（任意）') });
  if (salesOwner === undefined) return undefined;
  const csmOwner = await vscode.window.showInputBox({ title, prompt: t(l, 'CSM owner (optional)', 'CS担当（任意）') });
  if (csmOwner === undefined) return undefined;
  const renewalOwner = await vscode.window.showInputBox({ title, prompt: t(l, 'Renewal owner (optional)', '更新担当（任意）') });
  if (renewalOwner === undefined) return undefined;
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
  if (renewalOwner.trim()) input.renewalOwner = renewalOwner.trim();
  if (notice.trim()) input.noticeDays = Number(notice.trim());
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
  // Core judges the note before it exists: a caller's input (or a value the boxes let through) that
  // would give a note with errors is refused, with core's messages, and nothing is written.
  const errors = inputErrors(input, l);
  if (errors.length > 0) {
    void vscode.window.showErrorMessage(t(l, `Baton: no note created: ${errors.map((p) => p.message).join('; ')}`, `Baton: ノートを作成しませんでした: ${errors.map((p) => p.message).join('; ')}`));
    return undefined;
  }
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
