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
/** The anchor holds no `{`, so a line of unclosed `{` is read in linear time (each scan stops at the next `{`). */
export const ID_RE = /<!--\s*baton:([A-Za-z0-9][\w.-]*)(?:\s+\{([^{}]*)\})?\s*-->/;
/** The due date: a task's is this regex's first match (when a calendar day); `reanchorChecklists` edits that one. */
export const DUE_RE = /📅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u;
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
  const e = eolAt(raw);
  return usualTask(raw, k, e, line, status) ?? regexTask(raw.slice(k, e), line, status);
}

/** One Task shape for both readers (same key order as the regex parser's). */
function task(line: number, status: string, text: string, title: string, due?: string, doneDate?: string, id?: string, anchor?: string): Task {
  const done = status === 'x' || status === 'X';
  return { line, status, done, closed: done || status === '-', text, title, due, doneDate, id, anchor };
}

/** The text after the box, read with ID_RE and the emoji-field rules (any shape). */
function regexTask(text: string, line: number, status: string): Task | undefined {
  if (hasBreak(text)) return undefined;
  const idm = text.indexOf('<') < 0 ? null : ID_RE.exec(text);
  let title = idm ? stripEmojiFields(text.slice(0, idm.index) + text.slice(idm.index + idm[0].length)) : stripEmojiFields(text);
  if (title.indexOf('^') >= 0) title = title.replace(/\s+\^[\w-]+\s*$/, '');
  return task(line, status, text, title.trim(), dateField(text, '📅', DUE_RE), dateField(text, '✅', DONE_RE), idm?.[1], idm?.[2]?.trim() || undefined);
}

/**
 * The usual `TITLE <!-- baton:ID {ANCHOR} --> 📅 DATE [✅ DATE] …`, read by one sticky exec whose
 * groups are the parts. The title holds no `<`, `^`, line break or code unit that may start a
 * field emoji (U+23EB–U+23F3, U+26D4, U+2705, U+274C, U+2795 and the surrogates of
 * U+1F000–U+1F7FF), nor does the anchor, so: the comment is ID_RE's leftmost match and its first
 * try (greedy id, spaces, `{…}` up to the first `}` with no `{` inside, spaces, `-->`); the `📅` after it is the first
 * field, so the title is what precedes the comment, trimmed (the lazy group leaves out the spaces
 * before the comment, so trim usually has nothing to cut and builds no second string); that `📅`
 * and the `✅` right after its date (no other `✅` when absent) are DUE_RE's and DONE_RE's. The
 * match must reach the EOL.
 */
const USUAL_RE = /([^<^\n\r\u2028\u2029\u23eb-\u23f3\u26d4\u2705\u274c\u2795\ud83c\ud83d]*?) *<!-- baton:([A-Za-z0-9][\w.-]*) +\{([^{}\n\r\u2028\u2029\u23eb-\u23f3\u26d4\u2705\u274c\u2795\ud83c\ud83d]*)\} *--> \ud83d\udcc5 (\d{4}-\d\d-\d\d)(?: \u2705 (\d{4}-\d\d-\d\d))?[^\n\r\u2028\u2029\u2705]*/y;

/** The number two digits at `i` of `d` make, plus 528 (11 × the code of 0). */
const two = (d: string, i: number): number => d.charCodeAt(i) * 10 + d.charCodeAt(i + 1);

/**
 * `isIsoDay` for USUAL_RE's `\d{4}-\d\d-\d\d` dates: a day 01–28 of a month 01–12 of a year past
 * 0099 is one without the calendar's work (the rest ask isIsoDay).
 */
const isDay = (d: string): boolean => (two(d, 0) > 528 && two(d, 5) - 529 >>> 0 < 12 && two(d, 8) - 529 >>> 0 < 28) || isIsoDay(d);

/** The usual line (USUAL_RE), or undefined for any other (then regexTask decides). */
function usualTask(raw: string, k: number, e: number, line: number, status: string): Task | undefined {
  USUAL_RE.lastIndex = k;
  const m = USUAL_RE.exec(raw);
  if (m === null || USUAL_RE.lastIndex !== e) return undefined;
  const due = m[4]!;
  const doneDate = m[5];
  if (!isDay(due) || (doneDate !== undefined && !isDay(doneDate))) return undefined;
  return task(line, status, raw.slice(k, e), m[1]!.trim(), due, doneDate, m[2], m[3]!.trim() || undefined);
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
