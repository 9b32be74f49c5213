import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baton, batonEverywhere, oneLineError, tempDir, TODAY, VAULT } from './helpers.js';

interface JsonEvent {
  date: string;
  kind: string;
  account: string;
  file: string;
  line: number;
  owner: string | null;
  status: string;
}

const json = (args: string[]) => {
  const r = batonEverywhere(['timeline', VAULT, '--today', TODAY, '--json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonEvent[];
};

describe('baton timeline', () => {
  it('lists the example vault with relative forward-slash paths and the promised keys', () => {
    const events = json([]);
    expect(events.length).toBeGreaterThan(50);
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual(['account', 'date', 'file', 'kind', 'line', 'owner', 'status']);
      expect(e.file.startsWith('Accounts/')).toBe(true);
      expect(e.file).not.toContain('\\');
    }
    const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    expect(events.map((e) => e.date)).toEqual(sorted.map((e) => e.date));
    // Non-account notes (Welcome, Meetings, Templates) never show up.
    expect(events.some((e) => !e.file.startsWith('Accounts/'))).toBe(false);
  });

  it('derives the March renewal ladder for a 2026-04-01 + 12 month contract', () => {
    const tsukimi = json(['--kind', 'outreach,notice-deadline,renewal']).filter((e) => e.file === 'Accounts/Tsukimi Precision.md');
    expect(tsukimi.map((e) => [e.date, e.kind, e.status])).toEqual([
      ['2026-12-01', 'outreach', 'due-soon'],
      ['2026-12-31', 'outreach', 'upcoming'],
      ['2027-01-30', 'outreach', 'upcoming'],
      ['2027-01-30', 'notice-deadline', 'upcoming'],
      ['2027-03-01', 'outreach', 'upcoming'],
      ['2027-03-31', 'renewal', 'upcoming'],
    ]);
    expect(tsukimi.every((e) => e.owner === '中村 亮')).toBe(true);
  });

  it('filters by date range, owner, status and stage', () => {
    const ranged = json(['--from', '2026-12-01', '--to', '2026-12-31']);
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((e) => e.date >= '2026-12-01' && e.date <= '2026-12-31')).toBe(true);
    const owned = json(['--owner', 'priya raman']);
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((e) => e.owner === 'Priya Raman')).toBe(true);
    const overdue = json(['--status', 'overdue']);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((e) => e.status === 'overdue' && e.date < TODAY)).toBe(true);
    const churned = json(['--stage', 'churned']);
    expect(new Set(churned.map((e) => e.file))).toEqual(new Set(['Accounts/白鷺ホテルズ.md']));
    // The spellings a note may use name the same stage.
    expect(json(['--stage', '解約'])).toEqual(churned);
    expect(json(['--stage', ' Churned '])).toEqual(churned);
  });

  it('prints months, a today marker and no colour when piped', () => {
    const r = batonEverywhere(['timeline', VAULT, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toContain('November 2026');
    const marker = r.stdout.indexOf('── Today 2026-11-22 ──');
    expect(marker).toBeGreaterThan(r.stdout.indexOf('2026-11-19'));
    expect(marker).toBeLessThan(r.stdout.indexOf('2026-11-30'));
  });

  it('colours with FORCE_COLOR, and NO_COLOR wins over it', () => {
    expect(baton(['timeline', VAULT, '--today', TODAY], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[31;1m');
    expect(baton(['timeline', VAULT, '--today', TODAY], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });

  it('speaks Japanese with --locale ja', () => {
    const r = batonEverywhere(['timeline', VAULT, '--today', TODAY, '--locale', 'ja', '--kind', 'renewal']);
    expect(r.stdout).toContain('更新タイムライン');
    expect(r.stdout).toContain('2027年3月');
  });

  it('rejects bad arguments with one line and exit 2', () => {
    for (const args of [
      ['--today', '2026-02-30'],
      ['--from', 'tomorrow'],
      ['--kind', 'party'],
      ['--status', 'late'],
      ['--stage', 'won'],
      ['--stage', 'churned,renewal'],
      ['--bogus'],
      ['--owner'],
      ['--from', '2027-01-01', '--to', '2026-01-01'],
    ]) {
      const r = baton(['timeline', VAULT, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      oneLineError(r);
    }
    expect(oneLineError(baton(['timeline', VAULT, '--today', 'x']))).toContain('YYYY-MM-DD');
  });

  it('fails clearly for a missing directory', () => {
    const r = baton(['timeline', '/nonexistent/vault']);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toBe('baton: no such directory: /nonexistent/vault');
  });

  it('defaults --today to the machine date without failing', () => {
    const r = baton(['timeline', VAULT, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
  });

  it('survives symlink loops, skips .obsidian/.git/node_modules and non-account notes', () => {
    const dir = tempDir();
    const note = (name: string) => `---\nbaton: account\naccount: ${name}\ncontract_start: 2026-04-01\nterm_months: 12\n---\n`;
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'Real.md'), note('Real'));
    writeFileSync(join(dir, 'plain.md'), '# just a note\n');
    writeFileSync(join(dir, 'broken-fm.md'), '---\ntitle: [unclosed\n---\n');
    for (const skip of ['.obsidian', '.git', 'node_modules']) {
      mkdirSync(join(dir, skip));
      writeFileSync(join(dir, skip, 'Hidden.md'), note(`Hidden ${skip}`));
    }
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'b', 'loop'));
    symlinkSync(dir, join(dir, 'root-loop'));
    const events = (JSON.parse(baton(['timeline', dir, '--today', TODAY, '--json', '--kind', 'renewal']).stdout) as JsonEvent[]);
    expect(events.map((e) => [e.account, e.file])).toEqual([['Real', 'a/b/Real.md']]);
  });

  it('skips a note that disappears between listing and reading (dangling link) and indexes the rest', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Kept.md'), `---\nbaton: account\naccount: Kept\ncontract_start: 2026-04-01\nterm_months: 12\n---\n`);
    // A link whose target is gone is exactly what a file deleted mid-walk looks like to stat/read.
    symlinkSync(join(dir, 'deleted-meanwhile.md'), join(dir, 'Gone.md'));
    const r = baton(['timeline', dir, '--today', TODAY, '--json', '--kind', 'renewal']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as JsonEvent[]).map((e) => e.account)).toEqual(['Kept']);
    const c = baton(['check', dir, '--today', TODAY]);
    expect(c.stdout + c.stderr).not.toMatch(/Gone\.md|ENOENT/);
  });
});
