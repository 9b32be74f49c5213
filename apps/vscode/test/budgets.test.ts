import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SETTING_DEFAULTS } from '@baton/core';
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

  it('the built bundle (dist/extension.js, what the .vsix ships) is one minified file of at most 250 KB', () => {
    const cfg = readFileSync(`${root}/esbuild.config.mjs`, 'utf8');
    expect(cfg).toContain('minify: true');
    const bundle = readFileSync(`${root}/dist/extension.js`);
    expect(bundle.length).toBeLessThanOrEqual(250 * 1024);
  });

  it('settings defaults in package.json are core’s SETTING_DEFAULTS', () => {
    const props = (manifest.contributes as unknown as { configuration: { properties: Record<string, { default: unknown }> } }).configuration.properties;
    for (const [k, v] of Object.entries(SETTING_DEFAULTS)) expect(props[`baton.${k}`]?.default, k).toEqual(v);
  });
});
