import { escapeHtml, type TimelineView, type TimelineViewEvent } from '@baton/core';

/** Every note-derived string goes through core's `escapeHtml` (content and double-quoted attributes). */
export { escapeHtml };

export interface TimelinePage {
  nonce: string;
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** Filters to pre-select (kept across re-renders). */
  filters?: { owner?: string; stage?: string; kind?: string };
}

function options(values: readonly string[], labels: (v: string) => string, all: string, selected: string | undefined): string {
  const opts = [`<option value="">${escapeHtml(all)}</option>`];
  for (const v of values) opts.push(`<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(labels(v))}</option>`);
  return opts.join('');
}

function eventItem(e: TimelineViewEvent): string {
  const attrs = [
    `class="event status-${escapeHtml(e.status)} kind-${escapeHtml(e.kind)}"`,
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

/** The whole webview document for core's timeline view-model, with a strict CSP and a nonce. */
export function renderTimelineHtml(view: TimelineView, page: TimelinePage): string {
  const L = view.labels;
  const f = page.filters ?? {};
  const csp = `default-src 'none'; style-src ${page.cspSource} 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}'; img-src ${page.cspSource}`;
  const months = view.months
    .map((m) => {
      const items = m.events.map(eventItem);
      if (m.isCurrent) {
        const marker = `<li class="today-marker" aria-label="${escapeHtml(L.today)}"><span>${escapeHtml(L.today)} · ${escapeHtml(view.today)}</span></li>`;
        items.splice(Math.min(m.todayIndex ?? items.length, items.length), 0, marker);
      }
      const fiscal = m.fiscal ? ` <span class="fiscal">${escapeHtml(m.fiscal.label)}</span>` : '';
      const cls = `month${m.isCurrent ? ' current' : ''}${m.fiscal?.isYearEnd ? ' fiscal-year-end' : ''}`;
      return `<section class="${cls}" data-month="${escapeHtml(m.month)}"><h2>${escapeHtml(m.label)}${fiscal}</h2><ol>${items.join('')}</ol></section>`;
    })
    .join('');
  const counts = (['overdue', 'due-soon', 'upcoming', 'done'] as const)
    .map((s) => `<span class="count status-${s}">${escapeHtml(L.statuses[s])}: <b>${view.counts[s]}</b></span>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${view.locale}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}" nonce="${page.nonce}">
<title>${escapeHtml(L.timelineTitle)}</title>
</head>
<body>
<header>
<h1>${escapeHtml(L.timelineTitle)}</h1>
<div class="counts">${counts}</div>
<div class="filters">
<label>${escapeHtml(L.owner)} <select id="owner">${options(view.owners, (v) => v, L.allOwners, f.owner)}</select></label>
<label>${escapeHtml(L.stage)} <select id="stage">${options(view.stages, (v) => L.stages[v as keyof typeof L.stages] ?? v, L.allStages, f.stage)}</select></label>
<label>${escapeHtml(L.kind)} <select id="kind">${options(view.kinds, (v) => L.kinds[v as keyof typeof L.kinds] ?? v, L.allKinds, f.kind)}</select></label>
</div>
</header>
<main id="timeline">${months}</main>
<p id="empty" class="empty" hidden>${escapeHtml(L.noEvents)}</p>
<script nonce="${page.nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}
