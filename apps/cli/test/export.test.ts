import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { baton, batonEverywhere, oneLineError, REPO, tempDir, TODAY, VAULT, vaultCopy } from './helpers.js';

interface JsonEvent {
  date: string;
  kind: string;
  account: string;
}

function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, summary: e.summary, start: e.startDate, end: e.endDate, alarms: c.getAllSubcomponents('valarm').length, description: e.description };
  });
}

describe('baton export ics', () => {
  const ics = batonEverywhere(['export', 'ics', VAULT, '--today', TODAY]).stdout;
  const events = parseIcs(ics);
  const timeline = JSON.parse(baton(['timeline', VAULT, '--today', TODAY, '--json']).stdout) as JsonEvent[];

  it('parses with ical.js and holds one all-day event per timeline event', () => {
    expect(events).toHaveLength(timeline.length);
    for (const e of events) {
      expect(e.start.isDate).toBe(true);
      expect(e.end.isDate).toBe(true);
      // Compare as calendar dates: JS Date arithmetic would depend on this process's DST.
      const next = e.start.clone();
      next.adjust(1, 0, 0, 0);
      expect(e.end.toString()).toBe(next.toString());
    }
  });

  it('carries the right dates and Japanese text', () => {
    const renewal = events.find((e) => e.summary === '更新日 — 月見精機株式会社' || e.summary === 'Renewal — 月見精機株式会社');
    expect(renewal?.start.toString()).toBe('2027-03-31');
    expect(renewal?.end.toString()).toBe('2027-04-01');
    const task = events.find((e) => e.summary.startsWith('決裁者と来期の目標をすり合わせる'));
    expect(task?.start.toString()).toBe('2026-12-01');
    expect(task?.description).toContain('Accounts/Tsukimi Precision.md:');
  });

  it('adds reminders to open outreach and notice deadlines', () => {
    const notice = events.find((e) => e.summary.startsWith('解約通知期限 — 月見精機') || e.summary.startsWith('Notice deadline — 月見精機'));
    expect(notice?.alarms).toBe(2);
    expect(events.filter((e) => e.summary.startsWith('Renewal —') || e.summary.startsWith('更新日 —')).every((e) => e.alarms === 0)).toBe(true);
  });

  it('uses CRLF and folds at 75 octets without splitting characters', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split multi-byte character would decode to U+FFFD.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(ics).toMatch(/\r\n [^\r\n]/);
  });

  it('keeps UIDs unique and stable across days, so re-importing updates events', () => {
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const later = parseIcs(baton(['export', 'ics', VAULT, '--today', '2026-12-15']).stdout);
    expect(later.map((e) => e.uid).sort()).toEqual([...uids].sort());
  });

  it('writes to -o FILE, creating folders', () => {
    const out = join(tempDir(), 'sub', 'renewals.ics');
    const r = baton(['export', 'ics', VAULT, '--today', TODAY, '-o', out, '--kind', 'renewal']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const written = parseIcs(readFileSync(out, 'utf8'));
    expect(written.length).toBe(timeline.filter((e) => e.kind === 'renewal').length);
  });
});

describe('labels that belong to no one note', () => {
  // The example vault's Japanese accounts only: a Japanese team's vault.
  const jaVault = (): string => {
    const dir = vaultCopy();
    for (const f of readdirSync(join(dir, 'Accounts'))) {
      if (!/^locale: ja$/m.test(readFileSync(join(dir, 'Accounts', f), 'utf8'))) rmSync(join(dir, 'Accounts', f));
    }
    return dir;
  };

  it('follow the language most account notes use when no --locale is given', () => {
    const dir = jaVault();
    const events = parseIcs(baton(['export', 'ics', dir, '--today', TODAY]).stdout);
    expect(events.length).toBeGreaterThan(0);
    const renewal = events.find((e) => e.summary.startsWith('更新日 — '));
    expect(renewal?.description).toMatch(/^更新日 · /);
    expect(events.every((e) => !/^(Renewal|Task|Contract start|Renewal outreach|Notice deadline) · /.test(e.description))).toBe(true);
    expect(baton(['timeline', dir, '--today', TODAY]).stdout).toMatch(/期限切れ|まもなく|予定/);
    // The mixed example vault has more English notes: English labels, as before.
    expect(parseIcs(baton(['export', 'ics', VAULT, '--today', TODAY]).stdout).find((e) => e.summary.startsWith('Renewal — '))?.description).toMatch(/^Renewal · /);
    // --locale still decides.
    expect(parseIcs(baton(['export', 'ics', dir, '--today', TODAY, '--locale', 'en']).stdout).find((e) => e.summary.startsWith('Renewal — '))?.description).toMatch(/^Renewal · /);
  });

  it('the CLI speaks Japanese with --locale ja: the export note and the check summary', () => {
    const out = join(tempDir(), 'cal.ics');
    const r = baton(['export', 'ics', VAULT, '--today', TODAY, '--locale', 'ja', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${out} に書き出しました\n`);
    const c = baton(['check', VAULT, '--today', TODAY, '--locale', 'ja']);
    expect(c.stderr).toMatch(/^エラー \d+ 件、警告 \d+ 件（アカウントノート 13 件）\n$/);
    expect(baton(['check', VAULT, '--today', TODAY]).stderr).toMatch(/^\d+ errors?, \d+ warnings? in 13 account notes\n$/);
  });
});

describe('baton export mermaid and html', () => {
  it('writes a gantt chart with one section per account', () => {
    const r = batonEverywhere(['export', 'mermaid', VAULT, '--today', TODAY]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('gantt');
    const sections = lines.filter((l) => l.startsWith('    section '));
    expect(sections).toContain('    section 月見精機株式会社');
    expect(sections).toContain('    section Harbor ＆ Finch Analytics');
    expect(lines.slice(4).every((l) => l.startsWith('    section ') || / :milestone(, (done|crit|active))?, \d{4}-\d{2}-\d{2}, 0d$/.test(l))).toBe(true);
  });

  it('writes an HTML page with the view labels', () => {
    const out = join(tempDir(), 'timeline.html');
    expect(baton(['export', 'html', VAULT, '--today', TODAY, '--locale', 'ja', '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('月見精機株式会社');
    expect(html).toContain('Harbor &amp; Finch Analytics');
  });

  it('rejects an unknown format and a missing directory', () => {
    const bad = baton(['export', 'pdf', VAULT]);
    expect(bad.code).toBe(2);
    expect(oneLineError(bad)).toContain("unknown export format 'pdf'");
    expect(baton(['export', 'ics', join(tempDir(), 'missing')]).code).toBe(1);
  });
});

describe('baton demo', () => {
  it('runs on the example vault with a fixed today and writes the exports at the repo root', () => {
    const cwd = tempDir();
    const r = batonEverywhere(['demo'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('today fixed at 2026-11-22');
    expect(r.stdout).toContain('── Today 2026-11-22 ──');
    expect(r.stdout).toContain('Accounts/Greywater Labs (draft).md:5: error:');
    expect(r.stdout).toContain('NRR');
    for (const f of ['timeline.html', 'renewals.ics']) expect(existsSync(join(REPO, 'out', f))).toBe(true);
    expect(parseIcs(readFileSync(join(REPO, 'out', 'renewals.ics'), 'utf8')).length).toBeGreaterThan(10);
  });
});
