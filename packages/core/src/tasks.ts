import { blank, eolAt, hasBreak } from './text.js';
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
function dateField(text: string, mark: string, re: RegExp, from = 0): string | undefined {
  const i = text.indexOf(mark, from);
  if (i < 0) return undefined;
  const at = i + mark.length + 1;
  if (text.charCodeAt(at - 1) === 32) {
    const d = text.slice(at, at + 10);
    if (isIsoDay(d)) return d;
  }
  const d = re.exec(text)?.[1];
  return d !== undefined && isIsoDay(d) ? d : undefined;
}

/**
 * Parses one line as a task, or undefined when it is not one. TASK_RE read by hand (no match
 * array): its prefix is any run of spaces, tabs and `>`, and each later part starts with a
 * character the part before cannot take, so backtracking never moves a part.
 */
export function parseTaskLine(raw: string, line: number): Task | undefined {
  let k = 0;
  let c = raw.charCodeAt(0);
  while (blank(c) || c === 62) c = raw.charCodeAt(++k);
  if (c === 45 || c === 42 || c === 43) c = raw.charCodeAt(++k);
  else {
    const d = k;
    while (c >= 48 && c <= 57) c = raw.charCodeAt(++k);
    if (k === d || (c !== 46 && c !== 41)) return undefined;
    c = raw.charCodeAt(++k);
  }
  if (!blank(c)) return undefined;
  while (blank(c)) c = raw.charCodeAt(++k);
  // The status is one code unit: a line break there (hasBreak) is one of four codes.
  const s = raw.charCodeAt(k + 1);
  if (c !== 91 || raw.charCodeAt(k + 2) !== 93 || s === 10 || s === 13 || s === 0x2028 || s === 0x2029) return undefined;
  const status = raw.charAt(k + 1);
  k += 3;
  if (!blank(raw.charCodeAt(k))) return undefined;
  while (blank(raw.charCodeAt(k))) k++;
  const text = raw.slice(k, eolAt(raw));
  if (hasBreak(text)) return undefined;
  const done = status === 'x' || status === 'X';
  let title: string;
  let id: string | undefined;
  let anchor: string | undefined;
  const end = usualIdComment(text);
  if (end >= 0) {
    // `title <!-- baton:ID {ANCHOR} --> 📅 …` with no field emoji before: the title is the text
    // before the comment (other trailing whitespace goes with the final trim, as trimEnd's would).
    let e = comment.at;
    while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
    title = text.slice(0, e);
    id = text.slice(comment.at + 11, comment.idEnd);
    anchor = text.slice(comment.a0, comment.a1).trim() || undefined;
  } else {
    const idm = text.indexOf('<') < 0 ? null : ID_RE.exec(text);
    if (idm) {
      const after = idm.index + idm[0].length;
      // `title <!-- baton:… --> 📅 …`: the emoji one space after the comment is the first field, so
      // cutting there leaves the text before the comment (and the space, which trimEnd drops).
      title =
        text.search(FIELD_EMOJI_RE) === after + 1 && text.charCodeAt(after) === 32
          ? text.slice(0, idm.index).trimEnd()
          : stripEmojiFields(text.slice(0, idm.index) + text.slice(after));
    } else title = stripEmojiFields(text);
    id = idm?.[1];
    anchor = idm?.[2]?.trim() || undefined;
  }
  if (title.indexOf('^') >= 0) title = title.replace(/\s+\^[\w-]+\s*$/, '');
  // On the usual shape no 📅 or ✅ comes before the comment's end.
  const from = end + 1;
  return {
    line,
    status,
    done,
    closed: done || status === '-',
    text,
    title: title.trim(),
    due: dateField(text, '📅', DUE_RE, from),
    doneDate: dateField(text, '✅', DONE_RE, from),
    id,
    anchor,
  };
}

/** Where `usualIdComment` found the comment, its id's end and its anchor (reused: no object per line). */
const comment = { at: 0, idEnd: 0, a0: 0, a1: 0 };

/**
 * The usual `<!-- baton:ID {ANCHOR} -->` + ` 📅` read by hand: the comment's end (the rest in
 * `comment`), or -1 for any other shape (then ID_RE decides). Valid only when
 * this is ID_RE's match: the first `<!--` of the text is this one, the id is ID_RE's greedy run, and
 * one or more spaces, `{…}`, spaces and `-->` follow — the first try of ID_RE's backtracking order.
 * Also -1 when a code unit that may start a field emoji comes before the comment's end, or
 * `📅` does not follow it after one space, so the title is all that precedes the comment.
 */
function usualIdComment(text: string): number {
  const at = text.indexOf('<!--');
  if (at < 0 || !text.startsWith(' baton:', at + 4)) return -1;
  let k = at + 11;
  let c = text.charCodeAt(k);
  if (!((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) return -1;
  do c = text.charCodeAt(++k);
  while ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 46 || c === 45);
  const idEnd = k;
  if (c !== 32) return -1;
  while (c === 32) c = text.charCodeAt(++k);
  if (c !== 123) return -1;
  const a0 = k + 1;
  const a1 = text.indexOf('}', a0);
  if (a1 < 0) return -1;
  k = a1 + 1;
  while (text.charCodeAt(k) === 32) k++;
  if (!text.startsWith('-->', k)) return -1;
  const end = k + 3;
  // The first field emoji is the `📅` one space after the comment (one native search beats a loop).
  if (text.charCodeAt(end) !== 32 || text.charCodeAt(end + 2) !== 0xdcc5 || text.search(FIELD_EMOJI_RE) !== end + 1) return -1;
  comment.at = at;
  comment.idEnd = idEnd;
  comment.a0 = a0;
  comment.a1 = a1;
  return end;
}

/** Every task outside code fences. */
export function scanTasks(lines: readonly string[], fenced: readonly boolean[], from = 0): Task[] {
  const out: Task[] = [];
  for (let i = from; i < lines.length; i++) {
    if (fenced[i]) continue;
    const l = lines[i];
    if (l === undefined) continue;
    const t = parseTaskLine(l, i);
    if (t) out.push(t);
  }
  return out;
}
