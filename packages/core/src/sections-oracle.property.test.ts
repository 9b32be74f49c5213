import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifyHeading, scanHeadings, type Heading } from './sections.js';
import { fencedLines, splitLinesKeepEol, stripEol } from './text.js';

// The regex scanHeadings replaced, kept as the oracle.
const HEADING_RE = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
function oracle(lines: readonly string[], fenced: readonly boolean[], from = 0): Heading[] {
  const out: Heading[] = [];
  for (let i = from; i < lines.length; i++) {
    if (fenced[i]) continue;
    const m = HEADING_RE.exec(stripEol(lines[i] ?? ''));
    if (!m?.[1]) continue;
    const text = (m[2] ?? '').trim();
    out.push({ level: m[1].length, text, id: identifyHeading(text), line: i, end: lines.length });
  }
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < out.length; j++)
      if (out[j]!.level <= out[i]!.level) {
        out[i]!.end = out[j]!.line;
        break;
      }
  return out;
}

const piece = fc.oneof(
  fc.constantFrom(' ', '  ', '   ', '    ', '\t', '#', '##', '###', '#######', '\u00a0', '\u3000', '\u2028', '\u2029', 'Handoff', '引き継ぎ', 'Stakeholders', 'Notes:', '1. ', 'x', '# x #', '\\#', '```', '~~~'),
  fc.string({ maxLength: 3 }),
);
const line = fc
  .tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '\t'), fc.constantFrom('', '#', '##', '######', '#######'), fc.array(piece, { maxLength: 6 }), fc.constantFrom('', '\n', '\r\n', '\r'))
  .map(([sp, h, rest, eol]) => sp + h + rest.join('') + eol);

describe('scanHeadings', () => {
  it('finds the headings HEADING_RE found, with the same text, id, level and extent', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.nat(3), (ls, from) => {
        const lines = splitLinesKeepEol(ls.join(''));
        const fenced = fencedLines(lines);
        expect(scanHeadings(lines, fenced, from)).toEqual(oracle(lines, fenced, from));
      }),
      { numRuns: 10000 },
    );
  });

  it('reads single lines exactly as the regex did, also with breaks inside', () => {
    fc.assert(
      fc.property(line, fc.constantFrom('', '\n', '\r', '\u2028'), line, (a, mid, b) => {
        const lines = [a + mid + b];
        expect(scanHeadings(lines, [false])).toEqual(oracle(lines, [false]));
      }),
      { numRuns: 5000 },
    );
  });
});
