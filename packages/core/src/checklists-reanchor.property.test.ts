import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { reanchorChecklists } from './checklists.js';
import { parseRelativeDate, resolveRelativeDate } from './relative-date.js';
import { splitLinesKeepEol } from './text.js';

// Notes where anchor dates come and go (no kickoff_date, no notice_days), with several 📅 on a line,
// 📅 before the comment, odd spacing, invalid dates and other plugins' fields.
const date = fc.constantFrom('2026-04-14', '2027-01-31', '2026-02-30', '2026-13-01', '2026-4-1');
const due = fc.tuple(fc.constantFrom(' 📅 ', ' 📅', '📅 ', ' 📅\uFE0F ', ' 📅  ', '\t📅 '), date).map(([m, d]) => m + d);
const other = fc.constantFrom(' ⏫', ' 🔁 every week', ' ✅ 2026-01-02', ' ^blk-1', ' 📅 soon', ' text', ' {x}');
const anchor = fc.constantFrom('kickoff_date', 'kickoff_date+1bd', 'notice_deadline-14d', 'contract_start+3d', 'renewal_date-90d', 'kickof_date+1d', 'kickoff_date+1q', ' kickoff_date - 2w ');
const task = fc
  .record({
    indent: fc.constantFrom('', '  ', '> '),
    status: fc.constantFrom(' ', ' ', 'x', '-', '/'),
    title: fc.constantFrom('Call', 'お客様に連絡', 'Mine'),
    before: fc.array(fc.oneof(due, other), { maxLength: 2 }),
    anchor: fc.option(anchor, { nil: undefined }),
    after: fc.array(fc.oneof({ weight: 3, arbitrary: due }, other), { maxLength: 3 }),
  })
  .map(({ indent, status, title, before, anchor, after }) => `${indent}- [${status}] ${title}${before.join('')} <!-- baton:k.a${anchor === undefined ? '' : ` {${anchor}}`} -->${after.join('')}`);
const line = fc.oneof({ weight: 3, arbitrary: task }, fc.constantFrom('', '## Checklists', '```', 'text 📅 2026-01-01', '- [ ] plain 📅 2026-01-01'));
const note = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    kickoff: fc.option(fc.constant('2026-04-14'), { nil: undefined }),
    notice: fc.option(fc.constant(30), { nil: undefined }),
    body: fc.array(line, { maxLength: 12 }),
    finalEol: fc.boolean(),
  })
  .map(({ eol, kickoff, notice, body, finalEol }) =>
    [
      '---',
      'baton: account',
      'account: Acme',
      'contract_start: 2026-04-01',
      'term_months: 12',
      `kickoff_date:${kickoff ? ` ${kickoff}` : ''}`,
      ...(notice === undefined ? [] : [`notice_days: ${notice}`]),
      '---',
      ...body,
    ].join(eol) + (finalEol ? eol : ''),
  );

const DUE_FIELDS = / ?📅\uFE0F?\s*\d{4}-\d{2}-\d{2}/gu;

describe('reanchorChecklists with anchor dates that are not set', () => {
  it('changes only 📅 dates on open anchored tasks, removes them where the date is empty, and counts the removals', () => {
    let removals = 0;
    fc.assert(
      fc.property(note, (text) => {
        const r = reanchorChecklists(text);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        const before = splitLinesKeepEol(text);
        const after = splitLinesKeepEol(r.text);
        expect(after.length).toBe(before.length);
        const parsed = parseAccountNote(text);
        const account = parsed.account!;
        let removed = 0;
        for (const [i, b] of before.entries()) {
          const a = after[i]!;
          if (a === b) continue;
          const t = parsed.tasks.find((x) => x.line === i);
          // Only open tasks with a relative-date anchor change.
          expect(t && !t.closed && t.anchor !== undefined && parseRelativeDate(t.anchor) !== undefined).toBe(true);
          if (resolveRelativeDate(t!.anchor!, account) === undefined) {
            removed++;
            expect(a).toBe(b.replace(DUE_FIELDS, ''));
          } else {
            // Everything but the 📅 dates is byte-identical.
            expect(a.replace(DUE_FIELDS, '')).toBe(b.replace(DUE_FIELDS, ''));
          }
        }
        expect(r.removed ?? 0).toBe(removed);
        if (removed > 0) expect(r.changed).toBe(true);
        removals += removed;
      }),
      { numRuns: 400 },
    );
    expect(removals).toBeGreaterThan(0);
  });

  it('leaves each open anchored task due on the date its anchor resolves to (none when the date is empty), and is idempotent', () => {
    fc.assert(
      fc.property(note, (text) => {
        const r = reanchorChecklists(text);
        if (!r.ok) return;
        const n = parseAccountNote(r.text);
        for (const t of n.tasks) {
          if (t.closed || t.anchor === undefined || !parseRelativeDate(t.anchor)) continue;
          expect(t.due).toBe(resolveRelativeDate(t.anchor, n.account!));
        }
        expect(reanchorChecklists(r.text)).toEqual({ ok: true, text: r.text, changed: false });
      }),
      { numRuns: 400 },
    );
  });
});
