import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAccountNote } from './account.js';
import { accountNote } from './__fixtures__/notes.js';
import { computeMetrics, percent, portfolioMetrics } from './metrics.js';
import { dayNumber, fromDayNumber } from './day-number.js';
import { Portfolio } from './portfolio.js';

const opts = { from: '2026-04-01', to: '2027-03-31', today: '2026-11-22' };
const entry = (file: string, f: Record<string, string | number>) => ({ file, note: parseAccountNote(accountNote(f)) });

describe('computeMetrics', () => {
  it('computes NRR and GRR from integers (100M → 70M is 70%)', () => {
    const m = computeMetrics(
      [
        entry('a.md', { account: 'A', contract_start: '2025-04-01', arr_start: 50_000_000, arr: 60_000_000, currency: 'JPY' }),
        entry('b.md', { account: 'B', contract_start: '2025-04-01', arr_start: 30_000_000, arr: 10_000_000, currency: 'JPY' }),
        entry('c.md', { account: 'C', contract_start: '2025-04-01', arr_start: 20_000_000, stage: 'churned', currency: 'JPY' }),
        entry('d.md', { account: 'New', contract_start: '2026-06-01', arr_start: 99_000_000, currency: 'JPY' }),
      ],
      opts,
    );
    expect(m.retention).toMatchObject({ cohort: 3, startArr: 100_000_000, endArr: 70_000_000, expansion: 10_000_000, contraction: 20_000_000, churned: 20_000_000, nrrPercent: 70, grrPercent: 60 });
    expect(m.stageCounts).toMatchObject({ onboarding: 3, churned: 1 });
  });

  it('separates currencies and lists accounts without arr_start', () => {
    const m = computeMetrics([entry('a.md', { contract_start: '2025-01-01', arr_start: 100, currency: 'USD' }), entry('b.md', { account: 'B', contract_start: '2025-01-01', currency: 'JPY' })], opts);
    expect(m.retentionByCurrency.map((r) => r.currency).sort()).toEqual(['JPY', 'USD']);
    expect(m.retentionByCurrency.find((r) => r.currency === 'JPY')?.missingArrStart).toEqual(['B']);
  });

  it('lists at-risk accounts with reasons', () => {
    const m = computeMetrics([entry('a.md', { renewal_owner: 'Sato', health: 'red' })], opts);
    expect(m.atRisk[0]?.account).toBe('Acme');
    expect(m.atRisk[0]?.reasons.join(' ')).toMatch(/Health is red/);
  });

  it('percent never drifts and handles huge sums exactly', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 52 }), (n) => {
        expect(percent(n, n)).toBe(100);
        expect(percent(n * 2 > Number.MAX_SAFE_INTEGER ? n : n * 2, n)).toBe(n * 2 > Number.MAX_SAFE_INTEGER ? 100 : 200);
      }),
    );
  });
});

describe('portfolioMetrics', () => {
  const day = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2028-12-31') }).map(fromDayNumber);
  const account = fc.record({
    account: fc.constantFrom('Acme', 'アクメ', 'Borealis', 'Cobalt'),
    contract_start: day,
    stage: fc.constantFrom('onboarding', 'running', 'adoption', 'renewal', 'churned', '解約'),
    arr_start: fc.option(fc.constantFrom(0, 1, 120_000, 99_000_000, '-0', '3.5'), { nil: undefined }),
    arr: fc.option(fc.constantFrom(0, 80_000, 150_000, 1e15), { nil: undefined }),
    currency: fc.option(fc.constantFrom('JPY', 'USD'), { nil: undefined }),
    health: fc.option(fc.constantFrom('green', 'red'), { nil: undefined }),
    csm_owner: fc.option(fc.constantFrom('Sato', 'Abe'), { nil: undefined }),
    renewal_owner: fc.option(fc.constantFrom('Sato', 'Ito'), { nil: undefined }),
  });
  const task = fc.record({ done: fc.boolean(), due: day }).map((t) => `- [${t.done ? 'x' : ' '}] Call ${t.due} 📅 ${t.due}`);
  const row = fc.record({ name: fc.constantFrom('Sato', 'Ito', '佐藤'), key: fc.constantFrom('✓', ''), contact: fc.option(day, { nil: undefined }) }).map((r) => `| ${r.name} | Decision maker | ${r.key} | ${r.contact ?? ''} |`);
  const note = fc.tuple(account, fc.array(task, { maxLength: 4 }), fc.array(row, { maxLength: 3 })).map(([a, tasks, rows]) => {
    const fields = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
    const table = ['## Stakeholders', '| Name | Role | Key person | Last contact |', '| --- | --- | --- | --- |', ...rows].join('\n');
    return accountNote(fields, `${tasks.join('\n')}\n\n${table}\n`);
  });

  it('gives computeMetrics’ answer from the index alone, also after today moved', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 6 }), day, day, fc.constantFrom(undefined, 'en' as const, 'ja' as const), (texts, first, later, locale) => {
        const p = new Portfolio(locale ? { today: first, locale } : { today: first });
        texts.forEach((t, i) => p.upsert(`n${i}.md`, t));
        p.setOptions({ today: later });
        const options = { from: '2026-04-01', to: '2027-03-31', today: later, ...(locale ? { locale } : {}) };
        const notes = texts.map((t, i) => ({ file: `n${i}.md`, note: parseAccountNote(t, locale ? { locale } : {}) }));
        expect(portfolioMetrics(p, options)).toEqual(computeMetrics(notes, options));
      }),
      { numRuns: 200 },
    );
  });
});
