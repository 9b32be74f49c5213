import { EVENT_KINDS, EVENT_PAGE, MONTH_PAGE, STAGES, buildTimelineModel, sortEvents, widenWindow, type EventStatus, type TimelineEvent, type TimelineModelOptions as ModelOptions, type TimelineWindow } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { renderTimelineHtml, renderTimelineParts } from './timeline-html.js';


const TODAY = '2026-06-10';
const page = { nonce: 'N0NCE', cspSource: 'vscode-webview://x', scriptUri: 'vscode-webview://x/t.js', styleUri: 'vscode-webview://x/t.css' };
const opts = (o: Partial<ModelOptions> = {}): ModelOptions => ({ today: TODAY, locale: 'en', filters: {}, window: undefined, ...o });

/** `YYYY-MM-DD` `n` months after (negative: before) today's month, on `day`. */
function monthDay(n: number, day = 15): string {
  const d = new Date(Date.UTC(2026, 5 + n, day));
  return d.toISOString().slice(0, 10);
}

let seq = 0;
function ev(date: string, o: Partial<TimelineEvent> = {}): TimelineEvent {
  seq++;
  const status: EventStatus = date < TODAY ? 'done' : 'upcoming';
  return { id: `e${seq}`, date, kind: 'task', account: `Acct ${seq}`, file: `Accounts/${seq}.md`, line: 1, owner: 'Tanaka', stage: 'onboarding', status, title: `Task ${seq}`, ...o };
}

/** One event in each of the months `from`..`to` (relative to today's month). */
const monthly = (from: number, to: number, o: Partial<TimelineEvent> = {}) => Array.from({ length: to - from + 1 }, (_, i) => ev(monthDay(from + i), o));

const shownMonths = (html: string) => [...html.matchAll(/<section class="month[^"]*" data-month="([^"]+)"/g)].map((m) => m[1]);
const eventCount = (html: string) => html.match(/<li class="event /g)?.length ?? 0;

/**
 * A 10k-account portfolio: 30 events per account (≈ core's count for an account with a checklist
 * or two), spread over six years, date-sorted as `Portfolio.timeline()` returns them.
 */
function portfolio(accounts = 10_000, perAccount = 30): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const start = Date.UTC(2023, 0, 1);
  const day = 86_400_000;
  for (let a = 0; a < accounts; a++) {
    for (let j = 0; j < perAccount; j++) {
      const date = new Date(start + ((a * 7 + j * 73) % (6 * 365)) * day).toISOString().slice(0, 10);
      const status: EventStatus = date < TODAY ? ((a + j) % 10 === 0 ? 'overdue' : 'done') : date <= '2026-06-24' ? 'due-soon' : 'upcoming';
      out.push({
        id: `A${a}:${j}`,
        date,
        kind: EVENT_KINDS[j % EVENT_KINDS.length]!,
        account: `Account ${a}`,
        file: `Accounts/Account ${a}.md`,
        line: j + 1,
        owner: `Owner ${a % 20}`,
        stage: STAGES[a % STAGES.length]!,
        status,
        title: `Step ${j}`,
      });
    }
  }
  return sortEvents(out);
}

describe('the opening window', () => {
  it('starts at the oldest overdue month when it is within MONTH_PAGE months back, and reaches MONTH_PAGE months ahead', () => {
    const events = [...monthly(-30, -1), ...monthly(0, 30)];
    events.push(ev(monthDay(-5, 2), { status: 'overdue' }));
    const m = buildTimelineModel(sortEvents(events), opts());
    const months = shownMonths(renderTimelineParts(m).main);
    expect(months[0]).toBe(monthDay(-5).slice(0, 7));
    // The current month and the MONTH_PAGE - 1 after it, as in Obsidian.
    expect(months.at(-1)).toBe(monthDay(MONTH_PAGE - 1).slice(0, 7));
    expect(months).toHaveLength(5 + MONTH_PAGE);
    expect(m.earlier?.count).toBe(30 - 5);
    expect(m.later?.count).toBe(30 - (MONTH_PAGE - 1));
  });

  it('goes back at most MONTH_PAGE months for an older overdue event, and starts at today without one', () => {
    const old = sortEvents([ev(monthDay(-40), { status: 'overdue' }), ...monthly(-30, 30)]);
    expect(shownMonths(renderTimelineParts(buildTimelineModel(old, opts())).main)[0]).toBe(monthDay(-MONTH_PAGE).slice(0, 7));
    const none = sortEvents(monthly(-30, 30));
    expect(shownMonths(renderTimelineParts(buildTimelineModel(none, opts())).main)[0]).toBe('2026-06');
  });

  it('counts months that have events, and always shows the current month for the today marker', () => {
    // Nothing this month, two events a year apart ahead: both are within the next MONTH_PAGE months that have events.
    const m = buildTimelineModel([ev('2027-01-05'), ev('2028-03-01')], opts());
    const html = renderTimelineParts(m).main;
    expect(shownMonths(html)).toEqual(['2026-06', '2027-01', '2028-03']);
    expect(html.match(/class="today-marker"/g)).toHaveLength(1);
    expect(m.later).toBeUndefined();
    expect(html).not.toContain('data-action="later"');
  });
});

describe('paging', () => {
  it('shows EVENT_PAGE events of a month and a "show more" button with the rest, then more on request', () => {
    const events = sortEvents(Array.from({ length: 320 }, (_, i) => ev(`2026-07-${String((i % 28) + 1).padStart(2, '0')}`)));
    const m = buildTimelineModel(events, opts());
    const html = renderTimelineParts(m).main;
    expect(eventCount(html)).toBe(EVENT_PAGE);
    expect(html).toContain(`<button type="button" class="more more-month" data-action="more" data-month="2026-07">Show more (${320 - EVENT_PAGE})</button>`);
    const win = widenWindow(m.window, m.months, { type: 'showMore', month: '2026-07' });
    const more = renderTimelineParts(buildTimelineModel(events, opts({ window: win }))).main;
    expect(eventCount(more)).toBe(EVENT_PAGE * 5);
    expect(more).toContain(`Show more (${320 - EVENT_PAGE * 5})`);
    const all = widenWindow(win, m.months, { type: 'showMore', month: '2026-07' });
    const rest = renderTimelineParts(buildTimelineModel(events, opts({ window: all }))).main;
    expect(eventCount(rest)).toBe(320);
    expect(rest).not.toContain('data-action="more"');
  });

  it('keeps the today marker at the end of a capped current month when today falls after the shown events', () => {
    const events = sortEvents([...Array.from({ length: 60 }, () => ev('2026-06-01')), ev('2026-06-20')]);
    const html = renderTimelineParts(buildTimelineModel(events, opts())).main;
    expect(html).toMatch(/<li class="today-marker"[^>]*>.*<\/li><\/ol><button type="button" class="more more-month" data-action="more" data-month="2026-06">Show more \(11\)/);
  });

  it('widens by MONTH_PAGE months each way with real buttons that say how many months and which', () => {
    const events = sortEvents(monthly(-40, 40));
    const m = buildTimelineModel(events, opts());
    const p = renderTimelineParts(m).main;
    expect(p).toContain('<button type="button" class="more more-earlier" data-action="earlier">↑ Show more (40) <span class="range">February 2023 – May 2026</span></button>');
    expect(p).toContain('<button type="button" class="more more-later" data-action="later">↓ Show more (29) <span class="range">June 2027 – October 2029</span></button>');
    const later = widenWindow(m.window, m.months, { type: 'showLater' });
    const m2 = buildTimelineModel(events, opts({ window: later }));
    expect(shownMonths(renderTimelineParts(m2).main).at(-1)).toBe(monthDay(MONTH_PAGE * 2 - 1).slice(0, 7));
    expect(m2.later?.count).toBe(29 - MONTH_PAGE);
    const earlier = widenWindow(widenWindow(widenWindow(later, m2.months, { type: 'showEarlier' }), m2.months, { type: 'showEarlier' }), m2.months, { type: 'showEarlier' });
    const m3 = buildTimelineModel(events, opts({ window: earlier }));
    expect(m3.earlier?.count).toBe(40 - MONTH_PAGE * 3);
    expect(renderTimelineParts(m3).main).toContain('↑ Show more (4) <span class="range">February 2023 – May 2023</span>');
  });

  it('ignores "show more" for a month that is not on the timeline', () => {
    const m = buildTimelineModel(sortEvents(monthly(0, 3)), opts());
    expect(widenWindow(m.window, m.months, { type: 'showMore', month: '1999-01' })).toBe(m.window);
  });

  it('keeps the window (as months) across an index change that adds and removes months', () => {
    const events = sortEvents(monthly(-20, 40));
    const m = buildTimelineModel(events, opts());
    const win: TimelineWindow = widenWindow(m.window, m.months, { type: 'showLater' });
    const before = shownMonths(renderTimelineParts(buildTimelineModel(events, opts({ window: win }))).main);
    // A new note adds a month far ahead and a deleted one takes the third shown month with it.
    const third = before[2]!;
    const changed = sortEvents([...events.filter((e) => !e.date.startsWith(third)), ev('2031-01-01')]);
    const after = shownMonths(renderTimelineParts(buildTimelineModel(changed, opts({ window: win }))).main);
    expect(after).toEqual(before.filter((x) => x !== third));
  });
});

describe('filters run on the host', () => {
  const events = sortEvents([
    ev('2026-06-12', { owner: 'Tanaka', kind: 'renewal', status: 'due-soon', stage: 'renewal' }),
    ev('2026-07-01', { owner: 'Suzuki', kind: 'outreach', stage: 'running' }),
    ev('2026-08-01', { owner: 'Suzuki', kind: 'renewal', stage: 'running' }),
    ev('2026-05-01', { owner: 'Sato', kind: 'task', status: 'overdue', stage: 'adoption' }),
  ]);

  it('draws only the matching events, counts only them, and still offers every choice of the portfolio', () => {
    const filters = { kind: 'renewal' as const };
    const m = buildTimelineModel(events, opts({ filters }));
    const p = renderTimelineParts(m, filters);
    expect([...p.main.matchAll(/data-kind="([^"]+)"/g)].map((x) => x[1])).toEqual(['renewal', 'renewal']);
    expect(m.counts).toEqual({ overdue: 0, 'due-soon': 1, upcoming: 1, done: 0 });
    expect(p.counts).toContain('Overdue: <b>0</b>');
    expect(p.owner).toBe('<option value="">All owners</option><option value="Sato">Sato</option><option value="Suzuki">Suzuki</option><option value="Tanaka">Tanaka</option>');
    expect(p.kind).toContain('<option value="renewal" selected>');
    expect(p.kind).toContain('<option value="task">');
    expect(p.stage).toContain('<option value="adoption">Adoption</option>');
    expect(p.empty).toBe(false);
  });

  it('combines owner and stage, and says so when nothing matches', () => {
    const m = buildTimelineModel(events, opts({ filters: { owner: 'Suzuki', stage: 'running' } }));
    expect(eventCount(renderTimelineParts(m).main)).toBe(2);
    const none = buildTimelineModel(events, opts({ filters: { owner: 'Suzuki', stage: 'adoption' } }));
    const p = renderTimelineParts(none);
    expect(p.empty).toBe(true);
    expect(eventCount(p.main)).toBe(0);
    expect(p.main.match(/class="today-marker"/g)).toHaveLength(1);
    expect(renderTimelineHtml(none, page)).toContain('<p id="empty" class="empty">No events match these filters.</p>');
    expect(renderTimelineHtml(m, page)).toContain('<p id="empty" class="empty" hidden>');
  });
});

describe('a 10k-account portfolio', () => {
  const all = portfolio();

  it('renders a window of at most 2 × MONTH_PAGE months × EVENT_PAGE events, with "show more" for the rest', () => {
    expect(all.length).toBe(300_000);
    const m = buildTimelineModel(all, opts());
    const html = renderTimelineHtml(m, page);
    const shown = eventCount(html);
    expect(shown).toBeLessThanOrEqual(2 * MONTH_PAGE * EVENT_PAGE);
    // Every shown month is full (each holds ~4k events), so the count is exact.
    expect(shown).toBe(shownMonths(html).length * EVENT_PAGE);
    expect(html.length).toBeLessThan(2_000_000);
    expect(html).toContain('data-action="earlier"');
    expect(html).toContain('data-action="later"');
    expect(html.match(/data-action="more"/g)).toHaveLength(shownMonths(html).length);
    // Header counts are of all 300k events, not of the window.
    expect(Object.values(m.counts).reduce((a, b) => a + b, 0)).toBe(300_000);
    expect(m.choices.owners).toHaveLength(20);

    const later = buildTimelineModel(all, opts({ window: widenWindow(m.window, m.months, { type: 'showLater' }) }));
    const laterHtml = renderTimelineParts(later).main;
    expect(shownMonths(laterHtml).length).toBe(shownMonths(html).length + MONTH_PAGE);
    expect(eventCount(laterHtml)).toBe(shown + MONTH_PAGE * EVENT_PAGE);

    const month = shownMonths(html)[3]!;
    const more = renderTimelineParts(buildTimelineModel(all, opts({ window: widenWindow(m.window, m.months, { type: 'showMore', month }) }))).main;
    expect(eventCount(more)).toBe(shown + EVENT_PAGE * 4);
  });

  it('filters 300k events on the host: a kind filter draws only that kind, still windowed', () => {
    const m = buildTimelineModel(all, opts({ filters: { kind: 'renewal', owner: 'Owner 3' } }));
    const main = renderTimelineParts(m).main;
    const kinds = [...main.matchAll(/data-kind="([^"]+)"/g)].map((x) => x[1]);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.length).toBeLessThanOrEqual(2 * MONTH_PAGE * EVENT_PAGE);
    expect(new Set(kinds)).toEqual(new Set(['renewal']));
    expect(new Set([...main.matchAll(/data-owner="([^"]+)"/g)].map((x) => x[1]))).toEqual(new Set(['Owner 3']));
    expect(m.total).toBe(all.filter((e) => e.kind === 'renewal' && e.owner === 'Owner 3').length);
  });
});

describe('hostile note text', () => {
  const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>"\'&';

  it('is escaped in every part a re-render posts, the new buttons included', () => {
    const events = sortEvents([
      ...Array.from({ length: 60 }, () => ev('2026-07-01', { account: HOSTILE, owner: HOSTILE, title: HOSTILE, detail: HOSTILE, file: `${HOSTILE}.md` })),
      ...monthly(1, 30),
    ]);
    const filters = { owner: HOSTILE };
    const m = buildTimelineModel(events, opts({ filters }));
    const p = renderTimelineParts(m, filters);
    expect(p.main).toContain('data-action="more"');
    for (const part of [p.main, p.owner, p.stage, p.kind, p.counts, p.title]) {
      expect(part).not.toContain('<img');
      expect(part).not.toContain('<script');
    }
    expect(p.main).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;&#39;&amp;');
    expect(p.owner).toContain(`<option value="&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;&#39;&amp;" selected>`);
    const html = renderTimelineHtml(m, page);
    expect(html.match(/<script[^>]*>/g)).toHaveLength(1);
    // No tag has an inline handler attribute (escaped ` onerror=` inside quoted values or text is inert).
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  it('labels the buttons in Japanese from core’s own strings', () => {
    const events = sortEvents([...Array.from({ length: 60 }, () => ev('2026-07-01')), ...monthly(-20, 20)]);
    const main = renderTimelineParts(buildTimelineModel(events, opts({ locale: 'ja' }))).main;
    expect(main).toContain('↓ さらに表示 (9) <span class="range">2027年6月 – 2028年2月</span>');
    expect(main).toContain('>さらに表示 (11)</button>');
  });
});
