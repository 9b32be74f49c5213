import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaskLine, scanTasks, type Task } from './tasks.js';
import { fencedLines, splitLinesKeepEol } from './text.js';
// The regex-based parser parseTaskLine replaced, kept as the oracle: every line must give the same Task.
import { regexTaskLine as oracle } from './__fixtures__/oracles.js';

const same = (a: Task | undefined, b: Task | undefined) => {
  expect(a).toEqual(b);
  if (a && b) expect(Object.keys(a)).toEqual(Object.keys(b));
};

const prefix = fc.array(fc.constantFrom(' ', '\t', '>', '> ', '\u00a0', '\u3000', '#'), { maxLength: 3 }).map((x) => x.join(''));
const marker = fc.constantFrom('-', '*', '+', '1.', '12)', '0.', '3', '', 'x', '-1.', '１.');
const gap = fc.constantFrom(' ', '\t', ' \t ', '', '\u3000', '\u00a0', '\n', '\r');
const box = fc.oneof(fc.constantFrom('[ ]', '[x]', '[X]', '[-]', '[/]', '[]', '[  ]', '[[]', '[]]', 'x]', '[\u2028]', '[\u2029]', '[\n]', '[\r]', '[\ud83d]', '[😀]'), fc.string({ minLength: 1, maxLength: 1 }).map((c) => `[${c}]`));
const piece = fc.oneof(
  fc.constantFrom(
    ' ', '  ', '\t', '\u00a0', '\u3000', '\u2028', '\u2029', '\n', '\r', '^', '^ref', ' ^blk-1', '^x y', 'x', 'Call Acme', '日本語の件名', '<', '<!--', '-->', '}', '{',
    '📅', '✅', '⛔', '🔁', '⏫', '🆔', '\uFE0F', '\ud83d', '\udcc5', '📅 2026-12-01', '📅2026-12-01', '📅\uFE0F 2026-12-01', '📅  2026-12-01', '✅ 2026-12-02', '📅 2027-02-30', '📅 0099-01-01', '📅 2026-1-01', '２０２６-１２-０１',
    '<!-- baton:onboarding.item-1 {contract_start+7d} -->', '<!-- baton:a.b {renewal_date-30d} -->', '<!--baton:x-->', '<!--  baton:a_b.c   -->', '<!-- baton:a { } -->', '<!-- baton:a {x} y -->',
    '<!-- baton:.bad -->', '<!-- baton:a {b}-->', '<!-- baton:a\t{ b }\t-->', '<!-- baton:日本 -->', '<!-- baton:a {{} -->',
  ),
  fc.string({ maxLength: 4 }),
);
const eol = fc.constantFrom('', '\n', '\r\n', '\r');
const taskish = fc
  .tuple(prefix, marker, gap, box, gap, fc.array(piece, { maxLength: 10 }), eol)
  .map(([p, m, g1, b, g2, rest, e]) => p + m + g1 + b + g2 + rest.join('') + e);

describe('parseTaskLine', () => {
  it('gives the same Task as the regex-only parser for any line (prefixes, markers, boxes, ids, fields, EOLs)', () => {
    fc.assert(
      fc.property(taskish, fc.nat(1000), (raw, line) => same(parseTaskLine(raw, line), oracle(raw, line))),
      { numRuns: 20000 },
    );
  });

  it('agrees with the oracle on the usual template lines', () => {
    for (const raw of [
      '- [x] Send the welcome email <!-- baton:onboarding.item-1 {contract_start+7d} --> 📅 2025-07-13 ✅ 2025-07-13\n',
      '- [ ] Book the kickoff meeting <!-- baton:onboarding.item-2 {contract_start+14d} --> 📅 2025-07-20\r\n',
      '  > 1. [/] 顧客にようこそメールを送る <!-- baton:onboarding.item-1 {contract_start+7d} --> 📅 2025-07-13 ^abc',
      '- [ ] Title <!-- baton:a.b {x} -->  📅 2025-07-13',
      '- [ ] Title ⏫ <!-- baton:a.b {x} --> 📅 2025-07-13',
      '- [ ] Title\ud83d<!-- baton:a.b {x} -->\udcc5 2025-07-13',
    ])
      same(parseTaskLine(raw, 3), oracle(raw, 3));
  });

  it('scanTasks finds the oracle’s tasks outside fences', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(taskish, fc.constantFrom('```\n', '~~~\n', '# h\n', 'text [ ] x\n')), { maxLength: 12 }), (ls) => {
        const lines = splitLinesKeepEol(ls.join(''));
        const fenced = fencedLines(lines);
        const want = lines.flatMap((l, i) => (fenced[i] ? [] : [oracle(l, i)].filter((t) => t !== undefined)));
        expect(scanTasks(lines, fenced)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});
