import { EVENT_KINDS, EVENT_STATUSES, STAGES, isIsoDate, stageFromText, normalizeIsoDate, toIsoDate, type EventKind, type EventStatus, type Locale, type TimelineFilter } from '@baton/core';
import type { ParsedArgs } from './args.js';
import { usageError } from './errors.js';

/** `--today`, else the machine's local date: the only place Baton reads the clock. */
export function resolveToday(args: ParsedArgs): string {
  const given = args.strings.get('today');
  return given === undefined ? toIsoDate(new Date()) : dateFlag('today', given);
}

export function dateFlag(flag: string, value: string): string {
  const v = normalizeIsoDate(value);
  if (!isIsoDate(v)) throw usageError(`--${flag} must be a real date written as YYYY-MM-DD, got '${value}'`);
  return v;
}

export function optionalDate(args: ParsedArgs, flag: string): string | undefined {
  const v = args.strings.get(flag);
  return v === undefined ? undefined : dateFlag(flag, v);
}

/** `--locale`, else `BATON_LOCALE`; undefined lets each note speak its own language. */
export function resolveLocale(args: ParsedArgs): Locale | undefined {
  const v = args.strings.get('locale') ?? process.env['BATON_LOCALE'] ?? undefined;
  if (v === undefined || v === '') return undefined;
  if (v !== 'en' && v !== 'ja') throw usageError(`--locale must be en or ja, got '${v}'`);
  return v;
}

function listFlag<T extends string>(args: ParsedArgs, flag: string, allowed: readonly T[]): T[] | undefined {
  const v = args.strings.get(flag);
  if (v === undefined) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw usageError(`--${flag} '${item}' is not one of: ${allowed.join(', ')}`);
  }
  return items as T[];
}

export const FILTER_FLAGS = { from: 'string', to: 'string', owner: 'string', account: 'string', kind: 'string', stage: 'string', status: 'string' } as const;

/** Turns `--from --to --owner --account --kind --stage --status` into a core filter, validating each. */
export function timelineFilter(args: ParsedArgs): TimelineFilter {
  const filter: TimelineFilter = {};
  const from = optionalDate(args, 'from');
  const to = optionalDate(args, 'to');
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (from !== undefined && to !== undefined && from > to) throw usageError(`--from ${from} is after --to ${to}`);
  const owner = args.strings.get('owner');
  if (owner !== undefined) filter.owner = owner;
  const account = args.strings.get('account');
  if (account !== undefined) filter.account = account;
  const kinds = listFlag<EventKind>(args, 'kind', EVENT_KINDS);
  if (kinds) filter.kind = kinds;
  const statuses = listFlag<EventStatus>(args, 'status', EVENT_STATUSES);
  if (statuses) filter.status = statuses;
  const stage = args.strings.get('stage');
  if (stage !== undefined) {
    if (stage.includes(',')) throw usageError('--stage takes one stage');
    // The spellings a note may use (運用, live, …) name the same stage here.
    const id = stageFromText(stage);
    if (id === undefined) throw usageError(`--stage '${stage}' is not one of: ${STAGES.join(', ')} (or an alias a note may use, such as 運用)`);
    filter.stage = id;
  }
  return filter;
}

/** Colour only for a terminal, never with NO_COLOR; FORCE_COLOR turns it on for pipes. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '' && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

export type Paint = (code: string, text: string) => string;

export function painter(on: boolean): Paint {
  return on ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
}
