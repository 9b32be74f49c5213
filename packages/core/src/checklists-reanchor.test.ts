import { describe, expect, it } from 'vitest';
import { parseAccountNote } from './account.js';
import { findChecklist } from './checklist-templates.js';
import { applyChecklist, reanchorChecklists } from './checklists.js';
import { undatedProblems } from './lint.js';

const FM = '---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n---\n';
const withKickoff = (text: string, kickoff: string) => text.replace('term_months: 12\n', `term_months: 12\nkickoff_date:${kickoff}\n`);

function ok(r: ReturnType<typeof reanchorChecklists>): string {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
}

describe('reanchorChecklists when the anchor date is emptied', () => {
  const kickoff = findChecklist('kickoff', 'en')!;

  it('removes the 📅 of every open task anchored to it, says how many, and matches a fresh apply', () => {
    const dated = ok(applyChecklist(withKickoff(FM, ' 2026-04-14'), kickoff));
    expect(parseAccountNote(dated).tasks.filter((t) => t.due !== undefined)).toHaveLength(8);
    const cleared = dated.replace('kickoff_date: 2026-04-14', 'kickoff_date:');
    const r = reanchorChecklists(cleared);
    expect(r).toMatchObject({ ok: true, changed: true, removed: 8 });
    // Just ` 📅 YYYY-MM-DD` went: the note is what applying the checklist without a kickoff writes.
    expect(ok(r)).toBe(ok(applyChecklist(withKickoff(FM, ''), kickoff)));
    expect(parseAccountNote(ok(r)).tasks.every((t) => t.due === undefined)).toBe(true);
    // Idempotent: the second run has nothing to remove.
    expect(reanchorChecklists(ok(r))).toEqual({ ok: true, text: ok(r), changed: false });
    // Setting the date again brings the dates back where they were.
    expect(ok(reanchorChecklists(ok(r).replace('kickoff_date:', 'kickoff_date: 2026-04-14')))).toBe(dated);
  });

  it('keeps done and cancelled tasks, other fields, CRLF and lines without a 📅', () => {
    const lines = [
      '- [ ] Open <!-- baton:k.a {kickoff_date+1bd} --> 📅 2026-04-15 ⏫ 🔁 every week ^blk',
      '- [x] Done <!-- baton:k.b {kickoff_date} --> 📅 2026-04-14 ✅ 2026-04-14',
      '- [-] Cancelled <!-- baton:k.c {kickoff_date} --> 📅 2026-04-14',
      '- [ ] No date <!-- baton:k.d {kickoff_date} --> ⏫',
      '- [ ] Contract <!-- baton:k.e {contract_start+1d} --> 📅 2026-04-02',
      '- [ ] Doubled <!-- baton:k.f {kickoff_date} --> 📅 2026-04-14 📅\uFE0F  2026-04-15',
      '- [ ] Mine 📅 2026-04-14',
    ];
    const text = (FM + lines.join('\n') + '\n').replace(/\n/g, '\r\n');
    const r = reanchorChecklists(text);
    expect(r).toMatchObject({ ok: true, changed: true, removed: 2 });
    expect(ok(r).split('\r\n')).toEqual(
      text
        .replace(' 📅 2026-04-15 ⏫ 🔁', ' ⏫ 🔁')
        .replace(' 📅 2026-04-14 📅\uFE0F  2026-04-15', '')
        .split('\r\n'),
    );
    expect(reanchorChecklists(ok(r))).toEqual({ ok: true, text: ok(r), changed: false });
  });

  it('leaves a task whose anchor is not a relative date alone (the lint reports it)', () => {
    const text = `${FM}- [ ] a <!-- baton:k.a {bogus_date-5bd} --> 📅 2026-01-01\n- [ ] b <!-- baton:k.b {kickoff_date+1q} --> 📅 2026-01-01\n`;
    expect(reanchorChecklists(text)).toEqual({ ok: true, text, changed: false });
  });
});

describe('reanchorChecklists edits the 📅 the parser reads', () => {
  it('rewrites the first 📅 of a line with two', () => {
    const text = `${FM}- [ ] a 📅 2026-01-01 <!-- baton:k.a {contract_start+1d} --> 📅 2026-01-01\n`;
    const out = ok(reanchorChecklists(text));
    expect(out).toBe(`${FM}- [ ] a 📅 2026-04-02 <!-- baton:k.a {contract_start+1d} --> 📅 2026-01-01\n`);
    expect(parseAccountNote(out).tasks[0]?.due).toBe('2026-04-02');
    expect(reanchorChecklists(out)).toEqual({ ok: true, text: out, changed: false });
  });

  it('rewrites a first 📅 whose date is no calendar day, so the task reads the anchored date', () => {
    const text = `${FM}- [ ] a <!-- baton:k.a {contract_start+1d} --> 📅 2026-02-30 📅 2026-04-02\n`;
    const out = ok(reanchorChecklists(text));
    expect(parseAccountNote(out).tasks[0]?.due).toBe('2026-04-02');
    expect(reanchorChecklists(out)).toEqual({ ok: true, text: out, changed: false });
  });
});

describe('baton ids on a pathological line', () => {
  // `[^}]*` in ID_RE scanned to the end of the line from every `<!--`: seconds for 100 KB.
  const line = '<!-- baton:a.b {'.repeat(12_800); // 200 KB

  it('applyChecklist and reanchorChecklists read a 200 KB line of unclosed `{` in linear time', () => {
    const text = `${FM}- [ ] ${line}\n${line}\n`;
    const t0 = Date.now();
    const applied = applyChecklist(text, { id: 'a', title: 'A', locale: 'en', source: 'team', items: [{ id: 'b', text: 'B', due: 'contract_start' }] });
    expect(applied).toMatchObject({ ok: true, changed: true });
    expect(reanchorChecklists(text)).toEqual({ ok: true, text, changed: false });
    expect(parseAccountNote(text).tasks[0]).toMatchObject({ id: undefined, anchor: undefined });
    // Not a timing assertion, a guard against a hang: the fixed code takes milliseconds.
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('still reads the id when the line closes one anchor at its end', () => {
    const text = `${FM}- [ ] x ${line.slice(0, 1600)}<!-- baton:a.b {contract_start} -->\n`;
    const t = parseAccountNote(text).tasks[0];
    expect(t).toMatchObject({ id: 'a.b', anchor: 'contract_start' });
    expect(ok(reanchorChecklists(text))).toBe(`${text.slice(0, -1)} 📅 2026-04-01\n`);
  });
});

describe('lint: anchors that are not relative dates', () => {
  it('warns on the line of an open task, naming the anchor, in both languages', () => {
    const text = `${FM}# Acme\n\n- [ ] a <!-- baton:k.a {bogus_date-5bd} --> 📅 2026-01-01\n- [ ] b <!-- baton:k.b {kickoff_date+1q} --> 📅 2026-01-01\n- [x] c <!-- baton:k.c {nope} -->\n- [ ] d <!-- baton:k.d {contract_start+1d} -->\n`;
    const bad = (locale: 'en' | 'ja') => undatedProblems(parseAccountNote(text), { locale }).filter((p) => p.code === 'checklist.bad-anchor');
    expect(bad('en')).toEqual([
      { code: 'checklist.bad-anchor', severity: 'warning', message: '"{bogus_date-5bd}" is not a due date like {renewal_date-90d}; ignored', line: 9, field: 'checklists' },
      { code: 'checklist.bad-anchor', severity: 'warning', message: '"{kickoff_date+1q}" is not a due date like {renewal_date-90d}; ignored', line: 10, field: 'checklists' },
    ]);
    expect(bad('ja').map((p) => p.message)).toEqual([
      '「{bogus_date-5bd}」は {renewal_date-90d} のような期日ではないため無視しました',
      '「{kickoff_date+1q}」は {renewal_date-90d} のような期日ではないため無視しました',
    ]);
  });
});
