import { buildTimelineView, type Locale, type TimelineEvent, type TimelineFilter, type TimelineView } from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command, Io } from '../command.js';
import { FILTER_FLAGS, painter, resolveLocale, resolveToday, timelineFilter } from '../options.js';
import { cellWidth, loadVault, padEnd, vaultLocale } from '../vault.js';

const STATUS_COLOR = { overdue: '31;1', 'due-soon': '33', upcoming: '36', done: '2' } as const;

/** The JSON shape promised to scripts: stable keys, `owner` null when unknown. */
export function eventJson(e: TimelineEvent) {
  return { date: e.date, kind: e.kind, account: e.account, file: e.file, line: e.line, owner: e.owner ?? null, status: e.status };
}

/** Renders the timeline view as text, month by month, with a today marker. */
export function formatTimeline(view: TimelineView, color: boolean): string {
  const paint = painter(color);
  const statusWidth = Math.max(...Object.values(view.labels.statuses).map(cellWidth));
  const lines: string[] = [];
  const total = view.months.reduce((n, m) => n + m.events.length, 0);
  lines.push(paint('1', `${view.labels.timelineTitle} — ${view.labels.today} ${view.today}`));
  lines.push(
    (['overdue', 'due-soon', 'upcoming', 'done'] as const).map((s) => paint(STATUS_COLOR[s], `${view.labels.statuses[s]} ${view.counts[s]}`)).join('  '),
  );
  if (total === 0) {
    lines.push('', view.labels.noEvents);
    return lines.join('\n') + '\n';
  }
  for (const m of view.months) {
    if (m.events.length === 0 && !m.isCurrent) continue;
    lines.push('', paint(m.isCurrent ? '1;35' : '1', m.label));
    const marker = paint('35', `  ── ${view.labels.today} ${view.today} ──`);
    m.events.forEach((e, i) => {
      if (m.isCurrent && m.todayIndex === i) lines.push(marker);
      const status = paint(STATUS_COLOR[e.status], padEnd(e.statusLabel, statusWidth));
      const owner = e.owner ? paint('2', `  @${e.owner}`) : '';
      lines.push(`  ${e.date}  ${status}  ${paint('1', e.account)} · ${e.title}${owner}  ${paint('2', `${e.file}:${e.line}`)}`);
    });
    if (m.isCurrent && (m.todayIndex === undefined || m.todayIndex >= m.events.length)) lines.push(marker);
  }
  return lines.join('\n') + '\n';
}

export function runTimeline(dir: string, options: { today: string; locale: Locale | undefined; filter: TimelineFilter; json: boolean }, io: Io): number {
  const vault = loadVault(dir, { today: options.today, locale: options.locale, problems: false });
  const events = vault.portfolio.timeline(options.filter);
  if (options.json) io.out(JSON.stringify(events.map(eventJson), null, 2) + '\n');
  else io.out(formatTimeline(buildTimelineView(events, { today: options.today, locale: options.locale ?? vaultLocale(vault.portfolio) }), io.color));
  return 0;
}

export const timeline: Command = {
  summary: 'Show renewal outreach, deadlines, goals and checklist due dates by month',
  spec: { name: 'timeline', flags: { today: 'string', locale: 'string', json: 'boolean', help: 'boolean', ...FILTER_FLAGS }, positionals: { min: 1, max: 1 } },
  help: `Usage: baton timeline <dir> [options]

Reads every account note under <dir> and prints its dated events by month:
contract start, first contact, kickoff, first goals, renewal outreach (120/90/60/30 days
before), notice deadline, renewal, and checklist items with a 📅 date.

Options:
  --today YYYY-MM-DD   Date to judge overdue / due soon against (default: this machine's date)
  --from YYYY-MM-DD    Only events on or after this date
  --to YYYY-MM-DD      Only events on or before this date
  --owner NAME         Only events owned by NAME (case-insensitive)
  --account NAME       Only this account's events (its account name)
  --kind K[,K…]        contract-start, first-contact, kickoff, first-goal, outreach,
                       notice-deadline, renewal, task
  --status S[,S…]      overdue, due-soon, upcoming, done
  --stage STAGE        handoff, onboarding, running, adoption, advocacy, renewal, churned
  --locale en|ja       Language of labels and messages (default: labels in the language most
                       account notes use, each note's own text as written)
  --json               Print [{date, kind, account, file, line, owner, status}]
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const dir = args.positionals[0]!;
    return runTimeline(dir, { today: resolveToday(args), locale: resolveLocale(args), filter: timelineFilter(args), json: args.booleans.has('json') }, io);
  },
};
