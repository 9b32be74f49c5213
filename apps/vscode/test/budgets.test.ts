import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { activationEvents: string[]; contributes: { commands: { command: string }[] } };

describe('budgets', () => {
  it('never activates on *', () => {
    expect(manifest.activationEvents.length).toBeGreaterThan(0);
    expect(manifest.activationEvents.some((e) => e === '*' || e.includes('*'))).toBe(false);
  });

  it('every contributed command has an onCommand activation event', () => {
    for (const c of manifest.contributes.commands) expect(manifest.activationEvents).toContain(`onCommand:${c.command}`);
  });

  it('bundles to one minified file of at most 250 KB', async () => {
    const cfg = readFileSync(`${root}/esbuild.config.mjs`, 'utf8');
    expect(cfg).toContain('minify: true');
    const r = await build({
      entryPoints: [`${root}/src/extension.ts`],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      write: false,
    });
    const size = r.outputFiles[0]!.contents.length;
    expect(size).toBeLessThanOrEqual(250 * 1024);
  }, 30000);
});
