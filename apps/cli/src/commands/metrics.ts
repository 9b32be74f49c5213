import { STAGES, portfolioMetrics, shiftIsoDate, stageLabel, type Locale, type PortfolioMetrics, type Retention } from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { usageError } from '../errors.js';
import { optionalDate, painter, resolveLocale, resolveToday } from '../options.js';
import { loadVault, vaultLocale } from '../vault.js';

/** Integers with thousands separators, the same on every machine (no Intl locale data). */
function money(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function pct(n: number | undefined): string {
  return n === undefined ? '—' : `${n.toFixed(1)}%`;
}

function retentionLines(r: Retention, ja: boolean): string[] {
  const cur = r.currency || (ja ? '通貨なし' : 'no currency');
  const head = ja ? `${cur}: ${r.cohort}社 (${r.from} 時点で契約中)` : `${cur}: ${r.cohort} account${r.cohort === 1 ? '' : 's'} live on ${r.from}`;
  const lines = [
    `  ${head}`,
    `    NRR ${pct(r.nrrPercent)}   GRR ${pct(r.grrPercent)}`,
    ja
      ? `    期初ARR ${money(r.startArr)} → 現在ARR ${money(r.endArr)}  (拡大 +${money(r.expansion)} / 縮小 −${money(r.contraction)} / 解約 −${money(r.churned)})`
      : `    ARR ${money(r.startArr)} → ${money(r.endArr)}  (expansion +${money(r.expansion)}, contraction −${money(r.contraction)}, churn −${money(r.churned)})`,
  ];
  if (r.missingArrStart.length > 0) lines.push(`    ${ja ? 'arr_start がないため除外' : 'left out, no arr_start'}: ${r.missingArrStart.join(', ')}`);
  return lines;
}

export function formatMetrics(m: PortfolioMetrics, locale: Locale, color: boolean, period: { from: string; to: string }): string {
  const paint = painter(color);
  const ja = locale === 'ja';
  const lines = [paint('1', ja ? `売上継続率 ${period.from} → ${period.to}` : `Revenue retention ${period.from} → ${period.to}`)];
  if (m.retentionByCurrency.length === 0) lines.push(ja ? '  対象のアカウントがありません' : '  no account was live at the start of the period');
  for (const r of m.retentionByCurrency) lines.push(...retentionLines(r, ja));
  lines.push('', paint('1', ja ? 'ステージ別' : 'Accounts by stage'));
  lines.push('  ' + STAGES.map((s) => `${stageLabel(s, locale)} ${m.stageCounts[s]}`).join('  '));
  lines.push('', paint('1', ja ? `リスクのあるアカウント (${m.atRisk.length})` : `At risk (${m.atRisk.length})`));
  for (const a of m.atRisk) {
    lines.push(`  ${paint('1', a.account)}  ${ja ? '更新日' : 'renewal'} ${a.renewal_date}  ${paint('2', a.file)}`);
    for (const r of a.reasons) lines.push(`    - ${r}`);
  }
  return lines.join('\n') + '\n';
}

export const metrics: Command = {
  summary: 'NRR, GRR, accounts by stage and accounts at risk',
  spec: { name: 'metrics', flags: { from: 'string', to: 'string', today: 'string', locale: 'string', json: 'boolean', help: 'boolean' }, positionals: { min: 1, max: 1 } },
  help: `Usage: baton metrics <dir> [options]

NRR and GRR per currency for the accounts live at --from (ARR then = arr_start, ARR now =
arr, 0 when churned), counts by stage, and accounts at risk with the reasons.

Options:
  --from YYYY-MM-DD    Period start (default: 12 months before --today)
  --to YYYY-MM-DD      Period end (default: --today)
  --today YYYY-MM-DD   Default: this machine's date
  --locale en|ja       Language of the report (default: the language most account notes use)
  --json               Print the metrics object
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const today = resolveToday(args);
    const locale = resolveLocale(args);
    const to = optionalDate(args, 'to') ?? today;
    const from = optionalDate(args, 'from') ?? shiftIsoDate(to, -12, 'm');
    if (from > to) throw usageError(`--from ${from} is after --to ${to}`);
    const vault = loadVault(args.positionals[0]!, { today, locale, problems: true });
    const opts: Parameters<typeof portfolioMetrics>[1] = { from, to, today };
    if (locale) opts.locale = locale;
    const m = portfolioMetrics(vault.portfolio, opts);
    if (args.booleans.has('json')) io.out(JSON.stringify(m, null, 2) + '\n');
    else io.out(formatMetrics(m, locale ?? vaultLocale(vault.portfolio), io.color, { from, to }));
    return 0;
  },
};
