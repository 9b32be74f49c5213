// The workspace index with several workspace folders: keys carry the folder, so notes with the
// same relative path in two folders never collide; folder changes re-key the index; a cache
// written for other folders is never restored.
import { createAccountNote, toIcs, type PortfolioOptions } from '@baton/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { _open, _reset, _setFolders, _state, _write, Uri } from '../test/fake-vscode.js';
import type { BatonContext } from './context.js';
import { registerDiagnostics } from './diagnostics.js';
import { RenewalsTree } from './renewals-tree.js';
import { folderLabels, WorkspaceIndex, type IndexCacheOptions } from './workspace-index.js';

const OPTIONS: PortfolioOptions = { today: '2026-11-20', locale: 'en', keyPersonContactDays: 60 };
const STORAGE = '/storage/ws';
const cache: IndexCacheOptions = { dir: Uri.file(STORAGE) as unknown as vscode.Uri, version: '0.1.0', enabled: () => true };
const uri = (path: string) => Uri.file(path) as unknown as vscode.Uri;

/** An account note; `bad`: with an invalid `health` (one `frontmatter.invalid`, on line 16). */
function note(account: string, bad = false): string {
  const text = createAccountNote({ account, contractStart: '2026-04-01', termMonths: 12, locale: 'en' });
  return bad ? text.replace('health:', 'health: purple') : text;
}
/** The account the index holds for the file at `path`, found by its URI (as typing and the watcher find it). */
const accountAt = (index: WorkspaceIndex, path: string) => index.portfolio.accounts().find((a) => a.file === index.keyOf(uri(path)))?.account.account;

async function started(options?: IndexCacheOptions): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(OPTIONS, options);
  await index.start();
  return index;
}

/** One session with the cache: scan, write, close. */
async function session(): Promise<WorkspaceIndex> {
  const index = await started(cache);
  await index.flush();
  index.dispose();
  return index;
}

/** Ends `index`'s session (its cache written) and starts the next one with these folders: it must read nothing and show what a cold scan shows. */
async function restartsWarm(index: WorkspaceIndex): Promise<void> {
  await index.flush();
  index.dispose();
  _state.reads = [];
  const next = await session();
  expect(reads()).toEqual([]);
  expect(view(next)).toEqual(await cold());
}

/** Everything a user sees from the index, keyed by file (it keeps no problems: diagnostics come from the note in front of the user). */
function view(index: WorkspaceIndex) {
  const p = index.portfolio;
  return { timeline: p.timeline(), accounts: p.accounts(), files: [...p.indexed()].map((a) => a.file).sort() };
}

/** What a cache-less index makes of the workspace as it is now. */
async function cold() {
  const index = await started();
  index.dispose();
  return view(index);
}

/** Indexed account → the file it is keyed under. */
const accounts = (index: WorkspaceIndex) => Object.fromEntries(index.portfolio.accounts().map((a) => [a.account.account, a.file]));
const reads = () => _state.reads.filter((p) => !p.startsWith('/storage/')).sort();

afterEach(() => vi.useRealTimers());
beforeEach(() => {
  _reset();
  _write('/team-a/Accounts/Acme.md', note('Acme A'));
  _write('/team-b/Accounts/Acme.md', note('Acme B', true));
});

describe('several workspace folders', () => {
  it('indexes two notes with the same relative path under their folders: timeline, keys, uriOf and the Renewals tree name the right file', async () => {
    _setFolders('/team-a', '/team-b');
    const index = await started();
    expect(accounts(index)).toEqual({ 'Acme A': 'team-a/Accounts/Acme.md', 'Acme B': 'team-b/Accounts/Acme.md' });
    expect(index.keyOf(uri('/team-b/Accounts/Acme.md'))).toBe('team-b/Accounts/Acme.md');
    expect(index.uriOf('team-a/Accounts/Acme.md')?.path).toBe('/team-a/Accounts/Acme.md');
    expect(index.uriOf('team-b/Accounts/Acme.md')?.path).toBe('/team-b/Accounts/Acme.md');

    const timeline = index.portfolio.timeline();
    expect(new Set(timeline.map((e) => `${e.account} ${e.file}`))).toEqual(new Set(['Acme A team-a/Accounts/Acme.md', 'Acme B team-b/Accounts/Acme.md']));
    // Event ids (and so ICS UIDs) stay unique.
    expect(new Set(timeline.map((e) => e.id)).size).toBe(timeline.length);
    const ics = toIcs(timeline, { calendarName: 'Baton', locale: 'en', dtstamp: OPTIONS.today });
    expect(new Set(ics.match(/^UID:.*$/gm)).size).toBe(timeline.length);

    // A file's URI finds its own note.
    expect(accountAt(index, '/team-a/Accounts/Acme.md')).toBe('Acme A');
    expect(accountAt(index, '/team-b/Accounts/Acme.md')).toBe('Acme B');

    const ctx = { index, today: () => OPTIONS.today, settings: () => ({ locale: 'en' }) } as unknown as BatonContext;
    const tree = new RenewalsTree(ctx);
    const items = (await tree.getChildren()).map((e) => [e.account, tree.getTreeItem(e).resourceUri?.path]);
    expect(items.length).toBeGreaterThan(0);
    for (const [account, path] of items) expect(path).toBe(account === 'Acme A' ? '/team-a/Accounts/Acme.md' : '/team-b/Accounts/Acme.md');
    index.dispose();
  });

  it('typing into one of the two notes re-indexes that note alone, and each keeps its own diagnostics', async () => {
    _setFolders('/team-a', '/team-b');
    const index = await started();
    vi.useFakeTimers();
    const ctx = { index, today: () => OPTIONS.today, settings: () => ({ locale: 'en', keyPersonContactDays: 60 }) } as unknown as BatonContext;
    const a = _open('/team-a/Accounts/Acme.md', note('Acme A'));
    const b = _open('/team-b/Accounts/Acme.md', note('Acme B', true));
    const registration = registerDiagnostics(ctx);
    /** The lines (1-based) of a document's invalid-field diagnostics. */
    const invalid = (doc: typeof a) => (_state.diagnostics.get(doc.uri.toString()) ?? []).flatMap((d) => (String(d.code).startsWith('frontmatter.invalid:') ? [d.range.start.line + 1] : []));
    const type = async (doc: typeof a, text: string) => {
      doc._setText(text);
      _state.changes.fire({ document: doc });
      await vi.advanceTimersByTimeAsync(300);
    };
    expect(invalid(a)).toEqual([]);
    expect(invalid(b)).toEqual([16]);

    // team-b's health fixed, team-a's broken: each note's diagnostics and account follow its own text.
    await type(b, note('Acme B2'));
    expect(accounts(index)).toEqual({ 'Acme A': 'team-a/Accounts/Acme.md', 'Acme B2': 'team-b/Accounts/Acme.md' });
    expect(invalid(b)).toEqual([]);
    expect(invalid(a)).toEqual([]);
    await type(a, note('Acme A2', true));
    expect(accounts(index)).toEqual({ 'Acme A2': 'team-a/Accounts/Acme.md', 'Acme B2': 'team-b/Accounts/Acme.md' });
    expect(invalid(a)).toEqual([16]);
    expect(invalid(b)).toEqual([]);
    expect(new Set(index.portfolio.timeline().map((e) => `${e.account} ${e.file}`))).toEqual(new Set(['Acme A2 team-a/Accounts/Acme.md', 'Acme B2 team-b/Accounts/Acme.md']));
    registration.dispose();
    index.dispose();
  });

  it('deleting, renaming or editing one of the two notes leaves the other alone', async () => {
    _setFolders('/team-a', '/team-b');
    const index = await started();
    const watcher = _state.watchers.at(-1)!;

    index.update(uri('/team-b/Accounts/Acme.md'), note('Acme B2'));
    expect(accounts(index)).toEqual({ 'Acme A': 'team-a/Accounts/Acme.md', 'Acme B2': 'team-b/Accounts/Acme.md' });

    await vscode.workspace.fs.rename(uri('/team-b/Accounts/Acme.md'), uri('/team-b/Archive/Acme.md'));
    _state.renames.fire({ files: [{ oldUri: Uri.file('/team-b/Accounts/Acme.md'), newUri: Uri.file('/team-b/Archive/Acme.md') }] });
    expect(accounts(index)).toEqual({ 'Acme A': 'team-a/Accounts/Acme.md', 'Acme B2': 'team-b/Archive/Acme.md' });
    expect(index.uriOf('team-b/Archive/Acme.md')?.path).toBe('/team-b/Archive/Acme.md');

    _state.files.delete('/team-a/Accounts/Acme.md');
    watcher.deleted.fire(Uri.file('/team-a/Accounts/Acme.md'));
    expect(accounts(index)).toEqual({ 'Acme B2': 'team-b/Archive/Acme.md' });
    expect(index.uriOf('team-a/Accounts/Acme.md')).toBeUndefined();
    index.update(uri('/team-b/Archive/Acme.md'), _state.files.get('/team-b/Archive/Acme.md')!);
    expect(view(index)).toEqual(await cold());
    index.dispose();
  });

  it('tells folders of one name apart in folder order, never taking another folder’s name', async () => {
    _write('/x/vault/Accounts/Acme.md', note('Acme X'));
    _write('/y/vault/Accounts/Acme.md', note('Acme Y'));
    _setFolders('/x/vault', '/y/vault');
    const index = await started();
    expect(accounts(index)).toEqual({ 'Acme X': 'vault/Accounts/Acme.md', 'Acme Y': 'vault (2)/Accounts/Acme.md' });
    index.dispose();

    const folder = (name: string, path = `/${name}`) => ({ name, uri: uri(path), index: 0 });
    expect([...folderLabels([folder('a', '/1/a'), folder('a', '/2/a'), folder('a (2)')]).values()]).toEqual(['a', 'a (3)', 'a (2)']);
    expect(folderLabels([folder('a')]).size).toBe(0);
  });

  it('keeps a folder named with a `/` apart from the notes under another folder’s subfolder', async () => {
    _write('/x/Accounts/Acme.md', note('Acme in a/Accounts'));
    _write('/y/Accounts/Accounts/Acme.md', note('Acme in a, one level down'));
    _setFolders('/x=a/Accounts', '/y=a');
    const index = await started();
    expect(accounts(index)).toEqual({ 'Acme in a/Accounts': 'a\u2215Accounts/Accounts/Acme.md', 'Acme in a, one level down': 'a/Accounts/Accounts/Acme.md' });
    index.dispose();
  });
});

describe('a single workspace folder', () => {
  it('keeps the keys it always had: folder-relative, the absolute path outside the folder', async () => {
    _write('/ws/Accounts/Acme.md', note('Acme'));
    const index = await started(cache);
    expect(accounts(index)).toEqual({ Acme: 'Accounts/Acme.md' });
    expect(index.keyOf(uri('/ws/Accounts/Acme.md'))).toBe('Accounts/Acme.md');
    expect(index.keyOf(uri('/elsewhere/Note.md'))).toBe('/elsewhere/Note.md');
    expect(index.portfolio.timeline()[0]?.id).toMatch(/^Accounts\/Acme\.md#/);
    await index.flush();
    index.dispose();
    const written = JSON.parse(_state.files.get(`${STORAGE}/index-cache.json`)!) as { manifest: Record<string, unknown> };
    expect(Object.keys(written.manifest)).toEqual(['Accounts/Acme.md']);

    // Any folder name: still no prefix.
    _setFolders('/team-a');
    const other = await started();
    expect(accounts(other)).toEqual({ 'Acme A': 'Accounts/Acme.md' });
    other.dispose();
  });
});

describe('folders added and removed while VS Code runs', () => {
  it('re-keys the index without reading it again, reads the added folder and drops the removed one', async () => {
    _setFolders('/team-a');
    const index = await started(cache);
    expect(accounts(index)).toEqual({ 'Acme A': 'Accounts/Acme.md' });
    const loose = uri('/elsewhere/Loose.md');
    index.update(loose, note('Loose'));
    _state.reads = [];

    _setFolders('/team-a', '/team-b');
    await index.start();
    expect(accounts(index)).toEqual({ 'Acme A': 'team-a/Accounts/Acme.md', 'Acme B': 'team-b/Accounts/Acme.md' });
    expect(reads()).toEqual(['/team-b/Accounts/Acme.md']);
    expect(index.uriOf('Accounts/Acme.md')).toBeUndefined();
    expect(index.uriOf('team-a/Accounts/Acme.md')?.path).toBe('/team-a/Accounts/Acme.md');
    expect(view(index)).toEqual(await cold());

    // The watcher still reports under the new keys.
    _write('/team-a/Accounts/Acme.md', note('Acme A2'));
    await index.refresh(uri('/team-a/Accounts/Acme.md'));
    expect(accounts(index)).toEqual({ 'Acme A2': 'team-a/Accounts/Acme.md', 'Acme B': 'team-b/Accounts/Acme.md' });

    _setFolders('/team-b');
    await index.start();
    expect(accounts(index)).toEqual({ 'Acme B': 'Accounts/Acme.md' });
    expect(index.uriOf('Accounts/Acme.md')?.path).toBe('/team-b/Accounts/Acme.md');
    expect(accountAt(index, '/team-b/Accounts/Acme.md')).toBe('Acme B');
    expect(view(index)).toEqual(await cold());

    // What the index wrote is what the next session with these folders restores, reading nothing.
    await restartsWarm(index);
  });

  it('swaps the keys of two same-named folders that change places', async () => {
    _write('/x/vault/Accounts/Acme.md', note('Acme X'));
    _write('/y/vault/Accounts/Acme.md', note('Acme Y', true));
    _setFolders('/x/vault', '/y/vault');
    const index = await started();
    _state.reads = [];
    _setFolders('/y/vault', '/x/vault');
    await index.start();
    expect(accounts(index)).toEqual({ 'Acme Y': 'vault/Accounts/Acme.md', 'Acme X': 'vault (2)/Accounts/Acme.md' });
    expect(reads()).toEqual([]);
    expect(index.uriOf('vault/Accounts/Acme.md')?.path).toBe('/y/vault/Accounts/Acme.md');
    expect(accountAt(index, '/y/vault/Accounts/Acme.md')).toBe('Acme Y');
    expect(accountAt(index, '/x/vault/Accounts/Acme.md')).toBe('Acme X');
    expect(view(index)).toEqual(await cold());
    index.dispose();
  });

  it('a folder added while the scan runs is indexed once the scan is awaited', async () => {
    _setFolders('/team-a');
    const index = new WorkspaceIndex(OPTIONS, cache);
    const scan = index.start();
    _setFolders('/team-a', '/team-b');
    await scan;
    // The scan's keys are not all made for the folders it started with: it writes no cache.
    expect(_state.files.has(`${STORAGE}/index-cache.json`)).toBe(false);
    await index.start();
    expect(accounts(index)).toEqual({ 'Acme A': 'team-a/Accounts/Acme.md', 'Acme B': 'team-b/Accounts/Acme.md' });
    expect(view(index)).toEqual(await cold());
    await restartsWarm(index);
  });

  it('a folder added after the scan listed the files: the note read under its new key stays, with its stat', async () => {
    _setFolders('/team-a');
    const stat = vscode.workspace.fs.stat;
    // The scan stats each listed file: the folder arrives between listing and reading.
    (vscode.workspace.fs as { stat: typeof stat }).stat = (u) => {
      vscode.workspace.fs.stat = stat;
      _setFolders('/team-a', '/team-b');
      return stat(u);
    };
    const index = await started(cache);
    await index.start(); // now with the folder change
    expect(accounts(index)).toEqual({ 'Acme A': 'team-a/Accounts/Acme.md', 'Acme B': 'team-b/Accounts/Acme.md' });
    expect(index.uriOf('Accounts/Acme.md')).toBeUndefined();
    expect(view(index)).toEqual(await cold());
    await index.flush();
    index.dispose();
    _state.reads = [];
    await session();
    expect(reads()).toEqual([]);
  });

  it('adding an empty folder rewrites the cache for the new folders', async () => {
    _setFolders('/team-a', '/team-b');
    const index = await started(cache);
    _setFolders('/team-a', '/team-b', '/empty');
    await index.start();
    await restartsWarm(index);
  });
});

describe('a cache written for other folders', () => {
  // Two notes of one size and mtime: a stat cannot tell them apart. Under one folder /ws,
  // `team-b/Accounts/Acme.md` is /ws/team-b/…; with /team-b added it is /team-b/….
  beforeEach(() => {
    for (const [path, account] of [['/ws/team-b/Accounts/Acme.md', 'Acme West'], ['/team-b/Accounts/Acme.md', 'Acme East']] as const) {
      _state.files.set(path, note(account));
      _state.mtimes.set(path, 500);
    }
  });

  it('single-folder keys opened as multi-root: never restores a record under a key that now names another file', async () => {
    _setFolders('/ws');
    expect(accounts(await session())).toEqual({ 'Acme West': 'team-b/Accounts/Acme.md' });
    _setFolders('/ws', '/team-b');
    const index = await session();
    expect(accounts(index)).toEqual({ 'Acme West': 'ws/team-b/Accounts/Acme.md', 'Acme East': 'team-b/Accounts/Acme.md' });
    expect(view(index)).toEqual(await cold());
  });

  it('multi-root keys opened with a single folder: the same', async () => {
    _setFolders('/ws', '/team-b');
    expect(accounts(await session())).toEqual({ 'Acme West': 'ws/team-b/Accounts/Acme.md', 'Acme East': 'team-b/Accounts/Acme.md' });
    _setFolders('/ws');
    const index = await session();
    expect(accounts(index)).toEqual({ 'Acme West': 'team-b/Accounts/Acme.md' });
    expect(view(index)).toEqual(await cold());
  });

  it('an unchanged multi-root workspace restores its cache and reads nothing', async () => {
    _setFolders('/ws', '/team-b');
    await session();
    _state.reads = [];
    const index = await session();
    expect(reads()).toEqual([]);
    expect(view(index)).toEqual(await cold());
  });
});
