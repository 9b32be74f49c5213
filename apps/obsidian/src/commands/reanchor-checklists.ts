import { reanchorChecklists } from '@baton/core';
import { Notice } from 'obsidian';
import { applyEdit } from '../apply-edit';
import { strings } from '../strings';
import type { BatonCommand } from '../context';

export const reanchorChecklistsCommand: BatonCommand = {
  id: 'reanchor-checklists',
  icon: 'calendar-sync',
  title: (ui) => ui.commands.reanchor,
  needsNote: true,
  async run(ctx, file) {
    if (!file) return;
    let removed = 0;
    const outcome = await applyEdit(
      ctx.app,
      file,
      (text) => {
        const r = reanchorChecklists(text);
        removed = r.removed ?? 0;
        return r;
      },
      ctx.locale(),
    );
    // Dates that moved are in plain sight; dates taken out (their anchor date was emptied) are said.
    if (outcome.ok && outcome.changed && removed > 0) new Notice(strings(ctx.locale()).removedDates(removed));
  },
};
