import { parseAccountNote, type Account, type AccountNote, type ParseOptions, type Stage } from './account.js';
import { accountNoteFromCache, type CachedNoteMetadata } from './cached.js';
import type { IsoDate } from './dates.js';
import { EventIndex } from './event-index.js';
import { accountDates, datedProblems, undatedProblems, type AccountDates } from './lint.js';
import { compareProblems, type Locale, type Problem, type Severity } from './problems.js';
import { flatCopy } from './string-pool.js';
import { dayNumber, fromDayNumber, isIsoDay, isoDayNumber } from './day-number.js';
import { accountEvents, compareEvents, eachAccountDay, filterTimeline, type TimelineEvent, type TimelineFilter, type TimelineOptions, type TimelineSource, type TimelineSummary } from './timeline.js';

export interface PortfolioOptions extends TimelineOptions {
  keyPersonContactDays?: number;
  /**
   * Work out and keep every note's problems for `problems()`, `allProblems()` and `indexed()`
   * (default true). An index whose problems nobody reads (a host that lints only the note in front
   * of the user, a report) sets false: reading a note then skips its headings, its stakeholder
   * table and the checks, about a third of the cold index, and its records depend on no language.
   * Fixed when the Portfolio is made (`setOptions` keeps it); those three methods then throw.
   */
  problems?: boolean;
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

/**
 * Every option, and whether the accounts' event days depend on it. Typed as a record of all keys,
 * so a new option cannot be left out and go unnoticed by `setOptions`.
 */
const MOVES_DAYS: Record<keyof PortfolioOptions, boolean> = {
  today: false,
  locale: false,
  outreachDays: true,
  firstContactBusinessDays: true,
  dueSoonDays: false,
  keyPersonContactDays: false,
  problems: false,
};

/** A copy the host cannot change behind the Portfolio's back (the outreach ladder is an array). */
function ownOptions(o: PortfolioOptions): PortfolioOptions {
  return o.outreachDays ? { ...o, outreachDays: [...o.outreachDays] } : { ...o };
}

/** The lint key of records that hold no problems (`problems: false`): no locale is spelt so. */
const NO_PROBLEMS = '-';

/** Problem severities in the order their codes are packed. */
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * One indexed note, in two strings and no other objects (8-byte pointers make objects and typed
 * arrays costly). `data` holds non-negative integers as base-32 ASCII digits (`encode`): string
 * fields index the Portfolio's string table. Its layout, in order:
 * - the lint key (a string) and the note's own language (its `locale` key: 0 en, 1 ja);
 * - per TIMELINE_KEYS entry, the 0-based frontmatter line + 1 (0: absent);
 * - per ACCOUNT_KEYS entry, the value (see `packValue`; `baton` is 0 when the note has no valid account);
 * - the number of dated tasks, then per task `line * 2 + closed`, due (see `packDay`), id + 1 (0: none) and title;
 * - what the checks that depend on today need (`AccountDates`): the number of decision makers who
 *   missed the kickoff + 1 (0: not checked), then per person line and name length in `text`; the
 *   number of key persons + 1 (0: not checked), then per person line, name length and last contact + 1 (0: none);
 * - per problem found without today, code, severity, line, field + 1 (0: none) and the message's length in `text`.
 * `text` holds those names, then the messages.
 */
export interface AccountRecord {
  data: string;
  /** The names the dated checks need, then the problems' messages, one after the other. */
  text: string;
  /** Built on first need and kept while the sorted timeline exists. */
  events: TimelineEvent[] | undefined;
  /**
   * The day of each of the account's events (`encode`d, days since 0000-03-01), worked out when the
   * note is read, so a dated query builds events only for accounts that have one in range. A
   * superset: a churned account's future plans are in it (they depend on today).
   * Undefined for records restored from a snapshot, or after the outreach ladder changed, until the note is read again.
   */
  days?: string | undefined;
}

/** One account of `Portfolio.indexed()`. */
export interface IndexedAccount {
  file: string;
  account: Account | undefined;
  problems(): Problem[];
  /** The checklist items that have a due date (0-based line). */
  tasks(): IndexedTask[];
}

export interface IndexedTask {
  line: number;
  closed: boolean;
  due: IsoDate;
  id: string | undefined;
  title: string;
}

/** `dayNumber` counts from 1970; records count from 0000-03-01 so that every year Baton accepts (0100+) is non-negative. */
const DAY0 = 719468;

export const KEYS = TIMELINE_KEYS.length;
/** Where the task count sits in a record's numbers. */
export const TASKS = 2 + KEYS + ACCOUNT_KEYS.length;

/** Non-negative integers (≤ 2^53) as base-32 digits: `0`–`O` end a number, `]`–`|` lead into the next digit. JSON-safe. */
export function encode(values: readonly number[]): string {
  // Character codes first, one string at the end: no string per digit, and the result is flat.
  const codes: number[] = [];
  for (let v of values) {
    const start = codes.length;
    codes.push(48 + (v % 32));
    while ((v = Math.floor(v / 32)) > 0) codes.push(93 + (v % 32));
    // Pushed least significant first: most significant first in the record.
    for (let i = start, j = codes.length - 1; i < j; i++, j--) {
      const c = codes[i]!;
      codes[i] = codes[j]!;
      codes[j] = c;
    }
  }
  let out = '';
  // `fromCharCode` takes its codes as arguments: in slices well under engines' argument limits.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/**
 * `encode` one number at a time into a buffer of char codes that is reused from record to record
 * (no array of numbers, no array growth per note).
 */
export class Digits {
  private readonly codes: number[] = [];
  private n = 0;

  put(v: number): void {
    const codes = this.codes;
    // The digits are counted first, then written from the last one back (most significant first).
    // Past 2^30 (ids of large numbers only): one more digit per factor of 32, and division.
    let k = v < 32 ? 1 : v < 1024 ? 2 : v < 32768 ? 3 : v < 1048576 ? 4 : v < 33554432 ? 5 : 6;
    for (let x = v / 2 ** 30; x >= 1; x /= 32) k++;
    let n = (this.n += k);
    if (v < 2 ** 30) {
      codes[--n] = 48 + (v & 31);
      while ((v >>>= 5) > 0) codes[--n] = 93 + (v & 31);
    } else {
      codes[--n] = 48 + (v % 32);
      while ((v = Math.floor(v / 32)) > 0) codes[--n] = 93 + (v % 32);
    }
  }

  /** Everything put since the last `take`, as one string; the buffer starts again empty. */
  take(): string {
    const codes = this.codes;
    const n = this.n;
    this.n = 0;
    // `fromCharCode` takes its codes as arguments: in slices well under engines' argument limits.
    if (n <= 8192) {
      codes.length = n;
      return String.fromCharCode.apply(null, codes);
    }
    let out = '';
    for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, codes.slice(i, Math.min(n, i + 8192)));
    return out;
  }
}

export function decode(s: string): number[] {
  const out: number[] = [];
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 92) v = v * 32 + (c - 93);
    else {
      out.push(v * 32 + (c - 48));
      v = 0;
    }
  }
  return out;
}

function same(a: TimelineEvent, b: TimelineEvent): boolean {
  for (const k in a) if (a[k as keyof TimelineEvent] !== b[k as keyof TimelineEvent]) return false;
  return a.detail === b.detail;
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
  /** Task titles, ids, dates, owners and codes repeat across notes: records point into this table. */
  protected readonly strings: string[] = [];
  protected readonly stringIds = new Map<string, number>();
  /** Snapshot entries that could not be restored; cleared when the file is read again. */
  protected readonly unreadable = new Set<string>();

  constructor(options: PortfolioOptions) {
    this.options = ownOptions(options);
  }

  get size(): number {
    return this.records.size;
  }

  /**
   * Reads (or re-reads) one note. Returns the parsed note so a host can reuse it (diagnostics);
   * with `problems: false` it is read for the timeline only (`ParseOptions.timelineOnly`).
   * With the host's own parse of the note (Obsidian's metadataCache) the frontmatter and task
   * lines come from it instead of being parsed again (see `accountNoteFromCache`).
   */
  upsert(file: string, text: string, cache?: CachedNoteMetadata | null): AccountNote {
    const options: ParseOptions = this.options.locale ? { locale: this.options.locale } : {};
    if (!this.keepsProblems()) options.timelineOnly = true;
    const note = cache ? accountNoteFromCache(text, cache, options) : parseAccountNote(text, options);
    this.upsertParsed(file, note);
    return note;
  }

  /** Same as `upsert` for a note the host already parsed (e.g. with `accountNoteFromCache`). */
  upsertParsed(file: string, note: AccountNote): void {
    this.unreadable.delete(file);
    if (note.kind !== 'account') {
      this.removeEvents(file);
      this.records.delete(file);
      return;
    }
    // An account note with fatal errors has no timeline, but its problems still matter.
    this.place(file, this.compact(note));
  }

  /** Sets a file's record and keeps the sorted timeline (if built) in step. */
  protected place(file: string, r: AccountRecord): void {
    // Without a sorted index there is nothing to keep in step: events wait until someone asks.
    if (!this.index) {
      this.records.set(file, r);
      return;
    }
    const old = this.records.get(file)?.events ?? [];
    this.records.set(file, r);
    const next = (r.events = this.buildEvents(file, r));
    // An edit changes one or two events: the others keep their object and place in the index.
    const gone = old.slice(next.length);
    const added: TimelineEvent[] = [];
    next.forEach((e, i) => {
      const o = old[i];
      if (o && same(o, e)) next[i] = o;
      else {
        if (o) gone.push(o);
        added.push(e);
      }
    });
    this.index.remove(gone);
    this.index.insert(added);
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
  setOptions(partial: Partial<Omit<PortfolioOptions, 'problems'>>): void {
    const before = this.options;
    this.options = ownOptions({ ...before, ...partial, problems: before.problems });
    // Arrays compare by their values (the ladder is a copy of the host's).
    const changed = (Object.keys(MOVES_DAYS) as (keyof PortfolioOptions)[]).filter((k) => String(before[k]) !== String(this.options[k]));
    // Views set today and the locale before every render: unchanged options keep the sorted timeline.
    if (changed.length === 0) return;
    this.lintRef = undefined;
    const moved = changed.some((k) => MOVES_DAYS[k]);
    for (const r of this.records.values()) {
      r.events = undefined;
      if (moved) r.days = undefined;
    }
    this.index = undefined;
  }

  get today(): IsoDate {
    return this.options.today;
  }

  /** The sorted portfolio timeline (a fresh array), optionally filtered. Bounded `from`/`to` filters read only those days. */
  timeline(filter?: TimelineFilter): TimelineEvent[] {
    const bounded = filter !== undefined && (filter.from !== undefined || filter.to !== undefined);
    // Before anyone asked for the whole timeline, a dated query builds only the accounts it needs.
    if (bounded && !this.index) return filterTimeline(this.between(filter.from, filter.to), filter);
    const index = this.events();
    if (!filter) return [...index.all()];
    return filterTimeline(bounded ? index.range(filter.from, filter.to) : index.all(), filter);
  }

  /**
   * The whole timeline's filter choices and status counts, kept in step with edits: pass it to
   * `buildTimelineModel` with `timeline()` so a view's re-render does not walk every event.
   */
  timelineSummary(): TimelineSummary {
    return this.events().summary();
  }

  /** Events dated within the inclusive bounds, in timeline order, without building the sorted index. */
  private between(from: string | undefined, to: string | undefined): TimelineEvent[] {
    // Bounds that are not calendar days are still compared as text below; they just skip nothing here.
    const lo = from !== undefined && isIsoDay(from) ? dayNumber(from) + DAY0 : -Infinity;
    const hi = to !== undefined && isIsoDay(to) ? dayNumber(to) + DAY0 : Infinity;
    const keep = (date: string) => (from === undefined || date >= from) && (to === undefined || date <= to);
    const out: TimelineEvent[] = [];
    for (const [file, r] of this.records) {
      if (r.days !== undefined && !decode(r.days).some((d) => d >= lo && d <= hi)) continue;
      for (const e of this.buildEvents(file, r, keep)) out.push(e);
    }
    return out.sort(compareEvents);
  }

  problems(file: string): Problem[] {
    this.mustKeepProblems();
    const r = this.records.get(file);
    return r ? this.problemsOf(r) : [];
  }

  allProblems(): { file: string; problems: Problem[] }[] {
    this.mustKeepProblems();
    return [...this.records].map(([file, r]) => ({ file, problems: this.problemsOf(r) })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** Every valid account, by name; `locale` is the note's own language (its `locale` key, else English). */
  accounts(): { file: string; account: Account; stage: Stage; locale: Locale }[] {
    const out = [];
    for (const [file, r] of this.records) {
      const d = decode(r.data);
      const account = this.accountOf(r, d);
      if (account) out.push({ file, account, stage: account.stage, locale: (d[1] ? 'ja' : 'en') as Locale });
    }
    return out.sort((a, b) => a.account.account.localeCompare(b.account.account));
  }

  has(file: string): boolean {
    return this.records.has(file);
  }

  /**
   * Every indexed account note, in the order notes were first indexed, with its fields (undefined
   * for a note with fatal errors) and, on request, its problems and dated checklist items. For
   * whole-portfolio reports (`portfolioMetrics`) that must not keep every parsed note.
   */
  *indexed(): IterableIterator<IndexedAccount> {
    for (const [file, r] of this.records) {
      const d = decode(r.data);
      yield { file, account: this.accountOf(r, d), problems: () => this.problemsOf(r), tasks: () => this.tasksOf(d) };
    }
  }

  /** What the problems kept in records depend on (those that depend on today are worked out when asked). */
  protected lintKey(): string {
    // Not a locale: records with no problems depend on no language.
    return this.keepsProblems() ? (this.options.locale ?? '') : NO_PROBLEMS;
  }

  /** False when made with `problems: false`. */
  protected keepsProblems(): boolean {
    return this.options.problems !== false;
  }

  /** The lint key's table index, worked out once per `setOptions`. */
  private lintRef: number | undefined;

  private compact(note: AccountNote): AccountRecord {
    this.lintRef ??= this.ref(this.lintKey());
    const d = this.digits;
    d.put(this.lintRef);
    // The note's own language (its `locale` key), not the messages' (`options.locale` wins over
    // it): labels follow the option when it is set, and the note when it is unset again, without
    // reading the note again (an index that keeps no problems never does).
    const ja = note.frontmatter.data?.['locale'] === 'ja';
    d.put(ja ? 1 : 0);
    for (const k of TIMELINE_KEYS) d.put((note.frontmatter.keyLines.get(k) ?? -1) + 1);
    const a = note.account as unknown as Record<string, unknown> | undefined;
    // Memo slots (see `refAt`): one per account key, then three per dated task; a set per language.
    this.memo = ja ? 1 : 0;
    for (let i = 0; i < ACCOUNT_KEYS.length; i++) d.put(this.packValue(a?.[ACCOUNT_KEYS[i]!], i));
    // The account's timeline, reduced to its days: the events themselves are built when asked for.
    // Its checklist items' days come from the loop below (a task's event day is its due day).
    const days = this.days;
    eachAccountDay(note, this.options, this.putDay);
    let dated = 0;
    // As in `eachAccountEvent`: cancelled items (`[-]`) are not on the timeline.
    for (const t of note.tasks) if (t.due && t.status !== '-') dated++;
    d.put(dated);
    let n = ACCOUNT_KEYS.length;
    for (const t of note.tasks) {
      if (!t.due || t.status === '-') continue;
      const due = this.packDay(t.due, n + 2);
      if (due & 1) days.put(due >> 1);
      d.put(t.line * 2 + (t.closed ? 1 : 0));
      d.put(due);
      d.put(t.id === undefined ? 0 : this.refAt(n, t.id) + 1);
      d.put(this.refAt(n + 1, t.title));
      n += 3;
    }
    const text: string[] = [];
    const lint = this.keepsProblems();
    const st = lint ? accountDates(note).stakeholders : undefined;
    const missed = st?.missedKickoff;
    d.put(missed ? missed.length + 1 : 0);
    for (const m of missed ?? []) {
      d.put(m.line);
      d.put(m.name.length);
      text.push(m.name);
    }
    const contacts = st?.contacts;
    d.put(contacts ? contacts.length + 1 : 0);
    for (const c of contacts ?? []) {
      d.put(c.line);
      d.put(c.name.length);
      d.put(c.lastContact === undefined ? 0 : this.ref(c.lastContact) + 1);
      text.push(c.name);
    }
    for (const p of lint ? undatedProblems(note, this.options.locale ? { locale: this.options.locale } : {}) : []) {
      d.put(this.ref(p.code));
      d.put(SEVERITIES.indexOf(p.severity));
      d.put(p.line);
      d.put(p.field === undefined ? 0 : this.ref(p.field) + 1);
      d.put(p.message.length);
      text.push(p.message);
    }
    // Messages are mostly unique (names, dates): kept per record, in one flat string that pins no note text.
    // Two or more parts join into one new flat string; a single one may be a slice of the note.
    return { data: d.take(), text: text.length > 1 ? text.join('') : flatCopy(text[0] ?? ''), events: undefined, days: days.take() };
  }

  /** Reused buffers for a record's numbers and its event days. */
  private readonly digits = new Digits();
  private readonly days = new Digits();
  private readonly putDay = (day: number): void => this.days.put(day + DAY0);

  /**
   * 0 absent, 1 false, 2 true, 3 -0; then `4 + 4k + type`: a string (table index k), a whole number
   * k, another number (its text at k) or a calendar day (k = day number, the text is `fromDayNumber`'s).
   */
  private packValue(v: unknown, slot: number): number {
    if (v === undefined || typeof v === 'boolean') return v === undefined ? 0 : v ? 2 : 1;
    if (typeof v === 'string') {
      const day = this.packDay(v, slot);
      return day & 1 ? 7 + 4 * (day >> 1) : 4 + 4 * (day >> 1);
    }
    if (Object.is(v, -0)) return 3;
    return Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 40 ? 5 + 4 * (v as number) : 6 + 4 * this.ref(String(v));
  }

  /**
   * A date's text as `2 * day + 1` when it is a calendar day (`YYYY-MM-DD`, which `fromDayNumber`
   * gives back exactly), else `2 * k` for its table index: most strings of a record are dates, and
   * they need no table lookup (other strings look theirs up through memo `slot`).
   */
  private packDay(s: string, slot: number): number {
    const day = isoDayNumber(s);
    return Number.isNaN(day) ? 2 * this.refAt(slot, s) : 2 * (day + DAY0) + 1;
  }

  /** The text `packDay` packed. */
  private unpackDay(x: number): string {
    return x & 1 ? fromDayNumber((x >> 1) - DAY0) : this.strings[x >> 1]!;
  }

  protected accountOf(r: AccountRecord, d = decode(r.data)): Account | undefined {
    if (d[2 + KEYS] === 0) return undefined;
    const o: Record<string, unknown> = {};
    for (let i = 0; i < ACCOUNT_KEYS.length; i++) {
      const x = d[2 + KEYS + i]!;
      if (x === 0) continue;
      const n = Math.floor((x - 4) / 4);
      const type = (x - 4) % 4;
      o[ACCOUNT_KEYS[i]!] = x === 1 ? false : x === 2 ? true : x === 3 ? -0 : type === 0 ? this.strings[n] : type === 1 ? n : type === 2 ? Number(this.strings[n]) : fromDayNumber(n - DAY0);
    }
    return o as unknown as Account;
  }

  private mustKeepProblems(): void {
    if (!this.keepsProblems()) throw new Error('This Portfolio keeps no problems (it was made with problems: false)');
  }

  protected problemsOf(r: AccountRecord): Problem[] {
    this.mustKeepProblems();
    const d = decode(r.data);
    const out: Problem[] = [];
    // The dated checks' people (names at the start of `text`), then the problems found without today.
    let at = 0;
    let o = TASKS + 1 + d[TASKS]! * 4;
    const people = <T>(each: (line: number, name: string) => T): T[] | undefined => {
      const n = d[o++]!;
      const list: T[] = [];
      for (let i = 1; i < n; i++) list.push(each(d[o++]!, r.text.slice(at, (at += d[o++]!))));
      return n === 0 ? undefined : list;
    };
    const missedKickoff = people((line, name) => ({ line, name }));
    const contacts = people((line, name) => {
      const last = d[o++]!;
      return { line, name, lastContact: last === 0 ? undefined : (this.strings[last - 1] as IsoDate) };
    });
    for (; o + 4 < d.length; o += 5) {
      const p: Problem = { code: this.strings[d[o]!]!, severity: SEVERITIES[d[o + 1]!]!, message: r.text.slice(at, (at += d[o + 4]!)), line: d[o + 2]! };
      if (d[o + 3]) p.field = this.strings[d[o + 3]! - 1]!;
      out.push(p);
    }
    const account = this.accountOf(r, d);
    if (!account) return out;
    // Lists left undefined (not checked) skip their check, as an absent table does.
    const dates: AccountDates = { stakeholders: { missedKickoff, contacts } };
    const line = (k: string) => (this.keyLine(d, k) ?? 0) + 1;
    const { today, locale, keyPersonContactDays } = this.options;
    const opts: Parameters<typeof datedProblems>[3] = { today, locale: locale ?? (d[1] ? 'ja' : 'en') };
    if (keyPersonContactDays !== undefined) opts.keyPersonContactDays = keyPersonContactDays;
    const dated = datedProblems(account, line, dates, opts);
    // As `lintAccount` sorts them: the stable sort keeps each check's problems in their order.
    return dated.length === 0 ? out : out.concat(dated).sort(compareProblems);
  }

  /** The 0-based line of a TIMELINE_KEYS key, from a record's numbers. */
  private keyLine(d: readonly number[], k: string): number | undefined {
    const i = (TIMELINE_KEYS as readonly string[]).indexOf(k);
    const l = i < 0 ? 0 : d[2 + i]!;
    return l ? l - 1 : undefined;
  }

  /**
   * Stages, currencies, owners, checklist ids and titles usually come in the same order in every
   * note (one playbook): slot `n` remembers the last string seen there, and a string equal to it
   * skips the table lookup (which hashes the string first).
   */
  private readonly recent: string[] = [];
  private readonly recentRefs: number[] = [];
  /** Which set of slots the note being packed uses: a vault in two languages has two playbooks. */
  private memo = 0;
  private refAt(slot: number, s: string): number {
    const n = 2 * slot + this.memo;
    if (this.recent[n] === s) return this.recentRefs[n]!;
    const id = this.ref(s);
    // The table's own copy: a memo never pins a note's text.
    this.recent[n] = this.strings[id]!;
    this.recentRefs[n] = id;
    return id;
  }

  protected ref(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      const own = flatCopy(s);
      id = this.strings.push(own) - 1;
      this.stringIds.set(own, id);
    }
    return id;
  }

  /** A record's dated checklist items. */
  private tasksOf(d: readonly number[]): IndexedTask[] {
    const tasks: IndexedTask[] = [];
    for (let o = TASKS + 1; o < TASKS + 1 + d[TASKS]! * 4; o += 4) {
      tasks.push({ line: d[o]! >> 1, closed: (d[o]! & 1) === 1, due: this.unpackDay(d[o + 1]!) as IsoDate, id: d[o + 2] ? this.strings[d[o + 2]! - 1] : undefined, title: this.strings[d[o + 3]!]! });
    }
    return tasks;
  }

  private buildEvents(file: string, r: AccountRecord, keep?: (date: string) => boolean): TimelineEvent[] {
    const d = decode(r.data);
    const account = this.accountOf(r, d);
    if (!account) return [];
    const tasks = this.tasksOf(d);
    const keyLines = { get: (k: string) => this.keyLine(d, k) } as ReadonlyMap<string, number>;
    const source: TimelineSource = { account, frontmatter: { keyLines }, tasks, locale: d[1] ? 'ja' : 'en' };
    return accountEvents(source, file, this.options, keep);
  }

  /** The sorted index, built from the records on first use. */
  private events(): EventIndex {
    if (!this.index) {
      const lists: TimelineEvent[][] = [];
      for (const [file, r] of this.records) if ((r.events ??= this.buildEvents(file, r)).length > 0) lists.push(r.events);
      // In account order, each day's events mostly arrive sorted (see `EventIndex.fromAccounts`).
      lists.sort((x, y) => {
        const a = x[0]!;
        const b = y[0]!;
        return a.account < b.account ? -1 : a.account > b.account ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
      });
      this.index = EventIndex.fromAccounts(lists);
    }
    return this.index;
  }

  /**
   * Builds the events of up to `limit` accounts that have none yet, so a host can spread the first
   * `timeline()` (every account's events) over turns of its event loop. True once every account
   * has them, or the sorted timeline exists.
   */
  prepare(limit: number): boolean {
    if (this.index) return true;
    for (const [file, r] of this.records) {
      if (r.events) continue;
      if (limit-- < 1) return false;
      r.events = this.buildEvents(file, r);
    }
    return true;
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
