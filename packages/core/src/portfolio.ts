import { parseAccountNote, type Account, type AccountNote, type Stage } from './account.js';
import type { IsoDate } from './dates.js';
import { EventIndex } from './event-index.js';
import { lintAccount } from './lint.js';
import type { Locale, Problem, Severity } from './problems.js';
import { StringPool } from './string-pool.js';
import { buildAccountTimeline, filterTimeline, type TimelineEvent, type TimelineFilter, type TimelineOptions, type TimelineSource } from './timeline.js';

export interface PortfolioOptions extends TimelineOptions {
  keyPersonContactDays?: number;
}

/** Only these frontmatter lines are pointed at by timeline events. */
const TIMELINE_KEYS = ['contract_start', 'kickoff_date', 'renewal_date', 'term_months', 'notice_days'] as const;

/** The account fields a Portfolio keeps; unknown frontmatter keys are not retained. */
const ACCOUNT_KEYS = [
  'baton',
  'account',
  'stage',
  'contract_start',
  'term_months',
  'renewal_date',
  'notice_days',
  'arr',
  'arr_start',
  'currency',
  'sales_owner',
  'csm_owner',
  'renewal_owner',
  'kickoff_date',
  'health',
  'locale',
  'renewal_date_derived',
  'notice_deadline',
] as const;

/** Dated tasks, flattened: line, due, closed (0/1), id (or null), title — five slots per task. */
type FlatTasks = (string | number | null)[];

interface AccountRecord {
  account: Account;
  /** 0-based frontmatter line per TIMELINE_KEYS entry, -1 when absent. */
  keyLines: number[];
  tasks: FlatTasks;
  locale: Locale;
  problems: Problem[];
  /** Lint settings the problems were computed with (today, locale, contact days). */
  lintKey: string;
  /** Built on first need and kept while the sorted timeline exists. */
  events: TimelineEvent[] | undefined;
}

/** A JSON-safe copy of a Portfolio's records, for hosts that persist their index between sessions. */
export interface PortfolioSnapshot {
  version: 1;
  records: SnapshotRecord[];
}

/** `[file, account, keyLines, tasks, locale, lintKey, problems]`; problems flattened as code, severity, message, line, field. */
export type SnapshotRecord = [string, Account, number[], FlatTasks, Locale, string, (string | number | null)[]];

class KeyLines {
  constructor(private readonly lines: readonly number[]) {}
  get(key: string): number | undefined {
    const i = (TIMELINE_KEYS as readonly string[]).indexOf(key);
    const l = i < 0 ? -1 : (this.lines[i] ?? -1);
    return l < 0 ? undefined : l;
  }
}

/** The view of a compact record that timeline code reads. */
function sourceOf(r: AccountRecord): TimelineSource {
  const tasks = [];
  const t = r.tasks;
  for (let i = 0; i + 4 < t.length; i += 5) {
    const id = t[i + 3];
    tasks.push({ line: t[i] as number, due: t[i + 1] as IsoDate, closed: t[i + 2] === 1, id: typeof id === 'string' ? id : undefined, title: t[i + 4] as string });
  }
  return { account: r.account, frontmatter: { keyLines: new KeyLines(r.keyLines) as unknown as ReadonlyMap<string, number> }, tasks, locale: r.locale };
}

/**
 * The hosts' incremental index of account notes: one `upsert` re-reads one note and replaces its
 * events in the sorted portfolio timeline; nothing else is recomputed. Records are compact (no note
 * text, no unknown keys, shared strings), so a 50k-note vault stays small in memory.
 *
 * @example
 * const p = new Portfolio({ today: '2026-11-22' });
 * p.upsert('Acme.md', text);
 * p.timeline({ kind: 'outreach' });
 */
export class Portfolio {
  private readonly records = new Map<string, AccountRecord>();
  private index: EventIndex | undefined;
  private options: PortfolioOptions;
  private readonly pool = new StringPool();

  constructor(options: PortfolioOptions) {
    this.options = { ...options };
  }

  /**
   * Restores a Portfolio from `toSnapshot()` output without reading any note. Records whose
   * problems were computed for another day or language are listed by `staleFiles()`: re-upsert
   * those to refresh their problems (their timeline events are recomputed here anyway).
   *
   * @example
   * const p = Portfolio.fromSnapshot(JSON.parse(cached), { today });
   * for (const f of changedFiles) p.upsert(f, read(f));
   */
  static fromSnapshot(snapshot: PortfolioSnapshot, options: PortfolioOptions): Portfolio {
    const p = new Portfolio(options);
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.records)) return p;
    for (const rec of snapshot.records) {
      const [file, account, keyLines, tasks, locale, lintKey, flatProblems] = rec;
      const problems: Problem[] = [];
      for (let i = 0; i + 4 < flatProblems.length; i += 5) {
        const pr: Problem = { code: flatProblems[i] as string, severity: flatProblems[i + 1] as Severity, message: flatProblems[i + 2] as string, line: flatProblems[i + 3] as number };
        const field = flatProblems[i + 4];
        if (typeof field === 'string') pr.field = field;
        problems.push(pr);
      }
      p.records.set(file, { account, keyLines, tasks, locale, problems, lintKey, events: undefined });
    }
    return p;
  }

  /** Compact, JSON-safe records of every indexed account (see `fromSnapshot`). */
  toSnapshot(): PortfolioSnapshot {
    const records: SnapshotRecord[] = [];
    for (const [file, r] of this.records) {
      const flat: (string | number | null)[] = [];
      for (const pr of r.problems) flat.push(pr.code, pr.severity, pr.message, pr.line, pr.field ?? null);
      records.push([file, r.account, r.keyLines, r.tasks, r.locale, r.lintKey, flat]);
    }
    return { version: 1, records };
  }

  /** Files restored from a snapshot whose problems were computed with other lint settings. */
  staleFiles(): string[] {
    const key = this.lintKey();
    const out: string[] = [];
    for (const [file, r] of this.records) if (r.lintKey !== key) out.push(file);
    return out;
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

  /** Same as `upsert` for a note the host already parsed (e.g. with `accountNoteFromCache`). */
  upsertParsed(file: string, note: AccountNote): void {
    this.removeEvents(file);
    if (note.kind !== 'account' || !note.account) {
      // An account note with fatal errors has no timeline, but its problems still matter.
      if (note.kind === 'account') this.records.set(file, this.compact(note));
      else this.records.delete(file);
      return;
    }
    const record = this.compact(note);
    this.records.set(file, record);
    this.addEvents(file, record);
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
    this.records.set(to, r);
    this.addEvents(to, r);
  }

  /** Changes today, locale or ladders; rebuilds events from the cached records (no re-parse). */
  setOptions(partial: Partial<PortfolioOptions>): void {
    this.options = { ...this.options, ...partial };
    for (const r of this.records.values()) r.events = undefined;
    this.index = undefined;
  }

  get today(): IsoDate {
    return this.options.today;
  }

  /** The sorted portfolio timeline (a fresh array), optionally filtered. Bounded `from`/`to` filters read only those days. */
  timeline(filter?: TimelineFilter): TimelineEvent[] {
    const index = this.events();
    if (!filter) return [...index.all()];
    const bounded = filter.from !== undefined || filter.to !== undefined;
    return filterTimeline(bounded ? index.range(filter.from, filter.to) : index.all(), filter);
  }

  problems(file: string): Problem[] {
    return this.records.get(file)?.problems ?? [];
  }

  allProblems(): { file: string; problems: Problem[] }[] {
    return [...this.records].map(([file, r]) => ({ file, problems: r.problems })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  accounts(): { file: string; account: Account; stage: Stage; locale: Locale }[] {
    const out = [];
    for (const [file, r] of this.records) if (r.account) out.push({ file, account: r.account, stage: r.account.stage, locale: r.locale });
    return out.sort((a, b) => a.account.account.localeCompare(b.account.account));
  }

  has(file: string): boolean {
    return this.records.has(file);
  }

  private lintKey(): string {
    return `${this.options.today}|${this.options.locale ?? ''}|${this.options.keyPersonContactDays ?? ''}`;
  }

  private compact(note: AccountNote): AccountRecord {
    const lintOpts: Parameters<typeof lintAccount>[1] = { today: this.options.today };
    if (this.options.locale) lintOpts.locale = this.options.locale;
    if (this.options.keyPersonContactDays !== undefined) lintOpts.keyPersonContactDays = this.options.keyPersonContactDays;
    const s = this.pool;
    const problems = lintAccount(note, lintOpts).map((p) => {
      const q: Problem = { code: s.intern(p.code), severity: p.severity, message: s.intern(p.message), line: p.line };
      if (p.field !== undefined) q.field = s.intern(p.field);
      return q;
    });
    const account = {} as Record<string, unknown>;
    if (note.account) {
      const a = note.account as unknown as Record<string, unknown>;
      for (const k of ACCOUNT_KEYS) {
        const v = a[k];
        if (v !== undefined) account[k] = typeof v === 'string' ? s.intern(v) : v;
      }
    }
    const tasks: FlatTasks = [];
    for (const t of note.tasks) if (t.due) tasks.push(t.line, s.intern(t.due), t.closed ? 1 : 0, t.id === undefined ? null : s.intern(t.id), s.intern(t.title));
    return {
      account: (note.account ? account : undefined) as Account,
      keyLines: TIMELINE_KEYS.map((k) => note.frontmatter.keyLines.get(k) ?? -1),
      tasks,
      locale: note.locale,
      problems,
      lintKey: this.lintKey(),
      events: undefined,
    };
  }

  private buildEvents(file: string, r: AccountRecord): TimelineEvent[] {
    return r.account ? buildAccountTimeline(sourceOf(r), file, this.options) : [];
  }

  /** The sorted index, built from the records on first use. */
  private events(): EventIndex {
    if (!this.index) {
      const all: TimelineEvent[] = [];
      for (const [file, r] of this.records) {
        r.events ??= this.buildEvents(file, r);
        for (const e of r.events) all.push(e);
      }
      this.index = EventIndex.from(all);
    }
    return this.index;
  }

  private addEvents(file: string, r: AccountRecord): void {
    // Without a sorted index there is nothing to keep in step: events wait until someone asks.
    if (!this.index) {
      r.events = undefined;
      return;
    }
    r.events = this.buildEvents(file, r);
    this.index.insert(r.events);
  }

  private removeEvents(file: string): void {
    const r = this.records.get(file);
    if (this.index && r?.events) this.index.remove(r.events);
    if (r) r.events = undefined;
  }
}
