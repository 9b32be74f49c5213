import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from './day-number.js';
import { EventIndex } from './event-index.js';
import { filterTimeline, sortEvents, type TimelineEvent } from './timeline.js';
import { EVENT_PAGE, MONTH_PAGE, buildTimelineModel, widenWindow, type TimelineModelOptions } from './timeline-window.js';

const TODAY = '2026-06-10';
const options = (o: Partial<TimelineModelOptions> = {}): TimelineModelOptions => ({ today: TODAY, locale: 'en', filters: {}, window: undefined, ...o });

/** The `YYYY-MM` `n` months from today's month. */
const month = (n: number) => {
  const m = 2026 * 12 + 5 + n;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

let next = 0;
/** `count` events on the 20th of month `n` (relative to today's); overdue ones get that status. */
function events(n: number, count = 1, o: Partial<TimelineEvent> = {}): TimelineEvent[] {
  return Array.from({ length: count }, () => {
    const id = ++next;
    const date = `${month(n)}-20`;
    return { id: `t${id}`, date, kind: 'task', account: `A${id}`, file: `A${id}.md`, line: 1, owner: 'Sato', stage: 'running', status: date < TODAY ? 'done' : 'upcoming', title: 'x', ...o } as TimelineEvent;
  });
}
const span = (from: number, to: number) => sortEvents(Array.from({ length: to - from + 1 }, (_, i) => events(from + i)).flat());
const shown = (m: ReturnType<typeof buildTimelineModel>) => m.view.months.map((x) => x.month);

describe('buildTimelineModel', () => {
  it('opens on the current month and the MONTH_PAGE − 1 after it, and says what is hidden either way', () => {
    const m = buildTimelineModel(span(-30, 30), options());
    expect(shown(m)).toEqual(Array.from({ length: MONTH_PAGE }, (_, i) => month(i)));
    expect(m.earlier).toMatchObject({ count: 30 });
    expect(m.later).toMatchObject({ count: 30 - MONTH_PAGE + 1 });
    expect(m.total).toBe(61);
  });

  it('reaches back to the oldest overdue month, but not further than MONTH_PAGE months', () => {
    const near = sortEvents([...span(-30, 30), ...events(-5, 1, { status: 'overdue' })]);
    expect(shown(buildTimelineModel(near, options()))[0]).toBe(month(-5));
    const old = sortEvents([...span(-30, 30), ...events(-20, 1, { status: 'overdue' })]);
    expect(shown(buildTimelineModel(old, options()))[0]).toBe(month(-MONTH_PAGE));
  });

  it('shows the current month even when it has no event', () => {
    const m = buildTimelineModel(span(2, 4), options());
    expect(m.view.months.find((x) => x.isCurrent)?.month).toBe(month(0));
  });

  it('caps a month at EVENT_PAGE events, knows how many it has, and shows more on request', () => {
    const all = sortEvents([...span(-2, 3), ...events(1, 80)]);
    const m = buildTimelineModel(all, options());
    expect(m.view.months.find((x) => x.month === month(1))?.events).toHaveLength(EVENT_PAGE);
    expect(m.monthTotals.get(month(1))).toBe(81);
    const wider = buildTimelineModel(all, options({ window: widenWindow(m.window, m.months, { type: 'showMore', month: month(1) }) }));
    expect(wider.view.months.find((x) => x.month === month(1))?.events).toHaveLength(81);
    expect(widenWindow(m.window, m.months, { type: 'showMore', month: '1999-01' })).toBe(m.window);
  });

  it('widens by MONTH_PAGE months each way, and keeps a widened window (as months) when months come and go', () => {
    const all = span(-30, 30);
    const m = buildTimelineModel(all, options());
    const earlier = widenWindow(m.window, m.months, { type: 'showEarlier' });
    expect(shown(buildTimelineModel(all, options({ window: earlier })))[0]).toBe(month(-MONTH_PAGE));
    const later = widenWindow(m.window, m.months, { type: 'showLater' });
    expect(shown(buildTimelineModel(all, options({ window: later }))).at(-1)).toBe(month(2 * MONTH_PAGE - 1));
    // Another note adds a month before the window and removes one inside it: same months on screen.
    const edited = sortEvents([...all.filter((e) => !e.date.startsWith(month(-3))), ...events(-40)]);
    const again = shown(buildTimelineModel(edited, options({ window: earlier })));
    expect(again[0]).toBe(month(-MONTH_PAGE));
    expect(again).not.toContain(month(-3));
  });

  it('filters on the host, counts the filtered events, and still offers every choice', () => {
    const all = sortEvents([...span(0, 2), ...events(1, 3, { owner: 'Ito', kind: 'renewal', status: 'due-soon' })]);
    const m = buildTimelineModel(all, options({ filters: { owner: 'ito' } }));
    expect(m.total).toBe(3);
    expect(m.counts).toEqual({ overdue: 0, 'due-soon': 3, upcoming: 0, done: 0 });
    expect(m.view.months.flatMap((x) => x.events).every((e) => e.owner === 'Ito')).toBe(true);
    expect(m.choices.owners).toEqual(['Ito', 'Sato']);
    expect(m.choices.kinds).toEqual(['renewal', 'task']);
    expect(buildTimelineModel(all, options({ filters: { kind: 'kickoff' } })).total).toBe(0);
  });

  it('counts the shown statuses and offers the whole portfolio’s choices, with any filter or none', () => {
    const event = fc.record({
      n: fc.integer({ min: -8, max: 8 }),
      owner: fc.constantFrom('Sato', 'Ito', ''),
      kind: fc.constantFrom('task', 'renewal', 'kickoff'),
      stage: fc.constantFrom('running', 'adoption', 'handoff'),
      status: fc.constantFrom('overdue', 'due-soon', 'upcoming', 'done'),
    });
    const filters = fc.record({ owner: fc.constantFrom(undefined, 'sato', 'ito'), kind: fc.constantFrom(undefined, 'task', 'renewal'), stage: fc.constantFrom(undefined, 'running') });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), filters, (list, f) => {
        const all = sortEvents(list.flatMap(({ n, ...o }) => events(n, 1, o as Partial<TimelineEvent>)));
        const m = buildTimelineModel(all, options({ filters: f }));
        const kept = filterTimeline(all, f);
        const counts = { overdue: 0, 'due-soon': 0, upcoming: 0, done: 0 };
        for (const e of kept) counts[e.status]++;
        expect(m.counts).toEqual(counts);
        expect(m.total).toBe(kept.length);
        expect(m.choices.owners).toEqual([...new Set(all.map((e) => e.owner).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b)));
        expect(new Set(m.choices.kinds)).toEqual(new Set(all.map((e) => e.kind)));
        expect(new Set(m.choices.stages)).toEqual(new Set(all.map((e) => e.stage)));
        // The same model from what the caller knows (an index's summary): no walk, same answer.
        expect(buildTimelineModel(all, options({ filters: f, summary: EventIndex.from(all).summary() }))).toEqual(m);
      }),
      { numRuns: 500 },
    );
  });

  it('draws at most 2 × MONTH_PAGE months of EVENT_PAGE events from a 300k-event portfolio', () => {
    const start = dayNumber('2023-01-01');
    const all = sortEvents(Array.from({ length: 300_000 }, (_, i) => ({ id: `e${i}`, date: fromDayNumber(start + ((i * 7) % 2190)), kind: 'task', account: `A${i % 10_000}`, file: `A${i % 10_000}.md`, line: 1, owner: 'Sato', stage: 'running', status: 'upcoming', title: 'x' }) as TimelineEvent));
    const m = buildTimelineModel(all, options());
    const drawn = m.view.months.reduce((n, x) => n + x.events.length, 0);
    expect(m.view.months.length).toBeLessThanOrEqual(2 * MONTH_PAGE);
    expect(drawn).toBeLessThanOrEqual(2 * MONTH_PAGE * EVENT_PAGE);
    expect(m.total).toBe(300_000);
  });
});
