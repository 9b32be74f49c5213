import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDay } from './day-number.js';
import { daysBetween, isIsoDate, normalizeIsoDate, parseIsoDate, shiftIsoDate, termEnd, toIsoDate } from './dates.js';

describe('dates', () => {
  it('rejects impossible and malformed dates', () => {
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
  });

  it('round-trips through Date on the same calendar day in this time zone', () => {
    for (const d of ['2026-01-01', '2026-03-08', '2026-03-29', '2026-11-01', '2026-12-31']) {
      expect(toIsoDate(parseIsoDate(d)!)).toBe(d);
    }
  });

  it('derives the term end as start + months − 1 day', () => {
    expect(termEnd('2026-04-01', 12)).toBe('2027-03-31');
    expect(termEnd('2026-01-15', 1)).toBe('2026-02-14');
    expect(termEnd('2024-03-01', 12)).toBe('2025-02-28');
  });

  it('shifts by days, business days, weeks, months (clamped) and years', () => {
    expect(shiftIsoDate('2027-03-31', -120, 'd')).toBe('2026-12-01');
    expect(shiftIsoDate('2026-04-03', 3, 'bd')).toBe('2026-04-08'); // Fri + 3 business days = Wed
    expect(shiftIsoDate('2026-01-31', 1, 'm')).toBe('2026-02-28');
    expect(shiftIsoDate('2026-03-08', 1, 'w')).toBe('2026-03-15');
    expect(shiftIsoDate('2028-02-29', 1, 'y')).toBe('2029-02-28');
  });

  it('counts calendar days across DST changes', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-11-22', '2026-10-25')).toBe(-28);
  });

  it('folds full-width digits and slashes', () => {
    expect(normalizeIsoDate('２０２６／０４／０１')).toBe('2026-04-01');
  });

  it('throws on invalid input to arithmetic (programming error, not user input)', () => {
    expect(() => shiftIsoDate('2026-02-30', 1, 'd')).toThrow(RangeError);
  });

  it('agrees with isIsoDay on every YYYY-MM-DD string (one rule for "a real date"; years before 0100 are typos)', () => {
    const d2 = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, '0'));
    const iso = fc.tuple(fc.integer({ min: 0, max: 9999 }), d2, d2).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${d}`);
    fc.assert(fc.property(iso, (s) => isIsoDate(s) === isIsoDay(s)), { numRuns: 3000 });
  });
});
