import * as vscode from 'vscode';
import { SETTING_DEFAULTS as D, localeFromLanguage, type Locale } from '@baton/core';

/** Baton's settings, translated once into the options core functions take. */
export interface BatonSettings {
  accountsFolder: string;
  templatesFolder: string;
  locale: Locale;
  outreachDays: number[];
  firstContactBusinessDays: number;
  keyPersonContactDays: number;
  dueSoonDays: number;
  fiscalYearStartMonth: number;
  /** Keep the workspace index in VS Code's workspace storage between sessions (`baton.indexCache`). */
  indexCache: boolean;
}

function positiveInts(value: unknown, fallback: number[]): number[] {
  if (!Array.isArray(value)) return fallback;
  const ints = value.filter((v): v is number => Number.isInteger(v) && v > 0);
  return ints.length > 0 ? ints : fallback;
}

function nonNegativeInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** Resolves `auto` from VS Code's display language (`ja`, `ja-JP` → ja; everything else → en). */
export function resolveLocale(setting: unknown, language: string): Locale {
  if (setting === 'en' || setting === 'ja') return setting;
  return localeFromLanguage(language);
}

/** Reads `baton.*`, falling back to defaults for anything a user mistyped in settings.json. */
export function readSettings(): BatonSettings {
  const c = vscode.workspace.getConfiguration('baton');
  const month = nonNegativeInt(c.get('fiscalYearStartMonth'), D.fiscalYearStartMonth);
  return {
    accountsFolder: String(c.get('accountsFolder') ?? D.accountsFolder).replace(/^\/+|\/+$/g, ''),
    templatesFolder: String(c.get('templatesFolder') ?? D.templatesFolder).replace(/^\/+|\/+$/g, ''),
    locale: resolveLocale(c.get('locale'), vscode.env.language),
    outreachDays: positiveInts(c.get('outreachDays'), [...D.outreachDays]),
    firstContactBusinessDays: nonNegativeInt(c.get('firstContactBusinessDays'), D.firstContactBusinessDays),
    keyPersonContactDays: nonNegativeInt(c.get('keyPersonContactDays'), D.keyPersonContactDays) || D.keyPersonContactDays,
    dueSoonDays: nonNegativeInt(c.get('dueSoonDays'), D.dueSoonDays),
    fiscalYearStartMonth: month >= 1 && month <= 12 ? month : D.fiscalYearStartMonth,
    indexCache: c.get('indexCache') !== false,
  };
}

/** Today in the user's local time zone, as core wants it (core itself reads no clock). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
