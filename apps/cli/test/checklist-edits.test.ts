import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemReason } from '../src/commands/new.js';
import { baton, tempDir } from './helpers.js';

/** `baton new` in a fresh folder; returns the note's path. */
function newNote(dir: string, name = 'Acme Corp'): string {
  const r = baton(['new', name, '--start', '2026-04-01', '--term', '12', '--dir', dir]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

const dues = (text: string) => text.match(/📅 \d{4}-\d{2}-\d{2}/gu)?.length ?? 0;

describe('baton reanchor after an anchor date is cleared', () => {
  it('removes the stale due dates, says how many, and then has nothing to do', () => {
    const note = newNote(tempDir());
    writeFileSync(note, readFileSync(note, 'utf8').replace('kickoff_date:\n', 'kickoff_date: 2026-04-14\n'));
    expect(baton(['checklist', note, 'kickoff']).code).toBe(0);
    const dated = readFileSync(note, 'utf8');
    expect(dues(dated)).toBe(8);
    writeFileSync(note, dated.replace('kickoff_date: 2026-04-14\n', 'kickoff_date:\n'));
    const r = baton(['reanchor', note]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${note}: due dates updated; removed 8 due dates whose anchor date is empty\n`);
    const after = readFileSync(note, 'utf8');
    expect(dues(after)).toBe(0);
    // Only the ` 📅 date` parts went.
    expect(after).toBe(dated.replace('kickoff_date: 2026-04-14\n', 'kickoff_date:\n').replace(/ 📅 \d{4}-\d{2}-\d{2}/gu, ''));
    expect(baton(['reanchor', note]).stdout).toContain('nothing to do');
  });

  it('reports anchors that are not relative dates on stderr, with file and line, and still exits 0', () => {
    const note = newNote(tempDir());
    const text = `${readFileSync(note, 'utf8')}\n- [ ] a <!-- baton:k.a {bogus_date-5bd} --> 📅 2026-01-01\n- [ ] b <!-- baton:k.b {kickoff_date+1q} --> 📅 2026-01-01\n`;
    writeFileSync(note, text);
    const lines = text.split('\n');
    const r = baton(['reanchor', note]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to do');
    expect(r.stderr).toBe(
      `${note}:${lines.length - 2}: warning: "{bogus_date-5bd}" is not a due date like {renewal_date-90d}; ignored\n` +
        `${note}:${lines.length - 1}: warning: "{kickoff_date+1q}" is not a due date like {renewal_date-90d}; ignored\n`,
    );
    expect(readFileSync(note, 'utf8')).toBe(text);
    // `baton check` names them too.
    const check = baton(['check', join(note, '..'), '--today', '2026-04-02']);
    expect(check.stdout).toContain(`Acme Corp.md:${lines.length - 2}: warning: "{bogus_date-5bd}"`);
  });
});

describe('baton checklist with a team template that has warnings', () => {
  const TEMPLATE = '---\nbaton: checklist\nid: bad\n---\n- [ ] Send deck 📅 2026-05-01\n- [ ] Call {foo_date+1d}\n';

  it.each([
    ['--templates DIR', (dir: string) => ['bad', '--templates', join(dir, 'tpl')]],
    ['a template file', (dir: string) => [join(dir, 'tpl', 'bad.md')]],
  ])('prints them to stderr like baton check (%s) and still applies it', (_, args) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'bad.md'), TEMPLATE);
    const note = newNote(dir);
    const r = baton(['checklist', note, ...args(dir)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${note}: added checklist 'bad'\n`);
    // The same lines `baton check` prints for the template (its path as each command names it).
    const check = baton(['check', join(dir, 'tpl')]).stdout.split('\n').filter(Boolean);
    expect(check).toHaveLength(2);
    const strip = (l: string) => l.replace(/^.*?bad\.md:/, 'bad.md:');
    expect(r.stderr.split('\n').filter(Boolean).map(strip)).toEqual(check.map(strip));
    expect(r.stderr).toMatch(/bad\.md:5: warning: A fixed 📅 date in a template is ignored/);
    expect(r.stderr).toMatch(/bad\.md:6: warning: "\{foo_date\+1d\}" is not a due date/);
  });

  it('prints nothing extra for a clean template', () => {
    const note = newNote(tempDir());
    expect(baton(['checklist', note, 'kickoff'])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('baton new with a long name', () => {
  it('cuts a name Linux would refuse (85 × 株 is 255 bytes) to 200 bytes on a whole character', () => {
    const dir = tempDir();
    const path = newNote(dir, '株'.repeat(85));
    expect(path).toBe(join(dir, `${'株'.repeat(66)}.md`));
    expect(readFileSync(path, 'utf8')).toContain(`account: ${'株'.repeat(85)}`);
  });

  it('names the system reason when a write fails', () => {
    let err: unknown;
    try {
      writeFileSync(join(tempDir(), `${'a'.repeat(300)}.md`), 'x', { flag: 'wx' });
    } catch (e) {
      err = e;
    }
    expect(systemReason(err)).toBe(' (ENAMETOOLONG: name too long)');
    expect(systemReason(new Error("EACCES: permission denied, open '/x/y, z.md'"))).toBe(' (EACCES: permission denied)');
    expect(systemReason('odd')).toBe('');
  });
});
