import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { checkHandoff } from './handoff.js';
import { readFrontmatter } from './frontmatter.js';
import { hasErrors } from './problems.js';
import { ESSENTIALS, HANDOFF_EXTRAS, HEADING_TITLES, scanHeadings } from './sections.js';
import { accountFileName, createAccountNote, oneLine, type NewAccountInput } from './templates.js';
import { fencedLines, splitLinesKeepEol } from './text.js';

const EN: NewAccountInput = {
  account: 'Northwind Logistics',
  contractStart: '2026-04-01',
  termMonths: 12,
  locale: 'en',
  salesOwner: 'Dana Reyes',
  csmOwner: 'Kai Tanaka',
  renewalOwner: 'Priya Shah',
  noticeDays: 60,
  arr: 48000,
  currency: 'usd',
};

const JA: NewAccountInput = {
  account: '株式会社みなと物流',
  contractStart: '2026-04-01',
  termMonths: 12,
  locale: 'ja',
  salesOwner: '佐藤 健',
  csmOwner: '田中 美咲',
  renewalOwner: '鈴木 一郎',
  noticeDays: 90,
  arr: 6000000,
  currency: 'JPY',
};

describe('createAccountNote', () => {
  it('matches the English golden file', async () => {
    await expect(createAccountNote(EN)).toMatchFileSnapshot('./__snapshots__/templates/account-en.md');
  });

  it('matches the Japanese golden file', async () => {
    await expect(createAccountNote(JA)).toMatchFileSnapshot('./__snapshots__/templates/account-ja.md');
  });

  it.each([EN, JA])('re-parses without errors and with the derived dates ($locale)', (input) => {
    const note = parseAccountNote(createAccountNote(input));
    expect(note.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(note.kind).toBe('account');
    const a = note.account!;
    expect(a.account).toBe(input.account);
    expect(a.stage).toBe('handoff');
    expect(a.contract_start).toBe('2026-04-01');
    expect(a.renewal_date).toBe('2027-03-31');
    expect(a.notice_deadline).toBe(input.noticeDays === 60 ? '2027-01-30' : '2026-12-31');
    expect(a.arr).toBe(input.arr);
    expect(a.arr_start).toBe(input.arr);
    expect(a.currency).toBe(input.currency?.toUpperCase());
    expect(a.locale).toBe(input.locale);
  });

  it('writes every heading in the locale, the handoff topics one level down', () => {
    for (const locale of ['en', 'ja'] as const) {
      const text = createAccountNote({ ...EN, locale });
      const lines = splitLinesKeepEol(text);
      const hs = scanHeadings(lines, fencedLines(lines));
      expect(hs.map((h) => [h.level, h.id])).toEqual([
        [1, undefined],
        [2, 'handoff'],
        ...[...ESSENTIALS, ...HANDOFF_EXTRAS].map((id) => [3, id]),
        [2, 'stakeholders'],
        [2, 'first_goals'],
        [2, 'checklists'],
        [2, 'notes'],
      ]);
      expect(hs.slice(1).every((h) => h.text === HEADING_TITLES[h.id!][locale])).toBe(true);
    }
  });

  it('puts a hidden prompt under every heading', () => {
    const lines = createAccountNote(JA).split('\n');
    const headings = lines.flatMap((l, i) => (l.startsWith('#') ? [i] : []));
    expect(headings).toHaveLength(17);
    for (const i of headings) expect(lines[i + 2]).toMatch(/^<!-- \S.* -->$/);
  });

  it('writes every key, leaving unknown values empty, and the parser reads them as absent', () => {
    const text = createAccountNote({ account: 'Acme', contractStart: '2026-10-01', termMonths: 6, locale: 'en' });
    const data = readFrontmatter(text).data!;
    expect(Object.keys(data)).toEqual([
      'baton', 'account', 'stage', 'contract_start', 'term_months', 'renewal_date', 'notice_days', 'arr', 'arr_start',
      'currency', 'sales_owner', 'csm_owner', 'renewal_owner', 'kickoff_date', 'health', 'locale',
    ]);
    expect(text).toContain('\nkickoff_date:\nhealth:\n');
    expect(data['renewal_date']).toBe('2027-03-31');
    const note = parseAccountNote(text);
    expect(hasErrors(note.problems)).toBe(false);
    expect(note.account?.kickoff_date).toBeUndefined();
    expect(note.account?.notice_deadline).toBeUndefined();
    expect(note.account?.sales_owner).toBeUndefined();
  });

  it('keeps a given stage', () => {
    const note = parseAccountNote(createAccountNote({ ...EN, stage: 'adoption' }));
    expect(note.account?.stage).toBe('adoption');
  });

  it.each([
    'Acme: Japan',
    'Acme #1',
    "O'Brien & Sons",
    '"Quoted" Inc.',
    '- Dash Co',
    '@home',
    '[Bracket] Ltd',
    'yes',
    '2026',
    '0x1F',
    'null',
    '株式会社サンプル: 東京支社 #2',
    '? Mystery',
    'Trailing colon:',
  ])('round-trips the YAML-special name %j', (name) => {
    const note = parseAccountNote(createAccountNote({ ...EN, account: name, salesOwner: name, csmOwner: `${name} 2` }));
    expect(note.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(note.account?.account).toBe(name);
    expect(note.account?.sales_owner).toBe(name);
    expect(note.account?.csm_owner).toBe(`${name} 2`);
  });

  it('keeps a multi-line or control-character name on one line', () => {
    const text = createAccountNote({ ...EN, account: 'Acme\nHolding\u0007s' });
    expect(readFrontmatter(text).data?.['account']).toBe('Acme Holding s');
    expect(text).toContain('\n# Acme Holding s\n');
  });

  it('does not throw on an invalid date or term; the parser reports them', () => {
    const text = createAccountNote({ ...EN, contractStart: '2026-02-30', termMonths: 0 });
    const data = readFrontmatter(text).data!;
    expect(data['renewal_date']).toBeNull();
    const codes = parseAccountNote(text).problems.map((p) => [p.code, p.field]);
    expect(codes).toContainEqual(['frontmatter.invalid', 'contract_start']);
    expect(codes).toContainEqual(['frontmatter.invalid', 'term_months']);
  });

  it('normalises a full-width start date', () => {
    const note = parseAccountNote(createAccountNote({ ...JA, contractStart: '２０２６／０４／０１' }));
    expect(note.account?.contract_start).toBe('2026-04-01');
    expect(note.account?.renewal_date).toBe('2027-03-31');
  });

  it('turns a line separator, tab or NEL inside a name into a space', () => {
    for (const c of ['\u2028', '\t', '\u0085', '\u000b']) {
      const note = parseAccountNote(createAccountNote({ account: `Acme${c}Japan`, contractStart: '2028-03-01', termMonths: 12, locale: 'en' }));
      expect(note.account?.account).toBe('Acme Japan');
    }
  });

  it('re-parses without errors for any printable name and owner (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.constantFrom('en' as const, 'ja' as const),
        (name, owner, locale) => {
          const note = parseAccountNote(createAccountNote({ account: name, salesOwner: owner, contractStart: '2028-03-01', termMonths: 12, locale }));
          expect(note.problems.filter((p) => p.severity === 'error')).toEqual([]);
          // Line breaks and control characters become single spaces (one YAML line, one heading).
          // oxlint-disable-next-line no-control-regex -- the oracle names exactly those characters
          const oneLine = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]+/g, ' ').trim();
          expect(note.account?.account).toBe(oneLine);
          expect(note.account?.renewal_date).toBe('2029-02-28');
        },
      ),
    );
  });
});

const bytes = (s: string) => new TextEncoder().encode(s).length;
/** accountFileName before the byte cap (characters only). */
const oldFileName = (account: string) => {
  let name = account
    .normalize('NFC')
    // oxlint-disable-next-line no-control-regex -- as in templates.ts
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]+/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .trim()
    .replace(/[/\\:*?"<>|#^[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  name = [...name].slice(0, 100).join('').trim();
  if (name === '') name = 'Untitled account';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name += '_';
  return `${name}.md`;
};

describe('accountFileName', () => {
  it.each([
    ['Acme', 'Acme.md'],
    ['株式会社サンプル', '株式会社サンプル.md'],
    ['Acme: Japan / Tokyo', 'Acme Japan Tokyo.md'],
    ['a\\b*c?d"e<f>g|h#i^j[k]l', 'a b c d e f g h i j k l.md'],
    ['.hidden', 'hidden.md'],
    ['Acme Inc.', 'Acme Inc.md'],
    ['  ///  ', 'Untitled account.md'],
    ['CON', 'CON_.md'],
    ['ｶﾌﾞｼｷｶﾞｲｼｬ', 'ｶﾌﾞｼｷｶﾞｲｼｬ.md'],
  ])('%j → %j', (input, expected) => {
    expect(accountFileName(input)).toBe(expected);
  });

  it('caps very long names', () => {
    expect(accountFileName('a'.repeat(300))).toBe(`${'a'.repeat(100)}.md`);
    // 85 × 株 is 255 bytes, too long for one Linux name: cut at 200 bytes, on a whole character.
    expect(accountFileName('株'.repeat(85))).toBe(`${'株'.repeat(66)}.md`);
    expect(accountFileName('あ'.repeat(300))).toBe(`${'あ'.repeat(66)}.md`);
    expect(accountFileName('é'.repeat(99))).toBe(`${'é'.repeat(99)}.md`);
    expect(accountFileName('😀'.repeat(60))).toBe(`${'😀'.repeat(50)}.md`);
    expect(accountFileName(`a${'😀'.repeat(60)}`)).toBe(`a${'😀'.repeat(49)}.md`);
    // A cut that ends on a dot or space drops it, like any trailing dot.
    expect(accountFileName(`${'株'.repeat(66)}..x`)).toBe(`${'株'.repeat(66)}.md`);
  });

  it('keeps every name within 200 UTF-8 bytes before .md, cut on a whole character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '.', 'é', '株', '😀', '\ud83d', '\ude00'), maxLength: 150, size: 'max' }), (s) => {
        const f = accountFileName(s);
        const stem = f.slice(0, -3);
        expect(bytes(stem)).toBeLessThanOrEqual(200);
        expect([...stem].length).toBeLessThanOrEqual(100);
        expect(stem).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        // The 100-character cap alone, as before: a name that fits 200 bytes is unchanged, a longer one is cut shorter.
        const old = oldFileName(s).slice(0, -3);
        if (bytes(old) <= 200 && !old.endsWith('.')) expect(stem).toBe(old);
        else expect(old.startsWith(stem.replace(/_$/, ''))).toBe(true);
      }),
    );
  });

  it('never contains a forbidden character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const f = accountFileName(s);
        expect(f).toMatch(/\.md$/);
        expect(f.slice(0, -3)).not.toMatch(/[/\\:*?"<>|#^[\]\u0000-\u001f]|^[.\s]|[.\s]$/);
      }),
    );
  });
});

describe('docs/note-format.md examples', () => {
  const doc = readFileSync(new URL('../../../docs/note-format.md', import.meta.url), 'utf8');
  const examples = [...doc.matchAll(/^````markdown\n([\s\S]*?)^````$/gm)].map((m) => m[1] ?? '');

  it('has one complete example per language that parses cleanly and scores 5/5', () => {
    expect(examples).toHaveLength(2);
    const inputs = [EN, JA];
    examples.forEach((text, i) => {
      const note = parseAccountNote(text);
      expect(note.problems.filter((p) => p.severity !== 'info')).toEqual([]);
      expect(note.locale).toBe(inputs[i]?.locale);
      expect(checkHandoff(note).score).toBe(5);
      expect(note.stakeholders?.rows.length).toBe(3);
      expect(note.tasks.filter((t) => t.done)).toHaveLength(5);
      // Built on the template: every template heading is there, in the same order.
      const template = createAccountNote(inputs[i]!);
      const headings = (t: string) => t.split('\n').filter((l) => l.startsWith('#'));
      expect(headings(text).filter((h) => headings(template).includes(h))).toEqual(headings(template));
    });
  });
});

describe('oneLine repairs lone surrogates without a lookbehind', () => {
  it('gives what the lookbehind version gave: pairs kept, lone halves replaced', () => {
    // The reference (Safari before 16.4 cannot parse it, Node can).
    const reference = (s: string) =>
      s
        // oxlint-disable-next-line no-control-regex -- the same first step as oneLine
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]+/g, ' ')
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .trim();
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '\ud83d', '\ude00', '😀', 'é', '\udbff', '\udc00'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (s) => oneLine(s) === reference(s)));
    expect(oneLine('a\ude00\ud83d😀')).toBe('a\ufffd\ufffd😀');
  });
});
