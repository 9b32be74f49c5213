import * as vscode from 'vscode';
import { buildTimelineModel, widenWindow, type EventKind, type Stage, type TimelineFilters, type TimelineWindow } from '@baton/core';
import type { BatonContext } from './context.js';
import { openAtLine } from './open-at-line.js';
import { parseWebviewMessage, type RenderMessage } from './protocol.js';
import { renderTimelineHtml, renderTimelineParts } from './timeline-html.js';

function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/**
 * The one renewal-timeline webview; re-rendered (debounced) whenever the index changes.
 *
 * The host owns the state — filters and the paging window — and draws only the window (see
 * core's timeline-window.ts). The first render sets `webview.html`; later renders post the changed parts
 * as host-built HTML (every note string through `escapeHtml`, as in the first document) and the
 * webview swaps them in place. Replacing `webview.html` would reload the page and lose the scroll
 * position and keyboard focus; posting keeps both (the webview re-anchors on the event that was
 * at the top). Building DOM from posted data instead would need a second renderer in the webview
 * for the same markup; one renderer on the host keeps the HTML and its tests in one place.
 */
/** Accounts whose events one turn of the first timeline's build makes (≈ 20–40 ms). */
export const PREPARE_STEP = 500;

export class TimelinePanel implements vscode.Disposable {
  static readonly viewType = 'baton.timeline';
  private static current: TimelinePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private filters: TimelineFilters = {};
  /**
   * The window the user widened to (kept across index changes until the filters change); while
   * undefined, every render opens the default window, so a new overdue event pulls it back.
   */
  private win: TimelineWindow | undefined;
  /** The window and months of the last render, for widening. */
  private last: { window: TimelineWindow; months: string[] } | undefined;
  /** The webview has loaded the document and listens for `render` messages. */
  private live = false;
  /** Renders were posted since `webview.html` was set: a reload (hidden, then shown) must be re-rendered. */
  private htmlStale = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  static async show(ctx: BatonContext): Promise<TimelinePanel> {
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal();
      return TimelinePanel.current;
    }
    const media = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(TimelinePanel.viewType, 'Baton', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    const shown = new TimelinePanel(ctx, panel, media);
    TimelinePanel.current = shown;
    await ctx.index.start();
    // Closed while the first scan ran: nothing to draw into.
    if (TimelinePanel.current === shown) shown.render();
    return shown;
  }

  private constructor(
    private readonly ctx: BatonContext,
    readonly panel: vscode.WebviewPanel,
    private readonly media: vscode.Uri,
  ) {
    panel.iconPath = vscode.Uri.joinPath(media, 'baton.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is torn down (retainContextWhenHidden: false) and reloads from `webview.html`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.live = false;
      }),
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      ctx.index.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('baton') && this.schedule()),
    );
  }

  private receive(raw: unknown): void {
    const m = parseWebviewMessage(raw);
    if (!m) return;
    if (m.type === 'open') void openAtLine(this.ctx.index, m.file, m.line);
    else if (m.type === 'ready') {
      this.live = true;
      if (this.htmlStale) this.render();
    } else if (m.type === 'filters') {
      this.filters = { owner: m.owner || undefined, stage: (m.stage || undefined) as Stage | undefined, kind: (m.kind || undefined) as EventKind | undefined };
      this.win = undefined; // other events, other months: back to the default window
      this.render();
    } else if (this.last) {
      this.win = widenWindow(this.last.window, this.last.months, m);
      this.render();
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 250);
  }

  /** Rebuilds the window from the index; filters and a widened window survive via `this.filters` / `this.win`. */
  render(): void {
    clearTimeout(this.timer);
    const s = this.ctx.settings();
    const today = this.ctx.today();
    const portfolio = this.ctx.index.portfolio;
    portfolio.setOptions({ today, locale: s.locale });
    // The first timeline makes every account's events (≈ 0.5 s at 10k accounts): PREPARE_STEP
    // accounts a turn, so the extension host keeps answering other extensions meanwhile.
    if (!portfolio.prepare(PREPARE_STEP)) {
      this.timer = setTimeout(() => this.render(), 0);
      return;
    }
    const model = buildTimelineModel(portfolio.timeline(), {
      summary: portfolio.timelineSummary(),
      today,
      locale: s.locale,
      fiscalYearStartMonth: s.fiscalYearStartMonth,
      filters: this.filters,
      window: this.win,
    });
    this.last = { window: model.window, months: model.months };
    const webview = this.panel.webview;
    this.panel.title = model.view.labels.timelineTitle;
    if (this.live && this.panel.visible) {
      const message: RenderMessage = { type: 'render', ...renderTimelineParts(model, this.filters) };
      void webview.postMessage(message);
      this.htmlStale = true;
      return;
    }
    webview.html = renderTimelineHtml(model, {
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'timeline.css')).toString(),
      filters: this.filters,
    });
    this.live = false;
    this.htmlStale = false;
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  static disposeCurrent(): void {
    TimelinePanel.current?.dispose();
  }
}
