// Bundles the extension to one minified CommonJS file (VS Code loads one file far faster than
// many) and, separately, the in-host mocha integration suite used by scripts/e2e.sh.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

// `import { z } from 'zod'` defeats tree shaking (the `z` namespace drags in every locale:
// ~450 KB); `import * as z` keeps ~90 KB. Rewrites core's import until core changes it.
const zodNamespace = {
  name: 'zod-namespace',
  setup(b) {
    b.onLoad({ filter: /packages[\\/]core[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replace(/import\s*\{\s*z\s*\}\s*from\s*'zod';/g, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'none',
  external: ['vscode'],
  logLevel: 'warning',
  plugins: [zodNamespace],
};

await build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  minify: true,
  metafile: false,
});

await build({
  entryPoints: ['src/webview/main.ts'],
  outfile: 'media/timeline.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  logLevel: 'warning',
});

if (process.argv.includes('--tests')) {
  await build({
    ...common,
    entryPoints: { index: 'test-integration/index.ts', suite: 'test-integration/suite.ts' },
    outdir: 'out/test',
    external: ['vscode', 'mocha'],
  });
}
