import { describe, expect, it } from 'vitest';
import { AccountIndex } from './account-index';
import { readVault, FIXTURE_VAULT } from '../test/harness';

const files = readVault(FIXTURE_VAULT);
const acme = files.get('Accounts/Acme Logistics.md') ?? '';

function makeIndex(map = new Map(files)) {
  const index = new AccountIndex({ today: '2026-11-22' }, { candidates: () => [...map.keys()], read: async (p) => map.get(p) ?? Promise.reject(new Error(p)) });
  let notified = 0;
  index.subscribe(() => notified++);
  return { index, map, count: () => notified };
}

describe('AccountIndex', () => {
  it('indexes account notes only and notifies once when built', async () => {
    const { index, count } = makeIndex();
    await index.build(2);
    expect(index.ready).toBe(true);
    expect(count()).toBe(1);
    const accounts = index.portfolio.accounts().map((a) => a.account.account);
    expect(accounts).toContain('Acme Logistics');
    expect(accounts).toContain('株式会社サンプル');
    expect(index.portfolio.has('Meeting notes.md')).toBe(false);
    expect(index.portfolio.timeline().some((e) => e.file === 'Accounts/Acme Logistics.md' && e.kind === 'renewal' && e.date === '2027-03-31')).toBe(true);
  });

  it('skips a file that fails to read instead of failing the build', async () => {
    const { index } = makeIndex();
    const bad = new AccountIndex({ today: '2026-11-22' }, { candidates: () => ['gone.md', 'Accounts/Acme Logistics.md'], read: async (p) => (p === 'gone.md' ? Promise.reject(new Error('x')) : acme) });
    await bad.build();
    expect(bad.portfolio.size).toBe(1);
    void index;
  });

  it('upsert re-reads one note: a changed renewal date moves its event', async () => {
    const { index, count } = makeIndex();
    await index.build();
    const before = count();
    index.upsert('Accounts/Acme Logistics.md', acme.replace('renewal_date: 2027-03-31', 'renewal_date: 2027-06-30'));
    expect(count()).toBe(before + 1);
    const renewal = index.portfolio.timeline({ kind: 'renewal', account: 'Acme Logistics' });
    expect(renewal.map((e) => e.date)).toEqual(['2027-06-30']);
  });

  it('ignores edits to notes that are not and were not accounts', async () => {
    const { index, count } = makeIndex();
    await index.build();
    const before = count();
    index.upsert('Meeting notes.md', '# still not an account');
    expect(count()).toBe(before);
  });

  it('follows renames and deletes', async () => {
    const { index } = makeIndex();
    await index.build();
    index.rename('Accounts/Acme Logistics.md', 'Archive/Acme.md');
    const files = new Set(index.portfolio.timeline().map((e) => e.file));
    expect(files.has('Archive/Acme.md')).toBe(true);
    expect(files.has('Accounts/Acme Logistics.md')).toBe(false);
    index.remove('Archive/Acme.md');
    expect(index.portfolio.timeline().some((e) => e.account === 'Acme Logistics')).toBe(false);
  });

  it('setOptions re-dates statuses without re-reading', async () => {
    const { index } = makeIndex();
    await index.build();
    const status = () => index.portfolio.timeline({ kind: 'task', account: 'Acme Logistics' }).find((e) => e.date === '2026-12-10')?.status;
    expect(status()).toBe('upcoming');
    index.setOptions({ today: '2026-12-01' });
    expect(status()).toBe('due-soon');
    index.setOptions({ today: '2026-12-20' });
    expect(status()).toBe('overdue');
  });

  it('keeps no problems: a new language reads no note again and relabels the timeline', async () => {
    let reads = 0;
    const map = new Map(files);
    const index = new AccountIndex({ today: '2026-11-22' }, { candidates: () => [...map.keys()], read: async (p) => (reads++, map.get(p) ?? '') });
    await index.build();
    // Nothing in the plugin reads the index's problems: it does not keep them.
    expect(() => index.portfolio.allProblems()).toThrow(/problems: false/);
    let notified = 0;
    index.subscribe(() => notified++);
    const read = reads;
    const renewal = () => index.portfolio.timeline({ kind: 'renewal', account: 'Acme Logistics' })[0]?.title;
    expect(renewal()).not.toMatch(/更新/);
    const result: unknown = index.setOptions({ locale: 'ja' });
    expect(result).toBeUndefined(); // nothing to wait for
    expect(reads).toBe(read);
    expect(notified).toBe(1);
    expect(renewal()).toMatch(/更新/);
    // The same timeline as an index that read the notes in Japanese.
    const fresh = new AccountIndex({ today: '2026-11-22', locale: 'ja' }, { candidates: () => [...map.keys()], read: async (p) => map.get(p) ?? '' });
    await fresh.build();
    expect(index.portfolio.timeline()).toEqual(fresh.portfolio.timeline());
  });

  it('unsubscribe stops notifications', async () => {
    const { index } = makeIndex();
    let n = 0;
    const off = index.subscribe(() => n++);
    off();
    await index.build();
    expect(n).toBe(0);
  });

  describe("with Obsidian's cached metadata", () => {
    const text = ['---', 'baton: account', 'account: Cached Co', 'contract_start: 2026-04-01', 'term_months: 12', '---', '', '## Checklists', '', '- [ ] Call the sponsor 📅 2026-12-10', '- [ ] Not a task for Obsidian 📅 2026-12-11', ''].join('\n');
    const cachedFm = { baton: 'account', account: 'Cached Co', contract_start: '2026-04-01', term_months: 12, renewal_date: '2027-01-31', position: { start: 0 } };
    const listItems = [{ task: ' ', position: { start: { line: 9 } } }];

    const indexed = (index: AccountIndex) => index.portfolio.accounts().map((a) => a.account);
    const taskLines = (index: AccountIndex) => index.portfolio.timeline({ kind: 'task' }).map((e) => e.line);

    it('takes the frontmatter and the task lines from the cache instead of parsing them again', () => {
      const index = new AccountIndex({ today: '2026-11-22' }, { candidates: () => [], read: async () => '' });
      index.upsert('Cached.md', text, { frontmatter: cachedFm, listItems });
      // The cache's renewal_date (not in the text) wins: the YAML was not re-read.
      expect(indexed(index).map((a) => a.renewal_date)).toEqual(['2027-01-31']);
      // Only the line the cache calls a task is one (0-based there, 1-based on the timeline).
      expect(taskLines(index)).toEqual([10]);
      expect(index.portfolio.timeline({ kind: 'renewal' }).map((e) => e.date)).toEqual(['2027-01-31']);
    });

    it('reads dates the cache hands over as Date objects as the day written', () => {
      const index = new AccountIndex({ today: '2026-11-22' }, { candidates: () => [], read: async () => '' });
      index.upsert('Cached.md', text, { frontmatter: { ...cachedFm, contract_start: new Date('2026-04-01T00:00:00Z'), renewal_date: undefined } });
      expect(indexed(index).map((a) => [a.contract_start, a.renewal_date])).toEqual([['2026-04-01', '2027-03-31']]);
      expect(index.portfolio.timeline({ kind: 'renewal' }).map((e) => e.date)).toEqual(['2027-03-31']);
    });

    it('parses the note when the cache has nothing for it yet', () => {
      const index = new AccountIndex({ today: '2026-11-22' }, { candidates: () => [], read: async () => '' });
      index.upsert('Cached.md', text, null);
      expect(indexed(index).map((a) => a.renewal_date)).toEqual(['2027-03-31']);
      expect(taskLines(index)).toEqual([10, 11]);
    });

    it('build asks the source for each note\'s cache', async () => {
      const asked: string[] = [];
      const index = new AccountIndex(
        { today: '2026-11-22' },
        { candidates: () => ['Cached.md'], read: async () => text, meta: (p) => (asked.push(p), { frontmatter: cachedFm, listItems }) },
      );
      await index.build();
      expect(asked).toEqual(['Cached.md']);
      expect(index.portfolio.timeline({ kind: 'renewal' }).map((e) => e.date)).toEqual(['2027-01-31']);
    });
  });
});
