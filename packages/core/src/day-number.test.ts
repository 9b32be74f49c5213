import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, shiftIsoDate } from './dates.js';
import { dayNumber, fromDayNumber, isIsoDay, isoDayNumber, shiftIsoDay } from './day-number.js';

const isoDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('dayNumber', () => {
  it('counts from the Unix epoch, leap days included', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('agrees with the date-fns based helpers in this time zone', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -4000, max: 4000 }), (a, b, n) => {
        expect(dayNumber(b) - dayNumber(a)).toBe(daysBetween(a, b));
        expect(fromDayNumber(dayNumber(a) + n)).toBe(shiftIsoDate(a, n, 'd'));
        expect(fromDayNumber(dayNumber(a))).toBe(a);
      }),
    );
  });
});

describe('isIsoDay', () => {
  it('accepts real dates and rejects impossible ones, like isIsoDate', () => {
    for (const s of ['2028-02-29', '2027-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '0000-01-01', '2026-12-31x'])
      expect(isIsoDay(s)).toBe(isIsoDate(s));
    const p2 = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}`;
        expect(isIsoDay(s)).toBe(isIsoDate(s));
        // One read for both: the day number of a real day, NaN for anything else.
        expect(isoDayNumber(s)).toBe(isIsoDate(s) ? dayNumber(s) : NaN);
        if (isIsoDay(s)) expect(fromDayNumber(isoDayNumber(s))).toBe(s);
      }),
    );
  });
});

describe('shiftIsoDay', () => {
  it('matches shiftIsoDate for every unit, month ends and weekends included', () => {
    expect(shiftIsoDay('2026-01-31', 1, 'm')).toBe('2026-02-28');
    expect(shiftIsoDay('2028-02-29', 1, 'y')).toBe('2029-02-28');
    expect(shiftIsoDay('2026-11-21', 3, 'bd')).toBe(shiftIsoDate('2026-11-21', 3, 'bd'));
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40, max: 40 }), fc.constantFrom('d', 'bd', 'w', 'm', 'y' as const), (a, n, unit) => {
        expect(shiftIsoDay(a, n, unit)).toBe(shiftIsoDate(a, n, unit));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fromDayNumber texts', () => {
  it('are the same from the memo, and stay right past its bound (it is cleared, not grown)', () => {
    const d = dayNumber('2026-11-23');
    expect(fromDayNumber(d)).toBe('2026-11-23');
    expect(fromDayNumber(d)).toBe('2026-11-23'); // from the memo
    for (let i = 0; i < 100_010; i++) fromDayNumber(-50_000 + i);
    expect(fromDayNumber(d)).toBe('2026-11-23');
    expect(fromDayNumber(d + 1)).toBe('2026-11-24');
    expect(fromDayNumber(dayNumber('2024-02-28') + 1)).toBe('2024-02-29');
  });
});
