/**
 * checkHandoff and locateSection against their first versions (kept below, verbatim, as
 * oracles): the one-pass content check, the cheaper fold and the lazy title must not change a
 * score, a status, a line or a located heading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote, type AccountNote } from './account.js';
import { checkHandoff, handoffLint, handoffProblems, locateSection, type HandoffItem, type HandoffItemId, type HandoffOptions, type HandoffReport } from './handoff.js';
import { ESSENTIALS, HANDOFF_EXTRAS, HEADING_TITLES, normalizeHeading, type EssentialId, type Heading, type HeadingId } from './sections.js';
import { SECTION_PLACEHOLDERS, SECTION_PROMPTS, TITLE_PROMPT } from './templates.js';
import { foldWidth, stripEol } from './text.js';

// ---------------------------------------------------------------------------------------------
// Oracle: the handoff check as it was before the fast paths.

const HANDOFF_ORDER: readonly HandoffItemId[] = [...ESSENTIALS, ...HANDOFF_EXTRAS];
function oldCheckHandoff(note: AccountNote, options: HandoffOptions = {}): HandoffReport {
  const locale = options.locale ?? note.locale;
  const title = titleOf(note);
  const items: HandoffItem[] = HANDOFF_ORDER.map((id) => {
    const h = locate(note, id, title);
    return {
      id,
      title: HEADING_TITLES[id][locale],
      essential: (ESSENTIALS as readonly string[]).includes(id),
      status: h === undefined ? 'missing' : hasContent(note, h) ? 'filled' : 'empty',
      line: h === undefined ? 1 : h.line + 1,
    };
  });
  const essentials = items.filter((i) => i.essential);
  return {
    score: essentials.filter((i) => i.status === 'filled').length,
    total: 5,
    items,
    missing: essentials.filter((i) => i.status !== 'filled').map((i) => i.id as EssentialId),
  };
}

function oldLocateSection(note: AccountNote, id: HeadingId): Heading | undefined {
  return locate(note, id, titleOf(note));
}

/** The account name, folded as headings are. */
function titleOf(note: AccountNote): string | undefined {
  const name = note.frontmatter.data?.['account'];
  return typeof name === 'string' || typeof name === 'number' ? normalizeHeading(String(name)) : undefined;
}

function locate(note: AccountNote, id: HeadingId, title: string | undefined): Heading | undefined {
  return note.headings.find((h) => h.id === id && !(h.level === 1 && title !== undefined && normalizeHeading(h.text) === title));
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_LINE_RE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BULLET = String.raw`^\s*(?:>\s*)*(?:[-*+]|\d+[.)])(?:\s+\[.\])?`;
const EMPTY_BULLET_RE = new RegExp(`${BULLET}\\s*$`);
/** `- Budget:` with nothing after the colon: a label waiting for its answer. */
const LABEL_ONLY_RE = new RegExp(`${BULLET}\\s+[^:：]{1,60}[:：]$`);

const labelOnly = (s: string) => (s.endsWith(':') || s.endsWith('：')) && LABEL_ONLY_RE.test(s);

/** Every text a template writes as a prompt or placeholder, folded for comparison. */
let TEMPLATE_TEXTS: ReadonlySet<string> | undefined;
/** Built on first use: a plugin's load time counts every top-level statement. */
function templateTexts(): ReadonlySet<string> {
  if (TEMPLATE_TEXTS) return TEMPLATE_TEXTS;
  const s = new Set<string>();
  for (const p of [...Object.values(SECTION_PROMPTS), TITLE_PROMPT]) {
    s.add(fold(p.en));
    s.add(fold(p.ja));
  }
  for (const p of Object.values(SECTION_PLACEHOLDERS)) for (const l of [...p.en, ...p.ja]) s.add(fold(l));
  return (TEMPLATE_TEXTS = s);
}

function fold(s: string): string {
  return foldWidth(s)
    .replace(/^\s*(?:>\s*)*(?:[-*+]\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

const isSeparatorRow = (row: string) => row.trim().startsWith('|') && cells(row).every((c) => /^:?-+:?$/.test(c));

/** True when the section holds something a person wrote, beyond the template's scaffolding. */
function hasContent(note: AccountNote, h: Heading): boolean {
  const kept: string[] = [];
  let inComment = false;
  for (let i = h.line + 1; i < h.end; i++) {
    const raw = stripEol(note.lines[i] ?? '');
    if (note.fenced[i]) {
      // Pasted code is content; the fence markers are not.
      if (!FENCE_RE.test(raw) && raw.trim() !== '') return true;
      continue;
    }
    let line = '';
    let rest = raw;
    while (rest !== '') {
      if (inComment) {
        const end = rest.indexOf('-->');
        if (end < 0) rest = '';
        else {
          inComment = false;
          rest = rest.slice(end + 3);
        }
      } else {
        const start = rest.indexOf('<!--');
        if (start < 0) {
          line += rest;
          rest = '';
        } else {
          line += rest.slice(0, start);
          inComment = true;
          rest = rest.slice(start + 4);
        }
      }
    }
    kept.push(line);
  }
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i] ?? '';
    if (line.trim() === '' || HEADING_LINE_RE.test(line) || EMPTY_BULLET_RE.test(line) || labelOnly(line.trimEnd())) continue;
    if (line.trim().startsWith('|')) {
      // Header rows and separators are structure; only a data row with a value counts.
      const next = kept[i + 1];
      if (isSeparatorRow(line) || (next !== undefined && isSeparatorRow(next))) continue;
      if (cells(line).every((c) => c === '')) continue;
      return true;
    }
    if (templateTexts().has(fold(line))) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Generated notes: every handoff heading in either language, template prompts and placeholders
// (as written, in comments, bulleted, quoted, full-width, upper case), tables, fences, CRLF.

const ALL_IDS = Object.keys(HEADING_TITLES) as HeadingId[];
const prompts = [...Object.values(SECTION_PROMPTS), TITLE_PROMPT].flatMap((p) => [p.en, p.ja]);
const placeholders = Object.values(SECTION_PLACEHOLDERS).flatMap((p) => [...(p?.en ?? []), ...(p?.ja ?? [])]);

const heading = fc
  .record({ id: fc.constantFrom(...ALL_IDS), level: fc.integer({ min: 1, max: 4 }), ja: fc.boolean(), deco: fc.constantFrom('', '1. ', '- ', ':', '：', ' #') })
  .map(({ id, level, ja, deco }) => {
    const t = HEADING_TITLES[id][ja ? 'ja' : 'en'];
    return `${'#'.repeat(level)} ${deco.endsWith(' ') ? deco + t : t + deco}`;
  });

const prompt = fc.constantFrom(...prompts, ...placeholders);
const dressed = fc
  .record({
    text: prompt,
    how: fc.constantFrom('plain', 'comment', 'bullet', 'quote', 'upper', 'wide', 'spaced', 'tabbed', 'nbsp', 'wide-space', 'trailing', 'double', 'split-comment', 'tail'),
  })
  .map(({ text, how }) => {
    switch (how) {
      case 'comment':
        return `<!-- ${text} -->`;
      case 'bullet':
        return `- ${text}`;
      case 'quote':
        return `> > * ${text}`;
      case 'upper':
        return text.toUpperCase();
      case 'wide':
        return text.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      case 'spaced':
        return `\t ${text.replace(/ /g, '  \t')}\u3000 `;
      case 'tabbed':
        return `- ${text.replace(/ /g, '\t')}`;
      case 'double':
        return `-  ${text.replace(/ /g, ' \t ')}  `;
      case 'trailing':
        return `* ${text} <!-- note -->`;
      case 'wide-space':
        return `\u3000-\u00a0${text}\u2003`;
      case 'nbsp':
        return text.replace(/ /g, '\u00a0');
      case 'split-comment':
        return `<!-- ${text}\nstill comment -->`;
      case 'tail':
        return `${text} <!-- x --> more`;
      default:
        return text;
    }
  });

const bodyLine = fc.oneof(
  dressed,
  fc.constantFrom(
    '',
    '   ',
    '- ',
    '-',
    '* [ ]',
    '1.',
    '2) [x] ',
    '- Budget:',
    '- 予算：',
    '- Budget: 5M',
    '> ',
    '- Ravi Ito leads this. They want to cut the month-end reporting work.',
    '- 小林 大輔さんが中心。月末の報告作業を減らしたい。',
    '| Goal | Owner |',
    '|---|---|',
    '| :-: | --- |',
    '|  |  |',
    '| x |  |',
    '|',
    '```',
    '```\ncode\n```',
    '~~~\n\n~~~',
    '<!--',
    '-->',
    '<!-- a --> <!-- b',
    '#',
    '#tag',
    '    indented text',
    'Ａｃｍｅ',
  ),
);

const noteText = fc
  .record({
    account: fc.constantFrom('Acme', 'Future vision', '将来の構想', 'Handoff', '42', ''),
    blocks: fc.array(fc.oneof(heading, bodyLine, bodyLine), { maxLength: 30 }),
    eol: fc.constantFrom('\n', '\r\n'),
    locale: fc.constantFrom('en', 'ja', 'fr'),
  })
  .map(({ account, blocks, eol, locale }) =>
    `---\nbaton: account\naccount: ${account || "''"}\nlocale: ${locale}\ncontract_start: 2026-04-01\nterm_months: 12\n---\n${blocks.join('\n')}\n`.replace(/\n/g, eol),
  );

/** Same values, same undefined fields and the same key order. */
function same<T>(actual: T, expected: T): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('checkHandoff against the original implementation', () => {
  it('gives the same report, problems and located sections', () => {
    fc.assert(
      fc.property(noteText, fc.constantFrom<HandoffOptions>({}, { locale: 'en' }, { locale: 'ja' }), (text, options) => {
        const note = parseAccountNote(text);
        const report = checkHandoff(note, options);
        same(report, oldCheckHandoff(note, options));
        same(handoffProblems(report, 'ja'), handoffProblems(oldCheckHandoff(note, options), 'ja'));
        for (const id of ALL_IDS) same(locateSection(note, id), oldLocateSection(note, id));
      }),
      { numRuns: 1500 },
    );
  });

  it('folds template text the same way', () => {
    fc.assert(
      fc.property(fc.oneof(dressed, bodyLine, fc.string({ unit: fc.constantFrom(' ', '\t', '>', '-', '*', '+', 'A', 'a', 'Ａ', '\u3000', '\u00a0', '：', '1', '.'), maxLength: 12 })), (line) => {
        // Under a Handoff heading in an account note: without one the section is missing and the line never checked.
        const note = parseAccountNote(`---\nbaton: account\n---\n## Handoff\n### Proposal history\n${line}\n`);
        expect(note.headings.some((h) => h.id === 'proposal_history')).toBe(true);
        same(checkHandoff(note), oldCheckHandoff(note));
      }),
      { numRuns: 1500 },
    );
  });

  it('lints the essentials directly as handoffProblems(checkHandoff) does, in both locales', () => {
    fc.assert(
      fc.property(noteText, fc.constantFrom<'en' | 'ja'>('en', 'ja'), (text, locale) => {
        const note = parseAccountNote(text);
        same(handoffLint(note, locale), handoffProblems(oldCheckHandoff(note, { locale }), locale));
      }),
      { numRuns: 1500 },
    );
  });

  it('skips the fold only for lines that fold to themselves (kana, kanji, ASCII), templates of every length included', () => {
    const unit = fc.constantFrom(' ', '  ', '\t', '>', '-', '*', 'a', 'A', 'ａ', 'あ', 'ア', 'ｱ', 'ガ', 'か\u3099', '\u309b', '漢', '\uf900', 'ー', '、', '。', '・', '\u3000', '：', ':', '1');
    const templateLike = fc.tuple(fc.constantFrom(...prompts, ...placeholders), fc.constantFrom('', '- ', '> ', '* ', '-'), fc.constantFrom('', ' ', '  ', 'x', 'あ', '\u3000', ' \u309b', 'ｱ', '\t'))
      .map(([t, pre, post]) => pre + t + post);
    fc.assert(
      fc.property(fc.oneof(templateLike, fc.string({ unit, maxLength: 16 })), (line) => {
        // Under a Handoff heading in an account note, so the section is found and its line checked.
        const note = parseAccountNote(`---\nbaton: account\n---\n## Handoff\n### Proposal history\n${line}\n`);
        expect(note.headings.some((h) => h.id === 'proposal_history')).toBe(true);
        same(checkHandoff(note), oldCheckHandoff(note));
        same(handoffLint(note, 'ja'), handoffProblems(oldCheckHandoff(note, { locale: 'ja' }), 'ja'));
      }),
      { numRuns: 3000 },
    );
  });
  it('decides usual lines from their first and last characters as the full check does', () => {
    // Near the fast path's edges: markers, a template's first characters with another ending,
    // three-character texts, combining marks, labels, comments that hide a colon, numbered items.
    const indent = fc.constantFrom('', ' ', '   ', '\t', '\u3000', '\u00a0');
    const marker = fc.constantFrom('', '- ', '* ', '+ ', '-', '*', '-  ', '-\t', '- [ ] ', '- [x]', '> ', '1. ', '1) ', '12', '1. [ ]', '2) [x] ', '#', '# ', '|', '[', '- [');
    const body = fc.oneof(
      fc.constantFrom(...prompts, ...placeholders).map((t) => t.slice(0, 3) + ['', 'x', ' other text', '…', 'と別の話'][t.length % 5]),
      fc.constantFrom(...prompts, ...placeholders).map((t) => t.toUpperCase()),
      fc.string({ unit: fc.constantFrom('a', 'T', 'o', 'm', ' ', '  ', ':', '：', '[', ']', 'x', '1', '.', 'か', '\u3099', 'e', '\u0301', '小', '。', '」', '）', 'Ａ', 'ｱ', '㈱', '\u3000', '<!--', '-->', '>', '|', '#'), maxLength: 8 }),
    );
    const end = fc.constantFrom('', ' ', ':', '：', ' <!-- fill -->', ' <!-- open', '<!-->', '<!--->', '-->', ' x', '\u3000', '」', '\t');
    const next = fc.constantFrom('', '|---|', 'still comment -->', 'text', '- Budget:');
    fc.assert(
      fc.property(indent, marker, body, end, next, fc.constantFrom('\n', '\r\n', '\r'), (i, m, b, e, n, eol) => {
        const note = parseAccountNote(`---\nbaton: account\n---\n## Handoff\n### Proposal history\n${i + m + b + e}\n${n}\n### Future vision\n`.replace(/\n/g, eol));
        same(checkHandoff(note), oldCheckHandoff(note));
        same(handoffLint(note, 'en'), handoffProblems(oldCheckHandoff(note, { locale: 'en' }), 'en'));
      }),
      { numRuns: 6000 },
    );
  });
});
