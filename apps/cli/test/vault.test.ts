import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helper, loadVault, type LoadedVault } from '../src/vault.js';
import type { SnapshotPortfolio } from '@baton/core';
import { readMarkdownFiles } from '../src/io.js';
import { BUNDLE, TODAY, VAULT, baton, tempDir } from './helpers.js';

describe('loadVault', () => {
  it('indexes every account note and keeps the text of only the files asked for', () => {
    const all = readMarkdownFiles(VAULT);
    const templates = all.filter((f) => /^baton:\s*checklist\s*$/m.test(f.text)).map((f) => f.file);
    expect(templates.length).toBeGreaterThan(0);
    const vault = loadVault(VAULT, { today: TODAY, locale: undefined, problems: true }, /^baton:\s*checklist\s*$/m);
    expect(vault.kept.map((f) => f.file)).toEqual(templates);
    expect(vault.accountFiles).toEqual(all.filter((f) => /^baton:\s*account\s*$/m.test(f.text)).map((f) => f.file));
    expect(vault.portfolio.size).toBe(vault.accountFiles.length);
    // Without `keep`, no text at all is held.
    expect(loadVault(VAULT, { today: TODAY, locale: undefined, problems: true }).kept).toEqual([]);
  });

  it('without problems, reads the same timeline and accounts, and keeps no problems', () => {
    const full = loadVault(VAULT, { today: TODAY, locale: undefined, problems: true });
    const lite = loadVault(VAULT, { today: TODAY, locale: undefined, problems: false });
    expect(full.portfolio.allProblems().some((f) => f.problems.some((p) => p.code.startsWith('stakeholders.')))).toBe(true);
    expect(lite.accountFiles).toEqual(full.accountFiles);
    expect(lite.portfolio.accounts()).toEqual(full.portfolio.accounts());
    expect(lite.portfolio.timeline()).toEqual(full.portfolio.timeline());
    expect(() => lite.portfolio.allProblems()).toThrow(/keeps no problems/);
  });
});

describe('readMarkdownFiles', () => {
  it('visits every Markdown file once, in code-point order, across read batches, and skips what vanished', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'baton-walk-'));
    try {
      const expected: string[] = [];
      // 150 files in nested folders: more than two read batches, and batches that span folders.
      for (const dir of ['A', 'B/c', 'b']) {
        mkdirSync(join(root, dir), { recursive: true });
        for (let i = 0; i < 50; i++) writeFileSync(join(root, dir, `n${String(i).padStart(2, '0')}.md`), `# ${dir} ${i}\n`);
      }
      writeFileSync(join(root, 'b', 'skip.txt'), 'not markdown');
      mkdirSync(join(root, '.obsidian'));
      writeFileSync(join(root, '.obsidian', 'x.md'), 'settings');
      // A dangling link: listed, but it cannot be read.
      symlinkSync(join(root, 'gone.md'), join(root, 'B', 'dangling.md'));
      for (const dir of ['A', 'B/c', 'b']) for (let i = 0; i < 50; i++) expected.push(`${dir}/n${String(i).padStart(2, '0')}.md`);
      const files = readMarkdownFiles(root);
      expect(files.map((f) => f.file)).toEqual(expected);
      // Each text is its own file's.
      for (const f of files) expect(f.text).toBe(`# ${f.file.slice(0, f.file.lastIndexOf('/'))} ${Number(f.file.slice(-5, -3))}\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('follows links to files and folders, skips other special files, and lists the same whatever the root is spelled like', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { execFileSync } = await import('node:child_process');
    const outside = mkdtempSync(join(tmpdir(), 'baton-outside-'));
    const root = mkdtempSync(join(tmpdir(), 'baton-links-'));
    try {
      mkdirSync(join(outside, 'shared'));
      writeFileSync(join(outside, 'shared', 'Far.md'), 'far');
      writeFileSync(join(outside, 'Single.md'), 'single');
      writeFileSync(join(root, 'Own.md'), 'own');
      symlinkSync(join(outside, 'shared'), join(root, 'linked-folder'));
      symlinkSync(join(outside, 'Single.md'), join(root, 'linked-note.md'));
      // A named pipe with a Markdown name: neither file nor folder, never opened (reading it would block).
      execFileSync('mkfifo', [join(root, 'pipe.md')]);
      const expected = [
        ['Own.md', 'own'],
        ['linked-folder/Far.md', 'far'],
        ['linked-note.md', 'single'],
      ];
      const spellings = [root, `${root}/`, `${root}/./`, relative(process.cwd(), root)];
      for (const spelled of spellings) expect(readMarkdownFiles(spelled).map((f) => [f.file, f.text])).toEqual(expected);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('loadVault on two threads', () => {
  // ≈ 2600 files: account notes from the example vault under new names, templates and plain notes, in nested folders.
  const root = tempDir('baton-threads-');
  const examples = readMarkdownFiles(VAULT);
  let count = 0;
  for (let i = 0; count < 2600; i++) {
    const dir = join(root, `team-${i % 7}`, `batch-${Math.floor(i / 40)}`);
    mkdirSync(dir, { recursive: true });
    for (const f of examples) {
      writeFileSync(join(dir, `${i}-${f.file.replaceAll('/', '_')}`), f.text.replace(/^account: (.*)$/m, `account: $1 ${i}`));
      count++;
    }
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const TEMPLATE = /^baton:\s*checklist\s*$/m;
  const options = { today: TODAY, locale: undefined, problems: true };
  const load = (script: string | undefined, from = 1, problems = true): LoadedVault => {
    const before = { ...helper };
    Object.assign(helper, { script, from });
    try {
      return loadVault(root, { ...options, problems }, TEMPLATE);
    } finally {
      Object.assign(helper, before);
    }
  };
  const same = (a: LoadedVault, b: LoadedVault) => {
    expect(a.accountFiles).toEqual(b.accountFiles);
    expect(a.kept).toEqual(b.kept);
    // Same records in the same (path) order with the same strings: equal snapshots.
    expect((a.portfolio as SnapshotPortfolio).toSnapshot()).toEqual((b.portfolio as SnapshotPortfolio).toSnapshot());
    expect(a.portfolio.allProblems()).toEqual(b.portfolio.allProblems());
  };

  /** A stand-in second thread that takes two batches from the back, as the real one does, then runs `then`. */
  const takesTwoThen = (name: string, then: string): string => {
    const script = join(root, `${name}.mjs`);
    writeFileSync(
      script,
      `import { workerData } from 'node:worker_threads';
const s = workerData.shared;
for (let n = 0; n < 2; ) { const v = Atomics.load(s, 0); if (Atomics.compareExchange(s, 0, v, v + 0x10000) === v) n++; }
${then}`,
    );
    return script;
  };

  it('gives what one thread gives, with the built bundle as the second thread', () => {
    const one = load(undefined);
    expect(one.helped).toBe(0);
    expect(one.accountFiles.length).toBeGreaterThan(1000);
    expect(one.kept.length).toBeGreaterThan(0);
    // The second thread starts while this one reads: on a busy machine it may find nothing left; try again then.
    let two = load(BUNDLE);
    for (let i = 0; i < 4 && two.helped === 0; i++) two = load(BUNDLE);
    expect(two.helped).toBeGreaterThan(0);
    same(two, one);
    expect(two.portfolio.timeline()).toEqual(one.portfolio.timeline());
  });

  it('without problems on two threads, the second one keeps none either and the timeline is one thread’s', () => {
    const one = load(undefined, 1, false);
    let two = load(BUNDLE, 1, false);
    for (let i = 0; i < 4 && two.helped === 0; i++) two = load(BUNDLE, 1, false);
    expect(two.helped).toBeGreaterThan(0);
    expect(two.accountFiles).toEqual(one.accountFiles);
    expect((two.portfolio as SnapshotPortfolio).toSnapshot()).toEqual((one.portfolio as SnapshotPortfolio).toSnapshot());
    expect(two.portfolio.timeline()).toEqual(load(undefined).portfolio.timeline());
    // The helper's records were made without problems too: the absorbed index has nothing stale.
    expect((two.portfolio as SnapshotPortfolio).staleFiles()).toEqual([]);
  });

  it('reads the share of a second thread that stops without replying, and one that cannot start', () => {
    const one = load(undefined);
    // Takes two batches from the back, as the real helper does, then ends without a word.
    same(load(takesTwoThen('quitter', 'Atomics.store(s, 1, 1); Atomics.notify(s, 1);')), one);
    const broken = join(root, 'broken.mjs');
    writeFileSync(broken, 'throw new Error("no second thread");');
    same(load(broken), one);
  });

  it('does not wait long for a second thread that hangs or dies without a word after taking its share', () => {
    const one = load(undefined);
    // Takes two batches, then blocks for good: no reply, no `done`, no progress (as a killed thread).
    const hanger = takesTwoThen('hanger', 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);');
    const before = helper.stallMs;
    helper.stallMs = 300;
    try {
      const t0 = Date.now();
      const v = load(hanger);
      same(v, one);
      expect(v.helped).toBe(0);
      // Not the 10 s default: the wait ended on the stall limit (generous bound for a busy machine).
      expect(Date.now() - t0).toBeLessThan(8000);
    } finally {
      helper.stallMs = before;
    }
  });

  it('stays on one thread below the threshold, and the CLI gives the same report on one thread and on two', () => {
    expect(load(BUNDLE, 100_000).helped).toBe(0);
    for (const args of [['check', root, '--today', TODAY], ['metrics', root, '--today', TODAY], ['timeline', root, '--today', TODAY, '--from', '2026-01-01', '--to', '2027-12-31']]) {
      const single = baton(args, { env: { BATON_THREADS: '1' } });
      const two = baton(args, { env: { BATON_THREADS: '2' } });
      expect(single.code).toBeGreaterThanOrEqual(0);
      expect(single.stdout.length).toBeGreaterThan(1000);
      expect(two).toEqual(single);
    }
  });
});
