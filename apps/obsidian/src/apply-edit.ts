import { Notice, type App, type TFile } from 'obsidian';
import type { EditResult, Locale, Problem } from '@baton/core';
import { strings } from './strings';

export type EditOutcome = { ok: true; changed: boolean } | { ok: false; problems: Problem[] };

/** `Acme.md:12 [renewal_date] message` — enough to find the spot. */
export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.line}${p.field ? ` [${p.field}]` : ''} ${p.message}`;
}

export function problemsNotice(header: string, file: string, problems: readonly Problem[]): string {
  const shown = problems.slice(0, 5).map((p) => formatProblem(file, p));
  const more = problems.length > 5 ? [`… +${problems.length - 5}`] : [];
  return [header, ...shown, ...more].join('\n');
}

/**
 * Runs a core edit on the note's CURRENT text inside `vault.process` (atomic). When core says
 * no, the text is returned untouched and the user sees where and why.
 */
export async function applyEdit(app: App, file: TFile, edit: (text: string) => EditResult, locale: Locale): Promise<EditOutcome> {
  const t = strings(locale);
  let outcome = { ok: true, changed: false } as EditOutcome;
  await app.vault.process(file, (text) => {
    let r: EditResult;
    try {
      r = edit(text);
    } catch (e) {
      // Core promises not to throw on user input; if it ever does, the note still survives.
      r = { ok: false, problems: [{ code: 'internal', severity: 'error', message: String(e), line: 1 }] };
    }
    if (!r.ok) {
      outcome = { ok: false, problems: r.problems };
      return text;
    }
    outcome = { ok: true, changed: r.changed && r.text !== text };
    return r.text;
  });
  if (!outcome.ok) new Notice(problemsNotice(t.editFailed(file.path), file.path, outcome.problems), 10_000);
  else new Notice(outcome.changed ? t.updated(file.path) : t.nothingChanged);
  return outcome;
}
