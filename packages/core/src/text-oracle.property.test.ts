import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fencedLines, splitLinesKeepEol, stripEol } from './text.js';

// fencedLines as it was before it built its answer with push (kept as the oracle).
function oracle(lines: readonly string[]): boolean[] {
  const inFence: boolean[] = new Array(lines.length).fill(false);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = stripEol(lines[i] ?? '');
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(l);
    if (fence === undefined) {
      if (m?.[1]) {
        fence = m[1];
        inFence[i] = true;
      }
    } else {
      inFence[i] = true;
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && l.trim() === m[1]) fence = undefined;
    }
  }
  return inFence;
}

const line = fc
  .tuple(
    fc.constantFrom('', ' ', '   ', '    ', '\t', '\u3000'),
    fc.constantFrom('', '```', '````', '~~~', '~~~~', '``', '~~', '`~~', '```js', 'x'),
    fc.constantFrom('', ' ', '  ', 'x', '```', '~~~', '\u00a0', '\r'),
    fc.constantFrom('', '\n', '\r\n', '\r'),
  )
  .map((parts) => parts.join(''));

describe('fencedLines', () => {
  it('marks the lines the regex loop marked', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 16 }), (ls) => {
        const lines = splitLinesKeepEol(ls.join(''));
        expect(fencedLines(lines)).toStrictEqual(oracle(lines));
        // Lines that are not split the usual way (breaks inside, none at the end) too.
        expect(fencedLines(ls)).toStrictEqual(oracle(ls));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a missing line as empty', () => {
    const lines = ['```\n', undefined as unknown as string, '```\n'];
    expect(fencedLines(lines)).toStrictEqual(oracle(lines));
  });
});
