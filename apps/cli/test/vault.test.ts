import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault.js';
import { readMarkdownFiles } from '../src/io.js';
import { TODAY, VAULT } from './helpers.js';

describe('loadVault', () => {
  it('indexes every account note and keeps the text of only the files asked for', () => {
    const all = readMarkdownFiles(VAULT);
    const templates = all.filter((f) => /^baton:\s*checklist\s*$/m.test(f.text)).map((f) => f.file);
    expect(templates.length).toBeGreaterThan(0);
    const vault = loadVault(VAULT, { today: TODAY, locale: undefined }, (text) => /^baton:\s*checklist\s*$/m.test(text));
    expect(vault.kept.map((f) => f.file)).toEqual(templates);
    expect(vault.accountFiles).toEqual(all.filter((f) => /^baton:\s*account\s*$/m.test(f.text)).map((f) => f.file));
    expect(vault.portfolio.size).toBe(vault.accountFiles.length);
    // Without `keep`, no text at all is held.
    expect(loadVault(VAULT, { today: TODAY, locale: undefined }).kept).toEqual([]);
  });
});
