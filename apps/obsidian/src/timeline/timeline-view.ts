import { ItemView, TFile, debounce, type WorkspaceLeaf } from 'obsidian';
import { buildTimelineView, timelineChoices, uiText, type EventKind, type IsoDate, type Locale, type Stage, type TimelineEvent, type TimelineViewEvent } from '@baton/core';
import type { AccountIndex } from '../account-index';
import { EVENT_PAGE, MONTH_PAGE, initialWindow, renderTimeline, scrollToToday, type TimelineFilterState, type TimelineWindow } from './render-timeline';

export const TIMELINE_VIEW_TYPE = 'baton-timeline';

export interface TimelineHost {
  index: AccountIndex;
  locale(): Locale;
  today(): IsoDate;
  /** The month the team's fiscal year starts, for FY/年度 quarter tags on month headers. */
  settings?(): { fiscalYearStartMonth: number };
}

/** The renewal timeline pane: core's view-model, drawn by `renderTimeline`, kept live by the index. */
export class TimelineView extends ItemView {
  filter: TimelineFilterState = {};
  private win: TimelineWindow | undefined;
  private shown: TimelineViewEvent[] = [];
  private monthKeys: string[] = [];
  /** Debounced so a burst of saves (sync, bulk edits) renders once. */
  readonly scheduleRender = debounce(() => this.render(), 250, true);

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
    this.contentEl.empty();
  }

  /** Re-reads the index and redraws; keeps filters and the scroll window. */
  render(): void {
    const all = this.host.index.portfolio.timeline();
    const filtered = this.host.index.portfolio.timeline(this.filter);
    const fiscalYearStartMonth = this.host.settings?.().fiscalYearStartMonth;
    const view = buildTimelineView(filtered, {
      today: this.host.today(),
      locale: this.host.locale(),
      ...(fiscalYearStartMonth === undefined ? {} : { fiscalYearStartMonth }),
    });
    const keys = view.months.map((m) => m.month);
    if (!this.win || keys.join() !== this.monthKeys.join()) {
      const shown = this.win?.shown ?? new Map<string, number>();
      this.win = { ...initialWindow(view), shown };
    }
    this.monthKeys = keys;
    this.shown = renderTimeline(this.contentEl, view, timelineChoices(all), this.filter, this.win);
  }

  /** The events currently on screen, in order (tests and the click handler use this). */
  get renderedEvents(): readonly TimelineViewEvent[] {
    return this.shown;
  }

  private onClick(ev: Event): void {
    const target = (ev.target as HTMLElement | null)?.closest?.('[data-action]') as HTMLElement | null;
    if (!target || !this.win) return;
    const action = target.getAttribute('data-action');
    if (action === 'open') {
      const e = this.shown[Number(target.getAttribute('data-index'))];
      if (e) void this.openEvent(e);
    } else if (action === 'earlier') {
      this.win.from = Math.max(0, this.win.from - MONTH_PAGE);
      this.render();
    } else if (action === 'later') {
      this.win.to = Math.min(this.monthKeys.length, this.win.to + MONTH_PAGE);
      this.render();
    } else if (action === 'more') {
      const m = target.getAttribute('data-month') ?? '';
      this.win.shown.set(m, (this.win.shown.get(m) ?? EVENT_PAGE) + EVENT_PAGE * 4);
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
