/**
 * Defaults every host shows for its settings, so Obsidian, VS Code and the CLI behave the same
 * out of the box. Hosts translate their own settings into core options; these are the fallbacks.
 */
export const SETTING_DEFAULTS = Object.freeze({
  /** Folder for new account notes. */
  accountsFolder: 'Accounts',
  /** Folder with the team's checklist templates (`baton: checklist` notes). */
  templatesFolder: 'Templates',
  /** Days before the renewal date when outreach steps appear. */
  outreachDays: Object.freeze([120, 90, 60, 30]) as readonly number[],
  /** Business days after contract start by which CS contacts the customer. */
  firstContactBusinessDays: 3,
  /** An active key person not contacted for longer than this is flagged. */
  keyPersonContactDays: 60,
  /** Open items due within this many days are "due soon". */
  dueSoonDays: 14,
  /** First month of the fiscal year (4 = April, as at most Japanese companies). */
  fiscalYearStartMonth: 4,
});
