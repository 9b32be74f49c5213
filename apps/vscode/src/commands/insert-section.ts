import { insertMissingSection, type HeadingId } from '@baton/core';
import type { BatonContext } from '../context.js';
import { editNote, targetDocument } from './edit-note.js';

/** Internal command behind the "Insert section" quick fix. */
export const id = 'baton.insertSection';

export async function run(ctx: BatonContext, uri?: unknown, headingId?: HeadingId, version?: number): Promise<void> {
  if (!headingId) return;
  const document = await targetDocument(ctx, uri);
  if (!document) return;
  const locale = ctx.settings().locale;
  await editNote(ctx, document, (text) => insertMissingSection(text, headingId, { locale }), version);
}
