/**
 * The stakeholder role matrix: one Markdown pipe table in the note's Stakeholders section,
 * one row per person on the customer side. Reading is lenient (any column order, either
 * language, unknown values kept as written); editing appends bytes and never reformats.
 */
import { isIsoDate, normalizeIsoDate, type IsoDate } from './dates.js';
import { daysApart, isIsoDay } from './day-number.js';
import { SETTING_DEFAULTS } from './settings.js';
import { flatCopy } from './string-pool.js';
import { appendSection, changedTo, failed, unchanged, type EditResult } from './edit.js';
import { parseAccountNote, type AccountNote } from './account.js';
import { problem, type Bilingual, type Locale, type Problem } from './problems.js';
import { findHeading, HEADING_TITLES, type Heading } from './sections.js';
import { eolBefore, displayWidth, foldWidth, stripBom, stripEol } from './text.js';

export const LEVELS = ['executive', 'director', 'manager', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

/** Three-step words people write instead of 1–5 (`High`, `高`), read as 5 / 3 / 1. */
const INFLUENCE_WORDS: Record<string, number> = { high: 5, medium: 3, mid: 3, low: 1, 高: 5, 大: 5, 中: 3, 低: 1, 小: 1 };

export const ROLES = ['decision_maker', 'approver', 'champion', 'influencer', 'executor', 'user', 'it', 'procurement'] as const;
export type Role = (typeof ROLES)[number];

export const ATTITUDES = ['positive', 'neutral', 'negative'] as const;
export type Attitude = (typeof ATTITUDES)[number];

export const STAKEHOLDER_STATUSES = ['active', 'left'] as const;
export type StakeholderStatus = (typeof STAKEHOLDER_STATUSES)[number];

/** Canonical column keys, in the order new tables are written. */
export const STAKEHOLDER_COLUMNS = [
  'name',
  'department',
  'level',
  'role',
  'influence',
  'attitude',
  'key_person',
  'kickoff',
  'last_contact',
  'status',
] as const;
export type StakeholderColumn = (typeof STAKEHOLDER_COLUMNS)[number];

/** Labels for pickers and for the values Baton writes; the first spelling per language. */
export const LEVEL_LABELS: Record<Level, Bilingual> = {
  executive: { en: 'Executive', ja: '経営層' },
  director: { en: 'Director', ja: '部長' },
  manager: { en: 'Manager', ja: '課長' },
  staff: { en: 'Staff', ja: '担当' },
};

export const ROLE_LABELS: Record<Role, Bilingual> = {
  decision_maker: { en: 'Decision maker', ja: '決裁者' },
  approver: { en: 'Approver', ja: '承認者' },
  champion: { en: 'Champion', ja: '推進者' },
  influencer: { en: 'Influencer', ja: '影響者' },
  executor: { en: 'Executor', ja: '実行者' },
  user: { en: 'User', ja: '利用者' },
  it: { en: 'IT', ja: '情報システム' },
  procurement: { en: 'Procurement', ja: '購買' },
};

export const ATTITUDE_LABELS: Record<Attitude, Bilingual> = {
  positive: { en: 'Positive', ja: '前向き' },
  neutral: { en: 'Neutral', ja: '中立' },
  negative: { en: 'Negative', ja: '慎重' },
};

export const STAKEHOLDER_STATUS_LABELS: Record<StakeholderStatus, Bilingual> = {
  active: { en: 'Active', ja: '在籍' },
  left: { en: 'Left', ja: '離任' },
};

export const STAKEHOLDER_COLUMN_LABELS: Record<StakeholderColumn, Bilingual> = {
  name: { en: 'Name', ja: '氏名' },
  department: { en: 'Department', ja: '部署' },
  level: { en: 'Level', ja: '職位' },
  role: { en: 'Role', ja: '役割' },
  influence: { en: 'Influence', ja: '影響力' },
  attitude: { en: 'Attitude', ja: '温度感' },
  key_person: { en: 'Key person', ja: 'キーパーソン' },
  kickoff: { en: 'Kickoff', ja: 'キックオフ参加' },
  last_contact: { en: 'Last contact', ja: '最終接触' },
  status: { en: 'Status', ja: '状態' },
};

/** One person on the customer side. */
export interface Stakeholder {
  name: string;
  /** '' when empty. */
  department: string;
  level: Level | undefined;
  roles: Role[];
  /** Roles Baton does not know, as written. */
  otherRoles: string[];
  /** 1 (none) to 5 (decisive). */
  influence: number | undefined;
  attitude: Attitude | undefined;
  keyPerson: boolean;
  /** Attended the kickoff meeting. */
  attendedKickoff: boolean;
  lastContact: IsoDate | undefined;
  /** `active` unless the cell says the person left (resigned, transferred). */
  status: StakeholderStatus;
  /** 0-based line of the row (-1 for rows not read from a note). */
  line: number;
  /** Cells whose text is not a known value (free-text attitude, `VP`, `maybe`…), written back as is. */
  unrecognized: Partial<Record<StakeholderColumn, string>>;
  /** Cells of columns Baton does not know, by column id. */
  extra: Record<string, string>;
}

export interface StakeholderTableColumn {
  /** Canonical key, or undefined for a column Baton does not know. */
  key: StakeholderColumn | undefined;
  /** Header text as written. */
  header: string;
  /** The key, or for unknown columns the header (made unique with `#2`, `#3`…); indexes `Stakeholder.extra`. */
  id: string;
}

export interface StakeholderTable {
  /** 0-based line of the header row (the delimiter row follows it). */
  headerLine: number;
  /** 0-based index one past the last row. */
  end: number;
  columns: StakeholderTableColumn[];
  rows: Stakeholder[];
  /** Language of the header row: values added later are written in it. */
  locale: Locale;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Folds a cell or header for matching: NFKC, lower case, `_`/`-` as spaces, single spaces. */
function norm(s: string): string {
  let n = NORM_CACHE.get(s);
  if (n === undefined) {
    n = foldWidth(s).toLowerCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ').trim();
    // Cells repeat across a vault (labels, yes/no marks); a bounded memo keeps reads cheap.
    if (NORM_CACHE.size > 4096) NORM_CACHE.clear();
    // Flat copies: a cell is a slice of the note, and a cached slice would pin the whole note.
    NORM_CACHE.set(flatCopy(s), flatCopy(n));
  }
  return n;
}
const NORM_CACHE = new Map<string, string>();

function lookup<T extends string>(labels: Record<T, Bilingual>, aliases: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const key of Object.keys(labels) as T[]) {
    m.set(norm(key), key);
    m.set(norm(labels[key].en), key);
    m.set(norm(labels[key].ja), key);
  }
  for (const [alias, key] of Object.entries(aliases)) m.set(norm(alias), key);
  return m;
}

/** The vocabularies. */
function buildWords() {
  return {
    level: lookup<Level>(LEVEL_LABELS, {
      exec: 'executive',
      'c level': 'executive',
      'c-suite': 'executive',
      board: 'executive',
      役員: 'executive',
      経営者: 'executive',
      経営陣: 'executive',
      本部長: 'director',
      'head of': 'director',
      vp: 'director',
      課長: 'manager',
      マネージャー: 'manager',
      マネジャー: 'manager',
      mgr: 'manager',
      担当者: 'staff',
      メンバー: 'staff',
      一般: 'staff',
      member: 'staff',
    }),
    role: lookup<Role>(ROLE_LABELS, {
      dm: 'decision_maker',
      'decision-maker': 'decision_maker',
      意思決定者: 'decision_maker',
      決裁権者: 'decision_maker',
      チャンピオン: 'champion',
      推進役: 'champion',
      現場担当: 'executor',
      現場担当者: 'executor',
      'end user': 'user',
      ユーザー: 'user',
      情シス: 'it',
      情報システム部: 'it',
      'it department': 'it',
      purchasing: 'procurement',
      調達: 'procurement',
    }),
    attitude: lookup<Attitude>(ATTITUDE_LABELS, {
      warm: 'positive',
      supportive: 'positive',
      好意的: 'positive',
      積極的: 'positive',
      cautious: 'negative',
      skeptical: 'negative',
      cold: 'negative',
      否定的: 'negative',
      消極的: 'negative',
    }),
    status: lookup<StakeholderStatus>(STAKEHOLDER_STATUS_LABELS, {
      current: 'active',
      在職: 'active',
      departed: 'left',
      resigned: 'left',
      transferred: 'left',
      退職: 'left',
      異動: 'left',
    }),
    yes: new Set(['✓', '✔', '☑', '○', '◯', '〇', '●', 'y', 'yes', 'true', 'はい', 'あり', '有'].map(norm)),
    no: new Set(['', '×', '✗', '✕', 'n', 'no', 'false', 'いいえ', 'なし', '無', '–', '—', 'ー'].map(norm)),
    column: lookup<StakeholderColumn>(STAKEHOLDER_COLUMN_LABELS, {
      'full name': 'name',
      person: 'name',
      名前: 'name',
      お名前: 'name',
      担当者名: 'name',
      dept: 'department',
      division: 'department',
      team: 'department',
      部門: 'department',
      所属: 'department',
      title: 'level',
      seniority: 'level',
      役職: 'level',
      roles: 'role',
      立場: 'role',
      社内の影響力: 'influence',
      sentiment: 'attitude',
      temperature: 'attitude',
      熱感: 'attitude',
      態度: 'attitude',
      key: 'key_person',
      kp: 'key_person',
      'key people': 'key_person',
      'kickoff attended': 'kickoff',
      'at kickoff': 'kickoff',
      キックオフ: 'kickoff',
      'last contacted': 'last_contact',
      最終接触日: 'last_contact',
      最終コンタクト: 'last_contact',
      ステータス: 'status',
      在籍: 'status',
    }),
  };
}
/** Built on first use: a plugin's load time counts every top-level statement. */
let WORDS: ReturnType<typeof buildWords> | undefined;
const words = () => (WORDS ??= buildWords());

/** Recognises a header cell; a bilingual header (`Name / 氏名`, `氏名 (Name)`) matches either half. */
function identifyColumn(header: string): { key: StakeholderColumn; ja: boolean } | undefined {
  const n = norm(header);
  // The whole header first: the common case splits nothing.
  let key = words().column.get(n);
  if (key) return { key, ja: /[^ -~]/.test(n) };
  for (const part of n.split(/\s*[/(（]\s*/)) {
    const p = part.replace(/[)）]\s*$/, '').trim();
    key = words().column.get(p);
    if (key) return { key, ja: /[^ -~]/.test(p) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Pipe-table lines

/** Whitespace as `String.prototype.trim` and `\s` see it (above U+3000 only U+FEFF is: kana and kanji skip the regex). */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c <= 0x3000 || c === 0xfeff) && /\s/.test(String.fromCharCode(c)));

/** Start and end (trimmed) of each cell of the line `cellBounds` split last, in pairs: cells are sliced only when read. */
const BOUNDS: number[] = [];
/** Whether that line holds an escaped pipe (`\|`, unescaped when a cell is read). */
let escapedPipe = false;

/**
 * Splits a pipe-table line into `BOUNDS`: the number of cells, or -1 when it has no unescaped pipe.
 * A separator is a pipe not preceded by a backslash; a pipe that opens or closes the (trimmed) line
 * drops the empty cell outside it.
 */
function cellBounds(raw: string): number {
  let a = 0;
  let b = raw.length;
  while (a < b && isSpace(raw.charCodeAt(a))) a++;
  while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
  let n = 0;
  let from = a;
  escapedPipe = false;
  // `indexOf` skips cell text faster than a loop over its characters.
  for (let i = raw.indexOf('|', a); i >= 0 && i < b; i = raw.indexOf('|', i + 1)) {
    // A pipe at `a` follows a space or nothing: only one inside the line can follow a backslash.
    if (raw.charCodeAt(i - 1) === 92) escapedPipe = true;
    else {
      if (i > a) n = bound(raw, from, i, n);
      from = i + 1;
    }
  }
  if (from === a) return -1;
  return from < b ? bound(raw, from, b, n) : n;
}

/** Records cell `n` as `raw.slice(a, b)` trimmed; the next cell's index. */
function bound(raw: string, a: number, b: number, n: number): number {
  while (a < b && isSpace(raw.charCodeAt(a))) a++;
  while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
  BOUNDS[2 * n] = a;
  BOUNDS[2 * n + 1] = b;
  return n + 1;
}

/** Cell `k` of the line `cellBounds` split last, `\|` unescaped (only escaped pipes are left inside a cell). */
function cellAt(raw: string, k: number): string {
  const c = raw.slice(BOUNDS[2 * k], BOUNDS[2 * k + 1]);
  return escapedPipe ? c.replace(/\\\|/g, '|') : c;
}

const isEmptyCell = (k: number) => BOUNDS[2 * k] === BOUNDS[2 * k + 1];

/** Cells of a pipe-table line (trimmed, `\|` unescaped), or undefined when it has no unescaped pipe. */
function splitRow(raw: string): string[] | undefined {
  const n = cellBounds(raw);
  if (n < 0) return undefined;
  const cells: string[] = [];
  for (let k = 0; k < n; k++) cells.push(cellAt(raw, k));
  return cells;
}

const DELIM_LINE_RE = /^[ \t]*\|?[ \t|:-]*[\r\n]*$/;

/** Sticky: tried at a cell's start, it must end at the cell's end (a `-` or `:` is never trimmed off, so it cannot run past). */
const DELIM_CELL_RE = /:?-+:?/y;

/** Whether every cell of the row is `^:?-+:?$`, read in place. */
function isDelimiterRow(raw: string, width: number): boolean {
  if (cellBounds(raw) !== width) return false;
  for (let k = 0; k < 2 * width; k += 2) {
    DELIM_CELL_RE.lastIndex = BOUNDS[k] as number;
    if (!DELIM_CELL_RE.test(raw) || DELIM_CELL_RE.lastIndex !== BOUNDS[k + 1]) return false;
  }
  return true;
}

function escapeCell(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}

interface RawTable {
  headerLine: number;
  /** Body rows are lines headerLine + 2 … end − 1 (split again when read). */
  end: number;
}

/** Pipe tables (header + delimiter row) between `from` and `to`, outside code fences. */
function scanTables(lines: readonly string[], fenced: readonly boolean[], from: number, to: number): RawTable[] {
  const out: RawTable[] = [];
  for (let i = from; i + 1 < to; i++) {
    const l = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (next.indexOf('-') < 0 || fenced[i] || fenced[i + 1] || l.charCodeAt(0) === 9 || l.startsWith('    ')) continue;
    // The template's header and delimiter rows repeat in every note: a recent pair that opened a table is not split again.
    if (STARTS.get(l) !== next) {
      const width = DELIM_LINE_RE.test(next) ? cellBounds(l) : -1;
      if (width < 0 || !isDelimiterRow(next, width)) continue;
      if (STARTS.size >= 256) STARTS.clear();
      // Flat copies: slices would pin the note.
      STARTS.set(flatCopy(l), flatCopy(next));
    }
    let end = i + 2;
    while (end < to && !fenced[end] && isBodyRow(lines[end] ?? '')) end++;
    out.push({ headerLine: i, end });
    i = end - 1;
  }
  return out;
}

/** Header rows and the delimiter row under them. */
const STARTS = new Map<string, string>();

/** A line that continues a table: it has an unescaped pipe and does not start with `#`. */
function isBodyRow(raw: string): boolean {
  let i = 0;
  while (isSpace(raw.charCodeAt(i))) i++;
  if (raw.charCodeAt(i) === 35) return false;
  for (let p = raw.indexOf('|'); p >= 0; p = raw.indexOf('|', p + 1)) if (raw.charCodeAt(p - 1) !== 92) return true;
  return false;
}

function bodyStart(lines: readonly string[]): number {
  if (lines.length === 0 || !/^---[ \t]*$/.test(stripBom(stripEol(lines[0] ?? '')))) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)[ \t]*$/.test(stripEol(lines[i] ?? ''))) return i + 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Columns of the header row `raw` (line `line`; `problems` is empty), through a memo of recent rows
 * that raised no problem: the template's header repeats in every note.
 */
function columnsOf(raw: string, problems: Problem[], line: number, locale: Locale): { columns: StakeholderTableColumn[]; ja: number; en: number } {
  let head = HEADS.get(raw);
  if (!head) {
    const columns: StakeholderTableColumn[] = [];
    const used = new Set<string>();
    let ja = 0;
    let en = 0;
    for (const cell of splitRow(raw) as string[]) {
      // A flat copy: a slice of the note would pin all of it in the memo.
      const header = flatCopy(cell);
      const found = identifyColumn(header);
      if (found && !used.has(found.key)) {
        used.add(found.key);
        columns.push({ key: found.key, header, id: found.key });
        if (found.ja) ja++;
        else en++;
        continue;
      }
      if (found) {
        problems.push(
          problem(
            'stakeholders.duplicate-column',
            'warning',
            { en: `Column "${header}" appears twice; Baton reads the first one`, ja: `列「${header}」が重複しています。最初の列を使います` },
            line + 1,
            locale,
            found.key,
          ),
        );
      }
      let id = header || '#';
      for (let n = 2; used.has(id); n++) id = `${header || '#'}#${n}`;
      used.add(id);
      columns.push({ key: undefined, header, id });
    }
    head = { columns, ja, en };
    if (problems.length === 0) {
      if (HEADS.size >= 256) HEADS.clear();
      HEADS.set(flatCopy(raw), head);
    }
  }
  // Copies: the memo keeps the columns, and a caller may change its table.
  return { ...head, columns: head.columns.map((c) => ({ ...c })) };
}
const HEADS = new Map<string, ReturnType<typeof columnsOf>>();

function hasColumn(columns: readonly StakeholderTableColumn[], key: StakeholderColumn): boolean {
  for (const c of columns) if (c.key === key) return true;
  return false;
}

/** Reads a yes/no cell: true, false, or undefined for a word Baton does not know. */
function yesNo(cell: string): boolean | undefined {
  const n = norm(cell);
  if (words().yes.has(n)) return true;
  if (words().no.has(n)) return false;
  return undefined;
}

function emptyStakeholder(name: string, line: number): Stakeholder {
  return {
    name,
    department: '',
    level: undefined,
    roles: [],
    otherRoles: [],
    influence: undefined,
    attitude: undefined,
    keyPerson: false,
    attendedKickoff: false,
    lastContact: undefined,
    status: 'active',
    line,
    unrecognized: {},
    extra: {},
  };
}

/** Role separators, full-width forms included (the cell is split before NFKC to keep unknown roles as written). */
const ROLE_SPLIT_RE = /[,、;/・，；／･]/;

/** Reads the row `cellBounds` split last (`n` cells); empty cells keep the defaults (an empty yes/no cell reads as no). */
function readRow(raw: string, n: number, columns: readonly StakeholderTableColumn[], line: number, problems: Problem[], locale: Locale): Stakeholder {
  const s = emptyStakeholder('', line);
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i] as StakeholderTableColumn;
    const empty = i >= n || isEmptyCell(i);
    if (col.key === undefined) s.extra[col.id] = empty ? '' : cellAt(raw, i);
    else if (!empty) readCell(s, col.key, raw, i, problems, locale);
  }
  return s;
}

function warn(s: Stakeholder, problems: Problem[], locale: Locale, code: string, field: StakeholderColumn, cell: string, text: Bilingual): void {
  s.unrecognized[field] = cell;
  problems.push(problem(`stakeholders.${code}`, 'warning', text, s.line + 1, locale, field));
}

/** What a cell of a vocabulary column reads as (undefined: not a known value; for roles, also a list). */
function valueOf(key: StakeholderColumn, cell: string): unknown {
  const w = words();
  switch (key) {
    case 'level':
    case 'attitude':
    case 'status':
      return w[key].get(norm(cell));
    case 'role':
      return ROLE_SPLIT_RE.test(cell) ? undefined : w.role.get(norm(cell));
    case 'influence': {
      const f = foldWidth(cell).trim();
      if (/^[1-5]$/.test(f)) return Number(f);
      const word = INFLUENCE_WORDS[f.toLowerCase()];
      if (word !== undefined) return word;
      return /^[★☆]{1,5}$/.test(f) ? [...f].filter((c) => c === '★').length || undefined : undefined;
    }
    default:
      return yesNo(cell);
  }
}

/**
 * `valueOf` cell `k` of the row `cellBounds` split last, through a small memo of recent cells
 * compared in place: the usual cells repeat across a vault and are then neither sliced nor folded.
 */
function cellValue(key: StakeholderColumn, raw: string, k: number): unknown {
  const a = BOUNDS[2 * k] as number;
  const b = BOUNDS[2 * k + 1] as number;
  if (escapedPipe) return valueOf(key, cellAt(raw, k));
  // The slot (of 1024) from the column, the length and the outer characters, mixed by a multiplicative hash: a sum
  // clustered, and two cells of the bench's handful (`Executive`, `yes`) shared a slot and evicted each other per row.
  const slot = Math.imul(key.length ^ ((b - a) << 4) ^ (raw.charCodeAt(a) << 8) ^ (raw.charCodeAt(b - 1) << 16) ^ (raw.charCodeAt(a + 1) << 24), 0x9e3779b1) >>> 22;
  const m = MEMO[slot];
  if (m !== undefined && m.key === key && m.text.length === b - a && raw.startsWith(m.text, a)) return m.value;
  const cell = raw.slice(a, b);
  const value = valueOf(key, cell);
  // A flat copy: a slice would keep the whole note alive.
  MEMO[slot] = { key, text: flatCopy(cell), value };
  return value;
}
// Allocated at full size: filled at scattered slots from empty, V8 turns an array into a (slow) dictionary.
const MEMO: ({ key: StakeholderColumn; text: string; value: unknown } | undefined)[] = Array(1024);

/** Known cell `k` of the row into `s` (a plain function, not a per-row closure: nothing is allocated but values). */
function readCell(s: Stakeholder, key: StakeholderColumn, raw: string, k: number, problems: Problem[], locale: Locale): void {
  if (key === 'name' || key === 'department' || key === 'last_contact') {
    const cell = cellAt(raw, k);
    if (key === 'name') s.name = cell;
    else if (key === 'department') s.department = cell;
    else {
      // A well-formed day is left as is by normalizeIsoDate: skip the folding.
      const day = isIsoDay(cell);
      const d = day ? cell : normalizeIsoDate(cell);
      if (day || isIsoDay(d)) s.lastContact = d;
      else warn(s, problems, locale, 'invalid-date', 'last_contact', cell, { en: `Last contact "${cell}" is not a date written as YYYY-MM-DD`, ja: `最終接触「${cell}」は YYYY-MM-DD 形式の日付ではありません` });
    }
    return;
  }
  const v = cellValue(key, raw, k);
  if (v !== undefined) {
    // The one role column of the table: a list of one (a push would reserve room for 16).
    if (key === 'role') s.roles = [v as Role];
    // level, influence, attitude and status are fields of the same name.
    else (s as unknown as Record<string, unknown>)[key === 'key_person' ? 'keyPerson' : key === 'kickoff' ? 'attendedKickoff' : key] = v;
    return;
  }
  const cell = cellAt(raw, k);
  switch (key) {
    case 'level':
      warn(s, problems, locale, 'unknown-level', 'level', cell, {
        en: `Unknown level "${cell}" (use executive, director, manager or staff)`,
        ja: `職位「${cell}」は未知の値です（経営層・部長・課長・担当のいずれか）`,
      });
      return;
    case 'role': {
      const unknown = s.otherRoles;
      // A single role (the usual cell) needs no split array.
      if (ROLE_SPLIT_RE.test(cell)) for (const part of cell.split(ROLE_SPLIT_RE)) addRole(s, part);
      else addRole(s, cell);
      if (unknown.length > 0)
        problems.push(
          problem(
            'stakeholders.unknown-role',
            'warning',
            { en: `Unknown role "${unknown.join(', ')}" kept as written`, ja: `役割「${unknown.join('、')}」は未知の値のため、そのまま残します` },
            s.line + 1,
            locale,
            'role',
          ),
        );
      return;
    }
    case 'influence':
      warn(s, problems, locale, 'invalid-influence', 'influence', cell, { en: `Influence "${cell}" should be a number from 1 to 5`, ja: `影響力「${cell}」は1〜5の数字で書いてください` });
      return;
    case 'attitude':
      // Free text is welcome here: no warning, only the canonical three are recognised.
      s.unrecognized.attitude = cell;
      return;
    case 'status':
      warn(s, problems, locale, 'unknown-status', 'status', cell, {
        en: `Unknown status "${cell}" (use active or left); read as active`,
        ja: `状態「${cell}」は未知の値です（在籍 か 離任）。在籍として扱います`,
      });
      return;
    default: {
      const label = STAKEHOLDER_COLUMN_LABELS[key];
      warn(s, problems, locale, 'unknown-yes-no', key, cell, {
        en: `${label.en}: "${cell}" is neither yes nor no (use ✓ or leave empty)`,
        ja: `${label.ja}:「${cell}」は はい/いいえ として読めません（○ か空欄にしてください）`,
      });
    }
  }
}

/** One part of a role cell: a known role once, anything else kept as written (trimmed) once. */
function addRole(s: Stakeholder, part: string): void {
  const t = part.trim();
  if (t === '') return;
  const r = words().role.get(norm(t));
  if (r) {
    if (!s.roles.includes(r)) s.roles.push(r);
  } else if (!s.otherRoles.includes(t)) s.otherRoles.push(t);
}

function nameKey(name: string): string {
  return foldWidth(name).toLowerCase().replace(/\s+/g, '');
}

/**
 * Whether `nameKey(a) === nameKey(b)`, compared in place while both read ASCII or kanji (which
 * NFKC, lower-casing and composition leave alone, so a difference there is final); undefined
 * at any other character.
 */
function sameName(a: string, b: string): boolean | undefined {
  for (let i = 0, j = 0; ; ) {
    let x = a.charCodeAt(i++);
    while (x === 32 || (x >= 9 && x <= 13)) x = a.charCodeAt(i++);
    let y = b.charCodeAt(j++);
    while (y === 32 || (y >= 9 && y <= 13)) y = b.charCodeAt(j++);
    if ((x > 127 && (x < 0x4e00 || x > 0x9fff)) || (y > 127 && (y < 0x4e00 || y > 0x9fff))) return undefined;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    // NaN (past the end) equals nothing: both ended, or one ended first.
    if (x !== y) return x !== x && y !== y;
  }
}

/** Reads a table whose header `columnsOf` has read (its problems come first). */
function readTable(lines: readonly string[], raw: RawTable, head: ReturnType<typeof columnsOf>, problems: Problem[], locale: Locale): StakeholderTable {
  const { columns, ja, en } = head;
  const table: StakeholderTable = { headerLine: raw.headerLine, end: raw.end, columns, rows: [], locale: ja > en ? 'ja' : 'en' };
  let seen: Map<string, number> | undefined;
  for (let i = raw.headerLine + 2; i < raw.end; i++) {
    const line = lines[i] ?? '';
    const n = cellBounds(line);
    let k = 0;
    while (k < n && isEmptyCell(k)) k++;
    if (k >= n) continue;
    if (n !== columns.length) {
      const missing = n < columns.length;
      const col = columns[Math.min(n, columns.length - 1)];
      problems.push(
        problem(
          'stakeholders.row-cells',
          'error',
          missing
            ? { en: `Row has ${n} cells but the table has ${columns.length} columns ("${col?.header}" and after are missing)`, ja: `この行のセルは${n}個ですが、表の列は${columns.length}個です（「${col?.header}」以降がありません）` }
            : { en: `Row has ${n} cells but the table has ${columns.length} columns (extra cells after "${col?.header}")`, ja: `この行のセルは${n}個ですが、表の列は${columns.length}個です（「${col?.header}」より後ろに余分なセルがあります）` },
          i + 1,
          locale,
          col?.key ?? col?.id,
        ),
      );
    }
    const row = readRow(line, n, columns, i, problems, locale);
    if (row.name === '') {
      problems.push(problem('stakeholders.missing-name', 'error', { en: 'Row has no name', ja: '氏名が空の行があります' }, i + 1, locale, 'name'));
      continue;
    }
    // The first earlier row with the same name key: compared in place in a short table, by a map of keys in a long one.
    const rows = table.rows;
    let first: number | undefined;
    if (rows.length < 8) {
      let key: string | undefined;
      for (let j = 0; j < rows.length && first === undefined; j++) {
        const r = rows[j] as Stakeholder;
        if (sameName(r.name, row.name) ?? nameKey(r.name) === (key ??= nameKey(row.name))) first = r.line;
      }
    } else {
      // Reversed: the first row of each key is set last and wins.
      seen ??= new Map(rows.map((r) => [nameKey(r.name), r.line] as const).reverse());
      const key = nameKey(row.name);
      first = seen.get(key);
      if (first === undefined) seen.set(key, i);
    }
    if (first !== undefined)
      problems.push(
        problem(
          'stakeholders.duplicate-name',
          'warning',
          locale === 'ja' ? `「${row.name}」が2回記載されています（最初は${first + 1}行目）` : `"${row.name}" is listed twice (first on line ${first + 1})`,
          i + 1,
          locale,
          'name',
        ),
      );
    rows.push(row);
  }
  return table;
}

/**
 * Finds and reads the stakeholder table: the first table with a Name column in the
 * Stakeholders section or, when the note has no such section, the first table anywhere whose
 * header names a person and at least one other known column. Tables in code fences are ignored.
 * Given the note's frontmatter, its `#` title is never taken for the section (an account called
 * "Stakeholders").
 * Never throws; malformed rows are errors, unknown values warnings (kept as written).
 *
 * @example
 * const lines = splitLinesKeepEol('## Stakeholders\n\n| Name | Role |\n|---|---|\n| Sato | 決裁者 |\n');
 * const fenced = fencedLines(lines);
 * readStakeholders({ lines, fenced, headings: scanHeadings(lines, fenced) }, 'en').table?.rows[0]?.roles; // ['decision_maker']
 */
export function readStakeholders(
  note: { lines: string[]; fenced: boolean[]; headings: Heading[]; frontmatter?: { data: Record<string, unknown> | undefined } },
  locale: Locale,
): { table: StakeholderTable | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const { lines, fenced } = note;
  const section = findHeading(note.headings, 'stakeholders', note.frontmatter?.data?.['account']);
  if (section) {
    const tables = scanTables(lines, fenced, section.line + 1, section.end);
    for (const raw of tables) {
      const head = columnsOf(lines[raw.headerLine] as string, problems, raw.headerLine, locale);
      if (hasColumn(head.columns, 'name')) return { table: readTable(lines, raw, head, problems, locale), problems };
      problems.length = 0;
    }
    const other = tables[0];
    if (other)
      problems.push(
        problem(
          'stakeholders.no-name-column',
          'warning',
          { en: 'The table under Stakeholders has no Name column, so Baton cannot read it', ja: '関係者の表に「氏名」列がないため読み取れません' },
          other.headerLine + 1,
          locale,
          'name',
        ),
      );
    return { table: undefined, problems };
  }
  for (const raw of scanTables(lines, fenced, bodyStart(lines), lines.length)) {
    const head = columnsOf(lines[raw.headerLine] as string, problems, raw.headerLine, locale);
    if (hasColumn(head.columns, 'name') && head.columns.filter((c) => c.key !== undefined).length >= 2) return { table: readTable(lines, raw, head, problems, locale), problems };
    problems.length = 0;
  }
  return { table: undefined, problems };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The text Baton writes in one cell (unescaped): a known value's label in `locale`, otherwise
 * the text as the user wrote it. Hosts use it to show a row the way the note shows it.
 *
 * @example
 * formatStakeholderCell({ ...person, level: 'director' }, 'level', 'ja'); // '部長'
 */
export function formatStakeholderCell(s: Stakeholder, column: StakeholderColumn, locale: Locale): string {
  const as = (v: string | undefined) => v ?? s.unrecognized[column] ?? '';
  switch (column) {
    case 'name':
      return s.name;
    case 'department':
      return s.department;
    case 'level':
      return as(s.level && LEVEL_LABELS[s.level][locale]);
    case 'role':
      return [...s.roles.map((r) => ROLE_LABELS[r][locale]), ...s.otherRoles].join(locale === 'ja' ? '、' : ', ');
    case 'influence':
      return as(s.influence === undefined ? undefined : String(s.influence));
    case 'attitude':
      return as(s.attitude && ATTITUDE_LABELS[s.attitude][locale]);
    case 'key_person':
      return s.unrecognized.key_person ?? (s.keyPerson ? (locale === 'ja' ? '○' : '✓') : '');
    case 'kickoff':
      return s.unrecognized.kickoff ?? (s.attendedKickoff ? (locale === 'ja' ? '○' : '✓') : '');
    case 'last_contact':
      return as(s.lastContact);
    case 'status':
      return s.unrecognized.status ?? STAKEHOLDER_STATUS_LABELS[s.status][locale];
  }
}

function defaultColumns(locale: Locale): StakeholderTableColumn[] {
  return STAKEHOLDER_COLUMNS.map((key) => ({ key, header: STAKEHOLDER_COLUMN_LABELS[key][locale], id: key }));
}

function cellsOf(s: Stakeholder, columns: readonly StakeholderTableColumn[], locale: Locale): string[] {
  return columns.map((c) => escapeCell(c.key ? formatStakeholderCell(s, c.key, locale) : (s.extra[c.id] ?? '')));
}

function headerOf(c: StakeholderTableColumn, locale: Locale): string {
  return escapeCell(c.key ? STAKEHOLDER_COLUMN_LABELS[c.key][locale] : c.header);
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function renderRow(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`;
}

/**
 * Renders a table as aligned pipe-table lines (no EOLs), headers and known values in `locale`,
 * padded by display width so Japanese text lines up. Unknown columns and values are written as
 * they were read, so `readStakeholders` gives the same rows back.
 *
 * @example
 * formatStakeholderTable([{ ...person, name: '佐藤' }], 'ja')[0]; // '| 氏名 | 部署 | 職位 | …'
 */
export function formatStakeholderTable(input: StakeholderTable | readonly Stakeholder[], locale: Locale): string[] {
  const columns = isTable(input) ? input.columns : defaultColumns(locale);
  const rows = isTable(input) ? input.rows : input;
  const header = columns.map((c) => headerOf(c, locale));
  const body = rows.map((r) => cellsOf(r, columns, locale));
  const widths = header.map((h, i) => Math.max(3, displayWidth(h), ...body.map((cells) => displayWidth(cells[i] ?? ''))));
  return [renderRow(header, widths), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map((cells) => renderRow(cells, widths))];
}

function isTable(x: StakeholderTable | readonly Stakeholder[]): x is StakeholderTable {
  return !Array.isArray(x);
}

export interface StakeholderEditOptions {
  /** Language of a new heading and table, and of messages; defaults to the note's `locale` key, then English. */
  locale?: Locale;
}

/**
 * Shared preamble of the edits: the note as `parseAccountNote` reads it, or why it is refused, as
 * `applyChecklist` and `insertMissingSection` refuse: it is not an account note, or its frontmatter
 * has an error (broken YAML, a bad or missing value), which names its line and field.
 */
function parseForEdit(text: string, options: StakeholderEditOptions): AccountNote | Problem[] {
  const note = parseAccountNote(text, options.locale ? { locale: options.locale } : {});
  if (note.kind !== 'account')
    return [
      problem(
        'stakeholders.not-account',
        'error',
        { en: 'This is not a Baton account note (baton: account)', ja: 'Batonのアカウントノート（baton: account）ではありません' },
        (note.frontmatter.keyLines.get('baton') ?? 0) + 1,
        note.locale,
        'baton',
      ),
    ];
  const errors = note.problems.filter((x) => x.severity === 'error' && x.code.startsWith('frontmatter.'));
  return errors.length > 0 ? errors : note;
}

/** Inserts a block into the Stakeholders section (before sub-headings), or a new section at the end. */
function insertTableBlock(text: string, p: AccountNote, block: readonly string[]): string {
  const section = findHeading(p.headings, 'stakeholders', p.frontmatter.data?.['account']);
  if (!section) return appendSection(text, p.lines, `## ${HEADING_TITLES.stakeholders[p.locale]}`, block);
  const next = p.headings.find((h) => h.line > section.line);
  const stop = Math.min(section.end, next?.line ?? section.end);
  let at = stop;
  while (at - 1 > section.line && stripEol(p.lines[at - 1] ?? '').trim() === '') at--;
  const eol = eolBefore(text, p.lines, at);
  const out = [...block];
  if (at - 1 >= 0) out.unshift('');
  if (at < p.lines.length && stripEol(p.lines[at] ?? '').trim() !== '') out.push('');
  return spliceLines(p.lines, at, out, eol);
}

/** Inserts whole lines before index `at`; at EOF without a final newline, the break goes first. */
function spliceLines(lines: readonly string[], at: number, block: readonly string[], eol: string): string {
  const before = lines.slice(0, at).join('');
  const after = lines.slice(at).join('');
  const last = lines[at - 1];
  const inserted = at === lines.length && last !== undefined && stripEol(last) === last ? eol + block.join(eol) : block.map((l) => l + eol).join('');
  return before + inserted + after;
}

/**
 * Adds an empty stakeholder table (header and delimiter row only, so no placeholder row has to
 * be deleted later) under the Stakeholders heading, creating `## Stakeholders` / `## 関係者` at
 * the end of the note when missing (the note's `#` title is never taken for it). No change when a
 * stakeholder table already exists, even outside a Stakeholders heading (a second table would hide
 * it). Refuses a note that is not an account note or whose frontmatter has errors.
 *
 * @example
 * insertStakeholderMatrix(`${frontmatter}# Acme\n`, { locale: 'en' }); // { ok: true, text: `${frontmatter}# Acme\n\n## Stakeholders\n\n| Name | …`, changed: true }
 */
export function insertStakeholderMatrix(text: string, options: StakeholderEditOptions = {}): EditResult {
  const p = parseForEdit(text, options);
  if (Array.isArray(p)) return failed(p);
  if (p.stakeholders) return unchanged(text);
  return verified(text, insertTableBlock(text, p, formatStakeholderTable([], p.locale)), undefined, p.locale);
}

/**
 * Why the Stakeholders section is not added to a note whose stakeholder table (`note.stakeholders`)
 * has no Stakeholders heading: the new section's empty table would be read in its place and hide
 * every row. Refusing is the least surprising answer: putting the heading above the table could cut
 * the section the table sits in (Handoff) in two, and a second table could only hide the first.
 * Undefined when the note has no such table. `insertMissingSection` asks this before adding the
 * section; `insertStakeholderMatrix` leaves such a note unchanged.
 */
export function tableWithoutSection(note: AccountNote, locale: Locale): Problem[] | undefined {
  const t = note.stakeholders;
  if (t && !findHeading(note.headings, 'stakeholders', note.frontmatter.data?.['account']))
    return [
      problem(
        'stakeholders.no-section',
        'error',
        { en: 'The stakeholder table has no Stakeholders heading: add the heading above it instead of a second table', ja: '関係者の表に「関係者」の見出しがありません。2つ目の表を作らず、表の上に見出しを追加してください' },
        t.headerLine + 1,
        locale,
        'stakeholders',
      ),
    ];
  return undefined;
}

/** Re-reads an edit: a table swallowed by an unclosed code fence must not pass as success. */
function verified(before: string, after: string, name: string | undefined, locale: Locale): EditResult {
  const { stakeholders: table, lines } = parseAccountNote(after, { locale });
  if (table && (name === undefined || table.rows.some((r) => r.name === name.trim()))) return changedTo(before, after);
  return failed([
    problem(
      'stakeholders.not-placed',
      'error',
      { en: 'Could not place the stakeholder table: is a code block left open?', ja: '関係者の表を挿入できません。閉じていないコードブロックがないか確認してください' },
      lines.length,
      locale,
    ),
  ]);
}

function completePerson(person: Partial<Stakeholder> & { name: string }): Stakeholder {
  const base = emptyStakeholder(person.name, -1);
  const s: Stakeholder = { ...base, ...person, line: -1 };
  for (const k of Object.keys(s) as (keyof Stakeholder)[]) if (s[k] === undefined && base[k] !== undefined) (s as unknown as Record<string, unknown>)[k] = base[k];
  return s;
}

/** Which columns carry information for this person (a default value needs no column). */
function usedColumns(s: Stakeholder): StakeholderColumn[] {
  const used: StakeholderColumn[] = ['name'];
  const has: Record<StakeholderColumn, boolean> = {
    name: true,
    department: s.department.trim() !== '',
    level: s.level !== undefined,
    role: s.roles.length + s.otherRoles.length > 0,
    influence: s.influence !== undefined,
    attitude: s.attitude !== undefined,
    key_person: s.keyPerson,
    kickoff: s.attendedKickoff,
    last_contact: s.lastContact !== undefined,
    status: s.status !== 'active',
  };
  for (const c of STAKEHOLDER_COLUMNS) if (c !== 'name' && (has[c] || (s.unrecognized[c] ?? '').trim() !== '')) used.push(c);
  return used;
}

function validatePerson(s: Stakeholder, locale: Locale, line: number): Problem[] {
  const out: Problem[] = [];
  const bad = (field: StakeholderColumn, text: Bilingual) => out.push(problem('stakeholders.invalid-value', 'error', text, line, locale, field));
  if (typeof s.name !== 'string' || s.name.trim() === '') bad('name', { en: 'A stakeholder needs a name', ja: '氏名を入力してください' });
  else if (/[\r\n]/.test(s.name)) bad('name', { en: 'A name must fit on one line', ja: '氏名に改行は使えません' });
  if (s.level !== undefined && !(LEVELS as readonly string[]).includes(s.level)) bad('level', { en: `Unknown level "${String(s.level)}"`, ja: `職位「${String(s.level)}」は未知の値です` });
  for (const r of s.roles) if (!(ROLES as readonly string[]).includes(r)) bad('role', { en: `Unknown role "${String(r)}"`, ja: `役割「${String(r)}」は未知の値です` });
  if (s.attitude !== undefined && !(ATTITUDES as readonly string[]).includes(s.attitude)) bad('attitude', { en: `Unknown attitude "${String(s.attitude)}"`, ja: `温度感「${String(s.attitude)}」は未知の値です` });
  if (!(STAKEHOLDER_STATUSES as readonly string[]).includes(s.status)) bad('status', { en: `Unknown status "${String(s.status)}"`, ja: `状態「${String(s.status)}」は未知の値です` });
  if (s.influence !== undefined && !(Number.isInteger(s.influence) && s.influence >= 1 && s.influence <= 5))
    bad('influence', { en: 'Influence must be a whole number from 1 to 5', ja: '影響力は1〜5の整数にしてください' });
  if (s.lastContact !== undefined && !isIsoDate(s.lastContact)) bad('last_contact', { en: 'Last contact must be a date written as YYYY-MM-DD', ja: '最終接触は YYYY-MM-DD 形式の日付にしてください' });
  return out;
}

/**
 * Appends one person as a new last row of the stakeholder table (creating the table, and the
 * section, when missing). Existing rows are not touched: only the new line is inserted, padded
 * to the existing column widths and written in the table's language. Refuses when the note is
 * not an account note, the frontmatter or the table has errors, the name is already listed, or
 * the table lacks a column for a value given.
 *
 * @example
 * addStakeholder(note, { name: '佐藤 花子', roles: ['decision_maker'], keyPerson: true }, { locale: 'ja' });
 */
export function addStakeholder(text: string, person: Partial<Stakeholder> & { name: string }, options: StakeholderEditOptions = {}): EditResult {
  const p = parseForEdit(text, options);
  if (Array.isArray(p)) return failed(p);
  const s = completePerson(person);
  const at = (p.stakeholders?.end ?? 0) + 1;
  const invalid = validatePerson(s, p.locale, at);
  if (invalid.length > 0) return failed(invalid);
  const errors = p.problems.filter((x) => x.severity === 'error');
  if (errors.length > 0) return failed(errors);

  if (!p.stakeholders) {
    return verified(text, insertTableBlock(text, p, formatStakeholderTable([s], p.locale)), s.name, p.locale);
  }
  const table = p.stakeholders;
  const dup = table.rows.find((r) => nameKey(r.name) === nameKey(s.name));
  if (dup)
    return failed([
      problem('stakeholders.duplicate-name', 'error', { en: `"${s.name}" is already in the table`, ja: `「${s.name}」はすでに表にあります` }, dup.line + 1, p.locale, 'name'),
    ]);
  const missing = usedColumns(s).filter((c) => !table.columns.some((col) => col.key === c));
  const missingExtra = Object.keys(s.extra).filter((id) => (s.extra[id] ?? '') !== '' && !table.columns.some((col) => col.key === undefined && col.id === id));
  if (missing.length + missingExtra.length > 0) {
    const names = [...missing.map((c) => STAKEHOLDER_COLUMN_LABELS[c][p.locale]), ...missingExtra];
    return failed([
      problem(
        'stakeholders.missing-column',
        'error',
        { en: `The table has no column for: ${names.join(', ')}. Add the column first`, ja: `表に次の列がありません: ${names.join('、')}。先に列を追加してください` },
        table.headerLine + 1,
        p.locale,
        missing[0] ?? missingExtra[0],
      ),
    ]);
  }
  const cells = cellsOf(s, table.columns, table.locale);
  const widths = table.columns.map(() => 0);
  for (let l = table.headerLine; l < table.end; l++) {
    const existing = splitRow(p.lines[l] ?? '') ?? [];
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(escapeCell(existing[i] ?? '')));
  }
  return verified(text, spliceLines(p.lines, table.end, [renderRow(cells, widths)], eolBefore(text, p.lines, table.end)), s.name, p.locale);
}

// ---------------------------------------------------------------------------------------------
// Lints

export interface StakeholderLintOptions {
  today: IsoDate;
  /** Message language; defaults to the table's header language. */
  locale?: Locale;
  /** Warn when an active key person has not been contacted for more than this many days (default 60). */
  contactDays?: number;
  /** The kickoff meeting date: attendance is checked once it is today or past. */
  kickoffDate?: IsoDate;
}

/**
 * Checks the matrix against the practices that keep an account alive: several key persons in
 * more than one department, a decision maker who came to the kickoff, recent contact.
 * Attendance and contact checks run only when the table has those columns.
 *
 * @example
 * lintStakeholders(note.stakeholders, { today: '2026-06-01', kickoffDate: '2026-04-10' });
 */
export function lintStakeholders(table: StakeholderTable | undefined, options: StakeholderLintOptions): Problem[] {
  return lintTable(table, options, true);
}

/**
 * What the lints that depend on today or on the contact threshold need from a table, and nothing
 * else: a portfolio keeps this instead of the table and works those problems out when asked
 * (`datedStakeholderProblems`), so a new day or another threshold needs no re-read of the note.
 * Undefined lists: the table has no such column (the check does not run).
 */
export interface StakeholderDates {
  /** Active decision makers who did not attend the kickoff. */
  missedKickoff: { name: string; line: number }[] | undefined;
  /** Active key persons and when they were last contacted. */
  contacts: { name: string; line: number; lastContact: IsoDate | undefined }[] | undefined;
}

export function stakeholderDates(table: StakeholderTable): StakeholderDates {
  const { keys, deciders } = keyPeople(table);
  return {
    missedKickoff: hasColumn(table.columns, 'kickoff') ? deciders.filter((d) => !d.attendedKickoff).map(({ name, line }) => ({ name, line })) : undefined,
    contacts: hasColumn(table.columns, 'last_contact') ? keys.map(({ name, line, lastContact }) => ({ name, line, lastContact })) : undefined,
  };
}

/** The problems `lintStakeholders` reports from `dates` for `options.today` (in the order it reports them). */
export function datedStakeholderProblems(dates: StakeholderDates, options: StakeholderLintOptions & { locale: Locale }): Problem[] {
  const out: Problem[] = [];
  if (dates.missedKickoff) missedKickoff(dates.missedKickoff, options, out);
  if (dates.contacts) staleContacts(dates.contacts, options, out);
  return out;
}

/** Active key persons and decision makers, in one pass over the rows. */
function keyPeople(table: StakeholderTable): { keys: Stakeholder[]; deciders: Stakeholder[] } {
  const keys: Stakeholder[] = [];
  const deciders: Stakeholder[] = [];
  for (const r of table.rows) {
    if (r.status === 'left') continue;
    if (r.keyPerson) keys.push(r);
    if (r.roles.includes('decision_maker')) deciders.push(r);
  }
  return { keys, deciders };
}

/** Decision makers who missed the kickoff, once the kickoff day has come. */
function missedKickoff(missed: readonly { name: string; line: number; attendedKickoff?: boolean }[], options: StakeholderLintOptions & { locale: Locale }, out: Problem[]): void {
  const { kickoffDate, today, locale } = options;
  if (kickoffDate === undefined || !isIsoDay(today) || !isIsoDay(kickoffDate) || kickoffDate > today) return;
  const ja = locale === 'ja';
  for (const d of missed)
    if (!d.attendedKickoff)
      out.push(
        problem(
          'stakeholders.decision-maker-missed-kickoff',
          'warning',
          ja ? `決裁者の${d.name}さんがキックオフに不参加です。目的とゴールを直接共有しましょう` : `Decision maker ${d.name} did not attend the kickoff: share the goals with them directly`,
          d.line + 1,
          locale,
          'kickoff',
        ),
      );
}

/** Key persons not contacted within the threshold (or never). */
function staleContacts(keys: readonly { name: string; line: number; lastContact: IsoDate | undefined }[], options: StakeholderLintOptions & { locale: Locale }, out: Problem[]): void {
  const { today, locale } = options;
  if (!isIsoDay(today)) return;
  const ja = locale === 'ja';
  const limit = options.contactDays ?? SETTING_DEFAULTS.keyPersonContactDays;
  for (const r of keys) {
    // A last contact is a calendar day (the table reader keeps no other), as `today` is here.
    const days = r.lastContact === undefined ? undefined : daysApart(r.lastContact, today);
    if (days !== undefined && days <= limit) continue;
    out.push(
      problem(
        'stakeholders.stale-contact',
        'warning',
        // Only the locale's message is built.
        days === undefined
          ? ja
            ? `キーパーソンの${r.name}さんとの接触記録がありません`
            : `No contact recorded with key person ${r.name}`
          : ja
            ? `キーパーソンの${r.name}さんと${days}日間接触がありません`
            : `No contact with key person ${r.name} for ${days} days`,
        r.line + 1,
        locale,
        'last_contact',
      ),
    );
  }
}

/** `lintStakeholders`; without `dated`, the checks that depend on today or the contact threshold are left out. */
export function lintTable(table: StakeholderTable | undefined, options: Omit<StakeholderLintOptions, 'today'> & { today?: IsoDate }, dated: boolean): Problem[] {
  const locale = options.locale ?? table?.locale ?? 'en';
  const ja = locale === 'ja';
  const out: Problem[] = [];
  if (!table)
    return [
      problem('stakeholders.missing', 'info', { en: 'No stakeholder table yet: list who decides, who drives and who uses', ja: '関係者の表がまだありません。決裁者・推進者・利用者を書き出しましょう' }, 1, locale),
    ];
  const header = table.headerLine + 1;
  const { keys, deciders } = keyPeople(table);
  const firstKey = keys[0];
  const today = options.today ?? '';

  if (!firstKey)
    out.push(problem('stakeholders.no-key-person', 'warning', { en: 'No key person marked: mark at least two', ja: 'キーパーソンが指定されていません。2人以上を指定しましょう' }, header, locale, 'key_person'));
  else if (keys.length === 1)
    out.push(
      problem(
        'stakeholders.single-key-person',
        'warning',
        { en: 'Only one key person — a resignation or transfer cuts the bridge', ja: 'キーパーソンが1人だけです。退職や異動があると関係が途切れます' },
        firstKey.line + 1,
        locale,
        'key_person',
      ),
    );

  if (deciders.length === 0)
    out.push(problem('stakeholders.no-decision-maker', 'warning', { en: 'No decision maker listed', ja: '決裁者が記載されていません' }, header, locale, 'role'));

  if (dated && hasColumn(table.columns, 'kickoff')) missedKickoff(deciders, { ...options, today, locale }, out);

  // Every key person in one (named) department, compared folded.
  const dept = firstKey && keys.length >= 2 ? norm(firstKey.department) : '';
  if (firstKey && dept !== '' && keys.every((r) => norm(r.department) === dept))
    out.push(
      problem(
        'stakeholders.key-persons-one-department',
        'warning',
        ja ? `キーパーソンが全員「${firstKey.department}」です。他部署にもキーパーソンを作りましょう` : `All key persons are in ${firstKey.department}: add one from another department`,
        firstKey.line + 1,
        locale,
        'department',
      ),
    );

  for (const r of table.rows)
    if (r.keyPerson && r.status === 'left')
      out.push(
        problem(
          'stakeholders.key-person-left',
          'warning',
          ja ? `キーパーソンの${r.name}さんが離任しました。後任との関係を作りましょう` : `Key person ${r.name} has left: find who takes over the relationship`,
          r.line + 1,
          locale,
          'status',
        ),
      );

  if (dated && hasColumn(table.columns, 'last_contact')) staleContacts(keys, { ...options, today, locale }, out);
  return out;
}
