import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseTaskLine } from './tasks.js';
// The regex parser, as the oracle for the usual line read by one sticky exec (its groups are the parts).
import { expectRegexTask } from './__fixtures__/oracles.js';

// Template lines, then edits at any code unit: each edit may move a group's edge, or make the line not the usual one.
const base = fc.constantFrom(
  '- [ ] Send the welcome email <!-- baton:onboarding.item-1 {contract_start+7d} --> 📅 2025-07-13',
  '- [x] Set up SSO <!-- baton:onboarding.item-8 {contract_start+56d} --> 📅 2025-08-31 ✅ 2025-08-31',
  '- [ ] 顧客にようこそメールを送る <!-- baton:a {renewal_date-90d} --> 📅 2028-02-29 ✅ 2028-03-01 ⏫',
  '* [/] x <!-- baton:A_b.c-9 { } --> 📅 2027-01-01 extra',
);
const unit = fc.constantFrom(
  ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2028', '\u2029', '\n', '\r', '<', '>', '^', '{', '}', '-', '.', '_', 'a', 'Z', '0', '9', ':', '!',
  '\ud83d', '\udcc5', '\ud83c', '\u2705', '\u23eb', '\u23f3', '\u23ea', '\u23f4', '\u26d4', '\u274c', '\u2795', '\u2794', '\u2796', 'ｘ', '２', '日',
);
const edit = fc.tuple(fc.nat(200), fc.nat(2), fc.array(unit, { minLength: 1, maxLength: 2 }));
const line = fc
  .tuple(base, fc.array(edit, { maxLength: 3 }), fc.constantFrom('', '\n', '\r\n', '\r'))
  .map(([l, edits, eol]) => {
    for (const [at, cut, put] of edits) {
      const i = at % (l.length + 1);
      l = l.slice(0, i) + put.join('') + l.slice(i + cut);
    }
    return l + eol;
  });

describe('parseTaskLine on usual lines edited at any code unit', () => {
  it('gives the regex parser’s Task, key order included', () => {
    fc.assert(
      fc.property(line, fc.nat(500), (raw, n) => {
        expectRegexTask(parseTaskLine(raw, n), raw, n);
      }),
      { numRuns: 20000 },
    );
  });
});
