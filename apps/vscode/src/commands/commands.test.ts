import { createAccountNote } from '@baton/core';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import * as vscode from 'vscode';
import { _blur, _extensionContext, _open, _reset, _setFolders, _state, _write } from '../../test/fake-vscode.js';
import { RenewalsTree } from '../renewals-tree.js';
import { WorkspaceIndex } from '../workspace-index.js';
import type { BatonContext } from '../context.js';
import * as checkHandoff from './check-handoff.js';
import * as exportIcs from './export-ics.js';
import * as insertStakeholderMatrix from './insert-stakeholder-matrix.js';
import * as insertChecklist from './insert-checklist.js';
import * as newAccount from './new-account.js';
import * as rebuildIndex from './rebuild-index.js';
import * as reanchorChecklists from './reanchor-checklists.js';

beforeEach(() => _reset());

const updates: string[] = [];
const ctx = {
  settings: () => ({ locale: 'en', accountsFolder: 'Accounts', templatesFolder: '', keyPersonContactDays: 45 }),
  today: () => '2026-06-01',
  index: { update: (uri: { path: string }) => updates.push(uri.path) },
} as unknown as BatonContext;

const minimal = ['---', 'baton: account', 'account: Hooli', 'stage: handoff', 'contract_start: 2026-04-01', 'term_months: 12', 'locale: en', '---', '', '# Hooli', '', '## Notes', '', 'keep me', ''].join('\n');

describe('editing commands', () => {
  it('insert stakeholder matrix edits the active note once, idempotently', async () => {
    const doc = _open('/ws/Hooli.md', minimal);
    await insertStakeholderMatrix.run(ctx);
    const once = doc.getText();
    expect(once).not.toBe(minimal);
    expect(once).toContain('keep me');
    expect(once).toMatch(/^\|.*\|$/m);
    await insertStakeholderMatrix.run(ctx);
    expect(doc.getText()).toBe(once);
    expect(_state.messages.at(-1)?.level).toBe('info');
  });

  it('insert checklist by id adds Baton-anchored tasks', async () => {
    const doc = _open('/ws/Hooli.md', minimal);
    await insertChecklist.run(ctx, 'internal-handoff');
    expect(doc.getText()).toMatch(/- \[ \] .*<!-- baton:internal-handoff\./);
  });

  it('re-anchor says how many due dates it took out because their anchor date was emptied', async () => {
    const note = minimal.replace('locale: en\n', 'locale: en\nkickoff_date:\n') + '\n## Checklists\n\n- [ ] Send the minutes <!-- baton:kickoff.minutes {kickoff_date+1bd} --> 📅 2026-04-15\n';
    const doc = _open('/ws/Hooli.md', note);
    await reanchorChecklists.run(ctx);
    expect(doc.getText()).toBe(note.replace(' 📅 2026-04-15', ''));
    expect(_state.messages.at(-1)).toEqual({ level: 'info', text: 'Removed 1 due date whose anchor date is empty.' });
    await reanchorChecklists.run(ctx);
    expect(doc.getText()).toBe(note.replace(' 📅 2026-04-15', ''));
    expect(_state.messages.at(-1)?.text).toBe('Already there — nothing to change.');
  });

  it('a command run from the walkthrough or a view uses the one Markdown note in sight', async () => {
    _open('/ws/Hooli.md', minimal);
    _blur();
    expect(await checkHandoff.run(ctx)).toMatch(/^Handoff 0\/5 — missing: /);
    // With two notes in sight and none focused, Baton does not guess.
    _open('/ws/Other.md', minimal);
    _blur();
    expect(await checkHandoff.run(ctx)).toBeUndefined();
    expect(_state.messages.at(-1)).toEqual({ level: 'error', text: 'Open a Markdown account note first.' });
  });

  it('the Renewals tree gives a checklist line copied with its Baton comment its own item id', async () => {
    const copied = `${minimal}\n## Checklists\n\n- [ ] Book <!-- baton:kickoff.book --> 📅 2026-06-20\n- [ ] Book <!-- baton:kickoff.book --> 📅 2026-06-20\n`;
    const index = new WorkspaceIndex({ today: '2026-06-01', locale: 'en' });
    index.update(vscode.Uri.file('/ws/Hooli.md'), copied);
    const tree = new RenewalsTree({ ...ctx, index: Object.assign(index, { start: async () => undefined }) } as BatonContext);
    const tasks = (await tree.getChildren()).filter((e) => e.kind === 'task');
    expect(tasks).toHaveLength(2);
    expect(tasks[0]!.id).toBe(tasks[1]!.id); // core gives both the marker's id
    const ids = tasks.map((e) => tree.getTreeItem(e).id);
    expect(new Set(ids).size).toBe(2);
  });

  it('refuses without a Markdown editor', async () => {
    await insertStakeholderMatrix.run(ctx);
    expect(_state.messages[0]?.level).toBe('error');
  });

  it('check handoff reports score and missing essentials', async () => {
    _open('/ws/Hooli.md', minimal);
    const msg = await checkHandoff.run(ctx);
    expect(msg).toMatch(/^Handoff 0\/5 — missing: /);
    expect(_state.messages[0]?.level).toBe('warning');
  });
});

describe('new account', () => {
  it('writes the note under the accounts folder and never overwrites', async () => {
    const input = { account: 'Acme', contractStart: '2026-04-01', termMonths: 12, locale: 'en' as const };
    let shown = 0;
    const fake = await import('../../test/fake-vscode.js');
    (fake.window as Record<string, unknown>).showTextDocument = async () => void shown++;
    const uri = await newAccount.run(ctx, input);
    expect(uri?.path).toBe('/ws/Accounts/Acme.md');
    expect(_state.files.get('/ws/Accounts/Acme.md')).toBe(createAccountNote(input));
    _state.files.set('/ws/Accounts/Acme.md', 'my edits');
    await newAccount.run(ctx, input);
    expect(_state.files.get('/ws/Accounts/Acme.md')).toBe('my edits');
    expect(shown).toBe(2);
  });

  it('refuses input core would reject, in core\'s words, and writes nothing', async () => {
    const uri = await newAccount.run(ctx, { account: 'Acme', contractStart: '2026-04-01', termMonths: 500, noticeDays: 60, locale: 'en' });
    expect(uri).toBeUndefined();
    expect(_state.files.has('/ws/Accounts/Acme.md')).toBe(false);
    expect(_state.messages.at(-1)).toEqual({ level: 'error', text: 'Baton: no note created: Field "term_months": must be at most 120' });
  });

  it('checks the number boxes with core\'s ranges and messages', () => {
    const bad = 'whole number please';
    expect(newAccount.numberFieldMessage('12', 'term_months', 'en', bad)).toBeUndefined();
    expect(newAccount.numberFieldMessage(' 120 ', 'term_months', 'en', bad)).toBeUndefined();
    expect(newAccount.numberFieldMessage('121', 'term_months', 'en', bad)).toBe('Field "term_months": must be at most 120');
    expect(newAccount.numberFieldMessage('0', 'term_months', 'ja', bad)).toBe('項目「term_months」: 1 以上にしてください');
    expect(newAccount.numberFieldMessage('', 'term_months', 'en', bad)).toBe(bad);
    expect(newAccount.numberFieldMessage('1.5', 'term_months', 'en', bad)).toBe(bad);
    expect(newAccount.numberFieldMessage('', 'notice_days', 'en', bad)).toBeUndefined();
    expect(newAccount.numberFieldMessage('0', 'notice_days', 'en', bad)).toBeUndefined();
    expect(newAccount.numberFieldMessage('3651', 'notice_days', 'en', bad)).toBe('Field "notice_days": must be at most 3650');
    expect(newAccount.numberFieldMessage('-1', 'notice_days', 'en', bad)).toBe(bad);
  });

  it('asks for the notice period and the renewal owner too, and writes what was answered', async () => {
    const fake = await import('../../test/fake-vscode.js');
    const w = fake.window as Record<string, unknown>;
    const saved = { showTextDocument: w['showTextDocument'], showInputBox: w['showInputBox'], showQuickPick: w['showQuickPick'] };
    onTestFinished(() => void Object.assign(w, saved));
    const answers = ['Acme', '2026-04-01', '24', '60', 'Sato', 'Tanaka', 'Ito'];
    const prompts: string[] = [];
    const checks: (string | undefined)[] = [];
    w['showTextDocument'] = async () => undefined;
    w['showInputBox'] = async (o: { prompt: string; validateInput?: (v: string) => string | undefined }) => {
      prompts.push(o.prompt);
      const a = answers.shift();
      if (a !== undefined) checks.push(o.validateInput?.(a));
      return a;
    };
    w['showQuickPick'] = async (items: { locale: string }[]) => items.find((i) => i.locale === 'en');
    const uri = await newAccount.run(ctx);
    expect(prompts).toEqual([
      'Account (customer company) name',
      'Contract start (YYYY-MM-DD)',
      'Contract term in months',
      'Notice period in days before renewal (optional)',
      'Sales owner (optional)',
      'CSM owner (optional)',
      'Renewal owner (optional)',
    ]);
    expect(checks.every((c) => c === undefined)).toBe(true);
    expect(uri?.path).toBe('/ws/Accounts/Acme.md');
    expect(_state.files.get('/ws/Accounts/Acme.md')).toBe(
      createAccountNote({ account: 'Acme', contractStart: '2026-04-01', termMonths: 24, noticeDays: 60, salesOwner: 'Sato', csmOwner: 'Tanaka', renewalOwner: 'Ito', locale: 'en' }),
    );
  });
});

describe('several workspace folders', () => {
  const input = { account: 'Acme', contractStart: '2026-04-01', termMonths: 12, locale: 'en' as const };
  const template = (id: string) => ['---', 'baton: checklist', `id: ${id}`, `title: ${id}`, 'locale: en', '---', '', `- [ ] Step of ${id} {contract_start+7d} <!-- id: step -->`, ''].join('\n');
  const withTemplates = { ...ctx, settings: () => ({ ...ctx.settings(), templatesFolder: 'Templates' }) } as BatonContext;

  beforeEach(async () => {
    _setFolders('/a=team-a', '/b=team-b');
    _write('/a/Templates/a.md', template('team-a-plays'));
    _write('/b/Templates/b.md', template('team-b-plays'));
    const fake = await import('../../test/fake-vscode.js');
    (fake.window as Record<string, unknown>).showTextDocument = async () => undefined;
  });

  it('new account asks which folder first; escaping it, or the questions after it, writes nothing', async () => {
    for (const pick of [1, undefined]) {
      _state.folderPick = pick;
      _state.folderPicks = [];
      expect(await newAccount.run(ctx)).toBeUndefined();
      expect(_state.folderPicks).toEqual(['Folder for the new account note']);
    }
    expect([..._state.files.keys()].filter((p) => p.includes('/Accounts/'))).toEqual([]);
  });

  it("a new account given by a caller goes to the active note's folder, else the first", async () => {
    expect((await newAccount.run(ctx, input))?.path).toBe('/a/Accounts/Acme.md');
    _open('/b/Accounts/Other.md', minimal);
    expect((await newAccount.run(ctx, input))?.path).toBe('/b/Accounts/Acme.md');
    expect(_state.folderPicks).toEqual([]);
  });

  it("insert checklist offers the team templates of the note's own folder", async () => {
    const b = _open('/b/Hooli.md', minimal);
    await insertChecklist.run(withTemplates, 'team-b-plays');
    expect(b.getText()).toContain('Step of team-b-plays');
    const before = b.getText();
    await insertChecklist.run(withTemplates, 'team-a-plays');
    expect(b.getText()).toBe(before); // not offered: the picker opened and was escaped
    const a = _open('/a/Hooli.md', minimal);
    await insertChecklist.run(withTemplates, 'team-a-plays');
    expect(a.getText()).toContain('Step of team-a-plays');
  });

  it("export starts the save dialog in the active note's folder, then where the last export went; escaping writes nothing", async () => {
    _write('/b/Accounts/Acme.md', createAccountNote(input));
    const index = new WorkspaceIndex({ today: '2026-06-01', locale: 'en' });
    const exporting = { ...ctx, index, extension: _extensionContext('/storage') } as BatonContext;
    const written = () => [..._state.files.keys()].filter((p) => p.endsWith('.ics'));
    expect(await exportIcs.run(exporting)).toBeUndefined();
    _open('/b/Accounts/Acme.md', createAccountNote(input));
    expect(await exportIcs.run(exporting)).toBeUndefined();
    expect(_state.saveDefaults).toEqual(['file:///a/baton-renewals.ics', 'file:///b/baton-renewals.ics']);
    expect(written()).toEqual([]);
    _state.saveAnswer = '/b/out/renewals.ics';
    expect((await exportIcs.run(exporting))?.path).toBe('/b/out/renewals.ics');
    expect(_state.files.get('/b/out/renewals.ics')).toContain('SUMMARY:');
    _open('/a/Hooli.md', minimal);
    _state.saveAnswer = undefined;
    await exportIcs.run(exporting);
    expect(_state.saveDefaults.at(-1)).toBe('file:///b/out/renewals.ics');
    expect(written()).toEqual(['/b/out/renewals.ics']);
    index.dispose();
  });
});

describe('rebuild index', () => {
  it('rebuilds under a status-bar spinner, then says how many account notes there are, in the display language', async () => {
    for (const [locale, title, message] of [
      ['en', 'Baton: rebuilding the index', 'Baton: index rebuilt (2 account notes)'],
      ['ja', 'Baton: インデックスを作り直しています', 'Baton: インデックスを作り直しました（アカウントノート 2 件）'],
    ] as const) {
      _reset();
      let size = 0;
      let spinning: boolean | undefined;
      const index = {
        rebuild: async () => {
          spinning = _state.progress.at(-1)?.settled === false;
          size = 2;
        },
        get portfolio() {
          return { size };
        },
      };
      const c = { ...ctx, settings: () => ({ ...ctx.settings(), locale }), index } as unknown as BatonContext;
      expect(await rebuildIndex.run(c)).toBe(2);
      expect(spinning).toBe(true);
      expect(_state.progress.map((p) => p.title)).toEqual([title]);
      expect(_state.messages).toEqual([{ level: 'info', text: message }]);
    }
  });
});
