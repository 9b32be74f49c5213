import { Plugin, TFile, type Command, type TAbstractFile, type WorkspaceLeaf } from 'obsidian';
import { uiText, type IsoDate, type Locale } from '@baton/core';
import { AccountIndex } from './account-index';
import { COMMANDS } from './commands/index';
import { checkHandoffCommand } from './commands/check-handoff';
import type { BatonCommand, BatonContext } from './context';
import { hostLanguage, todayIso } from './host';
import { BatonSettingTab } from './settings-tab';
import { normalizeSettings, resolveLocale, toPortfolioOptions, type BatonSettings } from './settings';
import { HandoffStatusBar } from './status-bar';
import { TIMELINE_VIEW_TYPE, TimelineView } from './timeline/timeline-view';

/** Wiring only: registers things in `onload`, starts indexing once the layout is ready. */
export default class BatonPlugin extends Plugin {
  override settings: BatonSettings = normalizeSettings(undefined);
  index!: AccountIndex;
  statusBar!: HandoffStatusBar;
  private currentDay: IsoDate = todayIso();

  locale(): Locale {
    return resolveLocale(this.settings.locale, hostLanguage());
  }

  today(): IsoDate {
    return this.currentDay;
  }

  override async onload(): Promise<void> {
    this.settings = normalizeSettings(await this.loadData());
    const locale = this.locale();
    const ui = uiText(locale);
    this.index = new AccountIndex(toPortfolioOptions(this.settings, this.currentDay, locale), {
      candidates: () => this.app.vault.getMarkdownFiles().filter((f) => this.mayBeAccount(f)).map((f) => f.path),
      read: (path) => this.readPath(path).then((t) => t ?? Promise.reject(new Error(path))),
      meta: (path) => {
        const f = this.app.vault.getFileByPath(path);
        return f ? this.app.metadataCache.getFileCache(f) : undefined;
      },
    });
    const ctx = this.context();

    this.registerView(TIMELINE_VIEW_TYPE, (leaf) => new TimelineView(leaf, ctx));
    for (const c of COMMANDS) this.addBatonCommand(c, ctx, ui);
    this.ribbon = this.addRibbonIcon('calendar-range', ui.commands.openTimeline, () => void this.activateTimeline());
    this.addSettingTab(new BatonSettingTab(this.app, this, this));

    const item = this.addStatusBarItem();
    this.statusBar = new HandoffStatusBar(item, { read: (p) => this.readPath(p), locale: () => this.locale() });
    this.registerDomEvent(item, 'click', () => {
      const file = this.app.workspace.getActiveFile();
      if (file) void checkHandoffCommand.run(ctx, file);
    });

    this.app.workspace.onLayoutReady(() => this.onLayoutReady());
  }

  /** Real work starts here, so Obsidian's startup is not slowed by Baton. */
  private async onLayoutReady(): Promise<void> {
    // Disabled before the layout was ready: register nothing, read nothing.
    if (this.unloaded) return;
    const { vault, metadataCache, workspace } = this.app;
    // `changed` hands us the new text and Obsidian's parse of it: one note re-read, nothing else.
    // The status bar gets the text: the index reads notes for the timeline only (no headings).
    this.registerEvent(
      metadataCache.on('changed', (file, data, cache) => {
        this.index.upsert(file.path, data, cache);
        if (file.path === this.statusBar.activePath) void this.statusBar.show(file.path, data);
      }),
    );
    this.registerEvent(vault.on('delete', (file) => this.index.remove(file.path)));
    this.registerEvent(
      vault.on('rename', (file, oldPath) => {
        // Not indexed under the old path (the first read has not reached it, or it was not an
        // account): read it under the new one. Renamed away from `.md`: no longer a note.
        if (this.index.portfolio.has(oldPath)) this.index.rename(oldPath, file.path);
        else void this.indexFile(file);
        if (file instanceof TFile && file.extension !== 'md') this.index.remove(file.path);
        if (oldPath === this.statusBar.activePath) void this.statusBar.show(file.path);
      }),
    );
    // Registered after layout-ready: at startup `create` fires once per existing file.
    this.registerEvent(vault.on('create', (file) => void this.indexFile(file)));
    this.registerEvent(workspace.on('file-open', (file) => void this.statusBar.show(file?.path)));
    // Statuses (overdue, due soon) move with the calendar, not only with edits.
    this.registerInterval(window.setInterval(() => this.checkDay(), 10 * 60 * 1000));
    void this.statusBar.show(workspace.getActiveFile()?.path);
    await this.index.build();
  }

  private unloaded = false;

  override onunload(): void {
    // Views are detached by Obsidian; listeners, intervals and DOM events were registered.
    this.unloaded = true;
  }

  /** data.json changed on disk (sync from another device). */
  override async onExternalSettingsChange(): Promise<void> {
    // In place: an open settings tab keeps editing this same object.
    Object.assign(this.settings, normalizeSettings(await this.loadData()));
    this.applySettings();
  }

  async saveSettings(): Promise<void> {
    await this.saveData(this.settings);
    this.applySettings();
  }

  /** The index, and the labels Baton put in Obsidian's UI (commands, ribbon, status bar), follow the settings. */
  private applySettings(): void {
    const locale = this.locale();
    this.index.setOptions(toPortfolioOptions(this.settings, this.currentDay, locale));
    const ui = uiText(locale);
    for (const [c, cmd] of this.commandsAdded) cmd.name = `${this.manifest.name}: ${c.title(ui)}`;
    this.ribbon?.setAttribute('aria-label', ui.commands.openTimeline);
    void this.statusBar?.show(this.statusBar.activePath);
  }

  async activateTimeline(): Promise<void> {
    const { workspace } = this.app;
    let leaf: WorkspaceLeaf | null | undefined = workspace.getLeavesOfType(TIMELINE_VIEW_TYPE)[0];
    if (!leaf) {
      leaf = workspace.getLeaf('tab');
      await leaf.setViewState({ type: TIMELINE_VIEW_TYPE, active: true });
    }
    await workspace.revealLeaf(leaf);
  }

  checkDay(now: Date = new Date()): void {
    const day = todayIso(now);
    if (day === this.currentDay) return;
    this.currentDay = day;
    this.index.setOptions({ today: day });
  }

  private context(): BatonContext {
    return {
      app: this.app,
      index: this.index,
      settings: () => this.settings,
      locale: () => this.locale(),
      today: () => this.today(),
      activateTimeline: () => this.activateTimeline(),
    };
  }

  private ribbon: HTMLElement | undefined;
  /** Each Baton command and what Obsidian registered for it (its name is relabelled when the language changes). */
  private readonly commandsAdded: [BatonCommand, Command][] = [];

  private addBatonCommand(c: BatonCommand, ctx: BatonContext, ui: ReturnType<typeof uiText>): void {
    if (!c.needsNote) {
      this.commandsAdded.push([c, this.addCommand({ id: c.id, name: c.title(ui), icon: c.icon, callback: () => c.run(ctx, null) })]);
      return;
    }
    const cmd = this.addCommand({
      id: c.id,
      name: c.title(ui),
      icon: c.icon,
      checkCallback: (checking) => {
        const file = this.app.workspace.getActiveFile();
        if (!file || file.extension !== 'md') return false;
        if (!checking) void c.run(ctx, file);
        return true;
      },
    });
    this.commandsAdded.push([c, cmd]);
  }

  /** Skips notes whose cached frontmatter says they are something else; unknown → read. */
  private mayBeAccount(file: TFile): boolean {
    const fm = this.app.metadataCache.getFileCache(file)?.frontmatter;
    return fm === undefined || fm['baton'] === 'account';
  }

  private async indexFile(file: TAbstractFile): Promise<void> {
    if (!(file instanceof TFile) || file.extension !== 'md') return;
    const text = await this.readPath(file.path);
    if (text !== undefined) this.index.upsert(file.path, text, this.app.metadataCache.getFileCache(file));
  }

  private async readPath(path: string): Promise<string | undefined> {
    const f = this.app.vault.getAbstractFileByPath(path);
    if (!(f instanceof TFile)) return undefined;
    try {
      return await this.app.vault.cachedRead(f);
    } catch {
      return undefined;
    }
  }
}
