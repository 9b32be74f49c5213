import { reanchorChecklists } from '@baton/core';
import { applyEdit } from '../apply-edit';
import type { BatonCommand } from '../context';

export const reanchorChecklistsCommand: BatonCommand = {
  id: 'reanchor-checklists',
  icon: 'calendar-sync',
  title: (ui) => ui.commands.reanchor,
  needsNote: true,
  async run(ctx, file) {
    if (!file) return;
    await applyEdit(ctx.app, file, (text) => reanchorChecklists(text), ctx.locale());
  },
};
