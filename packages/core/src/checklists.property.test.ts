import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import type { ChecklistTemplate } from './checklist-templates.js';
import { applyChecklist, reanchorChecklists } from './checklists.js';
import { parseRelativeDate, resolveRelativeDate } from './relative-date.js';
import { fencedLines, splitLinesKeepEol } from './text.js';

const template: ChecklistTemplate = {
  id: 'demo',
  title: 'Demo',
  locale: 'en',
  source: 'team',
  items: [
    { id: 'one', text: 'First thing', due: 'contract_start+3bd' },
    { id: 'two', text: 'Second thing ⏫', due: 'kickoff_date+1m' },
    { id: 'three', text: '三つ目', due: 'notice_deadline-14d' },
    { id: 'four', text: 'No date' },
  ],
};

const isoDate = fc
  .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const anchors = ['contract_start+3bd', 'kickoff_date+1m', 'kickoff_date', 'renewal_date-90d', 'notice_deadline-14d', 'contract_start+2w', 'kickof_date+1d', 'renewal_date+1y'];

/** A task line as users and other plugins leave them. */
const taskLine = fc
  .record({
    indent: fc.constantFrom('', '  ', '> '),
    status: fc.constantFrom(' ', 'x', 'X', '/', '-'),
    text: fc.constantFrom('Call', 'お客様に連絡', 'Review {x}'),
    id: fc.option(fc.constantFrom('demo.one', 'demo.two', 'demo.three', 'kickoff.roles', 'other.x'), { nil: undefined }),
    anchor: fc.option(fc.constantFrom(...anchors), { nil: undefined }),
    due: fc.option(isoDate, { nil: undefined }),
    tail: fc.constantFrom('', ' ⏫', ' 🔁 every week', ' ✅ 2026-01-02', ' ^blk-1', ' ⏫ ^abc'),
  })
  .map(({ indent, status, text, id, anchor, due, tail }) => {
    const comment = id ? ` <!-- baton:${id}${anchor ? ` {${anchor}}` : ''} -->` : '';
    return `${indent}- [${status}] ${text}${comment}${due ? ` 📅 ${due}` : ''}${tail}`;
  });

const bodyLine = fc.oneof(
  { weight: 4, arbitrary: taskLine },
  {
    weight: 6,
    arbitrary: fc.constantFrom('', '', 'Some text', '日本語のメモ', '## Checklists', '## チェックリスト', '## Notes', '### Demo', '### Other', '# Acme', '```', '~~~', '> quote', '| a | b |', '    indented code', '- plain bullet'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' ')) },
);

const accountNoteText = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    contractStart: isoDate,
    kickoff: fc.option(isoDate, { nil: undefined }),
    noticeDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    locale: fc.constantFrom(undefined, 'en', 'ja'),
    extra: fc.constantFrom('', 'custom_key: keep me'),
    body: fc.array(bodyLine, { maxLength: 25 }),
    finalEol: fc.boolean(),
  })
  .map((n) => {
    const fm = [
      '---',
      'baton: account',
      'account: Acme',
      `contract_start: ${n.contractStart}`,
      'term_months: 12',
      ...(n.kickoff ? [`kickoff_date: ${n.kickoff}`] : []),
      ...(n.noticeDays !== undefined ? [`notice_days: ${n.noticeDays}`] : []),
      ...(n.locale ? [`locale: ${n.locale}`] : []),
      ...(n.extra ? [n.extra] : []),
      '---',
    ];
    const text = [...fm, ...n.body].join(n.eol) + (n.finalEol ? n.eol : '');
    return (n.bom ? '\uFEFF' : '') + text;
  });

const NEW_LINE_RE = /^(?:|## Checklists|## チェックリスト|### Demo|- \[ \] .+ <!-- baton:demo\.(?:one|two|three|four)(?: \{[^}]+\})? -->(?: 📅 \d{4}-\d{2}-\d{2})?(?: ⏫)?)$/;

function withEol(text: string, eol: string): string {
  return /[\r\n]$/.test(text) ? text : text + eol;
}

describe('applyChecklist properties', () => {
  it('applying twice equals applying once', () => {
    fc.assert(
      fc.property(accountNoteText, (text) => {
        const once = applyChecklist(text, template);
        if (!once.ok) {
          // The only refusal a valid account note can get is an unclosed fence swallowing the items.
          expect(once.problems.map((p) => p.code)).toEqual(['checklist.unclosed-fence']);
          return;
        }
        expect(applyChecklist(once.text, template)).toEqual({ ok: true, text: once.text, changed: false });
      }),
    );
  });

  it('keeps every original byte: removing the inserted lines gives the original', () => {
    fc.assert(
      fc.property(accountNoteText, (text) => {
        const r = applyChecklist(text, template);
        if (!r.ok || !r.changed) return;
        const out = r.text;
        // One contiguous insertion: a common prefix and suffix cover the whole original.
        let p = 0;
        while (p < text.length && text[p] === out[p]) p++;
        let s = 0;
        while (s < text.length - p && text[text.length - 1 - s] === out[out.length - 1 - s]) s++;
        expect(p + s).toBe(text.length);
        expect(/[\r\n]$/.test(out)).toBe(/[\r\n]$/.test(text));
        // Line by line: the original lines are a subsequence, and every other line is one Baton wrote.
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const orig = splitLinesKeepEol(withEol(text, eol));
        let j = 0;
        for (const line of splitLinesKeepEol(withEol(out, eol))) {
          if (j < orig.length && line === orig[j]) j++;
          else {
            expect(line.endsWith(eol)).toBe(true);
            expect(line.slice(0, -eol.length)).toMatch(NEW_LINE_RE);
          }
        }
        expect(j).toBe(orig.length);
      }),
    );
  });

  it('adds every template item exactly once', () => {
    fc.assert(
      fc.property(accountNoteText, (text) => {
        const r = applyChecklist(text, template);
        if (!r.ok) return;
        const note = parseAccountNote(r.text);
        for (const it of template.items) {
          const full = `demo.${it.id}`;
          const before = parseAccountNote(text).tasks.filter((t) => t.id === full).length;
          const after = note.tasks.filter((t) => t.id === full).length;
          const lines = splitLinesKeepEol(text);
          const fenced = fencedLines(lines);
          const mentioned = lines.some((l, i) => !fenced[i] && l.includes(`<!-- baton:${full} `));
          if (!mentioned) expect(after).toBe(1);
          else expect(after).toBe(before);
        }
      }),
    );
  });
});

describe('reanchorChecklists properties', () => {
  it('changes only date characters, adds one " 📅 date" field, or removes the 📅 dates', () => {
    fc.assert(
      fc.property(accountNoteText, (text) => {
        const r = reanchorChecklists(text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const before = splitLinesKeepEol(text);
        const after = splitLinesKeepEol(r.text);
        expect(after.length).toBe(before.length);
        for (const [i, a] of after.entries()) {
          const b = before[i]!;
          if (a === b) continue;
          if (a.length === b.length) {
            for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) expect(/\d/.test(a[k]!) && /\d/.test(b[k]!)).toBe(true);
          } else if (a.length > b.length) {
            const m = / 📅 \d{4}-\d{2}-\d{2}/u.exec(a);
            expect(m).not.toBeNull();
            expect(a.slice(0, m!.index) + a.slice(m!.index + m![0].length)).toBe(b);
          } else {
            // An anchor date that is not set: the task's ` 📅 date` went, nothing else.
            expect(b.replace(/ ?📅\uFE0F?\s*\d{4}-\d{2}-\d{2}/gu, '')).toBe(a);
          }
        }
      }),
    );
  });

  it('leaves every open anchored task due on its resolved date, and is idempotent', () => {
    fc.assert(
      fc.property(accountNoteText, (text) => {
        const r = reanchorChecklists(text);
        if (!r.ok) return;
        const note = parseAccountNote(r.text);
        for (const t of note.tasks) {
          if (t.closed || !t.anchor) continue;
          const want = resolveRelativeDate(t.anchor, note.account!);
          // An anchor that is not a relative date (`kickof_date+1d`) leaves the task as it was.
          if (parseRelativeDate(t.anchor)) expect(t.due).toBe(want);
        }
        expect(reanchorChecklists(r.text)).toEqual({ ok: true, text: r.text, changed: false });
      }),
    );
  });

  it('leaves done and cancelled tasks byte for byte', () => {
    fc.assert(
      fc.property(accountNoteText, (text) => {
        const r = reanchorChecklists(text);
        if (!r.ok) return;
        const after = splitLinesKeepEol(r.text);
        for (const t of parseAccountNote(text).tasks) if (t.closed) expect(after[t.line]).toBe(splitLinesKeepEol(text)[t.line]);
      }),
    );
  });
});
