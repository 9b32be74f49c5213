import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, Digits, encode } from './portfolio.js';

describe('Digits (records written a number at a time)', () => {
  it('writes what encode writes, record after record in one reused buffer', () => {
    const d = new Digits();
    const value = fc.oneof(fc.nat({ max: 40 }), fc.nat(), fc.maxSafeNat(), fc.constantFrom(0, 31, 32, 1023, 1024, 2 ** 40, 2 ** 53));
    // A long record (over one `fromCharCode` slice) between short ones: nothing of it may leak into the next.
    const record = fc.oneof({ weight: 9, arbitrary: fc.array(value, { maxLength: 300 }) }, { weight: 1, arbitrary: fc.array(value, { minLength: 3000, maxLength: 6000 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (records) => {
        for (const r of records) {
          for (const v of r) d.put(v);
          const s = d.take();
          expect(s).toBe(encode(r));
          expect(decode(s)).toEqual(r);
        }
      }),
      { numRuns: 300 },
    );
  });
});
