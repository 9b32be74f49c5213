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
  // Digits read by char code (no slices, no Number parsing); anything else takes the slow path.
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  return y >= 0 && m >= 0 && d >= 0 ? civilDay(y, m, d) : anyCivilDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The decimal number in `s[a, b)`, or -1 when a character there is not a digit 0–9 (or missing). */
function digits(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `civilDay` for whatever the slow path's `Number` parses gives (NaN, fractions, exponents,
 * negative or huge values): floor division throughout, so such strings keep their old answer.
 */
function anyCivilDay(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  // In this order: with huge years, floating-point sums round differently in any other.
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 of year `y0` (an integer; 0–9999 when read from four digits), month `m` (1–12 or 0–99) and day `d` (0–99). */
function civilDay(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  // From here on every quotient is of non-negative numbers: `| 0` is their floor, in integer arithmetic.
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The ISO date `n` days after 1970-01-01 (inverse of `dayNumber`).
 *
 * @example
 * fromDayNumber(dayNumber('2024-02-28') + 1) // '2024-02-29'
 */
export function fromDayNumber(n: number): string {
  let s = DAY_TEXTS.get(n);
  if (s === undefined) {
    // Bounded: a note with years of odd dates cannot make it grow for ever.
    if (DAY_TEXTS.size > 100_000) DAY_TEXTS.clear();
    DAY_TEXTS.set(n, (s = dayText(n)));
  }
  return s;
}

/**
 * The texts `fromDayNumber` gave, by day number: a portfolio's ~300k events fall on a few thousand
 * days, and one string a day is made once, hashed once (bucket keys, sorting) and kept once.
 */
const DAY_TEXTS = new Map<number, string>();

function dayText(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  // From here on every quotient is of non-negative numbers: `| 0` is their floor, in integer arithmetic.
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const d = doy - (((153 * mp + 2) / 5) | 0) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * True for a real calendar date in `YYYY-MM-DD` form, checked without building a Date, a regex
 * match or an array (same answer as `isIsoDate`, for hot loops such as task scanning).
 *
 * @example
 * isIsoDay('2028-02-29') // true
 * isIsoDay('2027-02-29') // false
 */
export function isIsoDay(s: string): boolean {
  return !Number.isNaN(isoDayNumber(s));
}

/** `dayNumber(s)` when `isIsoDay(s)`, else NaN: the digits are read once for both. */
export function isoDayNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  // Years 0–99 are rejected, as `isIsoDate` (JS Date maps them to 1900–1999) does; -1 (not digits) fails each test.
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? civilDay(y, m, d) : NaN;
}

/** `daysBetween(a, b)` for valid ISO dates without Date objects; undefined for anything else. */
export function daysApart(a: string, b: string): number | undefined {
  const days = isoDayNumber(b) - isoDayNumber(a);
  return Number.isNaN(days) ? undefined : days;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/**
 * `shiftIsoDate` without Date objects for the units timelines use: days, business days
 * (Mon–Fri, date-fns rules), weeks, months (clamped to month end) and years. Valid input only.
 *
 * @example
 * shiftIsoDay('2026-01-31', 1, 'm') // '2026-02-28'
 */
export function shiftIsoDay(iso: string, amount: number, unit: 'd' | 'bd' | 'w' | 'm' | 'y'): string {
  if (unit === 'm' || unit === 'y') {
    const months = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + amount * (unit === 'y' ? 12 : 1);
    const y = Math.floor(months / 12);
    const m = months - y * 12 + 1;
    const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
    return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  }
  return fromDayNumber(shiftDays(dayNumber(iso), amount, unit));
}

/** Day number `n` shifted by days, weeks or business days, as `shiftIsoDay` does. */
function shiftDays(n: number, amount: number, unit: 'd' | 'bd' | 'w'): number {
  if (unit !== 'bd') return n + amount * (unit === 'w' ? 7 : 1);
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
  return n;
}

/** The first and last calendar days `isIsoDay` accepts: `fromDayNumber` of a whole day in between is one. */
const FIRST_DAY = civilDay(100, 1, 1);
const LAST_DAY = civilDay(9999, 12, 31);

/**
 * `isoDayNumber(shiftIsoDay(iso, amount, unit))` without building the shifted date (NaN when it is
 * off the calendar), for a calendar day `iso` and a whole number of days, weeks, months or years
 * (business days may be any number).
 */
export function shiftedDayNumber(iso: string, amount: number, unit: 'd' | 'bd' | 'w' | 'm' | 'y'): number {
  let n: number;
  if (unit === 'm' || unit === 'y') {
    const months = digits(iso, 0, 4) * 12 + digits(iso, 5, 7) - 1 + amount * (unit === 'y' ? 12 : 1);
    const y = Math.floor(months / 12);
    const m = months - y * 12 + 1;
    // A year outside 0100–9999 gives a day outside the range below.
    n = civilDay(y, m, Math.min(digits(iso, 8, 10), daysInMonth(y, m)));
  } else n = shiftDays(dayNumber(iso), amount, unit);
  return n >= FIRST_DAY && n <= LAST_DAY ? n : NaN;
}
