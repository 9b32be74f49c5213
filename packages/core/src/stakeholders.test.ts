import { describe, expect, it } from 'vitest';
import { accountNote } from './__fixtures__/notes.js';
import { parseAccountNote } from './account.js';
import { lintAccount } from './lint.js';
import { scanHeadings } from './sections.js';
import { fencedLines, splitLinesKeepEol } from './text.js';
import type { Locale } from './problems.js';
import {
  addStakeholder,
  formatStakeholderCell,
  formatStakeholderTable,
  insertStakeholderMatrix,
  lintStakeholders,
  readStakeholders,
  LEVEL_LABELS,
  LEVELS,
  ROLE_LABELS,
  ROLES,
  type Stakeholder,
  type StakeholderTable,
} from './stakeholders.js';

function read(text: string, locale: Locale = 'en') {
  const lines = splitLinesKeepEol(text);
  const fenced = fencedLines(lines);
  return readStakeholders({ lines, fenced, headings: scanHeadings(lines, fenced) }, locale);
}

function table(text: string): StakeholderTable {
  const t = read(text).table;
  if (!t) throw new Error('expected a table');
  return t;
}

function codes(ps: readonly { code: string }[]): string[] {
  return ps.map((p) => p.code);
}

const EN_NOTE = [
  '---',
  'baton: account',
  'account: Acme',
  '---',
  '# Acme',
  '',
  '## Stakeholders',
  '',
  '| Name | Department | Level | Role | Influence | Attitude | Key person | Kickoff | Last contact | Status | Memo |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  '| Ann Lee | Sales Ops | Director | Decision maker, Champion | 5 | Positive | ✓ | yes | 2026-05-01 | Active | likes data |',
  '| Bob Ito | IT | Manager | IT / procurement | 3 | cautious | | no | 2026-04-01 | | |',
  '',
  '## Notes',
  '',
].join('\n');

const JA_NOTE = [
  '## 関係者',
  '',
  '| 氏名 | 部署 | 職位 | 役割 | 影響力 | 温度感 | キーパーソン | キックオフ参加 | 最終接触 | 状態 |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  '| 佐藤 花子 | 経営企画部 | 役員 | 決裁者・承認者 | ５ | 前向き | ○ | ◯ | ２０２６／０５／０１ | 在籍 |',
  '| 鈴木 一郎 | 営業部 | マネージャー | チャンピオン、現場担当 | 4 | 予算を気にしている | はい | × | | 異動 |',
  '| 田中 | 情報システム部 | メンバー | 情報システム | 2 | 中立 | - | いいえ | 2026-03-10 | 退職 |',
].join('\n');

describe('readStakeholders', () => {
  it('reads an English table in the Stakeholders section, values canonicalised', () => {
    const { table: t, problems } = read(EN_NOTE);
    expect(problems).toEqual([]);
    expect(t?.headerLine).toBe(8);
    expect(t?.end).toBe(12);
    expect(t?.locale).toBe('en');
    expect(t?.columns.map((c) => c.key)).toEqual(['name', 'department', 'level', 'role', 'influence', 'attitude', 'key_person', 'kickoff', 'last_contact', 'status', undefined]);
    const [ann, bob] = t?.rows ?? [];
    expect(ann).toMatchObject({
      name: 'Ann Lee',
      department: 'Sales Ops',
      level: 'director',
      roles: ['decision_maker', 'champion'],
      influence: 5,
      attitude: 'positive',
      keyPerson: true,
      attendedKickoff: true,
      lastContact: '2026-05-01',
      status: 'active',
      line: 10,
      extra: { Memo: 'likes data' },
      unrecognized: {},
    });
    expect(bob).toMatchObject({ roles: ['it', 'procurement'], attitude: 'negative', keyPerson: false, attendedKickoff: false, status: 'active' });
  });

  it('reads Japanese headers and values, full-width digits and aliases', () => {
    const { table: t, problems } = read(JA_NOTE);
    expect(problems).toEqual([]);
    expect(t?.locale).toBe('ja');
    const [sato, suzuki, tanaka] = t?.rows ?? [];
    expect(sato).toMatchObject({ level: 'executive', roles: ['decision_maker', 'approver'], influence: 5, keyPerson: true, attendedKickoff: true, lastContact: '2026-05-01', status: 'active' });
    expect(suzuki).toMatchObject({ level: 'manager', roles: ['champion', 'executor'], attitude: undefined, status: 'left', lastContact: undefined });
    expect(suzuki?.unrecognized).toEqual({ attitude: '予算を気にしている' });
    expect(tanaka).toMatchObject({ level: 'staff', roles: ['it'], attitude: 'neutral', keyPerson: false, status: 'left' });
  });

  it('accepts columns in any order, a missing subset, and bilingual headers', () => {
    const t = table('## Stakeholders\n\n| Role | Name / 氏名 |\n|:--|--:|\n| 決裁者 | Kato |\n');
    expect(t.columns.map((c) => c.key)).toEqual(['role', 'name']);
    expect(t.rows[0]).toMatchObject({ name: 'Kato', roles: ['decision_maker'], department: '', level: undefined, influence: undefined });
  });

  it('reads CRLF notes', () => {
    const { table: t, problems } = read(JA_NOTE.replace(/\n/g, '\r\n') + '\r\n');
    expect(problems).toEqual([]);
    expect(t?.rows.map((r) => r.name)).toEqual(['佐藤 花子', '鈴木 一郎', '田中']);
    expect(t?.rows[2]?.lastContact).toBe('2026-03-10');
  });

  it('keeps escaped pipes as cell content', () => {
    const t = table('## Stakeholders\n\n| Name | Department |\n|---|---|\n| A\\|B | R\\|D \\| Ops |\n');
    expect(t.rows[0]).toMatchObject({ name: 'A|B', department: 'R|D | Ops' });
  });

  it('reports rows with missing or extra cells as errors with the note line and column', () => {
    const { table: t, problems } = read('## Stakeholders\n\n| Name | Department | Role |\n|---|---|---|\n| Ann | Ops |\n| Bob | IT | User | extra |\n');
    expect(problems.map((p) => [p.code, p.severity, p.line, p.field])).toEqual([
      ['stakeholders.row-cells', 'error', 5, 'role'],
      ['stakeholders.row-cells', 'error', 6, 'role'],
    ]);
    expect(t?.rows.map((r) => r.name)).toEqual(['Ann', 'Bob']);
    expect(t?.rows[1]?.roles).toEqual(['user']);
  });

  it('warns about unknown values and keeps them as written', () => {
    const { table: t, problems } = read(
      '## Stakeholders\n\n| Name | Level | Role | Influence | Key person | Last contact | Status |\n|---|---|---|---|---|---|---|\n| Ann | VP of Fun | Sponsor, user | huge | maybe | soon | 休職 |\n',
    );
    expect(problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ['stakeholders.unknown-level', 'warning', 'level'],
      ['stakeholders.unknown-role', 'warning', 'role'],
      ['stakeholders.invalid-influence', 'warning', 'influence'],
      ['stakeholders.unknown-yes-no', 'warning', 'key_person'],
      ['stakeholders.invalid-date', 'warning', 'last_contact'],
      ['stakeholders.unknown-status', 'warning', 'status'],
    ]);
    expect(problems.every((p) => p.line === 5)).toBe(true);
    const ann = t?.rows[0];
    expect(ann).toMatchObject({ level: undefined, roles: ['user'], otherRoles: ['Sponsor'], influence: undefined, keyPerson: false, status: 'active' });
    expect(ann?.unrecognized).toEqual({ level: 'VP of Fun', influence: 'huge', key_person: 'maybe', last_contact: 'soon', status: '休職' });
  });

  it('a last contact in the years 0000–0099 is a typo, not a date: warned about, and the lints do not throw', () => {
    // It used to pass the row check (days ≤ 28 skipped the year) and then throw in the stale-contact lint.
    const text = accountNote({}, '## Stakeholders\n\n| Name | Key person | Last contact |\n|---|---|---|\n| Aoi | ✓ | 0026-01-10 |\n');
    const note = parseAccountNote(text);
    expect(note.problems.map((p) => [p.code, p.field])).toContainEqual(['stakeholders.invalid-date', 'last_contact']);
    expect(note.stakeholders?.rows[0]?.lastContact).toBeUndefined();
    expect(() => lintAccount(note, { today: '2026-11-22' })).not.toThrow();
  });

  it('gives Japanese messages when asked', () => {
    const { problems } = read('## 関係者\n\n| 氏名 | 職位 |\n|---|---|\n| 佐藤 | 顧問 |\n', 'ja');
    expect(problems[0]?.message).toContain('職位「顧問」');
  });

  it('errors on a row without a name and warns on a name listed twice', () => {
    const { table: t, problems } = read('## Stakeholders\n\n| Name | Role |\n|---|---|\n| | User |\n| Ann Lee | User |\n| ann  lee | IT |\n|  |  |\n');
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ['stakeholders.missing-name', 'error', 5],
      ['stakeholders.duplicate-name', 'warning', 7],
    ]);
    expect(t?.rows.map((r) => r.name)).toEqual(['Ann Lee', 'ann  lee']);
    expect(t?.end).toBe(8);
  });

  it('ignores a table inside a code fence', () => {
    const text = '## Stakeholders\n\n```\n| Name | Role |\n|---|---|\n| Fake | User |\n```\n\n| Name | Role |\n|---|---|\n| Real | User |\n';
    expect(table(text).rows.map((r) => r.name)).toEqual(['Real']);
    expect(read('## Stakeholders\n\n~~~md\n| Name | Role |\n|---|---|\n| Fake | User |\n~~~\n').table).toBeUndefined();
  });

  it('falls back to a recognised table anywhere when there is no Stakeholders heading', () => {
    const text = '---\nx: a | b\n---\n# Acme\n\n| Item | Price |\n|---|---|\n| A | 1 |\n\n## People\n\n| 氏名 | 役割 |\n|---|---|\n| 佐藤 | 決裁者 |\n';
    const t = table(text);
    expect(t.headerLine).toBe(11);
    expect(t.rows[0]?.name).toBe('佐藤');
    // A lone Name column is not enough evidence outside the section.
    expect(read('# A\n\n| Name | Price |\n|---|---|\n| A | 1 |\n').table).toBeUndefined();
  });

  it('skips non-stakeholder tables in the section and reports when none has a Name column', () => {
    const ok = table('## Stakeholders\n\n| Date | Event |\n|---|---|\n| x | y |\n\n| Name |\n|---|\n| Ann |\n');
    expect(ok.rows[0]?.name).toBe('Ann');
    const bad = read('## Stakeholders\n\n| Who | What |\n|---|---|\n| Ann | y |\n');
    expect(bad.table).toBeUndefined();
    expect(bad.problems.map((p) => [p.code, p.line])).toEqual([['stakeholders.no-name-column', 3]]);
  });

  it('does not read the Stakeholders section beyond it', () => {
    expect(read('## Stakeholders\n\nnone yet\n\n## Notes\n\n| Name | Role |\n|---|---|\n| Ann | User |\n').table).toBeUndefined();
  });

  it('ends the table at a blank line or a line without pipes', () => {
    const t = table('## Stakeholders\n\n| Name | Role |\n|---|---|\n| Ann | User |\nplain text\n| Bob | User |\n');
    expect(t.rows.map((r) => r.name)).toEqual(['Ann']);
    expect(t.end).toBe(5);
  });

  it('treats a repeated known column as an unknown one and warns', () => {
    const { table: t, problems } = read('## Stakeholders\n\n| Name | Role | 役割 |\n|---|---|---|\n| Ann | User | IT |\n');
    expect(codes(problems)).toEqual(['stakeholders.duplicate-column']);
    expect(t?.rows[0]).toMatchObject({ roles: ['user'], extra: { 役割: 'IT' } });
  });

  it('gives duplicate unknown columns distinct ids', () => {
    const t = table('## Stakeholders\n\n| Name | Memo | Memo |\n|---|---|---|\n| Ann | a | b |\n');
    expect(t.columns.map((c) => c.id)).toEqual(['name', 'Memo', 'Memo#2']);
    expect(t.rows[0]?.extra).toEqual({ Memo: 'a', 'Memo#2': 'b' });
  });

  it('never throws on odd input', () => {
    for (const text of ['', '|', '||\n||', '## Stakeholders\n|', '## Stakeholders\n| Name |\n|---|\n|', '## 関係者\n| 氏名 |\n| - |\n| \\| |\n']) {
      expect(() => read(text)).not.toThrow();
    }
  });
});

describe('formatStakeholderTable', () => {
  it('aligns by display width so Japanese lines up', () => {
    const lines = formatStakeholderTable(table(JA_NOTE), 'ja');
    expect(lines[0]?.startsWith('| 氏名      | 部署           |')).toBe(true);
    const widths = lines.map((l) => [...l].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0));
    expect(new Set(widths).size).toBe(1);
    expect(lines[1]).toMatch(/^\| -{9} \| -{14} \|/);
  });

  it('writes headers and known values in the requested language, unknown text as written', () => {
    const t = table(JA_NOTE);
    const en = formatStakeholderTable(t, 'en');
    expect(en[0]).toContain('| Name ');
    expect(en[2]).toContain('| Executive ');
    expect(en[2]).toContain('Decision maker, Approver');
    expect(en[3]).toContain('予算を気にしている');
    expect(en[3]).toContain('| Left ');
    expect(formatStakeholderTable(t, 'ja')[2]).toContain('決裁者、承認者');
  });

  it('round-trips a table: parse(format(x)) has the same rows, and format is stable', () => {
    for (const [note, locale] of [
      [EN_NOTE, 'en'],
      [JA_NOTE, 'ja'],
      [JA_NOTE, 'en'],
    ] as const) {
      const once = formatStakeholderTable(table(note), locale);
      const again = table(`## Stakeholders\n\n${once.join('\n')}\n`);
      expect(again.rows.map(({ line: _l, ...r }) => r)).toEqual(table(note).rows.map(({ line: _l, ...r }) => r));
      expect(formatStakeholderTable(again, locale)).toEqual(once);
    }
  });

  it('escapes pipes and uses every default column for bare rows', () => {
    const [header, , row] = formatStakeholderTable([{ ...table(EN_NOTE).rows[0]!, name: 'A|B' }], 'en');
    expect(header?.split(' | ').length).toBe(10);
    expect(row?.startsWith('| A\\|B ')).toBe(true);
  });

  it('formatStakeholderCell writes labels or the text as written', () => {
    const [sato, suzuki] = table(JA_NOTE).rows;
    expect(formatStakeholderCell(sato!, 'level', 'ja')).toBe('経営層');
    expect(formatStakeholderCell(sato!, 'key_person', 'en')).toBe('✓');
    expect(formatStakeholderCell(suzuki!, 'attitude', 'en')).toBe('予算を気にしている');
  });
});

describe('label tables', () => {
  it('cover every level and role in both languages, and labels read back as their key', () => {
    for (const l of LEVELS) for (const loc of ['en', 'ja'] as const) expect(table(`## S\n\n| Name | Level |\n|---|---|\n| A | ${LEVEL_LABELS[l][loc]} |\n`).rows[0]?.level).toBe(l);
    for (const r of ROLES) for (const loc of ['en', 'ja'] as const) expect(table(`## S\n\n| Name | Role |\n|---|---|\n| A | ${ROLE_LABELS[r][loc]} |\n`).rows[0]?.roles).toEqual([r]);
  });
});

/** A valid account's frontmatter: the edits refuse any other note. */
const FM = '---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n---\n';
/** EN_NOTE as a valid account: two more frontmatter lines. */
const EN_EDIT = EN_NOTE.replace('account: Acme\n', 'account: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n');

describe('insertStakeholderMatrix', () => {
  it('creates the heading at the end of the note when missing', () => {
    const r = insertStakeholderMatrix(`${FM}# Acme\n\nSome text\n`, { locale: 'en' });
    expect(r).toEqual({ ok: true, changed: true, text: `${FM}# Acme\n\nSome text\n\n## Stakeholders\n\n${formatStakeholderTable([], 'en').join('\n')}\n` });
  });

  it('uses the note locale and keeps CRLF and a missing final newline', () => {
    const fm = `${FM.replace('---\n', '---\nlocale: ja\n')}`.replace(/\n/g, '\r\n');
    const r = insertStakeholderMatrix(`${fm}# Acme`, {});
    expect(r.ok && r.text).toBe(`${fm}# Acme\r\n\r\n## 関係者\r\n\r\n${formatStakeholderTable([], 'ja').join('\r\n')}\r\n`);
  });

  it('fills an existing empty section before its sub-headings and the next section', () => {
    const text = `${FM}## Stakeholders\nWho is who.\n\n### Vendor side\n- us\n\n## Notes\n`;
    const r = insertStakeholderMatrix(text, { locale: 'en' });
    expect(r.ok && r.text).toBe(`${FM}## Stakeholders\nWho is who.\n\n${formatStakeholderTable([], 'en').join('\n')}\n\n### Vendor side\n- us\n\n## Notes\n`);
    expect(r.ok && read(r.text).table?.rows).toEqual([]);
  });

  it('separates the table from a following heading with a blank line', () => {
    const r = insertStakeholderMatrix(`${FM}## Stakeholders\n## Notes\n`, { locale: 'en' });
    expect(r.ok && r.text).toBe(`${FM}## Stakeholders\n\n${formatStakeholderTable([], 'en').join('\n')}\n\n## Notes\n`);
  });

  it('is a no-op when a table exists, and idempotent', () => {
    expect(insertStakeholderMatrix(EN_EDIT, {})).toEqual({ ok: true, changed: false, text: EN_EDIT });
    const once = insertStakeholderMatrix(`${FM}# A\n`, {});
    expect(once.ok && once.changed).toBe(true);
    expect(once.ok && insertStakeholderMatrix(once.text, {})).toEqual({ ok: true, changed: false, text: once.ok && once.text });
  });

  it('refuses rather than hide the table inside an unclosed code fence', () => {
    const r = insertStakeholderMatrix(`${FM}## Stakeholders\n\n\`\`\`\ncode`, { locale: 'en' });
    expect(!r.ok && codes(r.problems)).toEqual(['stakeholders.not-placed']);
    expect(addStakeholder(`${FM}# A\n\`\`\`js\n`, { name: 'Ann' }, {})).toMatchObject({ ok: false, problems: [{ code: 'stakeholders.not-placed' }] });
  });

  it('refuses a note with broken frontmatter', () => {
    const r = insertStakeholderMatrix('---\nbaton: account\naccount: [\n---\n# A\n', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && codes(r.problems)).toEqual(['frontmatter.yaml']);
    expect(insertStakeholderMatrix('---\nbaton: account\n# A\n', {})).toMatchObject({ ok: false, problems: [{ code: 'frontmatter.unclosed' }] });
  });
});

describe('addStakeholder', () => {
  it('appends one row after the last row, touching nothing else', () => {
    const r = addStakeholder(EN_EDIT, { name: 'Cho Min', department: 'Finance', roles: ['approver'], keyPerson: true }, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const before = EN_EDIT.split('\n');
    const after = r.text.split('\n');
    expect(after.length).toBe(before.length + 1);
    expect([...after.slice(0, 14), ...after.slice(15)]).toEqual(before);
    expect(after[14]?.replace(/ +/g, ' ')).toBe('| Cho Min | Finance | | Approver | | | ✓ | | | Active | |');
    // Padded to the widest existing cell of each column ("Decision maker, Champion" in Role).
    expect(after[14]).toContain(`| ${'Approver'.padEnd('Decision maker, Champion'.length)} |`);
    expect(table(r.text).rows[2]).toMatchObject({ name: 'Cho Min', roles: ['approver'], keyPerson: true, line: 14 });
  });

  it('writes values in the table language, keeping CRLF', () => {
    const text = (FM + JA_NOTE).replace(/\n/g, '\r\n') + '\r\n';
    const r = addStakeholder(text, { name: '山本', level: 'director', roles: ['decision_maker', 'user'], attendedKickoff: true, lastContact: '2026-06-01' }, { locale: 'en' });
    const added = r.ok ? r.text.slice(text.length) : '';
    expect(added.replace(/ +/g, ' ')).toBe('| 山本 | | 部長 | 決裁者、利用者 | | | | ○ | 2026-06-01 | 在籍 |\r\n');
    expect(r.ok && r.text.startsWith(text)).toBe(true);
  });

  it('inserts before a following section, and adds a line break when the table ends the file', () => {
    const r1 = addStakeholder(EN_EDIT, { name: 'X' }, {});
    expect(r1.ok).toBe(true);
    expect(r1.ok && r1.text.indexOf('| X ')).toBeLessThan(r1.ok ? r1.text.indexOf('## Notes') : 0);
    const r2 = addStakeholder(`${FM}## Stakeholders\n\n| Name |\n|---|\n| A |`, { name: 'B' }, {});
    expect(r2.ok && r2.text).toBe(`${FM}## Stakeholders\n\n| Name |\n|---|\n| A |\n| B    |`);
  });

  it('creates the table (and the section) when there is none', () => {
    const r = addStakeholder(`${FM}# Acme\n`, { name: '佐藤', keyPerson: true }, { locale: 'ja' });
    expect(r.ok && r.text).toBe(`${FM}# Acme\n\n## 関係者\n\n${formatStakeholderTable([{ ...table(JA_NOTE).rows[0]!, ...blank('佐藤'), keyPerson: true }], 'ja').join('\n')}\n`);
    expect(r.ok && table(r.text).rows[0]).toMatchObject({ name: '佐藤', keyPerson: true, status: 'active' });
  });

  it('refuses a name already listed (ignoring width, case and spaces)', () => {
    const r = addStakeholder(FM + JA_NOTE, { name: '佐藤花子' }, {});
    expect(!r.ok && r.problems.map((p) => [p.code, p.line])).toEqual([['stakeholders.duplicate-name', 11]]);
    expect(addStakeholder(EN_EDIT, { name: ' ANN  LEE ' }, {})).toMatchObject({ ok: false, problems: [{ code: 'stakeholders.duplicate-name' }] });
  });

  it('refuses when the table has errors or the frontmatter is broken', () => {
    const r = addStakeholder(`${FM}## Stakeholders\n\n| Name | Role |\n|---|---|\n| Ann |\n`, { name: 'Bob' }, {});
    expect(!r.ok && codes(r.problems)).toEqual(['stakeholders.row-cells']);
    expect(addStakeholder('---\nbaton: account\na: [\n---\n', { name: 'Bob' }, {})).toMatchObject({ ok: false, problems: [{ code: 'frontmatter.yaml' }] });
  });

  it('refuses invalid values and values with no column to go in', () => {
    const bad = addStakeholder(EN_EDIT, { name: 'Z', influence: 9, lastContact: '2026-02-30' }, {});
    expect(!bad.ok && bad.problems.map((p) => p.field)).toEqual(['influence', 'last_contact']);
    expect(addStakeholder(EN_EDIT, { name: '  ' }, {})).toMatchObject({ ok: false, problems: [{ field: 'name' }] });
    const noCol = addStakeholder(`${FM}## Stakeholders\n\n| Name | Role |\n|---|---|\n| Ann | User |\n`, { name: 'Bob', keyPerson: true, extra: { Phone: '123' } }, {});
    expect(!noCol.ok && noCol.problems.map((p) => [p.code, p.field, p.message])).toEqual([
      ['stakeholders.missing-column', 'key_person', 'The table has no column for: Key person, Phone. Add the column first'],
    ]);
    // Default values need no column.
    expect(addStakeholder(`${FM}## Stakeholders\n\n| Name | Role |\n|---|---|\n| Ann | User |\n`, { name: 'Bob', keyPerson: false, status: 'active' }, {}).ok).toBe(true);
  });

  it('fills unknown columns from extra and escapes pipes', () => {
    const r = addStakeholder(EN_EDIT, { name: 'P|Q', extra: { Memo: 'a|b' } }, {});
    expect(r.ok && table(r.text).rows[2]).toMatchObject({ name: 'P|Q', extra: { Memo: 'a|b' } });
  });
});

function blank(name: string): Partial<Stakeholder> {
  return {
    name,
    department: '',
    level: undefined,
    roles: [],
    otherRoles: [],
    influence: undefined,
    attitude: undefined,
    keyPerson: false,
    attendedKickoff: false,
    lastContact: undefined,
    status: 'active',
    unrecognized: {},
    extra: {},
  };
}

describe('lintStakeholders', () => {
  const TODAY = '2026-06-01';
  const make = (rows: string[], header = '| Name | Department | Role | Key person | Kickoff | Last contact | Status |') =>
    table(`## Stakeholders\n\n${header}\n|${' --- |'.repeat(header.split('|').length - 2)}\n${rows.join('\n')}\n`);

  const healthy = make([
    '| Ann | Ops | Decision maker | ✓ | ✓ | 2026-05-20 | |',
    '| Bob | IT | Champion | ✓ | ✓ | 2026-05-01 | |',
  ]);

  it('reports nothing for a healthy matrix', () => {
    expect(lintStakeholders(healthy, { today: TODAY, kickoffDate: '2026-04-01' })).toEqual([]);
  });

  it('reports a missing table as info', () => {
    expect(lintStakeholders(undefined, { today: TODAY }).map((p) => [p.code, p.severity, p.line])).toEqual([['stakeholders.missing', 'info', 1]]);
  });

  it('warns about a single key person, at their row, with the bridge message', () => {
    const t = make(['| Ann | Ops | Decision maker | ✓ | ✓ | 2026-05-20 | |', '| Bob | IT | User | | | | |']);
    const ps = lintStakeholders(t, { today: TODAY });
    expect(ps.map((p) => [p.code, p.line])).toEqual([['stakeholders.single-key-person', 5]]);
    expect(ps[0]?.message).toBe('Only one key person — a resignation or transfer cuts the bridge');
    expect(lintStakeholders(t, { today: TODAY, locale: 'ja' })[0]?.message).toContain('1人だけ');
  });

  it('warns when no key person is marked, at the header', () => {
    const ps = lintStakeholders(make(['| Ann | Ops | Decision maker | | | | |']), { today: TODAY });
    expect(ps.map((p) => [p.code, p.line])).toEqual([['stakeholders.no-key-person', 3]]);
  });

  it('does not count key persons who left, and reports them', () => {
    const t = make(['| Ann | Ops | Decision maker | ✓ | ✓ | 2026-05-20 | |', '| Bob | IT | Champion | ✓ | ✓ | 2026-05-01 | 退職 |']);
    expect(lintStakeholders(t, { today: TODAY }).map((p) => [p.code, p.line])).toEqual([
      ['stakeholders.single-key-person', 5],
      ['stakeholders.key-person-left', 6],
    ]);
  });

  it('warns when there is no active decision maker', () => {
    const t = make(['| Ann | Ops | Champion | ✓ | ✓ | 2026-05-20 | |', '| Bob | IT | Decision maker | ✓ | ✓ | 2026-05-01 | left |']);
    expect(codes(lintStakeholders(t, { today: TODAY }))).toEqual(['stakeholders.single-key-person', 'stakeholders.no-decision-maker', 'stakeholders.key-person-left']);
  });

  it('checks kickoff attendance of decision makers only once the kickoff has happened', () => {
    const t = make(['| Ann | Ops | Decision maker | ✓ | | 2026-05-20 | |', '| Bob | IT | Champion | ✓ | ✓ | 2026-05-01 | |']);
    expect(lintStakeholders(t, { today: TODAY, kickoffDate: '2026-06-01' }).map((p) => [p.code, p.line, p.field])).toEqual([['stakeholders.decision-maker-missed-kickoff', 5, 'kickoff']]);
    expect(lintStakeholders(t, { today: TODAY, kickoffDate: '2026-06-02' })).toEqual([]);
    expect(lintStakeholders(t, { today: TODAY })).toEqual([]);
    const noColumn = make(['| Ann | Ops | Decision maker | ✓ |', '| Bob | IT | Champion | ✓ |'], '| Name | Department | Role | Key person |');
    expect(lintStakeholders(noColumn, { today: TODAY, kickoffDate: '2026-04-01' })).toEqual([]);
  });

  it('warns when all key persons sit in one department', () => {
    const t = make(['| Ann | Ops | Decision maker | ✓ | ✓ | 2026-05-20 | |', '| Bob | ｏｐｓ | Champion | ✓ | ✓ | 2026-05-01 | |']);
    expect(lintStakeholders(t, { today: TODAY }).map((p) => [p.code, p.line])).toEqual([['stakeholders.key-persons-one-department', 5]]);
  });

  it('warns about key persons not contacted for more than contactDays, or never', () => {
    const t = make(['| Ann | Ops | Decision maker | ✓ | ✓ | 2026-04-01 | |', '| Bob | IT | Champion | ✓ | ✓ | | |', '| Cy | IT | User | | | 2020-01-01 | |']);
    const ps = lintStakeholders(t, { today: TODAY });
    expect(ps.map((p) => [p.code, p.line, p.message])).toEqual([
      ['stakeholders.stale-contact', 5, 'No contact with key person Ann for 61 days'],
      ['stakeholders.stale-contact', 6, 'No contact recorded with key person Bob'],
    ]);
    expect(lintStakeholders(t, { today: TODAY, contactDays: 61 }).map((p) => p.line)).toEqual([6]);
  });

  it('never throws on a bad today and skips date checks', () => {
    expect(() => lintStakeholders(healthy, { today: 'not a date', kickoffDate: 'nope' })).not.toThrow();
    expect(lintStakeholders(healthy, { today: 'not a date' })).toEqual([]);
  });
});

describe('influence written as words or stars', () => {
  it('reads High/Medium/Low, 高/中/低 and ★ counts on the 1–5 scale without warnings', () => {
    const r = read(
      '## Stakeholders\n| Name | Influence |\n|---|---|\n| A | High |\n| B | medium |\n| C | Low |\n| D | 高 |\n| E | 中 |\n| F | ★★★★☆ |\n| G | huge |\n',
    );
    expect(r.table?.rows.map((s) => s.influence)).toEqual([5, 3, 1, 5, 3, 4, undefined]);
    expect(codes(r.problems)).toEqual(['stakeholders.invalid-influence']);
  });
});
