import type { EventStatus } from '../i18n.js';
import type { TimelineView, TimelineViewEvent } from '../timeline.js';

export interface HtmlOptions {
  /** Page title; defaults to the view's localised timeline title. */
  title?: string;
  /** Shown in the footer (`YYYY-MM-DD`); core has no clock, so the host passes it. */
  generatedOn?: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const STATUS_ORDER: readonly EventStatus[] = ['overdue', 'due-soon', 'upcoming', 'done'];

const CSS = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--accent:#0969da;
--overdue:#cf222e;--due-soon:#9a6700;--upcoming:#0969da;--done:#1a7f37;--today:#8250df}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--accent:#4493f8;
--overdue:#f85149;--due-soon:#d29922;--upcoming:#4493f8;--done:#3fb950;--today:#ab7df8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif}
main{max-width:980px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:22px;margin:0 0 4px}
.meta{color:var(--muted);margin:0 0 16px}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 24px;padding:0;list-style:none}
.counts li{border:1px solid var(--line);border-radius:999px;padding:2px 12px;background:var(--card)}
.counts b{font-variant-numeric:tabular-nums}
section{margin:0 0 24px}
h2{font-size:16px;margin:0 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
section.current h2{color:var(--today)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600;font-size:12px}
td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
td.where{color:var(--muted);font-size:12px;word-break:break-all}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:var(--bg);white-space:nowrap}
.s-overdue .badge{background:var(--overdue)}.s-due-soon .badge{background:var(--due-soon)}
.s-upcoming .badge{background:var(--upcoming)}.s-done .badge{background:var(--done)}
tr.s-done td{color:var(--muted)}
tr.today td{padding:0;border-bottom:2px solid var(--today)}
tr.today span{display:inline-block;transform:translateY(50%);background:var(--bg);color:var(--today);font-size:12px;font-weight:600;padding:0 6px}
.empty{color:var(--muted)}
footer{color:var(--muted);font-size:12px;margin-top:32px}
@media (max-width:640px){th.where,td.where,th.stage,td.stage{display:none}}
`;

function row(e: TimelineViewEvent): string {
  const owner = e.owner ?? '';
  return (
    `<tr class="s-${e.status}">` +
    `<td class="date">${escapeHtml(e.date)}</td>` +
    `<td><span class="badge">${escapeHtml(e.statusLabel)}</span></td>` +
    `<td class="account">${escapeHtml(e.account)}</td>` +
    `<td>${escapeHtml(e.title)}<br><small>${escapeHtml(e.kindLabel)}</small></td>` +
    `<td>${escapeHtml(owner)}</td>` +
    `<td class="stage">${escapeHtml(e.stageLabel)}</td>` +
    `<td class="where">${escapeHtml(e.file)}:${e.line}</td>` +
    `</tr>`
  );
}

/**
 * Renders a timeline view as one self-contained HTML page: inline CSS, no script, no external
 * resource (a Content-Security-Policy forbids them), light and dark following the system.
 *
 * @example
 * const view = buildTimelineView(events, { today: '2026-11-22', locale: 'ja' });
 * writeFileSync('timeline.html', toHtml(view, { generatedOn: '2026-11-22' }));
 */
export function toHtml(view: TimelineView, options: HtmlOptions = {}): string {
  const l = view.labels;
  const ja = view.locale === 'ja';
  const title = options.title ?? l.timelineTitle;
  const head = ja
    ? ['日付', '状態', 'アカウント', '内容', l.owner, l.stage, 'ノート']
    : ['Date', 'Status', 'Account', 'What', l.owner, l.stage, 'Note'];
  const cls = ['date', 'status', 'account', 'what', 'owner', 'stage', 'where'];
  const thead = `<thead><tr>${head.map((h, i) => `<th class="${cls[i]}" scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const counts = STATUS_ORDER.map((s) => `<li class="s-${s}">${escapeHtml(l.statuses[s])} <b>${view.counts[s]}</b></li>`).join('');
  const todayRow = `<tr class="today"><td colspan="7"><span>${escapeHtml(l.today)} ${escapeHtml(view.today)}</span></td></tr>`;
  const total = view.months.reduce((n, m) => n + m.events.length, 0);
  const months = view.months
    .map((m) => {
      const rows = m.events.map(row);
      if (m.isCurrent) rows.splice(m.todayIndex ?? rows.length, 0, todayRow);
      return (
        `<section class="${m.isCurrent ? 'month current' : 'month'}" id="m-${escapeHtml(m.month)}">` +
        `<h2>${escapeHtml(m.label)}</h2>` +
        `<table>${thead}<tbody>${rows.join('\n')}</tbody></table></section>`
      );
    })
    .join('\n');
  const generated = options.generatedOn ? (ja ? `${escapeHtml(options.generatedOn)} に Baton で生成` : `Generated by Baton on ${escapeHtml(options.generatedOn)}`) : ja ? 'Baton で生成' : 'Generated by Baton';
  return `<!doctype html>
<html lang="${ja ? 'ja' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(l.today)}: ${escapeHtml(view.today)}</p>
<ul class="counts">${counts}</ul>
${total === 0 ? `<p class="empty">${escapeHtml(l.noEvents)}</p>\n` : ''}${months}
<footer>${generated}</footer>
</main>
</body>
</html>
`;
}
