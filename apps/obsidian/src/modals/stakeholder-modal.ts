import { Modal, Setting, type App } from 'obsidian';
import { ATTITUDES, ATTITUDE_LABELS, LEVELS, LEVEL_LABELS, ROLES, ROLE_LABELS, STAKEHOLDER_COLUMN_LABELS, type Attitude, type Level, type Locale, type Role, type Stakeholder } from '@baton/core';
import { strings } from '../strings';

export type StakeholderInput = Partial<Stakeholder> & { name: string };

/** One row of the stakeholder matrix; pickers are fed by core's label tables. */
export class StakeholderModal extends Modal {
  name = '';
  department = '';
  level: Level | '' = '';
  roles = new Set<Role>();
  influence = '';
  attitude: Attitude | '' = '';
  keyPerson = false;

  constructor(
    app: App,
    private readonly locale: Locale,
    private readonly onSubmit: (input: StakeholderInput) => unknown,
  ) {
    super(app);
  }

  override onOpen(): void {
    const t = strings(this.locale).fields;
    const l = this.locale;
    this.setTitle(t.name);
    new Setting(this.contentEl).setName(t.name).addText((c) => c.onChange((v) => (this.name = v)));
    new Setting(this.contentEl).setName(t.department).addText((c) => c.onChange((v) => (this.department = v)));
    new Setting(this.contentEl).setName(t.level).addDropdown((d) => {
      d.addOption('', '—');
      for (const lv of LEVELS) d.addOption(lv, LEVEL_LABELS[lv][l]);
      d.onChange((v) => (this.level = (LEVELS as readonly string[]).includes(v) ? (v as Level) : ''));
    });
    for (const r of ROLES) {
      new Setting(this.contentEl).setName(ROLE_LABELS[r][l]).addToggle((c) =>
        c.onChange((on) => {
          if (on) this.roles.add(r);
          else this.roles.delete(r);
        }),
      );
    }
    new Setting(this.contentEl).setName(t.influence).addDropdown((d) => {
      d.addOption('', '—');
      for (const n of ['1', '2', '3', '4', '5']) d.addOption(n, n);
      d.onChange((v) => (this.influence = v));
    });
    new Setting(this.contentEl).setName(STAKEHOLDER_COLUMN_LABELS.attitude[l]).addDropdown((d) => {
      d.addOption('', '—');
      for (const a of ATTITUDES) d.addOption(a, ATTITUDE_LABELS[a][l]);
      d.onChange((v) => (this.attitude = (ATTITUDES as readonly string[]).includes(v) ? (v as Attitude) : ''));
    });
    new Setting(this.contentEl).setName(t.keyPerson).addToggle((c) => c.onChange((on) => (this.keyPerson = on)));
    new Setting(this.contentEl).addButton((b) => b.setButtonText(t.add).setCta().onClick(() => this.submit()));
  }

  /** Only what the user set is passed, so core never refuses a column the table lacks for nothing. */
  input(): StakeholderInput {
    const p: StakeholderInput = { name: this.name.trim() };
    if (this.department.trim()) p.department = this.department.trim();
    if (this.level) p.level = this.level;
    if (this.roles.size > 0) p.roles = ROLES.filter((r) => this.roles.has(r));
    if (this.influence) p.influence = Number(this.influence);
    if (this.attitude) p.attitude = this.attitude;
    if (this.keyPerson) p.keyPerson = true;
    return p;
  }

  async submit(): Promise<void> {
    const ok = await this.onSubmit(this.input());
    if (ok !== false) this.close();
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
