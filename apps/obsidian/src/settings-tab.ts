import { PluginSettingTab, Setting, type App, type Plugin } from 'obsidian';
import type { Locale } from '@baton/core';
import { parseDayList, parseWholeNumber, type BatonSettings } from './settings';
import { strings } from './strings';

export interface SettingsHost {
  settings: BatonSettings;
  locale(): Locale;
  /** Persists and pushes the change to the index and views. */
  saveSettings(): Promise<void>;
}

/** Text fields validate on change; invalid input is not saved, so the index never sees it. */
export class BatonSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const t = strings(this.host.locale()).settings;
    const s = this.host.settings;
    const save = () => this.host.saveSettings();
    /** `why`: the field's tooltip while `apply` refuses its value (folder fields never refuse). */
    const text = (label: readonly [string, string], value: string, apply: (v: string) => boolean, why = '') =>
      new Setting(containerEl)
        .setName(label[0])
        .setDesc(label[1])
        .addText((c) =>
          c.setValue(value).onChange(async (v) => {
            const ok = apply(v);
            // Mark, don't nag: half-typed values are normal while typing.
            c.inputEl.toggleClass('baton-invalid', !ok);
            c.inputEl.title = ok ? '' : why;
            if (ok) await save();
          }),
        );
    const whole = (label: readonly [string, string], key: 'firstContactBusinessDays' | 'keyPersonContactDays' | 'fiscalYearStartMonth' | 'dueSoonDays', min: number, max: number) =>
      text(
        label,
        String(s[key]),
        (v) => {
          const n = parseWholeNumber(v, min, max);
          if (n === undefined) return false;
          s[key] = n;
          return true;
        },
        t.invalidRange(min, max),
      );

    text(t.accountsFolder, s.accountsFolder, (v) => ((s.accountsFolder = v.trim()), true));
    text(t.templatesFolder, s.templatesFolder, (v) => ((s.templatesFolder = v.trim()), true));
    new Setting(containerEl)
      .setName(t.locale[0])
      .setDesc(t.locale[1])
      .addDropdown((d) =>
        d
          .addOptions({ auto: t.auto, en: 'English', ja: '日本語' })
          .setValue(s.locale)
          .onChange(async (v) => {
            s.locale = v === 'en' || v === 'ja' ? v : 'auto';
            await save();
            // The tab itself speaks the new language at once.
            this.display();
          }),
      );
    text(t.outreachDays, s.outreachDays.join(', '), (v) => {
      const days = parseDayList(v);
      if (!days) return false;
      s.outreachDays = days;
      return true;
    }, t.invalidList);
    whole(t.firstContactDays, 'firstContactBusinessDays', 0, 60);
    whole(t.keyPersonDays, 'keyPersonContactDays', 1, 3650);
    whole(t.fiscalYearStart, 'fiscalYearStartMonth', 1, 12);
    whole(t.dueSoonDays, 'dueSoonDays', 0, 365);
    text(
      t.calendarPath,
      s.calendarPath,
      (v) => {
        if (!v.trim().toLowerCase().endsWith('.ics')) return false;
        s.calendarPath = v.trim();
        return true;
      },
      t.invalidPath,
    );
  }
}
