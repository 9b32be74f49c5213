import { describe, expect, it } from 'vitest';
import { formatRelativeDate, parseRelativeDate, resolveRelativeDate } from './relative-date.js';

const account = {
  contract_start: '2026-04-01', // a Wednesday
  kickoff_date: '2026-01-31',
  renewal_date: '2027-03-31',
  notice_deadline: '2027-01-30',
};

describe('parseRelativeDate', () => {
  it('reads every field and unit, with or without braces', () => {
    expect(parseRelativeDate('{contract_start+30d}')).toEqual({ field: 'contract_start', amount: 30, unit: 'd' });
    expect(parseRelativeDate('renewal_date-90d')).toEqual({ field: 'renewal_date', amount: -90, unit: 'd' });
    expect(parseRelativeDate('{kickoff_date+1m}')).toEqual({ field: 'kickoff_date', amount: 1, unit: 'm' });
    expect(parseRelativeDate('{contract_start+3bd}')).toEqual({ field: 'contract_start', amount: 3, unit: 'bd' });
    expect(parseRelativeDate('{notice_deadline-2w}')).toEqual({ field: 'notice_deadline', amount: -2, unit: 'w' });
    expect(parseRelativeDate('{kickoff_date+1y}')).toEqual({ field: 'kickoff_date', amount: 1, unit: 'y' });
  });

  it('reads a bare field as a zero offset', () => {
    expect(parseRelativeDate('{renewal_date}')).toEqual({ field: 'renewal_date', amount: 0, unit: 'd' });
  });

  it('tolerates spaces and full-width characters typed with a Japanese IME', () => {
    expect(parseRelativeDate('{ renewal_date - 90d }')).toEqual({ field: 'renewal_date', amount: -90, unit: 'd' });
    expect(parseRelativeDate('｛contract_start＋３０d｝')).toEqual({ field: 'contract_start', amount: 30, unit: 'd' });
  });

  it('rejects unknown fields, units, unbalanced braces and junk', () => {
    for (const bad of ['{launch+3d}', '{renewal_date+3q}', '{renewal_date+d}', '{renewal_date', 'renewal_date}', '', '{}', '{renewal_date+1.5m}', '{renewal_date++3d}']) {
      expect(parseRelativeDate(bad), bad).toBeUndefined();
    }
  });
});

describe('formatRelativeDate', () => {
  it('round-trips through parse', () => {
    for (const s of ['contract_start+30d', 'renewal_date-90d', 'kickoff_date+1m', 'contract_start+3bd', 'renewal_date']) {
      const rel = parseRelativeDate(s);
      expect(rel).toBeDefined();
      expect(formatRelativeDate(rel!)).toBe(s);
    }
  });

  it('drops a zero offset', () => {
    expect(formatRelativeDate({ field: 'renewal_date', amount: 0, unit: 'w' })).toBe('renewal_date');
  });
});

describe('resolveRelativeDate', () => {
  it('shifts by days, weeks, months and years', () => {
    expect(resolveRelativeDate('{contract_start+30d}', account)).toBe('2026-05-01');
    expect(resolveRelativeDate('{renewal_date-90d}', account)).toBe('2026-12-31');
    expect(resolveRelativeDate('{contract_start+2w}', account)).toBe('2026-04-15');
    expect(resolveRelativeDate('{contract_start+1y}', account)).toBe('2027-04-01');
  });

  it('clamps months to the month end', () => {
    expect(resolveRelativeDate('{kickoff_date+1m}', account)).toBe('2026-02-28');
    expect(resolveRelativeDate('{kickoff_date+1m}', { kickoff_date: '2028-01-31' })).toBe('2028-02-29');
  });

  it('counts business days Monday to Friday', () => {
    // Wed 2026-04-01 + 3 business days: Thu, Fri, Mon.
    expect(resolveRelativeDate('{contract_start+3bd}', account)).toBe('2026-04-06');
    // Friday + 1 business day is Monday.
    expect(resolveRelativeDate('{contract_start+1bd}', { contract_start: '2026-04-03' })).toBe('2026-04-06');
    expect(resolveRelativeDate('{contract_start-1bd}', { contract_start: '2026-04-06' })).toBe('2026-04-03');
  });

  it('returns the field itself for a bare anchor', () => {
    expect(resolveRelativeDate('{notice_deadline}', account)).toBe('2027-01-30');
  });

  it('is undefined when the field is not set yet or the expression is bad', () => {
    expect(resolveRelativeDate('{kickoff_date+1m}', { contract_start: '2026-04-01' })).toBeUndefined();
    expect(resolveRelativeDate('{notice_deadline-7d}', { ...account, notice_deadline: undefined })).toBeUndefined();
    expect(resolveRelativeDate('{launch+1d}', account)).toBeUndefined();
    expect(resolveRelativeDate('{contract_start+1d}', { contract_start: '2026-02-30' })).toBeUndefined();
  });

  it('is undefined instead of throwing when the result leaves the calendar', () => {
    expect(resolveRelativeDate('{renewal_date+99999y}', account)).toBeUndefined();
  });

  it('accepts a parsed expression', () => {
    expect(resolveRelativeDate({ field: 'renewal_date', amount: -1, unit: 'm' }, account)).toBe('2027-02-28');
  });
});
