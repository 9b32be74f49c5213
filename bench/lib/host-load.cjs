// Child process: times require + onload (Obsidian) or require + activate (VS Code) in fresh module caches.
'use strict';
const Module = require('node:module');
const fakes = require('./fakes.cjs');
const [kind, file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 15);
// esbuild's CJS interop copies a module's own keys, so the fakes name every member the bundle uses.
const names = [...new Set(require('node:fs').readFileSync(file, 'utf8').match(/(?<=\.)[A-Za-z_$][\w$]*/g) ?? [])];
const fakeModule = kind === 'obsidian' ? fakes.obsidian() : fakes.vscode();
const concrete = {};
for (const n of names) concrete[n] = fakeModule[n];
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'obsidian' || request === 'vscode') return concrete;
  return origLoad.call(this, request, parent, isMain);
};
(async () => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    for (const k of Object.keys(require.cache)) if (!k.includes('fakes.cjs')) delete require.cache[k];
    const t0 = performance.now();
    const mod = require(file);
    if (kind === 'obsidian') {
      const P = mod.default ?? mod;
      const plugin = new P(fakes.fakeApp(), { id: 'baton', version: '0.0.0', dir: '.' });
      await plugin.onload();
    } else {
      const context = new Proxy({ subscriptions: [], extensionUri: fakes.fakeValue('uri'), extensionPath: '.', globalState: fakes.fakeValue('gs'), workspaceState: fakes.fakeValue('ws'), asAbsolutePath: (p) => p }, { get: (t, k) => (k in t ? t[k] : fakes.fakeValue(String(k))) });
      await mod.activate(context);
    }
    times.push(performance.now() - t0);
  }
  process.stdout.write(JSON.stringify(times));
})().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e) }));
});
