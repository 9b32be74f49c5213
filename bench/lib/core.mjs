// Bundles @baton/core (TypeScript source) once per run so the bench measures the code hosts ship.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(ROOT, 'bench', '.cache');

/**
 * Bundles core's source to `bench/.cache/<name>` as one ESM file. `contents` is an entry module
 * resolved in `dir` (packages/core/src by default, to reach internals); the public index by default.
 */
export async function bundleCore(name = 'core.mjs', contents = "export * from './index.ts';", dir = 'packages/core/src') {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, name);
  await build({
    stdin: { contents, resolveDir: join(ROOT, dir), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

export async function loadCore() {
  return import(pathToFileURL(await bundleCore()).href);
}

/**
 * Bundles the CLI's vault loader (`apps/cli/src/vault.ts`, core included) as the CLI ships it: the
 * file is also its own second thread, as `dist/baton.js` is.
 */
export async function loadCliVault() {
  const entry = `import { isMainThread, workerData } from 'node:worker_threads';
import { helper, loadVault, runHelper } from './vault.ts';
if (!isMainThread && workerData?.batonIndex) runHelper(workerData);
else helper.script = new URL(import.meta.url);
export { helper, loadVault };`;
  return import(pathToFileURL(await bundleCore('cli-vault.mjs', entry, 'apps/cli/src')).href);
}
