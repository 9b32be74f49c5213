import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventIndex } from './event-index.js';
import { EVENT_KINDS, sortEvents, timelineChoices, type TimelineEvent } from './timeline.js';
import { STAGES } from './account.js';

const ev = (date: string, account: string, line = 1): TimelineEvent => ({ id: `${account}#${date}#${line}`, date, kind: 'task', account, file: `${account}.md`, line, owner: undefined, stage: 'running', status: 'upcoming', title: 't' });

describe('EventIndex', () => {
  it('keeps timeline order through inserts and removals', () => {
    const a = [ev('2026-03-01', 'B'), ev('2026-01-01', 'A'), ev('2026-03-01', 'A')];
    const b = [ev('2026-02-01', 'C'), ev('2026-03-01', 'AA', 2)];
    const index = EventIndex.from(a);
    index.insert(b);
    expect(index.all()).toEqual(sortEvents([...a, ...b]));
    index.remove([a[1]!, b[1]!]);
    expect(index.all()).toEqual(sortEvents([a[0]!, a[2]!, b[0]!]));
    expect(index.size).toBe(3);
  });

  it('answers inclusive date ranges from the buckets', () => {
    const index = EventIndex.from([ev('2026-01-01', 'A'), ev('2026-02-01', 'A'), ev('2026-03-01', 'A')]);
    expect(index.range('2026-01-15', '2026-03-01').map((e) => e.date)).toEqual(['2026-02-01', '2026-03-01']);
    expect(index.range(undefined, '2026-01-01')).toHaveLength(1);
  });

  it('built from accounts in (account, file) order, holds the same events in the same order as built from them all', () => {
    // Few dates, accounts and lines, so days hold many events, account names repeat across files
    // and one account's events on one day come in any kind and line order.
    const event = fc.record({
      date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-01'),
      kind: fc.constantFrom(...EVENT_KINDS),
      line: fc.integer({ min: 1, max: 4 }),
    });
    const account = fc.record({ account: fc.constantFrom('A', 'B', 'アクメ', 'a'), file: fc.constantFrom('x.md', 'y.md', 'z/x.md'), events: fc.array(event, { minLength: 1, maxLength: 8 }) });
    fc.assert(
      fc.property(fc.uniqueArray(account, { selector: (a) => a.file, maxLength: 4 }), (accounts) => {
        const lists = accounts.map(({ account, file, events }) =>
          events.map((e, i): TimelineEvent => ({ ...e, id: `${file}#${i}`, account, file, owner: undefined, stage: 'running', status: 'upcoming', title: 't' })),
        );
        const ordered = [...lists].sort((x, y) => (x[0]!.account < y[0]!.account ? -1 : x[0]!.account > y[0]!.account ? 1 : x[0]!.file < y[0]!.file ? -1 : 1));
        const index = EventIndex.fromAccounts(ordered);
        // Ids are unique, so equal lists hold the same events in the same order (ties included).
        expect(index.all()).toStrictEqual(sortEvents(lists.flat()));
        expect(EventIndex.from(lists.flat()).all()).toStrictEqual(sortEvents(lists.flat()));
        expect(index.all().every((e, i, all) => i === 0 || all[i - 1]!.date <= e.date)).toBe(true);
        expect(index.size).toBe(lists.flat().length);
      }),
      { numRuns: 300 },
    );
  });

  it('summarises choices and status counts as a walk over every event does, through any inserts and removals', () => {
    const event = fc.record({
      date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-01'),
      account: fc.constantFrom('A', 'B', 'C'),
      line: fc.integer({ min: 1, max: 4 }),
      kind: fc.constantFrom(...EVENT_KINDS),
      owner: fc.constantFrom(undefined, '', 'Sato', 'Ito', 'ito'),
      stage: fc.constantFrom(...STAGES),
      status: fc.constantFrom('overdue', 'due-soon', 'upcoming', 'done'),
    });
    const step = fc.tuple(fc.boolean(), fc.array(event, { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 3 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.array(step, { maxLength: 8 }), (start, steps) => {
        const made = (e: Omit<TimelineEvent, 'id' | 'file' | 'title'>, i: number): TimelineEvent => ({ id: `${e.account}#${i}`, file: `${e.account}.md`, title: 't', ...e }) as TimelineEvent;
        let n = 0;
        const index = EventIndex.from(start.map((e) => made(e, n++)));
        const walked = () => {
          const counts = { overdue: 0, 'due-soon': 0, upcoming: 0, done: 0 };
          return { choices: timelineChoices(index.all(), counts), counts };
        };
        for (const [ask, adds, picks, again] of steps) {
          // Asked for before, between and after changes: made once, then kept in step.
          if (ask) expect(index.summary()).toEqual(walked());
          index.insert(adds.map((e) => made(e, n++)));
          const all = index.all();
          const gone = picks.map((p) => all[p % Math.max(1, all.length)]).filter((e): e is TimelineEvent => e !== undefined);
          // A removal of an event the index no longer holds changes nothing (again: the same ones twice).
          index.remove(again ? [...gone, ...gone] : gone);
        }
        expect(index.summary()).toEqual(walked());
      }),
      { numRuns: 1500 },
    );
  });
});
