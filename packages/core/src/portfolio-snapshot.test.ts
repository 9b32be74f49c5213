import { describe, expect, it } from 'vitest';
import { accountNote } from './__fixtures__/notes.js';
import { decode, encode, Portfolio } from './portfolio.js';
import { SnapshotPortfolio } from './snapshot.js';
import { StringPool } from './string-pool.js';

const today = '2026-11-22';

describe('Portfolio snapshots', () => {
  const p = new SnapshotPortfolio({ today });
  p.upsert('a.md', accountNote({ account: 'A', renewal_owner: 'Sato' }, '- [ ] x 📅 2026-11-30 <!-- baton:renewal.call -->\n'));
  p.upsert('b.md', accountNote({ account: 'B', contract_start: '2026-01-10' }));
  p.upsert('broken.md', '---\nbaton: account\naccount: C\n---\n');

  it('round-trips through JSON without reading a note', () => {
    const q = SnapshotPortfolio.fromSnapshot(JSON.parse(JSON.stringify(p.toSnapshot())), { today });
    expect(q.timeline()).toEqual(p.timeline());
    expect(q.allProblems()).toEqual(p.allProblems());
    expect(q.accounts()).toEqual(p.accounts());
    expect(q.staleFiles()).toEqual([]);
  });

  it('restored on another day, needs no note read again: the dated problems follow today', () => {
    const later = '2027-02-01';
    const q = SnapshotPortfolio.fromSnapshot(p.toSnapshot(), { today: later });
    expect(q.staleFiles()).toEqual([]);
    expect(q.timeline({ kind: 'renewal' })).toHaveLength(2);
    // b.md renews on 2027-01-10: passed by then, and the same problems as a note read that day.
    expect(q.problems('b.md').map((x) => x.code)).toContain('renewal.passed');
    const fresh = new SnapshotPortfolio({ today: later });
    fresh.upsert('b.md', accountNote({ account: 'B', contract_start: '2026-01-10' }));
    expect(q.problems('b.md')).toEqual(fresh.problems('b.md'));
  });

  it('lists files whose problems were computed in another language', () => {
    const q = SnapshotPortfolio.fromSnapshot(p.toSnapshot(), { today, locale: 'ja' });
    expect(q.staleFiles().sort()).toEqual(['a.md', 'b.md', 'broken.md']);
  });

  it('ignores a snapshot of an unknown version', () => {
    expect(SnapshotPortfolio.fromSnapshot({ version: 2 } as never, { today }).size).toBe(0);
  });

  it('updates a bounded query after one upsert', () => {
    const q = SnapshotPortfolio.fromSnapshot(p.toSnapshot(), { today });
    expect(q.timeline({ from: '2026-11-30', to: '2026-11-30', kind: 'task' })).toHaveLength(1);
    q.upsert('a.md', accountNote({ account: 'A' }, '- [x] x 📅 2026-11-30\n- [ ] y 📅 2026-11-30\n'));
    expect(q.timeline({ from: '2026-11-30', to: '2026-11-30', kind: 'task' }).map((e) => e.status)).toEqual(['done', 'due-soon']);
  });
});

describe('StringPool', () => {
  it('returns one shared copy per distinct string', () => {
    const pool = new StringPool(2);
    const long = 'a checklist title that is long';
    const a = pool.intern(long.slice(2));
    expect(pool.intern(`${long.slice(2, 10)}${long.slice(10)}`)).toBe(a);
    pool.intern('x');
    pool.intern('y');
    expect(pool.size).toBeLessThanOrEqual(2);
  });
});

describe('damaged snapshots', () => {
  it('lists records whose packed data does not fit the string table as stale, and restores the rest', () => {
    const p = new SnapshotPortfolio({ today });
    p.upsert('a.md', accountNote({ account: 'A' }, '- [ ] x 📅 2026-11-30\n'));
    p.upsert('b.md', accountNote({ account: 'B' }));
    const snap = p.toSnapshot();
    const bad = snap.records.find((r) => r[0] === 'a.md')!;
    const data = decode(bad[1]);
    bad[1] = encode([...data.slice(0, -5), snap.strings.length + 999, ...data.slice(-4)]); // a problem code off the table
    const q = SnapshotPortfolio.fromSnapshot(snap, { today });
    expect(q.staleFiles()).toEqual(['a.md']);
    expect(q.has('b.md')).toBe(true);
    q.upsert('a.md', accountNote({ account: 'A' }));
    expect(q.staleFiles()).toEqual([]);
  });

  it('lists records with an index off the string table, a stray character or messages of the wrong length as stale', () => {
    const p = new SnapshotPortfolio({ today });
    p.upsert('a.md', accountNote({ account: 'A', renewal_owner: 'Sato' }, '- [ ] x 📅 2026-11-30\n'));
    const good = p.toSnapshot();
    const [file, data, text] = good.records[0]!;
    expect(SnapshotPortfolio.fromSnapshot(good, { today }).staleFiles()).toEqual([]);
    const damaged: [string, string][] = [
      [encode([...decode(data).slice(0, -5), good.strings.length, ...decode(data).slice(-4)]), text], // a problem code off the table
      [`${data.slice(0, 3)}!${data.slice(4)}`, text],
      [`${data}]`, text],
      [data.slice(0, -1), text],
      [data, `${text}x`],
    ];
    for (const [d, t] of damaged) {
      const q = SnapshotPortfolio.fromSnapshot({ ...good, records: [[file, d, t]] }, { today });
      expect(q.size).toBe(0);
      expect(q.staleFiles()).toEqual(['a.md']);
    }
  });

  it('restores a snapshot of the previous version (version 1) as empty', () => {
    const v1 = { version: 1, strings: ['2026-11-30'], records: [['a.md', null, [-1, -1, -1, -1, -1], 'en', `${today}||`, []]] };
    expect(SnapshotPortfolio.fromSnapshot(v1 as never, { today }).size).toBe(0);
  });

  it('restores a snapshot of version 3 (dates by table index) as empty, not misread', () => {
    const p = new SnapshotPortfolio({ today });
    p.upsert('a.md', accountNote({ account: 'Acme' }, '- [ ] t 📅 2026-12-01\n'));
    const v4 = p.toSnapshot();
    expect(v4.version).toBe(4);
    expect(SnapshotPortfolio.fromSnapshot({ ...v4, version: 3 } as never, { today }).size).toBe(0);
    expect(SnapshotPortfolio.fromSnapshot(v4, { today }).accounts()).toEqual(p.accounts());
  });
});

describe('Portfolio storage under churn', () => {
  it('keeps every record intact while edits recycle the packed-number arena', () => {
    const p = new SnapshotPortfolio({ today });
    const tasks = (n: number) => Array.from({ length: n }, (_, i) => `- [ ] t${i} 📅 2026-12-${String((i % 28) + 1).padStart(2, '0')}\n`).join('');
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 40; i++) p.upsert(`n${i}.md`, accountNote({ account: `A${i}` }, tasks(((i + round) % 7) + 1)));
    }
    const fresh = new Portfolio({ today });
    for (let i = 0; i < 40; i++) fresh.upsert(`n${i}.md`, accountNote({ account: `A${i}` }, tasks(((i + 29) % 7) + 1)));
    expect(p.timeline()).toEqual(fresh.timeline());
    expect(SnapshotPortfolio.fromSnapshot(p.toSnapshot(), { today }).timeline()).toEqual(fresh.timeline());
  });

  it('replaces the target when a note is renamed onto an indexed file', () => {
    const p = new Portfolio({ today });
    p.upsert('a.md', accountNote({ account: 'A' }));
    p.upsert('b.md', accountNote({ account: 'B' }));
    p.timeline();
    p.rename('a.md', 'b.md');
    expect(p.size).toBe(1);
    expect(new Set(p.timeline().map((e) => e.account))).toEqual(new Set(['A']));
  });
});

describe('snapshots of shares of the notes', () => {
  it('absorbed into one portfolio, give the same portfolio as indexing every note in one place', () => {
    const notes: [string, string][] = Array.from({ length: 9 }, (_, i) => [
      `n${i}.md`,
      accountNote({ account: `A${i}`, contract_start: `2026-0${(i % 9) + 1}-01` }, `- [ ] call ${i % 3} 📅 2026-12-0${(i % 9) + 1} <!-- baton:renewal.c${i % 2} -->\n`),
    ]);
    const whole = new SnapshotPortfolio({ today });
    for (const [f, t] of notes) whole.upsert(f, t);
    const shares = [new SnapshotPortfolio({ today }), new SnapshotPortfolio({ today })];
    notes.forEach(([f, t], i) => shares[i % 2]!.upsert(f, t));
    const merged = new SnapshotPortfolio({ today });
    for (const s of shares) merged.absorb(JSON.parse(JSON.stringify(s.toSnapshot())));
    expect(merged.size).toBe(9);
    expect(merged.staleFiles()).toEqual([]);
    const byFile = (p: Portfolio) => [...p.timeline()].sort((a, b) => (a.file + a.date + a.title).localeCompare(b.file + b.date + b.title));
    expect(byFile(merged)).toEqual(byFile(whole));
  });
});

describe('absorbing another portfolio’s snapshot', () => {
  const other = () => {
    const q = new SnapshotPortfolio({ today });
    q.upsert('a.md', accountNote({ account: 'A2', renewal_owner: 'Sato' }, '- [ ] call 📅 2026-12-01 <!-- baton:renewal.call -->\n'));
    q.upsert('c.md', accountNote({ account: 'C' }));
    return q.toSnapshot();
  };

  it('replaces a file it already had, in its place, and keeps a built timeline in step', () => {
    const p = new SnapshotPortfolio({ today });
    p.upsert('a.md', accountNote({ account: 'A' }));
    p.upsert('b.md', accountNote({ account: 'B' }));
    p.timeline();
    p.absorb(other());
    expect([...p.indexed()].map((x) => [x.file, x.account?.account])).toEqual([
      ['a.md', 'A2'],
      ['b.md', 'B'],
      ['c.md', 'C'],
    ]);
    const fresh = new SnapshotPortfolio({ today });
    fresh.upsert('a.md', accountNote({ account: 'A2', renewal_owner: 'Sato' }, '- [ ] call 📅 2026-12-01 <!-- baton:renewal.call -->\n'));
    fresh.upsert('b.md', accountNote({ account: 'B' }));
    fresh.upsert('c.md', accountNote({ account: 'C' }));
    expect(p.timeline()).toEqual(fresh.timeline());
    expect(p.allProblems()).toEqual(fresh.allProblems());
  });

  it('drops a damaged record and lists its file to be read again; the others arrive', () => {
    const snap = other();
    snap.records[0]![1] = snap.records[0]![1].slice(0, -1);
    const p = new SnapshotPortfolio({ today });
    p.upsert('a.md', accountNote({ account: 'A' }));
    p.absorb(snap);
    expect(p.has('a.md')).toBe(false);
    expect(p.has('c.md')).toBe(true);
    expect(p.staleFiles()).toEqual(['a.md']);
    p.upsert('a.md', accountNote({ account: 'A' }));
    expect(p.staleFiles()).toEqual([]);
  });

  it('ignores a snapshot of another version, and lists files whose problems are in another language', () => {
    const p = new SnapshotPortfolio({ today });
    p.absorb({ ...other(), version: 3 } as unknown as ReturnType<typeof other>);
    expect(p.size).toBe(0);
    const ja = new SnapshotPortfolio({ today, locale: 'ja' });
    ja.absorb(other());
    expect(ja.staleFiles().sort()).toEqual(['a.md', 'c.md']);
  });
});
