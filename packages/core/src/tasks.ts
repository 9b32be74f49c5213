import { stripEol } from './text.js';
import type { IsoDate } from './dates.js';
import { isIsoDay } from './day-number.js';

/** A Markdown task, read the way the Obsidian Tasks plugin writes it. */
export interface Task {
  /** 0-based line index. */
  line: number;
  /** The status character between the brackets: ' ', 'x', '/', '-', … */
  status: string;
  /** True for `x`/`X` (done) and `-` (cancelled): nothing left to do. */
  closed: boolean;
  done: boolean;
  /** Text after `[ ] `, markers included. */
  text: string;
  /** The description without Baton's id comment and Tasks' emoji fields. */
  title: string;
  due: IsoDate | undefined;
  doneDate: IsoDate | undefined;
  /** Baton checklist item id: `<!-- baton:CHECKLIST.ITEM … -->`. */
  id: string | undefined;
  /** The relative-date expression the due date was computed from, e.g. `renewal_date-90d`. */
  anchor: string | undefined;
}

export const TASK_RE = /^([ \t]*(?:>[ \t]*)*)([-*+]|\d+[.)])[ \t]+\[(.)\][ \t]+(.*)$/;
export const ID_RE = /<!--\s*baton:([A-Za-z0-9][\w.-]*)(?:\s+\{([^}]*)\})?\s*-->/;
const DUE_RE = /📅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u;
const DONE_RE = /✅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u;
/** The first of Tasks' field emojis, found in one search (no `u`: the pairs are matched as code units). */
const FIELD_EMOJI_RE = /📅|✅|⏳|🛫|➕|❌|🔁|⏫|🔼|🔽|⏬|🔺|🆔|⛔/;

/**
 * Cuts Tasks' emoji fields and what follows. Same answer as `\s*(?:📅|…)\uFE0F?.*$` because the
 * text never holds a line break (TASK_RE's `.*` stops at them).
 */
function stripEmojiFields(s: string): string {
  const cut = s.search(FIELD_EMOJI_RE);
  return cut < 0 ? s : s.slice(0, cut).trimEnd();
}

/** The date after `mark` (📅/✅): `mark YYYY-MM-DD` is read directly, anything else by `re`. */
function dateField(text: string, mark: string, re: RegExp): string | undefined {
  const i = text.indexOf(mark);
  if (i < 0) return undefined;
  const at = i + mark.length + 1;
  const d = text.charCodeAt(at - 1) === 32 ? text.slice(at, at + 10) : '';
  return isIsoDay(d) ? d : re.exec(text)?.[1];
}

/** Parses one line as a task, or undefined when it is not one. */
export function parseTaskLine(raw: string, line: number): Task | undefined {
  const m = TASK_RE.exec(stripEol(raw));
  if (!m) return undefined;
  const status = m[3] ?? ' ';
  const text = m[4] ?? '';
  const idm = text.indexOf('<!--') < 0 ? null : ID_RE.exec(text);
  const due = dateField(text, '📅', DUE_RE);
  const doneDate = dateField(text, '✅', DONE_RE);
  const done = status === 'x' || status === 'X';
  let title = stripEmojiFields(idm ? text.slice(0, idm.index) + text.slice(idm.index + idm[0].length) : text);
  if (title.indexOf('^') >= 0) title = title.replace(/\s+\^[\w-]+\s*$/, '');
  return {
    line,
    status,
    done,
    closed: done || status === '-',
    text,
    title: title.trim(),
    due: due && isIsoDay(due) ? due : undefined,
    doneDate: doneDate && isIsoDay(doneDate) ? doneDate : undefined,
    id: idm?.[1],
    anchor: idm?.[2]?.trim() || undefined,
  };
}

/** Every task outside code fences. */
export function scanTasks(lines: readonly string[], fenced: readonly boolean[], from = 0): Task[] {
  const out: Task[] = [];
  for (let i = from; i < lines.length; i++) {
    if (fenced[i]) continue;
    const l = lines[i];
    if (l === undefined || l.indexOf('[') < 0) continue;
    const t = parseTaskLine(l, i);
    if (t) out.push(t);
  }
  return out;
}
