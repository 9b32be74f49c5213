import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeIcsText, foldIcsLine, icsUid, toIcs } from './ics.js';
import type { TimelineEvent } from '../timeline.js';

const ev = (over: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id: 'Accounts/Acme.md#renewal',
  date: '2027-03-31',
  kind: 'renewal',
  account: 'Acme',
  file: 'Accounts/Acme.md',
  line: 6,
  owner: 'Priya',
  stage: 'adoption',
  status: 'upcoming',
  title: 'Renewal',
  ...over,
});

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon, comma and every newline form', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
  it('replaces other control characters', () => {
    expect(escapeIcsText('a\u0007b\tc')).toBe('a b c');
  });
});

describe('foldIcsLine', () => {
  it('keeps short lines intact', () => {
    expect(foldIcsLine('SUMMARY:short')).toBe('SUMMARY:short');
  });
  it('never exceeds 75 octets and never splits a multi-byte character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const folded = foldIcsLine(`SUMMARY:${s}`);
        for (const part of folded.split('\r\n')) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
        }
        expect(unfold(folded)).toBe(`SUMMARY:${s}`);
      }),
    );
  });
  it('folds Japanese at character boundaries (3 octets each)', () => {
    const folded = foldIcsLine(`SUMMARY:${'更新'.repeat(40)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(octets(parts[0]!)).toBe(74); // 8 + 22 × 3: the 23rd character would make 77
    expect(parts[1]!.startsWith(' ')).toBe(true);
  });
});

describe('icsUid', () => {
  it('is stable and ASCII for Japanese paths', () => {
    const a = icsUid('顧客/月見.md#renewal');
    expect(a).toBe(icsUid('顧客/月見.md#renewal'));
    expect(a).toMatch(/^[\x21-\x7e]+@baton$/);
    expect(a).not.toBe(icsUid('顧客/月見.md#notice-deadline'));
  });
  it('does not throw on a lone surrogate', () => {
    expect(icsUid('a\uD800b')).toBe('a%EF%BF%BDb@baton');
  });
});

describe('toIcs', () => {
  it('writes CRLF lines, all-day dates and an exclusive end date', () => {
    const ics = toIcs([ev({ date: '2026-12-31' })], { dtstamp: '2026-11-22' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20270101\r\n');
    expect(ics).toContain('DTSTAMP:20261122T000000Z\r\n');
  });
  it('adds reminders to open outreach and notice deadlines only', () => {
    const ics = toIcs(
      [
        ev({ id: 'a#notice-deadline', kind: 'notice-deadline', status: 'upcoming' }),
        ev({ id: 'a#outreach-90', kind: 'outreach', status: 'done' }),
        ev({ id: 'a#renewal' }),
      ],
      { dtstamp: '20261122T093000Z' },
    );
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
    expect(ics).toContain('TRIGGER:-P14D');
    expect(ics).toContain('DTSTAMP:20261122T093000Z');
  });
  it('drops duplicate ids and invalid dates instead of writing a broken file', () => {
    const ics = toIcs([ev(), ev(), ev({ id: 'x', date: '2027-02-30' })], { dtstamp: 'garbage' });
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTAMP:19700101T000000Z');
  });
  it('escapes the calendar name and summaries', () => {
    const ics = toIcs([ev({ account: 'A, B; C' })], { dtstamp: '2026-11-22', calendarName: 'CS; 更新' });
    expect(ics).toContain('X-WR-CALNAME:CS\\; 更新');
    expect(unfold(ics)).toContain('SUMMARY:Renewal — A\\, B\\; C');
  });
  it('labels descriptions in Japanese when asked', () => {
    const ics = unfold(toIcs([ev({ kind: 'notice-deadline', id: 'n' })], { dtstamp: '2026-11-22', locale: 'ja' }));
    expect(ics).toContain('DESCRIPTION:解約通知期限 · 予定\\n担当: Priya\\nAccounts/Acme.md:6');
    expect(ics).toContain('リマインダー');
  });
});
