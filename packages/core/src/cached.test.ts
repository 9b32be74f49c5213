import { load, CORE_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { accountNote } from './__fixtures__/notes.js';
import { parseAccountNote } from './account.js';
import { accountNoteFromCache } from './cached.js';
import { Portfolio } from './portfolio.js';

/** What Obsidian's metadataCache would hold for a note. */
function obsidianCache(text: string) {
  const lines = text.split('\n');
  const end = lines.indexOf('---', 1);
  const listItems = lines.flatMap((l, i) => {
    const m = /^\s*[-*+] \[(.)\]/.exec(l);
    return m ? [{ task: m[1], position: { start: { line: i } } }] : [];
  });
  return { frontmatter: { ...(load(lines.slice(1, end).join('\n'), { schema: CORE_SCHEMA }) as object), position: { start: { line: 0 } } }, listItems };
}

describe('accountNoteFromCache', () => {
  const text = accountNote({ account: 'Acme', kickoff_date: '2026-05-01' }, '- [ ] Call 📅 2026-12-01\n- [x] Done 📅 2026-06-01\n```\n- [ ] fenced 📅 2026-07-01\n```\n');

  it('reads the same account, tasks and problems as a full parse', () => {
    const full = parseAccountNote(text);
    const cached = accountNoteFromCache(text, obsidianCache(text));
    expect(cached.account).toEqual(full.account);
    expect(cached.tasks).toEqual(full.tasks);
    expect(cached.problems).toEqual(full.problems);
    expect(cached.tasks.map((t) => t.title)).toEqual(['Call', 'Done']);
  });

  it('gives the Portfolio the same timeline', () => {
    const a = new Portfolio({ today: '2026-11-22' });
    const b = new Portfolio({ today: '2026-11-22' });
    a.upsert('a.md', text);
    b.upsertParsed('a.md', accountNoteFromCache(text, obsidianCache(text)));
    expect(b.timeline()).toEqual(a.timeline());
  });

  it('validates cached values with the same schema and falls back without a mapping', () => {
    const bad = accountNoteFromCache(text, { frontmatter: { baton: 'account', account: 'Acme', contract_start: 'soon', term_months: 12 } });
    expect(bad.account).toBeUndefined();
    expect(bad.problems.map((p) => p.field)).toContain('contract_start');
    expect(accountNoteFromCache(text, {}).account).toEqual(parseAccountNote(text).account);
  });

  it('reads a Date the host hands over as the day written, and ignores the host\'s position key', () => {
    const fm = { baton: 'account', account: 'Acme', contract_start: new Date('2026-04-01T00:00:00Z'), term_months: 12, position: { start: 0 } };
    const n = accountNoteFromCache(text, { frontmatter: fm });
    expect(n.problems.filter((p) => p.field === 'contract_start')).toEqual([]);
    expect(n.account?.contract_start).toBe('2026-04-01');
    expect(n.account).not.toHaveProperty('position');
  });

  it('keeps a `__proto__` key as a plain key, as the full parse does, and leaves the prototype alone', () => {
    const withProto = accountNote({ account: 'Acme' }, '').replace('baton: account\n', 'baton: account\n__proto__: x\n');
    const full = parseAccountNote(withProto);
    const cache = obsidianCache(withProto);
    // YAML loaders and JSON.parse hand such a key over as an own property.
    expect(Object.hasOwn(cache.frontmatter, '__proto__')).toBe(true);
    const n = accountNoteFromCache(withProto, cache);
    expect(Object.getPrototypeOf(n.frontmatter.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(n.frontmatter.data, '__proto__')?.value).toBe('x');
    expect(n.frontmatter.data).toEqual(full.frontmatter.data);
    expect(n.account).toEqual(full.account);
    expect(n.problems).toEqual(full.problems);
  });
});
