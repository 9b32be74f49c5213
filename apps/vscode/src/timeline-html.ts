import { escapeHtml, stageLabel, type HiddenMonths, type Stage, type TimelineFilters, type TimelineModel, type TimelineViewEvent, type TimelineViewMonth } from '@baton/core';
import type { RenderMessage } from './protocol.js';

/** Every note-derived string goes through core's `escapeHtml` (content and double-quoted attributes). */
export { escapeHtml };

export interface TimelinePage {
  nonce: string;
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** Filters to pre-select (kept across re-renders). */
  filters?: TimelineFilters;
}

/** The parts of the page a re-render replaces (posted to the live webview), all escaped HTML. */
export type TimelineParts = Omit<RenderMessage, 'type'>;

function options(values: readonly string[], labels: (v: string) => string, all: string, selected: string | undefined): string {
  const opts = [`<option value="">${escapeHtml(all)}</option>`];
  for (const v of values) opts.push(`<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(labels(v))}</option>`);
  return opts.join('');
}

function eventItem(e: TimelineViewEvent): string {
  const attrs = [
    `class="event status-${escapeHtml(e.status)} kind-${escapeHtml(e.kind)}"`,
    `data-id="${escapeHtml(e.id)}"`,
    `data-file="${escapeHtml(e.file)}"`,
    `data-line="${e.line}"`,
    `data-owner="${escapeHtml(e.owner ?? '')}"`,
    `data-stage="${escapeHtml(e.stage)}"`,
    `data-kind="${escapeHtml(e.kind)}"`,
    'tabindex="0"',
    'role="button"',
  ].join(' ');
  const detail = e.detail ? `<span class="detail">${escapeHtml(e.detail)}</span>` : '';
  const owner = e.owner ? `<span class="owner">${escapeHtml(e.owner)}</span>` : '';
  return (
    `<li ${attrs}><time datetime="${escapeHtml(e.date)}">${escapeHtml(e.date)}</time>` +
    `<span class="badge">${escapeHtml(e.statusLabel)}</span>` +
    `<span class="account">${escapeHtml(e.account)}</span>` +
    `<span class="title">${escapeHtml(e.title)}</span>${detail}` +
    `<span class="meta"><span class="kind">${escapeHtml(e.kindLabel)}</span><span class="stage">${escapeHtml(e.stageLabel)}</span>${owner}</span></li>`
  );
}

/**
 * "Show more" for hidden months: core has one label for it (`showMore`, as in Obsidian), so the
 * arrow and the span of months it would add say which way it goes, e.g. `↑ Show more (9)
 * January 2025 – September 2025`.
 */
function monthsButton(action: 'earlier' | 'later', hidden: HiddenMonths, showMore: string): string {
  const arrow = action === 'earlier' ? '↑' : '↓';
  const range = hidden.count === 1 ? hidden.first : `${hidden.first} – ${hidden.last}`;
  return (
    `<button type="button" class="more more-${action}" data-action="${action}">` +
    `${arrow} ${escapeHtml(showMore)} (${hidden.count}) <span class="range">${escapeHtml(range)}</span></button>`
  );
}

function monthSection(m: TimelineViewMonth, model: TimelineModel): string {
  const { view } = model;
  const L = view.labels;
  const items = m.events.map(eventItem);
  if (m.isCurrent) {
    // Past the shown events when today falls after them (the month's later events are hidden).
    const marker = `<li class="today-marker" aria-label="${escapeHtml(L.today)}"><span>${escapeHtml(L.today)} · ${escapeHtml(view.today)}</span></li>`;
    items.splice(Math.min(m.todayIndex ?? items.length, items.length), 0, marker);
  }
  const rest = (model.monthTotals.get(m.month) ?? m.events.length) - m.events.length;
  const more =
    rest > 0 ? `<button type="button" class="more more-month" data-action="more" data-month="${escapeHtml(m.month)}">${escapeHtml(L.showMore)} (${rest})</button>` : '';
  const fiscal = m.fiscal ? ` <span class="fiscal">${escapeHtml(m.fiscal.label)}</span>` : '';
  const cls = `month${m.isCurrent ? ' current' : ''}${m.fiscal?.isYearEnd ? ' fiscal-year-end' : ''}`;
  return `<section class="${cls}" data-month="${escapeHtml(m.month)}"><h2>${escapeHtml(m.label)}${fiscal}</h2><ol>${items.join('')}</ol>${more}</section>`;
}

/** Counts, select options and the windowed months: what both the first document and every re-render carry. */
export function renderTimelineParts(model: TimelineModel, filters: TimelineFilters = {}): TimelineParts {
  const { view, choices } = model;
  const L = view.labels;
  const counts = (['overdue', 'due-soon', 'upcoming', 'done'] as const)
    .map((s) => `<span class="count status-${s}">${escapeHtml(L.statuses[s])}: <b>${model.counts[s]}</b></span>`)
    .join('');
  const main =
    (model.earlier ? monthsButton('earlier', model.earlier, L.showMore) : '') +
    view.months.map((m) => monthSection(m, model)).join('') +
    (model.later ? monthsButton('later', model.later, L.showMore) : '');
  return {
    title: L.timelineTitle,
    counts,
    owner: options(choices.owners, (v) => v, L.allOwners, filters.owner),
    stage: options(choices.stages, (v) => stageLabel(v as Stage, view.locale), L.allStages, filters.stage),
    kind: options(choices.kinds, (v) => L.kinds[v as keyof typeof L.kinds] ?? v, L.allKinds, filters.kind),
    main,
    empty: model.total === 0,
  };
}

/** The whole webview document, with a strict CSP and a nonce; later renders replace its parts in place. */
export function renderTimelineHtml(model: TimelineModel, page: TimelinePage): string {
  const L = model.view.labels;
  const p = renderTimelineParts(model, page.filters);
  const csp = `default-src 'none'; style-src ${page.cspSource} 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}'; img-src ${page.cspSource}`;
  return `<!DOCTYPE html>
<html lang="${model.view.locale}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}" nonce="${page.nonce}">
<title>${escapeHtml(p.title)}</title>
</head>
<body>
<header>
<h1>${escapeHtml(p.title)}</h1>
<div class="counts">${p.counts}</div>
<div class="filters">
<label>${escapeHtml(L.owner)} <select id="owner">${p.owner}</select></label>
<label>${escapeHtml(L.stage)} <select id="stage">${p.stage}</select></label>
<label>${escapeHtml(L.kind)} <select id="kind">${p.kind}</select></label>
</div>
</header>
<main id="timeline">${p.main}</main>
<p id="empty" class="empty"${p.empty ? '' : ' hidden'}>${escapeHtml(L.noEvents)}</p>
<script nonce="${page.nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}
