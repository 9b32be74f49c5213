import { choicesOf, compareEvents, type TimelineEvent, type TimelineSummary } from './timeline.js';

/**
 * The portfolio's sorted timeline, kept as one sorted bucket per day. Replacing one note's
 * events touches a few small buckets instead of splicing a list of hundreds of thousands, and a
 * date-bounded query reads only the days it needs.
 */
export class EventIndex {
  private readonly buckets = new Map<string, TimelineEvent[]>();
  /** Sorted day keys (ISO strings sort as dates). */
  private days: string[] = [];
  private flat: TimelineEvent[] | undefined;
  private count = 0;

  /**
   * Builds the index from unsorted events.
   *
   * @example
   * const index = EventIndex.from(events);
   * index.all()[0]?.date // the earliest date
   */
  static from(events: readonly TimelineEvent[]): EventIndex {
    return EventIndex.fromAccounts([events]);
  }

  /**
   * Builds the index from per-account lists whose first events are already in (account, file) order,
   * as a portfolio has them after sorting its accounts. Most days then come out sorted and are only
   * checked; a day that is not (one account's events on one day out of kind order, or two notes
   * for one account name) is sorted. Same order as a stable `sortEvents(lists.flat())`.
   */
  static fromAccounts(lists: readonly (readonly TimelineEvent[])[]): EventIndex {
    const index = new EventIndex();
    for (const list of lists) {
      for (const e of list) {
        let b = index.buckets.get(e.date);
        if (!b) index.buckets.set(e.date, (b = []));
        b.push(e);
      }
      index.count += list.length;
    }
    for (const b of index.buckets.values()) {
      for (let i = 1; i < b.length; i++) {
        if (compareEvents(b[i - 1]!, b[i]!) > 0) {
          b.sort(compareEvents);
          break;
        }
      }
    }
    index.days = [...index.buckets.keys()].sort();
    return index;
  }

  /**
   * How many events have each owner, stage, kind and status (a value with none is absent): made by
   * the first `summary()`, then kept in step by `insert` and `remove`, so a view's re-render after
   * an edit does not walk every event again.
   */
  private tally: Map<unknown, number>[] | undefined;

  private tallyOne(e: TimelineEvent, d: number): void {
    const t = this.tally;
    if (!t) return;
    bump(t[0]!, e.owner, d);
    bump(t[1]!, e.stage, d);
    bump(t[2]!, e.kind, d);
    bump(t[3]!, e.status, d);
  }

  /** What `timelineChoices` and a status count over `all()` give, from the tally. */
  summary(): TimelineSummary {
    if (!this.tally) {
      this.tally = [new Map(), new Map(), new Map(), new Map()];
      for (const e of this.all()) this.tallyOne(e, 1);
    }
    const [owners, stages, kinds, statuses] = this.tally as [Map<string | undefined, number>, Map<unknown, number>, Map<unknown, number>, Map<unknown, number>];
    const n = (s: string) => statuses.get(s) ?? 0;
    return { choices: choicesOf(owners.keys(), stages, kinds), counts: { overdue: n('overdue'), 'due-soon': n('due-soon'), upcoming: n('upcoming'), done: n('done') } };
  }

  get size(): number {
    return this.count;
  }

  insert(events: readonly TimelineEvent[]): void {
    for (const e of events) {
      let b = this.buckets.get(e.date);
      if (!b) {
        this.buckets.set(e.date, (b = []));
        this.days.splice(lowerBound(this.days, e.date), 0, e.date);
      }
      let lo = 0;
      let hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareEvents(b[mid]!, e) <= 0) lo = mid + 1;
        else hi = mid;
      }
      b.splice(lo, 0, e);
      this.count++;
      this.tallyOne(e, 1);
    }
    if (events.length > 0) this.flat = undefined;
  }

  /** Removes exactly these event objects (by identity). */
  remove(events: readonly TimelineEvent[]): void {
    for (const e of events) {
      const b = this.buckets.get(e.date);
      const at = b ? b.indexOf(e) : -1;
      if (!b || at < 0) continue;
      b.splice(at, 1);
      this.count--;
      this.tallyOne(e, -1);
      if (b.length === 0) {
        this.buckets.delete(e.date);
        const d = lowerBound(this.days, e.date);
        if (this.days[d] === e.date) this.days.splice(d, 1);
      }
    }
    if (events.length > 0) this.flat = undefined;
  }

  /** Every event in timeline order. The array is shared until the next change: do not mutate it. */
  all(): readonly TimelineEvent[] {
    if (!this.flat) {
      // oxlint-disable-next-line unicorn/no-new-array -- one allocation at the final length; every slot is set below
      const out: TimelineEvent[] = new Array<TimelineEvent>(this.count);
      let i = 0;
      for (const d of this.days) for (const e of this.buckets.get(d)!) out[i++] = e;
      this.flat = out;
    }
    return this.flat;
  }

  /** Events dated within the inclusive bounds, in timeline order. */
  range(from: string | undefined, to: string | undefined): TimelineEvent[] {
    const out: TimelineEvent[] = [];
    for (let i = from === undefined ? 0 : lowerBound(this.days, from); i < this.days.length; i++) {
      const d = this.days[i]!;
      if (to !== undefined && d > to) break;
      for (const e of this.buckets.get(d)!) out.push(e);
    }
    return out;
  }
}

/** Adds `d` to `v`'s count; a count that reaches 0 leaves the map. */
function bump(m: Map<unknown, number>, v: unknown, d: number): void {
  const n = (m.get(v) ?? 0) + d;
  if (n > 0) m.set(v, n);
  else m.delete(v);
}

function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
