import * as vscode from 'vscode';
import { checkHandoff, handoffSummary, parseAccountNote } from '@baton/core';
import type { BatonContext } from '../context.js';
import { targetDocument } from './edit-note.js';

export const id = 'baton.checkHandoff';

/** Shows "Handoff 3/5 — missing: …" and returns the message (for tests and the walkthrough). */
export async function run(ctx: BatonContext, uri?: unknown): Promise<string | undefined> {
  const document = await targetDocument(ctx, uri);
  if (!document) return undefined;
  const locale = ctx.settings().locale;
  const report = checkHandoff(parseAccountNote(document.getText(), { locale }), { locale });
  const message = handoffSummary(report, locale);
  if (report.missing.length) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return message;
}
