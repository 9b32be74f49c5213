import { isIsoDate, shiftIsoDate, type DateUnit, type IsoDate } from './dates.js';
import { foldWidth } from './text.js';

/** Account dates a checklist item can be anchored to. */
export const ANCHOR_FIELDS = ['contract_start', 'kickoff_date', 'renewal_date', 'notice_deadline'] as const;
export type AnchorField = (typeof ANCHOR_FIELDS)[number];

/** A due date written relative to an account date, e.g. `{renewal_date-90d}`. */
export interface RelativeDate {
  field: AnchorField;
  /** Signed offset; 0 for a bare `{renewal_date}`. */
  amount: number;
  unit: DateUnit;
}

/** The dates an anchor can resolve against; an `Account` fits, and so does a plain object in tests. */
export type AnchorDates = { readonly [K in AnchorField]?: IsoDate | undefined };

const EXPR_RE = /^\{?\s*([a-z_]+)\s*(?:([+-])\s*(\d{1,5})\s*(bd|d|w|m|y))?\s*\}?$/;

/**
 * Reads `{FIELD±N UNIT}` (braces optional, spaces and full-width characters tolerated).
 * Returns undefined for anything else, so callers can report it instead of throwing.
 *
 * @example
 * parseRelativeDate('{renewal_date-90d}') // { field: 'renewal_date', amount: -90, unit: 'd' }
 * parseRelativeDate('{kickoff_date}')     // { field: 'kickoff_date', amount: 0, unit: 'd' }
 * parseRelativeDate('{launch+3d}')        // undefined
 */
export function parseRelativeDate(expr: string): RelativeDate | undefined {
  const s = foldWidth(expr).trim();
  // Braces must be balanced: `{x` or `x}` is a typo, not an anchor.
  if (s.startsWith('{') !== s.endsWith('}')) return undefined;
  const m = EXPR_RE.exec(s);
  if (!m?.[1]) return undefined;
  const field = m[1];
  if (!(ANCHOR_FIELDS as readonly string[]).includes(field)) return undefined;
  if (m[2] === undefined) return { field: field as AnchorField, amount: 0, unit: 'd' };
  const n = Number(m[3]);
  return { field: field as AnchorField, amount: m[2] === '-' && n !== 0 ? -n : n, unit: m[4] as DateUnit };
}

/**
 * The canonical spelling, without braces: `renewal_date-90d`, or `renewal_date` for a zero offset.
 *
 * @example
 * formatRelativeDate({ field: 'contract_start', amount: 3, unit: 'bd' }) // 'contract_start+3bd'
 */
export function formatRelativeDate(rel: RelativeDate): string {
  if (rel.amount === 0) return rel.field;
  return `${rel.field}${rel.amount < 0 ? '-' : '+'}${Math.abs(rel.amount)}${rel.unit}`;
}

/**
 * Resolves an anchor against an account's dates. Undefined when the expression is not an
 * anchor, when the field is not set yet (no kickoff_date before the kickoff is booked), or
 * when the result would leave the calendar.
 *
 * @example
 * resolveRelativeDate('{contract_start+3bd}', { contract_start: '2026-04-01' }) // '2026-04-06'
 * resolveRelativeDate('{kickoff_date+1m}', { contract_start: '2026-04-01' })    // undefined
 */
export function resolveRelativeDate(expr: string | RelativeDate, account: AnchorDates): IsoDate | undefined {
  const rel = typeof expr === 'string' ? parseRelativeDate(expr) : expr;
  if (!rel) return undefined;
  const base = account[rel.field];
  if (base === undefined || !isIsoDate(base)) return undefined;
  if (rel.amount === 0) return base;
  const out = shiftIsoDate(base, rel.amount, rel.unit);
  return isIsoDate(out) ? out : undefined;
}
