import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountFileName, createAccountNote, type NewAccountInput } from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError, usageError } from '../errors.js';
import { requireDir } from '../io.js';
import { dateFlag, resolveLocale } from '../options.js';

function integerFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const s = value.normalize('NFKC').replace(/[,_]/g, '').trim();
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw usageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

/** The system's reason for a failed write, without the path it repeats: ` (ENAMETOOLONG: name too long)`. */
export function systemReason(e: unknown): string {
  const m = e instanceof Error ? e.message.replace(/, \w+ '[^]*$/, '') : '';
  return m ? ` (${m})` : '';
}

export const newAccount: Command = {
  summary: 'Create an account handoff note from the template (never overwrites)',
  spec: {
    name: 'new',
    flags: {
      start: 'string',
      term: 'string',
      locale: 'string',
      sales: 'string',
      csm: 'string',
      'renewal-owner': 'string',
      'notice-days': 'string',
      arr: 'string',
      currency: 'string',
      dir: 'string',
      help: 'boolean',
    },
    positionals: { min: 1, max: 1 },
  },
  help: `Usage: baton new "<account>" --start YYYY-MM-DD --term MONTHS [options]

Writes "<account>.md" with the handoff sections, stakeholder table, first goals and
checklists headings. Refuses to overwrite an existing file.

Options:
  --start YYYY-MM-DD     Contract start date (required)
  --term N               Contract term in months (required)
  --locale en|ja         Language of the note (default: en)
  --sales NAME           Sales owner
  --csm NAME             CSM (adoption owner)
  --renewal-owner NAME   Renewal owner (keep it different from the CSM)
  --notice-days N        Days before renewal by which the customer must cancel
  --arr N                Annual recurring revenue, whole currency units
  --currency CODE        JPY, USD, …
  --dir DIR              Folder to write into (default: current folder)
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const account = args.positionals[0]!.trim();
    if (account === '') throw usageError('the account name is empty');
    const start = args.strings.get('start');
    if (start === undefined) throw usageError("'baton new' needs --start YYYY-MM-DD");
    const term = integerFlag('term', args.strings.get('term'), 1, 120);
    if (term === undefined) throw usageError("'baton new' needs --term MONTHS");
    const input: NewAccountInput = { account, contractStart: dateFlag('start', start), termMonths: term, locale: resolveLocale(args) ?? 'en' };
    const sales = args.strings.get('sales');
    const csm = args.strings.get('csm');
    const renewalOwner = args.strings.get('renewal-owner');
    const currency = args.strings.get('currency');
    const notice = integerFlag('notice-days', args.strings.get('notice-days'), 0, 3650);
    const arr = integerFlag('arr', args.strings.get('arr'), 0, Number.MAX_SAFE_INTEGER);
    if (sales) input.salesOwner = sales;
    if (csm) input.csmOwner = csm;
    if (renewalOwner) input.renewalOwner = renewalOwner;
    if (notice !== undefined) input.noticeDays = notice;
    if (arr !== undefined) input.arr = arr;
    if (currency !== undefined) {
      if (!/^[A-Za-z]{3}$/.test(currency.trim())) throw usageError(`--currency must be a 3-letter code such as JPY or USD, got '${currency}'`);
      input.currency = currency.trim().toUpperCase();
    }
    const dir = args.strings.get('dir') ?? '.';
    requireDir(dir);
    const path = join(dir, accountFileName(account));
    try {
      writeFileSync(path, createAccountNote(input), { encoding: 'utf8', flag: 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(code === 'EEXIST' ? `${path} already exists; not overwriting it` : `cannot write ${path}${systemReason(e)}`);
    }
    io.out(`${path}\n`);
    return 0;
  },
};
