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
const EMOJI_FIELDS_RE = /\s*(?:📅|✅|⏳|🛫|➕|❌|🔁|⏫|🔼|🔽|⏬|🔺|🆔|⛔)\uFE0F?.*$/u;

const FIELD_EMOJIS = ['📅', '✅', '⏳', '🛫', '➕', '❌', '🔁', '⏫', '🔼', '🔽', '⏬', '🔺', '🆔', '⛔'];
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/;

/** Cuts Tasks' emoji fields and what follows; plain index scans instead of a backtracking regex on every task line. */
function stripEmojiFields(s: string): string {
  let cut = -1;
  for (const e of FIELD_EMOJIS) {
    const i = s.indexOf(e);
    if (i >= 0 && (cut < 0 || i < cut)) cut = i;
  }
  if (cut < 0) return s;
  // `.` stops at line breaks; keep the regex's exact answer for that rare case.
  if (LINE_BREAK_RE.test(s.slice(cut))) return s.replace(EMOJI_FIELDS_RE, '');
  return s.slice(0, cut).trimEnd();
}

function stripBlockRef(s: string): string {
  return s.indexOf('^') < 0 ? s : s.replace(/\s+\^[\w-]+\s*$/, '');
}

/** Parses one line as a task, or undefined when it is not one. */
export function parseTaskLine(raw: string, line: number): Task | undefined {
  const m = TASK_RE.exec(stripEol(raw));
  if (!m) return undefined;
  const status = m[3] ?? ' ';
  const text = m[4] ?? '';
  const idm = text.indexOf('<!--') < 0 ? null : ID_RE.exec(text);
  const due = text.indexOf('📅') < 0 ? undefined : DUE_RE.exec(text)?.[1];
  const doneDate = text.indexOf('✅') < 0 ? undefined : DONE_RE.exec(text)?.[1];
  const done = status === 'x' || status === 'X';
  const title = stripBlockRef(stripEmojiFields(idm ? text.replace(ID_RE, '') : text)).trim();
  return {
    line,
    status,
    done,
    closed: done || status === '-',
    text,
    title,
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
