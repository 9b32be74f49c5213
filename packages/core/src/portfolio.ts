import { parseAccountNote, type Account, type AccountNote, type Stage } from './account.js';
import type { IsoDate } from './dates.js';
import { EventIndex } from './event-index.js';
import { lintAccount } from './lint.js';
import type { Locale, Problem, Severity } from './problems.js';
import { flatCopy, StringPool } from './string-pool.js';
import { accountEvents, filterTimeline, type TimelineEvent, type TimelineFilter, type TimelineOptions, type TimelineSource } from './timeline.js';

export interface PortfolioOptions extends TimelineOptions {
  keyPersonContactDays?: number;
}

/** Only these frontmatter lines are pointed at by timeline events. */
const TIMELINE_KEYS = ['contract_start', 'kickoff_date', 'renewal_date', 'term_months', 'notice_days'] as const;

/** The account fields a Portfolio keeps; unknown frontmatter keys are not retained. */
export const ACCOUNT_KEYS = [
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

export interface AccountRecord {
  /** Undefined when the note has no valid account; restored records hold `values` until first use. */
  account: Account | undefined;
  /** Account values in ACCOUNT_KEYS order, as restored from a snapshot (materialised lazily). */
  values?: (string | number | boolean | null)[] | undefined;
  /** Problems as restored from a snapshot, flattened (materialised lazily). */
  flatProblems?: (string | number | null)[] | undefined;
  /**
   * Everything numeric in one typed array (8-byte pointers make plain arrays costly): the 0-based
   * frontmatter line per TIMELINE_KEYS entry (-1 when absent), then per dated task
   * `line * 2 + closed`, due, id and title as indexes into the Portfolio's string table (-1: no id).
   */
  data: Int32Array;
  locale: Locale;
  problems: Problem[];
  /** Lint settings the problems were computed with (today, locale, contact days). */
  lintKey: string;
  /** Built on first need and kept while the sorted timeline exists. */
  events: TimelineEvent[] | undefined;
}


export const KEYS = TIMELINE_KEYS.length;


class KeyLines {
  constructor(private readonly data: Int32Array) {}
  get(key: string): number | undefined {
    const i = (TIMELINE_KEYS as readonly string[]).indexOf(key);
    const l = i < 0 ? -1 : (this.data[i] ?? -1);
    return l < 0 ? undefined : l;
  }
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
  protected readonly records = new Map<string, AccountRecord>();
  private index: EventIndex | undefined;
  private options: PortfolioOptions;
  private readonly pool = new StringPool();
  /** Task titles, ids and dates repeat across notes: records point into this table. */
  protected readonly strings: string[] = [];
  protected readonly stringIds = new Map<string, number>();
  /** Snapshot entries that could not be restored; cleared when the file is read again. */
  protected readonly unreadable = new Set<string>();

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

  /** Same as `upsert` for a note the host already parsed (e.g. with `accountNoteFromCache`). */
  upsertParsed(file: string, note: AccountNote): void {
    this.unreadable.delete(file);
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
    this.unreadable.delete(file);
    this.removeEvents(file);
    return this.records.delete(file);
  }

  rename(from: string, to: string): void {
    const r = this.records.get(from);
    if (!r || from === to) return;
    this.removeEvents(from);
    // Renaming onto an indexed file replaces it.
    this.removeEvents(to);
    this.unreadable.delete(to);
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
    const r = this.records.get(file);
    return r ? this.problemsOf(r) : [];
  }

  allProblems(): { file: string; problems: Problem[] }[] {
    return [...this.records].map(([file, r]) => ({ file, problems: this.problemsOf(r) })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  accounts(): { file: string; account: Account; stage: Stage; locale: Locale }[] {
    const out = [];
    for (const [file, r] of this.records) {
      const account = this.accountOf(r);
      if (account) out.push({ file, account, stage: account.stage, locale: r.locale });
    }
    return out.sort((a, b) => a.account.account.localeCompare(b.account.account));
  }

  has(file: string): boolean {
    return this.records.has(file);
  }

  protected lintKey(): string {
    return `${this.options.today}|${this.options.locale ?? ''}|${this.options.keyPersonContactDays ?? ''}`;
  }

  private compact(note: AccountNote): AccountRecord {
    const lintOpts: Parameters<typeof lintAccount>[1] = { today: this.options.today };
    if (this.options.locale) lintOpts.locale = this.options.locale;
    if (this.options.keyPersonContactDays !== undefined) lintOpts.keyPersonContactDays = this.options.keyPersonContactDays;
    const s = this.pool;
    const problems = lintAccount(note, lintOpts).map((p) => {
      // Messages are mostly unique (names, dates): copied flat rather than pooled.
      const q: Problem = { code: s.intern(p.code), severity: p.severity, message: flatCopy(p.message), line: p.line };
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
    return {
      account: (note.account ? account : undefined) as Account,
      data: this.pack(note),
      locale: note.locale,
      problems,
      lintKey: this.lintKey(),
      events: undefined,
    };
  }

  protected accountOf(r: AccountRecord): Account | undefined {
    if (r.values) {
      const o: Record<string, unknown> = {};
      const values = r.values;
      ACCOUNT_KEYS.forEach((k, i) => {
        const v = values[i];
        if (v !== null && v !== undefined) o[k] = typeof v === 'string' ? this.pool.intern(v) : v;
      });
      r.account = o as unknown as Account;
      r.values = undefined;
    }
    return r.account;
  }

  protected problemsOf(r: AccountRecord): Problem[] {
    const flat = r.flatProblems;
    if (flat) {
      const problems: Problem[] = [];
      for (let i = 0; i + 4 < flat.length; i += 5) {
        const pr: Problem = { code: String(flat[i]), severity: flat[i + 1] as Severity, message: String(flat[i + 2]), line: Number(flat[i + 3]) };
        const field = flat[i + 4];
        if (typeof field === 'string') pr.field = field;
        problems.push(pr);
      }
      r.problems = problems;
      r.flatProblems = undefined;
    }
    return r.problems;
  }

  private ref(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      const own = flatCopy(s);
      id = this.strings.push(own) - 1;
      this.stringIds.set(own, id);
    }
    return id;
  }

  private pack(note: AccountNote): Int32Array {
    let dated = 0;
    for (const t of note.tasks) if (t.due) dated++;
    const data = new Int32Array(KEYS + dated * 4);
    for (let k = 0; k < KEYS; k++) data[k] = note.frontmatter.keyLines.get(TIMELINE_KEYS[k]!) ?? -1;
    let o = KEYS;
    for (const t of note.tasks) {
      if (!t.due) continue;
      data[o++] = t.line * 2 + (t.closed ? 1 : 0);
      data[o++] = this.ref(t.due);
      data[o++] = t.id === undefined ? -1 : this.ref(t.id);
      data[o++] = this.ref(t.title);
    }
    return data;
  }

  private tasksOf(r: AccountRecord): TimelineSource['tasks'] {
    const out = [];
    const d = r.data;
    for (let o = KEYS; o + 3 < d.length; o += 4) {
      const id = d[o + 2]!;
      out.push({ line: d[o]! >> 1, closed: (d[o]! & 1) === 1, due: this.strings[d[o + 1]!] as IsoDate, id: id < 0 ? undefined : this.strings[id], title: this.strings[d[o + 3]!]! });
    }
    return out;
  }

  private buildEvents(file: string, r: AccountRecord): TimelineEvent[] {
    const account = this.accountOf(r);
    if (!account) return [];
    const source: TimelineSource = { account, frontmatter: { keyLines: new KeyLines(r.data) as unknown as ReadonlyMap<string, number> }, tasks: this.tasksOf(r), locale: r.locale };
    return accountEvents(source, file, this.options);
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
