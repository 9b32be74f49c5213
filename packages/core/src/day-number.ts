/**
 * Integer day arithmetic on `YYYY-MM-DD` strings for hot loops (timeline statuses, day offsets):
 * no Date objects, no time zone, so it is exact everywhere. Callers pass valid ISO dates.
 */

/**
 * Days since 1970-01-01 for a valid ISO date (proleptic Gregorian calendar).
 *
 * @example
 * dayNumber('1970-01-02') // 1
 */
export function dayNumber(iso: string): number {
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

/**
 * The ISO date `n` days after 1970-01-01 (inverse of `dayNumber`).
 *
 * @example
 * fromDayNumber(dayNumber('2024-02-28') + 1) // '2024-02-29'
 */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a real calendar date in `YYYY-MM-DD` form, checked without building a Date
 * (same answer as `isIsoDate`, for hot loops such as task scanning).
 *
 * @example
 * isIsoDay('2028-02-29') // true
 * isIsoDay('2027-02-29') // false
 */
export function isIsoDay(s: string): boolean {
  if (!ISO_SHAPE.test(s)) return false;
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  // Years 0–99 are rejected, as `isIsoDate` (JS Date maps them to 1900–1999) does.
  return Number(s.slice(0, 4)) >= 100 && m >= 1 && m <= 12 && d >= 1 && fromDayNumber(dayNumber(s)) === s;
}
