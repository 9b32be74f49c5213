// Bundles @baton/core (TypeScript source) once per run so the bench measures the code hosts ship.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(ROOT, 'bench', '.cache');

export async function bundleCore() {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, 'core.mjs');
  await build({
    entryPoints: [join(ROOT, 'packages/core/src/index.ts')],
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
