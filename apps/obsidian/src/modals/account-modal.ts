import { Modal, Setting, type App } from 'obsidian';
import type { Locale, NewAccountInput } from '@baton/core';
import { parseWholeNumber } from '../settings';
import { strings } from '../strings';

/** Collects the few facts sales knows at signing; everything else is written in the note. */
export class AccountModal extends Modal {
  readonly values: Record<'account' | 'contractStart' | 'termMonths' | 'noticeDays' | 'salesOwner' | 'csmOwner' | 'renewalOwner', string>;
  noteLocale: Locale;

  constructor(
    app: App,
    private readonly uiLocale: Locale,
    today: string,
    private readonly onSubmit: (input: NewAccountInput) => unknown,
  ) {
    super(app);
    this.noteLocale = uiLocale;
    this.values = { account: '', contractStart: today, termMonths: '12', noticeDays: '', salesOwner: '', csmOwner: '', renewalOwner: '' };
  }

  override onOpen(): void {
    const t = strings(this.uiLocale).fields;
    this.setTitle(t.account);
    const text = (key: keyof AccountModal['values'], label: string) =>
      new Setting(this.contentEl).setName(label).addText((c) => c.setValue(this.values[key]).onChange((v) => (this.values[key] = v)));
    text('account', t.account);
    text('contractStart', t.contractStart);
    text('termMonths', t.termMonths);
    text('noticeDays', t.noticeDays);
    text('salesOwner', t.salesOwner);
    text('csmOwner', t.csmOwner);
    text('renewalOwner', t.renewalOwner);
    new Setting(this.contentEl).setName(t.locale).addDropdown((d) =>
      d
        .addOptions({ en: 'English', ja: '日本語' })
        .setValue(this.noteLocale)
        .onChange((v) => (this.noteLocale = v === 'ja' ? 'ja' : 'en')),
    );
    new Setting(this.contentEl).addButton((b) => b.setButtonText(t.create).setCta().onClick(() => this.submit()));
  }

  /** Builds core's input; core (via parseAccountNote in the command) judges the values. */
  input(): NewAccountInput {
    const v = this.values;
    const input: NewAccountInput = {
      account: v.account.trim(),
      contractStart: v.contractStart.trim(),
      termMonths: parseWholeNumber(v.termMonths, 0, 999_999) ?? Number.NaN,
      locale: this.noteLocale,
    };
    const notice = parseWholeNumber(v.noticeDays, 0, 999_999);
    if (notice !== undefined) input.noticeDays = notice;
    if (v.salesOwner.trim()) input.salesOwner = v.salesOwner.trim();
    if (v.csmOwner.trim()) input.csmOwner = v.csmOwner.trim();
    if (v.renewalOwner.trim()) input.renewalOwner = v.renewalOwner.trim();
    return input;
  }

  async submit(): Promise<void> {
    const ok = await this.onSubmit(this.input());
    if (ok !== false) this.close();
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
