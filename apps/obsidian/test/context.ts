import { AccountIndex } from '../src/account-index';
import type { BatonContext } from '../src/context';
import { normalizeSettings, toPortfolioOptions, type BatonSettings } from '../src/settings';
import type { App as FakeApp } from './fake-obsidian';
import type { App } from 'obsidian';

export const TODAY = '2026-11-22';

/** A command context over a fake app, with a built index (no plugin involved). */
export async function makeContext(app: FakeApp, overrides: Partial<BatonSettings> = {}, locale: 'en' | 'ja' = 'en'): Promise<BatonContext & { opened: number }> {
  const settings = { ...normalizeSettings(undefined), ...overrides };
  const index = new AccountIndex(toPortfolioOptions(settings, TODAY, locale), {
    candidates: () => app.vault.getMarkdownFiles().map((f) => f.path),
    read: async (p) => {
      const f = app.vault.getFileByPath(p);
      if (!f) throw new Error(p);
      return app.vault.read(f);
    },
  });
  await index.build();
  const ctx = {
    app: app as unknown as App,
    index,
    opened: 0,
    settings: () => settings,
    locale: () => locale,
    today: () => TODAY,
    activateTimeline: async () => {
      ctx.opened++;
    },
  };
  return ctx;
}
