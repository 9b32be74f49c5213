import { Portfolio, displayWidth, type AccountNote, type Locale } from '@baton/core';
import { readMarkdownFiles } from './io.js';

export interface LoadedVault {
  portfolio: Portfolio;
  /** Account notes only, in path order. */
  notes: { file: string; note: AccountNote }[];
  /** Every Markdown file read, accounts or not. */
  files: { file: string; text: string }[];
}

/** Reads every Markdown file under `dir` into one Portfolio; non-account notes are skipped quietly. */
export function loadVault(dir: string, options: { today: string; locale: Locale | undefined }): LoadedVault {
  const portfolio = new Portfolio(options.locale ? { today: options.today, locale: options.locale } : { today: options.today });
  const notes: LoadedVault['notes'] = [];
  const files = readMarkdownFiles(dir).map(({ file, text }) => ({ file, text }));
  for (const { file, text } of files) {
    const note = portfolio.upsert(file, text);
    if (note.kind === 'account') notes.push({ file, note });
  }
  return { portfolio, notes, files };
}

/** Terminal cells a string takes (core's `displayWidth`: wide characters count two). */
export const cellWidth = displayWidth;

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - cellWidth(s)));
}
