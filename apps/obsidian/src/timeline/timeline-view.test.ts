import { EVENT_PAGE, MONTH_PAGE, createAccountNote } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { WorkspaceLeaf, registry, type ItemView } from '../../test/fake-obsidian';
import { flush, makeApp } from '../../test/harness';
import { makeContext } from '../../test/context';
import { PREPARE_STEP, TIMELINE_VIEW_TYPE, TimelineView } from './timeline-view';

/** Opens the view on a vault; `before` sees the context before the view opens. */
async function open(files?: Map<string, string>, before?: (ctx: Awaited<ReturnType<typeof makeContext>>) => void) {
  const app = makeApp(files);
  const ctx = await makeContext(app);
  before?.(ctx);
  const leaf = new WorkspaceLeaf(app);
  app.workspace._views.set(TIMELINE_VIEW_TYPE, (l) => new TimelineView(l as never, ctx) as unknown as ItemView);
  await leaf.setViewState({ type: TIMELINE_VIEW_TYPE });
  const view = leaf.view as unknown as TimelineView;
  const root = (view as unknown as ItemView).contentEl;
  return { app, ctx, view, root, leaf };
}

function change(select: HTMLSelectElement | null, value: string) {
  if (!select) throw new Error('no select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('TimelineView', () => {
  it('draws months, the today marker in the current month, and status classes', async () => {
    const { root, view } = await open();
    expect(view.getViewType()).toBe('baton-timeline');
    expect(view.getDisplayText()).toBe('Renewal timeline');
    expect(root.querySelector('.baton-month.is-current')?.getAttribute('data-month')).toBe('2026-11');
    expect(root.querySelector('.baton-month.is-current .baton-today')?.textContent).toContain('2026-11-22');
    expect(root.querySelectorAll('.baton-event.is-overdue').length).toBeGreaterThan(0);
    expect(root.querySelector('.baton-count.is-overdue')?.textContent).toMatch(/Overdue \d+/);
  });

  it('tags month headers with the fiscal quarter from settings and marks the fiscal year end', async () => {
    const { root, ctx, view } = await open();
    expect(ctx.settings().fiscalYearStartMonth).toBe(4);
    expect(root.querySelector('[data-month="2026-11"] .baton-fiscal')?.textContent).toBe('FY2026 Q3');
    const ends = [...root.querySelectorAll('.baton-month.is-fiscal-year-end')].map((el) => el.getAttribute('data-month'));
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((m) => m?.endsWith('-03'))).toBe(true);
    ctx.settings().fiscalYearStartMonth = 1;
    view.render();
    expect(root.querySelector('[data-month="2026-11"] .baton-fiscal')?.textContent).toBe('FY2026 Q4');
  });

  it('renders hostile note text as text', async () => {
    const { root } = await open();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('<script>alert(2)</script>');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
  });

  it('filters by owner, stage and kind, and keeps filter choices from the whole portfolio', async () => {
    const { root, view } = await open();
    change(root.querySelector('select[data-filter="owner"]'), 'Ravi Iyer');
    const owners = new Set(view.renderedEvents.map((e) => e.owner));
    expect([...owners]).toEqual(['Ravi Iyer']);
    expect(root.querySelectorAll('select[data-filter="owner"] option').length).toBeGreaterThan(3);
    change(root.querySelector('select[data-filter="owner"]'), '');
    change(root.querySelector('select[data-filter="kind"]'), 'renewal');
    expect(view.renderedEvents.length).toBeGreaterThan(0);
    expect(view.renderedEvents.every((e) => e.kind === 'renewal')).toBe(true);
    change(root.querySelector('select[data-filter="stage"]'), 'running');
    expect(view.renderedEvents.map((e) => e.account)).toEqual(['株式会社サンプル']);
    expect((root.querySelector('select[data-filter="stage"]') as HTMLSelectElement).value).toBe('running');
  });

  it('a chosen stage no account has any more stays selected, so the empty list is explained and "all" is one pick away', async () => {
    const { root, view, ctx } = await open();
    change(root.querySelector('select[data-filter="stage"]'), 'running');
    expect(new Set(view.renderedEvents.map((e) => e.account))).toEqual(new Set(['株式会社サンプル']));
    // The only running account moves on.
    const file = ctx.index.portfolio.accounts().find((a) => a.stage === 'running')!.file;
    ctx.index.remove(file);
    await flush(300);
    const stage = root.querySelector('select[data-filter="stage"]') as HTMLSelectElement;
    expect(view.renderedEvents).toEqual([]);
    expect(stage.value).toBe('running');
    expect(stage.selectedOptions[0]?.textContent).not.toBe('');
    change(stage, '');
    expect(view.renderedEvents.length).toBeGreaterThan(0);
  });

  it('clicking an event opens its note at the line (0-based eState)', async () => {
    const { root, view, app } = await open();
    const el = root.querySelector<HTMLElement>('.baton-event');
    const e = view.renderedEvents[Number(el?.getAttribute('data-index'))];
    el?.click();
    await flush();
    const opened = app.workspace._leaves.flatMap((l) => l.openedFiles).at(-1);
    expect(opened?.file.path).toBe(e?.file);
    expect(opened?.state).toEqual({ eState: { line: (e?.line ?? 0) - 1 } });
  });

  it('caps long months and reveals more on request', async () => {
    const files = new Map<string, string>();
    for (let i = 0; i < 130; i++) {
      files.set(`A/${i}.md`, createAccountNote({ account: `Co ${String(i).padStart(3, '0')}`, contractStart: '2026-01-01', termMonths: 12, locale: 'en' }));
    }
    const { root, view } = await open(files);
    const dec = () => root.querySelector('.baton-month[data-month="2026-12"]');
    const count = () => dec()?.querySelectorAll('.baton-event').length ?? 0;
    expect(count()).toBe(EVENT_PAGE);
    const more = dec()?.querySelector<HTMLElement>('[data-action="more"]');
    expect(more?.textContent).toMatch(/\(\d+\)/);
    more?.click();
    expect(count()).toBeGreaterThan(EVENT_PAGE);
    expect(view.renderedEvents.length).toBeGreaterThan(EVENT_PAGE);
  });

  it('draws a window of months, counts every event, and pages later months in on request', async () => {
    const files = new Map<string, string>();
    // Contracts starting every month for six years: events in every month from 2023 to 2030.
    for (let i = 0; i < 72; i++) {
      const start = `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
      files.set(`A/${i}.md`, createAccountNote({ account: `Co ${String(i).padStart(3, '0')}`, contractStart: start, termMonths: 12, locale: 'en' }));
    }
    const { root, view, ctx } = await open(files);
    const months = () => root.querySelectorAll('.baton-month').length;
    const all = ctx.index.portfolio.timeline();
    expect(new Set(all.map((e) => e.date.slice(0, 7))).size).toBeGreaterThan(2 * MONTH_PAGE + 1);
    expect(months()).toBeLessThanOrEqual(2 * MONTH_PAGE + 1);
    expect(view.renderedEvents.length).toBeLessThan(all.length);
    // The header counts every event, not only the drawn ones.
    const overdue = all.filter((e) => e.status === 'overdue').length;
    expect(root.querySelector('.baton-count.is-overdue')?.textContent).toContain(String(overdue));
    const before = months();
    root.querySelector<HTMLElement>('[data-action="later"]')?.click();
    expect(months()).toBeGreaterThan(before);
    const first = () => root.querySelector('.baton-month')?.getAttribute('data-month') ?? '';
    const was = first();
    while (root.querySelector('[data-action="earlier"]')) root.querySelector<HTMLElement>('[data-action="earlier"]')?.click();
    expect(first() < was).toBe(true);
    expect(first()).toBe(all[0]?.date.slice(0, 7));
  });

  it('says "no events" only once the vault has been read: while it is, the timeline is busy, not empty', async () => {
    const { root, view, ctx } = await open(new Map());
    const box = () => root.querySelector('.baton-timeline');
    expect(root.querySelector('.baton-timeline-empty')?.textContent).toBe('No events match these filters.');
    expect(box()?.getAttribute('aria-busy')).not.toBe('true');
    // As at startup, before AccountIndex.build has read every note.
    ctx.index.ready = false;
    view.render();
    expect(root.querySelector('.baton-timeline-empty')).toBeNull();
    expect(box()?.getAttribute('aria-busy')).toBe('true');
  });

  it('re-renders (debounced) when the index changes, and stops listening once closed', async () => {
    const { root, ctx, leaf } = await open();
    ctx.index.upsert('New.md', createAccountNote({ account: 'Freshly Signed', contractStart: '2026-11-01', termMonths: 12, locale: 'en' }));
    expect(root.textContent).not.toContain('Freshly Signed');
    await flush(300);
    expect(root.textContent).toContain('Freshly Signed');
    const before = registry.domEvents;
    leaf.detach();
    await flush();
    expect(ctx.index.listenerCount).toBe(0);
    expect(registry.domEvents).toBe(before - 3);
  });

  it('makes a large portfolio\'s first timeline a step at a time, keeping the frame until it is done', async () => {
    const files = new Map<string, string>();
    const n = 2 * PREPARE_STEP + 10;
    for (let i = 0; i < n; i++) files.set(`A/${i}.md`, createAccountNote({ account: `Co ${i}`, contractStart: '2026-04-01', termMonths: 12, locale: 'en' }));
    const steps: number[] = [];
    const { root, view, ctx, leaf } = await open(files, ({ index: { portfolio } }) => {
      const prepare = portfolio.prepare.bind(portfolio);
      portfolio.prepare = (limit: number) => {
        steps.push(limit);
        return prepare(limit);
      };
    });
    const portfolio = ctx.index.portfolio;
    // Opened: one step made, nothing drawn yet, no sorted timeline built in one go.
    expect(steps).toEqual([PREPARE_STEP]);
    expect(root.querySelectorAll('.baton-event')).toHaveLength(0);
    await flush(50);
    expect(steps).toEqual([PREPARE_STEP, PREPARE_STEP, PREPARE_STEP]);
    expect(root.querySelectorAll('.baton-event').length).toBeGreaterThan(0);
    expect(root.querySelector('.baton-count.is-overdue')?.textContent).toContain(String(portfolio.timeline().filter((e) => e.status === 'overdue').length));
    // From then on a render is at once.
    view.render();
    expect(steps).toHaveLength(4);
    leaf.detach();
  });
});
