import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SnapshotPortfolio, type PortfolioOptions } from '@baton/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { _extensionContext, _reset, _state, _write, Uri } from '../test/fake-vscode.js';
import { activate, deactivate } from './extension.js';
import { CACHE_FILE, CACHE_FORMAT, SAVE_DELAY_MS, WorkspaceIndex, type IndexCacheOptions } from './workspace-index.js';

const VAULT = fileURLToPath(new URL('../../../examples/vault/', import.meta.url));
const STORAGE = '/storage/ws';
const CACHE = `${STORAGE}/${CACHE_FILE}`;
const OPTIONS: PortfolioOptions = { today: '2026-11-20', locale: 'en', keyPersonContactDays: 60 };

/** The example vault (a dozen accounts in English and Japanese, templates, a meeting note) as /ws. */
function loadVault(): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(VAULT, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const full = `${entry.parentPath}/${entry.name}`.replace(/\/+/g, '/');
    const path = `/ws/${full.slice(VAULT.length)}`;
    _write(path, readFileSync(full, 'utf8'));
    paths.push(path);
  }
  return paths.sort();
}

/** `dir` null: no folder open, so no workspace storage. */
const cacheAt = (dir: string | null = STORAGE): IndexCacheOptions => ({
  dir: dir === null ? undefined : (Uri.file(dir) as unknown as vscode.Uri),
  version: '0.1.0',
  enabled: () => _state.config.indexCache !== false,
});

/** One VS Code session: scan, then write the cache the way deactivate does. */
async function session(options: PortfolioOptions = OPTIONS, cache = cacheAt()): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(options, cache);
  await index.start();
  await index.flush();
  index.dispose();
  return index;
}

/** Workspace files whose contents were read (the cache file itself is not counted). */
const reads = (): string[] => _state.reads.filter((p) => p.startsWith('/ws/')).sort();

/** Everything a user sees from the index (it keeps no problems: diagnostics come from the note in front of the user). */
function view(index: WorkspaceIndex) {
  const p = index.portfolio;
  return { timeline: p.timeline(), accounts: p.accounts(), files: [...p.indexed()].map((a) => a.file).sort() };
}


/** What a cache-less index makes of the workspace as it is now. */
async function cold(options: PortfolioOptions = OPTIONS) {
  const index = new WorkspaceIndex(options);
  await index.start();
  index.dispose();
  return view(index);
}

const cacheJson = () => JSON.parse(_state.files.get(CACHE) ?? 'null') as { format: number; extension: string; manifest: Record<string, [number, number]>; snapshot: { records: [string, string, string][] } };
const uri = (path: string) => Uri.file(path) as unknown as vscode.Uri;

let files: string[];
let accounts: string[];
beforeEach(async () => {
  _reset();
  files = loadVault();
  const probe = new WorkspaceIndex(OPTIONS);
  await probe.start();
  accounts = files.filter((f) => probe.portfolio.has(f.slice('/ws/'.length)));
  _state.reads = [];
});
afterEach(() => vi.useRealTimers());

describe('the persisted workspace index', () => {
  it('a second activation with unchanged files reads no note and shows what a cold scan shows', async () => {
    expect(accounts.length).toBeGreaterThan(10);
    expect(files.length).toBeGreaterThan(accounts.length); // templates and a meeting note: indexed as non-accounts
    const first = activate(_extensionContext(STORAGE));
    await first.context.index.start();
    expect(reads()).toEqual(files);
    // deactivate writes what changed since the scan (the debounced write is 5 s away).
    const gone = accounts.pop()!;
    files = files.filter((f) => f !== gone);
    _state.files.delete(gone);
    _state.watchers.at(-1)!.deleted.fire(Uri.file(gone));
    await deactivate();
    expect(Object.keys(cacheJson().manifest).sort()).toEqual(files.map((f) => f.slice(4)).sort());
    expect(cacheJson().extension).toBe('0.1.0');
    for (const d of first.context.extension.subscriptions) d.dispose();
    // Never written into the workspace folder.
    expect(_state.fsLog.flatMap((op) => op.split(' ').slice(1)).every((path) => path.startsWith(`${STORAGE}/`))).toBe(true);

    _state.reads = [];
    const second = activate(_extensionContext(STORAGE));
    await second.context.index.start();
    expect(reads()).toEqual([]);
    expect(view(second.context.index)).toEqual(await cold({ ...OPTIONS, today: second.context.index.portfolio.today }));
    expect(second.context.index.uriOf('Accounts/Bluebell Learning.md')?.path).toBe('/ws/Accounts/Bluebell Learning.md');
    await deactivate();
  });

  it('shows the first scan in the status bar until it has read every note, in the display language', async () => {
    for (const [language, title] of [
      ['en', 'Baton: indexing notes'],
      ['ja', 'Baton: ノートを読み込み中'],
    ] as const) {
      // Earlier tests' activations start their scans from a timer too: let those go first.
      await new Promise((r) => setTimeout(r, 10));
      _state.language = language;
      _state.progress = [];
      _state.reads = [];
      // A slow disk: no note is read until the gate opens.
      let open = (): void => undefined;
      _state.readGate = new Promise((r) => (open = r));
      // No cache (the previous round wrote one): the scan reads every note.
      _state.files.delete(CACHE);
      const api = activate(_extensionContext(STORAGE));
      // Activation itself does not wait: the scan (and its spinner) start right after it returns.
      expect(_state.progress).toEqual([]);
      await new Promise((r) => setTimeout(r, 10));
      expect(_state.progress).toEqual([{ location: vscode.ProgressLocation.Window, title, settled: false }]);
      expect(reads()).toEqual([]);
      open();
      _state.readGate = undefined;
      await api.context.index.start();
      await new Promise((r) => setTimeout(r, 0));
      expect(_state.progress[0]!.settled).toBe(true);
      expect(reads().length).toBeGreaterThan(0);
      await deactivate();
      for (const d of api.context.extension.subscriptions) d.dispose();
    }
  });

  it('rebuild reads every note again: changes a watcher missed are picked up, and the cache is rewritten', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    await index.flush();
    // Behind the watcher's back: one account renamed inside its note, one note deleted.
    const [edited, gone] = accounts as [string, string];
    _write(edited, _state.files.get(edited)!.replace(/^account: .*$/m, 'account: Rebuilt Co'));
    _state.files.delete(gone);
    const key = (path: string) => path.slice('/ws/'.length);
    expect(index.portfolio.has(key(gone))).toBe(true);
    _state.reads = [];
    const notified = vi.fn();
    index.onDidChange(notified);
    await index.rebuild();
    expect(reads()).toEqual(files.filter((f) => f !== gone));
    expect(index.portfolio.has(key(gone))).toBe(false);
    expect(index.portfolio.accounts().find((a) => a.file === key(edited))?.account.account).toBe('Rebuilt Co');
    expect(notified).toHaveBeenCalled();
    // What a cache-less scan of the files as they are now shows, and the cache says the same.
    files = files.filter((f) => f !== gone);
    expect(view(index)).toEqual(await cold({ ...OPTIONS, today: index.portfolio.today }));
    expect(Object.keys(cacheJson().manifest).sort()).toEqual(files.map(key).sort());
    // Awaiting start() afterwards waits for the rebuild too.
    await index.start();
    index.dispose();
  });

  it('an unchanged warm start does not rewrite the cache', async () => {
    await session();
    _state.fsLog = [];
    await session();
    expect(_state.fsLog).toEqual([]);
  });

  it('re-reads only notes changed in mtime or size and new notes, and forgets deleted ones', async () => {
    await session();
    const [touched, resized, deleted] = accounts as [string, string, string];
    _write(touched, _state.files.get(touched)!); // same text, later mtime
    _state.files.set(resized, _state.files.get(resized)!.replace('---\n', '---\nextra: yes\n')); // same mtime, other size
    _state.files.delete(deleted);
    _write('/ws/Accounts/New Co.md', _state.files.get(touched)!.replace(/^account: .*$/m, 'account: New Co'));
    _state.reads = [];
    const index = await session();
    expect(reads()).toEqual([touched, resized, '/ws/Accounts/New Co.md'].sort());
    expect(index.portfolio.has(deleted.slice(4))).toBe(false);
    expect(index.portfolio.timeline().some((e) => e.file === deleted.slice(4))).toBe(false);
    expect(index.portfolio.accounts().some((a) => a.account.account === 'New Co')).toBe(true);
    expect(view(index)).toEqual(await cold());
    expect(Object.keys(cacheJson().manifest)).not.toContain(deleted.slice(4));
  });

  it.each([
    ['another day', { today: '2027-03-01' }],
    ['another outreach ladder', { outreachDays: [120, 45] }],
  ])('reads no note on %s: the timeline is worked out from the cache', async (_name, change) => {
    await session();
    _state.reads = [];
    const options = { ...OPTIONS, ...change };
    const index = await session(options);
    expect(reads()).toEqual([]);
    expect(view(index)).toEqual(await cold(options));
    // The change really moves the timeline (else this would prove nothing).
    expect((await cold(options)).timeline).not.toEqual((await cold()).timeline);
  });

  it('reads no note when the language changed between sessions: the timeline is relabelled from the cache', async () => {
    await session();
    _state.reads = [];
    const options = { ...OPTIONS, locale: 'ja' as const };
    const index = await session(options);
    expect(reads()).toEqual([]);
    expect(view(index)).toEqual(await cold(options));
    // The language really moves the timeline (else this would prove nothing).
    expect((await cold(options)).timeline).not.toEqual((await cold()).timeline);
  });

  it('reads no note when the language changes mid-session: the timeline is relabelled from what is indexed', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    const before = index.portfolio.timeline();
    _state.reads = [];
    const notified = vi.fn();
    index.onDidChange(notified);
    index.setOptions({ locale: 'ja' });
    expect(notified).toHaveBeenCalledTimes(1);
    // Time for a re-read, were there one.
    await new Promise((r) => setTimeout(r, 20));
    expect(reads()).toEqual([]);
    expect(notified).toHaveBeenCalledTimes(1);
    expect(index.portfolio.timeline()).not.toEqual(before);
    expect(view(index)).toEqual(await cold({ ...OPTIONS, locale: 'ja' }));
    index.dispose();
  });

  it('restores a cache written by an older index that kept problems, reading no note, in its language or another', async () => {
    await session();
    const written = cacheJson();
    // The same notes as an index that keeps problems (in English) stores them.
    const full = new SnapshotPortfolio(OPTIONS);
    for (const f of files) full.upsert(f.slice('/ws/'.length), _state.files.get(f)!);
    const snapshot = full.toSnapshot();
    expect(snapshot.records.map((r) => r[0]).sort()).toEqual(written.snapshot.records.map((r) => r[0]).sort());
    expect(snapshot).not.toEqual(written.snapshot); // it holds the problems
    // Such an index would read every account note again in Japanese: its problems are in English.
    expect(SnapshotPortfolio.fromSnapshot(snapshot, { ...OPTIONS, locale: 'ja' }).staleFiles().sort()).toEqual(accounts.map((f) => f.slice('/ws/'.length)).sort());
    const restored = async (options: PortfolioOptions) => {
      _state.files.set(CACHE, JSON.stringify({ ...written, snapshot }));
      _state.reads = [];
      const index = await session(options);
      expect(reads()).toEqual([]);
      return view(index);
    };
    expect(await restored(OPTIONS)).toEqual(await cold());
    const ja = { ...OPTIONS, locale: 'ja' as const };
    expect(await restored(ja)).toEqual(await cold(ja));
  });

  it('keeps no problems, whatever the host asks, in every Portfolio it holds: new, restored from the cache, after new options, rebuilt', async () => {
    const keepsNone = (index: WorkspaceIndex) => expect(() => index.portfolio.allProblems()).toThrow(/keeps no problems/);
    await session();
    const asked: PortfolioOptions = { ...OPTIONS, problems: true };
    const index = new WorkspaceIndex(asked, cacheAt());
    keepsNone(index);
    _state.reads = [];
    await index.start();
    expect(reads()).toEqual([]); // restored from the cache
    keepsNone(index);
    index.setOptions({ locale: 'ja' });
    keepsNone(index);
    await index.rebuild();
    expect(reads()).toEqual(files);
    keepsNone(index);
    index.dispose();
  });

  it('re-reads a note whose cached record is damaged', async () => {
    await session();
    const c = cacheJson();
    const damaged = c.snapshot.records[0]!;
    damaged[1] = 'not base-32 digits';
    _state.files.set(CACHE, JSON.stringify(c));
    _state.reads = [];
    const index = await session();
    expect(reads()).toEqual([`/ws/${damaged[0]}`]);
    expect(view(index)).toEqual(await cold());
  });

  it.each([
    ['corrupt JSON', (text: string) => text.slice(0, text.length / 2)],
    ['another cache format', (text: string) => JSON.stringify({ ...JSON.parse(text), format: 99 })],
    ['another extension version', (text: string) => JSON.stringify({ ...JSON.parse(text), extension: '0.0.9' })],
    ['a snapshot of the wrong shape', (text: string) => JSON.stringify({ ...JSON.parse(text), snapshot: { ...JSON.parse(text).snapshot, strings: [], records: [7] } })],
    ['JSON null', () => 'null'],
    ['a snapshot from another version of core', (text: string) => JSON.stringify({ ...JSON.parse(text), snapshot: { ...JSON.parse(text).snapshot, version: 2 } })],
  ])('falls back to a full scan and rewrites the cache on %s', async (_name, spoil) => {
    await session();
    const good = cacheJson();
    _state.files.set(CACHE, spoil(_state.files.get(CACHE)!));
    _state.reads = [];
    const index = await session();
    expect(reads()).toEqual(files);
    expect(view(index)).toEqual(await cold());
    expect(cacheJson()).toEqual(good);
  });

  it('rewrites a corrupt cache even when there is no note to read', async () => {
    _state.files = new Map([[CACHE, '{']]);
    await session();
    expect(cacheJson()).toMatchObject({ format: CACHE_FORMAT, manifest: {}, snapshot: { records: [] } });
  });

  it('does not record a note indexed from unsaved text as if it were on disk', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    const note = accounts[0]!;
    const disk = _state.files.get(note)!;
    index.update(uri(note), disk.replace(/^account: .*$/m, 'account: Unsaved Name'));
    expect(index.portfolio.accounts().some((a) => a.account.account === 'Unsaved Name')).toBe(true);
    await index.flush();
    index.dispose();
    expect(Object.keys(cacheJson().manifest)).not.toContain(note.slice(4));

    _state.reads = [];
    const next = await session();
    expect(reads()).toEqual([note]);
    expect(next.portfolio.accounts().some((a) => a.account.account === 'Unsaved Name')).toBe(false);
    expect(view(next)).toEqual(await cold());
  });

  it('a saved note is recorded again once the watcher reports the write', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    const note = accounts[0]!;
    const edited = _state.files.get(note)!.replace(/^account: .*$/m, 'account: Saved Name');
    index.update(uri(note), edited);
    _write(note, edited);
    await index.refresh(uri(note));
    await index.flush();
    index.dispose();
    _state.reads = [];
    const next = await session();
    expect(reads()).toEqual([]);
    expect(next.portfolio.accounts().some((a) => a.account.account === 'Saved Name')).toBe(true);
  });

  it('keeps a renamed note cached under its new path', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    const from = accounts[0]!;
    const to = '/ws/Archive/Moved.md';
    await vscode.workspace.fs.rename(uri(from), uri(to));
    _state.renames.fire({ files: [{ oldUri: Uri.file(from), newUri: Uri.file(to) }] });
    await index.flush();
    index.dispose();
    _state.reads = [];
    const next = await session();
    expect(reads()).toEqual([]);
    expect(next.portfolio.has('Archive/Moved.md')).toBe(true);
    expect(next.portfolio.has(from.slice(4))).toBe(false);
    expect(view(next)).toEqual(await cold());
  });

  it('a folder renamed in the Explorer moves every note under it (one event for the folder)', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    // On disk, as the rename leaves it.
    for (const f of files.filter((p) => p.startsWith('/ws/Accounts/'))) {
      _state.files.set(f.replace('/ws/Accounts/', '/ws/Clients/'), _state.files.get(f)!);
      _state.mtimes.set(f.replace('/ws/Accounts/', '/ws/Clients/'), _state.mtimes.get(f) ?? 0);
      _state.files.delete(f);
    }
    let fired = 0;
    index.onDidChange(() => fired++);
    _state.renames.fire({ files: [{ oldUri: Uri.file('/ws/Accounts'), newUri: Uri.file('/ws/Clients') }] });
    expect(fired).toBe(1);
    expect(index.portfolio.timeline().some((e) => e.file.startsWith('Accounts/'))).toBe(false);
    expect(index.uriOf('Clients/' + accounts[0]!.slice('/ws/Accounts/'.length))?.path).toBe(accounts[0]!.replace('/Accounts/', '/Clients/'));
    expect(view(index)).toEqual(await cold());
    index.dispose();
  });

  it('a deleted folder takes its notes out of the index, from the Explorer or from outside VS Code', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    const gone = (dir: string) => {
      for (const f of [..._state.files.keys()]) if (f.startsWith(`${dir}/`)) _state.files.delete(f);
    };
    // Outside VS Code (rm -rf, git checkout): the watcher reports the folder alone.
    const deletes = _state.watchers.filter((w) => w.glob === '**/*').at(-1)!;
    const some = accounts.filter((f) => f.startsWith('/ws/Accounts/'));
    expect(some.length).toBeGreaterThan(1);
    gone('/ws/Accounts');
    deletes.deleted.fire(Uri.file('/ws/Accounts'));
    expect(index.portfolio.timeline().some((e) => e.file.startsWith('Accounts/'))).toBe(false);
    expect(view(index)).toEqual(await cold());
    // From the Explorer: onDidDeleteFiles names the folder.
    const templates = [..._state.files.keys()].filter((f) => f.startsWith('/ws/Templates/'));
    expect(templates.length).toBeGreaterThan(0);
    gone('/ws/Templates');
    _state.deletes.fire({ files: [Uri.file('/ws/Templates')] });
    expect(view(index)).toEqual(await cold());
    // A folder whose name merely starts the same is left alone.
    const before = view(index);
    deletes.deleted.fire(Uri.file('/ws/Acc'));
    expect(view(index)).toEqual(before);
    index.dispose();
  });

  it('notes in Obsidian\'s trash (and the other skipped folders) stay out, whatever event brings them', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    const watcher = _state.watchers.filter((w) => w.glob === '**/*.md').at(-1)!;
    const note = accounts[0]!;
    const text = _state.files.get(note)!;
    // Deleted in Obsidian while the vault is open in VS Code: the file lands in .trash/.
    _state.files.delete(note);
    _write('/ws/.trash/Old.md', text);
    watcher.deleted.fire(Uri.file(note));
    watcher.created.fire(Uri.file('/ws/.trash/Old.md'));
    await index.refresh(uri('/ws/.trash/Old.md'));
    expect(index.portfolio.has('.trash/Old.md')).toBe(false);
    expect(view(index)).toEqual(await cold());
    // Moved there from VS Code's Explorer, or typed into there.
    const second = accounts[1]!;
    _state.files.set('/ws/.obsidian/x.md', _state.files.get(second)!);
    _state.files.delete(second);
    _state.renames.fire({ files: [{ oldUri: Uri.file(second), newUri: Uri.file('/ws/.obsidian/x.md') }] });
    index.update(uri('/ws/node_modules/pkg/README.md'), text);
    expect(index.portfolio.has(second.slice(4))).toBe(false);
    expect(index.portfolio.has('.obsidian/x.md')).toBe(false);
    expect(index.portfolio.has('node_modules/pkg/README.md')).toBe(false);
    expect(view(index)).toEqual(await cold());
    index.dispose();
  });

  it('edits closed without saving give way to the file on disk', async () => {
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    const note = accounts[0]!;
    index.update(uri(note), _state.files.get(note)!.replace(/^account: .*$/m, 'account: Typo Corp'));
    expect(index.portfolio.accounts().some((a) => a.account.account === 'Typo Corp')).toBe(true);
    await index.closed(uri(note));
    expect(index.portfolio.accounts().some((a) => a.account.account === 'Typo Corp')).toBe(false);
    expect(view(index)).toEqual(await cold());
    // A note read from disk (the watcher's) is not read again on close.
    _state.reads = [];
    await index.closed(uri(accounts[1]!));
    expect(reads()).toEqual([]);
    // A new note typed into an editor and never saved leaves the index when closed.
    index.update(uri('/ws/Accounts/Draft.md'), _state.files.get(note)!.replace(/^account: .*$/m, 'account: Draft'));
    expect(index.portfolio.has('Accounts/Draft.md')).toBe(true);
    await index.closed(uri('/ws/Accounts/Draft.md'));
    expect(index.portfolio.has('Accounts/Draft.md')).toBe(false);
    index.dispose();
  });

  it('writes the cache 5 s after the last change, to a temporary file renamed over the cache', async () => {
    vi.useFakeTimers();
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    expect(_state.fsLog).toEqual([`write ${CACHE}.tmp`, `rename ${CACHE}.tmp ${CACHE}`]);
    _state.fsLog = [];
    const [a, b] = accounts as [string, string];
    const watcher = _state.watchers.at(-1)!;

    _write(a, `${_state.files.get(a)!}\nmore\n`);
    watcher.changed.fire(Uri.file(a));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(_state.fsLog).toEqual([]);
    // Another change restarts the wait.
    _state.files.delete(b);
    watcher.deleted.fire(Uri.file(b));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(_state.fsLog).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(_state.fsLog).toEqual([`write ${CACHE}.tmp`, `rename ${CACHE}.tmp ${CACHE}`]);
    expect(_state.files.has(`${CACHE}.tmp`)).toBe(false);
    const manifest = cacheJson().manifest;
    expect(manifest[a.slice(4)]).toEqual([_state.mtimes.get(a), new TextEncoder().encode(_state.files.get(a)!).length]);
    expect(manifest[b.slice(4)]).toBeUndefined();
    index.dispose();
  });

  it('writes pending changes on dispose', async () => {
    vi.useFakeTimers();
    const index = new WorkspaceIndex(OPTIONS, cacheAt());
    await index.start();
    _state.fsLog = [];
    const a = accounts[0]!;
    _state.files.delete(a);
    _state.watchers.at(-1)!.deleted.fire(Uri.file(a));
    index.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(_state.fsLog).toEqual([`write ${CACHE}.tmp`, `rename ${CACHE}.tmp ${CACHE}`]);
    expect(cacheJson().manifest[a.slice(4)]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(_state.fsLog).toHaveLength(2);
  });

  it('without workspace storage (no folder open) reads every note and writes nothing', async () => {
    await session(OPTIONS, cacheAt(null));
    _state.reads = [];
    const index = await session(OPTIONS, cacheAt(null));
    expect(reads()).toEqual(files);
    expect(_state.fsLog).toEqual([]);
    expect(view(index)).toEqual(await cold());
  });

  it('with baton.indexCache off reads every note, writes nothing and removes an earlier cache', async () => {
    await session();
    expect(_state.files.has(CACHE)).toBe(true);
    _state.config = { indexCache: false };
    _state.fsLog = [];
    _state.reads = [];
    await session();
    expect(reads()).toEqual(files);
    expect(_state.fsLog).toEqual([]);
    expect(_state.files.has(CACHE)).toBe(false);
  });
});
