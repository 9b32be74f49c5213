import { Notice } from 'obsidian';
import { checkHandoff, handoffSummary as coreSummary, lintAccount, parseAccountNote, type HandoffReport, type Locale } from '@baton/core';
import { formatProblem } from '../apply-edit';
import type { BatonCommand } from '../context';
import { strings } from '../strings';

/** Core's `Handoff 3/5 — missing: …`; a complete handoff says so in words. */
export function handoffSummary(report: HandoffReport, locale: Locale): string {
  const line = coreSummary(report, locale);
  return report.missing.length === 0 ? `${line} — ${strings(locale).handoffAllFilled}` : line;
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
