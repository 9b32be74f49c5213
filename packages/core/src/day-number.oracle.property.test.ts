/**
 * dayNumber and isIsoDay against their first versions (kept below, verbatim, as oracles): digits
 * read by char code must give the same day for every date and the same answer (NaN included) for
 * malformed strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysApart, dayNumber, daysInMonth, isIsoDay, isoDayNumber } from './day-number.js';

function oldDayNumber(iso: string): number {
  const y0 = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function oldIsIsoDay(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const p2 = (n: number) => String(n).padStart(2, '0');
const p4 = (n: number) => String(n).padStart(4, '0');

/** Strings near the `YYYY-MM-DD` shape: wrong digits, signs, spaces, full-width digits, short and long. */
const nearIso = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.array(fc.tuple(fc.nat(11), fc.constantFrom('', '-', '/', ':', ' ', '+', '.', 'e', 'x', '０', '9', '\t', '\n', '1e', '0x', 'ab')), { maxLength: 3 }),
  )
  .map(([y, m, d, edits]) => {
    let s = `${p4(y)}-${p2(m)}-${p2(d)}`;
    for (const [at, t] of edits) s = s.slice(0, at) + t + s.slice(at + 1);
    return s;
  });

const same = (a: number, b: number): void => {
  expect(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))).toBe(true);
};

describe('dayNumber against the Number(slice) version', () => {
  it('gives the same day for every day of years 0100–9999 (every seventh year after 2100)', () => {
    const wrong: string[] = [];
    let days = 0;
    for (let y = 100; y <= 9999; y += y < 2100 ? 1 : 7)
      for (let m = 1; m <= 12; m++)
        for (let d = 1; d <= daysInMonth(y, m); d++) {
          const s = `${p4(y)}-${p2(m)}-${p2(d)}`;
          days++;
          if (dayNumber(s) !== oldDayNumber(s) || isoDayNumber(s) !== oldDayNumber(s)) wrong.push(s);
        }
    expect(wrong).toEqual([]);
    expect(days).toBeGreaterThan(1_000_000);
  });

  it('agrees on impossible and malformed strings (NaN where the old one gave NaN)', () => {
    for (const s of ['', '2026', '2026-1', '2026-01-1', '2026-01-01T00', ' 2026-01-01', '２０２６-01-01', '2026-00-00', '0000-13-99', '-001-01-01', '1e10-01-01', '2026-1e-01', '8e13-00-00', '9e15-12-31'])
      same(dayNumber(s), oldDayNumber(s));
    fc.assert(
      fc.property(nearIso, (s) => {
        same(dayNumber(s), oldDayNumber(s));
        expect(isIsoDay(s)).toBe(oldIsIsoDay(s));
        same(isoDayNumber(s), oldIsIsoDay(s) ? oldDayNumber(s) : NaN);
        const today = '2026-11-22';
        expect(daysApart(s, today)).toBe(oldIsIsoDay(s) ? oldDayNumber(today) - oldDayNumber(s) : undefined);
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
        same(dayNumber(s), oldDayNumber(s));
      }), { numRuns: 3000 });
  });
});
