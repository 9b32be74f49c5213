import { Portfolio, displayWidth, type Locale } from '@baton/core';
import { forEachMarkdownFile, type VaultFile } from './io.js';

export interface LoadedVault {
  portfolio: Portfolio;
  /** Account notes (valid or not), in path order. */
  accountFiles: string[];
  /** The files `keep` asked for, with their text; no other text is kept. */
  kept: VaultFile[];
}

/**
 * Reads every Markdown file under `dir` into one Portfolio, one file at a time: only the index
 * stays (under 1 KB per note), so a 50k-note vault fits in memory. Non-account notes are skipped
 * quietly unless `keep` wants their text.
 */
export function loadVault(dir: string, options: { today: string; locale: Locale | undefined }, keep?: (text: string) => boolean): LoadedVault {
  const portfolio = new Portfolio(options.locale ? { today: options.today, locale: options.locale } : { today: options.today });
  const accountFiles: string[] = [];
  const kept: VaultFile[] = [];
  forEachMarkdownFile(dir, (f) => {
    if (portfolio.upsert(f.file, f.text).kind === 'account') accountFiles.push(f.file);
    if (keep?.(f.text)) kept.push(f);
  });
  return { portfolio, accountFiles, kept };
}

/** Terminal cells a string takes (core's `displayWidth`: wide characters count two). */
export const cellWidth = displayWidth;

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - cellWidth(s)));
}
