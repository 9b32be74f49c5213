import * as vscode from 'vscode';
import { addStakeholder } from '../core.js';
import type { BatonContext } from '../context.js';
import { editNote, targetDocument } from './edit-note.js';

export const id = 'baton.addStakeholder';

export interface StakeholderInput {
  name: string;
  department?: string;
  level?: string;
  roles?: string[];
  keyPerson?: boolean;
}

async function ask(ctx: BatonContext): Promise<StakeholderInput | undefined> {
  const ja = ctx.settings().locale === 'ja';
  const title = ja ? '関係者を追加' : 'Add stakeholder';
  const name = await vscode.window.showInputBox({
    title,
    prompt: ja ? '氏名' : 'Name',
    validateInput: (v) => (v.trim() ? undefined : ja ? '氏名を入力してください。' : 'Enter a name.'),
  });
  if (name === undefined) return undefined;
  const department = await vscode.window.showInputBox({ title, prompt: ja ? '部署（任意）' : 'Department (optional)' });
  if (department === undefined) return undefined;
  const level = await vscode.window.showInputBox({ title, prompt: ja ? '役職（任意）' : 'Level / title (optional)' });
  if (level === undefined) return undefined;
  const roles = await vscode.window.showInputBox({
    title,
    prompt: ja ? 'プロジェクトでの役割（カンマ区切り、任意）' : 'Roles in the project, comma-separated (optional)',
  });
  if (roles === undefined) return undefined;
  const key = await vscode.window.showQuickPick([ja ? 'キーパーソンではない' : 'Not a key person', ja ? 'キーパーソン' : 'Key person'], { title });
  if (key === undefined) return undefined;
  const input: StakeholderInput = { name: name.trim(), keyPerson: key === (ja ? 'キーパーソン' : 'Key person') };
  if (department.trim()) input.department = department.trim();
  if (level.trim()) input.level = level.trim();
  const roleList = roles.split(/[,、]/).map((r) => r.trim()).filter(Boolean);
  if (roleList.length) input.roles = roleList;
  return input;
}

export async function run(ctx: BatonContext, given?: StakeholderInput, uri?: unknown): Promise<void> {
  const document = await targetDocument(ctx, uri);
  if (!document) return;
  const version = document.version;
  const input = given ?? (await ask(ctx));
  if (!input) return;
  const locale = ctx.settings().locale;
  await editNote(ctx, document, (text) => addStakeholder(text, input, { locale }), version);
}
