import { beforeEach, describe, expect, it } from 'vitest';
import { _reset, _state } from '../test/fake-vscode.js';
import { localToday, readSettings, resolveLocale } from './config.js';

beforeEach(() => _reset());

describe('settings', () => {
  it('resolves auto from the display language', () => {
    expect(resolveLocale('auto', 'ja')).toBe('ja');
    expect(resolveLocale('auto', 'ja-JP')).toBe('ja');
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('en', 'ja')).toBe('en');
    expect(resolveLocale(42, 'fr')).toBe('en');
  });

  it('falls back to defaults for mistyped values', () => {
    _state.config = { outreachDays: ['x', -3], dueSoonDays: 'soon', accountsFolder: '/Clients/', locale: 'auto' };
    _state.language = 'ja';
    const s = readSettings();
    expect(s.outreachDays).toEqual([120, 90, 60, 30]);
    expect(s.dueSoonDays).toBe(14);
    expect(s.accountsFolder).toBe('Clients');
    expect(s.locale).toBe('ja');
    expect(s.indexCache).toBe(true);
  });

  it('keeps valid values', () => {
    _state.config = { outreachDays: [90, 30], firstContactBusinessDays: 5, keyPersonContactDays: 30 };
    const s = readSettings();
    expect(s.outreachDays).toEqual([90, 30]);
    expect(s.firstContactBusinessDays).toBe(5);
    expect(s.keyPersonContactDays).toBe(30);
    _state.config = { indexCache: false };
    expect(readSettings().indexCache).toBe(false);
  });

  it('formats today in local time', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
