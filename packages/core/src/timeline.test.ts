import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { accountNote } from './__fixtures__/notes.js';
import { buildAccountTimeline, buildPortfolioTimeline, buildTimelineView, filterTimeline, fiscalPeriod, groupByMonth, timelineChoices } from './timeline.js';

const today = '2026-11-22';

describe('buildAccountTimeline', () => {
  const note = parseAccountNote(
    accountNote(
      { kickoff_date: '2026-04-20', notice_days: 60, sales_owner: 'Kimura' },
      '## Checklists\n- [ ] Usage review <!-- baton:renewal-prep.usage {renewal_date-120d} --> 📅 2026-12-01\n- [x] Kickoff deck 📅 2026-04-15\n- [ ] Late thing 📅 2026-11-01\n- [ ] Undated\n',
    ),
  );
  const events = buildAccountTimeline(note, 'Acme.md', { today });

  it('starts the outreach ladder 120 days before a 2027-03-31 renewal', () => {
    expect(filterTimeline(events, { kind: 'outreach' }).map((e) => e.date)).toEqual(['2026-12-01', '2026-12-31', '2027-01-30', '2027-03-01']);
  });

  it('includes every milestone kind with owners and source lines', () => {
    const byKind = (k: string) => events.filter((e) => e.kind === k);
    expect(byKind('contract-start')[0]).toMatchObject({ date: '2026-04-01', owner: 'Kimura', line: 5, status: 'done' });
    expect(byKind('first-contact')[0]).toMatchObject({ date: '2026-04-06', owner: 'Sato' });
    expect(byKind('kickoff')[0]?.date).toBe('2026-04-20');
    expect(byKind('first-goal').map((e) => e.date)).toEqual(['2026-05-20', '2026-07-20', '2027-04-20']);
    expect(byKind('notice-deadline')[0]).toMatchObject({ date: '2027-01-30', owner: 'Tanaka' });
    expect(byKind('renewal')[0]).toMatchObject({ date: '2027-03-31', owner: 'Tanaka', status: 'upcoming' });
  });

  it('gives tasks statuses from today and skips undated ones', () => {
    const tasks = events.filter((e) => e.kind === 'task');
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Kickoff deck', 'done'],
      ['Late thing', 'overdue'],
      ['Usage review', 'due-soon'],
    ]);
    expect(tasks.find((t) => t.title === 'Usage review')).toMatchObject({ owner: 'Tanaka', line: 16, detail: 'renewal-prep', id: 'Acme.md#task-renewal-prep.usage' });
  });

  it('marks the first contact overdue while the account is still in handoff', () => {
    const h = parseAccountNote(accountNote({ stage: 'handoff', contract_start: '2026-11-10' }));
    const fc = buildAccountTimeline(h, 'h.md', { today }).find((e) => e.kind === 'first-contact');
    expect(fc).toMatchObject({ date: '2026-11-13', status: 'overdue' });
  });

  it('plans nothing in the future for a churned account', () => {
    const c = parseAccountNote(accountNote({ stage: 'churned' }));
    expect(buildAccountTimeline(c, 'c.md', { today }).every((e) => e.date < today)).toBe(true);
  });

  it('honours a custom ladder and labels in Japanese', () => {
    const ev = buildAccountTimeline(note, 'Acme.md', { today, outreachDays: [180], locale: 'ja' }).filter((e) => e.kind === 'outreach');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ date: '2026-10-02', title: '更新に向けた連絡（180日前）' });
  });

  it('returns nothing for an invalid account', () => {
    expect(buildAccountTimeline(parseAccountNote(accountNote({ term_months: -1 })), 'x.md', { today })).toEqual([]);
  });
});

describe('the ends of the calendar', () => {
  it('a date a step past 9999-12-31 gives no event rather than a date no note can hold', () => {
    const n = parseAccountNote(accountNote({ contract_start: '9999-01-01', kickoff_date: '9999-06-01' }));
    const events = buildAccountTimeline(n, 'x.md', { today: '2026-11-22' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date))).toBe(true);
    expect(events.map((e) => e.kind)).toContain('kickoff');
    // The renewal (9999-12-31) is still there; the one-year goal after kickoff is not.
    expect(events.find((e) => e.kind === 'renewal')?.date).toBe('9999-12-31');
  });
});

describe('portfolio timeline and view', () => {
  const a = parseAccountNote(accountNote({ account: 'Beta', csm_owner: 'Ito' }));
  const b = parseAccountNote(accountNote({ account: 'Alpha', contract_start: '2026-06-01' }));
  const events = buildPortfolioTimeline([{ file: 'b.md', note: a }, { file: 'a.md', note: b }], { today });

  it('is sorted by date then account', () => {
    const keys = events.map((e) => `${e.date}|${e.account}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('filters by owner (case-insensitive), date range and several kinds', () => {
    expect(filterTimeline(events, { owner: 'ito' }).every((e) => e.account === 'Beta')).toBe(true);
    const r = filterTimeline(events, { from: '2026-12-01', to: '2026-12-31', kind: ['outreach', 'renewal'] });
    expect(r.map((e) => e.account)).toEqual(['Beta', 'Beta']);
  });

  it('groups by month with localised labels', () => {
    const g = groupByMonth(events, 'ja');
    expect(g[0]?.label).toBe('2026年4月');
    expect(g.map((m) => m.month)).toEqual([...new Set(events.map((e) => e.date.slice(0, 7)))]);
  });

  it('places the today marker and always shows the current month', () => {
    const view = buildTimelineView(events, { today, locale: 'en' });
    const cur = view.months.find((m) => m.isCurrent)!;
    expect(cur.month).toBe('2026-11');
    expect(cur.todayIndex).toBe(cur.events.findIndex((e) => e.date >= today) < 0 ? cur.events.length : cur.events.findIndex((e) => e.date >= today));
    expect(view.owners).toEqual(['Ito', 'Sato', 'Tanaka']);
    expect(view.counts.done + view.counts.upcoming + view.counts['due-soon'] + view.counts.overdue).toBe(events.length);
    const empty = buildTimelineView([], { today, locale: 'ja' });
    expect(empty.months).toEqual([{ month: '2026-11', label: '2026年11月', events: [], isCurrent: true, todayIndex: 0 }]);
  });
});

describe('task owners', () => {
  it('gives any renewal playbook’s items to the renewal owner', () => {
    const n = parseAccountNote(accountNote({}, '- [ ] a <!-- baton:team-renewal.ebr --> 📅 2026-12-01\n- [ ] b <!-- baton:kickoff.roles --> 📅 2026-12-01\n'));
    const tasks = buildAccountTimeline(n, 'a.md', { today }).filter((e) => e.kind === 'task');
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['a', 'Tanaka'],
      ['b', 'Sato'],
    ]);
  });
});

describe('fiscal periods', () => {
  it('names fiscal years by their start year and marks the year end', () => {
    expect(fiscalPeriod('2027-03', 4)).toEqual({ year: 2026, quarter: 4, label: 'FY2026 Q4', isYearEnd: true });
    expect(fiscalPeriod('2026-04', 4, 'ja')).toEqual({ year: 2026, quarter: 1, label: '2026年度 第1四半期', isYearEnd: false });
    expect(fiscalPeriod('2026-12', 1)).toMatchObject({ year: 2026, quarter: 4, isYearEnd: true });
    expect(fiscalPeriod('2026-10', 10)).toMatchObject({ year: 2026, quarter: 1 });
  });

  it('adds the fiscal period to every month of a view only when asked', () => {
    const note = parseAccountNote(accountNote());
    const events = buildAccountTimeline(note, 'a.md', { today });
    expect(buildTimelineView(events, { today }).months.every((m) => m.fiscal === undefined)).toBe(true);
    const months = buildTimelineView(events, { today, fiscalYearStartMonth: 4 }).months;
    expect(months.find((m) => m.month === '2027-03')?.fiscal?.isYearEnd).toBe(true);
    expect(months.filter((m) => m.fiscal?.isYearEnd).map((m) => m.month)).toEqual(['2027-03']);
  });
});

describe('timelineChoices', () => {
  it('lists owners sorted, stages and kinds in their usual order, each once', () => {
    const b = parseAccountNote(accountNote({ account: 'B', stage: 'churned', csm_owner: 'Yamada', renewal_owner: 'Abe' }));
    const a = parseAccountNote(accountNote({ account: 'A', stage: 'adoption', csm_owner: 'Sato' }));
    const events = buildPortfolioTimeline([{ file: 'b.md', note: b }, { file: 'a.md', note: a }], { today: '2026-11-22' });
    const c = timelineChoices(events);
    expect(c.owners).toEqual([...new Set(events.flatMap((e) => (e.owner ? [e.owner] : [])))].sort((x, y) => x.localeCompare(y)));
    expect(c.owners).toEqual(expect.arrayContaining(['Sato', 'Yamada']));
    expect(c.stages).toEqual(['adoption', 'churned']);
    expect(c.kinds.slice(0, 2)).toEqual(['contract-start', 'first-contact']);
    expect(new Set(c.kinds).size).toBe(c.kinds.length);
  });
});
