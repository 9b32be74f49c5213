import type {} from 'obsidian'; // global createEl/createDiv typings only; nothing is imported at runtime
import type { TimelineFilters, TimelineModel, TimelineView, TimelineViewEvent, TimelineViewMonth } from '@baton/core';

/** Brings the current month (and its today marker) into view. */
export function scrollToToday(root: HTMLElement): void {
  root.querySelector('.baton-month.is-current')?.scrollIntoView?.({ block: 'start' });
}

/**
 * Draws the timeline into `root` with createEl/setText only: note text (account names, task
 * titles) always lands in text nodes, never in HTML. Interactive elements carry `data-action`
 * (and `data-index` into the returned list) so the owner handles all input with one delegated
 * listener per event type.
 */
export function renderTimeline(root: HTMLElement, model: TimelineModel, filter: TimelineFilters, busy = false): TimelineViewEvent[] {
  root.empty();
  const { view, choices } = model;
  const shownEvents: TimelineViewEvent[] = [];
  const L = view.labels;
  // While the vault is still being read (`busy`), an empty timeline is not yet news.
  const box = root.createDiv({ cls: 'baton-timeline', attr: { lang: view.locale, 'aria-busy': busy } });
  // Sticky, so filters and counts stay in reach while scrolling through years of renewals.
  const header = box.createDiv({ cls: 'baton-timeline-header' });
  header.createEl('h2', { cls: 'baton-timeline-title', text: L.timelineTitle });

  const bar = header.createDiv({ cls: 'baton-timeline-filters' });
  const select = (name: keyof TimelineFilters, label: string, all: string, values: readonly string[], text: (v: string) => string, value: string | undefined) => {
    const wrap = bar.createEl('label', { cls: 'baton-filter' });
    wrap.createSpan({ cls: 'baton-filter-label', text: label });
    const sel = wrap.createEl('select', { cls: 'dropdown', attr: { 'data-action': 'filter', 'data-filter': name } });
    sel.createEl('option', { value: '', text: all });
    // A chosen value no event has any more (its last account was edited or deleted) stays listed
    // and selected: the empty list is explained, and "all" is one pick away.
    for (const v of value && !values.includes(value) ? [...values, value] : values) {
      const o = sel.createEl('option', { value: v, text: text(v) });
      if (v === value) o.selected = true;
    }
  };
  select('owner', L.owner, L.allOwners, choices.owners, (o) => o, filter.owner);
  select('stage', L.stage, L.allStages, choices.stages, (s) => L.stages[s as keyof typeof L.stages] ?? s, filter.stage);
  select('kind', L.kind, L.allKinds, choices.kinds, (k) => L.kinds[k as keyof typeof L.kinds] ?? k, filter.kind);

  // Counts are of every filtered event, not only those in the window.
  const counts = header.createDiv({ cls: 'baton-timeline-counts' });
  for (const s of ['overdue', 'due-soon', 'upcoming', 'done'] as const) {
    counts.createSpan({ cls: `baton-count is-${s}`, text: `${L.statuses[s]} ${model.counts[s]}` });
  }

  if (model.total === 0 && !busy) box.createEl('p', { cls: 'baton-timeline-empty', text: L.noEvents });

  // `view` holds the window only: its months, each with the events shown.
  if (model.earlier) box.createEl('button', { cls: 'baton-more baton-earlier', text: `↑ ${L.showMore} (${model.earlier.count})`, attr: { 'data-action': 'earlier' } });
  for (const month of view.months) renderMonth(box, month, view, model.monthTotals.get(month.month) ?? month.events.length, shownEvents);
  if (model.later) box.createEl('button', { cls: 'baton-more baton-later', text: `↓ ${L.showMore} (${model.later.count})`, attr: { 'data-action': 'later' } });
  return shownEvents;
}

function renderMonth(box: HTMLElement, month: TimelineViewMonth, view: TimelineView, total: number, out: TimelineViewEvent[]): void {
  const cls = ['baton-month', month.isCurrent ? 'is-current' : '', month.fiscal?.isYearEnd ? 'is-fiscal-year-end' : ''].filter(Boolean).join(' ');
  const sec = box.createEl('section', { cls, attr: { 'data-month': month.month } });
  const h = sec.createEl('h3', { cls: 'baton-month-label', text: month.label });
  if (month.fiscal) h.createSpan({ cls: 'baton-fiscal', text: month.fiscal.label });
  const list = sec.createEl('ul', { cls: 'baton-events' });
  const n = month.events.length;
  const marker = month.todayIndex;
  for (let i = 0; i < n; i++) {
    if (i === marker) todayMarker(list, view);
    const e = month.events[i];
    if (e) renderEvent(list, e, out);
  }
  // Today falls after the shown events: keep the marker visible at their end.
  if (marker !== undefined && marker >= n) todayMarker(list, view);
  if (n < total) {
    sec.createEl('button', {
      cls: 'baton-more',
      text: `${view.labels.showMore} (${total - n})`,
      attr: { 'data-action': 'more', 'data-month': month.month },
    });
  }
}

function todayMarker(list: HTMLElement, view: TimelineView): void {
  const li = list.createEl('li', { cls: 'baton-today', attr: { 'aria-label': view.labels.today } });
  li.createSpan({ cls: 'baton-today-label', text: `${view.labels.today} ${view.today}` });
}

function renderEvent(list: HTMLElement, e: TimelineViewEvent, out: TimelineViewEvent[]): void {
  const li = list.createEl('li', {
    cls: `baton-event is-${e.status} kind-${e.kind}`,
    attr: { 'data-action': 'open', 'data-index': out.length, tabindex: 0, role: 'button', title: `${e.file}:${e.line}` },
  });
  out.push(e);
  li.createSpan({ cls: 'baton-event-date', text: e.date });
  li.createSpan({ cls: 'baton-event-kind', text: e.kindLabel });
  li.createSpan({ cls: 'baton-event-account', text: e.account });
  li.createSpan({ cls: 'baton-event-title', text: e.title });
  if (e.owner) li.createSpan({ cls: 'baton-event-owner', text: e.owner });
  li.createSpan({ cls: 'baton-event-status', text: e.statusLabel });
}
