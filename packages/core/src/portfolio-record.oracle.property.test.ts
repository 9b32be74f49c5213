/**
 * Oracles for the record packing of `Portfolio.upsertParsed`: the event days worked out on day
 * numbers (`eachAccountDay`) against the date strings `eachAccountEvent` builds, and whole records
 * (numbers, texts, event days and the string table) against the packing they replaced (event days
 * read back from each event's date string).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote, type Account, type AccountNote } from './account.js';
import { accountNote } from './__fixtures__/notes.js';
import { dayNumber, fromDayNumber, isoDayNumber } from './day-number.js';
import { accountDates, undatedProblems } from './lint.js';
import { ACCOUNT_KEYS, encode, Portfolio, type AccountRecord, type PortfolioOptions } from './portfolio.js';
import { flatCopy } from './string-pool.js';
import { eachAccountDay, eachAccountEvent, type TimelineOptions, type TimelineSource } from './timeline.js';

const RUNS = { numRuns: Number(process.env['BATON_FC_RUNS'] ?? 200) };
const today = '2026-11-22';

/** Calendar days near the ends of what Baton accepts, ordinary ones, and strings that are no day. */
const day = fc.oneof(
  fc.integer({ min: dayNumber('0100-01-01') - 400, max: dayNumber('0100-01-01') + 400 }).map(fromDayNumber),
  fc.integer({ min: dayNumber('9999-12-31') - 800, max: dayNumber('9999-12-31') }).map(fromDayNumber),
  fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }).map(fromDayNumber),
  fc.constantFrom('', '2026-02-30', '2026-13-01', '０２６-01-01', '2026-1-01', 'x', '99999-01-01', '0099-12-31', '2026-01-01\r'),
);
const ladder = fc.oneof(fc.constant(undefined), fc.array(fc.oneof(fc.integer({ min: -5, max: 4000 }), fc.constantFrom(0.5, 30, 30, 1e6, Infinity, NaN)), { maxLength: 6 }));
const options = fc.record({
  outreachDays: ladder,
  firstContactBusinessDays: fc.oneof(fc.constant(undefined), fc.integer({ min: -30, max: 30 }), fc.constantFrom(2.5, -0, 1e7, 1e300)),
});
const account = fc
  .record({
    contract_start: day,
    renewal_date: day,
    kickoff_date: fc.oneof(fc.constant(undefined), day),
    notice_deadline: fc.oneof(fc.constant(undefined), day),
    stage: fc.constantFrom('handoff', 'onboarding', 'churned'),
  })
  .map((a) => ({ baton: 'account', account: 'Acme', term_months: 12, renewal_date_derived: false, ...a }) as unknown as Account);

function own(o: { outreachDays: readonly number[] | undefined; firstContactBusinessDays: number | undefined }): TimelineOptions {
  const out: TimelineOptions = { today };
  if (o.outreachDays !== undefined) out.outreachDays = o.outreachDays;
  if (o.firstContactBusinessDays !== undefined) out.firstContactBusinessDays = o.firstContactBusinessDays;
  return out;
}

const source = (a: Account): TimelineSource => ({ account: a, frontmatter: { keyLines: new Map() }, tasks: [{ line: 3, due: '2026-01-01', closed: false, id: undefined, title: 'x' }], locale: 'en' });

/** The event days as they were worked out: each event's date string, read back (tasks left out). */
function daysOfEvents(a: Account, o: TimelineOptions): (number | string)[] {
  const out: (number | string)[] = [];
  return caught(out, () => eachAccountEvent({ ...source(a), tasks: [] }, o, (_slot, date) => out.push(dayNumber(date)), true));
}

/** The days emitted, then the error thrown if any (date-fns throws on a ladder step of half a day from no date). */
function caught(out: (number | string)[], f: () => void): (number | string)[] {
  try {
    f();
  } catch (e) {
    out.push(String(e));
  }
  return out;
}

describe('event days on day numbers', () => {
  it('eachAccountDay gives the days of eachAccountEvent’s dates, in order', () => {
    fc.assert(
      fc.property(account, options, (a, o) => {
        const days: (number | string)[] = [];
        expect(caught(days, () => eachAccountDay(source(a), own(o), (d) => days.push(d)))).toEqual(daysOfEvents(a, own(o)));
      }),
      RUNS,
    );
    // A ladder step landing on the contract start, the day before it and the day after it.
    fc.assert(
      fc.property(account, fc.integer({ min: -1, max: 1 }), (a, k) => {
        const gap = dayNumber(a.renewal_date) - dayNumber(a.contract_start) + k;
        const o = { outreachDays: [gap, 1, gap + 1], firstContactBusinessDays: undefined };
        const days: (number | string)[] = [];
        expect(caught(days, () => eachAccountDay(source(a), own(o), (d) => days.push(d)))).toEqual(daysOfEvents(a, own(o)));
      }),
      RUNS,
    );
  });
});

/** The record packing before `eachAccountDay` (the oracle). */
class OldPacking {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly recent: string[] = [];
  private readonly recentRefs: number[] = [];
  constructor(private readonly options: PortfolioOptions) {}

  ref(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      const copy = flatCopy(s);
      id = this.strings.push(copy) - 1;
      this.ids.set(copy, id);
    }
    return id;
  }
  private refAt(n: number, s: string): number {
    if (this.recent[n] === s) return this.recentRefs[n]!;
    const id = this.ref(s);
    this.recent[n] = this.strings[id]!;
    this.recentRefs[n] = id;
    return id;
  }
  private packDay(s: string): number {
    const d = isoDayNumber(s);
    return Number.isNaN(d) ? 2 * this.ref(s) : 2 * (d + 719468) + 1;
  }
  private packValue(v: unknown): number {
    if (v === undefined || typeof v === 'boolean') return v === undefined ? 0 : v ? 2 : 1;
    if (typeof v === 'string') {
      const d = this.packDay(v);
      return d & 1 ? 7 + 4 * (d >> 1) : 4 + 4 * (d >> 1);
    }
    if (Object.is(v, -0)) return 3;
    return Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 40 ? 5 + 4 * (v as number) : 6 + 4 * this.ref(String(v));
  }

  compact(note: AccountNote, lintKey: string): { data: string; text: string; days: string } {
    // The note's own language (its `locale` key), whatever language the messages are in.
    const d: number[] = [this.ref(lintKey), note.frontmatter.data?.['locale'] === 'ja' ? 1 : 0];
    for (const k of ['contract_start', 'kickoff_date', 'renewal_date', 'term_months', 'notice_days']) d.push((note.frontmatter.keyLines.get(k) ?? -1) + 1);
    const a = note.account as unknown as Record<string, unknown> | undefined;
    for (const k of ACCOUNT_KEYS) d.push(this.packValue(a?.[k]));
    const days: number[] = [];
    const source: TimelineSource = { account: note.account, frontmatter: note.frontmatter, tasks: [], locale: note.locale };
    eachAccountEvent(source, this.options, (_slot, date) => days.push(dayNumber(date) + 719468), true);
    const dated = note.tasks.filter((t) => t.due);
    d.push(dated.length);
    dated.forEach((t, i) => {
      const due = this.packDay(t.due!);
      if (due & 1) days.push(due >> 1);
      d.push(t.line * 2 + (t.closed ? 1 : 0), due, t.id === undefined ? 0 : this.refAt(2 * i, t.id) + 1, this.refAt(2 * i + 1, t.title));
    });
    const text: string[] = [];
    const st = accountDates(note).stakeholders;
    d.push(st?.missedKickoff ? st.missedKickoff.length + 1 : 0);
    for (const m of st?.missedKickoff ?? []) {
      d.push(m.line, m.name.length);
      text.push(m.name);
    }
    d.push(st?.contacts ? st.contacts.length + 1 : 0);
    for (const c of st?.contacts ?? []) {
      d.push(c.line, c.name.length, c.lastContact === undefined ? 0 : this.ref(c.lastContact) + 1);
      text.push(c.name);
    }
    for (const p of undatedProblems(note, this.options.locale ? { locale: this.options.locale } : {})) {
      d.push(this.ref(p.code), ['error', 'warning', 'info'].indexOf(p.severity), p.line, p.field === undefined ? 0 : this.ref(p.field) + 1, p.message.length);
      text.push(p.message);
    }
    return { data: encode(d), text: text.join(''), days: encode(days) };
  }
}

class Open extends Portfolio {
  table(): string[] {
    return this.strings;
  }
  record(file: string): AccountRecord | undefined {
    return this.records.get(file);
  }
}

const title = fc.constantFrom('Call', 'Send the quote', '見積を送る', '', '2026-01-01', 'Ｆｕｌｌ', 'Book the kickoff meeting');
const id = fc.constantFrom(undefined, 'renewal.call', 'onboarding.item-1', 'onboarding.item-2', 'x');
const task = fc
  .record({ closed: fc.boolean(), title, id, due: fc.option(day, { nil: undefined }) })
  .map((t) => `- [${t.closed ? 'x' : ' '}] ${t.title}${t.id ? ` <!-- baton:${t.id} -->` : ''}${t.due ? ` 📅 ${t.due}` : ''}`);
const row = fc
  .record({ name: fc.constantFrom('Sato', '佐藤', 'Tanaka', 'Sato'), role: fc.constantFrom('Decision maker', 'Champion', ''), key: fc.constantFrom('yes', ''), contact: fc.oneof(day, fc.constant('')) })
  .map((r) => `| ${r.name} | ${r.role} | ${r.key} | ${r.contact} |`);
const table = fc.array(row, { maxLength: 4 }).map((rows) => ['## Stakeholders', '', '| Name | Role | Key person | Last contact |', '|---|---|---|---|', ...rows, ''].join('\n'));
const fields = fc.record({
  stage: fc.constantFrom(undefined, 'handoff', 'onboarding', 'churned', '運用'),
  contract_start: day,
  renewal_date: fc.option(day, { nil: undefined }),
  kickoff_date: fc.option(day, { nil: undefined }),
  notice_days: fc.option(fc.constantFrom(0, 30, 90, 5000), { nil: undefined }),
  currency: fc.constantFrom(undefined, 'USD', 'JPY', 'usd'),
  health: fc.constantFrom(undefined, 'green', 'red', '危険'),
  locale: fc.constantFrom(undefined, 'en', 'ja'),
  csm_owner: fc.constantFrom(undefined, 'Sato', 'Tanaka', '2026-01-01'),
  renewal_owner: fc.constantFrom(undefined, 'Sato', ' sato '),
  arr: fc.constantFrom(undefined, 1000, '12,000,000', '1e400'),
});
const note = fc
  .tuple(fields, fc.array(fc.oneof(task, table), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([f, body, eol]) => accountNote(f, body.join('\n')).replace(/\n/g, eol));

describe('packed records', () => {
  it('a Portfolio packs every note of a sequence as the old packing did (numbers, texts, event days, string table)', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 10 }), options, fc.constantFrom(undefined, 'en' as const, 'ja' as const), (texts, o, locale) => {
        const opts: PortfolioOptions = { ...own(o), ...(locale ? { locale } : {}) };
        const p = new Open(opts);
        const old = new OldPacking(opts);
        texts.forEach((text, i) => {
          const parsed = parseAccountNote(text, locale ? { locale } : {});
          p.upsertParsed(`n${i}.md`, parsed);
          if (parsed.kind !== 'account') return;
          const r = p.record(`n${i}.md`)!;
          expect({ data: r.data, text: r.text, days: r.days }).toEqual(old.compact(parsed, locale ?? ''));
        });
        expect(p.table()).toEqual(old.strings);
      }),
      RUNS,
    );
  });
});
