import * as vscode from 'vscode';
import { SnapshotPortfolio, type PortfolioOptions, type PortfolioSnapshot } from '@baton/core';

const MD_GLOB = '**/*.md';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.obsidian/**,**/.trash/**}';
/** The same folders as EXCLUDE (Obsidian's settings and trash among them), for watcher and editor events. */
const EXCLUDED_DIR = /\/(?:node_modules|\.git|\.obsidian|\.trash)\//;
/** Files stat-ed or read at once: unbounded reads thrash on big vaults. */
const BATCH = 32;

export const CACHE_FILE = 'index-cache.json';
/** Bump when the cache file's shape changes; another format is discarded. */
export const CACHE_FORMAT = 2;
export const SAVE_DELAY_MS = 5000;

/** Where the index is persisted between sessions. */
export interface IndexCacheOptions {
  /** The extension's workspace storage (`ExtensionContext.storageUri`); undefined with no folder open: no cache. */
  dir: vscode.Uri | undefined;
  /** The extension's version: a cache written by another version is discarded. */
  version: string;
  /** The `baton.indexCache` setting, read when the cache is loaded or saved. */
  enabled(): boolean;
}

/** `<storage>/index-cache.json`: every note read from disk with its stat, and core's snapshot of the accounts. */
interface CacheFile {
  format: typeof CACHE_FORMAT;
  extension: string;
  /** The folders the keys were made for (`folderRoots`): a cache of other folders is discarded. */
  roots: string;
  /** Key → [mtime, size] when it was read. Notes indexed from unsaved text are left out. */
  manifest: Record<string, [number, number]>;
  snapshot: PortfolioSnapshot;
}

const NO_CACHE: IndexCacheOptions = { dir: undefined, version: '', enabled: () => false };

/** What the host sets: every Portfolio option but `problems`, which the index fixes (it keeps none). */
export type IndexOptions = Omit<PortfolioOptions, 'problems'>;

/**
 * Each workspace folder's prefix in keys, by folder URI. None with a single folder: keys are
 * folder-relative, as they always were. With several, the folder's name, as VS Code's own
 * `asRelativePath(uri, true)` writes it; folders of one name are told apart in folder order: the
 * first keeps the name, the next get ` (2)`, ` (3)`, … (never a name another folder has). A `/` in
 * a name (a `.code-workspace` may give one) is written `∕` (U+2215), so a key's first `/` always ends
 * its folder: `a/b` + `x.md` never meets `a` + `b/x.md`.
 */
export function folderLabels(folders: readonly vscode.WorkspaceFolder[]): Map<string, string> {
  const labels = new Map<string, string>();
  if (folders.length < 2) return labels;
  const nameOf = (f: vscode.WorkspaceFolder) => f.name.replaceAll('/', '\u2215');
  const names = new Set(folders.map(nameOf));
  const used = new Set<string>();
  for (const f of folders) {
    const name = nameOf(f);
    let label = name;
    for (let n = 2; used.has(label) || (label !== name && names.has(label)); n++) label = `${name} (${n})`;
    used.add(label);
    labels.set(f.uri.toString(), label);
  }
  return labels;
}

/** What keys are made from: every folder's URI with its prefix (sorted). Two workspaces with the same roots key every file the same. */
function folderRoots(): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const labels = folderLabels(folders);
  return JSON.stringify(folders.map((f) => [labels.get(f.uri.toString()) ?? '', f.uri.toString()]).sort());
}

async function inBatches<T>(items: readonly T[], f: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await Promise.all(items.slice(i, i + BATCH).map(f));
}

/**
 * Keeps one core Portfolio in step with the workspace's Markdown files: one scan, then one
 * re-parse per created/changed/renamed file. Keys are workspace-relative paths so event ids
 * (and ICS UIDs) stay the same on every machine; with several workspace folders they start with
 * the folder's name (`folderLabels`), and a file outside every folder is keyed by its absolute path.
 * Adding or removing a folder re-keys the index (no note is read again) and reads the new folder.
 *
 * The index keeps no problems (`problems: false`): notes are read for the timeline only, about a
 * third faster. Diagnostics come from the full parse of the note in front of the user
 * (`lintDocument`), never from the index.
 *
 * The index is cached in the extension's workspace storage (never in the workspace folder): the
 * scan restores it and re-reads only notes that are new, whose mtime or size changed, or whose
 * cached record is damaged (`staleFiles`). Its records depend on no option that needs a note read
 * again: a new day, another language (the timeline's labels) or another outreach ladder is worked
 * out from the cache, and so is a cache written by an older index that kept problems.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private current: SnapshotPortfolio;
  /** The options as the host last set them, with `problems: false` (the restored Portfolio gets them too). */
  private options: PortfolioOptions;
  private readonly uris = new Map<string, vscode.Uri>();
  /** What was on disk when each note was read: the cache's manifest. */
  private readonly stats = new Map<string, [number, number]>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private ready: Promise<void> | undefined;
  private scanned = false;
  /** The folders (`folderRoots`) the indexed keys were made for; the cache is written only while they are current. */
  private roots = '';
  private disposed = false;
  /** The index changed since the cache was last written. */
  private dirty = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  readonly onDidChange = this.changed.event;

  constructor(
    options: IndexOptions,
    private readonly cache: IndexCacheOptions = NO_CACHE,
  ) {
    this.options = { ...options, problems: false };
    this.current = new SnapshotPortfolio(this.options);
  }

  /** The Portfolio (replaced once, by the cached one, when the scan starts). */
  get portfolio(): SnapshotPortfolio {
    return this.current;
  }

  /** Scans once (idempotent); callers await it before reading the timeline. */
  start(): Promise<void> {
    this.ready ??= this.scan();
    return this.ready;
  }

  private async scan(): Promise<void> {
    this.roots = folderRoots();
    // Deleting a folder reports the folder alone (no event per file inside): deletes of anything
    // drop every note at or under that path. Created first: the Markdown watcher stays the last one.
    const deletes = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    const watcher = vscode.workspace.createFileSystemWatcher(MD_GLOB);
    this.disposables.push(
      deletes,
      deletes.onDidDelete((uri) => this.forgetUnder(uri)),
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const uri of e.files) this.forgetUnder(uri);
      }),
      watcher,
      watcher.onDidCreate((uri) => void this.refresh(uri)),
      watcher.onDidChange((uri) => void this.refresh(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) this.rename(oldUri, newUri);
      }),
      // After the scan (and any earlier change): callers awaiting `start()` see the new folders.
      vscode.workspace.onDidChangeWorkspaceFolders(() => void (this.ready = this.start().then(() => this.refolder()))),
    );
    const cached = await this.load();
    const restored = cached !== undefined && this.restore(cached);
    // Without a usable cache the scan reads everything and writes a new one.
    this.dirty = !restored;
    const files = await vscode.workspace.findFiles(MD_GLOB, EXCLUDE);
    const listed = new Set<string>();
    for (const uri of files) {
      const key = this.keyOf(uri);
      listed.add(key);
      this.uris.set(key, uri);
    }
    if (restored) {
      // Notes deleted while VS Code was closed.
      const known = [...this.stats.keys(), ...cached.snapshot.records.map((r) => r[0])];
      for (const key of known) if (!listed.has(key)) this.drop(key);
    }
    const stale = new Set(this.current.staleFiles());
    await inBatches(files, async (uri) => {
      const key = this.keyOf(uri);
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        this.drop(key); // deleted between listing and stat
        return;
      }
      const known = this.stats.get(key);
      if (known && known[0] === stat.mtime && known[1] === stat.size && !stale.has(key)) return;
      if (!(await this.read(uri, stat))) this.drop(key);
    });
    this.scanned = true;
    this.changed.fire();
    if (this.dirty) await this.save();
  }

  /** The cache file when caching is on and the file is readable, of this format and this extension version. */
  private async load(): Promise<CacheFile | undefined> {
    const file = this.cacheFile();
    if (!file) {
      // Turning the setting off also removes what an earlier session cached.
      if (this.cache.dir && !this.cache.enabled()) await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(this.cache.dir, CACHE_FILE))).catch(() => undefined);
      return undefined;
    }
    try {
      const c = JSON.parse(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file))) as Partial<CacheFile> | null;
      // Keys made for other folders could name other files: never restore those.
      const ok = c?.format === CACHE_FORMAT && c.extension === this.cache.version && c.roots === this.roots && typeof c.manifest === 'object' && c.manifest !== null && Array.isArray(c.snapshot?.records);
      return ok ? (c as CacheFile) : undefined;
    } catch {
      return undefined; // missing or corrupt: a full scan rewrites it
    }
  }

  /** Swaps in the cached Portfolio and manifest; false (and nothing restored) when the snapshot cannot be read at all. */
  private restore(cached: CacheFile): boolean {
    let restored: SnapshotPortfolio;
    try {
      // Views set today on the Portfolio directly: keep the day it has now.
      restored = SnapshotPortfolio.fromSnapshot(cached.snapshot, { ...this.options, today: this.current.today });
    } catch {
      return false;
    }
    // A snapshot of another core version restores as an empty Portfolio: its manifest would then
    // skip notes that are in no record, so the whole cache is dropped instead.
    if (cached.snapshot.records.length > 0 && restored.size === 0 && restored.staleFiles().length === 0) return false;
    this.current = restored;
    // Anything a watcher event read before this belonged to the Portfolio just replaced.
    this.stats.clear();
    for (const [key, s] of Object.entries(cached.manifest)) {
      if (Array.isArray(s) && typeof s[0] === 'number' && typeof s[1] === 'number') this.stats.set(key, [s[0], s[1]]);
    }
    return true;
  }

  private cacheFile(): vscode.Uri | undefined {
    return this.cache.dir && this.cache.enabled() ? vscode.Uri.joinPath(this.cache.dir, CACHE_FILE) : undefined;
  }

  /** Writes the cache now if the index changed since the last write (and cancels a pending write). */
  save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    // One write at a time: they share the temporary file.
    this.saving = this.saving.then(() => this.write());
    return this.saving;
  }

  private async write(): Promise<void> {
    const file = this.cacheFile();
    const dir = this.cache.dir;
    // Folders changed and the index is not re-keyed yet: written once it is.
    if (!file || !dir || !this.dirty || this.roots !== folderRoots()) return;
    this.dirty = false;
    try {
      const data: CacheFile = { format: CACHE_FORMAT, extension: this.cache.version, roots: this.roots, manifest: Object.fromEntries(this.stats), snapshot: this.current.toSnapshot() };
      const temp = vscode.Uri.joinPath(dir, `${CACHE_FILE}.tmp`);
      await vscode.workspace.fs.createDirectory(dir);
      // Write then rename: a crash mid-write never leaves a half-written cache behind.
      await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(JSON.stringify(data)));
      await vscode.workspace.fs.rename(temp, file, { overwrite: true });
    } catch {
      this.dirty = true; // storage unavailable: try again after the next change
    }
  }

  /** Marks the cache out of date; after the scan, writes it once changes stop for SAVE_DELAY_MS. */
  private touched(): void {
    this.dirty = true;
    if (!this.scanned || this.disposed || !this.cacheFile()) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** `Accounts/Acme.md` with one folder; `team-a/Accounts/Acme.md` with several; the absolute path outside every folder. */
  keyOf(uri: vscode.Uri): string {
    const relative = vscode.workspace.asRelativePath(uri, false);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length < 2) return relative;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const label = folder && folderLabels(folders).get(folder.uri.toString());
    return label === undefined ? relative : `${label}/${relative}`;
  }

  uriOf(file: string): vscode.Uri | undefined {
    return this.uris.get(file);
  }

  /** Reads a note from disk. The stat is taken first, so a write in between only means one more re-read next session. */
  private async read(uri: vscode.Uri, stat?: vscode.FileStat): Promise<boolean> {
    try {
      const s = stat ?? (await vscode.workspace.fs.stat(uri));
      const bytes = await vscode.workspace.fs.readFile(uri);
      const key = this.index(uri, new TextDecoder('utf-8').decode(bytes));
      this.stats.set(key, [s.mtime, s.size]);
      return true;
    } catch {
      return false; // deleted between listing and reading
    }
  }

  private index(uri: vscode.Uri, text: string): string {
    const key = this.keyOf(uri);
    this.uris.set(key, uri);
    this.current.upsert(key, text);
    this.touched();
    return key;
  }

  private drop(key: string): void {
    this.uris.delete(key);
    this.stats.delete(key);
    this.current.remove(key);
    this.touched();
  }

  /** Re-reads one file from disk and notifies listeners. */
  async refresh(uri: vscode.Uri): Promise<void> {
    if (!uri.path.endsWith('.md') || EXCLUDED_DIR.test(uri.path)) return;
    if (await this.read(uri)) this.changed.fire();
  }

  /** Indexes text that may not be on disk yet (an unsaved editor): the next session re-reads the file. */
  upsertText(uri: vscode.Uri, text: string): void {
    if (EXCLUDED_DIR.test(uri.path)) return;
    this.stats.delete(this.index(uri, text));
  }

  update(uri: vscode.Uri, text: string): void {
    this.upsertText(uri, text);
    this.changed.fire();
  }

  forget(uri: vscode.Uri): void {
    this.drop(this.keyOf(uri));
    this.changed.fire();
  }

  /** Drops the note at `uri`, or every note under it when it was a folder. */
  forgetUnder(uri: vscode.Uri): void {
    const inside = `${uri.path.replace(/\/+$/, '')}/`;
    let gone = false;
    for (const [key, u] of this.uris) {
      if (u.scheme !== uri.scheme || u.authority !== uri.authority || (u.path !== uri.path && !u.path.startsWith(inside))) continue;
      this.drop(key);
      gone = true;
    }
    if (gone) this.changed.fire();
  }

  /**
   * An editor closed. Text indexed from its buffer while typing (no stat kept) gives way to the
   * file on disk: edits closed with "Don't Save" leave the index, and a file never saved leaves too.
   */
  async closed(uri: vscode.Uri): Promise<void> {
    const key = this.keyOf(uri);
    if (!this.uris.has(key) || this.stats.has(key)) return;
    if (!(await this.read(uri))) this.drop(key);
    this.changed.fire();
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    // Moved to Obsidian's trash (or another skipped folder): gone, as far as the index knows.
    if (EXCLUDED_DIR.test(to.path)) {
      this.forgetUnder(from);
      return;
    }
    if (!from.path.endsWith('.md') && !to.path.endsWith('.md')) {
      this.renameFolder(from, to);
      return;
    }
    if (!to.path.endsWith('.md')) {
      if (from.path.endsWith('.md')) this.forget(from);
      return;
    }
    const oldKey = this.keyOf(from);
    if (!this.uris.has(oldKey)) {
      void this.refresh(to);
      return;
    }
    // A rename keeps mtime and size on common file systems; if not, the next session re-reads it.
    this.move(oldKey, this.keyOf(to), to);
    this.changed.fire();
  }

  /** A folder renamed or moved (one event for the folder): every note under it moves with it. */
  private renameFolder(from: vscode.Uri, to: vscode.Uri): void {
    const inside = `${from.path}/`;
    const moved = [...this.uris].filter(([, u]) => u.scheme === from.scheme && u.authority === from.authority && u.path.startsWith(inside));
    for (const [key, u] of moved) {
      const target = vscode.Uri.joinPath(to, u.path.slice(inside.length));
      this.move(key, this.keyOf(target), target);
    }
    if (moved.length > 0) this.changed.fire();
  }

  /** Moves a note's record, URI and stat to another key (replacing what was indexed there). */
  private move(from: string, to: string, uri: vscode.Uri): void {
    const stat = this.stats.get(from);
    this.uris.delete(from);
    this.stats.delete(from);
    this.uris.set(to, uri);
    if (stat) this.stats.set(to, stat);
    else this.stats.delete(to);
    this.current.rename(from, to);
    this.touched();
  }

  /**
   * Workspace folders were added or removed: keys change with the folder count and names. Every
   * note moves to its new key (not read again), notes now outside every folder leave the index
   * (a removed folder's), and notes not yet indexed (an added folder's) are read.
   */
  private async refolder(): Promise<void> {
    if (this.disposed) return;
    this.roots = folderRoots();
    this.touched(); // the cache names the folders
    const moving: [string, vscode.Uri][] = [];
    for (const [key, uri] of this.uris) {
      if (!vscode.workspace.getWorkspaceFolder(uri)) this.drop(key);
      else if (this.keyOf(uri) !== key) moving.push([key, uri]);
    }
    // Through temporary keys, since a note may take the key another is leaving (same-named folders
    // reordered). A key already taken was read under the new folders (during the scan): it stays.
    const parked = moving.map(([key, uri], i) => {
      this.move(key, `\0${i}`, uri);
      return [`\0${i}`, uri] as const;
    });
    for (const [temp, uri] of parked) {
      const key = this.keyOf(uri);
      if (this.uris.has(key)) this.drop(temp);
      else this.move(temp, key, uri);
    }
    this.changed.fire();
    const files = await vscode.workspace.findFiles(MD_GLOB, EXCLUDE);
    await inBatches(
      files.filter((uri) => !this.uris.has(this.keyOf(uri))),
      (uri) => this.read(uri),
    );
    if (!this.disposed) this.changed.fire();
  }

  /**
   * Forgets the index (and so what the cache holds) and reads every note again, for when the index
   * and the files disagree: a file watcher can miss changes, e.g. past the system's limit of watched
   * files. Waits for a scan or folder change under way first; `start()` afterwards sees the result.
   */
  rebuild(): Promise<void> {
    this.ready = this.start().then(() => this.reread());
    return this.ready;
  }

  private async reread(): Promise<void> {
    if (this.disposed) return;
    // Views set today on the Portfolio directly: keep the day it has now.
    this.current = new SnapshotPortfolio({ ...this.options, today: this.current.today });
    this.uris.clear();
    this.stats.clear();
    this.dirty = true;
    this.changed.fire();
    await inBatches(await vscode.workspace.findFiles(MD_GLOB, EXCLUDE), (uri) => this.read(uri));
    if (this.disposed) return;
    this.changed.fire();
    await this.save();
  }

  setOptions(options: Partial<IndexOptions>): void {
    this.options = { ...this.options, ...options, problems: false };
    this.current.setOptions(options);
    this.changed.fire();
    if (this.scanned) void this.rereadStale();
  }

  /**
   * Reads what `staleFiles` lists. The index keeps no problems, so that is only a damaged cache
   * entry not read yet (the scan reads or drops those): a language change, a new day or another
   * ladder reads nothing.
   */
  private async rereadStale(): Promise<void> {
    const stale = this.current.staleFiles().flatMap((key) => this.uris.get(key) ?? []);
    if (stale.length === 0) return;
    // Each read marks the cache for saving.
    await inBatches(stale, (uri) => this.read(uri));
    if (!this.disposed) this.changed.fire();
  }

  /** Writes pending changes (what `deactivate` waits for). */
  flush(): Promise<void> {
    return this.dirty ? this.save() : this.saving;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.saveTimer);
    if (this.dirty) void this.save();
    for (const d of this.disposables) d.dispose();
  }
}
