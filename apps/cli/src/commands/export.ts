import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildTimelineView, toHtml, toIcs, toMermaidGantt, type Locale, type TimelineFilter } from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError, usageError } from '../errors.js';
import { FILTER_FLAGS, resolveLocale, resolveToday, timelineFilter } from '../options.js';
import { loadVault, vaultLocale } from '../vault.js';

export const FORMATS = ['ics', 'mermaid', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Renders the vault's timeline in one format; deterministic for a given `today`. */
export function renderExport(format: Format, dir: string, options: { today: string; locale: Locale | undefined; filter: TimelineFilter }): string {
  const vault = loadVault(dir, { today: options.today, locale: options.locale, problems: false });
  const events = vault.portfolio.timeline(options.filter);
  const locale = options.locale ?? vaultLocale(vault.portfolio);
  switch (format) {
    case 'ics':
      // DTSTAMP from --today keeps the file reproducible; calendars key updates on UID anyway.
      return toIcs(events, { calendarName: 'Baton', locale, dtstamp: options.today });
    case 'mermaid':
      return toMermaidGantt(events, options.filter.account === undefined ? { locale } : { locale, title: options.filter.account });
    case 'html':
      return toHtml(buildTimelineView(events, { today: options.today, locale }), {
        generatedOn: options.today,
        ...(options.filter.account === undefined ? {} : { title: options.filter.account }),
      });
  }
}

export function writeOutput(file: string, content: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content, 'utf8');
  } catch {
    throw new CliError(`cannot write ${file}`);
  }
}

export const exportCommand: Command = {
  summary: 'Write the timeline as a calendar (.ics), a Mermaid gantt chart or an HTML page',
  spec: { name: 'export', flags: { output: 'string', today: 'string', locale: 'string', help: 'boolean', ...FILTER_FLAGS }, short: { o: 'output' }, positionals: { min: 2, max: 2 } },
  help: `Usage: baton export ics|mermaid|html <dir> [-o FILE] [options]

  ics       iCalendar file: one all-day event per timeline event, reminders before outreach
            and notice deadlines; re-importing updates events instead of duplicating them
  mermaid   gantt chart text for a \`\`\`mermaid block
  html      one offline HTML page (light and dark), no scripts

Options:
  -o, --output FILE    Write here (default: standard output)
  --today YYYY-MM-DD   Date for statuses and the file's timestamp (default: today)
  --locale en|ja       Language of labels (default: the language most account notes use)
  --account NAME       One account only (e.g. a Mermaid gantt for one customer)
  --from, --to, --owner, --kind, --status, --stage   Filter as in 'baton timeline'
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const [format, dir] = args.positionals as [string, string];
    if (!(FORMATS as readonly string[]).includes(format)) throw usageError(`unknown export format '${format}'; use ics, mermaid or html`);
    const content = renderExport(format as Format, dir, { today: resolveToday(args), locale: resolveLocale(args), filter: timelineFilter(args) });
    const out = args.strings.get('output');
    if (out === undefined || out === '-') io.out(content);
    else {
      writeOutput(out, content);
      io.err(resolveLocale(args) === 'ja' ? `${out} に書き出しました\n` : `wrote ${out}\n`);
    }
    return 0;
  },
};
