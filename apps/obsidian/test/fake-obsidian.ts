/**
 * A small hand-written fake of the types-only `obsidian` module: real value classes, an
 * in-memory vault, and bookkeeping (listeners, intervals, DOM handlers) so tests can assert
 * that `onunload` leaves nothing behind. Only what Baton uses is here.
 */
import { readFrontmatter } from '@baton/core';
import { installDomHelpers } from './dom-helpers';

if (typeof window !== 'undefined' && typeof HTMLElement !== 'undefined') installDomHelpers(window as never);

// ---------------------------------------------------------------- events
export interface EventRef {
  owner: Events;
  name: string;
  fn: (...args: unknown[]) => unknown;
}

export class Events {
  private handlers = new Map<string, EventRef[]>();
  on(name: string, fn: (...args: never[]) => unknown): EventRef {
    const ref: EventRef = { owner: this, name, fn: fn as EventRef['fn'] };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }
  offref(ref: EventRef): void {
    const list = this.handlers.get(ref.name);
    if (list) this.handlers.set(ref.name, list.filter((r) => r !== ref));
  }
  trigger(name: string, ...args: unknown[]): void {
    for (const r of Array.from(this.handlers.get(name) ?? [])) r.fn(...args);
  }
  /** Test helper: live listener count (all names). */
  listenerCount(): number {
    let n = 0;
    for (const l of this.handlers.values()) n += l.length;
    return n;
  }
}

// ---------------------------------------------------------------- files
export abstract class TAbstractFile {
  vault!: Vault;
  path: string;
  name: string;
  parent: TFolder | null = null;
  constructor(path: string) {
    this.path = path;
    this.name = path.split('/').pop() ?? path;
  }
}

export class TFile extends TAbstractFile {
  stat = { ctime: 0, mtime: 0, size: 0 };
  get basename(): string {
    return this.name.replace(/\.[^.]*$/, '');
  }
  get extension(): string {
    const m = /\.([^.]*)$/.exec(this.name);
    return m?.[1] ?? '';
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
  isRoot(): boolean {
    return this.path === '/';
  }
}

export function normalizePath(p: string): string {
  const s = p.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^\/+|\/+$/g, '');
  return s === '' ? '/' : s;
}

export class Vault extends Events {
  private files = new Map<string, { file: TFile; text: string }>();
  private folders = new Set<string>();
  metadataCache!: MetadataCache;
  /** Every write, for assertions. */
  writes: { path: string; text: string }[] = [];

  getName(): string {
    return 'test-vault';
  }
  getMarkdownFiles(): TFile[] {
    return [...this.files.values()].map((f) => f.file).filter((f) => f.extension === 'md');
  }
  getFiles(): TFile[] {
    return [...this.files.values()].map((f) => f.file);
  }
  getAbstractFileByPath(path: string): TAbstractFile | null {
    const p = normalizePath(path);
    const f = this.files.get(p);
    if (f) return f.file;
    if (this.folders.has(p)) {
      const folder = new TFolder(p);
      return folder;
    }
    return null;
  }
  getFileByPath(path: string): TFile | null {
    return this.files.get(normalizePath(path))?.file ?? null;
  }
  async read(file: TFile): Promise<string> {
    return this.text(file.path);
  }
  async cachedRead(file: TFile): Promise<string> {
    return this.text(file.path);
  }
  private text(path: string): string {
    const f = this.files.get(path);
    if (!f) throw new Error(`ENOENT: ${path}`);
    return f.text;
  }
  /** Test helper: seeds a file without events (like files present before startup). */
  seed(path: string, text: string): TFile {
    const file = new TFile(normalizePath(path));
    file.vault = this;
    this.files.set(file.path, { file, text });
    this.metadataCache?._index(file, text);
    return file;
  }
  async create(path: string, text: string): Promise<TFile> {
    const p = normalizePath(path);
    if (this.files.has(p)) throw new Error('File already exists.');
    const file = this.seed(p, text);
    this.writes.push({ path: p, text });
    this.trigger('create', file);
    this.metadataCache._changed(file, text);
    return file;
  }
  async createFolder(path: string): Promise<TFolder> {
    const p = normalizePath(path);
    if (this.folders.has(p)) throw new Error('Folder already exists.');
    this.folders.add(p);
    return new TFolder(p);
  }
  async modify(file: TFile, text: string): Promise<void> {
    const f = this.files.get(file.path);
    if (!f) throw new Error(`ENOENT: ${file.path}`);
    f.text = text;
    this.writes.push({ path: file.path, text });
    this.trigger('modify', file);
    this.metadataCache._changed(file, text);
  }
  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const before = this.text(file.path);
    const after = fn(before);
    if (after !== before) await this.modify(file, after);
    return after;
  }
  async delete(file: TAbstractFile): Promise<void> {
    this.files.delete(file.path);
    this.trigger('delete', file);
  }
  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const f = this.files.get(file.path);
    if (!f) throw new Error(`ENOENT: ${file.path}`);
    const old = file.path;
    this.files.delete(old);
    file.path = normalizePath(newPath);
    file.name = file.path.split('/').pop() ?? file.path;
    this.files.set(file.path, f);
    this.trigger('rename', file, old);
  }
}

export interface ListItemCache {
  /** The character between the brackets of a task (`' '`, `'x'`, …); undefined for a plain list item. */
  task?: string;
  position: { start: { line: number; col: number; offset: number }; end: { line: number; col: number; offset: number } };
}

export interface CachedMetadata {
  frontmatter?: Record<string, unknown>;
  listItems?: ListItemCache[];
}

const LIST_ITEM_RE = /^([ \t>]*)(?:[-*+]|\d+[.)])[ \t]+(?:\[(.)\](?=[ \t]|$))?/;
const FENCE_RE = /^[ \t>]*(`{3,}|~{3,})/;

/** Like Obsidian's metadataCache: list items (0-based lines) outside frontmatter and code fences. */
function listItems(text: string, bodyStart: number): ListItemCache[] | undefined {
  const out: ListItemCache[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let fence: string | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = FENCE_RE.exec(line);
    if (f?.[1]) {
      if (fence === undefined) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const m = LIST_ITEM_RE.exec(line);
    if (!m) continue;
    const at = { line: i, col: 0, offset: 0 };
    out.push(m[2] === undefined ? { position: { start: at, end: at } } : { task: m[2], position: { start: at, end: at } });
  }
  return out.length > 0 ? out : undefined;
}

export class MetadataCache extends Events {
  private cache = new Map<TFile, CachedMetadata>();
  _index(file: TFile, text: string): CachedMetadata {
    const fm = readFrontmatter(text);
    const meta: CachedMetadata = fm.data ? { frontmatter: fm.data } : {};
    const items = listItems(text, fm.closed ? fm.bodyStart : 0);
    if (items) meta.listItems = items;
    this.cache.set(file, meta);
    return meta;
  }
  _changed(file: TFile, text: string): void {
    const meta = this._index(file, text);
    this.trigger('changed', file, text, meta);
  }
  getFileCache(file: TFile): CachedMetadata | null {
    return this.cache.get(file) ?? null;
  }
}

export class FileManager {
  constructor(private app: App) {}
  async processFrontMatter(file: TFile, fn: (fm: Record<string, unknown>) => void): Promise<void> {
    const text = await this.app.vault.read(file);
    const fm = readFrontmatter(text);
    const data = { ...fm.data };
    fn(data);
    const body = fm.closed ? fm.lines.slice(fm.bodyStart).join('') : text;
    const yaml = Object.entries(data)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
      .join('\n');
    await this.app.vault.modify(file, `---\n${yaml}\n---\n${body}`);
  }
}

// ---------------------------------------------------------------- components
type DomTarget = { addEventListener: (t: string, cb: never) => void; removeEventListener: (t: string, cb: never) => void };

/** Live registrations across all components, so a test can assert unload cleaned up. */
export const registry = { events: 0, intervals: 0, domEvents: 0 };

export class Component {
  private cleanups: (() => void)[] = [];
  private children: Component[] = [];
  _loaded = false;
  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    this.onload();
    for (const c of this.children) c.load();
  }
  onload(): void | Promise<void> {}
  /** Like Obsidian: awaits an async `onload`. */
  async loadAsync(): Promise<void> {
    if (this._loaded) return;
    this._loaded = true;
    await this.onload();
    for (const c of this.children) c.load();
  }
  unload(): void {
    for (const c of this.children.splice(0)) c.unload();
    for (const fn of this.cleanups.splice(0).reverse()) fn();
    if (this._loaded) {
      this._loaded = false;
      this.onunload();
    }
  }
  onunload(): void {}
  addChild<T extends Component>(c: T): T {
    this.children.push(c);
    if (this._loaded) c.load();
    return c;
  }
  removeChild<T extends Component>(c: T): T {
    this.children = this.children.filter((x) => x !== c);
    c.unload();
    return c;
  }
  register(fn: () => void): void {
    this.cleanups.push(fn);
  }
  registerEvent(ref: EventRef): void {
    registry.events++;
    this.register(() => {
      registry.events--;
      ref.owner.offref(ref);
    });
  }
  registerInterval(id: number): number {
    registry.intervals++;
    this.register(() => {
      registry.intervals--;
      clearInterval(id);
    });
    return id;
  }
  registerDomEvent(el: DomTarget, type: string, cb: (ev: never) => unknown): void {
    el.addEventListener(type, cb as never);
    registry.domEvents++;
    this.register(() => {
      registry.domEvents--;
      el.removeEventListener(type, cb as never);
    });
  }
}

// ---------------------------------------------------------------- workspace
export interface ViewState {
  type: string;
  active?: boolean;
  state?: unknown;
}

export class WorkspaceLeaf extends Events {
  view: View | null = null;
  openedFiles: { file: TFile; state: unknown }[] = [];
  constructor(public app: App) {
    super();
  }
  async openFile(file: TFile, state?: unknown): Promise<void> {
    this.openedFiles.push({ file, state });
    this.app.workspace._setActiveFile(file);
  }
  async setViewState(vs: ViewState): Promise<void> {
    const factory = this.app.workspace._views.get(vs.type);
    if (!factory) throw new Error(`no view registered for ${vs.type}`);
    if (this.view) await this.view._close();
    const view = factory(this);
    this.view = view;
    await view._open();
  }
  getViewState(): ViewState {
    return { type: this.view?.getViewType() ?? 'empty' };
  }
  detach(): void {
    void this.view?._close();
    this.view = null;
    this.app.workspace._leaves = this.app.workspace._leaves.filter((l) => l !== this);
  }
}

export class Workspace extends Events {
  _views = new Map<string, (leaf: WorkspaceLeaf) => View>();
  _leaves: WorkspaceLeaf[] = [];
  layoutReady = false;
  private readyQueue: (() => unknown)[] = [];
  private activeFile: TFile | null = null;
  containerEl: HTMLElement = typeof document !== 'undefined' ? document.createElement('div') : (undefined as never);
  constructor(public app: App) {
    super();
  }
  onLayoutReady(cb: () => unknown): void {
    if (this.layoutReady) void cb();
    else this.readyQueue.push(cb);
  }
  /** Test helper: fire layout-ready. */
  async _layoutReady(): Promise<void> {
    this.layoutReady = true;
    for (const cb of this.readyQueue.splice(0)) await cb();
  }
  getLeaf(_newLeaf?: unknown): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app);
    this._leaves.push(leaf);
    return leaf;
  }
  getRightLeaf(_split: boolean): WorkspaceLeaf {
    return this.getLeaf();
  }
  getLeavesOfType(type: string): WorkspaceLeaf[] {
    return this._leaves.filter((l) => l.view?.getViewType() === type);
  }
  async revealLeaf(_leaf: WorkspaceLeaf): Promise<void> {}
  detachLeavesOfType(type: string): void {
    for (const l of this.getLeavesOfType(type)) l.detach();
  }
  getActiveFile(): TFile | null {
    return this.activeFile;
  }
  _setActiveFile(file: TFile | null): void {
    this.activeFile = file;
    this.trigger('file-open', file);
  }
  async openLinkText(linktext: string, _source: string, _newLeaf?: unknown, state?: unknown): Promise<void> {
    const file = this.app.vault.getFileByPath(linktext);
    if (file) await this.getLeaf().openFile(file, state);
  }
}

export class App {
  vault: Vault;
  metadataCache: MetadataCache;
  workspace: Workspace;
  fileManager: FileManager;
  commands = {
    commands: {} as Record<string, Command>,
    async executeCommandById(id: string): Promise<boolean> {
      const c = this.commands[id];
      if (!c) return false;
      if (c.callback) await c.callback();
      else if (c.checkCallback) await c.checkCallback(false);
      return true;
    },
  };
  constructor() {
    this.vault = new Vault();
    this.metadataCache = new MetadataCache();
    this.vault.metadataCache = this.metadataCache;
    this.workspace = new Workspace(this);
    this.fileManager = new FileManager(this);
  }
}

// ---------------------------------------------------------------- plugin
export interface Command {
  id: string;
  name: string;
  icon?: string;
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
}

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  dir?: string;
}

export class Plugin extends Component {
  settingTabs: PluginSettingTab[] = [];
  ribbonIcons: HTMLElement[] = [];
  statusBarItems: HTMLElement[] = [];
  private data: unknown = null;
  constructor(
    public app: App,
    public manifest: PluginManifest,
  ) {
    super();
  }
  addCommand(c: Command): Command {
    // As Obsidian does: the id and the name are prefixed with the plugin's (the palette shows the name as is).
    const full = { ...c, id: `${this.manifest.id}:${c.id}`, name: `${this.manifest.name}: ${c.name}` };
    this.app.commands.commands[full.id] = full;
    this.register(() => delete this.app.commands.commands[full.id]);
    return full;
  }
  addRibbonIcon(icon: string, title: string, cb: (ev: MouseEvent) => unknown): HTMLElement {
    const el = document.createElement('div');
    el.setAttribute('aria-label', title);
    el.dataset['icon'] = icon;
    el.addEventListener('click', cb as never);
    this.ribbonIcons.push(el);
    this.register(() => el.remove());
    return el;
  }
  addStatusBarItem(): HTMLElement {
    const el = document.createElement('div');
    this.statusBarItems.push(el);
    this.register(() => el.remove());
    return el;
  }
  addSettingTab(tab: PluginSettingTab): void {
    this.settingTabs.push(tab);
  }
  registerView(type: string, factory: (leaf: WorkspaceLeaf) => View): void {
    this.app.workspace._views.set(type, factory);
    // Obsidian closes a view type's leaves when the plugin that registered it goes away.
    this.register(() => {
      this.app.workspace.detachLeavesOfType(type);
      this.app.workspace._views.delete(type);
    });
  }
  async loadData(): Promise<unknown> {
    return this.data;
  }
  async saveData(data: unknown): Promise<void> {
    this.data = JSON.parse(JSON.stringify(data));
  }
}

// ---------------------------------------------------------------- views
export abstract class View extends Component {
  containerEl: HTMLElement;
  constructor(public leaf: WorkspaceLeaf) {
    super();
    this.containerEl = document.createElement('div');
  }
  get app(): App {
    return this.leaf.app;
  }
  abstract getViewType(): string;
  abstract getDisplayText(): string;
  getIcon(): string {
    return 'document';
  }
  async onOpen(): Promise<void> {}
  async onClose(): Promise<void> {}
  async _open(): Promise<void> {
    this.load();
    await this.onOpen();
  }
  async _close(): Promise<void> {
    await this.onClose();
    this.unload();
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;
  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.containerEl.createDiv({ cls: 'view-header' });
    this.contentEl = this.containerEl.createDiv({ cls: 'view-content' });
  }
}

export class Notice {
  static messages: string[] = [];
  noticeEl: HTMLElement;
  constructor(public message: string | DocumentFragment, _duration?: number) {
    Notice.messages.push(typeof message === 'string' ? message : (message.textContent ?? ''));
    this.noticeEl = document.createElement('div');
  }
  setMessage(m: string): this {
    Notice.messages.push(m);
    return this;
  }
  hide(): void {}
}

export class Modal {
  static opened: Modal[] = [];
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  isOpen = false;
  constructor(public app: App) {
    this.containerEl = document.createElement('div');
    this.modalEl = this.containerEl.createDiv({ cls: 'modal' });
    this.titleEl = this.modalEl.createDiv({ cls: 'modal-title' });
    this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
  }
  setTitle(t: string): this {
    this.titleEl.setText(t);
    return this;
  }
  open(): void {
    this.isOpen = true;
    Modal.opened.push(this);
    this.onOpen();
  }
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.onClose();
  }
  onOpen(): void {}
  onClose(): void {}
}

export interface FuzzyMatch<T> {
  item: T;
  match: { score: number; matches: [number, number][] };
}

export abstract class SuggestModal<T> extends Modal {
  inputEl: HTMLInputElement;
  constructor(app: App) {
    super(app);
    this.inputEl = this.modalEl.createEl('input') as HTMLInputElement;
  }
  setPlaceholder(p: string): void {
    this.inputEl.placeholder = p;
  }
  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const q = query.toLowerCase();
    return this.getItems()
      .filter((i) => this.getItemText(i).toLowerCase().includes(q))
      .map((item) => ({ item, match: { score: 0, matches: [] } }));
  }
  renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
    el.setText(this.getItemText(value.item));
  }
  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }
  /** Test helper: pick the first suggestion whose text includes `query`. */
  _choose(query: string): T {
    const hit = this.getSuggestions(query)[0];
    if (!hit) throw new Error(`no suggestion for ${query}`);
    this.close();
    this.onChooseSuggestion(hit, new MouseEvent('click'));
    return hit.item;
  }
}

// ---------------------------------------------------------------- settings
export abstract class PluginSettingTab {
  containerEl: HTMLElement;
  constructor(
    public app: App,
    public plugin: Plugin,
  ) {
    this.containerEl = document.createElement('div');
  }
  abstract display(): void;
  hide(): void {}
}

abstract class ValueComponent<T> {
  protected handler: ((v: T) => unknown) | undefined;
  abstract getValue(): T;
  abstract setValue(v: T): this;
  onChange(cb: (v: T) => unknown): this {
    this.handler = cb;
    return this;
  }
  /** Test helper: what a user typing/choosing would do. */
  async _change(v: T): Promise<void> {
    this.setValue(v);
    await this.handler?.(v);
  }
}

export class TextComponent extends ValueComponent<string> {
  inputEl: HTMLInputElement;
  constructor(parent: HTMLElement) {
    super();
    this.inputEl = parent.createEl('input', { type: 'text' }) as HTMLInputElement;
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(v: string): this {
    this.inputEl.value = v;
    return this;
  }
  setPlaceholder(p: string): this {
    this.inputEl.placeholder = p;
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  constructor(parent: HTMLElement) {
    super();
    this.selectEl = parent.createEl('select') as HTMLSelectElement;
  }
  addOption(value: string, text: string): this {
    this.selectEl.createEl('option', { value, text });
    return this;
  }
  addOptions(o: Record<string, string>): this {
    for (const [k, v] of Object.entries(o)) this.addOption(k, v);
    return this;
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(v: string): this {
    this.selectEl.value = v;
    return this;
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  private on = false;
  getValue(): boolean {
    return this.on;
  }
  setValue(v: boolean): this {
    this.on = v;
    return this;
  }
}

export class ButtonComponent {
  buttonEl: HTMLButtonElement;
  private cb: (() => unknown) | undefined;
  constructor(parent: HTMLElement) {
    this.buttonEl = parent.createEl('button') as HTMLButtonElement;
    this.buttonEl.addEventListener('click', () => void this.cb?.());
  }
  setButtonText(t: string): this {
    this.buttonEl.setText(t);
    return this;
  }
  setCta(): this {
    return this;
  }
  onClick(cb: () => unknown): this {
    this.cb = cb;
    return this;
  }
}

export class Setting {
  static all: Setting[] = [];
  settingEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: (TextComponent | DropdownComponent | ToggleComponent | ButtonComponent)[] = [];
  name = '';
  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv({ cls: 'setting-item' });
    this.nameEl = this.settingEl.createDiv({ cls: 'setting-item-name' });
    this.descEl = this.settingEl.createDiv({ cls: 'setting-item-description' });
    this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' });
    Setting.all.push(this);
  }
  setName(n: string): this {
    this.name = n;
    this.nameEl.setText(n);
    return this;
  }
  setDesc(d: string): this {
    this.descEl.setText(d);
    return this;
  }
  setHeading(): this {
    return this;
  }
  addText(cb: (c: TextComponent) => unknown): this {
    const c = new TextComponent(this.controlEl);
    this.components.push(c);
    cb(c);
    return this;
  }
  addDropdown(cb: (c: DropdownComponent) => unknown): this {
    const c = new DropdownComponent(this.controlEl);
    this.components.push(c);
    cb(c);
    return this;
  }
  addToggle(cb: (c: ToggleComponent) => unknown): this {
    const c = new ToggleComponent();
    this.components.push(c);
    cb(c);
    return this;
  }
  addButton(cb: (c: ButtonComponent) => unknown): this {
    const c = new ButtonComponent(this.controlEl);
    this.components.push(c);
    cb(c);
    return this;
  }
}

// ---------------------------------------------------------------- functions
export function setIcon(el: HTMLElement, icon: string): void {
  el.dataset['icon'] = icon;
}

let language = 'en';
/** Test helper. */
export function _setLanguage(l: string): void {
  language = l;
}
export function getLanguage(): string {
  return language;
}

export interface Debouncer<T extends unknown[]> {
  (...args: T): Debouncer<T>;
  cancel(): Debouncer<T>;
  run(): void;
}

export function debounce<T extends unknown[]>(cb: (...args: T) => unknown, timeout = 0): Debouncer<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: T | undefined;
  const d = ((...args: T) => {
    last = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      cb(...(last as T));
    }, timeout);
    return d;
  }) as Debouncer<T>;
  d.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    return d;
  };
  d.run = () => {
    if (timer === undefined) return;
    d.cancel();
    cb(...(last as T));
  };
  return d;
}

/** Test helper: resets static bookkeeping between tests. */
export function _resetFake(): void {
  Notice.messages = [];
  Modal.opened = [];
  Setting.all = [];
  language = 'en';
}
