import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { checkHandoff, handoffProblems, insertMissingSection, locateSection } from './handoff.js';
import type { Locale } from './problems.js';
import { ESSENTIALS, HANDOFF_EXTRAS, HEADING_TITLES, type HeadingId } from './sections.js';
import { createAccountNote, SECTION_PROMPTS } from './templates.js';
import { splitLinesKeepEol } from './text.js';

const template = (locale: Locale = 'en', account = 'Acme') =>
  createAccountNote({ account, contractStart: '2026-04-01', termMonths: 12, locale, salesOwner: 'Dana', csmOwner: 'Kai' });

/** Writes `content` under the section's prompt comment, as a user would. */
function fill(text: string, id: HeadingId, content: string, locale: Locale = 'en'): string {
  const prompt = `<!-- ${SECTION_PROMPTS[id][locale]} -->\n`;
  expect(text).toContain(prompt);
  return text.replace(prompt, `${prompt}\n${content}\n`);
}

/** Deletes a section (heading, prompt, trailing blank line) exactly as the template wrote it. */
function drop(text: string, id: HeadingId, level: number, locale: Locale = 'en'): string {
  const block = `${'#'.repeat(level)} ${HEADING_TITLES[id][locale]}\n\n<!-- ${SECTION_PROMPTS[id][locale]} -->\n\n`;
  expect(text).toContain(block);
  return text.replace(block, '');
}

/** True when `result` is `base` with one contiguous run of text inserted somewhere. */
function isSingleInsertion(base: string, result: string): boolean {
  let p = 0;
  while (p < base.length && base[p] === result[p]) p++;
  let s = 0;
  while (s < base.length - p && base[base.length - 1 - s] === result[result.length - 1 - s]) s++;
  return p + s === base.length && result.length > base.length;
}

const report = (text: string, locale?: Locale) => checkHandoff(parseAccountNote(text), locale ? { locale } : {});
const status = (text: string) => Object.fromEntries(report(text).items.map((i) => [i.id, i.status]));

describe('checkHandoff', () => {
  it('scores an empty template 0/5 with every topic empty at its heading line', () => {
    const text = template();
    const r = report(text);
    expect(r.score).toBe(0);
    expect(r.total).toBe(5);
    expect(r.missing).toEqual([...ESSENTIALS]);
    expect(r.items.map((i) => i.id)).toEqual([...ESSENTIALS, ...HANDOFF_EXTRAS]);
    expect(r.items.every((i) => i.status === 'empty')).toBe(true);
    expect(r.items.filter((i) => i.essential).map((i) => i.id)).toEqual([...ESSENTIALS]);
    const lines = text.split('\n');
    for (const item of r.items) expect(lines[item.line - 1]).toBe(`### ${item.title}`);
  });

  it('scores a partly filled note 3/5', () => {
    let text = template();
    text = fill(text, 'decision_makers', '- CFO Mori signs; IT head Ueda can veto.');
    text = fill(text, 'purchase_reason', 'Invoices are keyed in by hand; the auditor flagged it in January.');
    text = fill(text, 'renewal_outlook', 'Warm. Second team wants seats in Q3.');
    text = fill(text, 'cautions', 'Do not call before 10:00.');
    const r = report(text);
    expect(r.score).toBe(3);
    expect(r.missing).toEqual(['proposal_history', 'future_vision']);
    expect(status(text)['cautions']).toBe('filled');
    expect(status(text)['deal_origin']).toBe('empty');
  });

  it('scores a filled note 5/5', () => {
    let text = template();
    for (const id of ESSENTIALS) text = fill(text, id, `Something real about ${id}.`);
    expect(report(text)).toMatchObject({ score: 5, missing: [] });
    expect(handoffProblems(report(text))).toEqual([]);
  });

  it('reports missing headings at line 1 and as warnings', () => {
    let text = template();
    text = drop(text, 'proposal_history', 3);
    text = drop(text, 'future_vision', 3);
    text = fill(text, 'decision_makers', 'CEO decides.');
    const r = report(text);
    expect(r.score).toBe(1);
    const ph = r.items.find((i) => i.id === 'proposal_history')!;
    expect(ph).toMatchObject({ status: 'missing', line: 1 });
    const problems = handoffProblems(r, 'en');
    expect(problems.map((p) => [p.code, p.field, p.severity])).toEqual([
      ['handoff.missing-section', 'proposal_history', 'warning'],
      ['handoff.empty-section', 'purchase_reason', 'warning'],
      ['handoff.missing-section', 'future_vision', 'warning'],
      ['handoff.empty-section', 'renewal_outlook', 'warning'],
    ]);
    const empty = r.items.find((i) => i.id === 'purchase_reason')!;
    expect(problems[1]?.line).toBe(empty.line);
    expect(problems[0]?.line).toBe(1);
    expect(handoffProblems(r, 'ja')[0]?.message).toContain('提案の経緯');
  });

  it('reads Japanese headings, including aliases, and gives Japanese titles', () => {
    const text = [
      '---',
      'baton: account',
      'account: 株式会社サンプル',
      'contract_start: 2026-04-01',
      'term_months: 12',
      '---',
      '# 株式会社サンプル',
      '## 引き継ぎ事項',
      '### 関係者・決裁者',
      '- 決裁者：山田部長',
      '### 提案の経緯・値引きロジック',
      '- ',
      '### 課題と導入理由',
      '請求書処理の手作業をなくしたい。',
      '### 目指す姿',
      '<!-- あとで -->',
      '### 更新・拡大の見込み',
      '前向き。',
      '',
    ].join('\n');
    const r = report(text);
    expect(r.score).toBe(3);
    expect(r.missing).toEqual(['proposal_history', 'future_vision']);
    expect(report(text, 'ja').items[0]?.title).toBe('関係者と決裁者');
    expect(report(text, 'en').items[0]?.title).toBe('Stakeholders and decision makers');
  });

  it('uses the note locale for titles by default', () => {
    expect(report(template('ja')).items[1]?.title).toBe('提案の経緯');
  });

  it('gives the same report for CRLF and a BOM', () => {
    let text = template();
    text = fill(text, 'future_vision', 'Close the books in 3 days.');
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    expect(report(crlf)).toEqual(report(text));
    expect(report(crlf).score).toBe(1);
  });

  it('treats scaffolding as empty: prompts (either language), empty bullets, label-only bullets, empty tables', () => {
    const base = template();
    const cases = [
      SECTION_PROMPTS.future_vision.en,
      SECTION_PROMPTS.future_vision.ja,
      `> ${SECTION_PROMPTS.decision_makers.en}`,
      '- \n- [ ] \n* ',
      '- Goal:\n- 目標：',
      '| Who | What |\n| --- | --- |\n|  |  |',
      '<!--\nmulti-line\ncomment\n-->',
      '#### Sub-heading only',
    ];
    for (const c of cases) expect(status(fill(base, 'future_vision', c))['future_vision']).toBe('empty');
  });

  it('counts real content: text, a filled bullet label, a table row, pasted code', () => {
    const base = template();
    const cases = ['x', '- Goal: 3-day close', '| Who | What |\n| --- | --- |\n| Mori | CFO |', '```\nquote from the customer\n```', 'Before <!-- hidden --> after'];
    for (const c of cases) expect(status(fill(base, 'future_vision', c))['future_vision']).toBe('filled');
  });

  it('does not mistake the title for a section when the account is called like one', () => {
    const text = template('en', 'Vision');
    expect(locateSection(parseAccountNote(text), 'future_vision')?.level).toBe(3);
    expect(report(text).score).toBe(0);
  });

  it('reports everything missing for a note without sections', () => {
    const r = report('---\nbaton: account\naccount: A\ncontract_start: 2026-04-01\nterm_months: 12\n---\nJust text.\n');
    expect(r.items.every((i) => i.status === 'missing' && i.line === 1)).toBe(true);
    expect(r.score).toBe(0);
  });
});

describe('insertMissingSection', () => {
  it.each([
    ['decision_makers', 3],
    ['future_vision', 3],
    ['renewal_outlook', 3],
    ['deal_origin', 3],
    ['chat_channel', 3],
  ] as const)('restores a deleted %s exactly where the template had it', (id, level) => {
    for (const locale of ['en', 'ja'] as const) {
      const full = template(locale);
      const r = insertMissingSection(drop(full, id, level, locale), id);
      expect(r).toEqual({ ok: true, text: full, changed: true });
    }
  });

  it('appends a missing top-level section at the end', () => {
    const full = template();
    const without = full.replace(`\n## Notes\n\n<!-- ${SECTION_PROMPTS.notes.en} -->\n`, '');
    expect(insertMissingSection(without, 'notes')).toEqual({ ok: true, text: full, changed: true });
  });

  it('inserts the stakeholder table with the stakeholders section', () => {
    const full = template('ja');
    const start = full.indexOf('## 関係者\n');
    const end = full.indexOf('## ファーストゴール');
    const without = full.slice(0, start) + full.slice(end);
    const r = insertMissingSection(without, 'stakeholders');
    expect(r.ok && r.text.endsWith(full.slice(start, end).trimEnd() + '\n')).toBe(true);
  });

  it('is a no-op when the section exists', () => {
    const full = template();
    expect(insertMissingSection(full, 'future_vision')).toEqual({ ok: true, text: full, changed: false });
  });

  it('is idempotent and keeps CRLF and the BOM', () => {
    const text = '\uFEFF' + drop(template(), 'proposal_history', 3).replace(/\n/g, '\r\n');
    const once = insertMissingSection(text, 'proposal_history');
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    expect(once.text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(once.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(insertMissingSection(once.text, 'proposal_history')).toEqual({ ok: true, text: once.text, changed: false });
  });

  it('writes Japanese headings into a Japanese note without a locale key', () => {
    const text = [
      '---',
      'baton: account',
      'account: サンプル',
      'contract_start: 2026-04-01',
      'term_months: 12',
      '---',
      '## 引き継ぎ',
      '### 関係者と決裁者',
      '山田部長',
      '### 継続・拡大の見込み',
      '前向き',
    ].join('\n');
    const r = insertMissingSection(text, 'purchase_reason');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(text.replace('山田部長\n', `山田部長\n\n### 導入の理由\n\n<!-- ${SECTION_PROMPTS.purchase_reason.ja} -->\n\n`));
  });

  it('adds the whole handoff skeleton when the Handoff section is missing', () => {
    const text = '---\nbaton: account\naccount: A\ncontract_start: 2026-04-01\nterm_months: 12\n---\n# A\n\n## Cautions\n\nAlways cc legal.';
    const r = insertMissingSection(text, 'handoff');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith(text + '\n\n## Handoff\n')).toBe(true);
    const after = checkHandoff(parseAccountNote(r.text));
    expect(after.items.filter((i) => i.status === 'missing')).toEqual([]);
    // The user's own Cautions section is not duplicated.
    expect(r.text.match(/## Cautions|### Cautions/g)).toHaveLength(1);
  });

  it('creates the Handoff section around an essential when both are missing', () => {
    const text = '---\nbaton: account\naccount: A\ncontract_start: 2026-04-01\nterm_months: 12\n---\n# A\n';
    const r = insertMissingSection(text, 'future_vision', { locale: 'en' });
    expect(r.ok && r.text).toBe(
      text + `\n## Handoff\n\n<!-- ${SECTION_PROMPTS.handoff.en} -->\n\n### Future vision\n\n<!-- ${SECTION_PROMPTS.future_vision.en} -->\n`,
    );
  });

  it.each([
    ['broken YAML', '---\nbaton: account\naccount: [A\n---\n# A\n'],
    ['not an account note', '---\ntitle: x\n---\n# A\n'],
    ['missing a required field', '---\nbaton: account\naccount: A\n---\n# A\n'],
    ['unclosed frontmatter', '---\nbaton: account\naccount: A\n'],
  ])('refuses a note with %s', (_label, text) => {
    const r = insertMissingSection(text, 'future_vision');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
  });

  it('refuses rather than writing a heading into an unclosed code fence', () => {
    const text = '---\nbaton: account\naccount: A\ncontract_start: 2026-04-01\nterm_months: 12\n---\n## Handoff\n\n```\nunclosed\n';
    const r = insertMissingSection(text, 'future_vision');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('handoff.insert-failed');
  });

  it('only inserts lines: every original byte survives, in order, and a second run changes nothing (property)', () => {
    const ids = [...ESSENTIALS, ...HANDOFF_EXTRAS, 'handoff', 'stakeholders', 'first_goals', 'checklists', 'notes'] as const;
    const userLine = fc.constantFrom('', 'Some notes.', '- a bullet', '- [ ] a task', '| a | b |', '#### Custom sub', '### Budget', '<!-- c -->', '   ', 'テキスト', '```');
    const note = fc.record({
      locale: fc.constantFrom('en' as const, 'ja' as const),
      keep: fc.array(fc.boolean(), { minLength: 17, maxLength: 17 }),
      extra: fc.array(fc.tuple(fc.nat(200), userLine), { maxLength: 8 }),
      eol: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      trailingEol: fc.boolean(),
    });
    fc.assert(
      fc.property(note, fc.constantFrom(...ids), ({ locale, keep, extra, eol, bom, trailingEol }, id) => {
        // Build a note from the template with some headings (and their sections' first lines) removed
        // and some user lines sprinkled in, then normalise line endings.
        const lines = template(locale).split('\n');
        const fmEnd = lines.indexOf('---', 1);
        let h = 0;
        const kept = lines.filter((l, i) => {
          if (i <= fmEnd || !l.startsWith('#') || l.startsWith('# ')) return true;
          return keep[h++] !== false;
        });
        for (const [at, l] of extra) kept.splice(fmEnd + 1 + (at % (kept.length - fmEnd)), 0, l);
        let text = kept.join(eol).replace(/(\r?\n)+$/, '');
        if (trailingEol) text += eol;
        if (bom) text = '\uFEFF' + text;

        const r = insertMissingSection(text, id);
        if (!r.ok) return;
        if (!r.changed) {
          expect(r.text).toBe(text);
          return;
        }
        // The original (with its last line terminated, if the insert went at the end) is a prefix plus a suffix of the result.
        expect([text, text + eol].some((base) => isSingleInsertion(base, r.text))).toBe(true);
        if (eol === '\r\n') expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
        expect(locateSection(parseAccountNote(r.text), id)).toBeDefined();
        expect(insertMissingSection(r.text, id)).toEqual({ ok: true, text: r.text, changed: false });
      }),
      { numRuns: 300 },
    );
  });

  it('reports the inserted section as empty, never as filled', () => {
    const r = insertMissingSection(drop(template(), 'future_vision', 3), 'future_vision');
    expect(r.ok && checkHandoff(parseAccountNote(r.text)).items.find((i) => i.id === 'future_vision')?.status).toBe('empty');
  });
});

describe('line numbers', () => {
  it('points at the heading line in a CRLF note', () => {
    const text = template().replace(/\n/g, '\r\n');
    const r = report(text);
    const lines = splitLinesKeepEol(text);
    for (const item of r.items) expect(lines[item.line - 1]).toBe(`### ${item.title}\r\n`);
  });
});
