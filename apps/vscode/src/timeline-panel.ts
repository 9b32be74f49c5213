import * as vscode from 'vscode';
import { buildTimelineView } from '@baton/core';
import type { BatonContext } from './context.js';
import { openAtLine } from './open-at-line.js';
import { parseWebviewMessage } from './protocol.js';
import { renderTimelineHtml } from './timeline-html.js';

function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** The one renewal-timeline webview; re-rendered (debounced) whenever the index changes. */
export class TimelinePanel implements vscode.Disposable {
  static readonly viewType = 'baton.timeline';
  private static current: TimelinePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private filters: { owner?: string; stage?: string; kind?: string } = {};
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
    TimelinePanel.current = new TimelinePanel(ctx, panel, media);
    await ctx.index.start();
    TimelinePanel.current.render();
    return TimelinePanel.current;
  }

  private constructor(
    private readonly ctx: BatonContext,
    readonly panel: vscode.WebviewPanel,
    private readonly media: vscode.Uri,
  ) {
    panel.iconPath = vscode.Uri.joinPath(media, 'baton.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      ctx.index.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('baton') && this.schedule()),
    );
  }

  private receive(raw: unknown): void {
    const m = parseWebviewMessage(raw);
    if (m?.type === 'open') void openAtLine(this.ctx.index, m.file, m.line);
    else if (m?.type === 'filters') this.filters = { owner: m.owner, stage: m.stage, kind: m.kind };
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 250);
  }

  /** The HTML is rebuilt from core's view-model each time; filters survive via `this.filters`. */
  render(): void {
    const s = this.ctx.settings();
    const today = this.ctx.today();
    this.ctx.index.portfolio.setOptions({ today, locale: s.locale });
    const view = buildTimelineView(this.ctx.index.portfolio.timeline(), { today, locale: s.locale, fiscalYearStartMonth: s.fiscalYearStartMonth });
    const webview = this.panel.webview;
    this.panel.title = view.labels.timelineTitle;
    webview.html = renderTimelineHtml(view, {
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'timeline.css')).toString(),
      filters: this.filters,
    });
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
