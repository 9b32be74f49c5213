import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { insertMissingSection } from './handoff.js';
import { lintAccount } from './lint.js';

const FM = '---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n---\n';

describe('insertMissingSection(stakeholders) next to a table without a Stakeholders heading', () => {
  it('refuses, naming the table, rather than add an empty table that hides its rows', () => {
    const text = `${FM}| Name | Key person |\n|---|---|\n| Sato | ✓ |\n`;
    const r = insertMissingSection(text, 'stakeholders');
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'stakeholders.no-section', line: 7, field: 'stakeholders' })] });
    expect(parseAccountNote(text).stakeholders?.rows).toHaveLength(1);
    expect(lintAccount(parseAccountNote(text), { today: '2026-05-01' }).map((p) => p.code)).not.toContain('stakeholders.no-key-person');
    const ja = insertMissingSection(text, 'stakeholders', { locale: 'ja' });
    expect(!ja.ok && ja.problems[0]?.message).toMatch(/関係者/);
  });

  it('still adds the section to a note with no table, and to one whose only table is under the title', () => {
    const r = insertMissingSection(`${FM}# Acme\n`, 'stakeholders');
    expect(r.ok && r.changed).toBe(true);
    const titled = `${FM.replace('Acme', 'Stakeholders')}# Stakeholders\n\n### Proposal history\n\n| Name | Price |\n|---|---|\n| Pro plan | 100 |\n`;
    const t = insertMissingSection(titled, 'stakeholders');
    expect(t.ok && t.changed).toBe(true);
    expect(t.ok && parseAccountNote(t.text).stakeholders?.rows).toEqual([]);
  });
});
