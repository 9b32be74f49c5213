import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaskLine, type Task } from './tasks.js';
// The regex parser, as the oracle for the hand-read `<!-- baton:ID {ANCHOR} --> 📅 DATE` shape.
import { expectRegexTask, regexTaskLine as oracle } from './__fixtures__/oracles.js';

const one = <T>(usual: T, ...odd: T[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, fc.constantFrom(usual, ...odd));
const title = fc.constantFrom(
  'Send the welcome email', '顧客にようこそメールを送る', '', ' ', 'Title ', 'Title\t', 'Title\u3000', 'Title\u00a0', 'a ^blk-1', 'x ⏫', 'x ✅ 2025-01-01', 'x 📅 2025-01-02',
  'x <!-- baton:first -->', 'x <!--', 'x <', '\ud83d', 'x\udcc5', 'ａｂｃ', 'x\u2028y', 'x\ry', '<!-- baton:a {b} --> ',
);
const id = fc.oneof(fc.constantFrom('onboarding.item-1', 'a', 'a_b.c-d', '.bad', '_x', '日本', 'a b', 'a-', 'a--', 'a{', ''), fc.stringMatching(/^[\w.-]{0,6}$/));
const gap = fc.constantFrom('', ' ', '  ', '\t', ' \t', '\u00a0', '\u3000');
const anchor = fc.oneof(fc.constantFrom('contract_start+7d', ' renewal_date-90d ', '', ' ', '{', '-->', '日本', 'a\u3000'), fc.string({ maxLength: 4 }));
const emoji = one('📅', '📅\uFE0F', '✅', '⏳', '', '📅📅', '\ud83d', '🛫');
const date = one('2025-07-13', '2027-02-29', '2028-02-29', '0099-01-01', '2025-7-13', '２０２５-０７-１３', '', '2025-07-133');
const tail = fc.constantFrom('', ' ✅ 2025-07-13', ' ✅ 2025-02-30', '✅2025-07-14', ' ^ref', ' 📅 2026-01-01', ' <!-- baton:b {c} -->', ' ⏫', '\u2029x');

const usual = fc
  .tuple(one('- [', '* [', '1. [', '> - [', '  - [', '-[', '- [ '), fc.constantFrom(' ', 'x', 'X', '-', '/', '\n'), one('] ', ']\t', ']', '] \u3000'), title, one(' ', '', '  ', '\t'))
  .chain(([head, status, close, t, g0]) =>
    fc
      .tuple(one('<!-- baton:', '<!--baton:', '<!--  baton:', '<!--\tbaton:', '<!- baton:', '<!-- Baton:'), id, one(' {', '{', '  {', '\t{', ' '), anchor, one('}', '', '}}'), one(' -->', '-->', '  -->', '\t-->', ' ->'), gap, emoji, one(' ', '', '  ', '\t'), date, tail, one('\n', '', '\r\n', '\r'))
      .map((parts) => head + status + close + t + g0 + parts.join('')),
  );

describe('parseTaskLine on the usual comment + 📅 shape', () => {
  it('gives the regex parser’s Task, key order included', () => {
    fc.assert(
      fc.property(usual, fc.nat(500), (raw, line) => {
        expectRegexTask(parseTaskLine(raw, line), raw, line);
      }),
      { numRuns: 30000 },
    );
  });

  it('reads the template lines', () => {
    const raw = '- [x] Send the welcome email <!-- baton:onboarding.item-1 {contract_start+7d} --> 📅 2025-07-13 ✅ 2025-07-14\r\n';
    expect(parseTaskLine(raw, 4)).toEqual(oracle(raw, 4));
    expect(parseTaskLine(raw, 4)).toMatchObject({ id: 'onboarding.item-1', anchor: 'contract_start+7d', due: '2025-07-13', doneDate: '2025-07-14', title: 'Send the welcome email' });
  });
});
