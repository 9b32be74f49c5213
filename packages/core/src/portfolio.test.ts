import { describe, expect, it } from 'vitest';
import { accountNote } from './__fixtures__/notes.js';
import { buildPortfolioTimeline } from './timeline.js';
import { parseAccountNote } from './account.js';
import { Portfolio } from './portfolio.js';

const today = '2026-11-22';

describe('Portfolio', () => {
  it('leaves cancelled checklist items off the timeline, on both paths and in the day index', () => {
    const body = '## Checklists\n\n- [ ] open 📅 2027-01-11\n- [x] done 📅 2027-01-12\n- [-] cancelled 📅 2027-01-13\n- [/] started 📅 2027-01-14\n';
    const text = accountNote({ account: 'C' }, body);
    const p = new Portfolio({ today });
    p.upsert('c.md', text);
    const tasks = (events: readonly { kind: string; title: string; status: string }[]) => events.filter((e) => e.kind === 'task').map((e) => `${e.title}:${e.status}`);
    expect(tasks(p.timeline())).toEqual(['open:upcoming', 'done:done', 'started:upcoming']);
    expect(tasks(buildPortfolioTimeline([{ file: 'c.md', note: parseAccountNote(text) }], { today }))).toEqual(['open:upcoming', 'done:done', 'started:upcoming']);
    // Before the sorted timeline exists, a day query reads the records' day index.
    const fresh = new Portfolio({ today });
    fresh.upsert('c.md', text);
    expect(fresh.timeline({ from: '2027-01-13', to: '2027-01-13' })).toEqual([]);
    expect(tasks(fresh.timeline({ from: '2027-01-12', to: '2027-01-14' }))).toEqual(['done:done', 'started:upcoming']);
  });

  it('matches a full rebuild after upserts, edits, renames and removals', () => {
    const p = new Portfolio({ today });
    const texts = new Map<string, string>();
    const put = (f: string, t: string) => {
      texts.set(f, t);
      p.upsert(f, t);
    };
    put('a.md', accountNote({ account: 'A' }));
    put('b.md', accountNote({ account: 'B', contract_start: '2026-01-10' }));
    expect(p.timeline().length).toBeGreaterThan(0); // builds the sorted cache; later changes splice into it
    put('c.md', accountNote({ account: 'C', kickoff_date: '2026-05-01' }, '- [ ] x 📅 2026-11-30\n'));
    put('a.md', accountNote({ account: 'A', contract_start: '2026-02-01' }));
    p.rename('b.md', 'sub/b.md');
    texts.set('sub/b.md', texts.get('b.md')!);
    texts.delete('b.md');
    p.remove('c.md');
    texts.delete('c.md');
    put('note.md', '# not an account');
    const full = buildPortfolioTimeline([...texts].map(([file, t]) => ({ file, note: parseAccountNote(t) })), { today });
    expect(p.timeline()).toEqual(full);
    expect(p.size).toBe(2);
    expect(p.accounts().map((a) => a.file)).toEqual(['a.md', 'sub/b.md']);
  });

  it('keeps its sorted timeline when a view sets the same options again, and rebuilds it when one changed', () => {
    const p = new Portfolio({ today, locale: 'en', outreachDays: [90, 30] });
    p.upsert('a.md', accountNote({ account: 'A' }));
    const first = p.timeline()[0];
    // Same values, new objects: what a view passes before each render.
    p.setOptions({ today: '2026-11-22', locale: 'en', outreachDays: [90, 30] });
    expect(p.timeline()[0]).toBe(first);
    for (const change of [{ today: '2026-11-23' }, { locale: 'ja' as const }, { outreachDays: [90] }, { dueSoonDays: 3 }, { keyPersonContactDays: 10 }, { firstContactBusinessDays: 2 }]) {
      const before = p.timeline()[0];
      p.setOptions(change);
      expect(p.timeline()[0]).not.toBe(before);
    }
    expect(p.today).toBe('2026-11-23');
    // A host that changes its settings array in place does not change the Portfolio's ladder.
    const ladder = [90, 30];
    p.setOptions({ outreachDays: ladder });
    const kept = p.timeline().filter((e) => e.kind === 'outreach').length;
    ladder.push(60);
    p.setOptions({ outreachDays: ladder });
    expect(p.timeline().filter((e) => e.kind === 'outreach').length).toBeGreaterThan(kept);
  });

  it('drops a note that stops being an account', () => {
    const p = new Portfolio({ today });
    p.upsert('a.md', accountNote());
    p.timeline();
    p.upsert('a.md', '# plain now');
    expect(p.size).toBe(0);
    expect(p.timeline()).toEqual([]);
  });

  it('keeps problems per file and recomputes statuses when today moves', () => {
    const p = new Portfolio({ today });
    p.upsert('a.md', accountNote({ renewal_owner: 'Sato' }));
    expect(p.problems('a.md').map((x) => x.code)).toContain('owners.renewal-equals-csm');
    const before = p.timeline({ kind: 'renewal' })[0]!.status;
    p.setOptions({ today: '2027-04-01' });
    expect(before).toBe('upcoming');
    expect(p.timeline({ kind: 'renewal' })[0]!.status).toBe('done');
  });
});
