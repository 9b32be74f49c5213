import { normalizeIsoDate, termEnd, type IsoDate } from './dates.js';
import { isIsoDay, shiftIsoDay } from './day-number.js';
import { readFrontmatter, type Frontmatter } from './frontmatter.js';
import { problem, type Bilingual, type Locale, type Problem } from './problems.js';
import { scanHeadings, type Heading } from './sections.js';
import { parseTaskLine, scanTasks, type Task } from './tasks.js';
import { fencedLines, foldWidth, splitLinesKeepEol } from './text.js';
import { Shape } from './shape.js';
import { readStakeholders, type StakeholderTable } from './stakeholders.js';

export const STAGES = ['handoff', 'onboarding', 'running', 'adoption', 'advocacy', 'renewal', 'churned'] as const;
export type Stage = (typeof STAGES)[number];

const STAGE_ALIASES: Record<string, Stage> = {
  引き継ぎ: 'handoff',
  引継ぎ: 'handoff',
  オンボーディング: 'onboarding',
  導入: 'onboarding',
  導入期: 'onboarding',
  運用: 'running',
  活用: 'adoption',
  定着: 'adoption',
  定着期: 'adoption',
  ファン化: 'advocacy',
  拡大: 'advocacy',
  拡大期: 'advocacy',
  更新: 'renewal',
  更新対応: 'renewal',
  解約: 'churned',
  チャーン: 'churned',
  churn: 'churned',
  live: 'running',
};

export const HEALTH = ['green', 'yellow', 'red'] as const;
export type Health = (typeof HEALTH)[number];
const HEALTH_ALIASES: Record<string, Health> = {
  good: 'green',
  ok: 'yellow',
  'at-risk': 'red',
  risk: 'red',
  bad: 'red',
  良好: 'green',
  注意: 'yellow',
  危険: 'red',
};

/** Printable ASCII is unchanged by NFKC: the common case skips the Unicode fold. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const fold = (v: string): string => (PLAIN_ASCII.test(v) ? v : foldWidth(v));
const ISO_DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** zod's words for a failed rule that has no code of its own (the messages were zod's before). */
const BAD = 'Invalid input';
/** A valid value: no codes (shared, never written). */
const OK: readonly string[] = [];

/**
 * A frontmatter field: `fix` runs on the raw YAML value first (full-width digits, `12,000,000`,
 * aliases), then `check` gives the codes of the rules the fixed value breaks (none: valid). A
 * wrong type breaks one rule and stops there; the other rules are all checked, as zod did.
 */
interface Field {
  fix?: ((v: unknown) => unknown) | undefined;
  check: (v: unknown) => readonly string[];
  optional?: boolean;
}

/**
 * The account frontmatter: flat keys so Obsidian Properties, Bases and Dataview read them.
 * Unknown keys are allowed and never touched. Built on first use: a plugin's load time counts
 * every top-level statement.
 */
function buildFields(): Record<string, Field> {
  const opt = (f: Field): Field => ({ ...f, optional: true });
  const oneOf = (values: readonly unknown[], code = BAD): Field['check'] => (v) => (values.includes(v) ? OK : [code]);

  const text: Field = {
    check: (v) => (typeof v === 'string' && v.length > 0 ? OK : ['text']),
    fix: (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
  };

  const isoDate: Field = {
    check: (v) => (typeof v !== 'string' ? ['date'] : isIsoDay(v) ? OK : ['day']),
    fix: (v) => (typeof v === 'string' ? (ISO_DAY_RE.test(v) ? v : normalizeIsoDate(v)) : v),
  };

  /** Whole numbers, also when written `12,000,000` or with full-width digits. */
  const integer = (min: number, max: number): Field => ({
    check: (v) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return ['int'];
      if (Number.isSafeInteger(v) && v >= min && v <= max) return OK;
      const codes = Number.isSafeInteger(v) ? [] : ['int'];
      if (v < min) codes.push(`min:${min}`);
      if (v > max) codes.push(`max:${max}`);
      return codes;
    },
    fix: (v) => {
      if (typeof v !== 'string') return v;
      const s = fold(v).replace(/[,_\s]/g, '');
      return /^-?\d+$/.test(s) ? Number(s) : v;
    },
  });

  /** Money in minor-free integer units (yen, dollars): no float drift when summing a portfolio. */
  const money = integer(0, Number.MAX_SAFE_INTEGER);

  const aliased = <T extends string>(values: readonly T[], code: string, aliases: Record<string, T>, fallback?: T): Field => ({
    check: oneOf(values, code),
    fix: (v) => {
      if (v === undefined) return fallback;
      // A value already written as one of them stays as it is (no alias is spelled like one).
      if (typeof v !== 'string' || values.includes(v as T)) return v;
      const k = fold(v).trim();
      return aliases[k] ?? aliases[k.toLowerCase()] ?? k.toLowerCase();
    },
  });

  return {
    baton: { check: oneOf(['account']) },
    account: text,
    stage: aliased(STAGES, 'stage', STAGE_ALIASES, 'handoff'),
    contract_start: isoDate,
    term_months: integer(1, 120),
    renewal_date: opt(isoDate),
    notice_days: opt(integer(0, 3650)),
    arr: opt(money),
    arr_start: opt(money),
    currency: opt({
      check: (v) => (typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? OK : ['currency']),
      fix: (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    }),
    sales_owner: opt(text),
    csm_owner: opt(text),
    renewal_owner: opt(text),
    kickoff_date: opt(isoDate),
    health: opt(aliased(HEALTH, 'health', HEALTH_ALIASES)),
    locale: opt({ check: oneOf(['en', 'ja'], 'locale') }),
  };
}

/** The validated frontmatter: known keys typed, unknown keys kept as they were. */
export interface AccountFrontmatter {
  baton: 'account';
  account: string;
  stage: Stage;
  contract_start: string;
  term_months: number;
  renewal_date?: string;
  notice_days?: number;
  arr?: number;
  arr_start?: number;
  currency?: string;
  sales_owner?: string;
  csm_owner?: string;
  renewal_owner?: string;
  kickoff_date?: string;
  health?: Health;
  locale?: 'en' | 'ja';
  [key: string]: unknown;
}

export interface FieldIssue {
  path: (string | number)[];
  /** English; `messages` has both languages. */
  message: string;
  messages: Bilingual;
}
export type FrontmatterResult = { success: true; data: AccountFrontmatter } | { success: false; error: { issues: FieldIssue[] } };

let fields: Record<string, Field> | undefined;
/**
 * Checks each known key of `data` in the order above, writing the fixed values of the valid ones
 * into `out` (which may be `data` itself); every other key is left untouched.
 */
function checkFields(data: Record<string, unknown>, out: Record<string, unknown>): FieldIssue[] {
  fields ??= buildFields();
  const issues: FieldIssue[] = [];
  for (const key in fields) {
    const { fix, check, optional } = fields[key]!;
    let value = data[key];
    if (value === undefined && optional) continue;
    if (fix) value = fix(value);
    const codes = check(value);
    if (codes.length === 0) out[key] = value;
    for (const code of codes) {
      const messages = fieldMessage(code);
      issues.push({ path: [key], message: messages.en, messages });
    }
  }
  return issues;
}

/**
 * A stage as a note may write it (`運用`, ` Adoption `, `live`…) → its stage id, or undefined when
 * it names none: the same reading as the `stage` field's, for filters typed by people.
 */
export function stageFromText(text: string): Stage | undefined {
  const v = (fields ??= buildFields())['stage']!.fix!(text);
  return (STAGES as readonly unknown[]).includes(v) ? (v as Stage) : undefined;
}

/** Validates raw frontmatter data field by field (see `checkFields`); the input is not changed. */
export const AccountFrontmatter = {
  safeParse(data: Record<string, unknown>): FrontmatterResult {
    const out: Record<string, unknown> = { ...data };
    const issues = checkFields(data, out);
    return issues.length > 0 ? { success: false, error: { issues } } : { success: true, data: out as AccountFrontmatter };
  },
};

/** Keys whose failure makes the note unusable; any other bad key is dropped with an error. */
const REQUIRED_KEYS = ['baton', 'account', 'contract_start', 'term_months'] as const;

/** A validated account with derived fields filled in. */
export interface Account extends AccountFrontmatter {
  stage: Stage;
  /** Given, or derived as contract_start + term_months − 1 day. */
  renewal_date: IsoDate;
  renewal_date_derived: boolean;
  /** renewal_date − notice_days, when notice_days is set. */
  notice_deadline: IsoDate | undefined;
}

export interface AccountNote {
  /** `account` when the frontmatter says `baton: account`; other notes are skipped quietly. */
  kind: 'account' | 'other';
  /** Undefined when required fields are missing or invalid (see problems). */
  account: Account | undefined;
  frontmatter: Frontmatter;
  lines: string[];
  fenced: boolean[];
  headings: Heading[];
  tasks: Task[];
  stakeholders: StakeholderTable | undefined;
  /** Format problems found while reading (lints are separate: see `lintAccount`). */
  problems: Problem[];
  locale: Locale;
}

export interface ParseOptions {
  /** Message language; defaults to the note's `locale` key, then English. */
  locale?: Locale;
  /**
   * Read only what the timeline needs: the frontmatter, the account and the checklist items.
   * `headings` stays empty and `stakeholders` undefined, and `problems` holds only the
   * frontmatter's. For an index whose problems nobody reads (`Portfolio`'s `problems: false`); a
   * note's problems need the whole parse (`lintAccount`).
   */
  timelineOnly?: boolean;
}

/** What a host may already know about a note (see `accountNoteFromCache`). */
export interface PreParsed {
  /** The frontmatter mapping, parsed by the host. */
  frontmatter?: Record<string, unknown> | undefined;
  /** 0-based lines of the note's task list items. */
  taskLines?: readonly number[] | undefined;
}

function tasksAt(lines: readonly string[], fenced: readonly boolean[], from: number, at: readonly number[]): Task[] {
  const out: Task[] = [];
  // Hosts list items in line order: copy and sort only when they do not.
  const sorted = at.every((x, i) => i === 0 || at[i - 1]! <= x) ? at : [...at].sort((a, b) => a - b);
  for (const i of sorted) {
    const l = lines[i];
    if (i < from || fenced[i] || l === undefined) continue;
    const t = parseTaskLine(l, i);
    if (t) out.push(t);
  }
  return out;
}

const MARKER_RE = /^baton:\s*['"]?account['"]?\s*$/m;

/**
 * Reads an account note. Never throws on user input: every defect becomes a problem with a
 * 1-based line and the field it concerns.
 *
 * @example
 * const note = parseAccountNote('---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n---\n');
 * note.account?.renewal_date // '2027-03-31'
 */
export function parseAccountNote(input: string, options: ParseOptions = {}, cached?: PreParsed): AccountNote {
  const lines = splitLinesKeepEol(input);
  const frontmatter = readFrontmatter(input, lines, cached?.frontmatter);
  const looksLikeAccount =
    frontmatter.data?.['baton'] === 'account' || (frontmatter.data === undefined && MARKER_RE.test(frontmatter.raw || (frontmatter.closed ? '' : input.slice(0, 4000))));
  const noteLocale = frontmatter.data?.['locale'];
  const locale: Locale = options.locale ?? (noteLocale === 'ja' || noteLocale === 'en' ? noteLocale : 'en');
  const fenced = fencedLines(lines);
  const from = frontmatter.closed ? frontmatter.bodyStart : 0;
  const note: AccountNote = {
    kind: looksLikeAccount ? 'account' : 'other',
    account: undefined,
    frontmatter,
    lines,
    fenced,
    headings: [],
    tasks: [],
    stakeholders: undefined,
    problems: [],
    locale,
  };
  if (!looksLikeAccount) return note;

  note.tasks = cached?.taskLines ? tasksAt(lines, fenced, from, cached.taskLines) : scanTasks(lines, fenced, from);
  // The headings and the stakeholder table serve the checks alone: about a third of the parse.
  if (!options.timelineOnly) {
    note.headings = scanHeadings(lines, fenced, from);
    const st = readStakeholders(note, locale);
    note.stakeholders = st.table;
    note.problems.push(...st.problems);
  }

  if (frontmatter.error) {
    const e = frontmatter.error;
    note.problems.push(
      problem(
        frontmatter.closed ? 'frontmatter.yaml' : 'frontmatter.unclosed',
        'error',
        frontmatter.closed
          ? { en: `Frontmatter is not valid YAML: ${e.message}`, ja: `フロントマターのYAMLが正しくありません: ${e.message}` }
          : { en: 'Frontmatter starts with --- but has no closing ---', ja: 'フロントマターの終わりの --- がありません' },
        e.line + 1,
        locale,
      ),
    );
    return note;
  }
  if (!frontmatter.present) {
    // `baton: account` typed into the body: say where frontmatter must go instead of listing every key as missing.
    const at = lines.findIndex((l) => /^baton:\s*['"]?account['"]?\s*$/.test(l.trim()));
    note.problems.push(
      problem(
        'frontmatter.absent',
        'error',
        {
          en: 'baton: account is in the note body; Baton reads it only from frontmatter between --- lines at the very top',
          ja: 'baton: account が本文にあります。ノート先頭の --- で囲んだフロントマターに書いてください',
        },
        at + 1,
        locale,
        'baton',
      ),
    );
    return note;
  }
  note.account = validate(frontmatter, note.problems, locale);
  return note;
}

function keyLine(fm: Frontmatter, key: string | undefined): number {
  const l = key === undefined ? undefined : fm.keyLines.get(key);
  return (l ?? 0) + 1;
}

/** The template of accounts with an empty value (see validate). */
const KEPT = new Shape();

/** An object with `keys[j]` set to `values[j]` one by one; `defineProperty` keeps a `__proto__` key (js-yaml keeps it as an own key) a plain key. */
export function keyByKey(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  keys.forEach((k, j) => {
    if (k === '__proto__') Object.defineProperty(out, k, { value: values[j], writable: true, enumerable: true, configurable: true });
    else out[k] = values[j];
  });
  return out;
}

function validate(fm: Frontmatter, problems: Problem[], locale: Locale): Account | undefined {
  // An empty value (`kickoff_date:`) means "not known yet", as in Obsidian's Properties editor.
  // Copied without those keys rather than deleted from a copy: `delete` turns an object into a
  // slow hash map, and every later read of the account would pay for it.
  // Usually no value is empty: Object.assign onto `{}` copies fast properties (readFlatYaml's)
  // in one step and gives every such account the same shape. Else the kept keys come from a
  // template (`Shape`): keys set one by one past a dozen or so would make a hash map too.
  const src = fm.data ?? {};
  const slow = Object.values(src).some((v) => v === null || v === '');
  const kept = slow ? Object.keys(src).filter((k) => src[k] !== null && src[k] !== '') : Object.hasOwn(src, '__proto__') ? Object.keys(src) : undefined;
  const values = kept?.map((k) => src[k]);
  const data: Record<string, unknown> = kept ? (KEPT.make(kept, values!) ?? keyByKey(kept, values!)) : Object.assign({}, src);
  // Checked in place (this copy is the account): a key that fails is left as written, and the
  // fixed value of a valid key passes its check again unchanged, so the second pass below reads
  // the same as one over the written values.
  const issues = checkFields(data, data);
  if (issues.length > 0) {
    let fatal = false;
    const reported = new Set<string>();
    for (const issue of issues) {
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      // A value can fail twice (1e20: not an int, and over the max); one message per field.
      if (key !== undefined && reported.has(key)) continue;
      if (key !== undefined) reported.add(key);
      const missing = key !== undefined && data[key] === undefined;
      if (key === undefined || (REQUIRED_KEYS as readonly string[]).includes(key)) fatal = true;
      if (key !== undefined) delete data[key];
      problems.push(
        problem(
          missing ? 'frontmatter.missing' : 'frontmatter.invalid',
          'error',
          missing
            ? { en: `Required field "${key}" is missing`, ja: `必須の項目「${key}」がありません` }
            : { en: `Field "${key ?? '?'}": ${issue.messages.en}`, ja: `項目「${key ?? '?'}」: ${issue.messages.ja}` },
          keyLine(fm, key),
          locale,
          key,
        ),
      );
    }
    if (fatal || checkFields(data, data).length > 0) return undefined;
  }
  const a = data as Account;
  const derived = a.renewal_date === undefined;
  const renewal = a.renewal_date ?? termEnd(a.contract_start, a.term_months);
  if (renewal < a.contract_start) {
    problems.push(
      problem(
        'frontmatter.renewal-before-start',
        'error',
        { en: `renewal_date ${renewal} is before contract_start ${a.contract_start}`, ja: `更新日 ${renewal} が契約開始日 ${a.contract_start} より前です` },
        keyLine(fm, 'renewal_date'),
        locale,
        'renewal_date',
      ),
    );
    return undefined;
  }
  a.renewal_date = renewal;
  a.renewal_date_derived = derived;
  // Day numbers, not Date objects: renewal is a real `YYYY-MM-DD` day here (a five-digit year
  // from termEnd sorts before contract_start), where they give shiftIsoDate's answer.
  a.notice_deadline = a.notice_days === undefined ? undefined : shiftIsoDay(renewal, -a.notice_days, 'd');
  return a;
}

/** Field messages by the code a schema reports; `min:N` / `max:N` carry their bound. */
const FIELD_MESSAGES: Record<string, (n: string) => Bilingual> = {
  stage: () => ({ en: `expected one of ${STAGES.join(', ')} (or 運用, 活用, ファン化, 解約 …)`, ja: `${STAGES.join('・')}、または 運用・活用・ファン化・解約 などのいずれかを書いてください` }),
  health: () => ({ en: `expected one of ${HEALTH.join(', ')} (or 良好, 注意, 危険)`, ja: 'green・yellow・red（または 良好・注意・危険）のいずれかを書いてください' }),
  locale: () => ({ en: 'expected en or ja', ja: 'en か ja を書いてください' }),
  date: () => ({ en: 'expected a date written as YYYY-MM-DD', ja: 'YYYY-MM-DD 形式の日付を書いてください' }),
  day: () => ({ en: 'expected a real calendar date written as YYYY-MM-DD', ja: 'YYYY-MM-DD 形式の実在する日付を書いてください' }),
  int: () => ({ en: 'expected a whole number', ja: '整数を書いてください' }),
  min: (n) => ({ en: `must be at least ${n}`, ja: `${n} 以上にしてください` }),
  max: (n) => ({ en: `must be at most ${n}`, ja: `${n} 以下にしてください` }),
  currency: () => ({ en: 'expected a 3-letter currency code such as JPY or USD', ja: 'JPY や USD のような3文字の通貨コードを書いてください' }),
  text: () => ({ en: 'expected non-empty text on one line', ja: '空でない1行のテキストを書いてください' }),
};

function fieldMessage(code: string): Bilingual {
  const at = code.indexOf(':');
  const make = FIELD_MESSAGES[at < 0 ? code : code.slice(0, at)];
  return make ? make(code.slice(at + 1)) : { en: code, ja: code };
}
