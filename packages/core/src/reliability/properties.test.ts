/**
 * Properties that hold for every note, checked on generated ones: realistic notes built from
 * valid and broken frontmatter, en/ja headings, stakeholder tables, tasks carrying other plugins'
 * markers, code fences and mixed line endings. docs/reliability.md cites these tests by name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote, STAGES } from '../account.js';
import { builtinChecklists } from '../checklist-templates.js';
import { applyChecklist, reanchorChecklists } from '../checklists.js';
import { isIsoDate } from '../dates.js';
import type { EditResult } from '../edit.js';
import { setFrontmatterValue } from '../frontmatter.js';
import { insertMissingSection } from '../handoff.js';
import { lintAccount } from '../lint.js';
import type { Locale, Problem } from '../problems.js';
import { HEADING_TITLES, type HeadingId } from '../sections.js';
import { addStakeholder, insertStakeholderMatrix, LEVELS, ROLES, type Stakeholder } from '../stakeholders.js';
import { buildAccountTimeline, buildPortfolioTimeline, buildTimelineView } from '../timeline.js';
import { splitLinesKeepEol, stripEol } from '../text.js';

/** `BATON_FC_RUNS=5000` for a deeper local hunt; the default keeps the suite quick. */
const RUNS = { numRuns: Number(process.env['BATON_FC_RUNS'] ?? 150) };
const today = '2026-11-22';

// ---------------------------------------------------------------------------------------------
// Arbitraries

const isoDate = fc
  .record({
    // Mostly near today; sometimes a typo'd century (0026) or the far end of the calendar.
    y: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 2020, max: 2030 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 1, arbitrary: fc.constant(9999) }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`); // includes impossible days (02-30)

const word = fc.constantFrom('Acme', 'アクメ', '佐藤', 'Suzuki', 'R&D', 'x: y', "O'Brien", '#tag', '[[link]]', '株式会社テスト', 'a|b');

/** Frontmatter lines: mostly valid, sometimes the shapes users get wrong. */
const fmExtra = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...STAGES).map((s) => `stage: ${s}`) },
  { weight: 3, arbitrary: isoDate.map((d) => `kickoff_date: ${d}`) },
  { weight: 2, arbitrary: isoDate.map((d) => `renewal_date: ${d}`) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 120 }).map((n) => `notice_days: ${n}`) },
  { weight: 3, arbitrary: word.map((w) => `csm_owner: ${JSON.stringify(w)}`) },
  { weight: 2, arbitrary: fc.constantFrom('renewal_owner: Tanaka', 'sales_owner: 山田', 'arr: 12,000,000', 'currency: jpy', 'health: 注意', 'locale: ja', 'locale: en') },
  { weight: 3, arbitrary: fc.constantFrom('tags: [customer, baton]', 'aliases:\n  - Acme Corp\n  - アクメ', 'cssclasses: wide', 'custom: "kept as is"', '# a YAML comment', 'empty:') },
  { weight: 1, arbitrary: fc.constantFrom('kickoff_date: 20260401', 'notice_days: -5', 'arr: 1e400', 'health: purple', 'renewal_date: 2026-04-01T10:00:00') },
);
const fmBroken = fc.constantFrom('account: [oops', 'key: value: more', '\tindented: tab', 'account: Dup', '  - stray item', 'x: "unterminated');

interface FmSpec {
  valid: boolean;
  lines: string[];
}
const frontmatter: fc.Arbitrary<FmSpec> = fc
  .record({
    start: isoDate,
    term: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, -1)),
    extras: fc.uniqueArray(fmExtra, { maxLength: 6, selector: (l) => l.split(':')[0] }),
    broken: fc.option(fmBroken, { freq: 5 }),
  })
  .map(({ start, term, extras, broken }) => {
    const lines = ['baton: account', 'account: Acme', `contract_start: ${start}`, `term_months: ${term}`, ...extras.filter((l) => !/^account:/.test(l))];
    if (broken !== null) lines.splice(2, 0, broken);
    return { valid: broken === null, lines };
  });

const headingText = fc.oneof(
  fc.constantFrom(...(Object.keys(HEADING_TITLES) as HeadingId[])).chain((id) => fc.constantFrom(HEADING_TITLES[id].en, HEADING_TITLES[id].ja)),
  fc.constantFrom('Meeting log', '議事録', 'Acme', 'Handoff / 引き継ぎ', '2) Future vision'),
);
const heading = fc.record({ level: fc.integer({ min: 1, max: 4 }), text: headingText }).map(({ level, text }) => `${'#'.repeat(level)} ${text}`);

const marker = fc.constantFrom('', ' ⏫', ' 🔁 every week', ' ✅ 2026-05-01', ' ^block-1', ' #task', ' 🔼 ⏳ 2026-06-01', ' 📅 2026-13-45');
const anchor = fc.constantFrom('', ' <!-- baton:kickoff.agenda {kickoff_date-3bd} -->', ' <!-- baton:renewal-prep.ebr {renewal_date-90d} -->', ' <!-- baton:custom.x {notice_deadline} -->', ' <!-- baton:custom.y -->');
const task = fc
  .record({
    indent: fc.constantFrom('', '  ', '> '),
    bullet: fc.constantFrom('-', '*', '1.'),
    status: fc.constantFrom(' ', 'x', '/', '-', 'X'),
    text: word,
    due: fc.option(isoDate.map((d) => ` 📅 ${d}`), { nil: '' }),
    anchor,
    marker,
  })
  .map((t) => `${t.indent}${t.bullet} [${t.status}] ${t.text}${t.anchor}${t.due}${t.marker}`);

const tableRow = fc
  .record({
    name: word,
    role: fc.constantFrom('Decision maker', '決裁者', 'champion', 'User, IT', ''),
    key: fc.constantFrom('✓', '○', '', 'maybe'),
    contact: fc.oneof(isoDate, fc.constantFrom('', 'soon', '2026/04/01')),
    extra: fc.boolean(),
  })
  .map((r) => `| ${r.name} | ${r.role} | ${r.key} | ${r.contact} |${r.extra ? ' surplus |' : ''}`);
const table = fc
  .record({ ja: fc.boolean(), rows: fc.array(tableRow, { maxLength: 4 }) })
  .map(({ ja, rows }) => [ja ? '| 氏名 | 役割 | キーパーソン | 最終接触 |' : '| Name | Role | Key person | Last contact |', '| --- | --- | --- | --- |', ...rows].join('\n'));

const fence = fc
  .record({ body: fc.array(fc.oneof(task, heading, fc.constant('| Name | Role |')), { maxLength: 3 }), closed: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) })
  .map(({ body, closed }) => ['```', ...body, ...(closed ? ['```'] : [])].join('\n'));

const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 4, arbitrary: task },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 3, arbitrary: fc.constantFrom('', '', 'Plain paragraph.', '本文です。', '- bullet', '<!-- comment -->', '---', '> quote') },
);

const eolStyle = fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'crlf', 'mixed');

interface NoteSpec {
  text: string;
  valid: boolean;
}

/** Joins lines (which may contain `\n`) with one ending style; `mixed` picks per line. */
function join(lines: string[], style: 'lf' | 'crlf' | 'mixed', seed: number, finalEol: boolean): string {
  const flat = lines.flatMap((l) => l.split('\n'));
  let out = '';
  flat.forEach((l, i) => {
    const eol = style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : (seed >> i % 16) & 1 ? '\r\n' : '\n';
    out += l + (i < flat.length - 1 || finalEol ? eol : '');
  });
  return out;
}

const accountText: fc.Arbitrary<NoteSpec> = fc
  .record({
    fm: frontmatter,
    body: fc.array(block, { maxLength: 14 }),
    style: eolStyle,
    seed: fc.nat(),
    finalEol: fc.boolean(),
    bom: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ fm, body, style, seed, finalEol, bom }) => ({
    text: (bom ? '\uFEFF' : '') + join(['---', ...fm.lines, '---', '# Acme', ...body], style, seed, finalEol),
    valid: fm.valid,
  }));

/**
 * Some notes are not account notes at all, or have no frontmatter. Lone `\r` line endings
 * (classic Mac OS) only go to the parser: an edit appending after one joins it into `\r\n`
 * (no byte is lost, but the line count changes), see docs/reliability.md.
 */
const anyNote = fc.oneof(
  { weight: 5, arbitrary: accountText.map((n) => n.text) },
  { weight: 1, arbitrary: fc.array(block, { maxLength: 10 }).map((b) => b.join('\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('-', '\n', '\r', ':', ' ', '#', '|', '`', '[', ']', 'x', '\u0000', '\uFEFF', '📅'), maxLength: 120 }) },
);

/**
 * Notes for edits: as `anyNote`, and as many account notes whose frontmatter reads cleanly, since
 * every edit refuses the others (the generated frontmatter is seldom free of errors).
 */
const editableNote = fc.oneof(accountText.map((n) => n.text).filter((t) => !parseAccountNote(t).problems.some((p) => p.code.startsWith('frontmatter.'))), anyNote);

const person = fc.record({
  name: fc.constantFrom('Ito', '伊藤 花子', 'Mary-Jane', 'O|Neil', 'ｱｲ'),
  department: fc.constantFrom('', 'Sales', '情報システム部', 'R|D'),
  level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
  roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 2 }),
  keyPerson: fc.boolean(),
});

const locale = fc.constantFrom<Locale>('en', 'ja');
const templates = [...builtinChecklists('en'), ...builtinChecklists('ja')];
const template = fc.constantFrom(...templates);
const sectionId = fc.constantFrom(...(Object.keys(HEADING_TITLES) as HeadingId[]));

// ---------------------------------------------------------------------------------------------
// Helpers

type Edit = { name: string; run: (text: string) => EditResult };

/** The edits that only insert whole lines; `setFrontmatterValue` and `reanchorChecklists` change lines in place. */
const insertingEdits = fc.oneof(
  locale.map((loc): Edit => ({ name: `insertStakeholderMatrix(${loc})`, run: (t) => insertStakeholderMatrix(t, { locale: loc }) })),
  fc.tuple(person, locale).map(([p, loc]): Edit => ({ name: `addStakeholder(${p.name})`, run: (t) => addStakeholder(t, p, { locale: loc }) })),
  template.map((tpl): Edit => ({ name: `applyChecklist(${tpl.id}/${tpl.locale})`, run: (t) => applyChecklist(t, tpl) })),
  fc.tuple(sectionId, locale).map(([id, loc]): Edit => ({ name: `insertMissingSection(${id})`, run: (t) => insertMissingSection(t, id, { locale: loc }) })),
);

/**
 * True when every line of `before` is in `after`, in order and byte for byte; only the final
 * line may gain a line ending (text appended after a note that ended without one).
 */
function keepsEveryLine(before: string, after: string): boolean {
  const a = splitLinesKeepEol(before);
  const b = splitLinesKeepEol(after);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const line = a[i]!;
    const last = i === a.length - 1 && stripEol(line) === line;
    while (j < b.length && !(b[j] === line || (last && stripEol(b[j]!) === line))) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

/** Error problems counted by code and field: line numbers move when lines are inserted. */
function errorCounts(problems: readonly Problem[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of problems) if (p.severity === 'error') m.set(`${p.code}|${p.field ?? ''}`, (m.get(`${p.code}|${p.field ?? ''}`) ?? 0) + 1);
  return m;
}

function expectNoNewErrors(before: string, after: string): void {
  const b = errorCounts(lintAccount(parseAccountNote(before), { today }));
  const a = errorCounts(lintAccount(parseAccountNote(after), { today }));
  for (const [k, n] of a) expect(n, `new error ${k}`).toBeLessThanOrEqual(b.get(k) ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Properties

describe('parsing never throws', () => {
  it('on arbitrary strings, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 })), (s) => {
        const n = parseAccountNote(s);
        lintAccount(n, { today });
        buildAccountTimeline(n, 'x.md', { today });
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('on generated notes, and every problem points at a line of the note', () => {
    fc.assert(
      fc.property(anyNote, locale, (text, loc) => {
        const n = parseAccountNote(text, { locale: loc });
        const lines = Math.max(1, splitLinesKeepEol(text).length);
        for (const p of lintAccount(n, { today, locale: loc })) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines);
          expect(p.message.trim()).not.toBe('');
        }
      }),
      RUNS,
    );
  });
});

describe('edits keep every byte outside their region', () => {
  it('insertStakeholderMatrix, addStakeholder, applyChecklist, insertMissingSection only insert whole lines', () => {
    let changed = 0;
    fc.assert(
      fc.property(editableNote, insertingEdits, (text, edit) => {
        const r = edit.run(text);
        if (!r.ok) return;
        if (r.changed) changed++;
        expect(keepsEveryLine(text, r.text), edit.name).toBe(true);
        if (!r.changed) expect(r.text).toBe(text);
        // The note keeps its BOM.
        expect(r.text.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
      }),
      RUNS,
    );
    // The generators must reach real edits (about one in five succeeds), or the property holds vacuously.
    expect(changed).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('setFrontmatterValue changes one line, or inserts one before the closing ---', () => {
    const key = fc.constantFrom('stage', 'kickoff_date', 'csm_owner', 'health', 'new_key');
    const value = fc.oneof(fc.constantFrom('running', '2026-05-01', 'yes', '', "it's", 'a: b', '#x', '佐藤'), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(anyNote, key, value, (text, k, v) => {
        const out = setFrontmatterValue(text, k, v);
        if (out === undefined) return;
        const a = splitLinesKeepEol(text);
        const b = splitLinesKeepEol(out);
        if (b.length === a.length) {
          expect(a.filter((l, i) => l !== b[i]).length).toBeLessThanOrEqual(1);
        } else {
          expect(b.length).toBe(a.length + 1);
          expect(keepsEveryLine(text, out)).toBe(true);
        }
        // The value reads back as written.
        const data = parseAccountNote(out).frontmatter.data;
        expect(data?.[k] === null ? '' : String(data?.[k])).toBe(String(v));
      }),
      RUNS,
    );
  });

  it('reanchorChecklists changes only 📅 dates', () => {
    let changed = 0;
    fc.assert(
      fc.property(accountText, (spec) => {
        const r = reanchorChecklists(spec.text);
        if (!r.ok) return;
        if (r.changed) changed++;
        const a = splitLinesKeepEol(spec.text);
        const b = splitLinesKeepEol(r.text);
        expect(b.length).toBe(a.length);
        const undated = (l: string) => l.replace(/ ?📅\uFE0F? ?\d{4}-\d{2}-\d{2}/gu, '');
        a.forEach((l, i) => expect(undated(b[i]!)).toBe(undated(l)));
      }),
      // Only a few generated notes have a resolvable anchor on an open task: run enough to hit some.
      { numRuns: Math.max(RUNS.numRuns, 600) },
    );
    expect(changed).toBeGreaterThan(0);
  });
});

describe('edits are idempotent and leave a note that reads cleanly', () => {
  it('applying an edit twice equals applying it once, and adds no error', () => {
    fc.assert(
      fc.property(editableNote, fc.oneof(insertingEdits, fc.constant<Edit>({ name: 'reanchorChecklists', run: (t) => reanchorChecklists(t) })), (text, edit) => {
        const once = edit.run(text);
        if (!once.ok) return;
        const twice = edit.run(once.text);
        if (edit.name.startsWith('addStakeholder') && once.changed) {
          // Adding the same person again is refused rather than duplicated: nothing is written either way.
          expect(twice).toMatchObject({ ok: false, problems: [{ code: 'stakeholders.duplicate-name' }] });
        } else {
          expect(twice, edit.name).toEqual({ ok: true, text: once.text, changed: false });
        }
        expectNoNewErrors(text, once.text);
      }),
      RUNS,
    );
  });

  it('setFrontmatterValue twice equals once', () => {
    fc.assert(
      fc.property(anyNote, fc.constantFrom('stage', 'kickoff_date', 'x'), fc.constantFrom('adoption', '2026-06-30', 'z z'), (text, k, v) => {
        const once = setFrontmatterValue(text, k, v);
        if (once === undefined) return;
        expect(setFrontmatterValue(once, k, v)).toBe(once);
      }),
      RUNS,
    );
  });
});

describe('invalid input is refused', () => {
  it('a note whose frontmatter is not valid YAML: every edit returns ok:false and setFrontmatterValue undefined', () => {
    const broken = accountText.filter((s) => parseAccountNote(s.text).frontmatter.error !== undefined);
    fc.assert(
      fc.property(broken, insertingEdits, (spec, edit) => {
        expect(edit.run(spec.text).ok, edit.name).toBe(false);
        expect(reanchorChecklists(spec.text).ok).toBe(false);
        expect(setFrontmatterValue(spec.text, 'stage', 'running')).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('a note whose account does not validate: checklist and section edits return ok:false', () => {
    const invalid = accountText.filter((s) => parseAccountNote(s.text).account === undefined);
    fc.assert(
      fc.property(invalid, template, sectionId, (spec, tpl, id) => {
        expect(applyChecklist(spec.text, tpl).ok).toBe(false);
        expect(reanchorChecklists(spec.text).ok).toBe(false);
        expect(insertMissingSection(spec.text, id).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the stakeholder table round-trips', () => {
  it('people added one by one read back with the values given', () => {
    const people = fc.uniqueArray(person, { minLength: 1, maxLength: 4, selector: (p) => p.name });
    fc.assert(
      fc.property(accountText.filter((s) => s.valid), people, locale, (spec, ps, loc) => {
        // Start from a clean matrix so the people land in a table with every column.
        let text = spec.text.replace(/^\| ?(Name|氏名) \|.*$/gm, '');
        const start = parseAccountNote(text);
        if (start.frontmatter.error || start.problems.some((p) => p.code.startsWith('stakeholders.') && p.severity === 'error')) return;
        for (const p of ps) {
          const r = addStakeholder(text, p, { locale: loc });
          if (!r.ok) return; // e.g. an unclosed fence swallows the section: refused, checked above
          text = r.text;
        }
        const rows = parseAccountNote(text).stakeholders?.rows ?? [];
        const got = rows.slice(-ps.length).map((s: Stakeholder) => ({ name: s.name, department: s.department, level: s.level, roles: s.roles, keyPerson: s.keyPerson }));
        expect(got).toEqual(ps);
      }),
      RUNS,
    );
  });
});

describe('timeline', () => {
  it('never yields an invalid date, and every event points at a line of the note', () => {
    fc.assert(
      fc.property(accountText, (spec) => {
        const n = parseAccountNote(spec.text);
        const lines = splitLinesKeepEol(spec.text).length;
        for (const e of buildAccountTimeline(n, 'a.md', { today })) {
          expect(isIsoDate(e.date), `${e.kind} ${e.date}`).toBe(true);
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines);
        }
      }),
      RUNS,
    );
  });

  it('is identical in every time zone', () => {
    const zones = ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'America/St_Johns', 'UTC'];
    const original = process.env['TZ'];
    try {
      fc.assert(
        fc.property(fc.array(accountText, { minLength: 1, maxLength: 4 }), fc.constantFrom('2026-03-08', '2026-11-01', '2026-12-31', today), (specs, day) => {
          const render = () => {
            const entries = specs.map((s, i) => ({ file: `n${i}.md`, note: parseAccountNote(s.text) }));
            const events = buildPortfolioTimeline(entries, { today: day });
            return JSON.stringify({ events, view: buildTimelineView(events, { today: day, locale: 'ja' }) });
          };
          const offsets = new Set<number>();
          const seen = zones.map((tz) => {
            process.env['TZ'] = tz;
            offsets.add(new Date(2026, 0, 1).getTimezoneOffset());
            return render();
          });
          // The zone changes really took effect, else this test proves nothing.
          expect(offsets.size).toBe(zones.length);
          for (const s of seen) expect(s).toBe(seen[0]);
        }),
        { numRuns: 40 },
      );
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  });
});
