// Startup cost of the built plugin, the way Obsidian measures it: require(main.js) + onload.
// Also: indexing a synthetic vault after layout-ready, and the bundle size against its budget.
// Usage: pnpm --filter @baton/obsidian bench [--accounts 2000] [--runs 25]
import { build } from 'esbuild';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const here = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg('runs', 25);
const ACCOUNTS = arg('accounts', 2000);
const BUDGET = 150 * 1024;
const MAIN = join(here, 'dist/main.js');

const win = new Window();
Object.assign(globalThis, { window: win, document: win.document, HTMLElement: win.HTMLElement, MouseEvent: win.MouseEvent, Event: win.Event });

const tmp = mkdtempSync(join(tmpdir(), 'baton-bench-'));
const fakeFile = join(tmp, 'fake.cjs');
const out = await build({ absWorkingDir: here, entryPoints: ['test/fake-obsidian.ts'], bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'error' });
writeFileSync(fakeFile, out.outputFiles[0].text);
const req = createRequire(join(here, 'package.json'));
const fake = req(fakeFile);
const original = Module._load;
Module._load = function (request, parent, isMain) {
  return request === 'obsidian' ? fake : original.call(this, request, parent, isMain);
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const manifest = { id: 'baton', name: 'Baton', version: '0.1.0', minAppVersion: '1.5.0' };

function note(i) {
  const start = `2026-${String((i % 12) + 1).padStart(2, '0')}-01`;
  return `---\nbaton: account\naccount: Account ${i}\nstage: running\ncontract_start: ${start}\nterm_months: 12\nnotice_days: 60\ncsm_owner: Owner ${i % 17}\n---\n\n# Account ${i}\n\n## Handoff\n\n### Stakeholders and decision makers\n\n- A director decides.\n\n## Checklists\n\n- [ ] Kickoff 📅 ${start}\n- [x] Welcome mail 📅 ${start}\n`;
}

const load = [];
const loadOnly = [];
for (let r = 0; r < RUNS; r++) {
  const app = new fake.App();
  delete req.cache[MAIN];
  const t0 = performance.now();
  const { default: Plugin } = req(MAIN);
  const t1 = performance.now();
  const plugin = new Plugin(app, manifest);
  await plugin.loadAsync();
  const t2 = performance.now();
  load.push(t2 - t0);
  loadOnly.push(t2 - t1);
  plugin.unload();
}

const index = [];
const reads = [];
for (let r = 0; r < 5; r++) {
  const app = new fake.App();
  for (let i = 0; i < ACCOUNTS; i++) app.vault.seed(`Accounts/${i}.md`, note(i));
  // Baseline in the same run: just reading every note through the vault API.
  const b0 = performance.now();
  for (const f of app.vault.getMarkdownFiles()) await app.vault.cachedRead(f);
  reads.push(performance.now() - b0);
  const { default: Plugin } = req(MAIN);
  const plugin = new Plugin(app, manifest);
  await plugin.loadAsync();
  const t0 = performance.now();
  await app.workspace._layoutReady();
  index.push(performance.now() - t0);
  if (plugin.index.portfolio.size !== ACCOUNTS) throw new Error('index incomplete');
  plugin.unload();
}

const size = statSync(MAIN).size;
console.log(`require + onload of dist/main.js: median ${median(load).toFixed(2)} ms (spread ${spread(load)}), onload alone ${median(loadOnly).toFixed(2)} ms, ${RUNS} runs`);
console.log(`index ${ACCOUNTS} accounts after layout-ready: median ${median(index).toFixed(0)} ms = ${(median(index) / ACCOUNTS * 1000).toFixed(0)} µs/note; raw vault reads ${median(reads).toFixed(1)} ms`);
console.log(`dist/main.js: ${(size / 1024).toFixed(1)} KB (budget ${BUDGET / 1024} KB)${size > BUDGET ? ' — OVER BUDGET' : ''}`);
rmSync(tmp, { recursive: true, force: true });
process.exitCode = size > BUDGET ? 1 : 0;
