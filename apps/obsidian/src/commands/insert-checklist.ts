import { Notice, TFile, normalizePath, type App } from 'obsidian';
import { applyChecklist, builtinChecklists, parseChecklistTemplate, type ChecklistTemplate, type Locale } from '@baton/core';
import { applyEdit, problemsNotice } from '../apply-edit';
import type { BatonCommand } from '../context';
import { ChecklistSuggest } from '../modals/checklist-suggest';
import { strings } from '../strings';

/** Reads the team's templates; a broken one is skipped with a notice, never fatal. */
export async function loadTeamTemplates(app: App, folder: string, locale: Locale): Promise<ChecklistTemplate[]> {
  const dir = normalizePath(folder || '/');
  if (dir === '/') return [];
  const prefix = `${dir}/`;
  const out: ChecklistTemplate[] = [];
  for (const f of app.vault.getMarkdownFiles()) {
    if (!f.path.startsWith(prefix)) continue;
    // Ordinary Obsidian templates may share the folder: only checklist notes are ours to judge.
    const fm = app.metadataCache.getFileCache(f)?.frontmatter;
    if (fm !== undefined && fm['baton'] !== 'checklist') continue;
    const { template, problems } = parseChecklistTemplate(await app.vault.cachedRead(f), f.path);
    if (template) out.push(template);
    else if (problems.length > 0) new Notice(problemsNotice(strings(locale).templateProblems(f.path), f.path, problems), 8000);
  }
  return out;
}

/** Team templates first (they are the team's own playbooks), then built-ins not overridden. */
export function checklistChoices(team: ChecklistTemplate[], locale: Locale): ChecklistTemplate[] {
  const teamIds = new Set(team.filter((t) => t.locale === locale).map((t) => t.id));
  return [...team, ...builtinChecklists(locale).filter((b) => !teamIds.has(b.id))];
}

export async function insertChecklistInto(app: App, file: TFile, template: ChecklistTemplate, locale: Locale): Promise<boolean> {
  return (await applyEdit(app, file, (text) => applyChecklist(text, template), locale)).ok;
}

export const insertChecklistCommand: BatonCommand = {
  id: 'insert-checklist',
  icon: 'list-checks',
  title: (ui) => ui.commands.insertChecklist,
  needsNote: true,
  async run(ctx, file) {
    if (!file) return;
    const locale = ctx.locale();
    const team = await loadTeamTemplates(ctx.app, ctx.settings().templatesFolder, locale);
    new ChecklistSuggest(ctx.app, checklistChoices(team, locale), locale, (t) => insertChecklistInto(ctx.app, file, t, locale)).open();
  },
};
