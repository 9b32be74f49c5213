import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { BUILTIN_CHECKLIST_IDS, builtinChecklists, findChecklist, type ChecklistTemplate } from './checklist-templates.js';
import { applyChecklist, checklistProgress, reanchorChecklists } from './checklists.js';

/** A small account note; `fields` override or (with undefined) remove frontmatter keys. */
function note(body = '', fields: Record<string, string | number | undefined> = {}): string {
  const base: Record<string, string | number | undefined> = {
    baton: 'account',
    account: 'Acme',
    contract_start: '2026-04-01',
    term_months: 12,
    kickoff_date: '2026-04-15',
    notice_days: 60,
    ...fields,
  };
  const fm = Object.entries(base)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${fm}\n---\n# Acme\n\n${body}`;
}

const small: ChecklistTemplate = {
  id: 'demo',
  title: 'Demo',
  locale: 'en',
  source: 'team',
  items: [
    { id: 'one', text: 'First thing', due: 'contract_start+3bd' },
    { id: 'two', text: 'Second thing', due: 'kickoff_date+1m' },
    { id: 'three', text: 'Third thing' },
  ],
};

function ok(r: ReturnType<typeof applyChecklist>): string {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
}

describe('applyChecklist', () => {
  it('creates the section and subsection at the end with resolved dates', () => {
    const out = ok(applyChecklist(note('Some notes.\n'), small));
    expect(out).toBe(
      note(
        [
          'Some notes.',
          '',
          '## Checklists',
          '',
          '### Demo',
          '',
          '- [ ] First thing <!-- baton:demo.one {contract_start+3bd} --> 📅 2026-04-06',
          '- [ ] Second thing <!-- baton:demo.two {kickoff_date+1m} --> 📅 2026-05-15',
          '- [ ] Third thing <!-- baton:demo.three -->',
          '',
        ].join('\n'),
      ),
    );
  });

  it('writes no 📅 when the anchor field is not set yet, but keeps the anchor', () => {
    const out = ok(applyChecklist(note('', { kickoff_date: undefined }), small));
    expect(out).toContain('- [ ] Second thing <!-- baton:demo.two {kickoff_date+1m} -->\n');
  });

  it('is idempotent: a second apply changes nothing', () => {
    const once = ok(applyChecklist(note('x\n'), small));
    expect(applyChecklist(once, small)).toEqual({ ok: true, text: once, changed: false });
  });

  it('adds only the missing items, after the last line of the existing subsection', () => {
    const body = [
      '## Checklists',
      '',
      '### Demo',
      '',
      '- [x] First thing <!-- baton:demo.one {contract_start+3bd} --> 📅 2026-04-06 ✅ 2026-04-05',
      'A remark the CSM wrote.',
      '',
      '',
      '### Other',
      '- [ ] keep me',
      '',
      '## Notes',
      '',
    ].join('\n');
    const out = ok(applyChecklist(note(body), small));
    expect(out).toBe(
      note(
        body.replace(
          'A remark the CSM wrote.\n',
          'A remark the CSM wrote.\n- [ ] Second thing <!-- baton:demo.two {kickoff_date+1m} --> 📅 2026-05-15\n- [ ] Third thing <!-- baton:demo.three -->\n',
        ),
      ),
    );
  });

  it('adds a new subsection at the end of an existing Checklists section, before the next section', () => {
    const body = '## Checklists\n\n### Other\n- [ ] keep me\n\n## Notes\nlast\n';
    const out = ok(applyChecklist(note(body), small));
    expect(out).toBe(
      note(
        '## Checklists\n\n### Other\n- [ ] keep me\n\n### Demo\n\n' +
          '- [ ] First thing <!-- baton:demo.one {contract_start+3bd} --> 📅 2026-04-06\n' +
          '- [ ] Second thing <!-- baton:demo.two {kickoff_date+1m} --> 📅 2026-05-15\n' +
          '- [ ] Third thing <!-- baton:demo.three -->\n\n## Notes\nlast\n',
      ),
    );
  });

  it('keeps a blank line between a new subsection and a heading that directly follows', () => {
    const out = ok(applyChecklist(note('## Checklists\n## Notes\n'), small));
    expect(out).toContain('## Checklists\n\n### Demo\n\n- [ ] First');
    expect(out).toContain('<!-- baton:demo.three -->\n\n## Notes\n');
  });

  it('skips items whose id is anywhere in the note, even as a plain bullet in another section', () => {
    const body = '## Notes\n- moved: <!-- baton:demo.one --> done on the phone\n';
    const out = ok(applyChecklist(note(body), small));
    expect(out).not.toContain('First thing');
    expect(out).toContain('baton:demo.two');
  });

  it('does not count ids inside code fences', () => {
    const body = '```md\n- [ ] First thing <!-- baton:demo.one -->\n```\n';
    const out = ok(applyChecklist(note(body), small));
    expect(out.match(/baton:demo\.one/g)).toHaveLength(2);
  });

  it('finds a renamed subsection by the items it holds', () => {
    const body = '## Checklists\n\n### My demo list\n- [ ] x <!-- baton:demo.one -->\n\n### Demo\n';
    const out = ok(applyChecklist(note(body), small));
    expect(out).toContain('- [ ] x <!-- baton:demo.one -->\n- [ ] Second thing');
    expect(out.endsWith('### Demo\n')).toBe(true);
  });

  it('keeps CRLF line endings, the BOM and a missing final newline', () => {
    const src = '\uFEFF' + note('Last line without newline').replace(/\n/g, '\r\n');
    const out = ok(applyChecklist(src, small));
    expect(out.startsWith(src + '\r\n\r\n## Checklists\r\n\r\n### Demo\r\n\r\n- [ ] First')).toBe(true);
    expect(out.endsWith('<!-- baton:demo.three -->')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('leaves other plugins\' markers untouched', () => {
    const body = [
      '## Checklists',
      '',
      '### Demo',
      '- [/] Half done ⏫ 🔁 every week 📅 2026-04-10 ^abc123',
      '- [x] Old <!-- baton:demo.one --> ✅ 2026-04-02',
      '',
    ].join('\n');
    const src = note(body);
    const out = ok(applyChecklist(src, small));
    expect(out.startsWith(src.slice(0, src.indexOf('\n\n', src.indexOf('- [x] Old'))))).toBe(true);
    expect(out).toContain('✅ 2026-04-02\n- [ ] Second thing');
  });

  it('puts the Baton comment before Tasks fields given in a template item', () => {
    const t: ChecklistTemplate = { ...small, items: [{ id: 'call', text: 'Call the sponsor ⏫ 🔁 every month', due: 'contract_start+1w' }] };
    const out = ok(applyChecklist(note(''), t));
    expect(out).toContain('- [ ] Call the sponsor <!-- baton:demo.call {contract_start+1w} --> 📅 2026-04-08 ⏫ 🔁 every month\n');
  });

  it('writes Japanese headings for a Japanese note and recognises them later', () => {
    const ja = findChecklist('kickoff', 'ja')!;
    const out = ok(applyChecklist(note('', { locale: 'ja' }), ja));
    expect(out).toContain('## チェックリスト\n\n### キックオフ\n\n- [ ] 決裁者と');
    const more = ok(applyChecklist(out, findChecklist('renewal-prep', 'en')!));
    expect(more.match(/^## /gm)).toHaveLength(1);
    expect(more).toContain('### Renewal preparation');
    // Switching language later adds nothing: the item ids are the same.
    expect(applyChecklist(more, findChecklist('kickoff', 'en')!)).toMatchObject({ ok: true, changed: false });
  });

  it('uses options.locale for a heading it must create', () => {
    const out = ok(applyChecklist(note(''), small, { locale: 'ja' }));
    expect(out).toContain('## チェックリスト');
  });

  it('refuses notes that are not valid account notes', () => {
    const r1 = applyChecklist('# Meeting notes\n', small);
    expect(r1).toMatchObject({ ok: false, problems: [{ code: 'checklist.not-account' }] });
    const r2 = applyChecklist(note('', { contract_start: undefined }), small, { locale: 'ja' });
    expect(r2).toMatchObject({ ok: false, problems: [{ code: 'frontmatter.missing', field: 'contract_start' }] });
    const r3 = applyChecklist('---\nbaton: account\naccount: [\n---\n', small);
    expect(r3.ok).toBe(false);
  });

  it('refuses templates that would write broken Markdown', () => {
    const bad: ChecklistTemplate = {
      ...small,
      id: 'has.dot',
      items: [
        { id: 'a', text: 'line\nbreak' },
        { id: 'a', text: 'dup' },
        { id: 'b c', text: 'space' },
        { id: 'd', text: 'bad due', due: 'launch+1d' },
        { id: 'e', text: 'sneaky <!-- baton:x.y -->' },
        { id: 'f', text: '⏫' },
      ],
    };
    const r = applyChecklist(note(''), bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['id', 'items', 'items', 'items', 'items', 'items', 'items']);
  });

  it('refuses instead of writing into an unclosed code fence', () => {
    const r = applyChecklist(note('## Checklists\n\n### Demo\n```\nunclosed'), small);
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'checklist.unclosed-fence' }] });
  });

  it('returns unchanged for an empty template', () => {
    const src = note('');
    expect(applyChecklist(src, { ...small, items: [] })).toEqual({ ok: true, text: src, changed: false });
  });
});

describe('reanchorChecklists', () => {
  const body = (d1: string) =>
    [
      '## Checklists',
      '',
      '### Kickoff',
      `- [ ] Minutes <!-- baton:kickoff.minutes {kickoff_date+1bd} --> 📅 ${d1} ⏫`,
      '- [ ] No date yet <!-- baton:kickoff.purpose {kickoff_date} --> ⏫ ^blk1',
      '- [/] Started <!-- baton:kickoff.roles {kickoff_date} --> 📅 2000-01-01',
      '- [x] Done <!-- baton:kickoff.first-goal {kickoff_date} --> 📅 2000-01-01 ✅ 2000-01-02',
      '- [-] Cancelled <!-- baton:kickoff.attendees {kickoff_date-5bd} --> 📅 2000-01-01',
      '- [ ] Mine 📅 2000-01-01',
      '- [ ] Typo <!-- baton:kickoff.x {kickof_date} --> 📅 2000-01-01',
      '- [ ] Notice <!-- baton:renewal-prep.notice-deadline {notice_deadline-14d} --> 📅 2000-01-01',
      '```',
      '- [ ] Fenced <!-- baton:kickoff.review-dates {kickoff_date} --> 📅 2000-01-01',
      '```',
      '',
    ].join('\n');

  it('moves open anchored dates, adds a missing 📅 after the comment, and leaves everything else', () => {
    const src = note(body('2000-01-01'), { kickoff_date: '2026-04-17', notice_days: undefined });
    const r = reanchorChecklists(src);
    expect(r).toMatchObject({ ok: true, changed: true });
    if (!r.ok) return;
    const expected = src
      .replace('📅 2000-01-01 ⏫', '📅 2026-04-20 ⏫')
      .replace('{kickoff_date} --> ⏫ ^blk1', '{kickoff_date} --> 📅 2026-04-17 ⏫ ^blk1')
      .replace('{kickoff_date} --> 📅 2000-01-01\n', '{kickoff_date} --> 📅 2026-04-17\n')
      // No notice_days, so no notice_deadline: that task's stale 📅 goes.
      .replace('{notice_deadline-14d} --> 📅 2000-01-01', '{notice_deadline-14d} -->');
    expect(r.text).toBe(expected);
    expect(r).toMatchObject({ removed: 1 });
    // The [/] line was the one rewritten by the last replace, not the fenced one.
    expect(r.text).toContain('- [/] Started <!-- baton:kickoff.roles {kickoff_date} --> 📅 2026-04-17');
    expect(r.text).toContain('- [ ] Fenced <!-- baton:kickoff.review-dates {kickoff_date} --> 📅 2000-01-01');
  });

  it('is idempotent and reports no change when dates already match', () => {
    const src = note(body('2000-01-01'));
    const once = reanchorChecklists(src);
    if (!once.ok) throw new Error('expected ok');
    expect(reanchorChecklists(once.text)).toEqual({ ok: true, text: once.text, changed: false });
  });

  it('follows the notice deadline', () => {
    const r = reanchorChecklists(note(body('2000-01-01'), { notice_days: 30 }));
    // renewal 2027-03-31 − 30 days = 2027-03-01; − 14 days = 2027-02-15
    expect(r.ok && r.text).toContain('{notice_deadline-14d} --> 📅 2027-02-15');
  });

  it('keeps CRLF endings', () => {
    const src = note(body('2000-01-01')).replace(/\n/g, '\r\n');
    const r = reanchorChecklists(src);
    if (!r.ok) throw new Error('expected ok');
    expect(r.text.split('\r\n').length).toBe(src.split('\r\n').length);
    expect(r.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(r.text).toContain('📅 2026-04-16 ⏫\r\n');
  });

  it('refuses non-account notes', () => {
    expect(reanchorChecklists('- [ ] a <!-- baton:x.y {kickoff_date} -->\n')).toMatchObject({ ok: false });
  });
});

describe('checklistProgress', () => {
  it('groups items by checklist with titles from the ### heading and 0-based lines', () => {
    const text = note(
      [
        '## Checklists', // line 10: seven frontmatter lines, the title and a blank come first
        '',
        '### キックオフ',
        '- [x] a <!-- baton:kickoff.a -->',
        '- [ ] b <!-- baton:kickoff.b -->',
        '- [-] c <!-- baton:kickoff.c -->',
        '- [ ] plain task',
        '',
        '```',
        '- [x] fenced <!-- baton:kickoff.d -->',
        '```',
        '- [/] d <!-- baton:renewal-prep.d -->',
        '- [X] e <!-- baton:renewal-prep.e -->',
        '## Notes',
        '- [ ] f <!-- baton:adhoc.f -->',
        '',
      ].join('\n'),
    );
    const p = checklistProgress(parseAccountNote(text));
    expect(p).toEqual([
      { id: 'kickoff', title: 'キックオフ', done: 1, total: 2, line: 13 },
      { id: 'renewal-prep', title: 'キックオフ', done: 1, total: 2, line: 21 },
      { id: 'adhoc', title: 'adhoc', done: 0, total: 1, line: 24 },
    ]);
  });

  it('is empty for a note without Baton items', () => {
    expect(checklistProgress(parseAccountNote(note('- [ ] a\n')))).toEqual([]);
  });
});

describe('built-in playbooks applied to a fixture note (golden files)', () => {
  for (const locale of ['en', 'ja'] as const) {
    const fixture = [
      '---',
      'baton: account',
      `account: ${locale === 'ja' ? '株式会社サンプル' : 'Sample Inc.'}`,
      'contract_start: 2026-04-01',
      'term_months: 12',
      'kickoff_date: 2026-04-20',
      'notice_days: 60',
      `locale: ${locale}`,
      '---',
      `# ${locale === 'ja' ? '株式会社サンプル' : 'Sample Inc.'}`,
      '',
    ].join('\n');
    for (const t of builtinChecklists(locale)) {
      it(`${t.id} (${locale})`, async () => {
        const out = ok(applyChecklist(fixture, t));
        expect(BUILTIN_CHECKLIST_IDS).toContain(t.id);
        await expect(out).toMatchFileSnapshot(`./__snapshots__/checklists/${t.id}.${locale}.md`);
      });
    }
  }
});
