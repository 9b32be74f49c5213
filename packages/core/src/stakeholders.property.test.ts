import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { scanHeadings } from './sections.js';
import { fencedLines, splitLinesKeepEol } from './text.js';
import type { Locale } from './problems.js';
import {
  addStakeholder,
  formatStakeholderTable,
  insertStakeholderMatrix,
  readStakeholders,
  ATTITUDES,
  LEVELS,
  ROLES,
  STAKEHOLDER_COLUMNS,
  type Stakeholder,
  type StakeholderColumn,
  type StakeholderTable,
  type StakeholderTableColumn,
} from './stakeholders.js';

function read(text: string) {
  const lines = splitLinesKeepEol(text);
  const fenced = fencedLines(lines);
  return readStakeholders({ lines, fenced, headings: scanHeadings(lines, fenced) }, 'en');
}

/** The table and problems as the edits see them: the note's title is not a section, the frontmatter counts. */
function readNote(text: string) {
  const n = parseAccountNote(text);
  return { table: n.stakeholders, problems: n.problems, account: n.kind === 'account' && !n.problems.some((p) => p.code.startsWith('frontmatter.')) };
}

const withoutLine = ({ line: _line, ...rest }: Stakeholder) => rest;

// Characters that stress the format: pipes, backslashes, CJK, full-width and ideographic spaces.
const tricky = fc.constantFrom('a', 'Z', ' ', '|', '\\', '-', ':', '#', '`', '佐', '藤', 'ｱ', '　', '１', '・', ',', 'é', '😀');
const cellText = fc
  .oneof(fc.string({ unit: tricky, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }))
  .map((s) => s.trim())
  .filter((s) => !/[\r\n]/.test(s));
const name = cellText.filter((s) => s !== '');

const isoDate = fc
  .record({ y: fc.integer({ min: 2000, max: 2035 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Either a canonical value, or text Baton does not recognise (kept in `unrecognized`). */
function valueOr<T>(known: fc.Arbitrary<T>, unknown: string[]): fc.Arbitrary<{ v: T | undefined; raw?: string }> {
  return fc.oneof(
    known.map((v) => ({ v })),
    fc.constant({ v: undefined }),
    fc.constantFrom(...unknown).map((raw) => ({ v: undefined, raw })),
  );
}

const stakeholder: fc.Arbitrary<Stakeholder> = fc
  .record({
    name,
    department: cellText,
    level: valueOr(fc.constantFrom(...LEVELS), ['VP of Fun', '顧問']),
    roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 4 }),
    otherRoles: fc.uniqueArray(fc.constantFrom('Sponsor', 'スポンサー', 'PMO', 'x|y'), { maxLength: 2 }),
    influence: valueOr(fc.integer({ min: 1, max: 5 }), ['huge', '10']),
    attitude: valueOr(fc.constantFrom(...ATTITUDES), ['予算次第', 'warm-ish']),
    keyPerson: valueOr(fc.boolean(), ['maybe', '未定']),
    attendedKickoff: valueOr(fc.boolean(), ['late']),
    lastContact: valueOr(isoDate, ['soon', '2026-13-01']),
    status: valueOr(fc.constantFrom('active' as const, 'left' as const), ['休職']),
  })
  .map((g) => {
    const unrecognized: Partial<Record<StakeholderColumn, string>> = {};
    const keep = (col: StakeholderColumn, raw: string | undefined) => {
      if (raw !== undefined) unrecognized[col] = raw;
    };
    keep('level', g.level.raw);
    keep('influence', g.influence.raw);
    keep('attitude', g.attitude.raw);
    keep('key_person', g.keyPerson.raw);
    keep('kickoff', g.attendedKickoff.raw);
    keep('last_contact', g.lastContact.raw);
    keep('status', g.status.raw);
    return {
      name: g.name,
      department: g.department,
      level: g.level.v,
      roles: g.roles,
      otherRoles: g.otherRoles,
      influence: g.influence.v,
      attitude: g.attitude.v,
      keyPerson: g.keyPerson.v ?? false,
      attendedKickoff: g.attendedKickoff.v ?? false,
      lastContact: g.lastContact.v,
      status: g.status.v ?? 'active',
      line: -1,
      unrecognized,
      extra: {},
    };
  });

const locale = fc.constantFrom<Locale>('en', 'ja');

describe('stakeholder properties', () => {
  it('round-trips arbitrary rows: parse(format(x)) = x and format is stable', () => {
    fc.assert(
      fc.property(fc.array(stakeholder, { maxLength: 6 }), locale, (rows, loc) => {
        const text = `## Stakeholders\n\n${formatStakeholderTable(rows, loc).join('\n')}\n`;
        const { table, problems } = read(text);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(table?.rows.map(withoutLine)).toEqual(rows.map(withoutLine));
        expect(formatStakeholderTable(table!, loc)).toEqual(formatStakeholderTable(rows, loc));
      }),
    );
  });

  it('round-trips tables with a chosen column subset, any order and unknown columns', () => {
    const columns = fc
      .record({
        known: fc.shuffledSubarray([...STAKEHOLDER_COLUMNS].filter((c) => c !== 'name')),
        unknown: fc.uniqueArray(fc.constantFrom('Memo', 'メモ', 'Phone|Mail'), { maxLength: 2 }),
        at: fc.nat(),
      })
      .map(({ known, unknown, at }) => {
        const cols: StakeholderTableColumn[] = [
          ...known.map((key) => ({ key, header: key, id: key })),
          ...unknown.map((header) => ({ key: undefined, header, id: header })),
        ];
        cols.splice(at % (cols.length + 1), 0, { key: 'name', header: 'Name', id: 'name' });
        return cols;
      });
    fc.assert(
      fc.property(columns, fc.array(fc.tuple(stakeholder, cellText, cellText), { maxLength: 5 }), locale, (cols, gen, loc) => {
        const rows = gen.map(([s, a, b]) => project({ ...s, extra: { Memo: a, メモ: b, 'Phone|Mail': a } }, cols));
        const table: StakeholderTable = { headerLine: 0, end: 0, columns: cols, rows, locale: loc };
        const once = formatStakeholderTable(table, loc);
        const parsed = read(`## Stakeholders\n\n${once.join('\n')}\n`).table;
        expect(parsed?.rows.map(withoutLine)).toEqual(rows.map(withoutLine));
        expect(parsed?.columns.map((c) => c.id)).toEqual(cols.map((c) => c.id));
        expect(formatStakeholderTable(parsed!, loc)).toEqual(once);
      }),
    );
  });

  it('addStakeholder only inserts whole lines: removing them gives the original back', () => {
    fc.assert(
      fc.property(note, stakeholder, locale, (text, person, loc) => {
        const r = addStakeholder(text, person, { locale: loc });
        const before = readNote(text);
        // Not an account note, or its frontmatter has an error: always refused, saying why.
        if (!before.account) {
          expect(r.ok).toBe(false);
          if (!r.ok) for (const p of r.problems) expect(p.code).toMatch(/^(stakeholders\.not-account|frontmatter\.)/);
          return;
        }
        if (!r.ok) {
          // Only refusals for real reasons: table errors, a name already there, an open fence.
          const listed = before.table?.rows.some((x) => x.name.replace(/\s/g, '').toLowerCase() === person.name.replace(/\s/g, '').toLowerCase());
          const narrow = before.table !== undefined && before.table.columns.filter((c) => c.key !== undefined).length < STAKEHOLDER_COLUMNS.length;
          const ok =
            before.problems.some((p) => p.severity === 'error') ||
            listed ||
            r.problems.every((p) => p.code === 'stakeholders.not-placed' || p.code === 'stakeholders.duplicate-name' || (narrow && p.code === 'stakeholders.missing-column'));
          expect(ok).toBe(true);
          return;
        }
        const inserted = insertedPart(text, r.text);
        expect(inserted).toBeDefined();
        const { at, piece } = inserted!;
        expect(r.text.slice(0, at) + r.text.slice(at + piece.length)).toBe(text);
        const rows = readNote(r.text).table?.rows ?? [];
        expect(rows.some((x) => x.name === person.name)).toBe(true);
      }),
    );
  });

  it('insertStakeholderMatrix twice equals once, and only inserts', () => {
    fc.assert(
      fc.property(note, locale, (text, loc) => {
        const once = insertStakeholderMatrix(text, { locale: loc });
        if (!readNote(text).account) expect(once.ok).toBe(false);
        if (!once.ok) return;
        const twice = insertStakeholderMatrix(once.text, { locale: loc });
        expect(twice).toEqual({ ok: true, text: once.text, changed: false });
        if (once.changed) expect(insertedPart(text, once.text)).toBeDefined();
        else expect(once.text).toBe(text);
      }),
    );
  });
});

/** A row as it reads back from a table that only has `cols`: other fields fall back to defaults. */
function project(s: Stakeholder, cols: readonly StakeholderTableColumn[]): Stakeholder {
  const has = (k: StakeholderColumn) => cols.some((c) => c.key === k);
  const unrecognized: Partial<Record<StakeholderColumn, string>> = {};
  for (const [k, v] of Object.entries(s.unrecognized) as [StakeholderColumn, string][]) if (has(k)) unrecognized[k] = v;
  const extra: Record<string, string> = {};
  for (const c of cols) if (c.key === undefined) extra[c.id] = s.extra[c.id] ?? '';
  return {
    ...s,
    department: has('department') ? s.department : '',
    level: has('level') ? s.level : undefined,
    roles: has('role') ? s.roles : [],
    otherRoles: has('role') ? s.otherRoles : [],
    influence: has('influence') ? s.influence : undefined,
    attitude: has('attitude') ? s.attitude : undefined,
    keyPerson: has('key_person') && s.keyPerson,
    attendedKickoff: has('kickoff') && s.attendedKickoff,
    lastContact: has('last_contact') ? s.lastContact : undefined,
    status: has('status') ? s.status : 'active',
    unrecognized,
    extra,
  };
}

/**
 * Where `after` is `before` with whole lines inserted at one place (or, at an unterminated last
 * line, a line break followed by lines), or undefined. Repeated text makes the position
 * ambiguous, so every valid position is tried.
 */
function insertedPart(before: string, after: string): { at: number; piece: string } | undefined {
  const extra = after.length - before.length;
  if (extra <= 0) return undefined;
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  if (after.slice(p + extra) !== before.slice(p)) return undefined;
  for (let at = p; at >= 0; at--) {
    if (at < p && after[at] !== after[at + extra]) break;
    const piece = after.slice(at, at + extra);
    const lineStart = at === 0 || before[at - 1] === '\n' || (before[at - 1] === '\r' && before[at] !== '\n');
    if (lineStart && /\n$/.test(piece)) return { at, piece };
    if (at === before.length && /^\r?\n/.test(piece)) return { at, piece };
  }
  return undefined;
}

const block = fc.oneof(
  fc.constantFrom(
    '# Acme',
    '# Stakeholders',
    'Some text',
    '',
    '',
    '## Notes',
    '- [ ] call 佐藤さん',
    '## Stakeholders',
    '## 関係者',
    '### Vendor side',
    'a | b text',
    '```\n| Name | Role |\n|---|---|\n| Fake | User |\n```',
    '| Name | Department |\n|---|---|\n| Ann | Ops |',
  ),
  fc.array(stakeholder, { maxLength: 3 }).chain((rows) => locale.map((loc) => formatStakeholderTable(rows, loc).join('\n'))),
);

const note = fc
  .record({
    // Valid accounts (one named like the section its title would be taken for), and notes every edit refuses.
    frontmatter: fc.constantFrom(
      '---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\nlocale: ja\n---\n',
      '---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n---\n',
      '---\nbaton: account\naccount: Stakeholders\ncontract_start: 2026-04-01\nterm_months: 12 # a year\n---\n',
      '',
      '---\nbaton: account\n---\n',
      '---\nbaton: account\naccount: Acme\ncontract_start: 2026-02-30\nterm_months: 12\n---\n',
      '---\nbaton: meeting\n---\n',
    ),
    blocks: fc.array(block, { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalEol: fc.boolean(),
  })
  .map(({ frontmatter, blocks, eol, finalEol }) => {
    const body = blocks.join('\n') + (finalEol && blocks.length > 0 ? '\n' : '');
    return (frontmatter + body).replace(/\n/g, eol);
  });
