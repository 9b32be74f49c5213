import { Notice } from 'obsidian';
import { HEADING_TITLES, checkHandoff, lintAccount, parseAccountNote, uiText, type HandoffReport, type Locale } from '@baton/core';
import { formatProblem } from '../apply-edit';
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
    // Handoff gaps are already in the summary; the rest (stakeholders, owners, format) follows.
    const others = lintAccount(note, { today: ctx.today(), locale, keyPersonContactDays: ctx.settings().keyPersonContactDays }).filter((p) => !p.code.startsWith('handoff.'));
    const lines = others.slice(0, 5).map((p) => formatProblem(file.path, p));
    new Notice([handoffSummary(checkHandoff(note, { locale }), locale), ...lines].join('\n'), 8000);
  },
};
