import type { TFile } from 'obsidian';
import { addStakeholder } from '@baton/core';
import { applyEdit } from '../apply-edit';
import type { BatonCommand, BatonContext } from '../context';
import { StakeholderModal, type StakeholderInput } from '../modals/stakeholder-modal';

export async function addStakeholderTo(ctx: BatonContext, file: TFile, person: StakeholderInput): Promise<boolean> {
  const r = await applyEdit(ctx.app, file, (text) => addStakeholder(text, person), ctx.locale());
  return r.ok;
}

export const addStakeholderCommand: BatonCommand = {
  id: 'add-stakeholder',
  icon: 'user-round-plus',
  title: (ui) => ui.commands.addStakeholder,
  needsNote: true,
  async run(ctx, file) {
    if (!file) return;
    new StakeholderModal(ctx.app, ctx.locale(), (person) => addStakeholderTo(ctx, file, person)).open();
  },
};
