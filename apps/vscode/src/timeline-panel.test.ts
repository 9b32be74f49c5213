// The host side of the timeline panel against a stand-in webview: what it renders, what it posts,
// and that filters and the paging window survive index changes.
import { EVENT_PAGE, MONTH_PAGE, sortEvents, timelineChoices, type TimelineEvent, type TimelineSummary } from '@baton/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import type { BatonContext } from './context.js';
import type { RenderMessage } from './protocol.js';
import { PREPARE_STEP, TimelinePanel } from './timeline-panel.js';

/** What `Portfolio.timelineSummary()` gives for these events. */
function summaryOf(events: readonly TimelineEvent[]): TimelineSummary {
  const counts = { overdue: 0, 'due-soon': 0, upcoming: 0, done: 0 };
  return { choices: timelineChoices(events, counts), counts };
}

class FakePanel {
  visible = true;
  title = '';
  iconPath: unknown;
  readonly viewState = new vscode.EventEmitter<void>();
  readonly disposed = new vscode.EventEmitter<void>();
  readonly received = new vscode.EventEmitter<unknown>();
  readonly onDidChangeViewState = this.viewState.event;
  readonly onDidDispose = this.disposed.event;
  /** Every `webview.html` assignment and every posted message, in order. */
  readonly htmls: string[] = [];
  readonly posted: RenderMessage[] = [];
  readonly webview = {
    cspSource: 'vscode-webview://x',
    asWebviewUri: (u: vscode.Uri) => u,
    onDidReceiveMessage: this.received.event,
    postMessage: async (m: RenderMessage) => {
      this.posted.push(m);
      return true;
    },
    set html(h: string) {
      panel.htmls.push(h);
    },
    get html() {
      return panel.htmls.at(-1) ?? '';
    },
  };
  reveal(): void {}
  dispose(): void {
    this.disposed.fire();
  }
}

let panel: FakePanel;
vi.mock('vscode', async (importOriginal) => {
  const real = await importOriginal<typeof import('vscode')>();
  return { ...real, window: { ...real.window, createWebviewPanel: () => panel } };
});

const TODAY = '2026-06-10';
let seq = 0;
function ev(date: string, o: Partial<TimelineEvent> = {}): TimelineEvent {
  seq++;
  return { id: `e${seq}`, date, kind: 'task', account: `Acct ${seq}`, file: `A/${seq}.md`, line: 1, owner: 'Tanaka', stage: 'running', status: date < TODAY ? 'done' : 'upcoming', title: `T${seq}`, ...o };
}
const month = (n: number) => new Date(Date.UTC(2026, 5 + n, 15)).toISOString().slice(0, 10);

let events: TimelineEvent[];
/** How many accounts the fake portfolio's events wait for, and how many `prepare` made so far. */
let toPrepare = 0;
let prepared = 0;
const changed = new vscode.EventEmitter<void>();
function context(): BatonContext {
  return {
    extension: { extensionUri: vscode.Uri.file('/ext') },
    index: { start: async () => undefined, onDidChange: changed.event, portfolio: { setOptions: () => undefined, prepare: (limit: number) => (prepared += limit) >= toPrepare, timeline: () => [...events], timelineSummary: () => summaryOf(events) } },
    settings: () => ({ locale: 'en', fiscalYearStartMonth: 4 }),
    today: () => TODAY,
  } as unknown as BatonContext;
}

const kinds = (html: string) => new Set([...html.matchAll(/data-kind="([^"]+)"/g)].map((m) => m[1]));
const months = (html: string) => [...html.matchAll(/<section class="month[^"]*" data-month="([^"]+)"/g)].map((m) => m[1]);

describe('TimelinePanel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    toPrepare = 0;
    prepared = 0;
    panel = new FakePanel();
    // 40 months ahead, each with an outreach and a renewal; 80 tasks in next month.
    events = sortEvents([
      ...Array.from({ length: 40 }, (_, i) => [ev(month(i + 1), { kind: 'outreach' }), ev(month(i + 1), { kind: 'renewal' })]).flat(),
      ...Array.from({ length: 80 }, () => ev(month(1))),
    ]);
  });
  afterEach(() => {
    TimelinePanel.disposeCurrent();
    vi.useRealTimers();
  });

  it('sets the document once, then posts re-renders; filters are applied on the host', async () => {
    await TimelinePanel.show(context());
    expect(panel.htmls).toHaveLength(1);
    expect(panel.htmls[0]).toContain(`data-action="more" data-month="${month(1).slice(0, 7)}"`);
    expect(panel.htmls[0]).toContain('data-action="later"');
    panel.received.fire({ type: 'ready' });
    panel.received.fire({ type: 'filters', owner: '', stage: '', kind: 'renewal' });
    expect(panel.htmls).toHaveLength(1);
    const m = panel.posted.at(-1)!;
    expect(m.type).toBe('render');
    expect(kinds(m.main)).toEqual(new Set(['renewal']));
    expect(m.kind).toContain('<option value="renewal" selected>');
    expect(m.kind).toContain('<option value="task">');
    expect(m.counts).toContain('Upcoming: <b>40</b>');
  });

  it('closing the panel while the first scan runs draws nothing and throws nothing', async () => {
    let scanned!: () => void;
    const ctx = context();
    (ctx.index as { start: () => Promise<void> }).start = () => new Promise<void>((r) => (scanned = r));
    const showing = TimelinePanel.show(ctx);
    panel.dispose();
    scanned();
    await expect(showing).resolves.toBeDefined();
    expect(panel.htmls).toHaveLength(0);
  });

  it('makes a large portfolio\'s first timeline a step at a time, then renders', async () => {
    toPrepare = 2 * PREPARE_STEP + 1;
    await TimelinePanel.show(context());
    expect(prepared).toBe(PREPARE_STEP);
    expect(panel.htmls).toHaveLength(0);
    await vi.runOnlyPendingTimersAsync();
    expect(prepared).toBe(2 * PREPARE_STEP);
    expect(panel.htmls).toHaveLength(0);
    await vi.runOnlyPendingTimersAsync();
    expect(prepared).toBe(3 * PREPARE_STEP);
    expect(panel.htmls).toHaveLength(1);
    expect(panel.htmls[0]).toContain('data-action="later"');
  });

  it('keeps the filters and the widened window when the index changes', async () => {
    await TimelinePanel.show(context());
    panel.received.fire({ type: 'ready' });
    panel.received.fire({ type: 'filters', owner: '', stage: '', kind: 'outreach' });
    panel.received.fire({ type: 'showLater' });
    const widened = months(panel.posted.at(-1)!.main);
    // The current month, MONTH_PAGE - 1 after it, then a page more.
    expect(widened).toHaveLength(2 * MONTH_PAGE);
    events = sortEvents([...events, ev(month(2), { kind: 'outreach', account: 'New Co' })]);
    changed.fire();
    vi.advanceTimersByTime(300);
    const after = panel.posted.at(-1)!;
    expect(panel.posted).toHaveLength(3);
    expect(months(after.main)).toEqual(widened);
    expect(after.main).toContain('New Co');
    expect(kinds(after.main)).toEqual(new Set(['outreach']));
    expect(after.kind).toContain('<option value="outreach" selected>');
  });

  it('reopens the default window on each render until the user widens it, so a new overdue event pulls it back', async () => {
    await TimelinePanel.show(context());
    panel.received.fire({ type: 'ready' });
    events = sortEvents([...events, ev(month(-30), { status: 'done' }), ev(month(-4), { status: 'overdue', account: 'Late Co' })]);
    changed.fire();
    vi.advanceTimersByTime(300);
    const main = panel.posted.at(-1)!.main;
    expect(months(main)[0]).toBe(month(-4).slice(0, 7));
    expect(main).toContain('Late Co');
    expect(main).toContain('data-action="earlier"');
  });

  it('shows more events of a month on request, and ignores malformed messages', async () => {
    await TimelinePanel.show(context());
    panel.received.fire({ type: 'ready' });
    for (const bad of [{ type: 'showMore', month: '2026-07"><img src=x>' }, { type: 'showMore' }, { type: 'filters', owner: '', stage: 'nope', kind: '' }, { type: 'page' }]) panel.received.fire(bad);
    expect(panel.posted).toHaveLength(0);
    panel.received.fire({ type: 'showMore', month: month(1).slice(0, 7) });
    const main = panel.posted.at(-1)!.main;
    const first = main.slice(main.indexOf(`data-month="${month(1).slice(0, 7)}"`), main.indexOf('</section>', main.indexOf(`data-month="${month(1).slice(0, 7)}"`)));
    expect(first.match(/<li class="event /g)).toHaveLength(82);
    expect(82).toBeGreaterThan(EVENT_PAGE);
    expect(first).not.toContain('data-action="more"');
  });

  it('renders into the document while hidden, and re-renders a stale page after it reloads', async () => {
    await TimelinePanel.show(context());
    panel.received.fire({ type: 'ready' });
    panel.received.fire({ type: 'showLater' });
    expect(panel.posted).toHaveLength(1);
    // Shown again: the webview reloads the document set before the post, so the host re-renders.
    panel.visible = false;
    panel.viewState.fire();
    panel.visible = true;
    panel.received.fire({ type: 'ready' });
    expect(panel.posted).toHaveLength(2);
    expect(months(panel.posted[1]!.main)).toEqual(months(panel.posted[0]!.main));
    // Hidden: an index change goes into the document, not into a message nobody receives.
    panel.visible = false;
    panel.viewState.fire();
    changed.fire();
    vi.advanceTimersByTime(300);
    expect(panel.htmls).toHaveLength(2);
    expect(panel.posted).toHaveLength(2);
    expect(months(panel.htmls[1]!)).toEqual(months(panel.posted[0]!.main));
  });
});
