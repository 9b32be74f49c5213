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
    expect(app.commands.commands['baton:open-timeline']?.name).toBe('更新タイムラインを開く');
    const en = await start('en', { locale: 'en' });
    expect(en.app.commands.commands['baton:open-timeline']?.name).toBe('Open renewal timeline');
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
