import { Portfolio, type AccountNote, type Locale } from '@baton/core';
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

/** Terminal cells a string takes: East Asian wide and full-width characters count two. */
export function cellWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x300 && c < 0x370) || c === 0x200b) continue;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - cellWidth(s)));
}
