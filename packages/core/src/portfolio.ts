import { parseAccountNote, type Account, type AccountNote, type Stage } from './account.js';
import type { IsoDate } from './dates.js';
import { lintAccount } from './lint.js';
import type { Locale, Problem } from './problems.js';
import {
  buildAccountTimeline,
  compareEvents,
  filterTimeline,
  sortEvents,
  type TimelineEvent,
  type TimelineFilter,
  type TimelineOptions,
  type TimelineSource,
} from './timeline.js';

export interface PortfolioOptions extends TimelineOptions {
  keyPersonContactDays?: number;
}

interface AccountRecord {
  source: TimelineSource;
  problems: Problem[];
  events: TimelineEvent[];
}

/** Only these frontmatter lines are pointed at by timeline events. */
const TIMELINE_KEYS = ['contract_start', 'kickoff_date', 'renewal_date', 'term_months', 'notice_days'];

/** Copies a string so it no longer pins the whole note text it was sliced from. */
function own(s: string): string;
function own(s: string | undefined): string | undefined;
function own(s: string | undefined): string | undefined {
  return s === undefined ? undefined : (JSON.parse(JSON.stringify(s)) as string);
}

function compact(note: AccountNote): TimelineSource {
  const keyLines = new Map<string, number>();
  for (const k of TIMELINE_KEYS) {
    const l = note.frontmatter.keyLines.get(k);
    if (l !== undefined) keyLines.set(k, l);
  }
  const tasks = [];
  for (const t of note.tasks) {
    if (t.due) tasks.push({ line: t.line, due: t.due, closed: t.closed, id: own(t.id), title: own(t.title) });
  }
  return { account: note.account, frontmatter: { keyLines }, tasks, locale: note.locale };
}

/**
 * The hosts' incremental index of account notes: one `upsert` re-reads one note and splices its
 * events into the sorted portfolio timeline; nothing else is recomputed.
 *
 * @example
 * const p = new Portfolio({ today: '2026-11-22' });
 * p.upsert('Acme.md', text);
 * p.timeline({ kind: 'outreach' });
 */
export class Portfolio {
  private readonly records = new Map<string, AccountRecord>();
  private sorted: TimelineEvent[] | undefined;
  private options: PortfolioOptions;

  constructor(options: PortfolioOptions) {
    this.options = { ...options };
  }

  get size(): number {
    return this.records.size;
  }

  /** Reads (or re-reads) one note. Returns the parsed note so a host can reuse it (diagnostics). */
  upsert(file: string, text: string): AccountNote {
    const note = parseAccountNote(text, this.options.locale ? { locale: this.options.locale } : {});
    this.upsertParsed(file, note);
    return note;
  }

  /** Same as `upsert` for a note the host already parsed. */
  upsertParsed(file: string, note: AccountNote): void {
    this.removeEvents(file);
    if (note.kind !== 'account') {
      this.records.delete(file);
      return;
    }
    const lintOpts: Parameters<typeof lintAccount>[1] = { today: this.options.today };
    if (this.options.locale) lintOpts.locale = this.options.locale;
    if (this.options.keyPersonContactDays !== undefined) lintOpts.keyPersonContactDays = this.options.keyPersonContactDays;
    const source = compact(note);
    const record: AccountRecord = { source, problems: lintAccount(note, lintOpts), events: buildAccountTimeline(source, file, this.options) };
    this.records.set(file, record);
    this.insertEvents(record.events);
  }

  remove(file: string): boolean {
    this.removeEvents(file);
    return this.records.delete(file);
  }

  rename(from: string, to: string): void {
    const r = this.records.get(from);
    if (!r) return;
    this.removeEvents(from);
    this.records.delete(from);
    r.events = buildAccountTimeline(r.source, to, this.options);
    this.records.set(to, r);
    this.insertEvents(r.events);
  }

  /** Changes today, locale or ladders; rebuilds events from the cached records (no re-parse). */
  setOptions(partial: Partial<PortfolioOptions>): void {
    this.options = { ...this.options, ...partial };
    for (const [file, r] of this.records) r.events = buildAccountTimeline(r.source, file, this.options);
    this.sorted = undefined;
  }

  get today(): IsoDate {
    return this.options.today;
  }

  timeline(filter?: TimelineFilter): TimelineEvent[] {
    if (!this.sorted) {
      const all: TimelineEvent[] = [];
      for (const r of this.records.values()) for (const e of r.events) all.push(e);
      this.sorted = sortEvents(all);
    }
    return filter ? filterTimeline(this.sorted, filter) : [...this.sorted];
  }

  problems(file: string): Problem[] {
    return this.records.get(file)?.problems ?? [];
  }

  allProblems(): { file: string; problems: Problem[] }[] {
    return [...this.records].map(([file, r]) => ({ file, problems: r.problems })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  accounts(): { file: string; account: Account; stage: Stage; locale: Locale }[] {
    const out = [];
    for (const [file, r] of this.records) if (r.source.account) out.push({ file, account: r.source.account, stage: r.source.account.stage, locale: r.source.locale });
    return out.sort((a, b) => a.account.account.localeCompare(b.account.account));
  }

  has(file: string): boolean {
    return this.records.has(file);
  }

  private removeEvents(file: string): void {
    const r = this.records.get(file);
    if (!this.sorted || !r || r.events.length === 0) return;
    const drop = new Set(r.events);
    this.sorted = this.sorted.filter((e) => !drop.has(e));
  }

  private insertEvents(events: readonly TimelineEvent[]): void {
    if (!this.sorted) return;
    for (const e of events) {
      let lo = 0;
      let hi = this.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareEvents(this.sorted[mid]!, e) <= 0) lo = mid + 1;
        else hi = mid;
      }
      this.sorted.splice(lo, 0, e);
    }
  }
}
