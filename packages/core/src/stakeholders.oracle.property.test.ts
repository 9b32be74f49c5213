/**
 * The stakeholder reader and lint against their first, straightforward versions (kept below,
 * verbatim, as oracles): the fast paths (one-pass pipe splitting, no per-row closures, loops
 * instead of filter/Set) must give the same tables, problems, messages and lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, normalizeIsoDate } from './dates.js';
import { daysApart, isIsoDay } from './day-number.js';
import { problem, type Bilingual, type Locale, type Problem } from './problems.js';
import { scanHeadings, type Heading } from './sections.js';
import { SETTING_DEFAULTS } from './settings.js';
import {
  ATTITUDE_LABELS,
  LEVEL_LABELS,
  ROLE_LABELS,
  STAKEHOLDER_COLUMN_LABELS,
  STAKEHOLDER_STATUS_LABELS,
  lintStakeholders,
  readStakeholders,
  type Attitude,
  type Level,
  type Role,
  type Stakeholder,
  type StakeholderColumn,
  type StakeholderLintOptions,
  type StakeholderStatus,
  type StakeholderTable,
  type StakeholderTableColumn,
} from './stakeholders.js';
import { flatCopy } from './string-pool.js';
import { fencedLines, foldWidth, splitLinesKeepEol, stripBom, stripEol } from './text.js';

// ---------------------------------------------------------------------------------------------
// Oracle: the reader and lint as they were before the fast paths.

const INFLUENCE_WORDS: Record<string, number> = { high: 5, medium: 3, mid: 3, low: 1, 高: 5, 大: 5, 中: 3, 低: 1, 小: 1 };
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
  for (const p of [n, ...n.split(/\s*[/(（]\s*/).map((p) => p.replace(/[)）]\s*$/, '').trim())]) {
    const key = words().column.get(p);
    if (key) return { key, ja: /[^ -~]/.test(p) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Pipe-table lines

/** Cells of a pipe-table line (trimmed, `\|` unescaped), or undefined when it has no unescaped pipe. */
function splitRow(raw: string): string[] | undefined {
  if (raw.indexOf('|') < 0) return undefined;
  const s = stripEol(raw).trim();
  const escaped = s.indexOf('\\|') >= 0;
  const cells = escaped ? s.split(/(?<!\\)\|/) : s.split('|');
  if (cells.length === 1) return undefined;
  if (s.startsWith('|')) cells.shift();
  if (s.endsWith('|') && !s.endsWith('\\|')) cells.pop();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] ?? '';
    cells[i] = (escaped ? c.replace(/\\\|/g, '|') : c).trim();
  }
  return cells;
}

const DELIM_CELL_RE = /^:?-+:?$/;
const DELIM_LINE_RE = /^[ \t]*\|?[ \t|:-]*[\r\n]*$/;

function isDelimiterRow(raw: string, width: number): boolean {
  const cells = splitRow(raw);
  return cells !== undefined && cells.length === width && cells.every((c) => DELIM_CELL_RE.test(c));
}

interface RawTable {
  headerLine: number;
  headers: string[];
  /** Cells of each body row, split once (lines headerLine + 2 … end − 1). */
  body: string[][];
  end: number;
}

/** Pipe tables (header + delimiter row) between `from` and `to`, outside code fences. */
function scanTables(lines: readonly string[], fenced: readonly boolean[], from: number, to: number): RawTable[] {
  const out: RawTable[] = [];
  for (let i = from; i + 1 < to; i++) {
    const l = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (next.indexOf('-') < 0 || fenced[i] || fenced[i + 1] || /^(?: {4,}|\t)/.test(l) || !DELIM_LINE_RE.test(next)) continue;
    const headers = splitRow(l);
    if (!headers || !isDelimiterRow(next, headers.length)) continue;
    let end = i + 2;
    const body: string[][] = [];
    for (; end < to && !fenced[end]; end++) {
      const row = bodyRow(lines[end] ?? '');
      if (!row) break;
      body.push(row);
    }
    out.push({ headerLine: i, headers, body, end });
    i = end - 1;
  }
  return out;
}

function bodyRow(raw: string): string[] | undefined {
  const t = raw.trimStart();
  return t.startsWith('#') ? undefined : splitRow(raw);
}

function bodyStart(lines: readonly string[]): number {
  if (lines.length === 0 || !/^---[ \t]*$/.test(stripBom(stripEol(lines[0] ?? '')))) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)[ \t]*$/.test(stripEol(lines[i] ?? ''))) return i + 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Reading

function columnsOf(headers: readonly string[], problems: Problem[], line: number, locale: Locale): { columns: StakeholderTableColumn[]; ja: number; en: number } {
  const columns: StakeholderTableColumn[] = [];
  const used = new Set<string>();
  let ja = 0;
  let en = 0;
  for (const header of headers) {
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
  return { columns, ja, en };
}

function hasName(columns: readonly StakeholderTableColumn[]): boolean {
  return columns.some((c) => c.key === 'name');
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

function readRow(cells: readonly string[], columns: readonly StakeholderTableColumn[], line: number, problems: Problem[], locale: Locale): Stakeholder {
  const s = emptyStakeholder('', line);
  const warn = (code: string, field: StakeholderColumn, cell: string, text: Bilingual) => {
    s.unrecognized[field] = cell;
    problems.push(problem(`stakeholders.${code}`, 'warning', text, line + 1, locale, field));
  };
  columns.forEach((col, i) => {
    const cell = cells[i] ?? '';
    if (col.key === undefined) {
      s.extra[col.id] = cell;
      return;
    }
    if (cell === '' && col.key !== 'key_person' && col.key !== 'kickoff') return;
    switch (col.key) {
      case 'name':
        s.name = cell;
        return;
      case 'department':
        s.department = cell;
        return;
      case 'level': {
        const v = words().level.get(norm(cell));
        if (v) s.level = v;
        else
          warn('unknown-level', 'level', cell, {
            en: `Unknown level "${cell}" (use executive, director, manager or staff)`,
            ja: `職位「${cell}」は未知の値です（経営層・部長・課長・担当のいずれか）`,
          });
        return;
      }
      case 'role': {
        const unknown: string[] = [];
        for (const part of cell.split(ROLE_SPLIT_RE)) {
          const t = part.trim();
          if (t === '') continue;
          const r = words().role.get(norm(t));
          if (r) {
            if (!s.roles.includes(r)) s.roles.push(r);
          } else if (!unknown.includes(t)) unknown.push(t);
        }
        s.otherRoles = unknown;
        if (unknown.length > 0)
          problems.push(
            problem(
              'stakeholders.unknown-role',
              'warning',
              { en: `Unknown role "${unknown.join(', ')}" kept as written`, ja: `役割「${unknown.join('、')}」は未知の値のため、そのまま残します` },
              line + 1,
              locale,
              'role',
            ),
          );
        return;
      }
      case 'influence': {
        const f = foldWidth(cell).trim();
        const word = INFLUENCE_WORDS[f.toLowerCase()];
        const stars = /^[★☆]{1,5}$/.test(f) ? [...f].filter((c) => c === '★').length : 0;
        if (/^[1-5]$/.test(f)) s.influence = Number(f);
        else if (word !== undefined) s.influence = word;
        else if (stars > 0) s.influence = stars;
        else warn('invalid-influence', 'influence', cell, { en: `Influence "${cell}" should be a number from 1 to 5`, ja: `影響力「${cell}」は1〜5の数字で書いてください` });
        return;
      }
      case 'attitude': {
        // Free text is welcome here: no warning, only the canonical three are recognised.
        const v = words().attitude.get(norm(cell));
        if (v) s.attitude = v;
        else s.unrecognized.attitude = cell;
        return;
      }
      case 'key_person':
      case 'kickoff': {
        const v = yesNo(cell);
        if (v !== undefined) {
          if (col.key === 'key_person') s.keyPerson = v;
          else s.attendedKickoff = v;
        } else {
          const label = STAKEHOLDER_COLUMN_LABELS[col.key];
          warn('unknown-yes-no', col.key, cell, {
            en: `${label.en}: "${cell}" is neither yes nor no (use ✓ or leave empty)`,
            ja: `${label.ja}:「${cell}」は はい/いいえ として読めません（○ か空欄にしてください）`,
          });
        }
        return;
      }
      case 'last_contact': {
        const d = normalizeIsoDate(cell);
        if (isIsoDay(d)) s.lastContact = d;
        else warn('invalid-date', 'last_contact', cell, { en: `Last contact "${cell}" is not a date written as YYYY-MM-DD`, ja: `最終接触「${cell}」は YYYY-MM-DD 形式の日付ではありません` });
        return;
      }
      case 'status': {
        const v = words().status.get(norm(cell));
        if (v) s.status = v;
        else
          warn('unknown-status', 'status', cell, {
            en: `Unknown status "${cell}" (use active or left); read as active`,
            ja: `状態「${cell}」は未知の値です（在籍 か 離任）。在籍として扱います`,
          });
        return;
      }
    }
  });
  return s;
}

/** `isIsoDate` without building a Date for the days every month has. */

function nameKey(name: string): string {
  return foldWidth(name).toLowerCase().replace(/\s+/g, '');
}

/** Reads a table whose header `columnsOf` has read (its problems come first). */
function readTable(raw: RawTable, head: ReturnType<typeof columnsOf>, problems: Problem[], locale: Locale): StakeholderTable {
  const { columns, ja, en } = head;
  const table: StakeholderTable = { headerLine: raw.headerLine, end: raw.end, columns, rows: [], locale: ja > en ? 'ja' : 'en' };
  const seen = new Map<string, number>();
  for (let i = raw.headerLine + 2; i < raw.end; i++) {
    const cells = raw.body[i - raw.headerLine - 2] ?? [];
    if (cells.every((c) => c === '')) continue;
    if (cells.length !== columns.length) {
      const missing = cells.length < columns.length;
      const col = columns[Math.min(cells.length, columns.length - 1)];
      problems.push(
        problem(
          'stakeholders.row-cells',
          'error',
          missing
            ? { en: `Row has ${cells.length} cells but the table has ${columns.length} columns ("${col?.header}" and after are missing)`, ja: `この行のセルは${cells.length}個ですが、表の列は${columns.length}個です（「${col?.header}」以降がありません）` }
            : { en: `Row has ${cells.length} cells but the table has ${columns.length} columns (extra cells after "${col?.header}")`, ja: `この行のセルは${cells.length}個ですが、表の列は${columns.length}個です（「${col?.header}」より後ろに余分なセルがあります）` },
          i + 1,
          locale,
          col?.key ?? col?.id,
        ),
      );
    }
    const row = readRow(cells, columns, i, problems, locale);
    if (row.name === '') {
      problems.push(problem('stakeholders.missing-name', 'error', { en: 'Row has no name', ja: '氏名が空の行があります' }, i + 1, locale, 'name'));
      continue;
    }
    const k = nameKey(row.name);
    const first = seen.get(k);
    if (first !== undefined)
      problems.push(
        problem(
          'stakeholders.duplicate-name',
          'warning',
          { en: `"${row.name}" is listed twice (first on line ${first + 1})`, ja: `「${row.name}」が2回記載されています（最初は${first + 1}行目）` },
          i + 1,
          locale,
          'name',
        ),
      );
    else seen.set(k, i);
    table.rows.push(row);
  }
  return table;
}

/**
 * Finds and reads the stakeholder table: the first table with a Name column in the
 * Stakeholders section or, when the note has no such section, the first table anywhere whose
 * header names a person and at least one other known column. Tables in code fences are ignored.
 * Never throws; malformed rows are errors, unknown values warnings (kept as written).
 *
 * @example
 * const lines = splitLinesKeepEol('## Stakeholders\n\n| Name | Role |\n|---|---|\n| Sato | 決裁者 |\n');
 * const fenced = fencedLines(lines);
 * readStakeholders({ lines, fenced, headings: scanHeadings(lines, fenced) }, 'en').table?.rows[0]?.roles; // ['decision_maker']
 */
function oldReadStakeholders(
  note: { lines: string[]; fenced: boolean[]; headings: Heading[] },
  locale: Locale,
): { table: StakeholderTable | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const { lines, fenced } = note;
  const section = note.headings.find((h) => h.id === 'stakeholders');
  if (section) {
    const tables = scanTables(lines, fenced, section.line + 1, section.end);
    for (const raw of tables) {
      const head = columnsOf(raw.headers, problems, raw.headerLine, locale);
      if (hasName(head.columns)) return { table: readTable(raw, head, problems, locale), problems };
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
    const head = columnsOf(raw.headers, problems, raw.headerLine, locale);
    if (hasName(head.columns) && head.columns.filter((c) => c.key !== undefined).length >= 2) return { table: readTable(raw, head, problems, locale), problems };
    problems.length = 0;
  }
  return { table: undefined, problems };
}

function oldLintStakeholders(table: StakeholderTable | undefined, options: StakeholderLintOptions): Problem[] {
  const locale = options.locale ?? table?.locale ?? 'en';
  const out: Problem[] = [];
  if (!table)
    return [
      problem('stakeholders.missing', 'info', { en: 'No stakeholder table yet: list who decides, who drives and who uses', ja: '関係者の表がまだありません。決裁者・推進者・利用者を書き出しましょう' }, 1, locale),
    ];
  const header = table.headerLine + 1;
  const has = (k: StakeholderColumn) => table.columns.some((c) => c.key === k);
  const active = table.rows.filter((r) => r.status !== 'left');
  const keys = active.filter((r) => r.keyPerson);
  const [firstKey] = keys;

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

  const deciders = active.filter((r) => r.roles.includes('decision_maker'));
  if (deciders.length === 0)
    out.push(problem('stakeholders.no-decision-maker', 'warning', { en: 'No decision maker listed', ja: '決裁者が記載されていません' }, header, locale, 'role'));

  const { kickoffDate, today } = options;
  const todayOk = isIsoDay(today);
  if (kickoffDate !== undefined && todayOk && isIsoDay(kickoffDate) && kickoffDate <= today && has('kickoff')) {
    for (const d of deciders)
      if (!d.attendedKickoff)
        out.push(
          problem(
            'stakeholders.decision-maker-missed-kickoff',
            'warning',
            { en: `Decision maker ${d.name} did not attend the kickoff: share the goals with them directly`, ja: `決裁者の${d.name}さんがキックオフに不参加です。目的とゴールを直接共有しましょう` },
            d.line + 1,
            locale,
            'kickoff',
          ),
        );
  }

  if (keys.length >= 2) {
    const depts = new Set(keys.map((r) => norm(r.department)));
    const [only] = depts;
    if (depts.size === 1 && only !== undefined && only !== '')
      out.push(
        problem(
          'stakeholders.key-persons-one-department',
          'warning',
          { en: `All key persons are in ${firstKey?.department}: add one from another department`, ja: `キーパーソンが全員「${firstKey?.department}」です。他部署にもキーパーソンを作りましょう` },
          (firstKey?.line ?? 0) + 1,
          locale,
          'department',
        ),
      );
  }

  for (const r of table.rows)
    if (r.keyPerson && r.status === 'left')
      out.push(
        problem(
          'stakeholders.key-person-left',
          'warning',
          { en: `Key person ${r.name} has left: find who takes over the relationship`, ja: `キーパーソンの${r.name}さんが離任しました。後任との関係を作りましょう` },
          r.line + 1,
          locale,
          'status',
        ),
      );

  const limit = options.contactDays ?? SETTING_DEFAULTS.keyPersonContactDays;
  if (todayOk && has('last_contact')) {
    for (const r of keys) {
      const days = r.lastContact === undefined ? undefined : (daysApart(r.lastContact, today) ?? daysBetween(r.lastContact, today));
      if (days !== undefined && days <= limit) continue;
      out.push(
        problem(
          'stakeholders.stale-contact',
          'warning',
          days === undefined
            ? { en: `No contact recorded with key person ${r.name}`, ja: `キーパーソンの${r.name}さんとの接触記録がありません` }
            : { en: `No contact with key person ${r.name} for ${days} days`, ja: `キーパーソンの${r.name}さんと${days}日間接触がありません` },
          r.line + 1,
          locale,
          'last_contact',
        ),
      );
    }
  }
  return out;
}


// ---------------------------------------------------------------------------------------------
// Generated notes: tables in either language, odd spacing, escaped pipes, full-width text.

const SPACES = [' ', '  ', '\t', '\u3000', '\u00a0', '\ufeff', ''];
const space = fc.constantFrom(...SPACES);

const headerText = fc.constantFrom(
  'Name',
  '氏名',
  'Name / 氏名',
  '氏名 (Name)',
  '氏名（Name）',
  'Ｎａｍｅ',
  'full_name',
  '名前',
  'Department',
  '部署',
  'Level',
  '職位',
  'Role',
  'roles',
  '役割',
  'Influence',
  '影響力',
  '影響度',
  'Attitude',
  '温度感',
  'Key person',
  'key-person',
  'キーパーソン',
  'KP',
  'Kickoff',
  'キックオフ参加',
  'Last contact',
  'last_contact',
  '最終接触',
  'Status',
  '状態',
  'Memo',
  'メモ',
  '',
  'Phone\\|Mail',
  'Name (',
);

const cellValue = fc.oneof(
  fc.constantFrom(
    'Ken Becker',
    'ken  becker',
    'KenBecker',
    'Ｋｅｎ Ｂｅｃｋｅｒ',
    '佐藤 花子',
    '佐藤花子',
    'Executive',
    'VP',
    '部長',
    '経営層',
    'c-suite',
    'Decision maker',
    'Champion, User',
    '決裁者・推進者',
    'DM／IT',
    'x; y;;',
    'Sponsor',
    'dm, DM',
    'High',
    '高',
    '3',
    '３',
    '★★★',
    '☆',
    '10',
    'constructor',
    '__proto__',
    '✓',
    '○',
    'yes',
    'Y',
    '×',
    'maybe',
    'いいえ',
    '2026-01-05',
    '2026/01/05',
    '２０２６－０１－０５',
    '2026.01.05',
    '0099-01-01',
    '2026-02-30',
    'Active',
    'left',
    '退職',
    '休職',
    'Positive',
    'warm',
    '予算次第',
    'a\\|b',
    'end\\\\|x',
    '',
  ),
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '|', '\\', '-', ':', '#', '佐', 'ｱ', '\u3000', '１', '・', ',', '😀', '\t'), maxLength: 10 }),
);

/** A pipe-table line from cells, with or without outer pipes and with odd spacing around cells. */
const row = (cells: fc.Arbitrary<string[]>) =>
  fc
    .record({ cells, lead: fc.boolean(), trail: fc.boolean(), pads: fc.array(fc.tuple(space, space), { minLength: 12, maxLength: 12 }), indent: fc.constantFrom('', ' ', '   ', '    ', '\t') })
    .map(({ cells, lead, trail, pads, indent }) => {
      const body = cells.map((c, i) => `${pads[i % 12]?.[0] ?? ''}${c}${pads[i % 12]?.[1] ?? ''}`).join('|');
      return `${indent}${lead ? '|' : ''}${body}${trail ? '|' : ''}`;
    });

const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc
    .record({
      header: row(fc.array(headerText, { minLength: width, maxLength: width })),
      delimiter: fc.oneof(
        fc.constant(`|${'---|'.repeat(width)}`),
        fc.constant(`${Array(width).fill(':---:').join(' | ')}`),
        fc.constant(`| ${Array(width).fill('-').join(' | ')} |`),
        fc.constant(`|${'---|'.repeat(width + 1)}`),
        fc.constant('|---|'),
      ),
      rows: fc.array(row(fc.array(cellValue, { minLength: Math.max(0, width - 1), maxLength: width + 1 })), { maxLength: 6 }),
      after: fc.constantFrom('', '# heading', 'text without pipes', '  # indented heading | x'),
    })
    .map(({ header, delimiter, rows, after }) => [header, delimiter, ...rows, after].join('\n')),
);

const block = fc.oneof(
  table,
  table,
  fc.constantFrom('## Stakeholders', '## 関係者', '# Acme', '### Sub', '## Notes', 'Some text', '', '```\n| Name | Role |\n|---|---|\n| Fake | User |\n```', 'a | b', '~~~', '> quote'),
);

const noteText = fc
  .record({
    frontmatter: fc.constantFrom('', '---\nbaton: account\n---\n', '\ufeff---\nlocale: ja\n...\n'),
    blocks: fc.array(block, { maxLength: 6 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ frontmatter, blocks, eol }) => (frontmatter + blocks.join('\n') + '\n').replace(/\n/g, eol));

function noteOf(text: string) {
  const lines = splitLinesKeepEol(text);
  const fenced = fencedLines(lines);
  return { lines, fenced, headings: scanHeadings(lines, fenced) };
}

/** Same values, same undefined fields and the same key order. */
function same<T>(actual: T, expected: T): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

const isoDay = fc.constantFrom('2026-11-22', '2025-07-20', '2027-01-31', '2026-13-01', '0099-01-01', '');

describe('stakeholder reader and lint against the original implementation', () => {
  it('readStakeholders gives the same table and problems', () => {
    fc.assert(
      fc.property(noteText, fc.constantFrom<Locale>('en', 'ja'), (text, locale) => {
        const note = noteOf(text);
        same(readStakeholders(note, locale), oldReadStakeholders(note, locale));
      }),
      { numRuns: 2000 },
    );
  });

  it('lintStakeholders gives the same problems', () => {
    const options = fc.record(
      { today: isoDay, locale: fc.constantFrom<Locale>('en', 'ja'), contactDays: fc.integer({ min: 0, max: 400 }), kickoffDate: isoDay },
      { requiredKeys: ['today'] },
    );
    fc.assert(
      fc.property(noteText, options, (text, opts: StakeholderLintOptions) => {
        const note = noteOf(text);
        same(lintStakeholders(readStakeholders(note, 'en').table, opts), oldLintStakeholders(oldReadStakeholders(note, 'en').table, opts));
      }),
      { numRuns: 1000 },
    );
  });

  it('trims cells exactly as String.prototype.trim does, for every UTF-16 code unit', () => {
    // Each row puts one code unit around a name and alone in a cell: whitespace is trimmed, anything else kept.
    for (let from = 0; from < 0x10000; from += 0x1000) {
      const rows: string[] = [];
      for (let c = from; c < from + 0x1000; c++) {
        if (c === 10 || c === 13) continue;
        const ch = String.fromCharCode(c);
        rows.push(`|${ch}n${ch}|${ch}|`);
      }
      const note = noteOf(`## Stakeholders\n\n| Name | Memo |\n|---|---|\n${rows.join('\n')}\n`);
      same(readStakeholders(note, 'en'), oldReadStakeholders(note, 'en'));
    }
  });

  it('takes the same delimiter rows (cells of colons, dashes, blanks and odd characters, any width)', () => {
    const cell = fc.string({ unit: fc.constantFrom('-', '-', ':', ' ', '\t', '|', '\\', 'a', '\u3000'), maxLength: 5 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(cell, { minLength: 0, maxLength: 5 }), fc.boolean(), fc.boolean(), (width, cells, lead, trail) => {
        const delimiter = `${lead ? '|' : ''}${cells.join('|')}${trail ? '|' : ''}`;
        const header = ['Name', 'Role', 'Memo', 'Key person'].slice(0, width).join(' | ');
        const note = noteOf(`## Stakeholders\n\n| ${header} |\n${delimiter}\n| Ann | User | x | ✓ |\n`);
        same(readStakeholders(note, 'en'), oldReadStakeholders(note, 'en'));
      }),
      { numRuns: 3000 },
    );
  });

  it('the header memo: a caller that changes its table changes no later read, and a header with a problem reports it every time', () => {
    const text = '## Stakeholders\n\n| Name | Role | Memo | Role |\n|---|---|---|---|\n| Ann | User | x | y |\n';
    const shared = '## Stakeholders\n\n| Name | Role | Phone |\n|---|---|---|\n| Ann | User | 1 |\n';
    for (const t of [text, shared, text, shared]) {
      const first = readStakeholders(noteOf(t), 'en');
      same(first, oldReadStakeholders(noteOf(t), 'en'));
      const columns = first.table?.columns ?? [];
      for (const c of columns) Object.assign(c, { key: 'status', header: 'changed', id: 'changed' });
      columns.push({ key: 'level', header: 'Level', id: 'level' });
      same(readStakeholders(noteOf(t), 'en'), oldReadStakeholders(noteOf(t), 'en'));
    }
  });

  it('the table-start memo: header and delimiter rows met again, in any pairing, order and line ending, read as the first time', () => {
    const header = fc.constantFrom('| Name | Role |', '| Name | Role | Memo |', 'Name | Role', '    | Name | Role |', '\t| Name | Role |', '| 氏名 | 役割 |', '| Name \\| Role |', '# | Name |');
    const delimiter = fc.constantFrom('|---|---|', '|---|---|---|', '| - | - |', '|---|', '---|---', '| -- | :-: |', '|--x|---|', '| --- | --- |  ', '|-|-|-|-|', '- | -');
    const section = fc.constantFrom('## Stakeholders\n\n', '## 関係者\n', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(section, header, delimiter, fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 10 }), (notes) => {
        for (const [s, h, d, eol] of notes) {
          const note = noteOf(`${s}${h}\n${d}\n| Ann | User | x |\n| Ben | IT | y |\n`.replace(/\n/g, eol));
          same(readStakeholders(note, 'en'), oldReadStakeholders(note, 'en'));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads the same from hand-picked edge rows', () => {
    for (const r of ['|', '||', '| a |', 'a|', '|a', '\\|a|', 'a\\|', '| a \\| b |', '| a \\\\| b |', ' \u3000| x |\u3000 ', '|\t|\t|', '| Ken | ', '\ufeff| a | b |\ufeff']) {
      const text = `## Stakeholders\n\n| Name | Memo |\n|---|---|\n${r}\n`;
      const note = noteOf(text);
      same(readStakeholders(note, 'en'), oldReadStakeholders(note, 'en'));
    }
  });

  it('finds the same duplicate names in short and long tables (names compared in place, by key past 8 rows)', () => {
    // Units that fold (case, full width, NFKC composition, Kelvin sign, spaces \s sees) next to ones that do not.
    const unit = fc.constantFrom('a', 'A', 'b', 'k', 'K', '\u212a', 'ｋ', 'e', '\u0301', 'é', 'か', '\u3099', 'が', '佐', '藤', '\uf900', ' ', '  ', '\t', '\u00a0', '\u3000', 'İ', 'i', '\u0307', 'ß', '-');
    const name = fc.string({ unit, minLength: 1, maxLength: 4 });
    // Same-length look-alikes share a memo slot: each must still read as itself.
    const level = fc.constantFrom('Staff', 'Stuff', 'staff', 'Sta f', 'STAFF', 'Manager', 'Manxger', '');
    const role = fc.constantFrom('User', 'Usxr', 'user', 'IT', 'It', 'Ix', '');
    const influence = fc.constantFrom('1', '5', '6', 'High', 'Hogh', 'high', '★★', '☆★', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, level, role, influence), { maxLength: 14 }), fc.constantFrom<Locale>('en', 'ja'), (rows, locale) => {
        const body = rows.map(([n, l, r, i]) => `| ${n} | ${l} | ${r} | ${i} |`).join('\n');
        const note = noteOf(`## Stakeholders\n\n| Name | Level | Role | Influence |\n|---|---|---|---|\n${body}\n`);
        same(readStakeholders(note, locale), oldReadStakeholders(note, locale));
      }),
      { numRuns: 1500 },
    );
  });

  it('lintStakeholders builds the same message in each locale for every lint (stale, left, missed kickoff, one department)', () => {
    const person = fc
      .record({
        name: fc.constantFrom('Ann', '佐藤 花子', 'Ben'),
        role: fc.constantFrom('Decision maker', '決裁者', 'User', ''),
        key: fc.constantFrom('✓', '', 'yes'),
        kickoff: fc.constantFrom('✓', ''),
        last: fc.constantFrom('2026-01-01', '2026-11-20', '', 'soon'),
        dept: fc.constantFrom('Ops', '営業', ''),
        status: fc.constantFrom('', 'left', '退職'),
      })
      .map((p) => `| ${p.name} | ${p.role} | ${p.key} | ${p.kickoff} | ${p.last} | ${p.dept} | ${p.status} |`);
    const options = fc.record({ today: fc.constantFrom('2026-11-22', '2026-03-15'), locale: fc.constantFrom<Locale>('en', 'ja'), kickoffDate: fc.constantFrom('2026-01-10', '2027-01-01') });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 5 }), options, (rows, opts: StakeholderLintOptions) => {
        const note = noteOf(`## Stakeholders\n\n| Name | Role | Key person | Kickoff | Last contact | Department | Status |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
        same(lintStakeholders(readStakeholders(note, 'ja').table, opts), oldLintStakeholders(oldReadStakeholders(note, 'ja').table, opts));
      }),
      { numRuns: 1000 },
    );
  });
});
