/**
 * A Portfolio keeps each note packed (two strings: numbers as base-32 digits and the problems'
 * messages). These properties pin the packed form to the parsed note: the problems, the account and
 * the events read back from a record, live or restored from a JSON snapshot, are the note's own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote, type ParseOptions } from './account.js';
import { accountNoteFromCache } from './cached.js';
import { lintAccount } from './lint.js';
import { ACCOUNT_KEYS, decode, encode, Portfolio } from './portfolio.js';
import { SnapshotPortfolio } from './snapshot.js';
import { buildAccountTimeline, timelineChoices } from './timeline.js';
import { dayNumber, fromDayNumber } from './day-number.js';

const RUNS = { numRuns: Number(process.env['BATON_FC_RUNS'] ?? 150) };
const today = '2026-11-22';

const day = fc
  .record({ y: fc.oneof(fc.integer({ min: 2024, max: 2028 }), fc.constantFrom(1, 9999)), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
/** A real calendar day, as hosts pass for today (2024–2029). */
const realDay = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2029-12-31') }).map(fromDayNumber);
const name = fc.constantFrom('Acme', 'アクメ株式会社', 'Sato', 'Tanaka', '佐藤 美咲', 'O\'Brien', 'a"b\\c', 'x'.repeat(40));
/** Money and counts at the edges of the packing: -0, 2^40 and beyond, the largest safe integer, commas. */
const amount = fc.oneof(fc.nat(), fc.constantFrom('-0', '0', '1099511627775', '1099511627776', '9007199254740991', '12,000,000', '1e400', '-5', '3.5'));

const frontmatter = fc
  .record({
    account: name,
    start: day,
    term: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, '-0', 'x')),
    stage: fc.option(fc.constantFrom('handoff', 'running', 'churned', '運用', 'nonsense'), { nil: undefined }),
    renewal: fc.option(day, { nil: undefined }),
    kickoff: fc.option(day, { nil: undefined }),
    notice: fc.option(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom('-0', 5000)), { nil: undefined }),
    arr: fc.option(amount, { nil: undefined }),
    arrStart: fc.option(amount, { nil: undefined }),
    csm: fc.option(name, { nil: undefined }),
    renewalOwner: fc.option(name, { nil: undefined }),
    health: fc.option(fc.constantFrom('green', 'red', '危険', 'purple'), { nil: undefined }),
    locale: fc.option(fc.constantFrom('en', 'ja'), { nil: undefined }),
    currency: fc.option(fc.constantFrom('usd', 'JPY', 'euro'), { nil: undefined }),
  })
  .map((f) =>
    [
      'baton: account',
      `account: ${JSON.stringify(f.account)}`,
      `contract_start: ${f.start}`,
      `term_months: ${f.term}`,
      f.stage && `stage: ${f.stage}`,
      f.renewal && `renewal_date: ${f.renewal}`,
      f.kickoff && `kickoff_date: ${f.kickoff}`,
      f.notice !== undefined && `notice_days: ${f.notice}`,
      f.arr !== undefined && `arr: ${f.arr}`,
      f.arrStart !== undefined && `arr_start: ${f.arrStart}`,
      f.csm && `csm_owner: ${JSON.stringify(f.csm)}`,
      f.renewalOwner && `renewal_owner: ${JSON.stringify(f.renewalOwner)}`,
      f.health && `health: ${f.health}`,
      f.locale && `locale: ${f.locale}`,
      f.currency && `currency: ${f.currency}`,
      'custom: dropped',
    ].filter((l): l is string => typeof l === 'string'),
  );

const task = fc
  .record({ closed: fc.boolean(), title: fc.oneof(name, fc.constant('')), due: fc.option(day, { nil: undefined }), id: fc.option(fc.constantFrom('renewal.call', 'kickoff.agenda', 'x'), { nil: undefined }) })
  .map((t) => `- [${t.closed ? 'x' : ' '}] ${t.title}${t.id ? ` <!-- baton:${t.id} -->` : ''}${t.due ? ` 📅 ${t.due}` : ''}`);
const row = fc
  .record({ name, role: fc.constantFrom('Decision maker', '決裁者', 'champion', ''), key: fc.constantFrom('✓', ''), contact: fc.oneof(day, fc.constant('')), kickoff: fc.constantFrom('✓', '', 'no'), status: fc.constantFrom('', 'left') })
  .map((r) => `| ${r.name} | ${r.role} | ${r.key} | ${r.contact} | ${r.kickoff} | ${r.status} |`);
/** With and without the columns the dated checks read (kickoff attendance, last contact). */
const header = fc.constantFrom('| Name | Role | Key person | Last contact | Kickoff | Status |', '| Name | Role | Key person | Notes | Notes 2 | Status |');
const table = fc.tuple(header, fc.array(row, { maxLength: 4 })).map(([h, rows]) => [h, '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
const body = fc.array(fc.oneof(task, fc.constantFrom('## Stakeholders', '## 関係者', '## Goals', 'text'), table), { maxLength: 12 });
const note = fc.tuple(frontmatter, body).map(([fm, b]) => ['---', ...fm, '---', '# Acme', ...b].join('\n'));

/** What a Portfolio keeps of an account: the known keys that have a value. */
function kept(account: object | undefined): Record<string, unknown> | undefined {
  if (!account) return undefined;
  const a = account as Record<string, unknown>;
  return Object.fromEntries(ACCOUNT_KEYS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
}

describe('packed records', () => {
  it('encode and decode are inverse on non-negative integers up to 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.constantFrom(0, 31, 32, 1023, 1024, 2 ** 53 - 1))), (xs) => {
        const s = encode(xs);
        expect(decode(s)).toEqual(xs);
        // The layout snapshots (version 2) hold: one string per number, most significant digit first.
        expect(s).toBe(xs.map((x) => [...x.toString(32).toUpperCase()].map((c, i, all) => String.fromCharCode((i === all.length - 1 ? 48 : 93) + parseInt(c, 32))).join('')).join(''));
        expect(s).toBe(JSON.parse(JSON.stringify(s)));
        expect(/^[\x30-\x4f\x5d-\x7c]*$/.test(s)).toBe(true);
      }),
      RUNS,
    );
  });

  it('encodes records longer than one slice of character codes', () => {
    // 30k numbers of 1–11 digits: several 8192-code slices, cut inside numbers.
    const xs = Array.from({ length: 30_000 }, (_, i) => (i * 2654435761) % 2 ** 53);
    const s = encode(xs);
    expect(decode(s)).toEqual(xs);
    expect(s.length).toBeGreaterThan(3 * 8192);
    expect(s.slice(-40)).toBe(encode(xs.slice(-1000)).slice(-40));
  });

  /** Frontmatter values as a host's metadata cache may hand them over: any number, -0 included. */
  const number = fc.oneof(fc.constantFrom(-0, 0, 2 ** 40 - 1, 2 ** 40, Number.MAX_SAFE_INTEGER, 2 ** 60, 0.5), fc.integer(), fc.double());
  const cached = fc
    .record({ account: name, contract_start: day, term_months: number, arr: number, arr_start: number, notice_days: number, csm_owner: name }, { requiredKeys: ['account', 'contract_start'] })
    .map((fm) => (options: ParseOptions) => {
      const text = '---\nbaton: account\n---\n# Acme\n- [ ] call 📅 2026-12-01\n';
      return accountNoteFromCache(text, { frontmatter: { baton: 'account', term_months: 12, ...fm }, listItems: [{ task: ' ', position: { start: { line: 4 } } }] }, options);
    });
  /** A note and how to parse it: from its text, or from a host's cached frontmatter. */
  const parsedNote = fc.oneof(
    note.map((text) => (options: ParseOptions) => parseAccountNote(text, options)),
    cached,
  );

  it('give back the parsed note’s problems, account and events, live and restored from a snapshot', () => {
    fc.assert(
      fc.property(parsedNote, fc.constantFrom(undefined, 'en' as const, 'ja' as const), (parse, locale) => {
        const options = locale ? { today, locale } : { today };
        const parsed = parse(locale ? { locale } : {});
        const p = new SnapshotPortfolio(options);
        p.upsertParsed('a.md', parsed);
        const restored = SnapshotPortfolio.fromSnapshot(JSON.parse(JSON.stringify(p.toSnapshot())), options);
        const problems = lintAccount(parsed, options);
        const events = parsed.account ? buildAccountTimeline(parsed, 'a.md', options) : [];
        for (const q of [p, restored]) {
          expect(q.problems('a.md')).toEqual(problems);
          expect(JSON.stringify(q.problems('a.md'))).toBe(JSON.stringify(problems));
          const accounts = q.accounts();
          expect(accounts.map((a) => a.account)).toEqual(parsed.account ? [kept(parsed.account)] : []);
          // toEqual tells -0 from 0; key order is checked through JSON.
          for (const a of accounts) {
            expect(Object.keys(a.account)).toEqual(Object.keys(kept(parsed.account)!));
            // The note's own language, whatever language the messages are in.
            expect(a.locale).toBe(parsed.frontmatter.data?.['locale'] === 'ja' ? 'ja' : 'en');
          }
          expect(q.timeline()).toEqual(events);
        }
        expect(restored.staleFiles()).toEqual([]);
      }),
      RUNS,
    );
  });

  it('problems that depend on today or the contact threshold follow setOptions and a snapshot restored later, with no note read again', () => {
    fc.assert(
      fc.property(parsedNote, fc.constantFrom(undefined, 'en' as const, 'ja' as const), realDay, fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }), (parse, locale, later, contactDays) => {
        const parsed = parse(locale ? { locale } : {});
        const p = new SnapshotPortfolio(locale ? { today, locale } : { today });
        p.upsertParsed('a.md', parsed);
        const next = { today: later, ...(locale ? { locale } : {}), ...(contactDays === undefined ? {} : { keyPersonContactDays: contactDays }) };
        const restored = SnapshotPortfolio.fromSnapshot(JSON.parse(JSON.stringify(p.toSnapshot())), next);
        p.setOptions(next);
        const expected = lintAccount(parsed, next);
        for (const q of [p, restored]) {
          expect(q.problems('a.md')).toEqual(expected);
          expect(JSON.stringify(q.problems('a.md'))).toBe(JSON.stringify(expected));
        }
        expect(restored.staleFiles()).toEqual([]);
      }),
      RUNS,
    );
  });

  it('an index kept in step through edits (unchanged events keep their place) equals one built afresh', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a.md', 'b.md'), note), { minLength: 1, maxLength: 6 }), (edits) => {
        const p = new Portfolio({ today });
        p.upsert('c.md', edits[0]![1]);
        p.timeline();
        // The summary a view passes to buildTimelineModel, made now and kept in step by the edits.
        p.timelineSummary();
        const last = new Map<string, string>([['c.md', edits[0]![1]]]);
        for (const [file, text] of edits) {
          p.upsert(file, text);
          last.set(file, text);
        }
        const fresh = new Portfolio({ today });
        for (const [file, text] of last) fresh.upsert(file, text);
        expect(p.timeline()).toEqual(fresh.timeline());
        const counts = { overdue: 0, 'due-soon': 0, upcoming: 0, done: 0 };
        expect(p.timelineSummary()).toEqual({ choices: timelineChoices(fresh.timeline(), counts), counts });
        expect(p.timeline({ from: '2026-01-01', to: '2027-12-31' })).toEqual(fresh.timeline({ from: '2026-01-01', to: '2027-12-31' }));
      }),
      RUNS,
    );
  });

  it('events made ahead a few accounts at a time (prepare), between edits, renames and removals, give the timeline of a fresh portfolio', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('upsert' as const), fc.constantFrom('a.md', 'b.md', 'c.md', 'd.md'), note),
      fc.tuple(fc.constant('prepare' as const), fc.integer({ min: 0, max: 3 })),
      fc.tuple(fc.constant('remove' as const), fc.constantFrom('a.md', 'b.md', 'c.md', 'd.md')),
      fc.tuple(fc.constant('rename' as const), fc.constantFrom('a.md', 'b.md'), fc.constantFrom('c.md', 'd.md')),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), (ops) => {
        const p = new Portfolio({ today });
        const last = new Map<string, string>();
        for (const o of ops) {
          if (o[0] === 'upsert') {
            p.upsert(o[1], o[2]);
            last.set(o[1], o[2]);
          } else if (o[0] === 'remove') {
            p.remove(o[1]);
            last.delete(o[1]);
          } else if (o[0] === 'rename') {
            const text = last.get(o[1]);
            if (text === undefined || last.has(o[2])) continue;
            p.rename(o[1], o[2]);
            last.delete(o[1]);
            last.set(o[2], text);
          } else p.prepare(o[1]);
        }
        while (!p.prepare(1));
        const fresh = new Portfolio({ today });
        for (const [file, text] of last) fresh.upsert(file, text);
        expect(p.timeline()).toEqual(fresh.timeline());
        expect(p.prepare(0)).toBe(true);
      }),
      RUNS,
    );
  });

  it('many notes in one Portfolio (checklist strings remembered from note to note) each give back their own events', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 2, maxLength: 8 }), (texts) => {
        const p = new Portfolio({ today });
        texts.forEach((t, i) => p.upsert(`n${i}.md`, t));
        const all = p.timeline();
        texts.forEach((t, i) => {
          const parsed = parseAccountNote(t);
          const own = parsed.kind === 'account' && parsed.account ? buildAccountTimeline(parsed, `n${i}.md`, { today }) : [];
          expect(all.filter((e) => e.file === `n${i}.md`)).toEqual(own);
          expect(p.problems(`n${i}.md`)).toEqual(parsed.kind === 'account' ? lintAccount(parsed, { today }) : []);
        });
      }),
      RUNS,
    );
  });

  it('a dated query answered from the accounts’ event days equals one answered from the sorted index, after today or the ladder moved', () => {
    const bound = fc.option(fc.oneof(day, fc.constantFrom('2026-13-45', 'soon', '')), { nil: undefined });
    const later = fc.option(fc.record({ today: fc.option(day, { nil: undefined }), outreachDays: fc.option(fc.constantFrom([30], [200, 1.5, 7]), { nil: undefined }) }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 5 }), bound, bound, fc.option(fc.nat(), { nil: undefined }), later, fc.boolean(), (texts, anyFrom, anyTo, pick, change, viaSnapshot) => {
        const build = () => {
          const p = new SnapshotPortfolio({ today });
          texts.forEach((t, i) => p.upsert(`n${i}.md`, t));
          return viaSnapshot ? SnapshotPortfolio.fromSnapshot(JSON.parse(JSON.stringify(p.toSnapshot())), { today }) : p;
        };
        const lazy = build();
        const sorted = build();
        if (change) {
          const partial = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
          lazy.setOptions(partial);
          sorted.setOptions(partial);
        }
        const all = sorted.timeline();
        // Half the time, a one-day window on a real event: the query must find exactly that day's events.
        const on = pick === undefined || all.length === 0 ? undefined : all[pick % all.length]!.date;
        const from = on ?? anyFrom;
        const to = on ?? anyTo;
        const expected = all.filter((e) => (from === undefined || e.date >= from) && (to === undefined || e.date <= to));
        expect(sorted.timeline({ from, to })).toEqual(expected);
        expect(lazy.timeline({ from, to })).toEqual(expected);
        expect(lazy.timeline({ from, to, status: 'overdue' })).toEqual(expected.filter((e) => e.status === 'overdue'));
      }),
      RUNS,
    );
  });

  it('a share of the notes indexed elsewhere and absorbed from its snapshot gives the portfolio of indexing every note in one place', () => {
    // Each share has its own files (a snapshot holds account notes only, so it cannot say that a file
    // became a plain note); within a share names repeat (a note re-read), some notes are not account
    // notes, and the sorted timeline may already exist.
    const entry = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof({ weight: 4, arbitrary: note }, { weight: 1, arbitrary: fc.constantFrom('# plain note\n', '---\ntitle: x\n---\n') }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.nat(), fc.boolean(), fc.boolean(), (entries, cut, sortedFirst, transfer) => {
        const at = entries.length === 0 ? 0 : cut % (entries.length + 1);
        const file = (f: number, i: number) => `${i < at ? 'a' : 'b'}${f}.md`;
        const whole = new SnapshotPortfolio({ today });
        entries.forEach(([f, t], i) => whole.upsert(file(f, i), t));
        const here = new SnapshotPortfolio({ today });
        const there = new SnapshotPortfolio({ today });
        entries.forEach(([f, t], i) => (i < at ? here : there).upsert(file(f, i), t));
        if (sortedFirst) here.timeline();
        // As persisted (renumbered strings) or as handed to another thread (the whole table as it is).
        here.absorb(JSON.parse(JSON.stringify(transfer ? there.toTransfer() : there.toSnapshot())));
        expect(here.timeline()).toEqual(whole.timeline());
        expect(here.allProblems()).toEqual(whole.allProblems());
        expect(here.staleFiles()).toEqual([]);
        // Same records in the same order, with the same strings: the snapshots are equal.
        expect(here.toSnapshot()).toEqual(whole.toSnapshot());
      }),
      RUNS,
    );
  });
});
