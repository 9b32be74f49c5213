import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAccountNote } from './account.js';
import { accountNote } from './__fixtures__/notes.js';
import { computeMetrics, percent } from './metrics.js';

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
