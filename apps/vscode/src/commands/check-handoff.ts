import * as vscode from 'vscode';
import { checkHandoff, parseAccountNote, uiText } from '@baton/core';
import type { BatonContext } from '../context.js';
import { targetDocument } from './edit-note.js';

export const id = 'baton.checkHandoff';

/** Shows "Handoff 3/5 — missing: …" and returns the message (for tests and the walkthrough). */
export async function run(ctx: BatonContext, uri?: unknown): Promise<string | undefined> {
  const document = await targetDocument(ctx, uri);
  if (!document) return undefined;
  const locale = ctx.settings().locale;
  const ui = uiText(locale);
  const report = checkHandoff(parseAccountNote(document.getText(), { locale }), { locale });
  const gaps = report.items.filter((i) => i.essential && i.status !== 'filled').map((i) => i.title);
  const head = ui.handoff(report.score, report.total);
  const message = gaps.length ? `${head} — ${ui.handoffMissing}: ${gaps.join(locale === 'ja' ? '、' : ', ')}` : head;
  if (gaps.length) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return message;
}
