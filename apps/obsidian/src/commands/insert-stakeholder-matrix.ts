import { insertStakeholderMatrix } from '@baton/core';
import { applyEdit } from '../apply-edit';
import type { BatonCommand } from '../context';

export const insertStakeholderMatrixCommand: BatonCommand = {
  id: 'insert-stakeholder-matrix',
  icon: 'table',
  title: (ui) => ui.commands.insertStakeholderMatrix,
  needsNote: true,
  async run(ctx, file) {
    if (!file) return;
    // No locale passed: the note's own language decides headings and columns.
    await applyEdit(ctx.app, file, (text) => insertStakeholderMatrix(text), ctx.locale());
  },
};
