import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flatCopy, StringPool } from './string-pool.js';

describe('flatCopy', () => {
  it('returns the same code units for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(40), (s, at) => {
        // A slice of a longer string, as the index hands it over.
        const slice = (`${'x'.repeat(at)}${s}`).slice(at);
        expect(flatCopy(slice)).toBe(s);
      }),
    );
  });
});

describe('StringPool', () => {
  it('hands back one copy per distinct text', () => {
    const pool = new StringPool();
    const note = 'Kickoff meeting with the customer team';
    const a = pool.intern(note.slice(0, 20));
    expect(pool.intern('Kickoff meeting with')).toBe(a);
    expect(pool.size).toBe(1);
    expect(pool.intern(undefined)).toBeUndefined();
  });
});
