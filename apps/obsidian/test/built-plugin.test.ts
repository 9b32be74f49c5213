import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as fake from './fake-obsidian';
import { flush, makeApp, seedFiles } from './harness';
import { APP_DIR, DIST_MAIN, buildDist, requireBuilt } from './load-built';

// Issue #3 budgets main.js at 150 KB minified. What weighs most: js-yaml's loader, the bilingual
// playbooks and prompts, zod/mini (see bench/FINDINGS.md for how it got under).
const BUDGET_BYTES = 150 * 1024;

beforeAll(() => buildDist());

describe('dist/ folder', () => {
  it('holds main.js, manifest.json and styles.css, ready to drop into .obsidian/plugins/baton/', () => {
    const manifest = JSON.parse(readFileSync(join(APP_DIR, 'dist/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['id']).toBe('baton');
    expect(manifest['isDesktopOnly']).toBe(false);
    expect(readFileSync(join(APP_DIR, 'dist/styles.css'), 'utf8')).toContain('.baton-event');
    const js = readFileSync(DIST_MAIN, 'utf8');
    expect(js).not.toContain('sourceMappingURL');
    // Mobile has no Node or Electron: the bundle must not ask for them.
    expect(js).not.toMatch(/require\("(?:fs|path|child_process|electron|node:[a-z_]+)"\)/);
    // Safari before 16.4 (older iPhones and iPads) refuses a whole script holding a regex lookbehind.
    expect(js).not.toMatch(/\(\?<[=!]/);
    // The manifest asks for the Obsidian that has every API the bundle calls (`vault.getFileByPath` is 1.5.7).
    expect(manifest['minAppVersion']).toBe('1.5.7');
  });

  it(`main.js stays within the ${BUDGET_BYTES / 1024} KB budget`, () => {
    const size = statSync(DIST_MAIN).size;
    expect(size, `dist/main.js is ${(size / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

describe('the built plugin in a fake Obsidian', () => {
  it('loads, indexes after layout-ready, runs every command, opens the timeline and unloads cleanly', async () => {
    const files = seedFiles();
    const app = makeApp(files);
    const { default: BatonPlugin } = requireBuilt();
    const plugin = new BatonPlugin(app, { id: 'baton', name: 'Baton', version: '0.1.0', minAppVersion: '1.5.0' }) as fake.Plugin & {
      index: { ready: boolean; portfolio: { size: number; timeline(): { file: string; date: string; kind: string }[] }; listenerCount: number };
      settings: { calendarPath: string; accountsFolder: string };
      statusBar: { el: HTMLElement };
      checkDay(d: Date): void;
    };
    await plugin.loadAsync();
    plugin.checkDay(new Date(2026, 10, 22)); // pin "today": the view's window is relative to it

    // onload only registers: nothing listens to the vault and nothing was read yet.
    expect(app.vault.listenerCount()).toBe(0);
    expect(app.metadataCache.listenerCount()).toBe(0);
    expect(plugin.index.ready).toBe(false);
    const ids = Object.keys(app.commands.commands).sort();
    expect(ids).toEqual(
      ['add-stakeholder', 'check-handoff', 'export-calendar', 'insert-checklist', 'insert-stakeholder-matrix', 'new-account', 'open-timeline', 'reanchor-checklists'].map((c) => `baton:${c}`),
    );
    expect(plugin.ribbonIcons).toHaveLength(1);
    expect(plugin.settingTabs).toHaveLength(1);

    // Indexing reads Obsidian's parse of each note (frontmatter, list items) from metadataCache:
    // for one note the cache says something the text does not, and the index follows the cache.
    const probe = [...files].find(([, t]) => /^baton: account\s*$/m.test(t.split('\n---')[0] ?? ''))?.[0] ?? '';
    const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
    app.metadataCache.getFileCache = (f) => {
      const c = getFileCache(f);
      return f.path === probe && c?.frontmatter ? { ...c, frontmatter: { ...c.frontmatter, renewal_date: '2099-12-31' } } : c;
    };
    await app.workspace._layoutReady();
    app.metadataCache.getFileCache = getFileCache;
    expect(plugin.index.ready).toBe(true);
    expect(plugin.index.portfolio.timeline().some((e) => e.file === probe && e.kind === 'renewal' && e.date === '2099-12-31')).toBe(true);
    const accountFiles = [...files].filter(([, t]) => /^baton: account\s*$/m.test(t.split('\n---')[0] ?? '')).length;
    expect(plugin.index.portfolio.size).toBe(accountFiles);
    expect(app.vault.listenerCount()).toBeGreaterThan(0);

    // New account handoff note: the modal, then the note in the accounts folder, opened.
    await app.commands.executeCommandById('baton:new-account');
    const modal = fake.Modal.opened.at(-1) as fake.Modal & { values: Record<string, string>; submit(): Promise<void> };
    Object.assign(modal.values, { account: 'Zephyr Test Co', contractStart: '2026-10-01', termMonths: '12', csmOwner: 'Mia Chen' });
    await modal.submit();
    const path = `${plugin.settings.accountsFolder}/Zephyr Test Co.md`;
    const created = app.vault.getFileByPath(path);
    expect(created, fake.Notice.messages.join('\n')).not.toBeNull();
    expect(app.workspace.getActiveFile()).toBe(created);
    const text = (): string => (created ? readNote(app, created.path) : '');
    expect(text()).toContain('baton: account');
    await flush();
    expect(plugin.index.portfolio.timeline().some((e) => e.file === path && e.kind === 'renewal' && e.date === '2027-09-30')).toBe(true);
    expect(plugin.statusBar.el.textContent).toBe('Handoff 0/5');

    // Note commands run on the active note.
    const before = text();
    await app.commands.executeCommandById('baton:insert-stakeholder-matrix');
    await flush();
    expect(text()).toBe(before); // the template already has the matrix: nothing to change
    expect(fake.Notice.messages.at(-1)).toMatch(/Nothing to change/);

    await app.commands.executeCommandById('baton:add-stakeholder');
    const sm = fake.Modal.opened.at(-1) as fake.Modal & { name: string; keyPerson: boolean; submit(): Promise<void> };
    sm.name = 'Aoi Nakamura';
    sm.keyPerson = true;
    await sm.submit();
    expect(text()).toContain('Aoi Nakamura');

    await app.commands.executeCommandById('baton:insert-checklist');
    await flush();
    const picker = fake.Modal.opened.at(-1) as fake.FuzzySuggestModal<{ id: string; source: string; title: string }>;
    const items = picker.getItems();
    expect(items.some((t) => t.source === 'builtin')).toBe(true);
    expect(items.some((t) => t.source === 'team')).toBe(true);
    const chosen = picker._choose(items.find((t) => t.source === 'builtin')?.title ?? '');
    await flush();
    expect(text()).toContain(`baton:${chosen.id}.`);

    const afterChecklist = text();
    await app.commands.executeCommandById('baton:reanchor-checklists');
    await flush();
    expect(text()).toBe(afterChecklist); // dates already match the contract: idempotent

    await app.commands.executeCommandById('baton:check-handoff');
    await flush();
    expect(fake.Notice.messages.at(-1)).toMatch(/^Handoff 0\/5 — missing: /);
    // An edit of the active note: the status bar counts its text (the index reads notes for the timeline only).
    await app.vault.modify(created as fake.TFile, text().replace('### Future vision\n', '### Future vision\n\n- Every site on it by 2028.\n'));
    await flush();
    expect(plugin.statusBar.el.textContent).toBe('Handoff 1/5');

    await app.commands.executeCommandById('baton:open-timeline');
    const leaf = app.workspace.getLeavesOfType('baton-timeline')[0];
    if (!leaf?.view) throw new Error('timeline view did not open');
    const root = (leaf.view as fake.ItemView).contentEl;
    expect(root.querySelectorAll('.baton-month').length).toBeGreaterThan(0);
    expect(root.querySelector('.baton-today')).not.toBeNull();
    expect(root.textContent).toContain('Zephyr Test Co');

    // A click opens the note at the event's line.
    const ev = root.querySelector<HTMLElement>('.baton-event');
    ev?.click();
    await flush();
    const opened = app.workspace._leaves.flatMap((l) => l.openedFiles).at(-1);
    expect(opened?.state).toMatchObject({ eState: { line: expect.any(Number) } });

    await app.commands.executeCommandById('baton:export-calendar');
    await flush();
    const ics = readNote(app, plugin.settings.calendarPath);
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(fake.Notice.messages.at(-1)).toContain(plugin.settings.calendarPath);

    // Live updates: an edit, a rename and a delete reach the open view.
    await app.vault.modify(created as fake.TFile, text().replace('renewal_date: 2027-09-30', 'renewal_date: 2027-03-15'));
    await flush(400);
    expect(plugin.index.portfolio.timeline().some((e) => e.file === path && e.kind === 'renewal' && e.date === '2027-03-15')).toBe(true);
    expect(root.textContent).toContain('2027-03-15');
    await app.vault.rename(created as fake.TFile, 'Archive/Zephyr.md');
    expect(plugin.index.portfolio.timeline().some((e) => e.file === 'Archive/Zephyr.md')).toBe(true);
    await app.vault.delete(created as fake.TFile);
    await flush(400);
    expect(plugin.index.portfolio.timeline().some((e) => e.file.includes('Zephyr'))).toBe(false);
    expect(root.textContent).not.toContain('Zephyr Test Co');

    // Unload: every listener, interval and DOM handler goes away, and the view closes.
    plugin.unload();
    await flush(); // views close asynchronously, as in Obsidian
    expect(fake.registry).toEqual({ events: 0, intervals: 0, domEvents: 0 });
    expect(app.vault.listenerCount()).toBe(0);
    expect(app.metadataCache.listenerCount()).toBe(0);
    expect(app.workspace.listenerCount()).toBe(0);
    expect(app.workspace.getLeavesOfType('baton-timeline')).toHaveLength(0);
    expect(plugin.index.listenerCount).toBe(0);
    expect(Object.keys(app.commands.commands)).toHaveLength(0);
  });
});

describe('YAML in the built bundle', () => {
  // The bundle requires js-yaml's loader lazily, on the first parse (scripts/esbuild-lean-yaml.mjs).
  // These run the bundled parser itself: core schema semantics and line-numbered YAML errors.
  /** Loads the built plugin on a vault holding one note, opens it and inserts the stakeholder matrix. */
  async function insertMatrixInto(path: string, text: string): Promise<string> {
    const app = makeApp(new Map([[path, text]]));
    const { default: BatonPlugin } = requireBuilt();
    const plugin = new BatonPlugin(app, { id: 'baton', name: 'Baton', version: '0.1.0', minAppVersion: '1.5.0' });
    await plugin.loadAsync();
    await app.workspace._layoutReady();
    const file = app.vault.getFileByPath(path);
    if (!file) throw new Error('seed missing');
    await app.workspace.getLeaf().openFile(file);
    await app.commands.executeCommandById('baton:insert-stakeholder-matrix');
    await flush();
    const after = readNote(app, path);
    plugin.unload();
    return after;
  }

  it('a broken frontmatter is refused with its line, and the note is left as it was', async () => {
    const broken = ['---', 'baton: account', 'account: [Acme', 'contract_start: 2026-04-01', 'term_months: 12', '---', '', '# Acme', ''].join('\n');
    expect(await insertMatrixInto('Accounts/Broken.md', broken)).toBe(broken);
    // js-yaml's own position (the unclosed `[` on line 3 is noticed on line 3 or 4), not a fallback to line 1.
    expect(fake.Notice.messages.at(-1)).toMatch(/Accounts\/Broken\.md:[34] /);
  });

  it('nested YAML with anchors, aliases, a merge key and a block string reads as js-yaml reads it (the build renames js-yaml internals)', async () => {
    const note = [
      '---',
      'baton: account',
      'account: Acme',
      'contract_start: 2026-04-01',
      'term_months: 12',
      'defaults: &d',
      '  region: JP',
      '  seats: 40',
      'site:',
      '  <<: *d',
      '  seats: 45',
      'copy: *d',
      'tags: [a, b]',
      'memo: |',
      '  first line',
      '    indented',
      '---',
      '',
      '# Acme',
      '',
    ].join('\n');
    const after = await insertMatrixInto('Accounts/Acme.md', note);
    expect(after.startsWith(note.slice(0, note.indexOf('# Acme')))).toBe(true);
    expect(after).toMatch(/\|[^\n]*\|\n\|[ :|-]+\|/); // a table was inserted: the frontmatter validated
  });

  it('a tab in an indentation and an unknown alias are refused with their lines', async () => {
    const tab = ['---', 'baton: account', 'account: Acme', 'contract_start: 2026-04-01', 'term_months: 12', 'site:', '  region: JP', '\tseats: 4', '---', '', '# Acme', ''].join('\n');
    expect(await insertMatrixInto('Accounts/Tab.md', tab)).toBe(tab);
    expect(fake.Notice.messages.at(-1)).toMatch(/Accounts\/Tab\.md:[6-9] /);
    const alias = ['---', 'baton: account', 'account: Acme', 'contract_start: 2026-04-01', 'term_months: 12', 'copy: *nowhere', '---', '', '# Acme', ''].join('\n');
    expect(await insertMatrixInto('Accounts/Alias.md', alias)).toBe(alias);
    expect(fake.Notice.messages.at(-1)).toMatch(/Accounts\/Alias\.md:[67] /);
  });

  it('explicit tags resolve through the bundle (the build renames js-yaml\'s tag bookkeeping); an unknown tag is refused with its line', async () => {
    const tagged = ['---', 'baton: account', 'account: !<tag:yaml.org,2002:str> Acme', 'contract_start: !!str 2026-04-01', 'term_months: !!int "24"', 'seats: !!seq [1, 2]', '---', '', '# Acme', ''].join('\n');
    const after = await insertMatrixInto('Accounts/Tagged.md', tagged);
    expect(after.startsWith(tagged.slice(0, tagged.indexOf('# Acme')))).toBe(true);
    expect(after).toMatch(/\|[^\n]*\|\n\|[ :|-]+\|/); // a table was inserted: `!!int "24"` read as 24, the rest as written
    const unknown = ['---', 'baton: account', 'account: Acme', 'contract_start: 2026-04-01', 'term_months: 12', 'odd: !!timestamp 2026-04-01', '---', '', '# Acme', ''].join('\n');
    expect(await insertMatrixInto('Accounts/Unknown.md', unknown)).toBe(unknown);
    expect(fake.Notice.messages.at(-1)).toMatch(/Accounts\/Unknown\.md:[67] .*unknown tag/);
  });

  it('dates stay strings and numbers are numbers (core schema), so an edit keeps the account intact', async () => {
    const note = ['---', 'baton: account', 'account: Acme', 'contract_start: 2026-04-01', 'term_months: 12', 'arr: 1_200_000', '---', '', '# Acme', ''].join('\n');
    const after = await insertMatrixInto('Accounts/Acme.md', note);
    expect(after.startsWith(note.slice(0, note.indexOf('# Acme')))).toBe(true);
    expect(after).toMatch(/\|[^\n]*\|\n\|[ :|-]+\|/); // a table was inserted: the frontmatter validated
  });
});

function readNote(app: fake.App, path: string): string {
  const f = app.vault.getFileByPath(path);
  if (!f) throw new Error(`missing ${path}`);
  return (app.vault as unknown as { files: Map<string, { text: string }> }).files.get(f.path)?.text ?? '';
}
