import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identifyHeading, normalizeHeading, scanHeadings } from './sections.js';
import { fencedLines, splitLinesKeepEol } from './text.js';

describe('identifyHeading', () => {
  it('recognises English, Japanese, aliases and bilingual headings', () => {
    expect(identifyHeading('Handoff')).toBe('handoff');
    expect(identifyHeading('引き継ぎ')).toBe('handoff');
    expect(identifyHeading('Stakeholders')).toBe('stakeholders');
    expect(identifyHeading('Stakeholders and decision makers')).toBe('decision_makers');
    expect(identifyHeading('提案の経緯・値引きロジック')).toBe('proposal_history');
    expect(identifyHeading('Handoff / 引き継ぎ')).toBe('handoff');
    expect(identifyHeading('1. Future vision:')).toBe('future_vision');
    expect(identifyHeading('ＦＩＲＳＴ ＧＯＡＬＳ')).toBe('first_goals');
    expect(identifyHeading('Lunch menu')).toBeUndefined();
  });

  it('tries the parts of a heading only when it has a separator or a closing bracket, which is when parts can differ from the whole', () => {
    // A closing bracket alone is stripped from the (only) part: still recognised.
    for (const h of ['Handoff)', 'Handoff）', 'Handoff )', '(Handoff)', 'Handoff (引き継ぎ)', 'Acme | Handoff', 'Acme / 引き継ぎ', '引き継ぎ（Handoff）'])
      expect(identifyHeading(h), h).toBe('handoff');
    // Without any of / | ( ) （ ）, splitting yields the heading itself and stripping a closing
    // bracket changes nothing: the parts have nothing the whole did not.
    const SPLIT = /\s+[/|]\s+|\s*（|\s*\(/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '-', '.', ':', '：', '1', '引', 'き', '\u3000', '/', '|', '(', ')', '（', '）') }), (text) => {
        const n = normalizeHeading(text);
        if (/[/|（(）)]/.test(n)) return;
        expect(n.split(SPLIT)).toEqual([n]);
        expect(n.replace(/[)）]\s*$/, '').trim()).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('scanHeadings', () => {
  it('skips fenced headings and computes section extents', () => {
    const lines = splitLinesKeepEol('# A\n## Handoff\n### Future vision\ntext\n```\n## Notes\n```\n## Notes\nend\n');
    const hs = scanHeadings(lines, fencedLines(lines));
    expect(hs.map((h) => [h.id ?? h.text, h.line, h.end])).toEqual([
      ['A', 0, 9],
      ['handoff', 1, 7],
      ['future_vision', 2, 7],
      ['notes', 7, 9],
    ]);
  });
});
