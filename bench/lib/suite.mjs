// The benchmark suite shared by `pnpm bench` (full) and `bench/ci.mjs` (quick).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import jsyaml from 'js-yaml';
import YAML from 'yaml';
import * as z from 'zod';
import { bundleCore, CACHE, loadCliVault, ROOT } from './core.mjs';
import { fmtMs, interleave, machineInfo, median, now, stats } from './harness.mjs';
import { ensureVault } from './vault.mjs';
import { readInBatches } from './read.mjs';

const TODAY = '2026-11-22';
/** Hosts key notes by vault-relative path (`Accounts/Acme.md`), not by absolute path. */
const rel = (f) => f.split('/').slice(-2).join('/');
const TASK_LINE = /^[ \t]*[-*+][ \t]+\[(.)\][ \t]+(.*)$/;
const DUE = /📅\s*(\d{4}-\d{2}-\d{2})/u;

// gray-matter (js-yaml 3) reads `2026-04-01` as a Date; the `yaml` peer keeps it a string.
const day = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);
/**
 * The peers validate with a zod object schema of the account keys, as a hand-rolled indexer would
 * (Baton's own check is not zod's, and is not what is compared here).
 */
const NAIVE_SCHEMA = z.looseObject({
  baton: z.literal('account'),
  account: z.string().min(1),
  // Free text where the vault mixes English and Japanese values: failing notes would cost the peer zod's error reports.
  stage: z.string().default('handoff'),
  contract_start: day,
  term_months: z.number().int().min(1).max(120),
  renewal_date: day.nullish(),
  notice_days: z.number().int().min(0).max(3650).nullish(),
  arr: z.number().int().min(0).nullish(),
  arr_start: z.number().int().min(0).nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/).nullish(),
  sales_owner: z.string().min(1).nullish(),
  csm_owner: z.string().min(1).nullish(),
  renewal_owner: z.string().min(1).nullish(),
  kickoff_date: day.nullish(),
  health: z.string().nullish(),
  locale: z.enum(['en', 'ja']).nullish(),
});

/** What a typical hand-rolled indexer does per note after its YAML parse: validate, scan tasks, collect dates. */
function naiveAfterYaml(data, text, out) {
  const r = NAIVE_SCHEMA.safeParse(data ?? {});
  // Invalid notes (e.g. a Japanese stage name this schema does not know) still have their checklist scanned.
  const account = r.success ? r.data.account : String(data.account);
  for (const line of text.split('\n')) {
    const m = TASK_LINE.exec(line);
    const due = m && DUE.exec(m[2]);
    if (due) out.push({ date: due[1], account, title: m[2] });
  }
  if (r.success) out.push({ date: String(r.data.contract_start), account, title: 'start' });
}
const sortNaive = (out) => out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.account < b.account ? -1 : a.account > b.account ? 1 : 0));

function frontmatterOf(text) {
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---\n', 4);
  return end < 0 ? undefined : text.slice(4, end + 1);
}

/** Host-side warm cache: file → [mtimeMs, size] plus core's compact snapshot. */
function statAll(files) {
  const stat = {};
  for (const f of files) {
    const s = statSync(f);
    stat[rel(f)] = [s.mtimeMs, s.size];
  }
  return stat;
}

/**
 * Cold index (read in batches, as the CLI does): read, parse, validate and work out every account's event days (the Portfolio
 * does that in `upsert`), plus the stat map a host keeps for the warm start. As VS Code, Obsidian
 * and `baton timeline` index a vault: no problems kept (`problems: false`; each host lints the note
 * in front of the user). With `problems`, every note's problems too (what `baton check` indexes).
 * With `withTimeline`, also build the whole sorted portfolio timeline as event objects, what
 * opening an unfiltered timeline view costs.
 */
function coldIndex(core, files, withTimeline = false, problems = false) {
  const p = new core.SnapshotPortfolio({ today: TODAY, problems });
  readInBatches(files, (f, text) => p.upsert(rel(f), text));
  const stat = statAll(files);
  if (withTimeline) p.timeline();
  return { p, stat };
}

function warmIndex(core, files, cacheFile, withTimeline) {
  const root = files[0].split('/').slice(0, -2).join('/');
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  const p = core.SnapshotPortfolio.fromSnapshot(cache.snapshot, { today: TODAY, problems: false });
  const seen = new Set();
  let reread = 0;
  for (const f of files) {
    const key = rel(f);
    seen.add(key);
    const s = statSync(f);
    const old = cache.stat[key];
    if (!old || old[0] !== s.mtimeMs || old[1] !== s.size) {
      p.upsert(key, readFileSync(f, 'utf8'));
      reread++;
    }
  }
  for (const key of Object.keys(cache.stat)) if (!seen.has(key)) p.remove(key);
  for (const f of p.staleFiles()) p.upsert(f, readFileSync(join(root, f), 'utf8'));
  if (withTimeline) p.timeline();
  return { p, reread };
}

export async function runSuite({ sizes, rounds, quick, log = console.log }) {
  const corePath = await bundleCore();
  const core = await import(`file://${corePath}`);
  const cli = await loadCliVault();
  // Two threads at every size (the CLI itself starts the second from 20,000 files: below ≈ 10k it does not pay on 2 cores).
  cli.helper.from = 1;
  const rows = [];
  const checks = [];
  const info = machineInfo();
  log(`machine: ${info}`);
  for (const n of sizes) {
    const files = ensureVault(n);
    const label = n >= 1000 ? `${n / 1000}k` : String(n);
    log(`\n— ${label} notes (${files.length} files incl. ~5% non-account) —`);
    // Warm the OS cache and the JIT once, outside the measurements.
    coldIndex(core, files.slice(0, Math.min(files.length, 2000)));
    for (const f of files) readFileSync(f);
    const cacheFile = join(CACHE, `warm-${label}.json`);
    let coldSize;
    const cliHelped = [];
    // Warm the CLI's loader too (its second thread starts afresh in every run anyway).
    cli.loadVault(files[0].split('/').slice(0, -2).join('/'), { today: TODAY, locale: undefined, problems: false });
    {
      const { p, stat } = coldIndex(core, files);
      coldSize = p.size;
      writeFileSync(cacheFile, JSON.stringify({ stat, snapshot: p.toSnapshot() }));
    }
    const big = n >= 50000;
    const steps = [{ name: 'raw', run: () => { for (const f of files) readFileSync(f, 'utf8'); } }];
    if (!big)
      steps.push({
        name: 'gray-matter',
        run: () => {
          const out = [];
          for (const f of files) {
            const text = readFileSync(f, 'utf8');
            const fm = matter(text, {}); // options bypass gray-matter's per-content cache, which would skip the parse on repeat runs
            if (fm.data?.baton === 'account') naiveAfterYaml(fm.data, text, out);
          }
          sortNaive(out);
        },
      });
    if (!big)
      steps.push({
        name: 'js-yaml',
        run: () => {
          for (const f of files) {
            const y = frontmatterOf(readFileSync(f, 'utf8'));
            if (y !== undefined) jsyaml.load(y, { schema: jsyaml.CORE_SCHEMA });
          }
        },
      });
    if (n <= 1000)
      steps.push({
        name: 'yaml',
        run: () => {
          const out = [];
          for (const f of files) {
            const text = readFileSync(f, 'utf8');
            const y = frontmatterOf(text);
            const data = y === undefined ? undefined : YAML.parse(y);
            if (data?.baton === 'account') naiveAfterYaml(data, text, out);
          }
          sortNaive(out);
        },
      });
    steps.push({ name: 'cold', run: () => coldIndex(core, files) });
    steps.push({ name: 'cold+problems', run: () => coldIndex(core, files, false, true) });
    steps.push({ name: 'cold+timeline', run: () => coldIndex(core, files, true) });
    // The CLI's `loadVault`: it lists the vault (as the cold index stats it) and reads it on two
    // threads. The second thread starts afresh in every run (start-up and a cold JIT are timed).
    const vaultDir = files[0].split('/').slice(0, -2).join('/');
    steps.push({
      name: 'cli',
      run: () => {
        const v = cli.loadVault(vaultDir, { today: TODAY, locale: undefined, problems: false });
        // It must hold what the single-thread index holds, or the timing means nothing.
        if (v.portfolio.size !== coldSize) throw new Error(`the CLI's index holds ${v.portfolio.size} accounts, the cold index ${coldSize}`);
        cliHelped.push(v.helped / files.length);
      },
    });
    steps.push({ name: 'warm', run: () => warmIndex(core, files, cacheFile, false) });
    steps.push({ name: 'warm+timeline', run: () => warmIndex(core, files, cacheFile, true) });
    if (!big) {
      // Obsidian hands over parsed frontmatter and list item positions; computing them is Obsidian's work, not timed.
      const meta = new Map();
      for (const f of files) {
        const text = readFileSync(f, 'utf8');
        const y = frontmatterOf(text);
        const listItems = [];
        text.split('\n').forEach((l, i) => {
          const m = TASK_LINE.exec(l);
          if (m) listItems.push({ task: m[1], position: { start: { line: i } } });
        });
        meta.set(f, { frontmatter: y === undefined ? undefined : jsyaml.load(y, { schema: jsyaml.CORE_SCHEMA }), listItems });
      }
      steps.push({
        name: 'obsidian',
        run: () => {
          // As the plugin's index: no problems kept (the plugin never shows the portfolio's).
          const p = new core.Portfolio({ today: TODAY, problems: false });
          for (const f of files) p.upsert(rel(f), readFileSync(f, 'utf8'), meta.get(f));
        },
      });
    }
    const times = await interleave(steps, rounds);
    const raw = median(times.raw);
    const add = (step, key, target, pass, ratioOf = true) => {
      const s = stats(times[key]);
      const ratio = s.median / raw;
      const row = { step: `${label}: ${step}`, median: fmtMs(s.median), spread: `${fmtMs(s.min)}–${fmtMs(s.max)} (n=${s.n})`, ratio: ratioOf ? `${ratio.toFixed(2)}×` : '', target, ok: pass === undefined ? undefined : pass(s.median, ratio) };
      rows.push(row);
      log(`${row.step.padEnd(48)} ${row.median.padStart(9)}  ${row.ratio.padStart(7)}  ${target ?? ''} ${row.ok === undefined ? '' : row.ok ? '✓' : '✗'}`);
      return { ...s, ratio };
    };
    add('raw read (readFileSync) — the floor', 'raw');
    const gm = times['gray-matter'] ? add('naive peer: gray-matter + zod + scan + sort', 'gray-matter') : undefined;
    if (times['js-yaml']) add('reference: read + js-yaml load of the frontmatter only', 'js-yaml');
    if (times.yaml) add('naive peer: `yaml` + zod + scan + sort', 'yaml');
    const coldTarget = n === 10000 ? '≤ 4× raw, ≥ 2× faster than gray-matter' : big ? '≤ 5 s' : quick ? '≤ 15× raw (CI regression guard)' : undefined;
    const cold = add('Baton cold index, as the hosts read a vault (read, parse, validate, event days)', 'cold', coldTarget, n === 10000 ? (m, r) => r <= 4 && gm !== undefined && gm.median / m >= 2 : big ? (m) => m <= 5000 : quick ? (_m, r) => r <= 15 : undefined);
    if (gm) log(`   gray-matter peer / Baton cold = ${(gm.median / cold.median).toFixed(2)}×`);
    add('… with every note’s problems worked out and kept (what `baton check` reads)', 'cold+problems');
    add('Baton cold index + whole sorted timeline built (every event an object)', 'cold+timeline');
    const cliRow = add('CLI: the same on two threads (`loadVault`; its second thread started in each run)', 'cli', n === 10000 ? 'same' : big ? '≤ 5 s' : undefined, n === 10000 ? (m, r) => r <= 4 && gm !== undefined && gm.median / m >= 2 : big ? (m) => m <= 5000 : undefined);
    if (gm) log(`   gray-matter peer / CLI on two threads = ${(gm.median / cliRow.median).toFixed(2)}×`);
    log(`   share read by the second thread: median ${(100 * median(cliHelped)).toFixed(0)} %`);
    const warmTarget = quick ? '≤ 3× raw (CI regression guard)' : '≤ 1× raw';
    const warm = add('Baton warm re-index (stat all, snapshot, 0 changed)', 'warm', warmTarget, (_m, r) => r <= (quick ? 3 : 1));
    add('Baton warm re-index + full timeline()', 'warm+timeline');
    if (times.obsidian) add('Obsidian path: read + cached frontmatter/listItems + index', 'obsidian');
    checks.push({ n, cold, warm, gm });

    if (!big) {
      // A dated query right after a cold index, before any view asked for the whole timeline:
      // the records' event days pick the accounts to build events for.
      const lazy = coldIndex(core, files).p;
      const dated = [];
      for (let i = 0; i < (quick ? 3 : 7); i++) {
        const t0 = now();
        lazy.timeline({ from: TODAY, to: '2027-02-22' });
        dated.push(now() - t0);
      }
      const s0 = stats(dated);
      const r0 = { step: `${label}: next-3-months query straight after the cold index (no sorted timeline yet)`, median: fmtMs(s0.median), spread: `${fmtMs(s0.min)}–${fmtMs(s0.max)} (n=${s0.n})`, ratio: `${(s0.median / raw).toFixed(2)}×` };
      // One changed note: re-read, re-parse, splice its events into the live sorted index (a timeline view is open).
      const { p } = coldIndex(core, files, true);
      const target = files[Math.floor(files.length / 2)];
      const base = readFileSync(target, 'utf8');
      const variants = [base.replace('- [ ] ', '- [x] '), base.replace(/📅 (\d{4})/, (_m, y) => `📅 ${Number(y) + 1}`), base];
      const one = [];
      const withView = [];
      for (let i = 0; i < (quick ? 60 : 300); i++) {
        const text = variants[i % variants.length];
        const t0 = now();
        readFileSync(target, 'utf8');
        p.upsert(rel(target), text);
        const t1 = now();
        p.timeline({ from: TODAY, to: '2027-02-22' });
        const t2 = now();
        one.push(t1 - t0);
        withView.push(t2 - t0);
      }
      const s1 = stats(one);
      const s2 = stats(withView);
      const r1 = { step: `${label}: one changed note → index + sorted timeline updated`, median: fmtMs(s1.median), spread: `${fmtMs(s1.min)}–${fmtMs(s1.max)} (n=${s1.n})`, target: n === 10000 ? '≤ 1 ms' : undefined, ok: n === 10000 ? s1.median <= 1 : undefined };
      const r2 = { step: `${label}: … + next-3-months timeline query`, median: fmtMs(s2.median), spread: `${fmtMs(s2.min)}–${fmtMs(s2.max)} (n=${s2.n})` };
      const fullTl = [];
      for (let i = 0; i < (quick ? 3 : 7); i++) {
        // Another day makes every status stale, so the whole sorted timeline is rebuilt (setting the same day keeps it).
        p.setOptions({ today: i % 2 === 0 ? '2026-11-23' : TODAY });
        const t0 = now();
        p.timeline();
        fullTl.push(now() - t0);
      }
      const s3 = stats(fullTl);
      const r3 = { step: `${label}: portfolio timeline build from records (${p.timeline().length} events)`, median: fmtMs(s3.median), spread: `${fmtMs(s3.min)}–${fmtMs(s3.max)} (n=${s3.n})`, ratio: `${(s3.median / raw).toFixed(2)}×` };
      // A timeline view's re-render after an edit: the view-model of the window it draws, with the
      // portfolio's summary (choices and status counts kept in step with edits), as both hosts call
      // it; against the same model walking every event, and a view-model of every event (what the
      // Obsidian view built before). The view rendered once before the edits (its first render walks).
      const model = [];
      const walked = [];
      const whole = [];
      const render = (summary) => core.buildTimelineModel(p.timeline(), { today: TODAY, locale: 'en', filters: {}, window: undefined, ...(summary ? { summary: p.timelineSummary() } : {}) });
      render(true);
      for (let i = 0; i < (quick ? 3 : 5); i++) {
        p.upsert(rel(target), variants[i % variants.length]);
        let t0 = now();
        render(true);
        model.push(now() - t0);
        p.upsert(rel(target), variants[(i + 1) % variants.length]);
        t0 = now();
        render(false);
        walked.push(now() - t0);
        t0 = now();
        core.buildTimelineView(p.timeline(), { today: TODAY, locale: 'en' });
        whole.push(now() - t0);
      }
      const s4 = stats(model);
      const s4w = stats(walked);
      const s5 = stats(whole);
      const r4 = { step: `${label}: timeline view re-render after an edit (the window a view draws, with the portfolio's summary)`, median: fmtMs(s4.median), spread: `${fmtMs(s4.min)}–${fmtMs(s4.max)} (n=${s4.n})`, ratio: `${(s4.median / raw).toFixed(2)}×` };
      const r4w = { step: `${label}: … walking every event for the filter choices and counts instead`, median: fmtMs(s4w.median), spread: `${fmtMs(s4w.min)}–${fmtMs(s4w.max)} (n=${s4w.n})`, ratio: `${(s4w.median / raw).toFixed(2)}×` };
      const r5 = { step: `${label}: … a view-model of every event instead (the Obsidian view before)`, median: fmtMs(s5.median), spread: `${fmtMs(s5.min)}–${fmtMs(s5.max)} (n=${s5.n})`, ratio: `${(s5.median / raw).toFixed(2)}×` };
      // A view's first render after the vault is read, as the Obsidian view does it: the events made
      // 250 accounts a turn (Portfolio.prepare), then the sorted timeline, its tally and the model in
      // one go. What holds the UI thread: the longest step, and that last part.
      const stepMax = [];
      const rest = [];
      for (let i = 0; i < (quick ? 2 : 5); i++) {
        // Another day drops the sorted timeline and every account's events (the same day would keep them).
        p.setOptions({ today: p.today === TODAY ? '2026-11-23' : TODAY });
        let longest = 0;
        for (let done = false; !done; ) {
          const t0 = now();
          done = p.prepare(250);
          longest = Math.max(longest, now() - t0);
        }
        stepMax.push(longest);
        const t0 = now();
        render(true);
        rest.push(now() - t0);
      }
      const s6 = stats(stepMax);
      const s7 = stats(rest);
      const r6 = { step: `${label}: a view's first render: the longest step making events (250 accounts a turn)`, median: fmtMs(s6.median), spread: `${fmtMs(s6.min)}–${fmtMs(s6.max)} (n=${s6.n})` };
      const r7 = { step: `${label}: … then the sorted timeline, its tally and the model, in one go`, median: fmtMs(s7.median), spread: `${fmtMs(s7.min)}–${fmtMs(s7.max)} (n=${s7.n})` };
      for (const r of [r0, r1, r2, r3, r4, r4w, r5, r6, r7]) {
        rows.push(r);
        log(`${r.step.padEnd(48)} ${r.median.padStart(9)}  ${r.target ?? ''} ${r.ok === undefined ? '' : r.ok ? '✓' : '✗'}`);
      }
    }

    if (n === 10000 || (quick && n === sizes[0])) {
      const listPath = join(CACHE, `files-${label}.json`);
      writeFileSync(listPath, JSON.stringify(files));
      const mem = JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(ROOT, 'bench/lib/memory.mjs'), corePath, listPath, TODAY], { encoding: 'utf8', maxBuffer: 1 << 20 }));
      const kb = (b) => `${(b / 1024).toFixed(2)} KB/note`;
      const r = { step: `${label}: memory retained per indexed note (texts dropped, problems kept)`, median: kb(mem.indexBytes), spread: '', target: '≤ 1 KB/note', ok: mem.indexBytes <= 1024 };
      const r2 = { step: `${label}: … with the sorted timeline materialised`, median: kb(mem.timelineBytes), spread: '' };
      rows.push(r, r2);
      log(`${r.step.padEnd(48)} ${r.median}  ${r.target} ${r.ok ? '✓' : '✗'}`);
      log(`${r2.step.padEnd(48)} ${r2.median}`);
      checks.push({ memory: mem });
    }
  }

  // Hosts: bundle sizes and startup, when built.
  const hosts = [
    { name: 'Obsidian main.js', file: join(ROOT, 'apps/obsidian/dist/main.js'), kind: 'obsidian', ceiling: 150 * 1024, loadTarget: 10, loadLabel: 'plugin require + onload()' },
    { name: 'VS Code extension.js', file: join(ROOT, 'apps/vscode/dist/extension.js'), kind: 'vscode', ceiling: 250 * 1024, loadTarget: 50, loadLabel: 'extension require + activate()' },
  ];
  for (const h of hosts) {
    if (!existsSync(h.file)) {
      rows.push({ step: `${h.name}: not built — skipped (run \`pnpm build\`)`, median: '', spread: '' });
      log(`${h.name}: not built, skipped`);
      continue;
    }
    const size = statSync(h.file).size;
    const sr = { step: `${h.name} bundle size`, median: `${(size / 1024).toFixed(1)} KB`, spread: '', target: `≤ ${h.ceiling / 1024} KB`, ok: size <= h.ceiling };
    rows.push(sr);
    checks.push({ size: { name: h.name, size, ceiling: h.ceiling } });
    log(`${sr.step.padEnd(48)} ${sr.median}  ${sr.target} ${sr.ok ? '✓' : '✗'}`);
    const out = execFileSync(process.execPath, [join(ROOT, 'bench/lib/host-load.cjs'), h.kind, h.file, String(quick ? 7 : 21)], { encoding: 'utf8' });
    const res = JSON.parse(out);
    if (!Array.isArray(res)) {
      rows.push({ step: `${h.loadLabel}: failed with fake host (${res.error})`, median: '', spread: '' });
      log(`${h.loadLabel}: ${res.error}`);
      continue;
    }
    // The first load also pays for reading and compiling the file from disk: report it apart.
    const s = stats(res.slice(1));
    const lr = { step: `${h.loadLabel} (fresh module cache, fake host)`, median: fmtMs(s.median), spread: `${fmtMs(s.min)}–${fmtMs(s.max)} (n=${s.n}); first ${fmtMs(res[0])}`, target: `≤ ${h.loadTarget} ms`, ok: s.median <= h.loadTarget };
    rows.push(lr);
    log(`${lr.step.padEnd(48)} ${lr.median}  ${lr.target} ${lr.ok ? '✓' : '✗'}`);
  }
  return { rows, checks, info };
}
