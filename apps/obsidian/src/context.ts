import type { App, TFile } from 'obsidian';
import type { IsoDate, Locale, UiText } from '@baton/core';
import type { AccountIndex } from './account-index';
import type { BatonSettings } from './settings';

/** Everything a command may use; main.ts builds it, tests build their own. */
export interface BatonContext {
  app: App;
  index: AccountIndex;
  settings(): BatonSettings;
  locale(): Locale;
  today(): IsoDate;
  activateTimeline(): Promise<void>;
}

/** One command = one module: gather input → call core → apply the result. */
export interface BatonCommand {
  id: string;
  icon?: string;
  title(ui: UiText): string;
  /** True when the command works on the open Markdown note (hidden otherwise). */
  needsNote: boolean;
  run(ctx: BatonContext, file: TFile | null): Promise<void>;
}
