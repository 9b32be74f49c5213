import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, _resetFake } from './fake-obsidian';

// Strings, not `new URL`: under happy-dom the global URL is the DOM's, which node:url rejects.
export const TEST_DIR = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_VAULT = join(TEST_DIR, 'fixtures/vault');
export const EXAMPLE_VAULT = join(TEST_DIR, '../../../examples/vault');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** Files of a vault folder as `{ vault-relative path: text }`. */
export function readVault(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const p of walk(dir)) files.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
  return files;
}

/** The shared example vault when it exists, plus our own edge-case fixtures (hostile names, broken YAML). */
export function seedFiles(): Map<string, string> {
  const files = existsSync(EXAMPLE_VAULT) ? readVault(EXAMPLE_VAULT) : new Map<string, string>();
  for (const [p, t] of readVault(FIXTURE_VAULT)) if (!files.has(p)) files.set(p, t);
  return files;
}

export function makeApp(files: Map<string, string> = readVault(FIXTURE_VAULT)): App {
  _resetFake();
  const app = new App();
  for (const [p, t] of files) app.vault.seed(p, t);
  return app;
}

/** Lets pending promise callbacks and 0-ms timers run. */
export async function flush(ms = 0): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}
