import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';

// validate copies the frontmatter with Object.assign when no value is empty and there is no
// `__proto__` key, else from a template of the kept keys (`Shape`), or key by key for a key a fresh
// object has (`__proto__`, `constructor`…): either way the account keeps every written key but
// the empty ones, in their order, as plain own keys, with the same values for the unknown ones.
const KNOWN = new Set(['baton', 'account', 'stage', 'contract_start', 'term_months', 'renewal_date', 'notice_days', 'arr', 'arr_start', 'currency', 'sales_owner', 'csm_owner', 'renewal_owner', 'kickoff_date', 'health', 'locale']);
const DERIVED = ['renewal_date', 'renewal_date_derived', 'notice_deadline'];
const extraKeys = fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'industry', 'tags', 'x', 'kickoff_date', 'arr', 'nps', 'polluted', '1', '0');
const extraValue = fc.constantFrom<unknown>(null, '', ' ', 'a', 0, 7, [], ['a'], { polluted: true }, false);

function check(entries: [string, unknown][]): void {
  // JSON values are YAML flow values; js-yaml keeps `__proto__` as an own key.
  const note = parseAccountNote(`---\n${entries.map(([k, v]) => `${k}: ${v === null ? '' : JSON.stringify(v)}\n`).join('')}---\n`);
  const data = note.frontmatter.data;
  const a = note.account as Record<string, unknown> | undefined;
  if (a === undefined || data === undefined) return;
  expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
  expect('polluted' in a).toBe(Object.hasOwn(a, 'polluted'));
  // Known keys (checked, fixed, dropped when wrong, `stage` added) are the oracle test's part.
  const unknown = (k: string) => !KNOWN.has(k) && !DERIVED.includes(k);
  const kept = Object.keys(data).filter((k) => data[k] !== null && data[k] !== '' && unknown(k));
  expect(Object.keys(a).filter(unknown)).toEqual(kept);
  expect(Object.keys(a).slice(-2)).toEqual(DERIVED.slice(1));
  for (const k of kept) expect(a[k]).toBe(data[k]);
}

describe('the account copies the frontmatter', () => {
  it('keeps every non-empty key in order, `__proto__` as a plain key', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(extraKeys, extraValue), { maxLength: 6 }), fc.boolean(), (extra, first) => {
        const base: [string, unknown][] = [['baton', 'account'], ['account', 'Acme'], ['contract_start', '2026-04-01'], ['term_months', 12]];
        check(first ? [...extra, ...base] : [...base, ...extra]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a `__proto__` key of a frontmatter with no empty value', () => {
    const note = parseAccountNote('---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n__proto__: {polluted: true}\n---\n');
    const a = note.account as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.hasOwn(a, '__proto__')).toBe(true);
    expect(a['polluted']).toBeUndefined();
  });
});
