import { Notice } from 'obsidian';
import { HEADING_TITLES, checkHandoff, parseAccountNote, uiText, type HandoffReport, type Locale } from '@baton/core';
import type { BatonCommand } from '../context';
import { strings } from '../strings';

/** `Handoff 3/5 — missing: Why they bought, Future vision`. */
export function handoffSummary(report: HandoffReport, locale: Locale): string {
  const ui = uiText(locale);
  const head = ui.handoff(report.score, report.total);
  if (report.missing.length === 0) return `${head} — ${strings(locale).handoffAllFilled}`;
  const sep = locale === 'ja' ? '、' : ', ';
  return `${head} — ${ui.handoffMissing}: ${report.missing.map((id) => HEADING_TITLES[id][locale]).join(sep)}`;
}

export const checkHandoffCommand: BatonCommand = {
  id: 'check-handoff',
  icon: 'clipboard-check',
  title: (ui) => ui.commands.checkHandoff,
  needsNote: true,
  async run(ctx, file) {
    if (!file) return;
    const locale = ctx.locale();
    const note = parseAccountNote(await ctx.app.vault.cachedRead(file), { locale });
    if (note.kind !== 'account') {
      new Notice(strings(locale).notAccount);
      return;
    }
    new Notice(handoffSummary(checkHandoff(note, { locale }), locale), 8000);
  },
};
