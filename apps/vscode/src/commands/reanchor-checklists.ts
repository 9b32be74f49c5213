import * as vscode from 'vscode';
import { reanchorChecklists } from '@baton/core';
import type { BatonContext } from '../context.js';
import { editNote, targetDocument } from './edit-note.js';

export const id = 'baton.reanchorChecklists';

export async function run(ctx: BatonContext, uri?: unknown): Promise<void> {
  const document = await targetDocument(ctx, uri);
  if (!document) return;
  const locale = ctx.settings().locale;
  let removed = 0;
  const outcome = await editNote(ctx, document, (text) => {
    const result = reanchorChecklists(text, { locale });
    removed = result.removed ?? 0;
    return result;
  });
  // Dates that moved are in plain sight; dates taken out (their anchor date was emptied) are said.
  if (outcome === 'applied' && removed > 0) {
    void vscode.window.showInformationMessage(
      locale === 'ja' ? `基準日が空になったため、${removed} 件の期日を外しました。` : `Removed ${removed} due date${removed === 1 ? '' : 's'} whose anchor date is empty.`,
    );
  }
}
