import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountNoteFromCache } from './cached.js';
import { parseAccountNote } from './account.js';
import { Shape } from './shape.js';

// What `make` stands for: the keys set one by one on a fresh object, in order.
function oneByOne(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (let j = 0; j < keys.length; j++) {
    if (out[keys[j]!] !== undefined) return undefined;
    Object.defineProperty(out, keys[j]!, { value: values[j], writable: true, enumerable: true, configurable: true });
  }
  return out;
}

const key = fc.constantFrom('baton', 'account', 'stage', 'arr', 'kickoff_date', 'tags', '__proto__', 'constructor', 'toString', 'valueOf', '0', '7', 'a', 'b', 'c');
const value = fc.constantFrom<unknown>(null, '', 'x', 0, 12, ['a'], { nested: true }, false);
const call = fc.array(fc.tuple(key, value), { maxLength: 8 });

describe('Shape.make', () => {
  it('gives the object of setting the keys one by one, or undefined when a key repeats or a fresh object has it', () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 6 }), (calls) => {
        const shape = new Shape();
        const made: Record<string, unknown>[] = [];
        for (const c of calls) {
          const keys = c.map(([k]) => k);
          const values = c.map(([, v]) => v);
          const got = shape.make(keys, values);
          const want = oneByOne(keys, values);
          const clash = keys.some((k, j) => keys.indexOf(k) !== j || ({} as Record<string, unknown>)[k] !== undefined);
          if (clash) {
            expect(got).toBeUndefined();
            continue;
          }
          expect(got).toBeDefined();
          expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
          expect(Object.keys(got!)).toEqual(Object.keys(want!));
          for (const k of keys) expect(got![k]).toBe(want![k]);
          made.push(got!);
        }
        // Each object is its own: changing one leaves the template and the others alone.
        for (const m of made) for (const k of Object.keys(m)) m[k] = 'changed';
        const last = calls[calls.length - 1]!.map(([k]) => k);
        const again = shape.make(last, last.map((_k, j) => j));
        if (again) for (const [j, k] of last.entries()) expect(again[k]).toBe(j);
        if (again) expect(Object.values(again)).not.toContain('changed');
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only the first n keys and values of longer scratch arrays', () => {
    const shape = new Shape();
    expect(shape.make(['a', 'b', 'c'], [1, 2, 3], 2)).toEqual({ a: 1, b: 2 });
    expect(Object.keys(shape.make(['a', 'b', 'zzz'], [4, 5, 6], 2)!)).toEqual(['a', 'b']);
    expect(shape.make(['a', 'b', 'c'], [7, 8, 9])).toEqual({ a: 7, b: 8, c: 9 });
    expect(shape.make([], [])).toEqual({});
  });
});

// The host's frontmatter objects (Obsidian's are built key by key) in changing key orders and with
// empty values, one note after another: the account is the text path's, whatever template was left.
const fields: [string, string][] = [
  ['baton', 'account'],
  ['account', 'Acme'],
  ['stage', 'running'],
  ['contract_start', '2026-04-01'],
  ['term_months', '12'],
  ['kickoff_date', '2026-04-15'],
  ['health', 'green'],
  ['industry', 'Retail'],
  ['seats', '40'],
  ['region', 'JP'],
  ['nps', '8'],
  ['crm_id', 'X-1'],
  ['segment', 'SMB'],
  ['website', 'https://example.com'],
  ['created', '2026-03-20'],
  ['sales_owner', 'Ito'],
  ['csm_owner', 'Mori'],
];
const note = fc.tuple(fc.shuffledSubarray(fields.slice(5), { minLength: 0 }), fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length })).map(([rest, empty]) => {
  const entries = [...fields.slice(0, 5), ...rest].map(([k, v], i) => [k, i > 4 && empty[i] ? '' : v] as [string, string]);
  return `---\n${entries.map(([k, v]) => `${k}: ${v}\n`).join('')}---\n# Acme\n`;
});

describe('accounts from a host cache and from the text', () => {
  it('are the same account, key order included, note after note', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 8 }), (texts) => {
        for (const text of texts) {
          const full = parseAccountNote(text);
          const data = full.frontmatter.data!;
          const cache: Record<string, unknown> = {};
          for (const k of Object.keys(data)) cache[k] = data[k];
          const fromCache = accountNoteFromCache(text, { frontmatter: cache });
          expect(fromCache.account).toEqual(full.account);
          expect(Object.keys(fromCache.account ?? {})).toEqual(Object.keys(full.account ?? {}));
          expect(fromCache.frontmatter.data).toEqual(data);
        }
      }),
      { numRuns: 500 },
    );
  });
});
