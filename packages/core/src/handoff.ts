import { parseAccountNote, type AccountNote } from './account.js';
import { appendSection, changedTo, failed, unchanged, type EditResult } from './edit.js';
import { uiText } from './i18n.js';
import { problem, type Locale, type Problem } from './problems.js';
import {
  ESSENTIALS,
  HANDOFF_EXTRAS,
  HEADING_TITLES,
  normalizeHeading,
  type EssentialId,
  type HandoffExtraId,
  type Heading,
  type HeadingId,
} from './sections.js';
import { tableWithoutSection } from './stakeholders.js';
import { renderSection, SECTION_PLACEHOLDERS, SECTION_PROMPTS, sectionBody, TITLE_PROMPT } from './templates.js';
import { blank, eolAt, eolBefore, FENCE_RE, foldWidth, stripEol } from './text.js';

export type HandoffItemId = EssentialId | HandoffExtraId;
export type HandoffStatus = 'filled' | 'empty' | 'missing';

export interface HandoffItem {
  id: HandoffItemId;
  /** Canonical heading title in the report's locale. */
  title: string;
  /** One of the five essentials that make up the score. */
  essential: boolean;
  status: HandoffStatus;
  /** 1-based line of the heading, or 1 when the heading is missing. */
  line: number;
}

export interface HandoffReport {
  /** Essentials with content. */
  score: number;
  total: 5;
  /** The five essentials, then the extras, in canonical order. */
  items: HandoffItem[];
  /** Essentials that are not filled (missing or empty), in canonical order. */
  missing: EssentialId[];
}

export interface HandoffOptions {
  /** Title language; defaults to the note's locale. */
  locale?: Locale;
}

const HANDOFF_ORDER: readonly HandoffItemId[] = [...ESSENTIALS, ...HANDOFF_EXTRAS];

/**
 * Scores the handoff: how many of the five essentials sales has actually written. Template
 * prompts, empty bullets and empty table rows do not count as content.
 *
 * @example
 * const report = checkHandoff(parseAccountNote(createAccountNote({ account: 'Acme', contractStart: '2026-04-01', termMonths: 12, locale: 'en' })));
 * report.score // 0
 * report.missing // ['decision_makers', 'proposal_history', 'purchase_reason', 'future_vision', 'renewal_outlook']
 */
export function checkHandoff(note: AccountNote, options: HandoffOptions = {}): HandoffReport {
  const locale = options.locale ?? note.locale;
  const title = titleOf(note);
  const items: HandoffItem[] = [];
  const missing: EssentialId[] = [];
  let score = 0;
  for (const id of HANDOFF_ORDER) {
    const h = locate(note, id, title);
    // HANDOFF_ORDER starts with the essentials.
    const essential = items.length < ESSENTIALS.length;
    const status = h === undefined ? 'missing' : hasContent(note, h) ? 'filled' : 'empty';
    items.push({ id, title: HEADING_TITLES[id][locale], essential, status, line: h === undefined ? 1 : h.line + 1 });
    if (!essential) continue;
    if (status === 'filled') score++;
    else missing.push(id as EssentialId);
  }
  return { score, total: 5, items, missing };
}

/**
 * The one-line score every host shows: `Handoff 3/5 — missing: Why they bought, Future vision`,
 * or `Handoff 5/5` when nothing is missing.
 */
export function handoffSummary(report: HandoffReport, locale: Locale): string {
  const ui = uiText(locale);
  const head = ui.handoff(report.score, report.total);
  if (report.missing.length === 0) return head;
  return `${head} — ${ui.handoffMissing}: ${report.missing.map((id) => HEADING_TITLES[id][locale]).join(locale === 'ja' ? '、' : ', ')}`;
}

/**
 * One warning per essential that is missing or empty, pointing at its heading.
 *
 * @example
 * handoffProblems(checkHandoff(note), 'ja')[0]?.code // 'handoff.empty-section'
 */
export function handoffProblems(report: HandoffReport, locale: Locale = 'en'): Problem[] {
  const out: Problem[] = [];
  for (const item of report.items) if (item.essential && item.status !== 'filled') out.push(essentialProblem(item.id, item.status === 'missing', item.line, locale));
  return out;
}

/**
 * `handoffProblems(checkHandoff(note, { locale }), locale)` without the report: only the
 * essentials are located and checked, and no item objects are built (the lint's hot path).
 */
export function handoffLint(note: AccountNote, locale: Locale): Problem[] {
  const title = titleOf(note);
  const out: Problem[] = [];
  for (const id of ESSENTIALS) {
    const h = locate(note, id, title);
    if (h === undefined) out.push(essentialProblem(id, true, 1, locale));
    else if (!hasContent(note, h)) out.push(essentialProblem(id, false, h.line + 1, locale));
  }
  return out;
}

function essentialProblem(id: HandoffItemId, missing: boolean, line: number, locale: Locale): Problem {
  const t = HEADING_TITLES[id][locale];
  // Only the locale's message is built.
  const message = missing
    ? locale === 'ja'
      ? `引き継ぎに「${t}」の項目がありません。CSがお客様に聞き直さずに済むよう追加してください。`
      : `The handoff has no "${t}" section. Add it so CS does not have to ask the customer again.`
    : locale === 'ja'
      ? `「${t}」がまだ空欄です。引き継ぎミーティングまでに営業に記入してもらいましょう。`
      : `"${t}" is still empty. Ask sales to fill it in before the handoff meeting.`;
  return problem(missing ? 'handoff.missing-section' : 'handoff.empty-section', 'warning', message, line, locale, id);
}

/**
 * The heading of a section, ignoring the note's title: an account called "Vision" must not
 * count as the future-vision section.
 */
export function locateSection(note: AccountNote, id: HeadingId): Heading | undefined {
  return locate(note, id, titleOf(note));
}

/** The account name, folded as headings are (only level-1 headings that name a section compare with it). */
function titleOf(note: AccountNote): string | undefined {
  if (!note.headings.some((h) => h.level === 1 && h.id !== undefined)) return undefined;
  const name = note.frontmatter.data?.['account'];
  return typeof name === 'string' || typeof name === 'number' ? normalizeHeading(String(name)) : undefined;
}

function locate(note: AccountNote, id: HeadingId, title: string | undefined): Heading | undefined {
  for (const h of note.headings) if (h.id === id && !(h.level === 1 && title !== undefined && normalizeHeading(h.text) === title)) return h;
  return undefined;
}

const COMMENT_RE = /<!--[^]*?(-->|$)/g;
const HEADING_LINE_RE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BULLET = String.raw`^\s*(?:>\s*)*(?:[-*+]|\d+[.)])(?:\s+\[.\])?`;
const EMPTY_BULLET_RE = new RegExp(`${BULLET}\\s*$`);
/** `- Budget:` with nothing after the colon: a label waiting for its answer. */
const LABEL_ONLY_RE = new RegExp(`${BULLET}\\s+[^:：]{1,60}[:：]$`);

/** Every text a template writes as a prompt or placeholder, folded for comparison, and the `head` of each. */
let TEMPLATES: { texts: Set<string>; heads: Set<number> } | undefined;
/** Built on first use: a plugin's load time counts every top-level statement. */
function templates(): { texts: Set<string>; heads: Set<number> } {
  if (TEMPLATES) return TEMPLATES;
  const texts = new Set<string>();
  for (const p of [...Object.values(SECTION_PROMPTS), TITLE_PROMPT]) {
    texts.add(fold(p.en));
    texts.add(fold(p.ja));
  }
  for (const p of Object.values(SECTION_PLACEHOLDERS)) for (const l of [...p.en, ...p.ja]) texts.add(fold(l));
  return (TEMPLATES = { texts, heads: new Set([...texts].map((t) => head(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2)))) });
}

/**
 * A folded text's first three characters as a number; `| 32` lower-cases ASCII letters, so a line
 * and its folded text get the same head (other characters may share one, which only costs the full check).
 */
const head = (a: number, b: number, c: number) => ((a | 32) << 14) ^ ((b | 32) << 7) ^ (c | 32);

/** Printable ASCII, kana, kanji, `ー`, `、` or `。`: not `\s`, and NFKC and lower-casing keep it in place. */
const stable = (c: number) =>
  (c > 32 && c < 127) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || c === 0x3001 || c === 0x3002 || (c >= 0x4e00 && c <= 0x9fff);

/**
 * The usual line, decided from char codes (charCodeAt is cheap, a scan of a whole sliced line is
 * not): `false` when blank; `true` for text or a `- text` bullet that is no heading, quote, table
 * row, numbered item, task, label or comment, and whose folded text starts unlike any template's
 * (its first four characters are `stable`, so `fold` starts with them lower-cased). `undefined`
 * leaves the line to the full check.
 */
function plainLine(l: string): boolean | undefined {
  const e = eolAt(l);
  let k = 0;
  while (blank(l.charCodeAt(k))) k++;
  if (k === e) return false;
  const c = l.charCodeAt(k);
  // Where `fold` starts reading: after `- `.
  const m = (c === 45 || c === 42 || c === 43) && l.charCodeAt(k + 1) === 32 ? k + 2 : k;
  const p = l.charCodeAt(m);
  const q = l.charCodeAt(m + 1);
  const r = l.charCodeAt(m + 2);
  const s = l.charCodeAt(m + 3);
  const z = l.charCodeAt(e - 1);
  if (
    !stable(p) ||
    !(stable(q) || q === 32) ||
    !(stable(r) || (r === 32 && q !== 32)) ||
    !(stable(s) || s === 32) ||
    c === 35 ||
    c === 62 ||
    c === 124 ||
    (c >= 48 && c <= 57) ||
    !((z > 32 && z < 127) || (z > 0x3000 && z < 0xfeff)) ||
    z === 58 ||
    l.indexOf('<!--') >= 0
  )
    return undefined;
  return !templates().heads.has(head(p, q, r)) || undefined;
}

/** Quote and bullet markers; sticky, so `lastIndex` after `test` is where the text starts (no match array). */
const MARKER_RE = /\s*(?:>\s*)*(?:[-*+]\s+)?/y;

function fold(s: string): string {
  const f = foldWidth(s);
  MARKER_RE.lastIndex = 0;
  MARKER_RE.test(f);
  const t = f.slice(MARKER_RE.lastIndex);
  // Most lines have single spaces only, which the rewrite would leave as they are.
  return (t.indexOf('  ') >= 0 || /[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t).trim().toLowerCase();
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

const blankRow = (row: string) => cells(row).every((c) => c === '');
const isSeparatorRow = (row: string) => row.trim().startsWith('|') && cells(row).every((c) => /^:?-+:?$/.test(c));

/**
 * True when the section holds something a person wrote, beyond the template's scaffolding.
 * One pass: a table row waits for the next line (a separator under it makes it a header).
 */
function hasContent(note: AccountNote, h: Heading): boolean {
  let inComment = false;
  let row: string | undefined;
  for (let i = h.line + 1; i < h.end; i++) {
    if (note.fenced[i]) {
      // Pasted code is content; the fence markers are not.
      const raw = stripEol(note.lines[i] ?? '');
      if (!FENCE_RE.test(raw) && raw.trim() !== '') return true;
      continue;
    }
    const raw = note.lines[i] ?? '';
    // Most lines are decided by plainLine; a pending table row and comments take the full check.
    const plain = inComment || row !== undefined ? undefined : plainLine(raw);
    if (plain) return true;
    if (plain === false) continue;
    // An open comment continues from the line before; the last comment on the line may stay open.
    let line = (inComment ? '<!--' : '') + stripEol(raw);
    if (line.indexOf('<!--') >= 0) line = line.replace(COMMENT_RE, (_, end: string) => ((inComment = !end), ''));
    if (row !== undefined) {
      // Header rows and separators are structure; only a data row with a value counts.
      if (!isSeparatorRow(line) && !blankRow(row)) return true;
      row = undefined;
    }
    const t = line.trim();
    if (t === '' || HEADING_LINE_RE.test(line) || EMPTY_BULLET_RE.test(line) || LABEL_ONLY_RE.test(line.trimEnd())) continue;
    if (t.startsWith('|')) {
      if (!isSeparatorRow(line)) row = line;
      continue;
    }
    if (templates().texts.has(fold(line))) continue;
    return true;
  }
  return row !== undefined && !blankRow(row);
}

export interface InsertSectionOptions {
  /** Language of the inserted heading and prompt; defaults to the note's `locale`, then the language of its headings. */
  locale?: Locale;
}

/**
 * Quick fix for a missing section: inserts its heading and prompt where a template would have
 * put it. Handoff topics go inside the Handoff section in canonical order (the Handoff section
 * is added if it is absent); top-level sections go at the end. Nothing else changes; a second
 * call is a no-op. Notes with errors are refused.
 *
 * @example
 * const r = insertMissingSection(text, 'future_vision', { locale: 'en' });
 * if (r.ok) save(r.text);
 */
export function insertMissingSection(text: string, id: HeadingId, options: InsertSectionOptions = {}): EditResult {
  const note = parseAccountNote(text, options.locale ? { locale: options.locale } : {});
  const msg = options.locale ?? note.locale;
  if (!Object.hasOwn(HEADING_TITLES, id)) {
    return failed([problem('handoff.unknown-section', 'error', { en: `Unknown section "${String(id)}"`, ja: `不明な項目「${String(id)}」です` }, 1, msg)]);
  }
  if (note.kind !== 'account') {
    return failed([
      problem('handoff.not-account', 'error', { en: 'This note is not a Baton account note (baton: account).', ja: 'Baton のアカウントノート（baton: account）ではありません。' }, 1, msg),
    ]);
  }
  const errors = note.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return failed(errors);
  if (locateSection(note, id) !== undefined) return unchanged(text);
  // A stakeholder table outside any Stakeholders heading: a new section's empty table would hide it. Refused (see tableWithoutSection).
  const outside = id === 'stakeholders' ? tableWithoutSection(note, msg) : undefined;
  if (outside) return failed(outside);

  const locale = options.locale ?? noteLanguage(note);
  let next: string;
  // Top-level sections (none is a handoff topic) go at the end.
  if (!(HANDOFF_ORDER as readonly string[]).includes(id)) {
    const body = id === 'handoff' ? handoffSkeleton(note, locale) : sectionBody(id, locale);
    next = appendSection(text, note.lines, `## ${HEADING_TITLES[id][locale]}`, body);
  } else {
    const handoff = locateSection(note, 'handoff');
    next =
      handoff === undefined
        ? appendSection(text, note.lines, `## ${HEADING_TITLES.handoff[locale]}`, [...sectionBody('handoff', locale), '', ...renderSection(id, 3, locale)])
        : insertIntoHandoff(text, note, handoff, id as HandoffItemId, locale);
  }
  // An unclosed code fence would swallow the new heading; say so rather than write a dud.
  if (locateSection(parseAccountNote(next), id) === undefined) {
    return failed([
      problem(
        'handoff.insert-failed',
        'error',
        { en: 'Could not add the section: check for an unclosed ``` code block.', ja: '項目を追加できませんでした。閉じていない ``` コードブロックがないか確認してください。' },
        1,
        msg,
        id,
      ),
    ]);
  }
  return changedTo(text, next);
}

/** The Handoff section with every handoff topic that is not already elsewhere in the note. */
function handoffSkeleton(note: AccountNote, locale: Locale): string[] {
  const body = sectionBody('handoff', locale);
  for (const sub of HANDOFF_ORDER) if (locateSection(note, sub) === undefined) body.push('', ...renderSection(sub, 3, locale));
  return body;
}

function insertIntoHandoff(text: string, note: AccountNote, handoff: Heading, id: HandoffItemId, locale: Locale): string {
  const lines = [...note.lines];
  const rank = HANDOFF_ORDER.indexOf(id);
  const inside = note.headings.filter((h) => h.line > handoff.line && h.line < handoff.end && h.level > handoff.level);
  const known = inside.filter((h) => h.id !== undefined && (HANDOFF_ORDER as readonly string[]).includes(h.id));
  const level = known[0]?.level ?? Math.min(6, handoff.level + 1);
  const later = known.find((h) => h.level === level && HANDOFF_ORDER.indexOf(h.id as HandoffItemId) > rank);
  const isBlank = (i: number) => stripEol(lines[i] ?? '').trim() === '';

  let at: number;
  if (later !== undefined) {
    at = later.line;
  } else {
    at = handoff.end;
    while (at - 1 > handoff.line && isBlank(at - 1)) at--;
  }
  const eol = eolBefore(text, lines, at);
  const block = renderSection(id, level, locale);
  if (at > 0 && !isBlank(at - 1)) block.unshift('');
  if (at < lines.length && !isBlank(at)) block.push('');
  if (at === lines.length) {
    const last = lines[at - 1];
    if (last !== undefined && stripEol(last) === last) lines[at - 1] = last + eol;
  }
  lines.splice(at, 0, ...block.map((l) => l + eol));
  return lines.join('');
}

/** The note's language: its `locale` key, else Japanese when its section headings are Japanese. */
function noteLanguage(note: AccountNote): Locale {
  const l = note.frontmatter.data?.['locale'];
  if (l === 'en' || l === 'ja') return l;
  const known = note.headings.find((h) => h.id !== undefined && h.level > 1);
  return known !== undefined && /[\u3040-\u30ff\u3400-\u9fff]/.test(known.text) ? 'ja' : 'en';
}
