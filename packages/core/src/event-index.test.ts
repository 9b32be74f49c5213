import { describe, expect, it } from 'vitest';
import { EventIndex } from './event-index.js';
import { sortEvents, type TimelineEvent } from './timeline.js';

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
});
