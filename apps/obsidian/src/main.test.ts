import { createAccountNote } from '@baton/core';
import { describe, expect, it } from 'vitest';
import * as fake from '../test/fake-obsidian';
import { flush, makeApp } from '../test/harness';
import BatonPlugin from './main';

const MANIFEST = { id: 'baton', name: 'Baton', version: '0.1.0', minAppVersion: '1.5.0' };
const ACME = 'Accounts/Acme Logistics.md';

async function start(language = 'en', data?: unknown) {
  const app = makeApp();
  fake._setLanguage(language);
  const plugin = new BatonPlugin(app as never, MANIFEST as never);
  if (data !== undefined) await plugin.saveData(data);
  await (plugin as unknown as fake.Plugin).loadAsync();
  plugin.checkDay(new Date(2026, 10, 22)); // pin "today" (the plugin reads the clock, core never does)
  await app.workspace._layoutReady();
  return { app, plugin, fp: plugin as unknown as fake.Plugin };
}

function settingNamed(name: string): fake.Setting {
  const s = fake.Setting.all.find((x) => x.name === name);
  if (!s) throw new Error(`no setting ${name}`);
  return s;
}

describe('BatonPlugin wiring', () => {
  it('follows Obsidian language for command names when locale is auto', async () => {
    const { app } = await start('ja');
    expect(app.commands.commands['baton:open-timeline']?.name).toBe('Baton: 更新タイムラインを開く');
    const en = await start('en', { locale: 'en' });
    expect(en.app.commands.commands['baton:open-timeline']?.name).toBe('Baton: Open renewal timeline');
  });

  it('note commands are only offered while a Markdown note is active', async () => {
    const { app } = await start();
    const cmd = app.commands.commands['baton:check-handoff'];
    expect(cmd?.checkCallback?.(true)).toBe(false);
    app.workspace._setActiveFile(app.vault.getFileByPath(ACME));
    expect(cmd?.checkCallback?.(true)).toBe(true);
  });

  it('status bar follows the active note and its edits; a click runs the check', async () => {
    const { app, plugin, fp } = await start();
    const el = fp.statusBarItems[0] as HTMLElement;
    const file = app.vault.getFileByPath(ACME) as fake.TFile;
    app.workspace._setActiveFile(file);
    await flush();
    expect(el.textContent).toBe('Handoff 3/5');
    const text = await app.vault.read(file);
    await app.vault.modify(file, text.replace('### Future vision\n', '### Future vision\n\n- Run all 14 sites on it by 2028.\n'));
    await flush();
    expect(el.textContent).toBe('Handoff 4/5');
    el.click();
    await flush();
    expect(fake.Notice.messages.at(-1)?.split('\n')[0]).toBe('Handoff 4/5 — missing: Renewal and expansion outlook');
    app.workspace._setActiveFile(app.vault.getFileByPath('Meeting notes.md'));
    await flush();
    expect(el.classList.contains('is-hidden')).toBe(true);
    void plugin;
  });

  it("after an edit the status bar counts the handoff from the note's text (the index reads notes for the timeline only)", async () => {
    const { app, fp } = await start();
    const el = fp.statusBarItems[0] as HTMLElement;
    const file = app.vault.getFileByPath(ACME) as fake.TFile;
    app.workspace._setActiveFile(file);
    await flush();
    expect(el.textContent).toBe('Handoff 3/5');
    let reads = 0;
    const cachedRead = app.vault.cachedRead.bind(app.vault);
    app.vault.cachedRead = (f: fake.TFile) => (reads++, cachedRead(f));
    const text = await app.vault.read(file);
    // Proposal history emptied: two of five essentials left.
    const emptied = text.replace(/(### Proposal history\n)\n- [^\n]*\n/, '$1');
    expect(emptied).not.toBe(text);
    await app.vault.modify(file, emptied);
    await flush();
    expect(el.textContent).toBe('Handoff 2/5');
    // Future vision and outlook filled in: four of five.
    const filled = emptied
      .replace('### Future vision\n', '### Future vision\n\n- Run all 14 sites on it by 2028.\n')
      .replace('### Renewal and expansion outlook\n', '### Renewal and expansion outlook\n\n- Renewal likely; the Nagoya sites are the expansion.\n');
    await app.vault.modify(file, filled);
    await flush();
    expect(el.textContent).toBe('Handoff 4/5');
    // The 'changed' event's text was counted: the note was not read again.
    expect(reads).toBe(0);
  });

  it('settings tab edits reach the index; invalid input is not saved', async () => {
    const { plugin, fp } = await start();
    const tab = fp.settingTabs[0] as fake.PluginSettingTab;
    tab.display();
    const status = () => plugin.index.portfolio.timeline({ account: 'Acme Logistics', kind: 'task' }).find((e) => e.date === '2026-12-10')?.status;
    expect(status()).toBe('upcoming'); // 18 days out, due-soon window 14
    const dueSoon = settingNamed('Due soon (days)').components[0] as fake.TextComponent;
    await dueSoon._change('30');
    expect(plugin.settings.dueSoonDays).toBe(30);
    expect(status()).toBe('due-soon');
    await dueSoon._change('thirty');
    expect(plugin.settings.dueSoonDays).toBe(30);
    expect(dueSoon.inputEl.classList.contains('baton-invalid')).toBe(true);
    expect(dueSoon.inputEl.title).toBe('Not saved: enter a whole number from 0 to 365.');
    await dueSoon._change('366');
    expect(plugin.settings.dueSoonDays).toBe(30);
    expect(dueSoon.inputEl.title).toBe('Not saved: enter a whole number from 0 to 365.');
    await dueSoon._change('30');
    expect(dueSoon.inputEl.classList.contains('baton-invalid')).toBe(false);
    expect(dueSoon.inputEl.title).toBe('');

    const calendar = settingNamed('Calendar export file').components[0] as fake.TextComponent;
    await calendar._change('Baton/renewals.txt');
    expect(plugin.settings.calendarPath).toBe('Baton/renewals.ics');
    expect(calendar.inputEl.title).toBe('Not saved: the path must end in .ics.');

    const ladder = settingNamed('Renewal outreach ladder').components[0] as fake.TextComponent;
    await ladder._change('150, soon');
    expect(ladder.inputEl.title).toBe('Not saved: enter whole numbers of days, comma-separated.');
    await ladder._change('150, 45');
    const outreach = plugin.index.portfolio.timeline({ account: 'Acme Logistics', kind: 'outreach' }).map((e) => e.date);
    expect(outreach).toEqual(['2026-11-01', '2027-02-14']);
    expect(((await fp.loadData()) as { outreachDays: number[] }).outreachDays).toEqual([150, 45]);

    const lang = settingNamed('Language').components[0] as fake.DropdownComponent;
    await lang._change('ja');
    expect(plugin.index.portfolio.timeline({ kind: 'renewal' })[0]?.title).toMatch(/更新/);
  });

  it('statuses move when the day changes, without any edit', async () => {
    const { plugin } = await start();
    plugin.checkDay(new Date(2027, 0, 5));
    expect(plugin.today()).toBe('2027-01-05');
    const e = plugin.index.portfolio.timeline({ account: 'Acme Logistics', kind: 'task' }).find((x) => x.date === '2026-12-10');
    expect(e?.status).toBe('overdue');
  });

  it('indexes notes created after startup', async () => {
    const { app, plugin } = await start();
    const text = await app.vault.read(app.vault.getFileByPath(ACME) as fake.TFile);
    await app.vault.create('Accounts/Copy.md', text.replace('account: Acme Logistics', 'account: Acme Copy'));
    await flush();
    expect(plugin.index.portfolio.accounts().some((a) => a.account.account === 'Acme Copy')).toBe(true);
  });
});

/** A plugin loaded but not yet past layout-ready, on a vault of `n` generated accounts. */
async function loadOnly(n: number) {
  const app = makeApp(new Map());
  for (let i = 0; i < n; i++) app.vault.seed(`Accounts/${i}.md`, createAccountNote({ account: `Co ${i}`, contractStart: '2026-04-01', termMonths: 12, locale: 'en' }));
  fake._setLanguage('en');
  const plugin = new BatonPlugin(app as never, MANIFEST as never);
  await (plugin as unknown as fake.Plugin).loadAsync();
  plugin.checkDay(new Date(2026, 10, 22));
  return { app, plugin, fp: plugin as unknown as fake.Plugin };
}

/** Holds `cachedRead` of one file until released: a batch of the first read still in flight. */
function holdRead(app: fake.App, path: string): () => void {
  const slow = app.vault.getFileByPath(path) as fake.TFile;
  const read = app.vault.cachedRead.bind(app.vault);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  app.vault.cachedRead = async (f: fake.TFile) => {
    if (f === slow) await gate;
    return read(f);
  };
  return release;
}

describe('changes while the first read of the vault runs', () => {
  it('a note renamed before its batch was read is indexed under its new path', async () => {
    const { app, plugin } = await loadOnly(250);
    const ready = app.workspace._layoutReady();
    await flush(); // the first batch of 200 is in; the next waits a turn
    expect(plugin.index.ready).toBe(false);
    await app.vault.rename(app.vault.getFileByPath('Accounts/240.md') as fake.TFile, 'Accounts/Renamed.md');
    await ready;
    await flush();
    const files = plugin.index.portfolio.accounts().map((a) => a.file);
    expect(files).toHaveLength(250);
    expect(files).toContain('Accounts/Renamed.md');
    expect(files).not.toContain('Accounts/240.md');
  });

  it('a note deleted or edited while its batch was being read is not put back with the old text', async () => {
    const { app, plugin } = await loadOnly(10);
    const release = holdRead(app, 'Accounts/9.md');
    const ready = app.workspace._layoutReady();
    await flush(); // 0–8 are read; 9 is pending, so the batch is not indexed yet
    await app.vault.delete(app.vault.getFileByPath('Accounts/3.md') as fake.TFile);
    const f5 = app.vault.getFileByPath('Accounts/5.md') as fake.TFile;
    await app.vault.modify(f5, (await app.vault.read(f5)).replace('account: Co 5', 'account: Renamed Co'));
    await flush();
    release();
    await ready;
    expect(plugin.index.portfolio.has('Accounts/3.md')).toBe(false);
    const names = plugin.index.portfolio.accounts().map((a) => a.account.account);
    expect(names).toContain('Renamed Co');
    expect(names).not.toContain('Co 5');
    expect(names).toHaveLength(9);
  });

  it('disabled before the layout was ready: registers nothing and reads nothing', async () => {
    const { app, fp } = await loadOnly(3);
    fp.unload();
    const before = { ...fake.registry };
    await app.workspace._layoutReady();
    expect(app.vault.listenerCount() + app.metadataCache.listenerCount() + app.workspace.listenerCount()).toBe(0);
    expect(fake.registry.intervals).toBe(before.intervals);
  });
});

describe('a language change reaches every label Baton put in Obsidian', () => {
  it('commands, the status bar, the settings tab and the timeline speak the new language at once, no note read again', async () => {
    const { app, plugin, fp } = await start();
    const el = fp.statusBarItems[0] as HTMLElement;
    app.workspace._setActiveFile(app.vault.getFileByPath(ACME));
    await flush();
    expect(el.textContent).toBe('Handoff 3/5');
    const tab = fp.settingTabs[0] as fake.PluginSettingTab;
    tab.display();
    const read: string[] = [];
    const cachedRead = app.vault.cachedRead.bind(app.vault);
    app.vault.cachedRead = (f: fake.TFile) => (read.push(f.path), cachedRead(f));
    await (settingNamed('Language').components[0] as fake.DropdownComponent)._change('ja');
    await flush(50);
    expect(el.textContent).toBe('引き継ぎ 3/5');
    expect(app.commands.commands['baton:open-timeline']?.name).toBe('Baton: 更新タイムラインを開く');
    expect(fake.Setting.all.some((x) => x.name === '言語')).toBe(true);
    // The timeline is relabelled from what the index holds; only the status bar's note was read.
    expect(plugin.index.portfolio.timeline({ kind: 'renewal', account: 'Acme Logistics' })[0]?.title).toMatch(/更新/);
    expect(read).toEqual([ACME]);
  });
});
