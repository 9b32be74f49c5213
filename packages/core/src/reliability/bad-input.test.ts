/**
 * The bad-input catalogue: every way a real note goes wrong, with what Baton promises to do.
 * docs/reliability.md lists these tests by name; keep the two in step.
 */
import { describe, expect, it } from 'vitest';
import { parseAccountNote, type AccountNote } from '../account.js';
import { findChecklist } from '../checklist-templates.js';
import { applyChecklist, checklistProgress, reanchorChecklists } from '../checklists.js';
import { isIsoDate } from '../dates.js';
import type { EditResult } from '../edit.js';
import { setFrontmatterValue } from '../frontmatter.js';
import { insertMissingSection } from '../handoff.js';
import { lintAccount } from '../lint.js';
import { Portfolio } from '../portfolio.js';
import { addStakeholder, insertStakeholderMatrix } from '../stakeholders.js';
import { buildAccountTimeline } from '../timeline.js';
import { splitLinesKeepEol, stripEol } from '../text.js';

const today = '2026-11-22';
const GOOD_FM = ['baton: account', 'account: Acme', 'stage: onboarding', 'contract_start: 2026-04-01', 'term_months: 12', 'csm_owner: Sato'];

/** A note with the given frontmatter lines and body, joined with `eol`. */
function note(fm: readonly string[], body: readonly string[] = ['# Acme', ''], eol = '\n'): string {
  return ['---', ...fm, '---', ...body].join(eol);
}

/** The frontmatter with one key's line replaced (or appended when the key is absent). */
function withField(key: string, raw: string): string[] {
  const out = GOOD_FM.filter((l) => !l.startsWith(`${key}:`));
  out.push(`${key}: ${raw}`);
  return out;
}

const kickoff = findChecklist('kickoff', 'en')!;

/** Every edit Baton offers, run on the same text. */
function allEdits(text: string): Record<string, EditResult> {
  return {
    insertStakeholderMatrix: insertStakeholderMatrix(text),
    addStakeholder: addStakeholder(text, { name: 'Suzuki', keyPerson: true }),
    insertMissingSection: insertMissingSection(text, 'future_vision'),
    applyChecklist: applyChecklist(text, kickoff),
    reanchorChecklists: reanchorChecklists(text),
  };
}

/** Edits that need a valid account (dates, owners) must refuse and hand back problems, not text. */
const ACCOUNT_EDITS = ['insertMissingSection', 'applyChecklist', 'reanchorChecklists'] as const;

function expectRefused(r: EditResult | undefined, name: string): void {
  expect(r, name).toBeDefined();
  expect(r!.ok, `${name} must refuse`).toBe(false);
  if (!r!.ok) {
    expect(r!.problems.length, `${name} says why`).toBeGreaterThan(0);
    for (const p of r!.problems) expect(p.line).toBeGreaterThanOrEqual(1);
  }
  // A refusal carries no text: there is nothing a host could write by mistake.
  expect(r).not.toHaveProperty('text');
}

function errorsOf(n: AccountNote) {
  return n.problems.filter((p) => p.severity === 'error');
}

/** Another note in the same Portfolio keeps its events and problems when a bad note arrives. */
function expectPortfolioSurvives(bad: string): void {
  const p = new Portfolio({ today });
  const good = note(GOOD_FM);
  p.upsert('good.md', good);
  const before = p.timeline({ account: 'Acme' });
  expect(before.length).toBeGreaterThan(0);
  expect(() => p.upsert('bad.md', bad)).not.toThrow();
  expect(p.timeline().filter((e) => e.file === 'good.md')).toEqual(before);
  expect(p.has('good.md')).toBe(true);
  expect(() => p.allProblems()).not.toThrow();
  // Fixing the bad note later is picked up like any other edit.
  p.upsert('bad.md', note(withField('account', 'Fixed')));
  expect(p.accounts().map((a) => a.account.account)).toEqual(['Acme', 'Fixed']);
}

describe('bad input: unreadable frontmatter', () => {
  const cases: { name: string; text: string; code: string; line: number; reason: RegExp }[] = [
    {
      name: 'broken YAML (unclosed flow list)',
      text: note(['baton: account', 'account: Acme', 'contract_start: [2026-04-01', 'term_months: 12']),
      code: 'frontmatter.yaml',
      line: 5, // js-yaml notices at the next line that the list never closed
      reason: /comma|flow/i,
    },
    {
      name: 'duplicate keys',
      text: note(['baton: account', 'account: Acme', 'account: Beta', 'contract_start: 2026-04-01', 'term_months: 12']),
      code: 'frontmatter.yaml',
      line: 4,
      reason: /duplicate/i,
    },
    {
      name: 'tabs used as indentation',
      text: note([...GOOD_FM, 'extra:', '\tchild: 1']),
      code: 'frontmatter.yaml',
      line: 9,
      reason: /tab/i,
    },
    {
      name: 'unclosed frontmatter',
      text: ['---', 'baton: account', 'account: Acme', 'contract_start: 2026-04-01', '', '# Acme', 'Some notes.', ''].join('\n'),
      code: 'frontmatter.unclosed',
      line: 1,
      reason: /closing ---/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: one error naming the line, every edit refuses, other notes stay indexed`, () => {
      const n = parseAccountNote(c.text);
      expect(n.kind).toBe('account');
      expect(n.account).toBeUndefined();
      expect(errorsOf(n)).toEqual([expect.objectContaining({ code: c.code, line: c.line })]);
      expect(errorsOf(n)[0]!.message).toMatch(c.reason);
      // The Japanese message is a real translation, not the English text again.
      const ja = errorsOf(parseAccountNote(c.text, { locale: 'ja' }))[0]!.message;
      expect(ja).toMatch(/フロントマター/);

      expect(setFrontmatterValue(c.text, 'stage', 'running')).toBeUndefined();
      for (const [name, r] of Object.entries(allEdits(c.text))) expectRefused(r, name);
      expect(lintAccount(n, { today }).filter((p) => p.severity === 'error')).toEqual(errorsOf(n));
      expectPortfolioSurvives(c.text);
    });
  }

  it('duplicate keys are not silently resolved to the first or the last value', () => {
    const n = parseAccountNote(note(['baton: account', 'account: Acme', 'contract_start: 2026-04-01', 'contract_start: 2026-05-01', 'term_months: 12']));
    expect(n.account).toBeUndefined();
    expect(buildAccountTimeline(n, 'x.md', { today })).toEqual([]);
  });
});

describe('bad input: invalid values', () => {
  const cases: { name: string; key: string; raw: string; message: RegExp }[] = [
    { name: 'a date written as a number (20260401)', key: 'contract_start', raw: '20260401', message: /YYYY-MM-DD/ },
    { name: 'a timestamp (2026-04-01T10:00:00)', key: 'contract_start', raw: '2026-04-01T10:00:00', message: /YYYY-MM-DD/ },
    { name: 'an impossible date (2027-02-30)', key: 'contract_start', raw: '2027-02-30', message: /real calendar date/ },
    { name: 'term 0', key: 'term_months', raw: '0', message: /at least 1/ },
    { name: 'a negative term', key: 'term_months', raw: '-3', message: /at least 1/ },
    { name: 'a huge term (99999999999999999999)', key: 'term_months', raw: '99999999999999999999', message: /whole number|at most/ },
    { name: 'a term of 1e400 (Infinity in YAML)', key: 'term_months', raw: '1e400', message: /whole number/ },
  ];

  for (const c of cases) {
    it(`${c.name}: one error on that line and field; account edits refuse; nothing else is guessed`, () => {
      const fm = withField(c.key, c.raw);
      const text = note(fm);
      const line = fm.findIndex((l) => l.startsWith(`${c.key}:`)) + 2; // +1 for `---`, +1 for 1-based
      const n = parseAccountNote(text);
      expect(n.account).toBeUndefined();
      const errors = errorsOf(n);
      // Exactly one message per bad field: a second "is missing" for the same key would be noise.
      expect(errors).toEqual([expect.objectContaining({ code: 'frontmatter.invalid', field: c.key, line })]);
      expect(errors[0]!.message).toMatch(c.message);
      expect(errors[0]!.message).toContain(c.key);
      expect(errorsOf(parseAccountNote(text, { locale: 'ja' }))[0]!.message).toMatch(/項目「/);

      const edits = allEdits(text);
      for (const name of ACCOUNT_EDITS) expectRefused(edits[name], name);
      expect(buildAccountTimeline(n, 'x.md', { today })).toEqual([]);
      expectPortfolioSurvives(text);
    });
  }

  it('an invalid value can still be fixed through setFrontmatterValue, touching only its line', () => {
    const text = note(withField('contract_start', '2027-02-30'));
    const fixed = setFrontmatterValue(text, 'contract_start', '2027-02-28');
    expect(fixed).toBe(text.replace('2027-02-30', '2027-02-28'));
    expect(parseAccountNote(fixed!).account?.contract_start).toBe('2027-02-28');
  });

  for (const raw of ['1e400', '99999999999999999999']) {
    it(`an optional amount too big to hold exactly (arr: ${raw}) is an error on its line; the account still loads`, () => {
      const fm = withField('arr', raw);
      const n = parseAccountNote(note(fm));
      expect(errorsOf(n)).toEqual([expect.objectContaining({ code: 'frontmatter.invalid', field: 'arr', line: fm.length + 1 })]);
      // The bad optional key is dropped, never rounded into a wrong number.
      expect(n.account?.arr).toBeUndefined();
      expect(n.account?.renewal_date).toBe('2027-03-31');
      expect(buildAccountTimeline(n, 'x.md', { today }).every((e) => isIsoDate(e.date))).toBe(true);
    });
  }

  it('full-width digits (２０２６-０４-０１, １２) are accepted as the dates and numbers they mean', () => {
    const n = parseAccountNote(note(['baton: account', 'account: Acme', 'contract_start: ２０２６-０４-０１', 'term_months: １２', 'notice_days: ６０']));
    expect(n.problems).toEqual([]);
    expect(n.account).toMatchObject({ contract_start: '2026-04-01', term_months: 12, notice_days: 60, renewal_date: '2027-03-31' });
  });
});

describe('bad input: a today that is not a calendar day', () => {
  it('lintAccount and a Portfolio report the undated problems and throw nothing (a notice deadline ahead once made daysBetween throw)', () => {
    const text = note([...GOOD_FM, 'notice_days: 30', 'kickoff_date: 2026-04-10'], ['# Acme', '', '## Stakeholders', '', '| Name | Role | Key person | Last contact | Kickoff |', '|---|---|---|---|---|', '| Ito | Decision maker | yes | 2026-05-01 | no |', '']);
    const n = parseAccountNote(text);
    const undated = lintAccount(n, { today }).filter((p) => !['renewal.passed', 'renewal.notice-soon', 'stakeholders.stale-contact', 'stakeholders.decision-maker-missed-kickoff'].includes(p.code));
    for (const bad of ['', '0001-01-01', '2026-02-31', '2026-13-01', 'garbage', '１２']) {
      expect(() => lintAccount(n, { today: bad }), bad).not.toThrow();
      const problems = lintAccount(n, { today: bad });
      for (const p of undated) expect(problems, bad).toContainEqual(p);
      expect(problems.some((p) => p.code === 'renewal.notice-soon'), bad).toBe(false);
      const portfolio = new Portfolio({ today: bad });
      expect(() => portfolio.upsert('a.md', text), bad).not.toThrow();
      expect(() => portfolio.allProblems(), bad).not.toThrow();
    }
  });
});

describe('bad input: frontmatter missing', () => {
  it('a plain note without frontmatter is not an account and causes no problems or edits by accident', () => {
    const text = '# Weekly sync\n\n- [ ] call Acme 📅 2026-12-01\n';
    const n = parseAccountNote(text);
    expect(n.kind).toBe('other');
    expect(n.problems).toEqual([]);
    expect(lintAccount(n, { today })).toEqual([]);
    expect(setFrontmatterValue(text, 'stage', 'running')).toBeUndefined();
    for (const name of ACCOUNT_EDITS) expectRefused(allEdits(text)[name], name);
    const p = new Portfolio({ today });
    p.upsert('sync.md', text);
    expect(p.size).toBe(0);
  });

  it('`baton: account` written in the body, not in frontmatter: one error pointing at that line', () => {
    const text = '# Acme\n\nbaton: account\naccount: Acme\n';
    const n = parseAccountNote(text);
    expect(n.kind).toBe('account');
    expect(errorsOf(n)).toEqual([expect.objectContaining({ code: 'frontmatter.absent', line: 3 })]);
    expect(errorsOf(n)[0]!.message).toMatch(/---/);
    expect(errorsOf(parseAccountNote(text, { locale: 'ja' }))[0]!.message).toMatch(/フロントマター/);
    for (const name of ACCOUNT_EDITS) expectRefused(allEdits(text)[name], name);
    expectPortfolioSurvives(text);
  });
});

describe('bad input: line endings and byte-order marks', () => {
  it('CRLF: problems name the right line and edits write CRLF', () => {
    const fm = withField('kickoff_date', '2026-13-01');
    const text = note(fm, ['# Acme', '', '## Notes', 'Met the team.', ''], '\r\n');
    const n = parseAccountNote(text);
    expect(errorsOf(n)).toEqual([expect.objectContaining({ field: 'kickoff_date', line: fm.length + 1 })]);
    const r = applyChecklist(text, kickoff);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith(text.slice(0, text.indexOf('## Notes')))).toBe(true);
    expect(r.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('a UTF-8 BOM is kept, and the frontmatter behind it is read', () => {
    const text = `\uFEFF${note(GOOD_FM, ['# Acme', ''], '\r\n')}`;
    const n = parseAccountNote(text);
    expect(n.problems).toEqual([]);
    expect(n.account?.account).toBe('Acme');
    const set = setFrontmatterValue(text, 'stage', 'running');
    expect(set).toBe(text.replace('stage: onboarding', 'stage: running'));
    for (const [name, r] of Object.entries(allEdits(text))) {
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(r.text.startsWith('\uFEFF---\r\n'), name).toBe(true);
    }
  });

  it('mixed newlines: every original line keeps its own terminator after an edit', () => {
    const text = ['---\r\n', ...GOOD_FM.map((l, i) => l + (i % 2 ? '\n' : '\r\n')), '---\n', '# Acme\r', '\n', '## Notes\r\n', 'old mac line\r', 'last line without newline'].join('');
    const n = parseAccountNote(text);
    expect(n.problems).toEqual([]);
    const before = splitLinesKeepEol(text);
    for (const [name, r] of Object.entries(allEdits(text))) {
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      const after = splitLinesKeepEol(r.text);
      // Every original line is still there, in order, with its own ending (the last may gain one).
      let j = 0;
      for (const [i, line] of before.entries()) {
        const want = i === before.length - 1 ? stripEol(line) : line;
        while (j < after.length && !(after[j] === line || (i === before.length - 1 && stripEol(after[j]!) === want))) j++;
        expect(j < after.length, `${name}: line ${i + 1} survives`).toBe(true);
        j++;
      }
    }
  });
});

describe('bad input: stakeholder tables', () => {
  const body = (rows: string[]) => ['# Acme', '', '## Stakeholders', '', '| Name | Department | Role | Key person |', '| --- | --- | --- | --- |', ...rows, ''];

  it('a row with missing cells is an error on that row naming the first missing column; adding people refuses', () => {
    const text = note(GOOD_FM, body(['| Sato | Sales | Decision maker | ✓ |', '| Suzuki | IT |']));
    const n = parseAccountNote(text);
    const row = GOOD_FM.length + 2 + 7; // header line is body line 5
    expect(errorsOf(n)).toEqual([expect.objectContaining({ code: 'stakeholders.row-cells', line: row + 1, field: 'role' })]);
    expect(errorsOf(n)[0]!.message).toMatch(/"Role"/);
    const r = addStakeholder(text, { name: 'Tanaka' });
    expectRefused(r, 'addStakeholder');
    // Reading still works: the other rows are not lost.
    expect(n.stakeholders?.rows.map((s) => s.name)).toEqual(['Sato', 'Suzuki']);
  });

  it('a row with extra cells is an error naming the last column; the known cells are still read', () => {
    const text = note(GOOD_FM, body(['| Sato | Sales | Decision maker | ✓ | surplus |']));
    const n = parseAccountNote(text);
    expect(errorsOf(n)).toEqual([expect.objectContaining({ code: 'stakeholders.row-cells', field: 'key_person' })]);
    expect(n.stakeholders?.rows[0]).toMatchObject({ name: 'Sato', roles: ['decision_maker'], keyPerson: true });
  });

  it('escaped pipes are part of the cell, not a column break, and survive adding a row', () => {
    const text = note(GOOD_FM, body(['| Sato | R\\|D | Decision maker | ✓ |']));
    const n = parseAccountNote(text);
    expect(errorsOf(n)).toEqual([]);
    expect(n.stakeholders?.rows[0]?.department).toBe('R|D');
    const r = addStakeholder(text, { name: 'Ito', department: 'A|B' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('| Sato | R\\|D | Decision maker | ✓ |');
    expect(parseAccountNote(r.text).stakeholders?.rows.map((s) => s.department)).toEqual(['R|D', 'A|B']);
  });
});

describe('bad input: code fences', () => {
  const fenced = [
    '# Acme',
    '',
    '## Notes',
    '```markdown',
    '- [ ] not a task 📅 2026-12-01 <!-- baton:kickoff.agenda {kickoff_date+1d} -->',
    '## Stakeholders',
    '| Name | Role |',
    '| --- | --- |',
    '| Fake | Decision maker |',
    '```',
    '- [ ] real task 📅 2026-12-05',
    '',
  ];

  it('tasks, headings and tables inside code fences are not read', () => {
    const n = parseAccountNote(note([...GOOD_FM, 'kickoff_date: 2026-04-10'], fenced));
    expect(n.tasks.map((t) => t.title)).toEqual(['real task']);
    expect(n.headings.map((h) => h.text)).toEqual(['Acme', 'Notes']);
    expect(n.stakeholders).toBeUndefined();
    expect(checklistProgress(n)).toEqual([]);
    const tasks = buildAccountTimeline(n, 'x.md', { today }).filter((e) => e.kind === 'task');
    expect(tasks.map((e) => e.date)).toEqual(['2026-12-05']);
  });

  it('edits leave fenced text byte-for-byte alone', () => {
    const text = note([...GOOD_FM, 'kickoff_date: 2026-04-10'], fenced);
    const block = fenced.slice(3, 10).join('\n');
    for (const [name, r] of Object.entries(allEdits(text))) {
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(r.text, name).toContain(block);
    }
    expect(reanchorChecklists(text)).toEqual({ ok: true, text, changed: false });
  });

  it('a code fence left open at the end swallows nothing silently: edits that would land inside it refuse', () => {
    const text = note(GOOD_FM, ['# Acme', '', '## Notes', '```', 'pasted log']);
    expectRefused(applyChecklist(text, kickoff), 'applyChecklist');
    expectRefused(insertMissingSection(text, 'stakeholders'), 'insertMissingSection');
    expectRefused(insertStakeholderMatrix(text), 'insertStakeholderMatrix');
  });
});

/** Median of a few runs: one slow tick on a busy CI box must not decide the test. */
function medianMs(fn: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

describe('bad input: size', () => {
  // Bounds are relative to plain string work on the same text in the same process, so a slow or
  // busy machine slows both sides; absolute times would make the test flaky.
  const ROW = '- [ ] follow up with 佐藤さん about the rollout 📅 2026-12-01 ⏫ ^blk\n';
  const bigNote = (bytes: number) => note(GOOD_FM, ['# Acme', '## Notes', ROW.repeat(Math.ceil(bytes / ROW.length))]);
  const everything = (text: string) => {
    const n = parseAccountNote(text);
    lintAccount(n, { today });
    buildAccountTimeline(n, 'big.md', { today });
    return n;
  };

  it('a 10 MB note of tasks parses, lints and builds its timeline in linear time', () => {
    const text = bigNote(10 * 1024 * 1024);
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const baseline = Math.max(medianMs(() => text.split('\n').map((l) => l.trim()), 3), 1);
    let n: AccountNote | undefined;
    const t0 = performance.now();
    n = everything(text);
    const full = performance.now() - t0;
    expect(n.account?.account).toBe('Acme');
    expect(n.tasks.length).toBeGreaterThan(100_000);
    // Every line is a task with dates here, the worst realistic case: each costs a few regexes and date checks.
    expect(full).toBeLessThan(baseline * 200);
    // Linear, not quadratic: a quarter of the note takes about a quarter of the time (16× would mean n²).
    const quarter = bigNote(2.5 * 1024 * 1024);
    const t1 = performance.now();
    everything(quarter);
    expect(full / Math.max(performance.now() - t1, 1)).toBeLessThan(8);
  }, 120_000);

  it('a 100k-line note of short lines, headings and table rows stays linear too', () => {
    const lines: string[] = ['# Acme', '## Stakeholders', '| Name | Role |', '| --- | --- |'];
    for (let i = 0; i < 100_000; i++) lines.push(i % 1000 === 0 ? `### Part ${i}` : i % 3 === 0 ? `| P${i} | User |` : `line ${i}`);
    const text = note(GOOD_FM, lines);
    const baseline = Math.max(medianMs(() => text.split('\n').map((l) => l.trim())), 1);
    const elapsed = medianMs(() => {
      const n = parseAccountNote(text);
      lintAccount(n, { today });
      insertMissingSection(text, 'future_vision');
    }, 3);
    expect(elapsed).toBeLessThan(baseline * 100);
  }, 60_000);

  it('pathological shapes (one 1 MB line, 50k `#`, 50k unclosed fences, 50k pipes, 50k 📅) do not blow up', () => {
    const texts = [
      note(GOOD_FM, ['# Acme', 'x'.repeat(1_000_000)]),
      note(GOOD_FM, ['#'.repeat(50_000) + ' x']),
      note(GOOD_FM, Array.from({ length: 50_000 }, () => '```')),
      note(GOOD_FM, ['| a '.repeat(50_000)]),
      note(GOOD_FM, ['- [ ] ' + '📅 '.repeat(50_000)]),
    ];
    for (const t of texts) {
      const baseline = Math.max(medianMs(() => t.split('\n').map((l) => l.trim())), 1);
      const elapsed = medianMs(() => lintAccount(parseAccountNote(t), { today }), 3);
      expect(elapsed).toBeLessThan(baseline * 200);
    }
  }, 60_000);
});

describe('bad input: binary content named .md', () => {
  it('NULs and replacement characters are read as text without throwing', () => {
    const junk = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 0x2000)).join('') + '\uFFFD\uFFFD\u0000\u0000';
    const texts = [junk, `\u0000\uFFFD---\nbaton: account\n\u0000`, `---\n\u0000\u0001\u0002\n---\n${junk}`];
    for (const t of texts) {
      const n = parseAccountNote(t);
      expect(n.account).toBeUndefined();
      expect(() => lintAccount(n, { today })).not.toThrow();
      for (const name of ACCOUNT_EDITS) expectRefused(allEdits(t)[name], name);
      expectPortfolioSurvives(t);
    }
  });

  it('a NUL inside an account frontmatter is a YAML error on that line, not a crash or a silent account', () => {
    const text = note(['baton: account', 'account: Ac\u0000me', 'contract_start: 2026-04-01', 'term_months: 12']);
    const n = parseAccountNote(text);
    expect(errorsOf(n)).toEqual([expect.objectContaining({ code: 'frontmatter.yaml', line: 3 })]);
    for (const [name, r] of Object.entries(allEdits(text))) expectRefused(r, name);
  });
});

describe('classic Mac line endings (lone CR)', () => {
  const crNote = '---\rbaton: account\raccount: Acme\rcontract_start: 2026-04-01\rterm_months: 12\r---\r# Acme\r\r## Notes\rKeep this.\r';

  it('edits insert CR-terminated lines and keep every original line and blank separator', () => {
    const edits: EditResult[] = [
      insertStakeholderMatrix(crNote, {}),
      applyChecklist(crNote, findChecklist('kickoff', 'en')!),
      insertMissingSection(crNote, 'future_vision', {}),
    ];
    for (const r of edits) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.text).not.toContain('\n');
      const before = splitLinesKeepEol(crNote);
      const after = splitLinesKeepEol(r.text);
      let i = 0;
      for (const l of after) if (l === before[i]) i++;
      expect(i).toBe(before.length);
      expect(parseAccountNote(r.text).account?.account).toBe('Acme');
    }
  });
});

describe('a lone CR in an otherwise LF note', () => {
  it('an edit appended after it keeps that break and the blank line the edit adds', () => {
    const note = '---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n---\n# Acme\nold line\r';
    const r = insertStakeholderMatrix(note, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith(note)).toBe(true);
    expect(r.text.slice(note.length, note.length + 1)).not.toBe('\n'); // no LF fused onto the lone CR
    expect(splitLinesKeepEol(r.text).slice(0, splitLinesKeepEol(note).length)).toEqual(splitLinesKeepEol(note));
  });
});
