import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, parseDayList, parseWholeNumber, resolveLocale, toPortfolioOptions } from './settings';

describe('parseDayList', () => {
  it('reads comma, 、 and full-width input, sorted descending without duplicates', () => {
    expect(parseDayList('30, 120,90')).toEqual([120, 90, 30]);
    expect(parseDayList('１２０、９０ 60,60')).toEqual([120, 90, 60]);
  });
  it('refuses anything that is not a list of whole days', () => {
    expect(parseDayList('')).toBeUndefined();
    expect(parseDayList('90, soon')).toBeUndefined();
    expect(parseDayList('-5')).toBeUndefined();
    expect(parseDayList('1.5')).toBeUndefined();
    expect(parseDayList('99999')).toBeUndefined();
  });
});

describe('parseWholeNumber', () => {
  it('enforces bounds', () => {
    expect(parseWholeNumber('12', 1, 12)).toBe(12);
    expect(parseWholeNumber('13', 1, 12)).toBeUndefined();
    expect(parseWholeNumber(' ４ ', 1, 12)).toBe(4);
    expect(parseWholeNumber('4x', 1, 12)).toBeUndefined();
  });
});

describe('normalizeSettings', () => {
  it('defaults everything for missing or junk data', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('nope')).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid values and drops invalid ones field by field', () => {
    const s = normalizeSettings({ accountsFolder: ' CS/Accounts ', locale: 'ja', outreachDays: [60, 180], dueSoonDays: -1, fiscalYearStartMonth: 13, keyPersonContactDays: 45, extra: 1 });
    expect(s.accountsFolder).toBe('CS/Accounts');
    expect(s.locale).toBe('ja');
    expect(s.outreachDays).toEqual([180, 60]);
    expect(s.dueSoonDays).toBe(DEFAULT_SETTINGS.dueSoonDays);
    expect(s.fiscalYearStartMonth).toBe(DEFAULT_SETTINGS.fiscalYearStartMonth);
    expect(s.keyPersonContactDays).toBe(45);
    expect(s).not.toHaveProperty('extra');
  });
  it('never shares the default array', () => {
    const s = normalizeSettings(undefined);
    s.outreachDays.push(1);
    expect(DEFAULT_SETTINGS.outreachDays).toEqual([120, 90, 60, 30]);
  });
});

describe('resolveLocale', () => {
  it('follows the host language only when set to auto', () => {
    expect(resolveLocale('auto', 'ja')).toBe('ja');
    expect(resolveLocale('auto', 'ja-JP')).toBe('ja');
    expect(resolveLocale('auto', 'fr')).toBe('en');
    expect(resolveLocale('auto', undefined)).toBe('en');
    expect(resolveLocale('en', 'ja')).toBe('en');
  });
});

describe('toPortfolioOptions', () => {
  it('maps every timeline and lint setting', () => {
    const s = normalizeSettings({ outreachDays: [90, 30], firstContactBusinessDays: 5, dueSoonDays: 7, keyPersonContactDays: 60 });
    expect(toPortfolioOptions(s, '2026-11-22', 'ja')).toEqual({
      today: '2026-11-22',
      locale: 'ja',
      outreachDays: [90, 30],
      firstContactBusinessDays: 5,
      dueSoonDays: 7,
      keyPersonContactDays: 60,
    });
  });
});
