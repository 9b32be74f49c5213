import { STAGES, type Account, type AccountNote, type Stage } from './account.js';
import type { IsoDate } from './dates.js';
import { lintAccount } from './lint.js';
import type { Portfolio } from './portfolio.js';
import type { Locale, Problem } from './problems.js';

export interface MetricsOptions {
  /** Period start: the cohort is every account whose contract started on or before this date. */
  from: IsoDate;
  /** Period end (inclusive); only used to label the period. */
  to: IsoDate;
  today: IsoDate;
  locale?: Locale;
  keyPersonContactDays?: number;
}

/** Net and gross revenue retention for one currency. All money is integer; percentages have one decimal. */
export interface Retention {
  currency: string;
  from: IsoDate;
  to: IsoDate;
  /** Accounts counted. */
  cohort: number;
  startArr: number;
  endArr: number;
  expansion: number;
  contraction: number;
  churned: number;
  /** endArr ÷ startArr, e.g. 112.5; undefined when startArr is 0. */
  nrrPercent: number | undefined;
  /** (startArr − contraction − churned) ÷ startArr, never above 100. */
  grrPercent: number | undefined;
  /** Cohort accounts left out because `arr_start` is missing. */
  missingArrStart: string[];
}

export interface AtRiskAccount {
  account: string;
  file: string;
  stage: Stage;
  renewal_date: IsoDate;
  reasons: string[];
}

export interface PortfolioMetrics {
  /** The largest currency group (by cohort size); see `retentionByCurrency` for all. */
  retention: Retention | undefined;
  retentionByCurrency: Retention[];
  stageCounts: Record<Stage, number>;
  atRisk: AtRiskAccount[];
}

/** Percent with one decimal from integers, rounded half up, without float drift. */
export function percent(numerator: number, denominator: number): number | undefined {
  if (denominator <= 0) return undefined;
  const n = BigInt(numerator) * 1000n;
  const d = BigInt(denominator);
  return Number((n + d / 2n) / d) / 10;
}

const RISK_CODES = /^(stakeholders\.|health\.red|renewal\.|owners\.renewal-equals-csm)/;

/**
 * NRR/GRR for the cohort of accounts live at `from`, counts by stage, and the accounts at risk.
 * A churned account ends at 0; any other ends at `arr` (or `arr_start` when `arr` is absent).
 *
 * @example
 * // start 100,000,000 → end 70,000,000 gives NRR 70
 * computeMetrics(entries, { from: '2026-04-01', to: '2027-03-31', today: '2026-11-22' }).retention?.nrrPercent
 */
export function computeMetrics(entries: Iterable<{ file: string; note: AccountNote }>, options: MetricsOptions): PortfolioMetrics {
  const lintOpts: Parameters<typeof lintAccount>[1] = { today: options.today };
  if (options.locale) lintOpts.locale = options.locale;
  if (options.keyPersonContactDays !== undefined) lintOpts.keyPersonContactDays = options.keyPersonContactDays;
  return metricsOf(
    (function* () {
      for (const { file, note } of entries) yield { file, account: note.account, problems: () => lintAccount(note, lintOpts), tasks: () => note.tasks };
    })(),
    options,
  );
}

/**
 * `computeMetrics` from a Portfolio's records, without keeping any parsed note: for a CLI run over
 * 50k notes. Problems are the Portfolio's, so pass the `today`, `locale` and `keyPersonContactDays`
 * it was given; accounts come in the order they were first indexed.
 */
export function portfolioMetrics(portfolio: Portfolio, options: MetricsOptions): PortfolioMetrics {
  return metricsOf(portfolio.indexed(), options);
}

/** What metrics read of one account: its fields, and for a live account its problems and dated checklist items. */
interface MetricsEntry {
  file: string;
  account: Account | undefined;
  problems(): readonly Problem[];
  tasks(): readonly { closed: boolean; due: IsoDate | undefined }[];
}

function metricsOf(entries: Iterable<MetricsEntry>, options: MetricsOptions): PortfolioMetrics {
  const stageCounts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const groups = new Map<string, Retention>();
  const atRisk: AtRiskAccount[] = [];
  for (const entry of entries) {
    const { file } = entry;
    const a = entry.account;
    if (!a) continue;
    stageCounts[a.stage]++;
    if (a.contract_start <= options.from) {
      const cur = a.currency ?? '';
      let g = groups.get(cur);
      if (!g) {
        g = { currency: cur, from: options.from, to: options.to, cohort: 0, startArr: 0, endArr: 0, expansion: 0, contraction: 0, churned: 0, nrrPercent: undefined, grrPercent: undefined, missingArrStart: [] };
        groups.set(cur, g);
      }
      if (a.arr_start === undefined) g.missingArrStart.push(a.account);
      else {
        const start = a.arr_start;
        const end = a.stage === 'churned' ? 0 : (a.arr ?? start);
        g.cohort++;
        g.startArr += start;
        g.endArr += end;
        if (a.stage === 'churned') g.churned += start;
        else if (end > start) g.expansion += end - start;
        else g.contraction += start - end;
      }
    }
    if (a.stage !== 'churned') {
      const reasons = [...new Set(entry.problems().filter((p) => p.severity !== 'info' && RISK_CODES.test(p.code)).map((p) => p.message))];
      const overdue = entry.tasks().filter((t) => !t.closed && t.due !== undefined && t.due < options.today).length;
      if (overdue > 0) reasons.push(options.locale === 'ja' ? `期限切れのタスクが${overdue}件あります` : `${overdue} overdue checklist item${overdue === 1 ? '' : 's'}`);
      if (reasons.length > 0) atRisk.push({ account: a.account, file, stage: a.stage, renewal_date: a.renewal_date, reasons });
    }
  }
  const byCurrency = [...groups.values()]
    .map((g) => ({ ...g, nrrPercent: percent(g.endArr, g.startArr), grrPercent: percent(g.startArr - g.contraction - g.churned, g.startArr) }))
    .sort((x, y) => y.cohort - x.cohort || x.currency.localeCompare(y.currency));
  atRisk.sort((x, y) => (x.renewal_date < y.renewal_date ? -1 : x.renewal_date > y.renewal_date ? 1 : x.account.localeCompare(y.account)));
  return { retention: byCurrency[0], retentionByCurrency: byCurrency, stageCounts, atRisk };
}
