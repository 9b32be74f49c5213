import { describe, expect, it } from 'vitest';
import { identifyHeading, scanHeadings } from './sections.js';
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
