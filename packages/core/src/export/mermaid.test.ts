import { describe, expect, it } from 'vitest';
import { escapeMermaidText, toMermaidGantt } from './mermaid.js';
import type { TimelineEvent } from '../timeline.js';

const ev = (over: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id: 'a#renewal',
  date: '2027-03-31',
  kind: 'renewal',
  account: 'Acme',
  file: 'Acme.md',
  line: 6,
  owner: undefined,
  stage: 'adoption',
  status: 'upcoming',
  title: 'Renewal',
  ...over,
});

describe('escapeMermaidText', () => {
  it('neutralises token and comment characters', () => {
    const s = escapeMermaidText('a: b # c ; d %% e <b>&"`{}\\');
    expect(s).not.toMatch(/[:#;%<>&"`{}\\]/);
    expect(s).toBe('a： b ＃ c ； d ％％ e ＜b＞＆＂｀｛｝＼');
  });
  it('keeps everything on one line', () => {
    expect(escapeMermaidText('one\ntwo\r\nthree\u2028four')).toBe('one two three four');
  });
  it('breaks keywords at the start, in any case', () => {
    for (const k of ['section evil', 'Title x', 'CLICK a call b()', 'dateFormat x', 'todayMarker off', 'excludes weekends']) {
      const s = escapeMermaidText(k);
      expect(s.charAt(1)).toBe('\u200b');
      expect(s.replace('\u200b', '')).toBe(k);
    }
    expect(escapeMermaidText('Review the section')).toBe('Review the section');
  });
  it('never returns an empty name', () => {
    expect(escapeMermaidText('  \n ', 'Task')).toBe('Task');
  });
});

describe('toMermaidGantt', () => {
  it('writes one section per account and a milestone per event with status tags', () => {
    const out = toMermaidGantt([
      ev({ account: 'Acme', status: 'overdue', date: '2026-11-01', title: 'Send quote', kind: 'task' }),
      ev({ account: '月見精機', status: 'done', date: '2026-04-01', title: '契約開始', kind: 'contract-start' }),
      ev({ account: 'Acme', status: 'due-soon', date: '2026-11-30' }),
    ]);
    expect(out).toBe(
      [
        'gantt',
        '    title Renewal timeline',
        '    dateFormat YYYY-MM-DD',
        '    axisFormat %Y-%m',
        '    section Acme',
        '    Send quote :milestone, crit, 2026-11-01, 0d',
        '    Renewal :milestone, active, 2026-11-30, 0d',
        '    section 月見精機',
        '    契約開始 :milestone, done, 2026-04-01, 0d',
        '',
      ].join('\n'),
    );
  });
  it('cannot be injected into through account names, titles or the chart title', () => {
    const out = toMermaidGantt(
      [ev({ account: 'Evil\nsection Injected', title: 'x : crit, 2020-01-01, 999d\nclick x href "javascript:alert(1)"', kind: 'task' })],
      { title: 'T\ndateFormat DD' },
    );
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => /^\s*section\s/i.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^\s*dateformat\s/i.test(l))).toEqual(['    dateFormat YYYY-MM-DD']);
    expect(lines.some((l) => /^\s*click\s/i.test(l))).toBe(false);
    expect(lines[1]).toBe('    title T dateFormat DD');
    expect(lines.filter((l) => l.includes(':'))).toHaveLength(1);
    expect(lines[5]).toMatch(/ :milestone, 2027-03-31, 0d$/);
  });
  it('skips events whose date is not a real date', () => {
    expect(toMermaidGantt([ev({ date: '2027-02-30' })])).not.toContain('section');
  });
});
