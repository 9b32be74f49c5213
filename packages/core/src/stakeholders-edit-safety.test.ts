import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAccountNote } from './account.js';
import type { EditResult } from './edit.js';
import { lintAccount } from './lint.js';
import { addStakeholder, insertStakeholderMatrix, tableWithoutSection } from './stakeholders.js';
import { splitLinesKeepEol } from './text.js';

const RUNS = { numRuns: Number(process.env['BATON_FC_RUNS'] ?? 150) };
const FM = '---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n---\n';
const rows = (text: string) => parseAccountNote(text).stakeholders?.rows.map((r) => r.name);
const textOf = (r: EditResult) => (r.ok ? r.text : undefined);

describe('the note title is never taken for the Stakeholders section', () => {
  const proposal = '### Proposal history\n\n| Name | Price |\n|---|---|\n| Pro plan | 100 |\n';
  const titled = `${FM.replace('Acme', 'Stakeholders')}# Stakeholders\n\n${proposal}`;
  const section = '\n## Stakeholders\n\n| Name | Role |\n|---|---|\n| Sato | DM |\n';

  it('reads the table of the real section, not the first table under the title', () => {
    expect(rows(titled + section)).toEqual(['Sato']);
    expect(rows(titled)).toBeUndefined();
    // In Japanese, and with the title written in another width and case.
    const ja = `${FM.replace('Acme', '関係者')}# 関係者\n\n| 氏名 | 価格 |\n|---|---|\n| プロ | 100 |\n\n## 関係者\n\n| 氏名 | 役割 |\n|---|---|\n| 佐藤 | 決裁者 |\n`;
    expect(rows(ja)).toEqual(['佐藤']);
    expect(rows(`${FM.replace('Acme', 'stakeholders')}# ＳＴＡＫＥＨＯＬＤＥＲＳ\n\n${proposal}${section}`)).toEqual(['Sato']);
  });

  it('a `#` heading that is not the title still counts, as it always did', () => {
    expect(rows(`${FM}# Stakeholders\n\n${proposal}`)).toEqual(['Pro plan']);
    // A `##` heading named like the account is a section, not the title.
    expect(rows(`${FM.replace('Acme', 'Stakeholders')}## Stakeholders\n\n| Name | Role |\n|---|---|\n| Sato | DM |\n`)).toEqual(['Sato']);
  });

  it('addStakeholder writes into the real section and leaves the title’s tables alone', () => {
    const text = titled + section;
    const r = addStakeholder(text, { name: 'Ito' });
    expect(textOf(r)).toBe(`${text}| Ito  |      |\n`);
    expect(rows(textOf(r)!)).toEqual(['Sato', 'Ito']);
  });

  it('without a real section, the edits add one at the end instead of writing under the title', () => {
    const m = insertStakeholderMatrix(titled, { locale: 'en' });
    expect(m.ok && m.changed).toBe(true);
    expect(textOf(m)?.startsWith(`${titled}\n## Stakeholders\n\n| Name |`)).toBe(true);
    expect(rows(textOf(m)!)).toEqual([]);
    const a = addStakeholder(titled, { name: 'Sato', keyPerson: true }, { locale: 'en' });
    expect(textOf(a)?.startsWith(`${titled}\n## Stakeholders\n\n| Name |`)).toBe(true);
    expect(rows(textOf(a)!)).toEqual(['Sato']);
    expect(insertStakeholderMatrix(textOf(m)!, { locale: 'en' })).toEqual({ ok: true, text: textOf(m), changed: false });
  });

  it('property: a title that reads as a section heading changes no read and no edit, whatever the body', () => {
    const name = fc.constantFrom('Stakeholders', '関係者', 'Stakeholder matrix', 'Notes', 'Checklists');
    const block = fc.constantFrom(
      '### Proposal history\n\n| Name | Price |\n|---|---|\n| Pro plan | 100 |',
      '| Name | Role |\n|---|---|\n| Kim | Champion |',
      '| Name | Department | Key person |\n|---|---|---|\n| Ann | Ops | ✓ |',
      '## Stakeholders',
      '## 関係者\n\n| 氏名 | 役割 |\n|---|---|\n| 佐藤 | 決裁者 |',
      '## Notes\n\nSome text',
      '```\n| Name | Role |\n|---|---|\n| Fake | User |\n```',
      '',
    );
    fc.assert(
      fc.property(name, fc.array(block, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (account, blocks, eol) => {
        const body = `\n${blocks.join('\n\n')}\n`;
        const fm = FM.replace('Acme', account);
        // The same note with a title that names no section: the reference.
        const titled = `${fm}# ${account}${body}`.replace(/\n/g, eol);
        const plain = `${fm}# Title${body}`.replace(/\n/g, eol);
        const swap = (t: string | undefined) => t?.replace(`# Title${eol}`, `# ${account}${eol}`);
        expect(parseAccountNote(titled).stakeholders).toEqual(parseAccountNote(plain).stakeholders);
        for (const edit of [(t: string) => insertStakeholderMatrix(t, { locale: 'en' }), (t: string) => addStakeholder(t, { name: 'Zed' }, { locale: 'ja' })]) {
          const a = edit(titled);
          const b = edit(plain);
          expect(a.ok).toBe(b.ok);
          if (a.ok && b.ok) {
            expect(a.text).toBe(swap(b.text));
            // Only whole lines inserted: every original line is still there, in order.
            const after = splitLinesKeepEol(a.text);
            let j = 0;
            for (const l of splitLinesKeepEol(titled)) {
              while (j < after.length && after[j] !== l && after[j] !== l + eol) j++;
              expect(j).toBeLessThan(after.length);
              j++;
            }
          }
        }
      }),
      RUNS,
    );
  });
});

describe('the stakeholder edits refuse notes whose frontmatter has errors, and notes that are not accounts', () => {
  const body = '# Acme\n\n## Stakeholders\n\n| Name | Role |\n|---|---|\n| Sato | DM |\n';
  const edits = (text: string, locale?: 'ja') => ({
    addStakeholder: addStakeholder(text, { name: 'Ito' }, locale ? { locale } : {}),
    insertStakeholderMatrix: insertStakeholderMatrix(body === text ? text : text.replace(/\| Sato.*\n/, '').replace(/\| Name[^]*$/, ''), locale ? { locale } : {}),
  });
  const refused = (r: EditResult) => {
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('text');
    return r.ok ? [] : r.problems.map((p) => ({ code: p.code, line: p.line, field: p.field }));
  };

  it('an impossible date, a missing required key, an invalid optional key: the frontmatter error, line and field', () => {
    for (const [fm, line, field] of [
      [FM.replace('2026-04-01', '2026-02-30'), 4, 'contract_start'],
      [FM.replace('term_months: 12\n', ''), 1, 'term_months'],
      [FM.replace('term_months: 12', 'term_months: 12\nkickoff_date: 2026-13-01'), 6, 'kickoff_date'],
    ] as const) {
      for (const [name, r] of Object.entries(edits(fm + body))) expect(refused(r), name).toEqual([{ code: expect.stringMatching(/^frontmatter\./), line, field }]);
    }
    // The message is the reader's, in the note's language.
    const ja = addStakeholder(FM.replace('2026-04-01', '2026-02-30') + body, { name: 'Ito' }, { locale: 'ja' });
    expect(!ja.ok && ja.problems[0]?.message).toMatch(/項目「contract_start」/);
  });

  it('a meeting note, a plain note, broken YAML: refused, saying why', () => {
    const meeting = `---\ntitle: Weekly\nbaton: meeting\n---\n${body}`;
    for (const [name, r] of Object.entries(edits(meeting))) expect(refused(r), name).toEqual([{ code: 'stakeholders.not-account', line: 3, field: 'baton' }]);
    for (const r of Object.values(edits(body))) expect(refused(r)).toEqual([{ code: 'stakeholders.not-account', line: 1, field: 'baton' }]);
    const ja = addStakeholder(meeting, { name: 'Ito' }, { locale: 'ja' });
    expect(!ja.ok && ja.problems[0]?.message).toBe('Batonのアカウントノート（baton: account）ではありません');
    for (const r of Object.values(edits(`${FM.replace('account: Acme', 'account: [Acme')}${body}`))) expect(refused(r)).toEqual([{ code: 'frontmatter.yaml', line: expect.any(Number), field: undefined }]);
  });

  it('a valid account is still edited', () => {
    expect(edits(FM + body).addStakeholder.ok).toBe(true);
    expect(insertStakeholderMatrix(`${FM}# Acme\n`).ok).toBe(true);
  });
});

describe('a stakeholder table without a Stakeholders heading', () => {
  const text = `${FM}| Name | Key person |\n|---|---|\n| Sato | ✓ |\n`;

  it('is named as the reason not to add the section, on the table’s header line', () => {
    const note = parseAccountNote(text);
    expect(note.stakeholders?.rows.map((r) => r.name)).toEqual(['Sato']);
    expect(tableWithoutSection(note, 'en')).toEqual([
      {
        code: 'stakeholders.no-section',
        severity: 'error',
        message: 'The stakeholder table has no Stakeholders heading: add the heading above it instead of a second table',
        line: 7,
        field: 'stakeholders',
      },
    ]);
    expect(tableWithoutSection(note, 'ja')?.[0]?.message).toMatch(/関係者/);
    // A note whose title is "Stakeholders" has no Stakeholders section either.
    const titled = parseAccountNote(`${FM.replace('Acme', 'Stakeholders')}# Stakeholders\n\n| Name | Key person |\n|---|---|\n| Sato | ✓ |\n`);
    expect(tableWithoutSection(titled, 'en')?.[0]).toMatchObject({ line: 9 });
  });

  it('is no reason when the section exists, or when there is no table', () => {
    expect(tableWithoutSection(parseAccountNote(`${FM}## Stakeholders\n\n| Name | Key person |\n|---|---|\n| Sato | ✓ |\n`), 'en')).toBeUndefined();
    expect(tableWithoutSection(parseAccountNote(`${FM}# Acme\n`), 'en')).toBeUndefined();
  });

  it('insertStakeholderMatrix adds no second table that would hide it', () => {
    expect(insertStakeholderMatrix(text)).toEqual({ ok: true, text, changed: false });
    expect(lintAccount(parseAccountNote(text), { today: '2026-05-01' }).map((p) => p.code)).not.toContain('stakeholders.no-key-person');
  });
});
