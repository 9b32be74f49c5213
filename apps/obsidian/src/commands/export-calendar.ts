import { Notice, TFile, normalizePath } from 'obsidian';
import { toIcs, uiText } from '@baton/core';
import type { BatonCommand, BatonContext } from '../context';
import { strings } from '../strings';

/** Writes the whole portfolio's timeline as an .ics file inside the vault; returns its path. */
export async function exportCalendar(ctx: BatonContext, now: Date = new Date()): Promise<string> {
  const { app } = ctx;
  const locale = ctx.locale();
  const events = ctx.index.portfolio.timeline();
  const ics = toIcs(events, { calendarName: uiText(locale).timelineTitle, locale, dtstamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z') });
  const path = normalizePath(ctx.settings().calendarPath);
  const existing = app.vault.getAbstractFileByPath(path);
  if (existing instanceof TFile) await app.vault.modify(existing, ics);
  else {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (dir && !app.vault.getAbstractFileByPath(dir)) await app.vault.createFolder(dir).catch(() => undefined);
    await app.vault.create(path, ics);
  }
  new Notice(strings(locale).exported(path, events.length), 8000);
  return path;
}

export const exportCalendarCommand: BatonCommand = {
  id: 'export-calendar',
  icon: 'calendar-arrow-down',
  title: (ui) => ui.commands.exportIcs,
  needsNote: false,
  async run(ctx) {
    await exportCalendar(ctx);
  },
};
