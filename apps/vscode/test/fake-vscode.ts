// A small hand-written stand-in for the `vscode` module: real value classes, in-memory
// documents, and recorded UI calls. `_reset()` before each test.
/* eslint-disable @typescript-eslint/no-explicit-any */

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c ?? 0, d ?? 0) : (b as Position);
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(s: string): Uri {
    const m = /^([a-z-]+):\/\/(.*)$/.exec(s);
    return m ? new Uri(m[1]!, m[2]!) : new Uri('file', s);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class TextDocument {
  version = 1;
  constructor(readonly uri: Uri, private text: string, readonly languageId = 'markdown') {}
  getText(): string {
    return this.text;
  }
  get lineCount(): number {
    return this.text.split('\n').length;
  }
  offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    let off = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) off += lines[i]!.length + 1;
    return off + p.character;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1]!.length);
  }
  lineAt(line: number): { range: Range; text: string } {
    const text = this.text.split('\n')[line] ?? '';
    return { text, range: new Range(line, 0, line, text.replace(/\r$/, '').length) };
  }
  /** Test helper: what typing does. */
  _setText(text: string): void {
    this.text = text;
    this.version++;
  }
}

export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  constructor(readonly range: Range, readonly message: string, readonly severity: DiagnosticSeverity) {}
}

export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  constructor(readonly value: string) {}
}

export class CodeAction {
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(readonly title: string, readonly kind: CodeActionKind) {}
}

export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void): { dispose(): void } => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

export class ThemeIcon {
  constructor(readonly id: string) {}
}
export enum TreeItemCollapsibleState {
  None = 0,
}
export class TreeItem {
  description?: string;
  tooltip?: string;
  iconPath?: unknown;
  id?: string;
  resourceUri?: Uri;
  command?: unknown;
  constructor(readonly label: string, readonly collapsibleState: TreeItemCollapsibleState) {}
}
export class RelativePattern {
  constructor(readonly base: unknown, readonly pattern: string) {}
}
export enum ViewColumn {
  Active = -1,
}

/** A workspace folder as `workspace.workspaceFolders` lists it. */
export interface FakeFolder {
  uri: Uri;
  name: string;
  index: number;
}

interface State {
  messages: { level: 'error' | 'warning' | 'info'; text: string }[];
  /** What `showWorkspaceFolderPick` answers (a folder's index; undefined: escaped), and the placeholders it was shown with. */
  folderPick: number | undefined;
  folderPicks: string[];
  /** What `showSaveDialog` answers (a path; undefined: escaped), and the default URIs it was shown with. */
  saveAnswer: string | undefined;
  saveDefaults: (string | undefined)[];
  /** While set, `fs.readFile` waits for it (a slow disk). */
  readGate: Promise<void> | undefined;
  /** Every `window.withProgress`: where, its title, and whether its task has settled. */
  progress: { location: number; title: string | undefined; settled: boolean }[];
  documents: TextDocument[];
  activeTextEditor: { document: TextDocument; revealRange(): void } | undefined;
  /** The editors in sight (`_open` adds one; `_blur` keeps them but leaves no active editor). */
  visibleTextEditors: { document: TextDocument; revealRange(): void }[];
  config: Record<string, unknown>;
  language: string;
  /** The file system: absolute path → text. The workspace folder is /ws unless `_setFolders` says otherwise. */
  files: Map<string, string>;
  folders: FakeFolder[];
  foldersChanged: EventEmitter<{ added: FakeFolder[]; removed: FakeFolder[] }>;
  /** Modification times written by `_write` and `fs.writeFile` (0 for files set directly). */
  mtimes: Map<string, number>;
  /** Every path `fs.readFile` was asked for, in order. */
  reads: string[];
  /** Every `fs.writeFile` and `fs.rename`, in order. */
  fsLog: string[];
  watchers: FakeWatcher[];
  renames: EventEmitter<{ files: { oldUri: Uri; newUri: Uri }[] }>;
  /** `workspace.onDidDeleteFiles` (the Explorer's deletes) and `onDidCloseTextDocument`. */
  deletes: EventEmitter<{ files: Uri[] }>;
  closes: EventEmitter<TextDocument>;
  /** `workspace.onDidChangeTextDocument`: fire it after `_setText` to type into a document. */
  changes: EventEmitter<{ document: TextDocument }>;
  /** What every DiagnosticCollection holds, by document URI (`toString()`). */
  diagnostics: Map<string, Diagnostic[]>;
  /** When set, applyEdit bumps the document version first (simulates a racing keystroke). */
  raceOnApply: boolean;
}

/** What `createFileSystemWatcher` returns; tests fire its emitters. */
export class FakeWatcher {
  constructor(readonly glob = '') {}
  readonly created = new EventEmitter<Uri>();
  readonly changed = new EventEmitter<Uri>();
  readonly deleted = new EventEmitter<Uri>();
  readonly onDidCreate = this.created.event;
  readonly onDidChange = this.changed.event;
  readonly onDidDelete = this.deleted.event;
  disposed = false;
  dispose(): void {
    this.disposed = true;
  }
}

const fresh = (): State => ({
  messages: [],
  folderPick: undefined,
  folderPicks: [],
  saveAnswer: undefined,
  saveDefaults: [],
  readGate: undefined,
  progress: [],
  documents: [],
  activeTextEditor: undefined,
  visibleTextEditors: [],
  config: {},
  language: 'en',
  files: new Map(),
  folders: [{ uri: Uri.file('/ws'), name: 'ws', index: 0 }],
  foldersChanged: new EventEmitter(),
  mtimes: new Map(),
  reads: [],
  fsLog: [],
  watchers: [],
  renames: new EventEmitter(),
  deletes: new EventEmitter(),
  closes: new EventEmitter(),
  changes: new EventEmitter(),
  diagnostics: new Map(),
  raceOnApply: false,
});
const state: State = fresh();
let clock = 1_000;

export function _reset(): void {
  Object.assign(state, fresh());
}
export const _state = state;

/** Writes a file as an editor or `git pull` would: new text, a later mtime. */
export function _write(path: string, text: string): void {
  state.files.set(path, text);
  state.mtimes.set(path, ++clock);
}

/**
 * Replaces the workspace folders (absolute paths; a folder's name is its last segment unless given
 * as `path=name`) and fires `onDidChangeWorkspaceFolders` with what was added and removed.
 */
export function _setFolders(...specs: string[]): void {
  const before = state.folders;
  state.folders = specs.map((spec, index) => {
    const [path, name] = spec.split('=') as [string, string | undefined];
    return { uri: Uri.file(path), name: name ?? path.slice(path.lastIndexOf('/') + 1), index };
  });
  const same = (a: FakeFolder) => (b: FakeFolder) => a.uri.path === b.uri.path && a.name === b.name;
  state.foldersChanged.fire({ added: state.folders.filter((f) => !before.some(same(f))), removed: before.filter((f) => !state.folders.some(same(f))) });
}

/** The innermost workspace folder holding `uri`, as VS Code picks it. */
function folderOf(uri: Uri): FakeFolder | undefined {
  const holding = state.folders.filter((f) => uri.path.startsWith(`${f.uri.path}/`));
  return holding.sort((a, b) => b.uri.path.length - a.uri.path.length)[0];
}

/** An ExtensionContext with workspace storage at `storage` (undefined: no folder open). */
export function _extensionContext(storage: string | undefined, version = '0.1.0'): any {
  return { subscriptions: [], storageUri: storage === undefined ? undefined : Uri.file(storage), extensionUri: Uri.file('/ext'), extension: { packageJSON: { version } }, workspaceState: new Memento() };
}

/** `ExtensionContext.workspaceState`: values kept in memory for one context. */
export class Memento {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
}

const noEvent = () => ({ dispose: () => undefined });
const registered = () => ({ dispose: () => undefined });

/** Opens an in-memory document and makes it the active editor. */
export function _open(path: string, text: string): TextDocument {
  const doc = new TextDocument(Uri.file(path), text);
  state.documents.push(doc);
  state.activeTextEditor = { document: doc, revealRange: () => undefined };
  state.visibleTextEditors.push(state.activeTextEditor);
  return doc;
}

/** Focus moves to something that is not a text editor (a view, the walkthrough): editors stay in sight. */
export function _blur(): void {
  state.activeTextEditor = undefined;
}

const show = (level: 'error' | 'warning' | 'info') => async (text: string) => {
  state.messages.push({ level, text });
  return undefined;
};

export const window = {
  get activeTextEditor() {
    return state.activeTextEditor;
  },
  get visibleTextEditors() {
    return state.visibleTextEditors;
  },
  showErrorMessage: show('error'),
  showWarningMessage: show('warning'),
  showInformationMessage: show('info'),
  showInputBox: async () => undefined,
  showQuickPick: async () => undefined,
  showWorkspaceFolderPick: async (options?: { placeHolder?: string }) => {
    state.folderPicks.push(options?.placeHolder ?? '');
    return state.folderPick === undefined ? undefined : state.folders[state.folderPick];
  },
  showSaveDialog: async (options?: { defaultUri?: Uri }) => {
    state.saveDefaults.push(options?.defaultUri?.toString());
    return state.saveAnswer === undefined ? undefined : Uri.file(state.saveAnswer);
  },
  registerTreeDataProvider: registered,
  withProgress: async <T>(options: { location: number; title?: string }, task: (progress: { report(): void }) => Promise<T>): Promise<T> => {
    const entry = { location: options.location, title: options.title, settled: false };
    state.progress.push(entry);
    try {
      return await task({ report: () => undefined });
    } finally {
      entry.settled = true;
    }
  },
};

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export const env = {
  get language() {
    return state.language;
  },
};

export const workspace = {
  getConfiguration: (_section: string) => ({ get: (key: string) => state.config[key] }),
  get textDocuments() {
    return state.documents;
  },
  get workspaceFolders() {
    return state.folders.length > 0 ? [...state.folders] : undefined;
  },
  getWorkspaceFolder: folderOf,
  /** VS Code's rules: folder-relative, the folder's name first when asked (by default: with several folders), the path outside every folder. */
  asRelativePath: (uri: Uri, includeWorkspace?: boolean) => {
    const folder = folderOf(uri);
    if (!folder) return uri.fsPath;
    const relative = uri.path.slice(folder.uri.path.length + 1);
    return (includeWorkspace ?? state.folders.length > 1) ? `${folder.name}/${relative}` : relative;
  },
  openTextDocument: async (uri: Uri) => state.documents.find((d) => d.uri.toString() === uri.toString()),
  applyEdit: async (edit: WorkspaceEdit) => {
    for (const e of edit.edits) {
      const doc = state.documents.find((d) => d.uri.toString() === e.uri.toString());
      if (!doc) return false;
      if (state.raceOnApply) return false;
      const text = doc.getText();
      doc._setText(text.slice(0, doc.offsetAt(e.range.start)) + e.text + text.slice(doc.offsetAt(e.range.end)));
    }
    return true;
  },
  /** Markdown files in every folder (a RelativePattern: in its folder only); the pattern itself is not matched. */
  findFiles: async (include: string | RelativePattern, _exclude?: string) => {
    const base = include instanceof RelativePattern ? (include.base as FakeFolder).uri.path : undefined;
    return [...state.files.keys()]
      .filter((p) => (base === undefined ? folderOf(Uri.file(p)) !== undefined : p.startsWith(`${base}/`)))
      .filter((p) => p.endsWith('.md') && !/\/(node_modules|\.git|\.obsidian|\.trash)\//.test(p))
      .sort()
      .map((p) => Uri.file(p));
  },
  createFileSystemWatcher: (glob: string) => {
    const w = new FakeWatcher(glob);
    state.watchers.push(w);
    return w;
  },
  onDidChangeWorkspaceFolders: (l: (e: { added: FakeFolder[]; removed: FakeFolder[] }) => void) => state.foldersChanged.event(l),
  onDidRenameFiles: (l: (e: { files: { oldUri: Uri; newUri: Uri }[] }) => void) => state.renames.event(l),
  onDidDeleteFiles: (l: (e: { files: Uri[] }) => void) => state.deletes.event(l),
  onDidChangeConfiguration: noEvent,
  onDidOpenTextDocument: noEvent,
  onDidSaveTextDocument: noEvent,
  onDidChangeTextDocument: (l: (e: { document: TextDocument }) => void) => state.changes.event(l),
  onDidCloseTextDocument: (l: (d: TextDocument) => void) => state.closes.event(l),
  fs: {
    readFile: async (uri: Uri) => {
      await state.readGate;
      state.reads.push(uri.path);
      const t = state.files.get(uri.path);
      if (t === undefined) throw new Error('ENOENT');
      return new TextEncoder().encode(t);
    },
    writeFile: async (uri: Uri, bytes: Uint8Array) => {
      state.fsLog.push(`write ${uri.path}`);
      _write(uri.path, new TextDecoder().decode(bytes));
    },
    stat: async (uri: Uri) => {
      const t = state.files.get(uri.path);
      if (t === undefined) throw new Error('ENOENT');
      return { type: 1, ctime: 0, mtime: state.mtimes.get(uri.path) ?? 0, size: new TextEncoder().encode(t).length };
    },
    rename: async (from: Uri, to: Uri, options?: { overwrite?: boolean }) => {
      const t = state.files.get(from.path);
      if (t === undefined) throw new Error('ENOENT');
      if (state.files.has(to.path) && !options?.overwrite) throw new Error('EEXIST');
      state.fsLog.push(`rename ${from.path} ${to.path}`);
      state.files.delete(from.path);
      state.files.set(to.path, t);
      state.mtimes.set(to.path, state.mtimes.get(from.path) ?? 0);
      state.mtimes.delete(from.path);
    },
    delete: async (uri: Uri) => {
      if (!state.files.delete(uri.path)) throw new Error('ENOENT');
      state.mtimes.delete(uri.path);
    },
    createDirectory: async (_uri: Uri) => undefined,
  },
};

export const languages = {
  createDiagnosticCollection: () => ({
    set: (uri: Uri, diagnostics: Diagnostic[]) => void state.diagnostics.set(uri.toString(), diagnostics),
    delete: (uri: Uri) => void state.diagnostics.delete(uri.toString()),
    dispose: () => undefined,
  }),
  registerCodeActionsProvider: registered,
};
export const commands = { registerCommand: registered };
