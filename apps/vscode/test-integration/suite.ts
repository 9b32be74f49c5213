// Runs inside a real extension host (code-server): commands through the real API, real
// documents, real diagnostics.
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { BatonApi } from '../src/extension.js';
import { until } from './until.js';
import { applyCoreEdit } from '../src/apply-edit.js';

const EXT_ID = 'baton.baton-vscode';

function note(name: string): string {
  const d = new Date();
  d.setMonth(d.getMonth() - 11);
  const start = d.toISOString().slice(0, 10);
  return ['---', 'baton: account', `account: ${name}`, 'stage: onboarding', `contract_start: ${start}`, 'term_months: 12', 'csm_owner: Tanaka', 'locale: en', '---', '', `# ${name}`, ''].join('\n');
}

suite('Baton in a real VS Code', () => {
  const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
  let api: BatonApi;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<BatonApi>(EXT_ID);
    assert.ok(ext, 'extension is installed');
    api = await ext.activate();
    const line = `  activate(): ${api.activationMs.toFixed(1)} ms`;
    console.log(line);
    if (process.env.BATON_E2E_REPORT) appendFileSync(process.env.BATON_E2E_REPORT, line + '\n');
  });

  test('activation registers every Baton command and stays fast', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['baton.newAccount', 'baton.insertStakeholderMatrix', 'baton.addStakeholder', 'baton.insertChecklist', 'baton.reanchorChecklists', 'baton.checkHandoff', 'baton.openTimeline', 'baton.exportIcs', 'baton.rebuildIndex']) {
      assert.ok(all.includes(id), id);
    }
    assert.ok(api.activationMs < 250, `activate took ${api.activationMs} ms`);
  });

  test('newAccount writes the note under the accounts folder and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('baton.newAccount', { account: 'Umbrella IT', contractStart: '2026-04-01', termMonths: 12, csmOwner: 'Kato', locale: 'ja' });
    assert.ok(uri);
    assert.match(uri.path, /\/Accounts\/Umbrella IT\.md$/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\n/);
    assert.match(text, /account: Umbrella IT/);
    assert.match(text, /renewal_date: 2027-03-31/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  test('stakeholder matrix and checklist edit the open document, undoably and idempotently', async () => {
    const uri = vscode.Uri.joinPath(root(), 'E2E', 'Matrix E2E.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(note('Matrix E2E') + '\n## Notes\n\nkeep me\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    await vscode.commands.executeCommand('baton.insertStakeholderMatrix');
    const once = doc.getText();
    assert.notEqual(once, before);
    assert.match(once, /^\|.*\|\s*$/m);
    await vscode.commands.executeCommand('baton.insertStakeholderMatrix');
    assert.equal(doc.getText(), once, 'second run changes nothing');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo restores the note');
    await vscode.commands.executeCommand('baton.insertChecklist', 'internal-handoff');
    const after = doc.getText();
    assert.match(after, /- \[ \] .*<!-- baton:/);
    assert.ok(after.startsWith(before.slice(0, before.indexOf('\n## '))), 'text before the edit survives');
    assert.match(after, /keep me/);
  });

  test('an edit computed on a stale version is refused and nothing is written', async () => {
    const uri = vscode.Uri.joinPath(root(), 'E2E', 'Globex E2E.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const version = doc.version;
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), 'typed meanwhile\n'));
    const text = doc.getText();
    const outcome = await applyCoreEdit(doc, (t) => ({ ok: true, text: t + 'x', changed: true }), 'en', version);
    assert.equal(outcome, 'stale');
    assert.equal(doc.getText(), text);
    await vscode.commands.executeCommand('undo');
  });

  test('diagnostics appear for an incomplete account note and a quick fix inserts the section', async () => {
    const uri = vscode.Uri.joinPath(root(), 'E2E', 'Hooli E2E.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(note('Hooli E2E')));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await until(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'Baton');
      return d.length ? d : undefined;
    });
    for (const d of diags) assert.ok(d.range.start.line < doc.lineCount);
    const fixable = diags.find((d) => typeof d.code === 'string' && d.code.startsWith('handoff.missing-section:'));
    assert.ok(fixable, `a handoff diagnostic among: ${diags.map((d) => d.code).join(', ')}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, fixable.range);
    const fix = actions.find((a) => a.command?.command === 'baton.insertSection');
    assert.ok(fix?.command, 'quick fix offered');
    const before = doc.lineCount;
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(doc.lineCount > before, 'section inserted');
    // The section now exists (perhaps empty): that exact "missing section" diagnostic is gone.
    await until(() => (vscode.languages.getDiagnostics(uri).some((x) => x.code === fixable.code) ? undefined : true));
  });

  test('broken YAML gets a diagnostic on the line js-yaml points at (the bundled, lazily loaded parser)', async () => {
    const uri = vscode.Uri.joinPath(root(), 'E2E', 'Broken YAML E2E.md');
    const text = ['---', 'baton: account', 'account: [Broken', 'contract_start: 2026-04-01', 'term_months: 12', '---', '', '# Broken', ''].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await until(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'Baton' && x.severity === vscode.DiagnosticSeverity.Error);
      return d.length ? d : undefined;
    });
    // Line 3 or 4 (0-based 2 or 3): where the unclosed `[` is noticed, not a fallback to line 1.
    assert.ok(diags.some((d) => d.range.start.line === 2 || d.range.start.line === 3), diags.map((d) => `${d.range.start.line}: ${d.message}`).join(' | '));
  });

  test('checkHandoff reports the score', async () => {
    const msg = await vscode.commands.executeCommand<string>('baton.checkHandoff', vscode.Uri.joinPath(root(), 'E2E', 'Globex E2E.md'));
    assert.match(msg ?? '', /Handoff \d\/5/);
  });

  test('exportIcs writes a calendar with the workspace events', async () => {
    const target = vscode.Uri.joinPath(root(), 'out.ics');
    await vscode.commands.executeCommand('baton.exportIcs', target);
    const ics = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.match(ics, /Globex E2E/);
    assert.ok((ics.match(/BEGIN:VEVENT/g) ?? []).length >= 3);
  });

  test('the index follows renames and deletes', async () => {
    // Editors are closed first: this is about files changing on disk, not unsaved text.
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await new Promise((r) => setTimeout(r, 500));
    const from = vscode.Uri.joinPath(root(), 'E2E', 'Hooli E2E.md');
    const to = vscode.Uri.joinPath(root(), 'E2E', 'Hooli Renamed.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const idx = api.context.index;
    await until(() => (idx.portfolio.timeline().some((e) => e.file.endsWith('Hooli Renamed.md')) ? true : undefined));
    assert.ok(!idx.portfolio.timeline().some((e) => e.file.endsWith('Hooli E2E.md')));
    await vscode.workspace.fs.delete(to);
    await until(() => (idx.portfolio.timeline().some((e) => e.file.endsWith('Hooli Renamed.md')) ? undefined : true), 15000);
  });

  test('Rebuild index reads every note again and gives the same index', async () => {
    const idx = api.context.index;
    // The index keeps no problems (diagnostics come from the open note): its accounts and timeline.
    const before = { accounts: idx.portfolio.accounts(), timeline: idx.portfolio.timeline() };
    // Every account note, those with fatal errors (no account fields) included.
    const notes = idx.portfolio.size;
    const count = await vscode.commands.executeCommand<number>('baton.rebuildIndex');
    assert.equal(count, notes);
    assert.ok(before.accounts.length > 0 && count >= before.accounts.length);
    assert.deepEqual({ accounts: idx.portfolio.accounts(), timeline: idx.portfolio.timeline() }, before);
  });
});
