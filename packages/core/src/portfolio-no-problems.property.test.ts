/**
 * `problems: false`: an index whose problems nobody reads skips the headings, the stakeholder table
 * and the checks. These properties pin that it loses nothing else: the timeline, the accounts and
 * the dated queries are those of the full index, note after note, live, through edits, restored
 * from a snapshot and absorbed from another thread's share.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { accountNoteFromCache } from './cached.js';
import { Portfolio } from './portfolio.js';
import { SnapshotPortfolio } from './snapshot.js';

const RUNS = { numRuns: Number(process.env['BATON_FC_RUNS'] ?? 150) };
const today = '2026-11-22';

const day = fc
  .record({ y: fc.integer({ min: 2024, max: 2028 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const name = fc.constantFrom('Acme', 'アクメ株式会社', 'Sato', '佐藤 美咲', "O'Brien");
const frontmatter = fc
  .record({
    account: name,
    start: fc.oneof(day, fc.constantFrom('2026-02-30', 'soon')),
    term: fc.oneof(fc.integer({ min: 1, max: 36 }), fc.constantFrom(0, 'x')),
    stage: fc.option(fc.constantFrom('handoff', 'onboarding', 'running', 'churned', '運用'), { nil: undefined }),
    kickoff: fc.option(day, { nil: undefined }),
    notice: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    csm: fc.option(name, { nil: undefined }),
    locale: fc.option(fc.constantFrom('en', 'ja'), { nil: undefined }),
    broken: fc.constantFrom('', 'tags: [a, b', 'nested:\n  x: 1'),
  })
  .map((f) =>
    [
      'baton: account',
      `account: ${JSON.stringify(f.account)}`,
      `contract_start: ${f.start}`,
      `term_months: ${f.term}`,
      f.stage && `stage: ${f.stage}`,
      f.kickoff && `kickoff_date: ${f.kickoff}`,
      f.notice !== undefined && `notice_days: ${f.notice}`,
      f.csm && `csm_owner: ${JSON.stringify(f.csm)}`,
      f.locale && `locale: ${f.locale}`,
      f.broken,
    ].filter((l): l is string => typeof l === 'string' && l !== ''),
  );
const task = fc
  .record({ status: fc.constantFrom(' ', 'x', '-'), title: name, due: fc.option(day, { nil: undefined }), id: fc.option(fc.constantFrom('renewal.call', 'onboarding.kickoff'), { nil: undefined }) })
  .map((t) => `- [${t.status}] ${t.title}${t.id ? ` <!-- baton:${t.id} {contract_start+7d} -->` : ''}${t.due ? ` 📅 ${t.due}` : ''}`);
const table = fc
  .array(fc.tuple(name, fc.constantFrom('Decision maker', '決裁者', 'Champion', ''), fc.constantFrom('yes', ''), fc.oneof(day, fc.constant(''))), { maxLength: 3 })
  .map((rows) => ['| Name | Role | Key person | Last contact |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
const body = fc.array(fc.oneof(task, fc.constantFrom('## Stakeholders', '## Handoff', '### Why they bought', '```', 'text'), table), { maxLength: 10 });
const note = fc.tuple(frontmatter, body).map(([fm, b]) => ['---', ...fm, '---', '# Acme', ...b].join('\n'));
const plain = fc.constantFrom('# plain note\n', '---\ntitle: x\n---\n', '---\nbaton: account\n');
const entry = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.oneof({ weight: 5, arbitrary: note }, { weight: 1, arbitrary: plain }));

describe('a Portfolio that keeps no problems', () => {
  it('reads a note for the timeline only: the same frontmatter, account and checklist items as the whole parse', () => {
    fc.assert(
      fc.property(note, fc.constantFrom(undefined, 'en' as const, 'ja' as const), (text, locale) => {
        const whole = parseAccountNote(text, locale ? { locale } : {});
        const lite = parseAccountNote(text, locale ? { locale, timelineOnly: true } : { timelineOnly: true });
        expect(lite.kind).toBe(whole.kind);
        expect(lite.account).toEqual(whole.account);
        expect(lite.tasks).toEqual(whole.tasks);
        expect(lite.frontmatter).toEqual(whole.frontmatter);
        expect(lite.locale).toBe(whole.locale);
        expect(lite.headings).toEqual([]);
        expect(lite.stakeholders).toBeUndefined();
        // The frontmatter's own problems stay (they decide whether there is an account at all).
        expect(lite.problems).toEqual(whole.problems.filter((p) => !p.code.startsWith('stakeholders.')));
      }),
      RUNS,
    );
  });

  it('gives the full index’s timeline, accounts and dated queries through edits, renames and removals', () => {
    const step = fc.oneof(
      { weight: 5, arbitrary: entry.map(([f, t]) => ({ op: 'upsert' as const, f, t })) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }).map((f) => ({ op: 'remove' as const, f })) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })).map(([f, g]) => ({ op: 'rename' as const, f, g })) },
      { weight: 1, arbitrary: fc.constantFrom('en' as const, 'ja' as const).map((locale) => ({ op: 'locale' as const, locale })) },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 10 }), fc.boolean(), (steps, sortedFirst) => {
        const full = new Portfolio({ today });
        const lite = new Portfolio({ today, problems: false });
        if (sortedFirst) lite.timeline();
        for (const s of steps) {
          for (const p of [full, lite]) {
            if (s.op === 'upsert') p.upsert(`n${s.f}.md`, s.t);
            else if (s.op === 'remove') p.remove(`n${s.f}.md`);
            else if (s.op === 'rename') p.rename(`n${s.f}.md`, `n${s.g}.md`);
            else p.setOptions({ locale: s.locale });
          }
        }
        expect(lite.size).toBe(full.size);
        expect(lite.accounts()).toEqual(full.accounts());
        expect(lite.timeline({ from: '2026-01-01', to: '2027-06-30' })).toEqual(full.timeline({ from: '2026-01-01', to: '2027-06-30' }));
        expect(lite.timeline()).toEqual(full.timeline());
        expect(lite.timelineSummary()).toEqual(full.timelineSummary());
        expect([...lite.indexed()].map((a) => [a.file, a.account, a.tasks()])).toEqual([...full.indexed()].map((a) => [a.file, a.account, a.tasks()]));
      }),
      RUNS,
    );
  });

  it('keeps the same timeline from the host’s own parse (Obsidian’s metadata cache)', () => {
    fc.assert(
      fc.property(note, (text) => {
        const full = new Portfolio({ today });
        const lite = new Portfolio({ today, problems: false });
        const whole = parseAccountNote(text);
        const cache = { frontmatter: whole.frontmatter.data, listItems: whole.tasks.map((t) => ({ task: t.status, position: { start: { line: t.line } } })) };
        full.upsert('a.md', text, cache);
        const note = lite.upsert('a.md', text, cache);
        expect(note.tasks).toEqual(accountNoteFromCache(text, cache).tasks);
        expect(lite.timeline()).toEqual(full.timeline());
      }),
      RUNS,
    );
  });

  it('restores from its snapshot, and absorbs another thread’s share, as the full index does', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.nat(), fc.boolean(), (entries, cut, transfer) => {
        const at = entries.length === 0 ? 0 : cut % (entries.length + 1);
        const file = (f: number, i: number) => `${i < at ? 'a' : 'b'}${f}.md`;
        const full = new SnapshotPortfolio({ today });
        entries.forEach(([f, t], i) => full.upsert(file(f, i), t));
        const here = new SnapshotPortfolio({ today, problems: false });
        const there = new SnapshotPortfolio({ today, problems: false });
        entries.forEach(([f, t], i) => (i < at ? here : there).upsert(file(f, i), t));
        here.absorb(JSON.parse(JSON.stringify(transfer ? there.toTransfer() : there.toSnapshot())));
        expect(here.timeline()).toEqual(full.timeline());
        const restored = SnapshotPortfolio.fromSnapshot(JSON.parse(JSON.stringify(here.toSnapshot())), { today, locale: 'ja', problems: false });
        full.setOptions({ locale: 'ja' });
        expect(restored.timeline()).toEqual(full.timeline());
        // Its records depend on no language: nothing to read again for another one.
        expect(restored.staleFiles()).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('problems: false', () => {
  it('labels follow the language option, and the note’s own language once the option is unset, with no note read again', () => {
    const en = ['---', 'baton: account', 'account: Acme', 'contract_start: 2026-04-01', 'term_months: 12', 'locale: en', '---', ''].join('\n');
    const ja = en.replace('account: Acme', 'account: Beta').replace('locale: en', 'locale: ja');
    for (const problems of [false, true]) {
      const p = new Portfolio({ today, locale: 'ja', problems });
      p.upsert('en.md', en);
      p.upsert('ja.md', ja);
      expect(p.accounts().map((a) => [a.file, a.locale])).toEqual([['en.md', 'en'], ['ja.md', 'ja']]);
      const label = (file: string) => p.timeline().find((e) => e.file === file && e.kind === 'renewal')?.title;
      expect([label('en.md'), label('ja.md')]).toEqual(['更新日', '更新日']);
      p.setOptions({ locale: undefined });
      const fresh = new Portfolio({ today, problems });
      fresh.upsert('en.md', en);
      fresh.upsert('ja.md', ja);
      expect(p.timeline()).toEqual(fresh.timeline());
      expect(label('en.md')).not.toBe(label('ja.md'));
    }
  });

  const text = ['---', 'baton: account', 'account: Acme', 'contract_start: 2026-04-01', 'term_months: 12', '---', '## Stakeholders', '| Name | Role | Key person |', '|---|---|---|', '| Sato | Decision maker | yes |'].join('\n');

  it('refuses to answer for problems it never worked out', () => {
    const p = new Portfolio({ today, problems: false });
    p.upsert('a.md', text);
    expect(() => p.problems('a.md')).toThrow(/keeps no problems/);
    expect(() => p.allProblems()).toThrow(/keeps no problems/);
    const [a] = [...p.indexed()];
    expect(a?.account?.account).toBe('Acme');
    expect(() => a?.problems()).toThrow(/keeps no problems/);
  });

  it('is fixed when the Portfolio is made: setOptions keeps it', () => {
    const lite = new Portfolio({ today, problems: false });
    lite.setOptions({ locale: 'ja', ...({ problems: true } as object) });
    lite.upsert('a.md', text);
    expect(() => lite.problems('a.md')).toThrow(/keeps no problems/);
    const full = new Portfolio({ today });
    full.setOptions({ ...({ problems: false } as object) });
    full.upsert('a.md', text);
    expect(full.problems('a.md')).toEqual(expect.any(Array));
  });

  it('leaves out what only the checks need: the stakeholder table is not read', () => {
    const lite = new Portfolio({ today, problems: false });
    const note = lite.upsert('a.md', text);
    expect(note.stakeholders).toBeUndefined();
    expect(note.headings).toEqual([]);
    expect(new Portfolio({ today }).upsert('a.md', text).stakeholders?.rows.length).toBe(1);
  });

  it('a full index restoring a snapshot made without problems reads every note again', () => {
    const lite = new SnapshotPortfolio({ today, problems: false });
    lite.upsert('a.md', text);
    lite.upsert('b.md', text.replace('Acme', 'Beta'));
    const full = SnapshotPortfolio.fromSnapshot(JSON.parse(JSON.stringify(lite.toSnapshot())), { today });
    expect(full.staleFiles().sort()).toEqual(['a.md', 'b.md']);
    // And the other way round: a snapshot made with problems serves an index that keeps none.
    const withProblems = new SnapshotPortfolio({ today, locale: 'ja' });
    withProblems.upsert('a.md', text);
    const back = SnapshotPortfolio.fromSnapshot(JSON.parse(JSON.stringify(withProblems.toSnapshot())), { today, locale: 'ja', problems: false });
    expect(back.staleFiles()).toEqual([]);
    expect(back.timeline()).toEqual(withProblems.timeline());
  });
});
