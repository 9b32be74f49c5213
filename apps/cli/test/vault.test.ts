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

describe('readMarkdownFiles', () => {
  it('visits every Markdown file once, in code-point order, across read batches, and skips what vanished', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'baton-walk-'));
    try {
      const expected: string[] = [];
      // 150 files in nested folders: more than two read batches, and batches that span folders.
      for (const dir of ['A', 'B/c', 'b']) {
        mkdirSync(join(root, dir), { recursive: true });
        for (let i = 0; i < 50; i++) writeFileSync(join(root, dir, `n${String(i).padStart(2, '0')}.md`), `# ${dir} ${i}\n`);
      }
      writeFileSync(join(root, 'b', 'skip.txt'), 'not markdown');
      mkdirSync(join(root, '.obsidian'));
      writeFileSync(join(root, '.obsidian', 'x.md'), 'settings');
      // A dangling link: listed, but it cannot be read.
      symlinkSync(join(root, 'gone.md'), join(root, 'B', 'dangling.md'));
      for (const dir of ['A', 'B/c', 'b']) for (let i = 0; i < 50; i++) expected.push(`${dir}/n${String(i).padStart(2, '0')}.md`);
      const files = readMarkdownFiles(root);
      expect(files.map((f) => f.file)).toEqual(expected);
      // Each text is its own file's.
      for (const f of files) expect(f.text).toBe(`# ${f.file.slice(0, f.file.lastIndexOf('/'))} ${Number(f.file.slice(-5, -3))}\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
