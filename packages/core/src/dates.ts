import { addBusinessDays, addDays, addMonths, addYears, differenceInCalendarDays } from 'date-fns';
import { foldWidth } from './text.js';

/** A calendar date as written in notes: `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` into a local-noon Date, or undefined for impossible dates (2027-02-30).
 * Noon keeps every date-fns step on the right calendar day in every time zone, DST included.
 */
export function parseIsoDate(iso: string): Date | undefined {
  const m = ISO_RE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(y, mo - 1, d, 12, 0, 0, 0);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date;
}

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== undefined;
}

/** Normalises full-width digits and separators (２０２６／０４／０１) before validating. */
export function normalizeIsoDate(s: string): string {
  return foldWidth(s).trim().replace(/[/.]/g, '-');
}

export function toIsoDate(d: Date): IsoDate {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

function must(iso: IsoDate): Date {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`not a valid YYYY-MM-DD date: ${iso}`);
  return d;
}

export type DateUnit = 'd' | 'bd' | 'w' | 'm' | 'y';

/** Shifts a date by an amount of days, business days (Mon–Fri), weeks, months (clamped to month end) or years. */
export function shiftIsoDate(iso: IsoDate, amount: number, unit: DateUnit): IsoDate {
  const d = must(iso);
  switch (unit) {
    case 'd':
      return toIsoDate(addDays(d, amount));
    case 'bd':
      return toIsoDate(addBusinessDays(d, amount));
    case 'w':
      return toIsoDate(addDays(d, amount * 7));
    case 'm':
      return toIsoDate(addMonths(d, amount));
    case 'y':
      return toIsoDate(addYears(d, amount));
  }
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(must(b), must(a));
}

/** The last day of a term: start + months − 1 day (2026-04-01 + 12 → 2027-03-31). */
export function termEnd(start: IsoDate, months: number): IsoDate {
  return toIsoDate(addDays(addMonths(must(start), months), -1));
}

/** `2026-12` for `2026-12-01`. */
export function monthKey(iso: IsoDate): string {
  return iso.slice(0, 7);
}
