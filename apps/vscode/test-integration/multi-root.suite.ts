// Runs inside a real extension host (code-server) opened on a two-folder `.code-workspace`
// (scripts/e2e-run.mjs writes it): `team-a` and `team-b` each hold `Accounts/Acme.md` (Acme A, and
// Acme B with an invalid `health`) and `Templates/Play.md` (one checklist id, a different step).
// The unit tests (src/multi-root.test.ts) check the same behaviour against a fake vscode API; this
// checks the real `asRelativePath`, `getWorkspaceFolder`, `findFiles` and diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BatonApi } from '../src/extension.js';
import { until } from './until.js';
import type { WorkspaceIndex } from '../src/workspace-index.js';

const EXT_ID = 'baton.baton-vscode';
const KEY_A = 'team-a/Accounts/Acme.md';
const KEY_B = 'team-b/Accounts/Acme.md';

/** Indexed account name → the key of its note. */
const accounts = (idx: WorkspaceIndex): Record<string, string> => Object.fromEntries(idx.portfolio.accounts().map((a) => [a.account.account, a.file]));
/** The Baton diagnostic codes VS Code holds for a file. */
const diagnosticCodes = (uri: vscode.Uri): string[] =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Baton')
    .map((d) => String(d.code))
    .sort();
/** The account the index holds for the file at `uri`, found by its URI (as typing and the watcher find it). */
const accountAt = (idx: WorkspaceIndex, uri: vscode.Uri) => idx.portfolio.accounts().find((a) => a.file === idx.keyOf(uri))?.account;
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

suite('Baton in a real VS Code multi-root workspace', () => {
  let api: BatonApi;
  let idx: WorkspaceIndex;
  let a: vscode.WorkspaceFolder;
  let b: vscode.WorkspaceFolder;
  const acme = (f: vscode.WorkspaceFolder): vscode.Uri => vscode.Uri.joinPath(f.uri, 'Accounts', 'Acme.md');

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<BatonApi>(EXT_ID);
    assert.ok(ext, 'extension is installed');
    api = await ext.activate();
    idx = api.context.index;
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(
      folders.map((f) => f.name),
      ['team-a', 'team-b'],
    );
    [a, b] = folders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
    // The scan starts a moment after activation: wait for both notes.
    await until(() => (Object.keys(accounts(idx)).length >= 2 ? true : undefined), 20000);
  });

  test('notes with the same relative path are indexed under their folder name, and uriOf names the right file', () => {
    assert.deepEqual(accounts(idx), { 'Acme A': KEY_A, 'Acme B': KEY_B });
    // What the keys are made of, as the real API answers.
    assert.equal(vscode.workspace.asRelativePath(acme(b), false), 'Accounts/Acme.md');
    assert.equal(vscode.workspace.asRelativePath(acme(b), true), KEY_B);
    assert.equal(vscode.workspace.getWorkspaceFolder(acme(b))?.uri.toString(), b.uri.toString());
    assert.equal(idx.keyOf(acme(a)), KEY_A);
    assert.equal(idx.keyOf(acme(b)), KEY_B);
    assert.equal(idx.uriOf(KEY_A)?.toString(), acme(a).toString());
    assert.equal(idx.uriOf(KEY_B)?.toString(), acme(b).toString());
  });

  test('problems and diagnostics belong to the note that has them', async () => {
    // The index keeps no problems (diagnostics come from the open note): it holds each file's own account.
    assert.equal(accountAt(idx, acme(a))?.account, 'Acme A');
    assert.equal(accountAt(idx, acme(b))?.account, 'Acme B');
    for (const f of [a, b]) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(acme(f)), { preview: false });
    const codesB = await until(() => {
      const c = diagnosticCodes(acme(b));
      return c.length ? c : undefined;
    });
    assert.ok(codesB.includes('frontmatter.invalid:health'), codesB.join(', '));
    const codesA = await until(() => {
      const c = diagnosticCodes(acme(a));
      return c.length ? c : undefined;
    });
    assert.ok(!codesA.includes('frontmatter.invalid:health'), codesA.join(', '));
  });

  test("the timeline has both accounts' events, each under its own file, with distinct ids", () => {
    const timeline = idx.portfolio.timeline();
    const byFile = (key: string) => timeline.filter((e) => e.file === key);
    assert.ok(byFile(KEY_A).length > 0, 'team-a has events');
    assert.ok(byFile(KEY_B).length > 0, 'team-b has events');
    assert.ok(byFile(KEY_A).every((e) => e.account === 'Acme A'));
    assert.ok(byFile(KEY_B).every((e) => e.account === 'Acme B'));
    assert.ok(timeline.every((e) => e.id.startsWith(`${e.file}#`)), timeline.map((e) => e.id).join(' '));
    assert.equal(new Set(timeline.map((e) => e.id)).size, timeline.length, 'event ids are unique');
  });

  test('editing and saving one note updates only that account', async () => {
    const eventsA = JSON.stringify(idx.portfolio.timeline().filter((e) => e.file === KEY_A));
    const accountA = JSON.stringify(accountAt(idx, acme(a)));
    const diagnosticsA = diagnosticCodes(acme(a));
    const textA = await read(acme(a));
    const doc = await vscode.workspace.openTextDocument(acme(b));
    const edit = new vscode.WorkspaceEdit();
    for (const [from, to] of [
      ['account: Acme B', 'account: Acme B2'],
      ['health: purple', 'health: green'],
    ] as const) {
      const line = doc.getText().split('\n').indexOf(from);
      assert.ok(line >= 0, from);
      edit.replace(acme(b), doc.lineAt(line).range, to);
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), 'saved');
    await until(() => (accounts(idx)['Acme B2'] === KEY_B ? true : undefined));
    assert.deepEqual(accounts(idx), { 'Acme A': KEY_A, 'Acme B2': KEY_B });
    assert.match(await read(acme(b)), /account: Acme B2/);
    await until(() => (diagnosticCodes(acme(b)).includes('frontmatter.invalid:health') ? undefined : true));
    // The index holds the valid health now (an invalid one is left out of the account).
    assert.equal(accountAt(idx, acme(b))?.health, 'green');
    // team-a's note, its account, events and diagnostics are as they were.
    assert.equal(await read(acme(a)), textA);
    assert.equal(JSON.stringify(idx.portfolio.timeline().filter((e) => e.file === KEY_A)), eventsA);
    assert.equal(JSON.stringify(accountAt(idx, acme(a))), accountA);
    assert.deepEqual(diagnosticCodes(acme(a)), diagnosticsA);
    assert.ok(idx.portfolio.timeline().filter((e) => e.file === KEY_B).every((e) => e.account === 'Acme B2'));
  });

  test("newAccount from a caller writes into the active note's folder and is keyed under it", async () => {
    for (const [f, account] of [
      [b, 'Initech B'],
      [a, 'Initech A'],
    ] as const) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(acme(f)));
      const uri = await vscode.commands.executeCommand<vscode.Uri>('baton.newAccount', { account, contractStart: '2026-04-01', termMonths: 12, locale: 'en' });
      assert.equal(uri?.toString(), vscode.Uri.joinPath(f.uri, 'Accounts', `${account}.md`).toString());
      const key = `${f.name}/Accounts/${account}.md`;
      await until(() => (accounts(idx)[account] === key ? true : undefined));
      assert.equal(idx.uriOf(key)?.toString(), uri.toString());
    }
  });

  test("Insert checklist takes the team template from the note's own folder", async () => {
    for (const [f, mine, theirs] of [
      [b, 'Team B step', 'Team A step'],
      [a, 'Team A step', 'Team B step'],
    ] as const) {
      const doc = await vscode.workspace.openTextDocument(acme(f));
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('baton.insertChecklist', 'team-play');
      const text = doc.getText();
      assert.ok(text.includes(mine), `${f.name}: ${mine} inserted`);
      assert.ok(!text.includes(theirs), `${f.name}: not ${theirs}`);
      assert.ok(await doc.save());
    }
    // The inserted tasks reach the timeline under each note's own key.
    await until(() => {
      const t = idx.portfolio.timeline();
      return t.some((e) => e.file === KEY_A && e.title.includes('Team A step')) && t.some((e) => e.file === KEY_B && e.title.includes('Team B step')) ? true : undefined;
    });
  });
});
