import { describe, expect, it } from 'vitest';
import { Modal, Notice, type FuzzySuggestModal, type TFile } from '../../test/fake-obsidian';
import { makeApp } from '../../test/harness';
import { makeContext } from '../../test/context';
import { parseAccountNote, type ChecklistTemplate } from '@baton/core';
import type { TFile as ObsidianTFile } from 'obsidian';
import { addStakeholderTo } from './add-stakeholder';
import { checkHandoffCommand, handoffSummary } from './check-handoff';
import { exportCalendar } from './export-calendar';
import { checklistChoices, insertChecklistCommand, insertChecklistInto, loadTeamTemplates } from './insert-checklist';
import { insertStakeholderMatrixCommand } from './insert-stakeholder-matrix';
import { createAccount } from './new-account';
import { reanchorChecklistsCommand } from './reanchor-checklists';
import { COMMANDS } from './index';

const ACME = 'Accounts/Acme Logistics.md';

function setup() {
  const app = makeApp();
  const file = (p: string) => app.vault.getFileByPath(p) as TFile;
  const text = (p: string) => (app.vault as unknown as { files: Map<string, { text: string }> }).files.get(p)?.text ?? '';
  return { app, file, text, asObs: (f: TFile) => f as unknown as ObsidianTFile };
}

describe('command table', () => {
  it('has the eight commands with unique ids and titles in both languages', async () => {
    const { uiText } = await import('@baton/core');
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(8);
    for (const c of COMMANDS) {
      expect(c.title(uiText('en'))).toMatch(/\w/);
      expect(c.title(uiText('ja'))).not.toBe(c.title(uiText('en')));
    }
  });
});

describe('new account handoff note', () => {
  it('creates the note in the accounts folder and opens it', async () => {
    const { app, text } = setup();
    const ctx = await makeContext(app, { accountsFolder: 'CS/Accounts' });
    const f = await createAccount(ctx, { account: 'Kite: Japan / Tokyo', contractStart: '2026-07-01', termMonths: 12, locale: 'ja', csmOwner: '田中' });
    expect(f).not.toBe(false);
    const path = 'CS/Accounts/Kite Japan Tokyo.md';
    expect(app.vault.getFileByPath(path)).not.toBeNull();
    expect(app.workspace.getActiveFile()?.path).toBe(path);
    const note = parseAccountNote(text(path));
    expect(note.account?.renewal_date).toBe('2027-06-30');
    expect(note.locale).toBe('ja');
  });

  it('refuses input core cannot accept, with the field in the notice, and writes nothing', async () => {
    const { app } = setup();
    const ctx = await makeContext(app);
    const before = app.vault.writes.length;
    expect(await createAccount(ctx, { account: 'Bad Date', contractStart: '2026-02-30', termMonths: 12, locale: 'en' })).toBe(false);
    expect(app.vault.writes.length).toBe(before);
    expect(Notice.messages.at(-1)).toMatch(/contract_start/);
  });

  it('opens an existing note instead of overwriting it', async () => {
    const { app, text } = setup();
    const ctx = await makeContext(app);
    const original = text(ACME);
    await createAccount(ctx, { account: 'Acme Logistics', contractStart: '2026-01-01', termMonths: 12, locale: 'en' });
    expect(text(ACME)).toBe(original);
    expect(Notice.messages.at(-1)).toMatch(/already exists/);
    expect(app.workspace.getActiveFile()?.path).toBe(ACME);
  });

  it('the modal passes typed values to core and stays open when refused', async () => {
    const { app } = setup();
    const ctx = await makeContext(app);
    await COMMANDS.find((c) => c.id === 'new-account')?.run(ctx, null);
    const m = Modal.opened.at(-1) as Modal & { values: Record<string, string>; submit(): Promise<void> };
    expect(m.values['contractStart']).toBe('2026-11-22');
    Object.assign(m.values, { account: '', contractStart: '2026-04-01' });
    await m.submit();
    expect(m.isOpen).toBe(true);
    Object.assign(m.values, { account: 'Nimbus', termMonths: '24', noticeDays: '30' });
    await m.submit();
    expect(m.isOpen).toBe(false);
    expect(parseAccountNote((await app.vault.read(app.vault.getFileByPath('Accounts/Nimbus.md') as TFile))).account?.notice_days).toBe(30);
  });
});

describe('note edits', () => {
  it('a refused edit leaves the note byte-identical and names file and line', async () => {
    const { app, file, text, asObs } = setup();
    const ctx = await makeContext(app);
    const path = 'Accounts/Broken YAML.md';
    const before = text(path);
    expect(await addStakeholderTo(ctx, asObs(file(path)), { name: 'X' })).toBe(false);
    expect(text(path)).toBe(before);
    expect(Notice.messages.at(-1)).toContain(`${path}:`);
  });

  it('adds a stakeholder once; a second add of the same name is refused', async () => {
    const { app, file, text, asObs } = setup();
    const ctx = await makeContext(app);
    const before = text(ACME);
    expect(await addStakeholderTo(ctx, asObs(file(ACME)), { name: 'Sora Abe', department: 'Finance', keyPerson: true })).toBe(true);
    const after = text(ACME);
    expect(after).toMatch(/\| Sora Abe +\| Finance/);
    expect(after).toContain('custom_field: keep me');
    // Only one line was added.
    expect(after.split('\n').length).toBe(before.split('\n').length + 1);
    expect(await addStakeholderTo(ctx, asObs(file(ACME)), { name: 'Sora Abe' })).toBe(false);
    expect(text(ACME)).toBe(after);
  });

  it('keeps CRLF line endings', async () => {
    const { app, file, text, asObs } = setup();
    const crlf = text(ACME).replace(/\n/g, '\r\n');
    await app.vault.modify(file(ACME), crlf);
    const ctx = await makeContext(app);
    await addStakeholderTo(ctx, asObs(file(ACME)), { name: 'Rin Ota' });
    expect(text(ACME)).toContain('Rin Ota');
    expect(text(ACME).replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('insert stakeholder matrix adds the section to a note without one, then is idempotent', async () => {
    const { app, file, text, asObs } = setup();
    const ctx = await makeContext(app);
    const path = 'Accounts/Risky account.md';
    await insertStakeholderMatrixCommand.run(ctx, asObs(file(path)));
    const once = text(path);
    expect(once).toMatch(/\| Name +\| Department/);
    await insertStakeholderMatrixCommand.run(ctx, asObs(file(path)));
    expect(text(path)).toBe(once);
  });
});

describe('checklists', () => {
  it('reads team templates from the folder and lists them before built-ins', async () => {
    const { app } = setup();
    const team = await loadTeamTemplates(app as never, 'Templates', 'en');
    expect(team.map((t) => t.id)).toEqual(['ebr']);
    const choices = checklistChoices(team, 'en');
    expect(choices[0]?.id).toBe('ebr');
    expect(choices.filter((c) => c.source === 'builtin').length).toBeGreaterThan(2);
  });

  it('a team template overrides the built-in with the same id', () => {
    const fakeTeam: ChecklistTemplate = { id: 'kickoff', title: 'Our kickoff', locale: 'en', source: 'team', items: [{ id: 'a', text: 'Do it' }] };
    const choices = checklistChoices([fakeTeam], 'en');
    expect(choices.filter((c) => c.id === 'kickoff')).toEqual([fakeTeam]);
  });

  it('skips broken templates with a notice and ignores ordinary templates', async () => {
    const { app } = setup();
    app.vault.seed('Templates/broken.md', '---\nbaton: checklist\nid: bad.id\n---\n- [ ] x\n');
    app.vault.seed('Templates/meeting.md', '---\ntags: [t]\n---\n# Meeting {{date}}\n');
    const team = await loadTeamTemplates(app as never, 'Templates', 'en');
    expect(team.map((t) => t.id)).toEqual(['ebr']);
    expect(Notice.messages.some((m) => m.includes('Templates/broken.md'))).toBe(true);
    expect(Notice.messages.some((m) => m.includes('meeting.md'))).toBe(false);
  });

  it('inserting a checklist dates its items from the account, and a second insert changes nothing', async () => {
    const { app, file, text, asObs } = setup();
    const [ebr] = await loadTeamTemplates(app as never, 'Templates', 'en');
    if (!ebr) throw new Error('no template');
    expect(await insertChecklistInto(app as never, asObs(file(ACME)), ebr, 'en')).toBe(true);
    const once = text(ACME);
    // renewal 2027-03-31 − 90 days
    expect(once).toMatch(/Book the EBR with the decision maker.*📅 2026-12-31/u);
    await insertChecklistInto(app as never, asObs(file(ACME)), ebr, 'en');
    expect(text(ACME)).toBe(once);
  });

  it('the command opens a picker; choosing applies the checklist', async () => {
    const { app, file, text, asObs } = setup();
    const ctx = await makeContext(app);
    await insertChecklistCommand.run(ctx, asObs(file(ACME)));
    const picker = Modal.opened.at(-1) as unknown as FuzzySuggestModal<ChecklistTemplate>;
    picker._choose('Executive business review');
    await new Promise((r) => setTimeout(r, 0));
    expect(text(ACME)).toContain('baton:ebr.book');
  });

  it('text the user typed while the picker was open survives the edit (computed inside vault.process)', async () => {
    const { app, file, text, asObs } = setup();
    const ctx = await makeContext(app);
    await insertChecklistCommand.run(ctx, asObs(file(ACME)));
    const picker = Modal.opened.at(-1) as unknown as FuzzySuggestModal<ChecklistTemplate>;
    // The user keeps typing in the note before choosing a checklist.
    const typed = text(ACME).replace('# Acme Logistics', '# Acme Logistics\n\nCall notes typed while the picker was open.');
    expect(typed).not.toBe(text(ACME));
    await app.vault.modify(file(ACME), typed);
    picker._choose('Executive business review');
    await new Promise((r) => setTimeout(r, 0));
    const after = text(ACME);
    expect(after).toContain('Call notes typed while the picker was open.');
    expect(after).toContain('baton:ebr.book');
    // Every line the user had is still there, in order.
    const lines = typed.split('\n');
    let i = 0;
    for (const l of after.split('\n')) if (l === lines[i]) i++;
    expect(i).toBe(lines.length);
  });

  it('re-anchoring follows a moved renewal date', async () => {
    const { app, file, text, asObs } = setup();
    const ctx = await makeContext(app);
    const [ebr] = await loadTeamTemplates(app as never, 'Templates', 'en');
    await insertChecklistInto(app as never, asObs(file(ACME)), ebr as ChecklistTemplate, 'en');
    await app.vault.modify(file(ACME), text(ACME).replace('renewal_date: 2027-03-31', 'renewal_date: 2027-06-30'));
    await reanchorChecklistsCommand.run(ctx, asObs(file(ACME)));
    expect(text(ACME)).toMatch(/Book the EBR with the decision maker.*📅 2027-04-01/u);
  });

  it('re-anchoring takes out the dates of an emptied anchor date and says how many', async () => {
    const { app, file, text, asObs } = setup();
    const ctx = await makeContext(app);
    const tasks = '\n- [ ] Send the minutes <!-- baton:kickoff.minutes {kickoff_date+1bd} --> 📅 2026-04-21\n- [ ] Plan the review <!-- baton:kickoff.review {kickoff_date+2w} --> 📅 2026-05-04\n';
    await app.vault.modify(file(ACME), text(ACME).replace('kickoff_date: 2026-04-20', 'kickoff_date:') + tasks);
    const before = text(ACME);
    await reanchorChecklistsCommand.run(ctx, asObs(file(ACME)));
    expect(text(ACME)).toBe(before.replace(' 📅 2026-04-21', '').replace(' 📅 2026-05-04', ''));
    expect(Notice.messages.at(-1)).toBe('Removed 2 due dates whose anchor date is empty.');
    const shown = Notice.messages.length;
    await reanchorChecklistsCommand.run(ctx, asObs(file(ACME)));
    expect(Notice.messages.slice(shown)).not.toContain('Removed 2 due dates whose anchor date is empty.');
  });
});

describe('check handoff', () => {
  it('summarises the score and the missing essentials in the UI language', async () => {
    const { app, file, asObs } = setup();
    const ctx = await makeContext(app, { keyPersonContactDays: 30 });
    await checkHandoffCommand.run(ctx, asObs(file(ACME)));
    const lines = Notice.messages.at(-1)?.split('\n') ?? [];
    expect(lines[0]).toBe('Handoff 3/5 — missing: Future vision, Renewal and expansion outlook');
    // Other lints follow, with file:line [field]; the contact threshold comes from settings.
    expect(lines).toContain(`${ACME}:46 [last_contact] No contact with key person Hana Mori for 52 days`);
    const patient = await makeContext(app, { keyPersonContactDays: 60 });
    await checkHandoffCommand.run(patient, asObs(file(ACME)));
    expect(Notice.messages.at(-1)).not.toContain('[last_contact]');
    const ja = await makeContext(app, {}, 'ja');
    await checkHandoffCommand.run(ja, asObs(file('Accounts/株式会社サンプル.md')));
    expect(Notice.messages.at(-1)).toMatch(/^引き継ぎ 5\/5 — /);
  });

  it('says so for notes that are not account notes', async () => {
    const { app, file, asObs } = setup();
    const ctx = await makeContext(app);
    await checkHandoffCommand.run(ctx, asObs(file('Meeting notes.md')));
    expect(Notice.messages.at(-1)).toMatch(/not a Baton account note/);
  });

  it('handoffSummary lists missing titles in order', () => {
    expect(handoffSummary({ score: 4, total: 5, items: [], missing: ['future_vision'] }, 'en')).toBe('Handoff 4/5 — missing: Future vision');
  });
});

describe('export renewal calendar', () => {
  it('writes one VEVENT per timeline event into the vault, then overwrites in place', async () => {
    const { app, text } = setup();
    const ctx = await makeContext(app, { calendarPath: 'Exports/renewals.ics' });
    const path = await exportCalendar(ctx, new Date('2026-11-22T09:30:00Z'));
    expect(path).toBe('Exports/renewals.ics');
    const ics = text(path);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(ctx.index.portfolio.timeline().length);
    expect(ics).toContain('DTSTAMP:20261122T093000Z');
    expect(Notice.messages.at(-1)).toContain('Exports/renewals.ics');
    await exportCalendar(ctx, new Date('2026-11-23T00:00:00Z'));
    expect(text(path)).toContain('DTSTAMP:20261123T000000Z');
  });
});
