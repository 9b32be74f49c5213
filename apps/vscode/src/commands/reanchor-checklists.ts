import { reanchorChecklists } from '@baton/core';
import type { BatonContext } from '../context.js';
import { editNote, targetDocument } from './edit-note.js';

export const id = 'baton.reanchorChecklists';

export async function run(ctx: BatonContext, uri?: unknown): Promise<void> {
  const document = await targetDocument(ctx, uri);
  if (!document) return;
  const locale = ctx.settings().locale;
  await editNote(ctx, document, (text) => reanchorChecklists(text, { locale }));
}
