/**
 * shiftIsoDay (its day, week and business-day shifts now on day numbers) and shiftedDayNumber
 * (the shifted day without its date string) against shiftIsoDay's previous version, kept below
 * verbatim as the oracle: same date strings, and the day number of every date that is a calendar day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, fromDayNumber, isoDayNumber, shiftedDayNumber, shiftIsoDay } from './day-number.js';

function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function oldShiftIsoDay(iso: string, amount: number, unit: 'd' | 'bd' | 'w' | 'm' | 'y'): string {
  if (unit === 'd' || unit === 'w') return fromDayNumber(dayNumber(iso) + amount * (unit === 'w' ? 7 : 1));
  if (unit === 'm' || unit === 'y') {
    const months = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + amount * (unit === 'y' ? 12 : 1);
    const y = Math.floor(months / 12);
    const m = months - y * 12 + 1;
    const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
    return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  }
  let n = dayNumber(iso);
  const weekend = (x: number) => weekday(x) === 0 || weekday(x) === 6;
  const startedOnWeekend = weekend(n);
  const sign = amount < 0 ? -1 : 1;
  n += Math.trunc(amount / 5) * 7;
  let rest = Math.abs(amount % 5);
  while (rest > 0) {
    n += sign;
    if (!weekend(n)) rest--;
  }
  if (startedOnWeekend && weekend(n) && amount !== 0) {
    if (weekday(n) === 6) n += sign < 0 ? 2 : -1;
    if (weekday(n) === 0) n += sign < 0 ? 1 : -2;
  }
  return fromDayNumber(n);
}

const FIRST = dayNumber('0100-01-01');
const LAST = dayNumber('9999-12-31');
/** Calendar days: near both ends of the calendar, around leap days and month ends, and ordinary ones. */
const day = fc
  .oneof(
    fc.integer({ min: FIRST, max: FIRST + 800 }),
    fc.integer({ min: LAST - 800, max: LAST }),
    fc.integer({ min: FIRST, max: LAST }),
    fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }),
    fc.constantFrom('2024-02-29', '2100-02-28', '2000-02-29', '2026-01-31', '2026-03-31', '2026-11-21', '2026-11-22', '0100-03-01', '9999-12-01').map(dayNumber),
  )
  .map(fromDayNumber);
const unit = fc.constantFrom('d' as const, 'bd' as const, 'w' as const, 'm' as const, 'y' as const);
/** Whole amounts, small and large enough to leave the calendar. */
const amount = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -4_000_000, max: 4_000_000 }), fc.constantFrom(0, -0, 1, 3, 12, 120_000, -120_000));

const same = (a: number, b: number): void => {
  expect(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))).toBe(true);
};

describe('shiftIsoDay and shiftedDayNumber against the string version', () => {
  it('give the old date string, and its day number when it is a calendar day (NaN otherwise)', () => {
    fc.assert(
      fc.property(day, amount, unit, (iso, n, u) => {
        const old = oldShiftIsoDay(iso, n, u);
        expect(shiftIsoDay(iso, n, u)).toBe(old);
        same(shiftedDayNumber(iso, n, u), isoDayNumber(old));
      }),
      { numRuns: 20000 },
    );
  });

  it('agree on business days that are not whole, and on shiftIsoDay’s days and weeks that are not whole', () => {
    const odd = fc.constantFrom(2.5, -2.5, 0.1, -0, 1e7, -1e7, 1e300, Infinity, -Infinity, NaN, 7.75);
    fc.assert(
      fc.property(day, odd, fc.constantFrom('d' as const, 'bd' as const, 'w' as const), (iso, n, u) => {
        const old = oldShiftIsoDay(iso, n, u);
        expect(shiftIsoDay(iso, n, u)).toBe(old);
        if (u === 'bd') same(shiftedDayNumber(iso, n, u), isoDayNumber(old));
      }),
      { numRuns: 3000 },
    );
  });

  it('steps a business day from every weekday, over the calendar’s ends', () => {
    for (const base of [FIRST, FIRST + 1, LAST - 9, dayNumber('2026-11-16')])
      for (let i = 0; i < 10; i++)
        for (const n of [-12, -6, -5, -1, 0, 1, 4, 5, 6, 12]) {
          const iso = fromDayNumber(base + i);
          same(shiftedDayNumber(iso, n, 'bd'), isoDayNumber(oldShiftIsoDay(iso, n, 'bd')));
        }
  });
});
