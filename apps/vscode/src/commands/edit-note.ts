import * as vscode from 'vscode';
import type { EditResult } from '@baton/core';
import { applyCoreEdit, type ApplyOutcome } from '../apply-edit.js';
import { activeMarkdown, type BatonContext } from '../context.js';

/** The document a command edits: the one a quick fix names, else the active Markdown editor. */
export async function targetDocument(ctx: BatonContext, uri?: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return activeMarkdown(ctx.settings())?.document;
}

/** Shared tail of every editing command: compute with core, apply undoably, report. */
export async function editNote(
  ctx: BatonContext,
  document: vscode.TextDocument,
  compute: (text: string) => EditResult,
  version?: number,
): Promise<ApplyOutcome> {
  const locale = ctx.settings().locale;
  const outcome = await applyCoreEdit(document, compute, locale, typeof version === 'number' ? version : document.version);
  if (outcome === 'unchanged') {
    void vscode.window.showInformationMessage(locale === 'ja' ? 'すでに反映済みです。変更はありません。' : 'Already there — nothing to change.');
  }
  return outcome;
}
