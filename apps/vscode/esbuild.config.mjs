// Bundles the extension to one minified CommonJS file (VS Code loads one file far faster than
// many) and, separately, the in-host mocha integration suite used by scripts/e2e.sh.
import { build } from 'esbuild';
import { leanYaml } from '../../scripts/esbuild-lean-yaml.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'none',
  external: ['vscode'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  // js-yaml's loader only, required on the first parse (see the plugin), as in the Obsidian build.
  plugins: [leanYaml],
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
    entryPoints: {
      index: 'test-integration/index.ts',
      suite: 'test-integration/suite.ts',
      // The multi-root run (a two-folder .code-workspace) has its own entry and suite.
      'multi-root': 'test-integration/multi-root.ts',
      'multi-root.suite': 'test-integration/multi-root.suite.ts',
    },
    outdir: 'out/test',
    external: ['vscode', 'mocha'],
  });
}
