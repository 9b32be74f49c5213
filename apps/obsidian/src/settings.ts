import { SETTING_DEFAULTS, localeFromLanguage, type IsoDate, type Locale, type PortfolioOptions } from '@baton/core';

/** What the settings tab edits and `data.json` stores. */
export interface BatonSettings {
  accountsFolder: string;
  templatesFolder: string;
  /** `auto` follows Obsidian's display language. */
  locale: 'auto' | Locale;
  outreachDays: number[];
  firstContactBusinessDays: number;
  keyPersonContactDays: number;
  fiscalYearStartMonth: number;
  dueSoonDays: number;
  calendarPath: string;
}

export const DEFAULT_SETTINGS: Readonly<BatonSettings> = Object.freeze({
  ...SETTING_DEFAULTS,
  outreachDays: [...SETTING_DEFAULTS.outreachDays],
  locale: 'auto',
  calendarPath: 'Baton/renewals.ics',
});

/**
 * Reads `outreach days` as typed by a user: `120, 90, 60, 30`, also with 、 or full-width digits.
 * Returns undefined when any entry is not a whole number of days, so the tab can refuse it.
 *
 * @example
 * parseDayList('30, 120,90') // [120, 90, 30]
 */
export function parseDayList(text: string): number[] | undefined {
  const parts = toHalfWidth(text)
    .split(/[,、\s]+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const days = new Set<number>();
  for (const p of parts) {
    const n = parseWholeNumber(p, 0, 3650);
    if (n === undefined) return undefined;
    days.add(n);
  }
  return [...days].sort((a, b) => b - a);
}

/** A whole number within [min, max], or undefined. */
export function parseWholeNumber(text: string, min: number, max: number): number | undefined {
  const s = toHalfWidth(text).trim();
  if (!/^\d{1,6}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

function toHalfWidth(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/，/g, ',');
}

/** Stored data can be old, partial or hand-edited: keep what is valid, default the rest. */
export function normalizeSettings(raw: unknown): BatonSettings {
  const s: BatonSettings = { ...DEFAULT_SETTINGS, outreachDays: [...DEFAULT_SETTINGS.outreachDays] };
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  const str = (k: 'accountsFolder' | 'templatesFolder' | 'calendarPath') => {
    const v = r[k];
    if (typeof v === 'string') s[k] = v.trim();
  };
  str('accountsFolder');
  str('templatesFolder');
  str('calendarPath');
  if (s.calendarPath === '') s.calendarPath = DEFAULT_SETTINGS.calendarPath;
  if (r['locale'] === 'en' || r['locale'] === 'ja' || r['locale'] === 'auto') s.locale = r['locale'];
  if (Array.isArray(r['outreachDays'])) {
    const days = parseDayList(r['outreachDays'].join(','));
    if (days) s.outreachDays = days;
  }
  const num = (k: 'firstContactBusinessDays' | 'keyPersonContactDays' | 'fiscalYearStartMonth' | 'dueSoonDays', min: number, max: number) => {
    const v = r[k];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) s[k] = v;
  };
  num('firstContactBusinessDays', 0, 60);
  num('keyPersonContactDays', 1, 3650);
  num('fiscalYearStartMonth', 1, 12);
  num('dueSoonDays', 0, 365);
  return s;
}

/** The product locale: the setting, or Obsidian's display language when set to `auto`. */
export function resolveLocale(setting: BatonSettings['locale'], hostLanguage: string | undefined): Locale {
  return setting === 'auto' ? localeFromLanguage(hostLanguage) : setting;
}

/** Host settings → core options (the only place the two vocabularies meet). */
export function toPortfolioOptions(settings: BatonSettings, today: IsoDate, locale: Locale): PortfolioOptions {
  return {
    today,
    locale,
    outreachDays: settings.outreachDays,
    firstContactBusinessDays: settings.firstContactBusinessDays,
    dueSoonDays: settings.dueSoonDays,
    keyPersonContactDays: settings.keyPersonContactDays,
  };
}
