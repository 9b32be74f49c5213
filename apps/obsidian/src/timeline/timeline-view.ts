import { ItemView, TFile, debounce, type WorkspaceLeaf } from 'obsidian';
import { buildTimelineModel, uiText, widenWindow, type EventKind, type IsoDate, type Locale, type PageAction, type Stage, type TimelineEvent, type TimelineFilters, type TimelineModel, type TimelineViewEvent, type TimelineWindow } from '@baton/core';
import type { AccountIndex } from '../account-index';
import { renderTimeline, scrollToToday } from './render-timeline';

export const TIMELINE_VIEW_TYPE = 'baton-timeline';
/** Accounts whose events one turn of the first timeline's build makes (≈ 10–20 ms). */
export const PREPARE_STEP = 250;

export interface TimelineHost {
  index: AccountIndex;
  locale(): Locale;
  today(): IsoDate;
  /** The month the team's fiscal year starts, for FY/年度 quarter tags on month headers. */
  settings?(): { fiscalYearStartMonth: number };
}

/** The renewal timeline pane: core's view-model, drawn by `renderTimeline`, kept live by the index. */
export class TimelineView extends ItemView {
  filter: TimelineFilters = {};
  /** The window the user widened to; undefined opens the default one (around today) on each render. */
  private win: TimelineWindow | undefined;
  private model: TimelineModel | undefined;
  private shown: TimelineViewEvent[] = [];
  /** Debounced so a burst of saves (sync, bulk edits) renders once. */
  private readonly scheduleRender = debounce(() => this.render(), 250, true);
  /** The next turn of the first timeline's build (see `render`). */
  private step: ReturnType<typeof setTimeout> | undefined;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: TimelineHost,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return TIMELINE_VIEW_TYPE;
  }

  getDisplayText(): string {
    return uiText(this.host.locale()).timelineTitle;
  }

  override getIcon(): string {
    return 'calendar-range';
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass('baton-timeline-view');
    this.registerDomEvent(this.contentEl, 'click', (ev: MouseEvent) => this.onClick(ev));
    this.registerDomEvent(this.contentEl, 'keydown', (ev: KeyboardEvent) => {
      if (ev.key === 'Enter' || ev.key === ' ') this.onClick(ev);
    });
    this.registerDomEvent(this.contentEl, 'change', (ev: Event) => this.onChange(ev));
    this.register(this.host.index.subscribe(() => this.scheduleRender()));
    this.render();
    scrollToToday(this.contentEl);
  }

  override async onClose(): Promise<void> {
    this.scheduleRender.cancel();
    clearTimeout(this.step);
    this.contentEl.empty();
  }

  /**
   * Re-reads the index and redraws; keeps filters and the widened window. Only the window's events
   * get a view-model (core's `buildTimelineModel`): at 10k accounts that is a few hundred of ~300k.
   */
  render(): void {
    const portfolio = this.host.index.portfolio;
    // The first timeline makes every account's events (≈ 0.5 s at 10k accounts): PREPARE_STEP
    // accounts a turn, so Obsidian stays responsive; the frame on screen stays until they are made.
    clearTimeout(this.step);
    if (!portfolio.prepare(PREPARE_STEP)) {
      this.step = setTimeout(() => this.render(), 0);
      return;
    }
    const fiscalYearStartMonth = this.host.settings?.().fiscalYearStartMonth;
    this.model = buildTimelineModel(portfolio.timeline(), {
      summary: portfolio.timelineSummary(),
      today: this.host.today(),
      locale: this.host.locale(),
      ...(fiscalYearStartMonth === undefined ? {} : { fiscalYearStartMonth }),
      filters: this.filter,
      window: this.win,
    });
    this.shown = renderTimeline(this.contentEl, this.model, this.filter, !this.host.index.ready);
  }

  /** The events currently on screen, in order (tests and the click handler use this). */
  get renderedEvents(): readonly TimelineViewEvent[] {
    return this.shown;
  }

  private onClick(ev: Event): void {
    const target = (ev.target as HTMLElement | null)?.closest?.('[data-action]') as HTMLElement | null;
    if (!target) return;
    const action = target.getAttribute('data-action');
    if (action === 'open') {
      const e = this.shown[Number(target.getAttribute('data-index'))];
      if (e) void this.openEvent(e);
    } else if (action === 'earlier' || action === 'later' || action === 'more') {
      const page: PageAction = action === 'earlier' ? { type: 'showEarlier' } : action === 'later' ? { type: 'showLater' } : { type: 'showMore', month: target.getAttribute('data-month') ?? '' };
      if (!this.model) return;
      this.win = widenWindow(this.model.window, this.model.months, page);
      this.render();
    }
  }

  private onChange(ev: Event): void {
    const sel = ev.target as HTMLSelectElement | null;
    if (!sel || sel.getAttribute('data-action') !== 'filter') return;
    const name = sel.getAttribute('data-filter');
    const v = sel.value || undefined;
    if (name === 'owner') this.filter.owner = v;
    else if (name === 'stage') this.filter.stage = v as Stage | undefined;
    else if (name === 'kind') this.filter.kind = v as EventKind | undefined;
    this.win = undefined;
    this.render();
  }

  /** Opens the note at the event's line (1-based in core, 0-based in Obsidian's eState). */
  async openEvent(e: TimelineEvent): Promise<void> {
    const file = this.app.vault.getAbstractFileByPath(e.file);
    if (!(file instanceof TFile)) return;
    const leaf = this.app.workspace.getLeaf(false);
    await leaf.openFile(file, { eState: { line: Math.max(0, e.line - 1) } });
  }
}
