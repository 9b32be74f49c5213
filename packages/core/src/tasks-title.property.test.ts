import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDay } from './day-number.js';
import { ID_RE, parseTaskLine, TASK_RE } from './tasks.js';

// The original, regex-only rules: the fast paths in parseTaskLine must give the same answers.
const EMOJI_FIELDS_RE = /\s*(?:📅|✅|⏳|🛫|➕|❌|🔁|⏫|🔼|🔽|⏬|🔺|🆔|⛔)\uFE0F?.*$/u;
const reference = (text: string) => text.replace(ID_RE, '').replace(EMOJI_FIELDS_RE, '').replace(/\s+\^[\w-]+\s*$/, '').trim();
const referenceDate = (text: string, re: RegExp) => {
  const d = re.exec(text)?.[1];
  return d && isIsoDay(d) ? d : undefined;
};

const piece = fc.constantFrom(
  '📅', '✅', '⛔', '🔁', ' ', '  ', '\t', '\u00a0', '\u3000', '\u2028', '^', '^ref', 'x', 'Call Acme', '2026-12-01', '2027-02-30', '２０２６-１２-０１',
  '<!-- baton:a.b {renewal_date-30d} -->', '\uFE0F', '#', '日本語', '\ud83d',
);

describe('task titles and dates', () => {
  it('match the regex-only rules for any mix of fields, ids, block refs and odd spaces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = `x${parts.join('')}`;
        // A line separator ends the line for TASK_RE, so such text is not a task at all.
        if (/[\u2028\u2029]/.test(text)) {
          expect(parseTaskLine(`- [ ] ${text}`, 0)).toBeUndefined();
          return;
        }
        const t = parseTaskLine(`- [ ] ${text}`, 0);
        expect(t?.title).toBe(reference(text));
        expect(t?.due).toBe(referenceDate(text, /📅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u));
        expect(t?.doneDate).toBe(referenceDate(text, /✅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u));
      }),
      { numRuns: 3000 },
    );
  });
});

// TASK_RE as the reference for which lines are tasks, and for their status and text.
const linePiece = fc.constantFrom(' ', '  ', '\t', '>', '> ', '-', '*', '+', '1.', '12)', '3', '[', ']', '[ ]', '[x]', '[\u2028]', '[\ud83d]', 'x', 'a b', '日本', '\r', '\n', '\r\n', '\u2029', '📅 2026-12-01');

describe('task lines', () => {
  it('are recognised exactly as TASK_RE recognises them, with any EOL', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(' ', '\t', '>', '\u00a0'), { maxLength: 3 }),
        fc.constantFrom('-', '*', '+', '1.', '12)', '3', '', 'x'),
        fc.constantFrom(' ', '\t ', '', '\u3000'),
        fc.constantFrom('[ ]', '[x]', '[-]', '[]', '[\u2028]', '[\ud83d]', '[[]', '[]]', 'x]'),
        fc.constantFrom(' ', '  ', '', '\t'),
        fc.array(linePiece, { maxLength: 6 }),
        fc.constantFrom('', '\n', '\r\n', '\r'),
        (pre, marker, gap1, box, gap2, rest, eol) => {
        const raw = pre.join('') + marker + gap1 + box + gap2 + rest.join('') + eol;
        const stripped = raw.endsWith('\r\n') ? raw.slice(0, -2) : raw.endsWith('\n') || raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const m = TASK_RE.exec(stripped);
        const t = parseTaskLine(raw, 0);
        expect(t === undefined).toBe(m === null);
        if (m && t) {
          expect(t.status).toBe(m[3]);
          expect(t.text).toBe(m[4]);
        }
      },
      ),
      { numRuns: 5000 },
    );
  });
});
