import { execFileSync } from 'node:child_process';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fake from './fake-obsidian';
import { TEST_DIR } from './harness';

export const APP_DIR = join(TEST_DIR, '..');
export const DIST_MAIN = join(APP_DIR, 'dist/main.js');

/** Runs the production build so the tests exercise exactly what users install. */
export function buildDist(): void {
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: APP_DIR, stdio: 'pipe' });
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Requires the built bundle with `require('obsidian')` answered by the fake, as Obsidian's
 * own loader would answer it with the real API.
 */
export function requireBuilt(): { default: new (app: fake.App, manifest: fake.PluginManifest) => fake.Plugin } {
  const M = Module as unknown as { _load: Loader };
  const original = M._load;
  M._load = function (request, parent, isMain) {
    if (request === 'obsidian') return fake;
    return original.call(this, request, parent, isMain);
  };
  try {
    const req = createRequire(join(APP_DIR, 'package.json'));
    delete req.cache[DIST_MAIN];
    return req(DIST_MAIN) as ReturnType<typeof requireBuilt>;
  } finally {
    M._load = original;
  }
}
