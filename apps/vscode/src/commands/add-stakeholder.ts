import * as vscode from 'vscode';
import { addStakeholder, LEVEL_LABELS, LEVELS, ROLE_LABELS, ROLES, type Stakeholder } from '@baton/core';
import type { BatonContext } from '../context.js';
import { editNote, targetDocument } from './edit-note.js';

export const id = 'baton.addStakeholder';

export type StakeholderInput = Partial<Stakeholder> & { name: string };

async function ask(ctx: BatonContext): Promise<StakeholderInput | undefined> {
  const locale = ctx.settings().locale;
  const ja = locale === 'ja';
  const title = ja ? '関係者を追加' : 'Add stakeholder';
  const name = await vscode.window.showInputBox({
    title,
    prompt: ja ? '氏名' : 'Name',
    validateInput: (v) => (v.trim() ? undefined : ja ? '氏名を入力してください。' : 'Enter a name.'),
  });
  if (name === undefined) return undefined;
  const department = await vscode.window.showInputBox({ title, prompt: ja ? '部署（任意）' : 'Department (optional)' });
  if (department === undefined) return undefined;
  const level = await vscode.window.showQuickPick(
    [{ label: ja ? '（未設定）' : '(not set)', value: undefined }, ...LEVELS.map((l) => ({ label: LEVEL_LABELS[l][locale], value: l }))],
    { title, placeHolder: ja ? '職位' : 'Level' },
  );
  if (!level) return undefined;
  const roles = await vscode.window.showQuickPick(
    ROLES.map((r) => ({ label: ROLE_LABELS[r][locale], value: r })),
    { title, placeHolder: ja ? 'プロジェクトでの役割（複数可）' : 'Roles in the project (any number)', canPickMany: true },
  );
  if (!roles) return undefined;
  const key = await vscode.window.showQuickPick(
    [
      { label: ja ? 'キーパーソンではない' : 'Not a key person', value: false },
      { label: ja ? 'キーパーソン' : 'Key person', value: true },
    ],
    { title },
  );
  if (!key) return undefined;
  const input: StakeholderInput = { name: name.trim(), keyPerson: key.value, roles: roles.map((r) => r.value) };
  if (department.trim()) input.department = department.trim();
  if (level.value) input.level = level.value;
  return input;
}

/** Asks for one person (or takes them, for tests) and adds a row to the note's stakeholder table. */
export async function run(ctx: BatonContext, given?: StakeholderInput, uri?: unknown): Promise<void> {
  const document = await targetDocument(ctx, uri);
  if (!document) return;
  const version = document.version;
  const input = given ?? (await ask(ctx));
  if (!input) return;
  const locale = ctx.settings().locale;
  await editNote(ctx, document, (text) => addStakeholder(text, input, { locale }), version);
}
