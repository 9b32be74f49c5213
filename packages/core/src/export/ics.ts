import { isIsoDate, shiftIsoDate } from '../dates.js';
import { kindLabel, statusLabel } from '../i18n.js';
import type { Locale } from '../problems.js';
import type { TimelineEvent } from '../timeline.js';

export interface IcsOptions {
  /** Shown by calendar apps as the subscribed calendar's name. */
  calendarName?: string;
  /** Language of the labels inside descriptions and reminders. */
  locale?: Locale;
  /**
   * When the file was generated (`DTSTAMP`). Core reads no clock, so the host passes it:
   * `2026-11-22`, `2026-11-22T09:30:00Z` or `20261122T093000Z`.
   */
  dtstamp: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11); control characters other than newlines become spaces. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // oxlint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into chunks of at most 75 octets (RFC 5545 §3.1), cutting only between
 * code points so a Japanese character or an emoji is never split across lines.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    // Continuation lines start with one space, which counts toward their 75 octets.
    if (octets + n > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(CRLF);
}

function basicDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** Accepts a date or a UTC date-time; anything else becomes the epoch rather than an invalid file. */
function normalizeDtstamp(input: string): string {
  const s = input.trim();
  if (/^\d{8}T\d{6}Z$/.test(s)) return s;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/.exec(s);
  if (m && isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return `${m[1]}${m[2]}${m[3]}T${m[4] ?? '00'}${m[5] ?? '00'}${m[6] ?? '00'}Z`;
  return '19700101T000000Z';
}

/** A UID that stays the same for the same event across exports, so re-importing updates instead of duplicating. */
export function icsUid(eventId: string): string {
  let out = '';
  for (const ch of eventId) {
    if (/^[A-Za-z0-9._~/#-]$/.test(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0xfffd;
    // A lone surrogate has no UTF-8 form; encode it as U+FFFD instead of throwing.
    const safe = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
    for (const b of utf8Bytes(safe)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${out}@baton`;
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

function alarms(e: TimelineEvent, locale: Locale, summary: string): string[] {
  const triggers = e.kind === 'notice-deadline' ? ['-P14D', '-P1D'] : e.kind === 'outreach' ? ['-P1D'] : [];
  if (e.status === 'done') return [];
  const reminder = locale === 'ja' ? 'リマインダー' : 'Reminder';
  return triggers.flatMap((t) => ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(`${reminder}: ${summary}`)}`, `TRIGGER:${t}`, 'END:VALARM']);
}

/**
 * Writes timeline events as an iCalendar file: one all-day event per timeline event, with
 * reminders before renewal outreach steps and notice deadlines.
 *
 * @example
 * toIcs(buildPortfolioTimeline(entries, { today: '2026-11-22' }), { calendarName: 'Renewals', dtstamp: '2026-11-22' })
 * // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…'
 */
export function toIcs(events: readonly TimelineEvent[], options: IcsOptions): string {
  const locale = options.locale ?? 'en';
  const stamp = normalizeDtstamp(options.dtstamp);
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Baton//Baton renewal timeline//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) {
    const name = escapeIcsText(options.calendarName);
    lines.push(`NAME:${name}`, `X-WR-CALNAME:${name}`);
  }
  const seen = new Set<string>();
  for (const e of events) {
    if (!isIsoDate(e.date)) continue;
    const uid = icsUid(e.id);
    // Two events with one id would make calendars drop one of them silently.
    if (seen.has(uid)) continue;
    seen.add(uid);
    const summary = `${e.title} — ${e.account}`;
    const description = [
      `${kindLabel(e.kind, locale)} · ${statusLabel(e.status, locale)}`,
      e.owner ? `${locale === 'ja' ? '担当' : 'Owner'}: ${e.owner}` : undefined,
      `${e.file}:${e.line}`,
    ]
      .filter((x): x is string => x !== undefined)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(shiftIsoDate(e.date, 1, 'd'))}`,
      `SUMMARY:${escapeIcsText(summary)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      `CATEGORIES:${escapeIcsText(kindLabel(e.kind, locale))}`,
      'TRANSP:TRANSPARENT',
      ...alarms(e, locale, summary),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
