import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseTaskLine } from './tasks.js';
// The regex parser as the oracle: the usual line's title is read by a lazy group (no trim call).
import { expectRegexTask } from './__fixtures__/oracles.js';

const titlePiece = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\u2003', '\ufeff', '\f', 'x', 'Call', '日本語', 'ａ', '<', '^', '^a', '-', '⏫', '\ud83d', '{', '}', '>');
const blanks = fc.array(fc.constantFrom(' ', '\t', '\u3000', '\u00a0'), { maxLength: 4 }).map((b) => b.join(''));
const digit = fc.integer({ min: 0, max: 9 }).map(String);
// Dates at the calendar's edges: days 00/28–32, months 00/01/02/12/13, years 0099/0100, leap years.
const date = fc.oneof(
  fc.tuple(
    fc.constantFrom('0099', '0100', '1900', '2000', '2024', '2025', '2100', '9999', '0000'),
    fc.constantFrom('00', '01', '02', '04', '09', '12', '13', '19', '99'),
    fc.constantFrom('00', '01', '09', '10', '19', '20', '28', '29', '30', '31', '32', '39', '99'),
  ).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.array(digit, { minLength: 8, maxLength: 8 }).map((d) => `${d.slice(0, 4).join('')}-${d[4]}${d[5]}-${d[6]}${d[7]}`),
);

const line = fc
  .tuple(fc.array(titlePiece, { maxLength: 8 }), blanks, fc.constantFrom('a.b', 'onboarding.item-1'), fc.constantFrom('', ' x ', 'renewal_date-30d'), date, fc.option(date), fc.constantFrom('', ' ⏫', ' ^ref', ' x'), fc.constantFrom('', '\n', '\r\n', '\r'))
  .map(([t, b, id, anchor, due, done, tail, eol]) => `- [x] ${t.join('')}${b}<!-- baton:${id} {${anchor}} --> 📅 ${due}${done === null ? '' : ` ✅ ${done}`}${tail}${eol}`);

describe('parseTaskLine on usual lines with odd titles and dates', () => {
  it('gives the regex parser’s Task (titles ending in blanks of any kind, dates at the calendar’s edges)', () => {
    fc.assert(
      fc.property(line, fc.nat(99), (raw, n) => {
        expectRegexTask(parseTaskLine(raw, n), raw, n);
      }),
      { numRuns: 20000 },
    );
  });
});
