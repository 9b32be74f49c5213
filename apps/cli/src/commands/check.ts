import { parseChecklistTemplate, sortProblems, type Locale, type Problem } from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command, Io } from '../command.js';
import { painter, resolveLocale, resolveToday } from '../options.js';
import { loadVault } from '../vault.js';

const TEMPLATE_RE = /^---\r?\n(?:[^\n]*\n)*?baton:\s*['"]?checklist['"]?\s*\r?\n/;

export interface FileProblems {
  file: string;
  problems: Problem[];
}

/** Lints every account note and validates every team checklist template under `dir`. */
export function collectProblems(dir: string, today: string, locale: Locale | undefined): { results: FileProblems[]; notes: number } {
  const vault = loadVault(dir, { today, locale, problems: true }, TEMPLATE_RE);
  const results: FileProblems[] = [];
  for (const file of vault.accountFiles) results.push({ file, problems: vault.portfolio.problems(file) });
  for (const { file, text } of vault.kept) results.push({ file, problems: sortProblems(parseChecklistTemplate(text, file).problems) });
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { results, notes: vault.accountFiles.length };
}

export function formatProblems(results: readonly FileProblems[], color: boolean): string {
  const paint = painter(color);
  const sev = { error: '31;1', warning: '33', info: '36' } as const;
  let out = '';
  for (const { file, problems } of results) {
    for (const p of problems) out += `${paint('1', `${file}:${p.line}`)}: ${paint(sev[p.severity], p.severity)}: ${p.message}\n`;
  }
  return out;
}

export function summarize(results: readonly FileProblems[], notes: number, locale?: Locale): { errors: number; warnings: number; text: string } {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const p of r.problems) {
      if (p.severity === 'error') errors++;
      else if (p.severity === 'warning') warnings++;
    }
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const text = locale === 'ja' ? `エラー ${errors} 件、警告 ${warnings} 件（アカウントノート ${notes} 件）` : `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(notes, 'account note')}`;
  return { errors, warnings, text };
}

export const check: Command = {
  summary: 'Lint account notes: format, handoff gaps, stakeholder and owner risks',
  spec: { name: 'check', flags: { today: 'string', locale: 'string', json: 'boolean', strict: 'boolean', help: 'boolean' }, positionals: { min: 1, max: 1 } },
  help: `Usage: baton check <dir> [options]

Checks every account note under <dir> (and every team checklist template) and prints
  file:line: severity: message
Exit status: 1 if any error was found (with --strict, also any warning), else 0.

Options:
  --today YYYY-MM-DD   Date to judge stale contacts and past dates against (default: today)
  --locale en|ja       Language of the messages (default: each note's own)
  --strict             Fail on warnings too
  --json               Print [{file, line, field, code, severity, message}]
`,
  run(argv, io: Io) {
    const args = parseArgs(argv, this.spec);
    const locale = resolveLocale(args);
    const { results, notes } = collectProblems(args.positionals[0]!, resolveToday(args), locale);
    const sum = summarize(results, notes, locale);
    if (args.booleans.has('json')) {
      const flat = results.flatMap(({ file, problems }) =>
        problems.map((p) => ({ file, line: p.line, field: p.field ?? null, code: p.code, severity: p.severity, message: p.message })),
      );
      io.out(JSON.stringify(flat, null, 2) + '\n');
    } else {
      io.out(formatProblems(results, io.color));
      io.err(sum.text + '\n');
    }
    return sum.errors > 0 || (args.booleans.has('strict') && sum.warnings > 0) ? 1 : 0;
  },
};
