import { Notice, TFile, normalizePath } from 'obsidian';
import { accountFileName, createAccountNote, hasErrors, parseAccountNote, type NewAccountInput } from '@baton/core';
import { problemsNotice } from '../apply-edit';
import type { BatonCommand, BatonContext } from '../context';
import { AccountModal } from '../modals/account-modal';
import { strings } from '../strings';

/**
 * Writes the note for `input` into the accounts folder and opens it. Returns false (modal stays
 * open) when core finds the input unusable.
 */
export async function createAccount(ctx: BatonContext, input: NewAccountInput): Promise<TFile | false> {
  const { app } = ctx;
  const locale = ctx.locale();
  const t = strings(locale);
  const text = createAccountNote(input);
  const folder = normalizePath(ctx.settings().accountsFolder || '/');
  const path = normalizePath(folder === '/' ? accountFileName(input.account) : `${folder}/${accountFileName(input.account)}`);
  // Core judges the result exactly as it will judge the saved note.
  const check = parseAccountNote(text, { locale });
  if (!check.account || hasErrors(check.problems)) {
    new Notice(problemsNotice(t.editFailed(path), path, check.problems), 10_000);
    return false;
  }
  const existing = app.vault.getAbstractFileByPath(path);
  if (existing instanceof TFile) {
    new Notice(t.exists(path));
    await app.workspace.getLeaf(false).openFile(existing);
    return existing;
  }
  if (folder !== '/' && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder).catch(() => undefined);
  const file = await app.vault.create(path, text);
  new Notice(t.created(path));
  await app.workspace.getLeaf(false).openFile(file);
  return file;
}

export const newAccountCommand: BatonCommand = {
  id: 'new-account',
  icon: 'user-plus',
  title: (ui) => ui.commands.newAccount,
  needsNote: false,
  async run(ctx) {
    new AccountModal(ctx.app, ctx.locale(), ctx.today(), (input) => createAccount(ctx, input)).open();
  },
};
