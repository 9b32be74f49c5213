import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baton, batonEverywhere, oneLineError, tempDir, TODAY, VAULT, vaultCopy } from './helpers.js';

const ACCOUNT = (body = '', extra = '') =>
  `---\nbaton: account\naccount: Test Co\ncontract_start: 2026-04-01\nterm_months: 12\ncsm_owner: A\nrenewal_owner: B\n${extra}---\n${body}`;

describe('baton check', () => {
  it('reports the broken draft note as errors and exits 1', () => {
    const r = batonEverywhere(['check', VAULT, '--today', TODAY]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(l).toMatch(/^[^:]+\.md:\d+: (error|warning|info): .+$/);
    expect(lines.filter((l) => l.includes(': error: ')).every((l) => l.startsWith('Accounts/Greywater Labs (draft).md:'))).toBe(true);
    expect(r.stdout).toContain('Accounts/Greywater Labs (draft).md:5: error:');
    expect(r.stdout).toContain('Only one key person');
    expect(r.stdout).not.toContain('Welcome.md');
    expect(r.stderr).toMatch(/^3 errors, \d+ warnings in 13 account notes\n$/);
  });

  it('gives JSON with the promised keys', () => {
    const r = batonEverywhere(['check', VAULT, '--today', TODAY, '--json']);
    const problems = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(r.code).toBe(1);
    for (const p of problems) expect(Object.keys(p).sort()).toEqual(['code', 'field', 'file', 'line', 'message', 'severity']);
    expect(problems.find((p) => p['field'] === 'contract_start')).toMatchObject({ file: 'Accounts/Greywater Labs (draft).md', line: 5, severity: 'error' });
  });

  it('exits 0 with warnings only, and 1 with --strict', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Test.md'), ACCOUNT('# Test Co\n'));
    const plain = baton(['check', dir, '--today', TODAY]);
    expect(plain.stdout).toContain('warning');
    expect(plain.stdout).not.toContain(': error: ');
    expect(plain.code).toBe(0);
    expect(baton(['check', dir, '--today', TODAY, '--strict']).code).toBe(1);
  });

  it('is quiet and successful on a folder without account notes', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '# hello\n');
    writeFileSync(join(dir, 'b.md'), '---\nbaton: [oops\n');
    const r = baton(['check', dir, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('reports a broken team template', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tpl.md'), '---\nbaton: checklist\ntitle: No id\n---\n- [ ] do it\n');
    const r = baton(['check', dir, '--today', TODAY, '--json']);
    const problems = JSON.parse(r.stdout) as { file: string; severity: string }[];
    expect(problems.some((p) => p.file === 'tpl.md' && p.severity === 'error')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('uses Japanese messages with --locale ja', () => {
    const r = baton(['check', VAULT, '--today', TODAY, '--locale', 'ja']);
    expect(r.stdout).toContain('キーパーソンが1人だけです');
    expect(r.stdout).not.toContain('Only one key person');
  });
});

describe('baton new', () => {
  it('writes a note that parses, then refuses to overwrite it', () => {
    const dir = tempDir();
    const args = ['new', 'Acme: Japan', '--start', '2026-04-01', '--term', '12', '--csm', 'Aiko', '--renewal-owner', 'Priya', '--arr', '1,200,000', '--currency', 'jpy', '--dir', dir];
    const r = baton(args);
    expect(r.code).toBe(0);
    const file = join(dir, 'Acme Japan.md');
    expect(r.stdout.trim()).toBe(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('renewal_date: 2027-03-31');
    expect(text).toContain('arr: 1200000');
    expect(text).toContain('currency: JPY');
    expect(baton(['check', dir, '--today', TODAY, '--json']).code).toBe(0);
    writeFileSync(file, text + 'my notes\n');
    const again = baton(args);
    expect(again.code).toBe(1);
    expect(oneLineError(again)).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe(text + 'my notes\n');
  });

  it('writes Japanese headings with --locale ja', () => {
    const dir = tempDir();
    expect(baton(['new', '株式会社サンプル', '--start', '2026-04-01', '--term', '12', '--locale', 'ja', '--dir', dir]).code).toBe(0);
    expect(readFileSync(join(dir, '株式会社サンプル.md'), 'utf8')).toContain('## 引き継ぎ');
  });

  it('rejects bad or missing values', () => {
    const dir = tempDir();
    for (const args of [
      ['new', 'X', '--term', '12', '--dir', dir],
      ['new', 'X', '--start', '2026-04-01', '--dir', dir],
      ['new', 'X', '--start', '2026-13-01', '--term', '12', '--dir', dir],
      ['new', 'X', '--start', '2026-04-01', '--term', '0', '--dir', dir],
      ['new', 'X', '--start', '2026-04-01', '--term', 'twelve', '--dir', dir],
      ['new', 'X', '--start', '2026-04-01', '--term', '12', '--currency', 'yens', '--dir', dir],
      ['new', '--start', '2026-04-01', '--term', '12'],
    ]) {
      const r = baton(args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLineError(r);
    }
    expect(existsSync(join(dir, 'X.md'))).toBe(false);
    const missing = baton(['new', 'X', '--start', '2026-04-01', '--term', '12', '--dir', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(oneLineError(missing)).toContain('no such directory');
  });
});

describe('baton checklist and reanchor', () => {
  it('applies a built-in checklist once, keeping CRLF and every other byte', () => {
    const dir = tempDir();
    const file = join(dir, 'Test.md');
    const before = ACCOUNT('# Test Co\r\n\r\nmy own words\r\n', 'custom_key: keep me\n').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n');
    writeFileSync(file, before);
    const first = baton(['checklist', file, 'renewal-prep']);
    expect(first.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before.replace(/(\r\n)+$/, ''))).toBe(true);
    expect(after).toMatch(/<!-- baton:renewal-prep\.[\w-]+ \{renewal_date-\d+d\} --> 📅 \d{4}-\d{2}-\d{2}/);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    const second = baton(['checklist', file, 'renewal-prep']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing to do');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('finds team templates by id (--templates) and by path', () => {
    const dir = vaultCopy();
    const note = join(dir, 'Accounts', 'Lumen Orchard Retail.md');
    const byId = baton(['checklist', note, 'team-renewal', '--templates', join(dir, 'Templates')]);
    expect(byId.code).toBe(0);
    expect(readFileSync(note, 'utf8')).toContain('<!-- baton:team-renewal.quote {renewal_date-90d} --> 📅 2027-08-17');
    const other = join(dir, 'Accounts', '霞ソフトウェア.md');
    expect(baton(['checklist', other, join(dir, 'Templates', 'オンボーディング(チーム).md')]).code).toBe(0);
    expect(readFileSync(other, 'utf8')).toContain('baton:team-onboarding-ja.welcome {contract_start+2bd} --> 📅 2026-12-03');
  });

  it('names the available templates when one is unknown', () => {
    const dir = vaultCopy();
    const note = join(dir, 'Accounts', 'Lumen Orchard Retail.md');
    const before = readFileSync(note, 'utf8');
    const r = baton(['checklist', note, 'no-such-playbook']);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/unknown template 'no-such-playbook'; available: .*renewal-prep/);
    expect(readFileSync(note, 'utf8')).toBe(before);
  });

  it('refuses to touch a note with broken frontmatter', () => {
    const dir = vaultCopy();
    const note = join(dir, 'Accounts', 'Greywater Labs (draft).md');
    const before = readFileSync(note, 'utf8');
    const r = baton(['checklist', note, 'kickoff']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error');
    expect(readFileSync(note, 'utf8')).toBe(before);
    expect(baton(['reanchor', note]).code).toBe(1);
    expect(readFileSync(note, 'utf8')).toBe(before);
  });

  it('reanchor moves open due dates after the renewal date changes, and is idempotent', () => {
    const dir = vaultCopy();
    const note = join(dir, 'Accounts', 'Tsukimi Precision.md');
    const text = readFileSync(note, 'utf8');
    expect(text).toContain('{renewal_date-90d} --> 📅 2026-12-31');
    writeFileSync(note, text.replace('notice_days: 60\n', 'notice_days: 60\nrenewal_date: 2027-06-30\n'));
    expect(baton(['reanchor', note]).stdout).toContain('updated');
    const moved = readFileSync(note, 'utf8');
    expect(moved).toContain('{renewal_date-90d} --> 📅 2027-04-01');
    // Done items keep their dates.
    expect(moved).toContain('{renewal_date-150d} --> 📅 2026-11-01 ✅ 2026-10-28');
    expect(baton(['reanchor', note]).stdout).toContain('nothing to do');
    expect(readFileSync(note, 'utf8')).toBe(moved);
  });

  it('fails clearly for a missing note', () => {
    const r = baton(['reanchor', '/nonexistent/note.md']);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toContain('no such file');
  });
});

describe('baton metrics', () => {
  it('computes NRR and GRR from arr_start and arr', () => {
    const dir = tempDir();
    const acc = (name: string, stage: string, start: number, now: number) =>
      `---\nbaton: account\naccount: ${name}\nstage: ${stage}\ncontract_start: 2025-04-01\nterm_months: 24\narr_start: ${start}\narr: ${now}\ncurrency: JPY\n---\n`;
    writeFileSync(join(dir, 'a.md'), acc('Grows', 'adoption', 100_000, 130_000));
    writeFileSync(join(dir, 'b.md'), acc('Shrinks', 'running', 100_000, 80_000));
    writeFileSync(join(dir, 'c.md'), acc('Leaves', 'churned', 50_000, 0));
    const r = batonEverywhere(['metrics', dir, '--today', TODAY, '--from', '2026-04-01', '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    // end 210,000 / start 250,000; gross: (250,000 − 20,000 − 50,000) / 250,000
    expect(m.retention).toMatchObject({ currency: 'JPY', cohort: 3, startArr: 250_000, endArr: 210_000, nrrPercent: 84, grrPercent: 72 });
    expect(m.stageCounts).toMatchObject({ adoption: 1, running: 1, churned: 1 });
    const text = baton(['metrics', dir, '--today', TODAY, '--from', '2026-04-01']).stdout;
    expect(text).toContain('NRR 84.0%   GRR 72.0%');
    expect(text).toContain('ARR 250,000 → 210,000');
  });

  it('reports stage counts and at-risk accounts for the example vault', () => {
    const r = batonEverywhere(['metrics', VAULT, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Churned 1/);
    expect(r.stdout).toContain('Pinecrest Dental Group');
  });

  it('rejects an inverted period', () => {
    const r = baton(['metrics', VAULT, '--from', '2027-01-01', '--to', '2026-01-01']);
    expect(r.code).toBe(2);
    oneLineError(r);
  });
});

describe('help and unknown input', () => {
  it('prints help for every command', () => {
    const top = baton(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['timeline', 'check', 'new', 'checklist', 'reanchor', 'export', 'metrics', 'demo']) {
      expect(top.stdout).toContain(`  ${cmd}`);
      const r = baton([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: baton ${cmd}`));
    }
  });

  it('rejects unknown commands and missing arguments with exit 2', () => {
    expect(oneLineError(baton(['frobnicate']))).toContain("unknown command 'frobnicate'");
    expect(baton(['frobnicate']).code).toBe(2);
    expect(baton(['timeline']).code).toBe(2);
    expect(baton(['check', 'a', 'b']).code).toBe(2);
    expect(baton([]).code).toBe(2);
  });
});
