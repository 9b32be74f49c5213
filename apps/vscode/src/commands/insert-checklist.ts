import * as vscode from 'vscode';
import { applyChecklist, builtinChecklists, parseChecklistTemplate, type ChecklistTemplate } from '@baton/core';
import type { BatonContext } from '../context.js';
import { editNote, targetDocument } from './edit-note.js';

export const id = 'baton.insertChecklist';

/**
 * Team templates from `baton.templatesFolder` of the workspace folder that holds `near` (the note
 * they are for; the first folder otherwise); broken ones are reported, not fatal.
 */
export async function teamTemplates(ctx: BatonContext, near?: vscode.Uri): Promise<ChecklistTemplate[]> {
  const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
  const dir = ctx.settings().templatesFolder;
  if (!folder || !dir) return [];
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `${dir}/**/*.md`));
  const out: ChecklistTemplate[] = [];
  for (const uri of files) {
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      const { template, problems } = parseChecklistTemplate(text, vscode.workspace.asRelativePath(uri, false));
      if (template) out.push(template);
      else if (problems[0]) void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri, false)}: ${problems[0].message}`);
    } catch {
      // unreadable file: skip it, the rest still work
    }
  }
  return out;
}

/** Picks a checklist (or takes its id) and inserts it into the active note. */
export async function run(ctx: BatonContext, templateId?: string, uri?: unknown): Promise<void> {
  const document = await targetDocument(ctx, uri);
  if (!document) return;
  const version = document.version;
  const locale = ctx.settings().locale;
  const all = [...(await teamTemplates(ctx, document.uri)), ...builtinChecklists(locale)];
  let template = typeof templateId === 'string' ? all.find((c) => c.id === templateId) : undefined;
  if (!template) {
    const picked = await vscode.window.showQuickPick(
      all.map((c) => ({
        label: c.title,
        description: c.source === 'team' ? (c.file ?? '') : locale === 'ja' ? '組み込み' : 'built-in',
        detail: `${c.items.length} ${locale === 'ja' ? '項目' : 'items'}`,
        template: c,
      })),
      { title: locale === 'ja' ? 'チェックリストを挿入' : 'Insert checklist', matchOnDescription: true },
    );
    if (!picked) return;
    template = picked.template;
  }
  await editNote(ctx, document, (text) => applyChecklist(text, template, { locale }), version);
}
