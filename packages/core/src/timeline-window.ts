import type { Stage } from './account.js';
import { monthKey, type IsoDate } from './dates.js';
import { monthLabel, type EventKind, type EventStatus } from './i18n.js';
import type { Locale } from './problems.js';
import { buildTimelineView, filterTimeline, timelineChoices, type TimelineChoices, type TimelineEvent, type TimelineSummary, type TimelineView } from './timeline.js';

/**
 * What a timeline view draws at once, for both hosts: at 10k accounts (~300k events) drawing every
 * event, or building a view-model for each, takes seconds; a window of months and a cap per month
 * keep a render to a few hundred milliseconds, and "show more" widens it on request.
 */

/** A view's paging requests: a page of earlier or later months, or more events of one month. */
export type PageAction = { type: 'showEarlier' } | { type: 'showLater' } | { type: 'showMore'; month: string };

/** Months shown per page (the opening window reaches this many months back and ahead). */
export const MONTH_PAGE = 12;
/** Events shown per month before its "show more" button; each click shows `EVENT_PAGE * 4` more. */
export const EVENT_PAGE = 50;

/** What the owner / stage / event selects ask for; undefined means "all". */
export interface TimelineFilters {
  owner?: string | undefined;
  stage?: Stage | undefined;
  kind?: EventKind | undefined;
}

/**
 * The part of the timeline on screen. Kept as month keys (`YYYY-MM`, inclusive), not indexes, so
 * an index change that adds or drops a month leaves the same months on screen.
 */
export interface TimelineWindow {
  from: string;
  to: string;
  /** Per month: how many events are shown when more than `EVENT_PAGE`. */
  shown: Map<string, number>;
}

/** Hidden months before or after the window: how many, and the labels of the oldest and the newest. */
export interface HiddenMonths {
  count: number;
  first: string;
  last: string;
}

/** Everything one render of the panel needs, built without copying the whole portfolio. */
export interface TimelineModel {
  /** Core's view-model of the window only: each month holds at most its shown events. */
  view: TimelineView;
  /** Owners, stages and kinds of the whole (unfiltered) portfolio, so a filter never hides its own options. */
  choices: TimelineChoices;
  /** Status counts of the filtered events (all of them, not only the window). */
  counts: Record<EventStatus, number>;
  /** Number of filtered events (0 shows the empty-state message). */
  total: number;
  /** Per month in the window: how many filtered events it has in all. */
  monthTotals: Map<string, number>;
  earlier: HiddenMonths | undefined;
  later: HiddenMonths | undefined;
  /** Every month of the filtered timeline (with the current month), for widening the window. */
  months: string[];
  window: TimelineWindow;
}

export interface TimelineModelOptions {
  today: IsoDate;
  locale: Locale;
  fiscalYearStartMonth?: number;
  filters: TimelineFilters;
  /** The window the user widened to; undefined opens the default window. */
  window: TimelineWindow | undefined;
  /** What the caller knows of the events' choices and status counts (`Portfolio.timelineSummary()`): the model then skips its walk over every event. */
  summary?: TimelineSummary | undefined;
}

/**
 * Opening window: from the oldest month with an overdue event (at most
 * `MONTH_PAGE` months back) to `MONTH_PAGE` months ahead — the current month and the
 * `MONTH_PAGE - 1` after it. Months are those with events (plus the current one).
 */
function initialWindow(months: readonly string[], current: number, firstOverdue: number): TimelineWindow {
  const from = Math.max(0, current - MONTH_PAGE, Math.min(current, firstOverdue < 0 ? current : firstOverdue));
  const to = Math.min(months.length, current + MONTH_PAGE) - 1;
  return { from: months[from]!, to: months[to]!, shown: new Map() };
}

/** Widens the window by a page of months, or shows more events of one month. Months not on the timeline are ignored. */
export function widenWindow(win: TimelineWindow, months: readonly string[], action: PageAction): TimelineWindow {
  const { from, to } = indexes(win, months, -1);
  if (action.type === 'showEarlier') return { ...win, from: months[Math.max(0, from - MONTH_PAGE)] ?? win.from };
  if (action.type === 'showLater') return { ...win, to: months[Math.min(months.length - 1, to + MONTH_PAGE)] ?? win.to };
  if (!months.includes(action.month)) return win;
  const shown = new Map(win.shown);
  shown.set(action.month, (shown.get(action.month) ?? EVENT_PAGE) + EVENT_PAGE * 4);
  return { ...win, shown };
}

/** First and last index of `months` inside the window, stretched to include `current` (today may have moved on). */
function indexes(win: TimelineWindow, months: readonly string[], current: number): { from: number; to: number } {
  let from = months.findIndex((m) => m >= win.from);
  if (from < 0) from = months.length - 1;
  let to = months.length - 1;
  while (to > 0 && months[to]! > win.to) to--;
  if (current >= 0) {
    from = Math.min(from, current);
    to = Math.max(to, current);
  }
  return { from, to: Math.max(from, to) };
}

/** One month of a date-sorted event list: `events[start..end)`. */
interface MonthRange {
  month: string;
  label: string;
  start: number;
  end: number;
}

/** Month boundaries of date-sorted events by binary search: no per-event work, nothing copied. */
function monthRanges(events: readonly TimelineEvent[], locale: Locale): MonthRange[] {
  const out: MonthRange[] = [];
  for (let start = 0; start < events.length; ) {
    const month = monthKey(events[start]!.date);
    const past = `${month}-99`; // sorts after every day of the month
    let lo = start + 1;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (events[mid]!.date > past) hi = mid;
      else lo = mid + 1;
    }
    out.push({ month, label: monthLabel(month, locale), start, end: lo });
    start = lo;
  }
  return out;
}

function hidden(ranges: readonly MonthRange[]): HiddenMonths | undefined {
  if (ranges.length === 0) return undefined;
  return { count: ranges.length, first: ranges[0]!.label, last: ranges[ranges.length - 1]!.label };
}

/**
 * Filters the portfolio's events (date-sorted, as `Portfolio.timeline()` returns them), picks the
 * window and builds core's view-model for the shown events only: at 10k accounts (~300k events)
 * the panel draws at most 2 × MONTH_PAGE months × EVENT_PAGE events until the user asks for more.
 * Whole-list work is one linear pass (choices and counts; none with a `summary`), one more with a
 * filter, none of them copying events.
 */
export function buildTimelineModel(all: readonly TimelineEvent[], o: TimelineModelOptions): TimelineModel {
  const f = o.filters;
  const filtered = f.owner === undefined && f.stage === undefined && f.kind === undefined ? all : filterTimeline(all, f);
  const known = o.summary;
  const counts: Record<EventStatus, number> = known && filtered === all ? { ...known.counts } : { overdue: 0, 'due-soon': 0, upcoming: 0, done: 0 };
  const choices = known?.choices ?? timelineChoices(all, filtered === all ? counts : undefined);
  if (filtered !== all) for (const e of filtered) counts[e.status]++;

  const ranges = monthRanges(filtered, o.locale);
  const currentMonth = monthKey(o.today);
  let current = ranges.findIndex((r) => r.month >= currentMonth);
  if (current < 0) current = ranges.length;
  if (ranges[current]?.month !== currentMonth) ranges.splice(current, 0, { month: currentMonth, label: monthLabel(currentMonth, o.locale), start: 0, end: 0 });
  const months = ranges.map((r) => r.month);

  let win = o.window;
  if (!win) {
    const overdue = counts.overdue > 0 ? filtered.findIndex((e) => e.status === 'overdue') : -1;
    win = initialWindow(months, current, overdue < 0 ? -1 : ranges.findIndex((r) => r.end > overdue && r.start <= overdue));
  }
  const { from, to } = indexes(win, months, current);
  const shown: TimelineEvent[] = [];
  const monthTotals = new Map<string, number>();
  for (const r of ranges.slice(from, to + 1)) {
    monthTotals.set(r.month, r.end - r.start);
    const end = Math.min(r.end, r.start + (win.shown.get(r.month) ?? EVENT_PAGE));
    for (let i = r.start; i < end; i++) shown.push(filtered[i]!);
  }
  const view = buildTimelineView(shown, {
    today: o.today,
    locale: o.locale,
    ...(o.fiscalYearStartMonth === undefined ? {} : { fiscalYearStartMonth: o.fiscalYearStartMonth }),
  });
  return {
    view,
    choices,
    counts,
    total: filtered.length,
    monthTotals,
    earlier: hidden(ranges.slice(0, from)),
    later: hidden(ranges.slice(to + 1)),
    months,
    window: win,
  };
}
