import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaskLine, scanTasks } from './tasks.js';
import { fencedLines, splitLinesKeepEol } from './text.js';
// The regex parser, as the oracle for the fast read of `TITLE <!-- baton:ID {ANCHOR} --> 📅 DATE [✅ DATE] …`.
import { expectRegexTask, regexTaskLine as oracle } from './__fixtures__/oracles.js';

const one = <T>(usual: T, ...odd: T[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, fc.constantFrom(usual, ...odd));
// Every JS whitespace (trim's set) and some near misses, at either end of a title or an anchor.
const space = fc.constantFrom(
  '', ' ', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u200b', '\u2028', '\u2029', '\n', '\r',
);
// Field emojis (and code units next to them), surrogates, `<`, `^`: each must send the line to the regex reader or give its answer.
const odd = fc.constantFrom(
  '📅', '✅', '⏳', '🛫', '➕', '❌', '🔁', '⏫', '🔼', '🔽', '⏬', '🔺', '🆔', '⛔', '⏭', '⏲', '⛓', '✄', '➖', '🎉', '😀', '🤖', '①', '■', '※',
  '\ud83d', '\udcc5', '\ud83c', '\ud83e', '<', '<!--', '>', '^', '^ref', ' ^blk-1', '{', '}', '-->', '\uFE0F', 'é', '日本', 'ｘ',
);
const word = fc.oneof(fc.constantFrom('Send the welcome email', 'x', '顧客にようこそメールを送る', 'a b', '2025-07-13'), fc.string({ maxLength: 3 }));
const field = fc.tuple(space, fc.array(fc.oneof({ weight: 3, arbitrary: word }, odd, space), { maxLength: 4 }), space).map(([a, m, b]) => a + m.join('') + b);
const id = one('onboarding.item-1', 'a', 'A_b.c-9', '-a', '.a', 'a<', 'a}', 'a📅', '日本', '');
const date = one('2025-07-13', '2028-02-29', '2027-02-29', '2025-02-30', '0099-01-01', '0100-01-01', '2025-00-10', '2025-13-01', '2025-7-13', '２０２５-０７-１３', '2025-07-133', '');
const rest = fc.array(
  fc.oneof(
    fc.constantFrom(' ✅ ', ' ✅', '✅ ', ' ✅\uFE0F ', ' 📅 ', ' ⏫', ' 🆔 abc', ' ^ref', '\u2028', '\u2029', '\n', '\r', ' '),
    date,
    odd,
  ),
  { maxLength: 4 },
);
const line = fc
  .tuple(
    one('- [', '* [', '12) [', '> - ['),
    one(' ', 'x', 'X', '-', '<', '^', '✅', '\ud83d'),
    one('] ', ']\t ', '] \u3000'),
    field,
    one(' ', '', '  ', '\t'),
    one('<!-- baton:', '<!--baton:', '<!-- baton: '),
    id,
    one(' {', '  {', '{', '\t{', ' '),
    field,
    one('}', '', '}}'),
    one(' --> ', '-->', '  --> ', ' -->\t', ' -->  ', ' --> \uFE0F'),
    one('📅 ', '📅', '📅  ', '📅\uFE0F ', '✅ ', '\ud83d '),
    date,
    one(' ✅ ', '', ' ✅', ' ✅  ', '✅ '),
    date,
    rest,
    one('\n', '', '\r\n', '\r'),
  )
  .map((p) => p.flat().join(''));

describe('parseTaskLine on lines near the usual shape', () => {
  it('gives the regex parser’s Task, key order included', () => {
    fc.assert(
      fc.property(line, fc.nat(500), (raw, n) => {
        expectRegexTask(parseTaskLine(raw, n), raw, n);
      }),
      { numRuns: 40000 },
    );
  });

  it('reads titles and anchors with whitespace at their ends, and every field emoji, as the regex parser does', () => {
    const ends = ['\u1680', '\ufeff', '\u00a0', '\u3000', '\v', '\u202f', '\u0085', '\u200b'];
    const emojis = ['📅', '✅', '⏳', '🛫', '➕', '❌', '🔁', '⏫', '🔼', '🔽', '⏬', '🔺', '🆔', '⛔'];
    const raws: string[] = [];
    for (const s of ends) {
      raws.push(`- [ ] ${s}Title${s} <!-- baton:a.b {${s}x${s}} --> 📅 2025-07-13\n`);
      raws.push(`- [ ] Ti${s}tle <!-- baton:a.b {x${s}y} --> 📅 2025-07-13 ✅ 2025-07-14\r\n`);
    }
    for (const m of emojis) {
      raws.push(`- [ ] Title ${m} <!-- baton:a.b {x} --> 📅 2025-07-13`);
      raws.push(`- [ ] Title <!-- baton:a.b {x ${m} 2025-01-02} --> 📅 2025-07-13`);
      raws.push(`- [x] Title <!-- baton:a.b {x} --> 📅 2025-07-13 ${m} 2025-01-02 ✅ 2025-07-14`);
      raws.push(`- [x] Title <!-- baton:a.b {x} --> 📅 2025-07-13 ✅ 2025-07-14 ${m} 2025-01-02`);
    }
    for (const raw of raws) {
      expectRegexTask(parseTaskLine(raw, 7), raw, 7);
    }
  });

  it('scanTasks over a note of such lines gives the oracle’s tasks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constantFrom('```\n', '# h\n', 'text\n')), { maxLength: 10 }), (ls) => {
        const lines = splitLinesKeepEol(ls.join(''));
        const fenced = fencedLines(lines);
        expect(scanTasks(lines, fenced)).toEqual(lines.flatMap((l, i) => (fenced[i] ? [] : [oracle(l, i)].filter((t) => t !== undefined))));
      }),
      { numRuns: 3000 },
    );
  });
});
