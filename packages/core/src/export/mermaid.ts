import { isIsoDate } from '../dates.js';
import { kindLabel, uiText } from '../i18n.js';
import type { Locale } from '../problems.js';
import type { TimelineEvent } from '../timeline.js';

export interface MermaidGanttOptions {
  title?: string;
  locale?: Locale;
}

/** Words the gantt lexer reads as statements when a line starts with them (it is case-insensitive). */
const KEYWORDS = [
  'gantt',
  'title',
  'section',
  'dateformat',
  'axisformat',
  'tickinterval',
  'inclusiveenddates',
  'topaxis',
  'excludes',
  'includes',
  'todaymarker',
  'weekday',
  'weekend',
  'click',
  'call',
  'href',
  'acctitle',
  'accdescr',
  'displaymode',
];

// Full-width look-alikes keep the text readable (and natural in Japanese) without syntax meaning.
const REPLACEMENTS: Record<string, string> = {
  ':': '：',
  '#': '＃',
  ';': '；',
  '%': '％',
  '<': '＜',
  '>': '＞',
  '&': '＆',
  '"': '＂',
  '`': '｀',
  '{': '｛',
  '}': '｝',
  '\\': '＼',
};

/**
 * Makes free text safe as a gantt task name, section or title: no characters that end a token or
 * start a comment, one line only, and no leading keyword.
 */
export function escapeMermaidText(text: string, fallback = '-'): string {
  let s = text
    // oxlint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/[:#;%<>&"`{}\\]/g, (c) => REPLACEMENTS[c] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') s = fallback;
  const lower = s.toLowerCase();
  // A zero-width space after the first letter stops the lexer from seeing a keyword; `\s` does not match it.
  if (KEYWORDS.some((k) => lower.startsWith(k))) s = `${s.slice(0, 1)}\u200b${s.slice(1)}`;
  return s;
}

function tags(e: TimelineEvent): string {
  const t = ['milestone'];
  if (e.status === 'done') t.push('done');
  else if (e.status === 'overdue') t.push('crit');
  else if (e.status === 'due-soon') t.push('active');
  return t.join(', ');
}

/**
 * Writes timeline events as a Mermaid gantt chart: one section per account, one milestone per event
 * (done, overdue as `crit`, due soon as `active`). Paste it into a ```mermaid block in any note.
 *
 * @example
 * toMermaidGantt(events, { title: 'Renewals FY2026' })
 * // 'gantt\n    title Renewals FY2026\n    dateFormat YYYY-MM-DD\n    …'
 */
export function toMermaidGantt(events: readonly TimelineEvent[], options: MermaidGanttOptions = {}): string {
  const locale = options.locale ?? 'en';
  const title = escapeMermaidText(options.title ?? uiText(locale).timelineTitle);
  const sections = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    if (!isIsoDate(e.date)) continue;
    let list = sections.get(e.account);
    if (!list) sections.set(e.account, (list = []));
    list.push(e);
  }
  const out = ['gantt', `    title ${title}`, '    dateFormat YYYY-MM-DD', '    axisFormat %Y-%m'];
  for (const [account, list] of sections) {
    out.push(`    section ${escapeMermaidText(account)}`);
    for (const e of list) {
      const name = escapeMermaidText(e.kind === 'task' ? e.title : e.title || kindLabel(e.kind, locale), kindLabel(e.kind, locale));
      out.push(`    ${name} :${tags(e)}, ${e.date}, 0d`);
    }
  }
  return out.join('\n') + '\n';
}
