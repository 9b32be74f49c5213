import { createAccountNote } from '@baton/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { _open, _reset, _state } from '../../test/fake-vscode.js';
import type { BatonContext } from '../context.js';
import * as checkHandoff from './check-handoff.js';
import * as insertStakeholderMatrix from './insert-stakeholder-matrix.js';
import * as insertChecklist from './insert-checklist.js';
import * as newAccount from './new-account.js';

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
});
