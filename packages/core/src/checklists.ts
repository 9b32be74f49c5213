import { parseAccountNote, type Account, type AccountNote } from './account.js';
import { badItemId, CHECKLIST_ID_RE, ITEM_ID_RE, splitTasksFields, type ChecklistTemplate } from './checklist-templates.js';
import { failed, unchanged, type EditResult } from './edit.js';
import { problem, type Locale, type Problem } from './problems.js';
import { parseRelativeDate, resolveRelativeDate } from './relative-date.js';
import { HEADING_TITLES, normalizeHeading, type Heading } from './sections.js';
import { DUE_RE, ID_RE } from './tasks.js';
import { eolBefore, fencedLines, splitLinesKeepEol, stripEol } from './text.js';

export interface ChecklistOptions {
  /** Language of a `## Checklists` heading Baton has to create, and of problems; defaults to the note's `locale`, then the template's. */
  locale?: Locale;
}

/** Done/total for one checklist in a note. */
export interface ChecklistProgress {
  /** The checklist id: the part of `baton:CHECKLIST.ITEM` before the first dot. */
  id: string;
  /** The `###` heading above the items, else the id. */
  title: string;
  done: number;
  /** Open plus done items; cancelled (`[-]`) items are not counted. */
  total: number;
  /** 0-based line of the checklist's first item, like `Task.line`. */
  line: number;
}

const ID_RE_G = new RegExp(ID_RE.source, 'g');
const DUE_FIELDS_RE = / ?📅\uFE0F?\s*\d{4}-\d{2}-\d{2}/gu;

/**
 * Adds a playbook's items to an account note, under `## Checklists` in a `### <title>`
 * subsection (both created when missing). Items whose id is already somewhere in the note are
 * skipped, so applying twice changes nothing the second time. Due dates come from the
 * account; an item anchored to a date the account does not have yet gets no 📅.
 *
 * @example
 * const t = findChecklist('kickoff', 'en')!;
 * const r = applyChecklist(note, t);
 * if (r.ok) write(r.text); else show(r.problems);
 */
export function applyChecklist(text: string, template: ChecklistTemplate, options: ChecklistOptions = {}): EditResult {
  const note = parseAccountNote(text, options.locale ? { locale: options.locale } : {});
  const locale = options.locale ?? noteLocale(note) ?? template.locale;
  const refusal = refuse(note, locale) ?? templateProblems(template, locale);
  if (refusal) return failed(refusal);
  const account = note.account!;

  const present = presentIds(note);
  const missing = template.items.filter((it) => !present.has(`${template.id}.${it.id}`));
  if (missing.length === 0) return unchanged(text);
  const tasks = missing.map((it) => renderItem(template.id, it, account));
  const title = singleLine(template.title) || template.id;

  const lines = note.lines;
  const section = note.headings.find((h) => h.id === 'checklists' && h.level === 2);
  let edited: string;
  if (!section) {
    const last = lines[lines.length - 1];
    const lead = last === undefined || stripEol(last).trim() === '' ? [] : [''];
    edited = insertLines(text, lines, lines.length, [...lead, `## ${HEADING_TITLES.checklists[locale]}`, '', `### ${title}`, '', ...tasks]);
  } else {
    const sub = findSubsection(note, section, template, title);
    if (sub) {
      edited = insertLines(text, lines, contentEnd(lines, sub), tasks);
    } else {
      const at = contentEnd(lines, section);
      const lead = stripEol(lines[at - 1] ?? '').trim() === '' ? [] : [''];
      const trail = at < lines.length && stripEol(lines[at] ?? '').trim() !== '' ? [''] : [];
      edited = insertLines(text, lines, at, [...lead, `### ${title}`, '', ...tasks, ...trail]);
    }
  }
  // An unclosed code fence would swallow the new lines and break idempotence: refuse instead.
  const after = new Set(presentIdsIn(splitLinesKeepEol(edited)));
  if (missing.some((it) => !after.has(`${template.id}.${it.id}`))) {
    return failed([
      problem(
        'checklist.unclosed-fence',
        'error',
        { en: 'Cannot add the checklist: a code block (```) near the end of the section is never closed', ja: 'チェックリストを追加できません: セクション末尾のコードブロック（```）が閉じられていません' },
        (section?.line ?? lines.length) + 1,
        locale,
        'checklists',
      ),
    ]);
  }
  return { ok: true, text: edited, changed: true };
}

/** `reanchorChecklists`' result: when it changed the note, `removed` counts the open tasks whose 📅 it took out. */
export type ReanchorResult = EditResult & { removed?: number };

/**
 * Recomputes the 📅 date of every open task that carries an anchor, after the account's
 * dates changed (kickoff booked, renewal moved). Only the date's characters change; a task
 * without 📅 gets one right after its Baton comment once its anchor resolves, and a task whose
 * anchor date is empty again (kickoff_date cleared) loses its ` 📅 date`, as `applyChecklist`
 * would have written it; `removed` counts those tasks. The date edited is the first `📅`, the one
 * `parseTaskLine` reads. Done and cancelled tasks keep their dates; anchors that are not
 * relative dates (`{bogus_date-5bd}`, which the lint reports) leave the task alone.
 *
 * @example
 * // kickoff_date was just set: `- [ ] Send notes <!-- baton:kickoff.minutes {kickoff_date+1bd} -->`
 * reanchorChecklists(note) // … `-->` now followed by ` 📅 2026-04-21`
 */
export function reanchorChecklists(text: string, options: ChecklistOptions = {}): ReanchorResult {
  const note = parseAccountNote(text, options.locale ? { locale: options.locale } : {});
  const refusal = refuse(note, options.locale ?? noteLocale(note) ?? 'en');
  if (refusal) return failed(refusal);
  const account = note.account!;
  const lines = [...note.lines];
  let changed = false;
  let removed = 0;
  for (const task of note.tasks) {
    if (task.closed || task.anchor === undefined) continue;
    const rel = parseRelativeDate(task.anchor);
    if (!rel) continue;
    const date = resolveRelativeDate(rel, account);
    const raw = lines[task.line] ?? '';
    const body = stripEol(raw);
    const eol = raw.slice(body.length);
    let next: string;
    // The first 📅 date, the one parseTaskLine reads.
    const due = DUE_RE.exec(body);
    if (date === undefined) {
      // Every 📅 date goes, so the parser reads none and a second run finds nothing to do.
      if (!due) continue;
      next = body.replace(DUE_FIELDS_RE, '');
      removed++;
    } else if (due) {
      if (due[1] === date) continue;
      const at = due.index + due[0].length - date.length;
      next = body.slice(0, at) + date + body.slice(at + date.length);
    } else {
      const m = ID_RE.exec(body);
      if (!m) continue;
      const at = m.index + m[0].length;
      next = `${body.slice(0, at)} 📅 ${date}${body.slice(at)}`;
    }
    lines[task.line] = next + eol;
    changed = true;
  }
  return changed ? { ok: true, text: lines.join(''), changed, removed } : unchanged(text);
}

/**
 * Progress per checklist, in the order the checklists first appear in the note. Tasks in
 * code fences do not count.
 *
 * @example
 * checklistProgress(parseAccountNote(text)) // [{ id: 'kickoff', title: 'Kickoff', done: 3, total: 8, line: 41 }]
 */
export function checklistProgress(note: AccountNote): ChecklistProgress[] {
  const groups = new Map<string, ChecklistProgress>();
  for (const t of note.tasks) {
    if (t.id === undefined) continue;
    const id = t.id.split('.')[0] ?? t.id;
    let g = groups.get(id);
    if (!g) {
      g = { id, title: titleAbove(note.headings, t.line) ?? id, done: 0, total: 0, line: t.line };
      groups.set(id, g);
    }
    if (t.status === '-') continue;
    g.total++;
    if (t.done) g.done++;
  }
  return [...groups.values()];
}

function noteLocale(note: AccountNote): Locale | undefined {
  const l = note.frontmatter.data?.['locale'];
  return l === 'en' || l === 'ja' ? l : undefined;
}

function refuse(note: AccountNote, locale: Locale): Problem[] | undefined {
  if (note.kind !== 'account') {
    return [problem('checklist.not-account', 'error', { en: 'This is not a Baton account note (baton: account)', ja: 'Batonのアカウントノート（baton: account）ではありません' }, 1, locale)];
  }
  if (note.account) return undefined;
  const errors = note.problems.filter((p) => p.severity === 'error');
  return errors.length > 0
    ? errors
    : [problem('checklist.invalid-account', 'error', { en: 'Fix the account frontmatter first', ja: '先にアカウントのフロントマターを直してください' }, 1, locale)];
}

/** Templates can be built by hand in a host; bad ones must not write broken Markdown. */
function templateProblems(t: ChecklistTemplate, locale: Locale): Problem[] | undefined {
  const out: Problem[] = [];
  const bad = (en: string, ja: string, field: string) => out.push(problem('checklist.invalid-template', 'error', { en, ja }, 1, locale, field));
  if (!CHECKLIST_ID_RE.test(t.id)) bad(`Checklist id "${t.id}" may only use letters, digits, - and _`, `チェックリストのid「${t.id}」には英数字・-・_ だけが使えます`, 'id');
  if (/[\r\n]/.test(t.title)) bad('The checklist title must be one line', 'チェックリストのタイトルは1行にしてください', 'title');
  const seen = new Set<string>();
  for (const it of t.items) {
    if (!ITEM_ID_RE.test(it.id)) bad(badItemId(it.id, false), badItemId(it.id, true), 'items');
    else if (seen.has(it.id)) bad(`Item id "${it.id}" is used twice`, `項目id「${it.id}」が重複しています`, 'items');
    seen.add(it.id);
    if (it.text.includes('<!--')) bad(`Item "${it.id}" must not contain an HTML comment`, `項目「${it.id}」の本文にHTMLコメントは書けません`, 'items');
    if (splitTasksFields(it.text).description === '' || /[\r\n]/.test(it.text)) bad(`Item "${it.id}" needs one line of text`, `項目「${it.id}」の本文は1行で書いてください`, 'items');
    if (it.due !== undefined && !parseRelativeDate(it.due)) bad(`Item "${it.id}": "${it.due}" is not a due date like renewal_date-90d`, `項目「${it.id}」: 「${it.due}」は renewal_date-90d のような期日ではありません`, 'items');
  }
  return out.length > 0 ? out : undefined;
}

/** Ids anywhere in the body outside code fences, on task lines or not (a user may have turned an item into a plain bullet). */
function presentIds(note: AccountNote): Set<string> {
  const from = note.frontmatter.closed ? note.frontmatter.bodyStart : 0;
  return new Set(presentIdsIn(note.lines, note.fenced, from));
}

function presentIdsIn(lines: readonly string[], fenced: readonly boolean[] = fencedLines(lines), from = 0): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length; i++) {
    if (fenced[i]) continue;
    for (const m of (lines[i] ?? '').matchAll(ID_RE_G)) if (m[1]) out.push(m[1]);
  }
  return out;
}

function renderItem(checklistId: string, item: { id: string; text: string; due?: string }, account: Account): string {
  const { description, fields } = splitTasksFields(singleLine(item.text));
  const rel = item.due === undefined ? undefined : parseRelativeDate(item.due);
  const anchor = item.due === undefined ? '' : ` {${item.due.trim().replace(/^\{|\}$/g, '').trim()}}`;
  const date = rel ? resolveRelativeDate(rel, account) : undefined;
  // The comment goes before Tasks' fields so the Tasks plugin still reads them from the line's end.
  return `- [ ] ${description} <!-- baton:${checklistId}.${item.id}${anchor} -->${date ? ` 📅 ${date}` : ''}${fields ? ` ${fields}` : ''}`;
}

function singleLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The `###` under the Checklists section that already holds this checklist's items, else one titled like it. */
function findSubsection(note: AccountNote, section: Heading, t: ChecklistTemplate, title: string): Heading | undefined {
  const subs = note.headings.filter((h) => h.level === 3 && h.line > section.line && h.line < section.end);
  const prefix = `${t.id}.`;
  const holding = subs.find((h) => note.tasks.some((task) => task.line > h.line && task.line < h.end && task.id?.startsWith(prefix)));
  if (holding) return holding;
  const wanted = normalizeHeading(title);
  return subs.find((h) => normalizeHeading(h.text) === wanted);
}

/** One past a section's last non-blank line, so blank lines before the next heading stay put. */
function contentEnd(lines: readonly string[], h: Heading): number {
  let at = h.end;
  while (at - 1 > h.line && stripEol(lines[at - 1] ?? '').trim() === '') at--;
  return at;
}

/**
 * Splices whole lines in at index `at`. Every original byte survives: a note that ends
 * without a newline still does, the new lines being joined on before it.
 */
function insertLines(text: string, lines: readonly string[], at: number, block: readonly string[]): string {
  const eol = eolBefore(text, lines, at);
  const last = lines[lines.length - 1];
  if (at >= lines.length && last !== undefined && stripEol(last) === last) return text + eol + block.join(eol);
  return lines.slice(0, at).join('') + block.map((l) => l + eol).join('') + lines.slice(at).join('');
}

/** The text of the nearest heading above a line when it is a subsection (`###` or deeper). */
function titleAbove(headings: readonly Heading[], line: number): string | undefined {
  let near: Heading | undefined;
  for (const h of headings) {
    if (h.line >= line) break;
    near = h;
  }
  return near && near.level >= 3 && near.text !== '' ? near.text : undefined;
}
