// Per-stage cost of indexing one note (µs/note, median of passes over a synthetic vault).
// Usage: node --expose-gc bench/lib/stages.mjs [notes=1000] [passes=7]
// `--cpu-prof` works too: the stages run in a loop long enough to sample.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import jsyaml from 'js-yaml';
import { bundleCore } from './core.mjs';
import { ensureVault } from './vault.mjs';

const n = Number(process.argv[2] ?? 1000);
const passes = Number(process.argv[3] ?? 7);
const TODAY = '2026-11-22';
// Internals are not all public: bundle a small entry that re-exports them.
const outfile = await bundleCore(
  'stages.mjs',
  `
    export * from './index.ts';
    export { splitLinesKeepEol, fencedLines } from './text.ts';
    export { scanHeadings } from './sections.ts';
    export { scanTasks } from './tasks.ts';
    export { readStakeholders } from './stakeholders.ts';
    export { checkHandoff, handoffProblems } from './handoff.ts';
  `,
);
const core = await import(pathToFileURL(outfile).href);

const TASK_LINE = /^[ \t]*[-*+][ \t]+\[(.)\][ \t]+(.*)$/;
const files = ensureVault(n);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const metas = texts.map((text) => {
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 4) : -1;
  const listItems = [];
  text.split('\n').forEach((l, i) => {
    const m = TASK_LINE.exec(l);
    if (m) listItems.push({ task: m[1], position: { start: { line: i } } });
  });
  return { frontmatter: end < 0 ? undefined : jsyaml.load(text.slice(4, end + 1), { schema: jsyaml.CORE_SCHEMA }), listItems };
});
const notes = texts.map((t, i) => core.accountNoteFromCache(t, metas[i]));
const lines = texts.map((t) => core.splitLinesKeepEol(t));
const fenced = lines.map((l) => core.fencedLines(l));
const accounts = notes.filter((x) => x.kind === 'account' && x.account);
const cleanData = accounts.map((x) => {
  const d = { ...x.frontmatter.data };
  for (const k of Object.keys(d)) if (d[k] === null || d[k] === '') delete d[k];
  return d;
});

let sink = 0;
const stages = {
  'read (utf8, the floor)': () => { for (const f of files) sink += readFileSync(f, 'utf8').length; },
  splitLinesKeepEol: () => { for (const t of texts) sink += core.splitLinesKeepEol(t).length; },
  fencedLines: () => { for (const l of lines) sink += core.fencedLines(l).length; },
  'readFrontmatter (js-yaml)': () => { for (let i = 0; i < texts.length; i++) sink += core.readFrontmatter(texts[i], lines[i]).bodyStart; },
  'readFrontmatter (cached data)': () => { for (let i = 0; i < texts.length; i++) sink += core.readFrontmatter(texts[i], lines[i], metas[i].frontmatter ?? {}).bodyStart; },
  scanHeadings: () => { for (let i = 0; i < notes.length; i++) sink += core.scanHeadings(lines[i], fenced[i], notes[i].frontmatter.bodyStart).length; },
  scanTasks: () => { for (let i = 0; i < notes.length; i++) sink += core.scanTasks(lines[i], fenced[i], notes[i].frontmatter.bodyStart).length; },
  readStakeholders: () => { for (const x of notes) sink += core.readStakeholders(x, x.locale).problems.length; },
  'validate (AccountFrontmatter.safeParse)': () => { for (const d of cleanData) sink += core.AccountFrontmatter.safeParse(d).success ? 1 : 0; },
  'checkHandoff+problems': () => { for (const x of accounts) sink += core.handoffProblems(core.checkHandoff(x, {}), x.locale).length; },
  lintStakeholders: () => { for (const x of accounts) sink += core.lintStakeholders(x.stakeholders, { today: TODAY, locale: x.locale }).length; },
  lintAccount: () => { for (const x of accounts) sink += core.lintAccount(x, { today: TODAY }).length; },
  parseAccountNote: () => { for (const t of texts) sink += core.parseAccountNote(t).problems.length; },
  accountNoteFromCache: () => { for (let i = 0; i < texts.length; i++) sink += core.accountNoteFromCache(texts[i], metas[i]).problems.length; },
  'upsertParsed (lint + compact)': () => {
    const p = new core.Portfolio({ today: TODAY });
    for (let i = 0; i < notes.length; i++) p.upsertParsed(files[i], notes[i]);
    sink += p.size;
  },
  'upsertParsed + timeline()': () => {
    const p = new core.Portfolio({ today: TODAY });
    for (let i = 0; i < notes.length; i++) p.upsertParsed(files[i], notes[i]);
    sink += p.timeline().length;
  },
  'timeline() from records': (() => {
    let p;
    let flip = false;
    return () => {
      if (!p) {
        p = new core.Portfolio({ today: TODAY });
        for (let i = 0; i < notes.length; i++) p.upsertParsed(files[i], notes[i]);
      }
      // Another day each pass: the sorted timeline is rebuilt (the same day would keep it).
      p.setOptions({ today: (flip = !flip) ? '2026-11-23' : TODAY });
      sink += p.timeline().length;
    };
  })(),
  'obsidian path (read + cached metadata + upsert, no problems kept + timeline)': () => {
    const p = new core.Portfolio({ today: TODAY, problems: false });
    for (let i = 0; i < files.length; i++) p.upsert(files[i], readFileSync(files[i], 'utf8'), metas[i]);
    sink += p.timeline().length;
  },
  'cold index (read + upsert: parse, lint, event days)': () => {
    const p = new core.Portfolio({ today: TODAY });
    for (let i = 0; i < files.length; i++) p.upsert(files[i], readFileSync(files[i], 'utf8'));
    sink += p.size;
  },
  'cold index, as the hosts (problems: false: no headings, table or checks)': () => {
    const p = new core.Portfolio({ today: TODAY, problems: false });
    for (let i = 0; i < files.length; i++) p.upsert(files[i], readFileSync(files[i], 'utf8'));
    sink += p.size;
  },
  'cold + whole sorted timeline': () => {
    const p = new core.Portfolio({ today: TODAY });
    for (let i = 0; i < files.length; i++) p.upsert(files[i], readFileSync(files[i], 'utf8'));
    sink += p.timeline().length;
  },
};
const only = process.env.STAGE;
const times = {};
const allocs = {};
for (let r = 0; r < passes; r++) {
  for (const [name, run] of Object.entries(stages)) {
    if (only && !name.includes(only)) continue;
    globalThis.gc?.();
    // Let V8's background GC threads finish: process CPU time would charge their work to this stage.
    await new Promise((resolve) => setTimeout(resolve, 20));
    // CPU time of this process: another job on a shared machine steals wall time, not CPU time.
    const t0 = process.cpuUsage();
    const h0 = process.memoryUsage().heapUsed;
    run();
    const t = process.cpuUsage(t0);
    (times[name] ??= []).push((t.user + t.system) / files.length);
    // With ALLOC=1 under `--max-semi-space-size=1024` no GC runs in a pass: the heap growth is what the stage allocates.
    if (process.env.ALLOC) (allocs[name] ??= []).push((process.memoryUsage().heapUsed - h0) / files.length);
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = med(times['read (utf8, the floor)'] ?? [1]);
for (const [name, xs] of Object.entries(times)) {
  const alloc = allocs[name] ? `  ${(Math.min(...allocs[name]) / 1024).toFixed(1).padStart(6)} KB/note allocated` : '';
  console.log(`${name.padEnd(54)} ${med(xs).toFixed(1).padStart(7)} µs/note (min ${Math.min(...xs).toFixed(1).padStart(6)})  ${(med(xs) / floor).toFixed(2).padStart(6)}× read${alloc}`);
}
if (sink === 0.5) console.log(sink);
