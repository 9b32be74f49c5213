// Production build: one minified CommonJS file plus manifest and styles, ready to copy into
// `<vault>/.obsidian/plugins/baton/`.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { minify } from 'terser';
import { fileURLToPath } from 'node:url';
import { leanYaml } from '../../scripts/esbuild-lean-yaml.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = `${here}dist`;
const watch = process.argv.includes('--watch');

await mkdir(out, { recursive: true });
await build({
  absWorkingDir: here,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2022',
  charset: 'utf8',
  plugins: [leanYaml],
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  treeShaking: true,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*'],
});
if (!watch) {
  // A second pass with terser: module-level compression esbuild does not do (−1.8 KB, for the
  // 150 KB budget; a third compress pass −58 B). `pure_getters` (−63 B) lets terser treat a
  // property read as free of side effects: no getter in Baton, js-yaml or the Obsidian objects the
  // plugin reads has one, and no code reads a property only for its effect (no layout reads).
  // `mangle.properties` renames js-yaml's own bookkeeping (the loader's state, the compiled schema:
  // −1.2 KB; with `lineStart`, `tag`, `tagMap`, `listener`, `documents`, `filename` and `result`
  // −0.6 KB more: names neither Baton nor the Obsidian objects it reads use. `builtins: true` lets
  // terser rename the ones that are also DOM property names; only the names listed are touched).
  // The list ends with core's Portfolio internals (its records, string table and memo slots, and the
  // methods that pack and unpack a record: −0.55 KB): the plugin reaches the Portfolio only through
  // its public methods, nothing reads these names as strings, and the built-plugin tests index,
  // edit, rename and delete notes and draw the timeline through this bundle. Last come the plugin's
  // own private members (the plugin class's command list, ribbon, day and read helpers; the
  // index's listeners, the status bar's deps and sequence number, the timeline view's debounced
  // render): none is an Obsidian API name (`onLayoutReady`, which is, stays off the list). Only names no other code in the bundle uses, and that js-yaml never holds as strings
  // (its type-option names are compared as strings, so they are not on the list); the built-plugin
  // tests read anchors, aliases, merge keys, block strings and YAML errors through this bundle. The tests load this exact file. Comments and source maps stay out.
  // `unsafe_arrows` (−1.1 KB) turns function expressions that never use `this` into arrows; it is
  // safe here because no such function is called with `new` or has its `prototype` read (Baton's
  // code uses classes; js-yaml's constructors use `this`), and the built-plugin tests run the
  // bundle, js-yaml's error path included.
  // `unsafe` (−527 B) assumes built-ins are not replaced: `String(x)` → `x + ""`, `new Array(n)` →
  // `Array(n)`, template literals → `+`, a frozen array's `length` inlined. They differ only for a
  // Symbol or an object whose `valueOf` differs from its `toString`; Baton and js-yaml turn only
  // strings, numbers, booleans, null, plain objects, arrays and Errors into text. (`unsafe_comps`
  // is not used: it rewrites `!(a < b)` to `a >= b`, which is wrong for NaN, and day numbers of
  // impossible dates are NaN.)
  const code = await readFile(`${out}/main.js`, 'utf8');
  const result = await minify(code, { ecma: 2020, module: false, toplevel: true, compress: { passes: 3, unsafe: true, unsafe_arrows: true, pure_getters: true }, mangle: { toplevel: true, properties: { regex: /^(?:lineIndent|firstTabInLine|anchorMapTransactions|maxTotalMergeKeys|totalMergeKeys|anchorMap|checkLineBreaks|maxDepth|implicitTypes|onWarning|typeMap|compiledImplicit|compiledExplicit|compiledTypeMap|isNegativeZero|isNothing|loadKind|legacy|lineStart|tag|tagMap|listener|documents|filename|result|records|stringIds|recentRefs|recent|unreadable|lintRef|buildEvents|removeEvents|addEvents|accountOf|problemsOf|tasksOf|packValue|packDay|unpackDay|keyLine|refAt|keepsProblems|commandsAdded|touched|currentDay|applySettings|readPath|indexFile|addBatonCommand|mayBeAccount|unloaded|ribbon|listeners|deps|seq|scheduleRender)$/, builtins: true } }, format: { comments: false } });
  if (typeof result.code !== 'string') throw new Error('terser produced no code');
  await writeFile(`${out}/main.js`, result.code);
}
await copyFile(`${here}manifest.json`, `${out}/manifest.json`);
await copyFile(`${here}styles.css`, `${out}/styles.css`);
const { size } = await stat(`${out}/main.js`);
console.log(`dist/main.js ${(size / 1024).toFixed(1)} KB`);
