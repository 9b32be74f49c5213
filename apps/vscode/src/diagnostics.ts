import * as vscode from 'vscode';
import { lintAccount, parseAccountNote, type Problem } from '@baton/core';
import type { BatonContext } from './context.js';

export const DIAGNOSTIC_SOURCE = 'Baton';
const DEBOUNCE_MS = 300;

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Core problems → diagnostics on their (1-based) lines; `code` carries the quick-fix key. */
export function toDiagnostics(document: vscode.TextDocument, problems: readonly Problem[]): vscode.Diagnostic[] {
  return problems.map((p) => {
    const line = Math.min(Math.max(0, p.line - 1), Math.max(0, document.lineCount - 1));
    const range = document.lineAt(line).range;
    const d = new vscode.Diagnostic(range, p.message, SEVERITY[p.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = p.field ? `${p.code}:${p.field}` : p.code;
    return d;
  });
}

/** Lints one document; non-account Markdown gets no diagnostics. */
export function lintDocument(ctx: BatonContext, document: vscode.TextDocument): vscode.Diagnostic[] {
  const s = ctx.settings();
  const note = parseAccountNote(document.getText(), { locale: s.locale });
  if (note.kind !== 'account') return [];
  const problems = lintAccount(note, { today: ctx.today(), locale: s.locale, keyPersonContactDays: s.keyPersonContactDays });
  return toDiagnostics(document, problems);
}

/** Keeps a DiagnosticCollection in step with open Markdown documents (debounced while typing). */
export function registerDiagnostics(ctx: BatonContext): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('baton');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const run = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'git') return;
    collection.set(document.uri, lintDocument(ctx, document));
  };
  const later = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (document.isClosed || document.languageId !== 'markdown') return;
        if (document.uri.scheme === 'file' || document.uri.scheme === 'vscode-remote') {
          // The timeline follows typing: the index reads the text for the timeline only (it keeps
          // no problems). Setting today keeps the sorted timeline unless the day changed.
          ctx.index.portfolio.setOptions({ today: ctx.today() });
          ctx.index.update(document.uri, document.getText());
        }
        // The diagnostics come from the note's full parse and lint, as on open and save.
        run(document);
      }, DEBOUNCE_MS),
    );
  };

  for (const document of vscode.workspace.textDocuments) run(document);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(run),
    vscode.workspace.onDidSaveTextDocument(run),
    vscode.workspace.onDidChangeTextDocument((e) => later(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      clearTimeout(timers.get(d.uri.toString()));
      timers.delete(d.uri.toString());
      collection.delete(d.uri);
      // Typing re-indexed the buffer: once it is closed, the file on disk is the note again.
      if (d.languageId === 'markdown' && (d.uri.scheme === 'file' || d.uri.scheme === 'vscode-remote')) void ctx.index.closed(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('baton')) for (const document of vscode.workspace.textDocuments) run(document);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
