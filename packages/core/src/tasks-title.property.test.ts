import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_RE, parseTaskLine } from './tasks.js';

// The original, regex-only title rule: the fast path in parseTaskLine must give the same answer.
const EMOJI_FIELDS_RE = /\s*(?:📅|✅|⏳|🛫|➕|❌|🔁|⏫|🔼|🔽|⏬|🔺|🆔|⛔)\uFE0F?.*$/u;
const reference = (text: string) => text.replace(ID_RE, '').replace(EMOJI_FIELDS_RE, '').replace(/\s+\^[\w-]+\s*$/, '').trim();

const piece = fc.constantFrom('📅', '✅', '⛔', '🔁', ' ', '\u00a0', '\u2028', '^', '^ref', 'x', 'Call Acme', '2026-12-01', '<!-- baton:a.b {renewal_date-30d} -->', '\uFE0F', '#', '日本語');

describe('task titles', () => {
  it('match the regex-only rule for any mix of fields, ids, block refs and odd spaces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = `x${parts.join('')}`;
        // A line separator ends the line for TASK_RE, so such text is not a task at all.
        if (/[\u2028\u2029]/.test(text)) expect(parseTaskLine(`- [ ] ${text}`, 0)).toBeUndefined();
        else expect(parseTaskLine(`- [ ] ${text}`, 0)?.title).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
