import type { Account, AccountNote } from './account.js';
import { notDue } from './checklist-templates.js';
import type { IsoDate } from './dates.js';
import { daysApart } from './day-number.js';
import { handoffLint } from './handoff.js';
import { compareProblems, problem, sortProblems, type Locale, type Problem } from './problems.js';
import { parseRelativeDate } from './relative-date.js';
import { datedStakeholderProblems, lintTable, stakeholderDates, type StakeholderDates } from './stakeholders.js';

export interface LintOptions {
  today: IsoDate;
  locale?: Locale;
  /** Warn when an active key person has not been contacted for longer than this. */
  keyPersonContactDays?: number;
}

/**
 * Everything worth telling a CSM about one account note: format errors, handoff gaps,
 * stakeholder risks and ownership issues, sorted by line.
 */
export function lintAccount(note: AccountNote, options: LintOptions): Problem[] {
  return lint(note, options, true);
}

/**
 * `lintAccount` without the checks that depend on today or on the key-person contact threshold:
 * a portfolio keeps these problems with `accountDates(note)` and adds `datedProblems` when asked,
 * so a new day or a changed threshold needs no re-read of any note. Sorted like `lintAccount`.
 */
export function undatedProblems(note: AccountNote, options: { locale?: Locale }): Problem[] {
  return lint(note, options, false);
}

/** What `datedProblems` needs from an account note besides its account fields (no text, no today). */
export interface AccountDates {
  /** Undefined for a churned account (its stakeholders are not checked) or a note without a valid account. */
  stakeholders: StakeholderDates | undefined;
}

export function accountDates(note: AccountNote): AccountDates {
  const a = note.account;
  return { stakeholders: a && a.stage !== 'churned' && note.stakeholders ? stakeholderDates(note.stakeholders) : undefined };
}

/**
 * The problems `lintAccount` reports that depend on today or on the contact threshold, from the
 * account's fields, its key lines (`line(key)`, 1-based) and `dates`. Not sorted.
 */
export function datedProblems(a: Account, line: (key: string) => number, dates: AccountDates, options: LintOptions & { locale: Locale }): Problem[] {
  const { locale, today } = options;
  const ja = locale === 'ja';
  const out: Problem[] = [];
  if (dates.stakeholders) {
    const opts: Parameters<typeof datedStakeholderProblems>[1] = { today, locale };
    if (options.keyPersonContactDays !== undefined) opts.contactDays = options.keyPersonContactDays;
    if (a.kickoff_date !== undefined) opts.kickoffDate = a.kickoff_date;
    for (const p of datedStakeholderProblems(dates.stakeholders, opts)) out.push(p);
  }
  if (a.stage !== 'churned' && a.renewal_date < today) {
    out.push(
      problem(
        'renewal.passed',
        'warning',
        ja
          ? `更新日 ${a.renewal_date} を過ぎています。更新後の renewal_date を記入するか、stage を churned にしてください`
          : `Renewal date ${a.renewal_date} has passed: record the renewal (new renewal_date) or set stage to churned`,
        line(a.renewal_date_derived ? 'contract_start' : 'renewal_date'),
        locale,
        'renewal_date',
      ),
    );
  }
  // A `today` that is not a calendar day (a host's bug) counts no days: no warning, and no throw.
  if (a.notice_deadline && a.stage !== 'churned' && a.notice_deadline >= today && (daysApart(today, a.notice_deadline) ?? Infinity) <= 30) {
    out.push(
      problem(
        'renewal.notice-soon',
        'warning',
        ja ? `解約通知期限 ${a.notice_deadline} まで30日以内です` : `Notice deadline ${a.notice_deadline} is within 30 days: the customer can still cancel until then`,
        line('notice_days'),
        locale,
        'notice_days',
      ),
    );
  }
  return out;
}

/**
 * Whether `a` and `b` are equal once trimmed and lower-cased. Printable ASCII is kept by trim and
 * lower-cased on its own: when both end in it, unequal last letters decide without new strings.
 */
function sameOwner(a: string, b: string): boolean {
  const x = a.charCodeAt(a.length - 1);
  const y = b.charCodeAt(b.length - 1);
  if (x > 32 && x < 127 && y > 32 && y < 127 && (x | 32) !== (y | 32)) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Whether an anchor reads as a relative date. A vault's checklists repeat a few dozen anchors, and
 * parsing one (a Unicode fold and a regex) costs more than a lookup: each is parsed once (bounded).
 */
const ANCHORS = new Map<string, boolean>();
function validAnchor(anchor: string): boolean {
  let ok = ANCHORS.get(anchor);
  if (ok === undefined) {
    if (ANCHORS.size >= 512) ANCHORS.clear();
    ANCHORS.set(anchor, (ok = parseRelativeDate(anchor) !== undefined));
  }
  return ok;
}

function lint(note: AccountNote, options: { today?: IsoDate; locale?: Locale; keyPersonContactDays?: number }, dated: boolean): Problem[] {
  if (note.kind !== 'account') return [];
  const locale = options.locale ?? note.locale;
  const a = note.account;
  if (!a) return sortProblems(note.problems);
  const line = (k: string): number => (note.frontmatter.keyLines.get(k) ?? 0) + 1;
  // Messages are built in the one locale they are shown in.
  const ja = locale === 'ja';

  // This call's own array, allocated at its size. The table's dated checks come with `datedProblems` below.
  const out = a.stage !== 'churned' ? note.problems.concat(handoffLint(note, locale), lintTable(note.stakeholders, { locale }, false)) : note.problems.slice();

  if (a.renewal_owner && a.csm_owner && sameOwner(a.renewal_owner, a.csm_owner)) {
    out.push(
      problem(
        'owners.renewal-equals-csm',
        'warning',
        ja ? `更新担当と活用支援担当がどちらも ${a.csm_owner} です。役割は別の人が持つのが基本です` : `renewal_owner and csm_owner are both ${a.csm_owner}: keep renewal and adoption support with different people`,
        line('renewal_owner'),
        locale,
        'renewal_owner',
      ),
    );
  }
  // A key written with a value the check refused already has its error: no second "missing" for it.
  // Otherwise the hint points at the empty key's line when there is one.
  const refused = (k: string): boolean => note.problems.some((p) => p.field === k);
  if (!a.csm_owner && !refused('csm_owner')) {
    out.push(problem('owners.no-csm', 'info', { en: 'No csm_owner yet: who picks up this account?', ja: 'csm_owner が未設定です。誰がこのアカウントを担当しますか?' }, line('csm_owner'), locale, 'csm_owner'));
  }
  if (a.stage !== 'handoff' && a.stage !== 'churned' && !a.kickoff_date && !refused('kickoff_date')) {
    out.push(problem('kickoff.missing', 'info', { en: 'No kickoff_date recorded', ja: 'kickoff_date が記録されていません' }, line('kickoff_date'), locale, 'kickoff_date'));
  }
  if (a.health === 'red' && a.stage !== 'churned') {
    out.push(problem('health.red', 'warning', { en: 'Health is red', ja: 'ヘルスが危険（red）です' }, line('health'), locale, 'health'));
  }
  // An anchor that is not a relative date leaves its 📅 stale (reanchor skips it): the template's message.
  for (const t of note.tasks) {
    if (t.anchor && !t.closed && !validAnchor(t.anchor)) {
      out.push(problem('checklist.bad-anchor', 'warning', notDue(t.anchor, ja), t.line + 1, locale, 'checklists'));
    }
  }
  // Problems of one check keep their order: the sort is stable and ties need the same code.
  if (dated && options.today !== undefined) for (const p of datedProblems(a, line, accountDates(note), { ...options, today: options.today, locale })) out.push(p);
  // Sorted in place (same stable order as sortProblems' copy); most notes have one problem or none.
  return out.length > 1 ? out.sort(compareProblems) : out;
}
