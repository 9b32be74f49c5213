import { describe, expect, it } from 'vitest';
import { BUILTIN_CHECKLIST_IDS, builtinChecklists, deriveItemId, findChecklist, parseChecklistTemplate, splitTasksFields, type ChecklistTemplate } from './checklist-templates.js';
import { parseRelativeDate } from './relative-date.js';

describe('builtinChecklists', () => {
  it('has every built-in in both languages with the same item ids and anchors', () => {
    const en = builtinChecklists('en');
    const ja = builtinChecklists('ja');
    expect(en.map((t) => t.id)).toEqual([...BUILTIN_CHECKLIST_IDS]);
    expect(ja.map((t) => t.id)).toEqual([...BUILTIN_CHECKLIST_IDS]);
    for (const [i, t] of en.entries()) {
      const j = ja[i]!;
      expect(j.items.map((x) => [x.id, x.due])).toEqual(t.items.map((x) => [x.id, x.due]));
      expect(j.title).not.toBe(t.title);
      expect(t.locale).toBe('en');
      expect(j.locale).toBe('ja');
      expect(t.source).toBe('builtin');
    }
  });

  it('keeps each playbook between 4 and 8 items with unique ids, valid anchors and real text', () => {
    for (const locale of ['en', 'ja'] as const) {
      for (const t of builtinChecklists(locale)) {
        expect(t.items.length, t.id).toBeGreaterThanOrEqual(4);
        expect(t.items.length, t.id).toBeLessThanOrEqual(8);
        expect(new Set(t.items.map((x) => x.id)).size).toBe(t.items.length);
        for (const it of t.items) {
          expect(it.due === undefined || parseRelativeDate(it.due) !== undefined, `${t.id}.${it.id}`).toBe(true);
          expect(it.text.length).toBeGreaterThan(10);
          expect(it.text).not.toMatch(/[\r\n{}]/);
        }
      }
    }
  });

  it('writes the Japanese items in Japanese', () => {
    for (const t of builtinChecklists('ja')) for (const it of t.items) expect(it.text, it.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('anchors playbooks to the dates the domain calls for', () => {
    const dues = (id: string) => findChecklist(id, 'en')!.items.map((x) => x.due);
    expect(dues('renewal-prep')).toEqual(expect.arrayContaining(['renewal_date-120d', 'renewal_date-90d', 'renewal_date-60d', 'renewal_date-30d']));
    expect(dues('renewal-prep').some((d) => d?.startsWith('notice_deadline'))).toBe(true);
    expect(dues('first-goal-review')).toEqual(expect.arrayContaining(['kickoff_date+1m', 'kickoff_date+3m', 'kickoff_date+1y']));
    // The gap after signing is fragile: the first contact happens on the first business day.
    expect(dues('signing-to-first-use')[0]).toBe('contract_start+1bd');
  });

  it('returns fresh objects each call', () => {
    const a = builtinChecklists('en');
    a[0]!.items.length = 0;
    expect(builtinChecklists('en')[0]!.items.length).toBeGreaterThan(0);
  });
});

describe('findChecklist', () => {
  const team = (id: string, locale: 'en' | 'ja', title: string): ChecklistTemplate => ({ id, title, locale, source: 'team', items: [{ id: 'a', text: 'A' }] });

  it('finds built-ins in the requested language', () => {
    expect(findChecklist('kickoff', 'ja')?.title).toBe('キックオフ');
    expect(findChecklist('kickoff', 'en')?.title).toBe('Kickoff');
    expect(findChecklist('nope', 'en')).toBeUndefined();
  });

  it('lets a team template override a built-in in the same language only', () => {
    const teams = [team('kickoff', 'en', 'Our kickoff')];
    expect(findChecklist('kickoff', 'en', teams)?.title).toBe('Our kickoff');
    expect(findChecklist('kickoff', 'ja', teams)?.title).toBe('キックオフ');
  });

  it('falls back to a team template in another language', () => {
    const teams = [team('ebr', 'en', 'EBR')];
    expect(findChecklist('ebr', 'ja', teams)?.title).toBe('EBR');
  });
});

describe('deriveItemId', () => {
  it('slugs ASCII text', () => {
    expect(deriveItemId('Pull 12 months of usage')).toBe('pull-12-months-of-usage');
    expect(deriveItemId("  Check the customer's  NPS! ")).toBe('check-the-customer-s-nps');
  });

  it('keeps long slugs short, on a word boundary', () => {
    const id = deriveItemId('Write down every single thing that the customer said during the meeting about pricing');
    expect(id.length).toBeLessThanOrEqual(48);
    expect(id).toBe('write-down-every-single-thing-that-the-customer');
  });

  it('hashes non-ASCII text to a short stable id', () => {
    const a = deriveItemId('利用実績をまとめる');
    expect(a).toMatch(/^h[0-9a-z]{7}$/);
    expect(deriveItemId('利用実績をまとめる')).toBe(a);
    expect(deriveItemId('利用実績を確認する')).not.toBe(a);
    // Full-width and half-width spellings are the same item.
    expect(deriveItemId('ＡＢＣ を確認')).toBe(deriveItemId('ABC を確認'));
  });

  it('hashes text that has no letters or digits', () => {
    expect(deriveItemId('!!!')).toMatch(/^h[0-9a-z]{7}$/);
  });
});

describe('parseChecklistTemplate', () => {
  const file = 'Templates/enterprise-renewal.md';

  it('reads the documented example', () => {
    const text = [
      '---',
      'baton: checklist',
      'id: enterprise-renewal',
      'title: Enterprise renewal',
      'locale: en',
      '---',
      'Run this for accounts above 10M yen.',
      '',
      '- [ ] Pull 12 months of usage {renewal_date-120d}',
      '- [ ] Executive business review {renewal_date-90d} <!-- id: ebr -->',
      '',
    ].join('\n');
    const { template, problems } = parseChecklistTemplate(text, file);
    expect(problems).toEqual([]);
    expect(template).toEqual({
      id: 'enterprise-renewal',
      title: 'Enterprise renewal',
      locale: 'en',
      source: 'team',
      file,
      items: [
        { id: 'pull-12-months-of-usage', text: 'Pull 12 months of usage', due: 'renewal_date-120d' },
        { id: 'ebr', text: 'Executive business review', due: 'renewal_date-90d' },
      ],
    });
  });

  it('reads a Japanese template with CRLF, hashing item ids and ignoring fenced examples', () => {
    const text = [
      '---',
      'baton: checklist',
      'id: jp-renewal',
      'title: 大口更新',
      'locale: ja',
      '---',
      '- [ ] 利用実績をまとめる {renewal_date-120d}',
      '```',
      '- [ ] これは例です',
      '```',
      '- [ ] 決裁者と面談 ⏫ {renewal_date-90d}',
      '',
    ].join('\r\n');
    const { template, problems } = parseChecklistTemplate(text, 'jp.md');
    expect(problems).toEqual([]);
    expect(template?.title).toBe('大口更新');
    expect(template?.items.map((i) => i.text)).toEqual(['利用実績をまとめる', '決裁者と面談 ⏫']);
    expect(template?.items[0]?.id).toBe(deriveItemId('利用実績をまとめる'));
    expect(template?.items[1]?.due).toBe('renewal_date-90d');
    // Ids come from the description: Tasks fields may be added later without changing the id.
    expect(template?.items[1]?.id).toBe(deriveItemId('決裁者と面談'));
  });

  it('slugs the description of an ASCII item that carries Tasks fields', () => {
    const { template } = parseChecklistTemplate('---\nbaton: checklist\nid: q\n---\n- [ ] Call the sponsor ⏫ 🔁 every month\n- [ ] ⏫\n', 'q.md');
    expect(template?.items).toEqual([{ id: 'call-the-sponsor', text: 'Call the sponsor ⏫ 🔁 every month' }]);
  });

  it('splits Tasks fields off an item text', () => {
    expect(splitTasksFields('Call the sponsor ⏫ 🔁 every month')).toEqual({ description: 'Call the sponsor', fields: '⏫ 🔁 every month' });
    expect(splitTasksFields('Plain')).toEqual({ description: 'Plain', fields: '' });
  });

  it('uses the id as title when there is none, and reads items without due dates', () => {
    const { template } = parseChecklistTemplate('---\nbaton: checklist\nid: quick\n---\n* [ ] Say hello\n', 'q.md');
    expect(template).toMatchObject({ title: 'quick', locale: 'en', items: [{ id: 'say-hello', text: 'Say hello' }] });
    expect(template?.items[0]).not.toHaveProperty('due');
  });

  it('reports a missing marker, id or items with line and field instead of throwing', () => {
    expect(parseChecklistTemplate('# just a note\n', 'a.md')).toMatchObject({ template: undefined, problems: [{ code: 'checklist.no-frontmatter', line: 1 }] });
    expect(parseChecklistTemplate('---\nbaton: account\nid: x\n---\n- [ ] a\n', 'a.md').problems).toMatchObject([{ code: 'checklist.not-template', line: 2, field: 'baton' }]);
    expect(parseChecklistTemplate('---\nbaton: checklist\ntitle: X\n---\n- [ ] a\n', 'a.md').problems).toMatchObject([{ code: 'checklist.missing-id', field: 'id' }]);
    expect(parseChecklistTemplate('---\nbaton: checklist\nid: a.b\n---\n- [ ] a\n', 'a.md').problems).toMatchObject([{ code: 'checklist.invalid-id', line: 3, field: 'id' }]);
    expect(parseChecklistTemplate('---\nbaton: checklist\nid: x\n---\nNo tasks here\n', 'a.md')).toMatchObject({ template: undefined, problems: [{ code: 'checklist.no-items', line: 5 }] });
    expect(parseChecklistTemplate('---\nbaton: [checklist\n---\n', 'a.md').problems).toMatchObject([{ code: 'checklist.yaml', severity: 'error' }]);
    expect(parseChecklistTemplate('---\nbaton: checklist\nid: x\n- [ ] a\n', 'a.md').problems).toMatchObject([{ code: 'checklist.no-frontmatter' }]);
  });

  it('warns about typos in anchors, fixed dates, duplicates and bad locales but keeps the template', () => {
    const text = [
      '---',
      'baton: checklist',
      'id: x',
      'locale: fr',
      '---',
      '- [ ] Call {renewl_date-90d}',
      '- [ ] Call',
      '- [ ] Send deck 📅 2026-05-01',
      '- [ ] Keep {braces} in text',
      '- [ ] Bad <!-- id: no spaces allowed -->',
      '- [ ]   ',
      '',
    ].join('\n');
    const { template, problems } = parseChecklistTemplate(text, 'x.md');
    expect(problems.map((p) => [p.code, p.line, p.severity])).toEqual([
      ['checklist.locale', 4, 'warning'],
      ['checklist.bad-due', 6, 'warning'],
      ['checklist.duplicate-item-id', 7, 'warning'],
      ['checklist.fixed-date', 8, 'warning'],
      ['checklist.invalid-item-id', 10, 'warning'],
      ['checklist.empty-item', 11, 'warning'],
    ]);
    expect(template?.items).toEqual([
      { id: 'call', text: 'Call' },
      { id: 'call-2', text: 'Call' },
      { id: 'send-deck', text: 'Send deck' },
      { id: 'keep-braces-in-text', text: 'Keep {braces} in text' },
      { id: 'bad', text: 'Bad' },
    ]);
  });

  it('keeps the bad-due message word for word (the note lint shares its start)', () => {
    const en = parseChecklistTemplate('---\nbaton: checklist\nid: x\n---\n- [ ] Call {renewl_date-90d}\n', 'x.md').problems;
    expect(en.map((p) => p.message)).toEqual(['"{renewl_date-90d}" is not a due date like {renewal_date-90d}; ignored']);
    const ja = parseChecklistTemplate('---\nbaton: checklist\nid: x\nlocale: ja\n---\n- [ ] 電話 {renewl_date}\n', 'x.md').problems;
    expect(ja.map((p) => p.message)).toEqual(['「{renewl_date}」は {renewal_date-90d} のような期日ではないため無視しました']);
  });

  it('warns that an id YAML reads as a number should be quoted, on its line, in the template language', () => {
    const read = (id: string, extra = '') => parseChecklistTemplate(`---\nbaton: checklist\n${extra}id: ${id}\n---\n- [ ] a\n`, 'n.md');
    expect(read('007')).toMatchObject({
      template: { id: '7' },
      problems: [{ code: 'checklist.numeric-id', severity: 'warning', line: 3, field: 'id', message: 'Quote the id: YAML reads it as the number 7' }],
    });
    expect(read('0x1F').problems).toMatchObject([{ code: 'checklist.numeric-id', message: expect.stringContaining('number 31') }]);
    expect(read('42', 'locale: ja\n').problems).toMatchObject([{ code: 'checklist.numeric-id', line: 4, message: 'idを引用符で囲んでください（YAMLは数値 42 と読みます）' }]);
    // Quoted, it is the id as written and nothing is said.
    expect(read('"007"')).toMatchObject({ template: { id: '007' }, problems: [] });
    expect(read('onboarding').problems).toEqual([]);
  });

  it('writes problems in the template language', () => {
    const { problems } = parseChecklistTemplate('---\nbaton: checklist\nid: x\nlocale: ja\n---\n- [ ] 電話 {renewl_date}\n', 'x.md');
    expect(problems[0]?.message).toMatch(/期日/);
  });
});
