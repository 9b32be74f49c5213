import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Digits, encode } from './portfolio.js';

/** Around every digit-count boundary (32^k ± 1), where `Digits.put` picks how many digits to write. */
const near = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: -2, max: 2 })).map(([k, e]) => Math.max(0, 32 ** k + e));

describe('Digits.put counts a number’s digits before writing them', () => {
  it('writes what encode writes at every digit-count boundary, among other numbers', () => {
    const d = new Digits();
    const values: number[] = [];
    for (let k = 1; k <= 10; k++) for (let e = -1; e <= 1; e++) values.push(32 ** k + e);
    for (const v of values) d.put(v);
    expect(d.take()).toBe(encode(values));
    fc.assert(
      fc.property(fc.array(fc.oneof(near, fc.nat({ max: 40 }), fc.integer({ min: 2 ** 29, max: 2 ** 31 })), { maxLength: 50 }), (r) => {
        for (const v of r) d.put(v);
        expect(d.take()).toBe(encode(r));
      }),
      { numRuns: 500 },
    );
  });
});
