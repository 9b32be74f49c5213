import { STAGES, type Account, type Stage } from './account.js';
import type { Task } from './tasks.js';
import { monthKey, shiftIsoDate, type IsoDate } from './dates.js';
import { dayNumber, fromDayNumber, isIsoDay, isoDayNumber, shiftedDayNumber, shiftIsoDay } from './day-number.js';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  kindLabel,
  monthLabel,
  stageLabel,
  statusLabel,
  uiText,
  type EventKind,
  type EventStatus,
  type UiText,
} from './i18n.js';
import type { Locale } from './problems.js';
import { SETTING_DEFAULTS } from './settings.js';

export { EVENT_KINDS, EVENT_STATUSES } from './i18n.js';
export type { EventKind, EventStatus } from './i18n.js';

/** What a timeline needs from a parsed note; an `AccountNote` is one, and so is a host's compact cached record. */
export interface TimelineSource {
  account: Account | undefined;
  frontmatter: { keyLines: ReadonlyMap<string, number> };
  /** `status` '-' (cancelled) leaves a task off the timeline; a cached record keeps no cancelled task and no status. */
  tasks: readonly (Pick<Task, 'line' | 'due' | 'closed' | 'id' | 'title'> & { status?: string })[];
  locale: Locale;
}

/** One dated thing on an account's timeline. */
export interface TimelineEvent {
  /** Stable across runs and date changes (used for ICS UIDs): file + kind + slot. */
  id: string;
  date: IsoDate;
  kind: EventKind;
  account: string;
  /** The note's path as the host gave it. */
  file: string;
  /** 1-based line the event comes from (a frontmatter key or a task). */
  line: number;
  owner: string | undefined;
  stage: Stage;
  status: EventStatus;
  /** Localised label, e.g. `Renewal outreach (90 days before)` or the task's text. */
  title: string;
  /** Checklist id for tasks. */
  detail?: string;
}

export interface TimelineOptions {
  today: IsoDate;
  locale?: Locale;
  /** Days before the renewal date for outreach steps. */
  outreachDays?: readonly number[];
  /** Business days after contract start by which CS must have contacted the customer. */
  firstContactBusinessDays?: number;
  /** Open items due within this many days are "due soon". */
  dueSoonDays?: number;
}

export const DEFAULT_OUTREACH_DAYS: readonly number[] = SETTING_DEFAULTS.outreachDays;
export const DEFAULT_FIRST_CONTACT_BUSINESS_DAYS = SETTING_DEFAULTS.firstContactBusinessDays;
export const DEFAULT_DUE_SOON_DAYS = SETTING_DEFAULTS.dueSoonDays;

const KIND_ORDER: Record<EventKind, number> = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, i])) as Record<EventKind, number>;

const GOALS = [
  { slot: '1m', amount: 1, unit: 'm', en: '1 month', ja: '1か月' },
  { slot: '3m', amount: 3, unit: 'm', en: '3 months', ja: '3か月' },
  { slot: '1y', amount: 1, unit: 'y', en: '1 year', ja: '1年' },
] as const;

// Statuses are computed for every event of every account: integer day numbers, no Date objects.
// `soon` is the last "due soon" day: dayNumber(today) + dueSoon.
function openStatus(date: IsoDate, today: IsoDate, soon: number): EventStatus {
  if (date < today) return 'overdue';
  return dayNumber(date) <= soon ? 'due-soon' : 'upcoming';
}

function milestoneStatus(date: IsoDate, today: IsoDate, soon: number): EventStatus {
  return date < today ? 'done' : openStatus(date, today, soon);
}

/** The outreach ladder without repeats or non-positive days, worked out once per settings array. */
let lastLadder: { from: readonly number[]; days: number[] } | undefined;
function ladder(from: readonly number[]): number[] {
  if (lastLadder?.from !== from) lastLadder = { from, days: [...new Set(from)].filter((d) => d > 0) };
  return lastLadder.days;
}

/** Event titles built from a label and a number, shared by every account (one string each, not one per event). */
const TITLES = new Map<string, string>();
function title(key: string, make: () => string): string {
  let t = TITLES.get(key);
  if (t === undefined) TITLES.set(key, (t = make()));
  return t;
}

/**
 * The dated events of one account: contract start, first-contact deadline, kickoff, first goals,
 * the renewal outreach ladder, notice deadline, renewal, and every dated checklist task.
 *
 * @example
 * buildAccountTimeline(parseAccountNote(text), 'Acme.md', { today: '2026-11-22' })
 *   .filter((e) => e.kind === 'outreach')[0]?.date // '2026-12-01' for a 2027-03-31 renewal
 */
export function buildAccountTimeline(note: TimelineSource, file: string, options: TimelineOptions): TimelineEvent[] {
  return sortEvents(accountEvents(note, file, options));
}

/**
 * `buildAccountTimeline` without the final sort, for indexes that sort every account's events
 * together anyway. With `keep`, only events on the days it accepts are built.
 */
export function accountEvents(note: TimelineSource, file: string, options: TimelineOptions, keep?: (date: IsoDate) => boolean): TimelineEvent[] {
  const a = note.account;
  if (!a) return [];
  const { today } = options;
  const events: TimelineEvent[] = [];
  const churned = a.stage === 'churned';
  eachAccountEvent(note, options, (slot, date, kind, line, owner, title, status, detail) => {
    // A churned account keeps its history but gets no future plans.
    if ((churned && date >= today && kind !== 'task') || (keep && !keep(date))) return;
    const e: TimelineEvent = {
      id: `${file}#${kind}${slot ? `-${slot}` : ''}`,
      date,
      kind,
      account: a.account,
      file,
      line,
      owner,
      stage: a.stage,
      // Always set here: only a `datesOnly` walk leaves it out.
      status: status!,
      title,
    };
    if (detail !== undefined) e.detail = detail;
    events.push(e);
  });
  return events;
}

/** What `eachAccountEvent` hands over per event; `status` is undefined only with `datesOnly`. */
export type EventSink = (
  slot: string,
  date: IsoDate,
  kind: EventKind,
  line: number,
  owner: string | undefined,
  title: string,
  status: EventStatus | undefined,
  detail: string | undefined,
) => void;

/**
 * The one place that decides an account's events: which ones exist, their dates, lines, owners
 * and titles, in a fixed order. `accountEvents` turns them into objects (and drops a churned
 * account's future plans, which depends on today); a portfolio index keeps only their days, which
 * then do not depend on today. With `datesOnly`, only slot, date and kind are meaningful (no titles,
 * owners or statuses are worked out).
 */
export function eachAccountEvent(note: TimelineSource, options: TimelineOptions, emit: EventSink, datesOnly = false): void {
  const a = note.account;
  if (!a) return;
  const locale = options.locale ?? note.locale;
  const { today } = options;
  const dueSoon = dayNumber(today) + (options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
  const keyLine = (k: string): number => (note.frontmatter.keyLines.get(k) ?? 0) + 1;
  const csm = a.csm_owner;
  const renewalOwner = a.renewal_owner ?? a.csm_owner;
  const push = (slot: string, date: IsoDate, kind: EventKind, line: number, owner: string | undefined, title: string, status?: EventStatus, detail?: string) => {
    // Off the calendar a note can hold (kickoff 9999-01-01 + one year): no event rather than a bad date.
    if (!isIsoDay(date)) return;
    // A milestone is done once its day has passed.
    emit(slot, date, kind, line, owner, title, status ?? (datesOnly ? undefined : milestoneStatus(date, today, dueSoon)), detail);
  };

  push('', a.contract_start, 'contract-start', keyLine('contract_start'), a.sales_owner ?? csm, kindLabel('contract-start', locale));

  const firstContact = shiftIsoDay(a.contract_start, options.firstContactBusinessDays ?? DEFAULT_FIRST_CONTACT_BUSINESS_DAYS, 'bd');
  const contacted = a.stage !== 'handoff' || a.kickoff_date !== undefined;
  push(
    '',
    firstContact,
    'first-contact',
    keyLine('contract_start'),
    csm,
    kindLabel('first-contact', locale),
    contacted ? milestoneStatus(firstContact, today, dueSoon) : openStatus(firstContact, today, dueSoon),
  );

  if (a.kickoff_date) push('', a.kickoff_date, 'kickoff', keyLine('kickoff_date'), csm, kindLabel('kickoff', locale));

  const goalBase = a.kickoff_date ?? a.contract_start;
  for (const g of GOALS) {
    push(
      g.slot,
      shiftIsoDay(goalBase, g.amount, g.unit),
      'first-goal',
      keyLine(a.kickoff_date ? 'kickoff_date' : 'contract_start'),
      csm,
      datesOnly ? '' : title(locale + g.slot, () => (locale === 'ja' ? `${kindLabel('first-goal', locale)}（${g.ja}）` : `${kindLabel('first-goal', locale)} (${g.en})`)),
    );
  }

  const renewalLine = keyLine(a.renewal_date_derived ? 'term_months' : 'renewal_date');
  const renewalDay = dayNumber(a.renewal_date);
  for (const days of ladder(options.outreachDays ?? DEFAULT_OUTREACH_DAYS)) {
    const date = Number.isInteger(days) ? fromDayNumber(renewalDay - days) : shiftIsoDate(a.renewal_date, -days, 'd');
    if (date < a.contract_start) continue;
    push(
      datesOnly ? '' : String(days),
      date,
      'outreach',
      renewalLine,
      renewalOwner,
      datesOnly ? '' : title(locale + days, () => (locale === 'ja' ? `${kindLabel('outreach', locale)}（${days}日前）` : `${kindLabel('outreach', locale)} (${days} days before)`)),
    );
  }
  if (a.notice_deadline) push('', a.notice_deadline, 'notice-deadline', keyLine('notice_days'), renewalOwner, kindLabel('notice-deadline', locale));
  push('', a.renewal_date, 'renewal', renewalLine, renewalOwner, kindLabel('renewal', locale));

  for (const t of note.tasks) {
    // A cancelled item (`[-]`) will not happen: it has no place on the timeline (nor as "done").
    if (!t.due || t.status === '-') continue;
    if (datesOnly) {
      push('', t.due, 'task', 0, undefined, '');
      continue;
    }
    const status: EventStatus = t.closed ? 'done' : openStatus(t.due, today, dueSoon);
    // Renewal playbooks (built-in or a team's, e.g. `team-renewal`) belong to the renewal owner.
    const list = t.id?.split('.', 1)[0];
    const owner = list !== undefined && /renewal|更新/i.test(list) ? renewalOwner : csm;
    push(t.id ? t.id : `L${t.line + 1}`, t.due, 'task', t.line + 1, owner, t.title || kindLabel('task', locale), status, list);
  }
}

/**
 * The day numbers (`dayNumber`) of the account's events other than tasks, in `eachAccountEvent`'s
 * order, for a portfolio's index of event days: no labels, lines or owners, and the outreach ladder
 * on day numbers (no date string built and read back). For a contract start, renewal or kickoff
 * that is no calendar day, the days of `eachAccountEvent`'s own dates.
 */
export function eachAccountDay(note: TimelineSource, options: TimelineOptions, emit: (day: number) => void): void {
  const a = note.account;
  if (!a) return;
  const start = isoDayNumber(a.contract_start);
  const renewal = isoDayNumber(a.renewal_date);
  const kickoff = a.kickoff_date ? isoDayNumber(a.kickoff_date) : 0;
  if (Number.isNaN(start + renewal + kickoff)) return eachAccountEvent({ ...note, tasks: [] }, options, (_slot, date) => emit(dayNumber(date)), true);
  // isoDayNumber gives NaN for a date that is no calendar day: no event.
  const day = (d: number): void => {
    if (!Number.isNaN(d)) emit(d);
  };
  emit(start);
  day(shiftedDayNumber(a.contract_start, options.firstContactBusinessDays ?? DEFAULT_FIRST_CONTACT_BUSINESS_DAYS, 'bd'));
  if (a.kickoff_date) emit(kickoff);
  for (const g of GOALS) day(shiftedDayNumber(a.kickoff_date ?? a.contract_start, g.amount, g.unit));
  // From here on start and renewal are calendar days: a whole-day step before renewal is one too
  // when it is not before start, and comparing calendar days compares their text.
  for (const days of ladder(options.outreachDays ?? DEFAULT_OUTREACH_DAYS)) {
    const d = Number.isInteger(days) ? renewal - days : isoDayNumber(shiftIsoDate(a.renewal_date, -days, 'd'));
    if (d >= start) emit(d);
  }
  if (a.notice_deadline) day(isoDayNumber(a.notice_deadline));
  emit(renewal);
}

/** Date, then account, then kind order, then line: one order for every host and time zone. */
export function compareEvents(x: TimelineEvent, y: TimelineEvent): number {
  return (
    (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) ||
    (x.account < y.account ? -1 : x.account > y.account ? 1 : 0) ||
    KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
    x.line - y.line ||
    (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)
  );
}

export function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  return events.sort(compareEvents);
}

/** Every account's events in one date-sorted list. */
export function buildPortfolioTimeline(entries: Iterable<{ file: string; note: TimelineSource }>, options: TimelineOptions): TimelineEvent[] {
  const all: TimelineEvent[] = [];
  for (const { file, note } of entries) for (const e of buildAccountTimeline(note, file, options)) all.push(e);
  return sortEvents(all);
}

/** What a timeline view's filter lists offer: the owners (sorted), stages and kinds that occur. */
export interface TimelineChoices {
  owners: string[];
  stages: Stage[];
  kinds: EventKind[];
}

/** A whole timeline's filter choices and how many of its events have each status (`Portfolio.timelineSummary`). */
export interface TimelineSummary {
  choices: TimelineChoices;
  counts: Record<EventStatus, number>;
}

/**
 * The filter choices of a whole portfolio, in one pass; stages and kinds in their usual order.
 * `counts`, when given, gets each status counted in the same pass (one walk over 300k events
 * instead of two: at 10k accounts that walk is most of a view's re-render).
 */
export function timelineChoices(events: readonly TimelineEvent[], counts?: Record<EventStatus, number>): TimelineChoices {
  const owners = new Set<string>();
  const stages = new Set<Stage>();
  const kinds = new Set<EventKind>();
  for (const e of events) {
    if (e.owner) owners.add(e.owner);
    stages.add(e.stage);
    kinds.add(e.kind);
    if (counts) counts[e.status]++;
  }
  return choicesOf(owners, stages, kinds);
}

/** The choices among the owners, stages and kinds present: owners (blank ones left out) sorted, stages and kinds in their usual order. */
export function choicesOf(owners: Iterable<string | undefined>, stages: { has(s: Stage): boolean }, kinds: { has(k: EventKind): boolean }): TimelineChoices {
  return { owners: [...owners].filter((o): o is string => !!o).sort((a, b) => a.localeCompare(b)), stages: STAGES.filter((s) => stages.has(s)), kinds: EVENT_KINDS.filter((k) => kinds.has(k)) };
}

export interface TimelineFilter {
  owner?: string | undefined;
  stage?: Stage | undefined;
  kind?: EventKind | readonly EventKind[] | undefined;
  status?: EventStatus | readonly EventStatus[] | undefined;
  /** Inclusive ISO bounds. */
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  account?: string | undefined;
}

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? (v as readonly T[]) : [v as T]);

export function filterTimeline(events: readonly TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  const kinds = asList(filter.kind);
  const statuses = asList(filter.status);
  const owner = filter.owner?.toLowerCase();
  return events.filter(
    (e) =>
      (owner === undefined || e.owner?.toLowerCase() === owner) &&
      (filter.stage === undefined || e.stage === filter.stage) &&
      (kinds === undefined || kinds.includes(e.kind)) &&
      (statuses === undefined || statuses.includes(e.status)) &&
      (filter.from === undefined || e.date >= filter.from) &&
      (filter.to === undefined || e.date <= filter.to) &&
      (filter.account === undefined || e.account === filter.account),
  );
}

export interface MonthGroup<E extends TimelineEvent = TimelineEvent> {
  /** `YYYY-MM`. */
  month: string;
  label: string;
  events: E[];
}

/** Groups date-sorted events by calendar month. */
export function groupByMonth<E extends TimelineEvent>(events: readonly E[], locale: Locale = 'en'): MonthGroup<E>[] {
  const out: MonthGroup<E>[] = [];
  for (const e of events) {
    const m = monthKey(e.date);
    let g = out[out.length - 1];
    if (!g || g.month !== m) {
      g = { month: m, label: monthLabel(m, locale), events: [] };
      out.push(g);
    }
    g.events.push(e);
  }
  return out;
}

export interface TimelineViewEvent extends TimelineEvent {
  kindLabel: string;
  statusLabel: string;
  stageLabel: string;
}

export interface FiscalPeriod {
  /** Named by the calendar year it starts in (Japanese 年度 convention): Apr 2026–Mar 2027 is 2026. */
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** `FY2026 Q4` / `2026年度 第4四半期`. */
  label: string;
  /** True for the last month of the fiscal year, when renewals cluster. */
  isYearEnd: boolean;
}

/**
 * The fiscal quarter a month falls in, for a fiscal year starting in `startMonth` (1–12; 4 = April,
 * as at most Japanese companies).
 *
 * @example
 * fiscalPeriod('2027-03', 4).label // 'FY2026 Q4'
 */
export function fiscalPeriod(month: string, startMonth: number, locale: Locale = 'en'): FiscalPeriod {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const start = Math.min(12, Math.max(1, Math.trunc(startMonth) || 1));
  const offset = (m - start + 12) % 12;
  const year = m >= start ? y : y - 1;
  const quarter = (Math.floor(offset / 3) + 1) as 1 | 2 | 3 | 4;
  const label = locale === 'ja' ? `${year}年度 第${quarter}四半期` : `FY${year} Q${quarter}`;
  return { year, quarter, label, isYearEnd: offset === 11 };
}

export interface TimelineViewMonth extends MonthGroup<TimelineViewEvent> {
  isCurrent: boolean;
  /** Present when the view was built with `fiscalYearStartMonth`. */
  fiscal?: FiscalPeriod;
  /** In the current month: index of the first event on or after today (where the today marker goes). */
  todayIndex: number | undefined;
}

/** What every renderer draws: the Obsidian view, the VS Code webview and the HTML export. */
export interface TimelineView {
  today: IsoDate;
  locale: Locale;
  months: TimelineViewMonth[];
  counts: Record<EventStatus, number>;
  owners: string[];
  stages: Stage[];
  kinds: EventKind[];
  labels: Omit<UiText, 'handoff' | 'commands'> & {
    kinds: Record<EventKind, string>;
    statuses: Record<EventStatus, string>;
    stages: Partial<Record<Stage, string>>;
  };
}

/**
 * Builds the render-ready timeline: months with labels, a today marker, counts and filter choices.
 * The current month is always present so the today marker has a place.
 */
export function buildTimelineView(
  events: readonly TimelineEvent[],
  options: { today: IsoDate; locale?: Locale; fiscalYearStartMonth?: number },
): TimelineView {
  const locale = options.locale ?? 'en';
  const { today } = options;
  const counts: Record<EventStatus, number> = { overdue: 0, 'due-soon': 0, upcoming: 0, done: 0 };
  const owners = new Set<string>();
  const stages = new Set<Stage>();
  const kinds = new Set<EventKind>();
  const decorated: TimelineViewEvent[] = events.map((e) => {
    counts[e.status]++;
    if (e.owner) owners.add(e.owner);
    stages.add(e.stage);
    kinds.add(e.kind);
    return { ...e, kindLabel: kindLabel(e.kind, locale), statusLabel: statusLabel(e.status, locale), stageLabel: stageLabel(e.stage, locale) };
  });
  const current = monthKey(today);
  const groups = groupByMonth(decorated, locale);
  if (!groups.some((g) => g.month === current)) {
    const at = groups.findIndex((g) => g.month > current);
    const empty: MonthGroup<TimelineViewEvent> = { month: current, label: monthLabel(current, locale), events: [] };
    groups.splice(at < 0 ? groups.length : at, 0, empty);
  }
  const months = groups.map((g): TimelineViewMonth => {
    const isCurrent = g.month === current;
    let todayIndex: number | undefined;
    if (isCurrent) {
      todayIndex = g.events.findIndex((e) => e.date >= today);
      if (todayIndex < 0) todayIndex = g.events.length;
    }
    const month: TimelineViewMonth = { ...g, isCurrent, todayIndex };
    if (options.fiscalYearStartMonth !== undefined) month.fiscal = fiscalPeriod(g.month, options.fiscalYearStartMonth, locale);
    return month;
  });
  // Every UI text but the two that are not plain strings, in UiText's order.
  const { handoff: _handoff, commands: _commands, ...ui } = uiText(locale);
  const stageList = [...stages];
  return {
    today,
    locale,
    months,
    counts,
    owners: [...owners].sort((x, y) => x.localeCompare(y)),
    stages: stageList,
    kinds: EVENT_KINDS.filter((k) => kinds.has(k)),
    labels: {
      ...ui,
      kinds: Object.fromEntries(EVENT_KINDS.map((k) => [k, kindLabel(k, locale)])) as Record<EventKind, string>,
      statuses: Object.fromEntries(EVENT_STATUSES.map((k) => [k, statusLabel(k, locale)])) as Record<EventStatus, string>,
      stages: Object.fromEntries(stageList.map((s) => [s, stageLabel(s, locale)])),
    },
  };
}

