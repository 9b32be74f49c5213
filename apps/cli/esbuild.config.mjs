// One ESM file with core bundled in, runnable as `node dist/baton.js` or through the `baton` bin.
import { build } from 'esbuild';
import { chmod, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(await readFile(`${here}package.json`, 'utf8'));

await build({
  absWorkingDir: here,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/baton.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
  define: { BATON_VERSION: JSON.stringify(pkg.version) },
});
await chmod(`${here}dist/baton.js`, 0o755);
const { size } = await stat(`${here}dist/baton.js`);
console.log(`dist/baton.js ${(size / 1024).toFixed(1)} KB`);
