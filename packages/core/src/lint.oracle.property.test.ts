/**
 * lintAccount against its first version (kept below, verbatim, as the oracle): concatenating the
 * handoff and stakeholder problems instead of spreading them must not change a problem or its order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote, type AccountNote } from './account.js';
import { daysBetween } from './dates.js';
import { daysApart } from './day-number.js';
import { checkHandoff, handoffProblems } from './handoff.js';
import { lintAccount, type LintOptions } from './lint.js';
import { problem, sortProblems, type Problem } from './problems.js';
import { lintStakeholders } from './stakeholders.js';

// ---------------------------------------------------------------------------------------------
// Oracle: lintAccount as it was before.

function oldLintAccount(note: AccountNote, options: LintOptions): Problem[] {
  if (note.kind !== 'account') return [];
  const locale = options.locale ?? note.locale;
  const out: Problem[] = [...note.problems];
  const a = note.account;
  if (!a) return sortProblems(out);
  const line = (k: string): number => (note.frontmatter.keyLines.get(k) ?? 0) + 1;

  if (a.stage !== 'churned') {
    out.push(...handoffProblems(checkHandoff(note, { locale }), locale));
    const lintOpts: Parameters<typeof lintStakeholders>[1] = { today: options.today, locale };
    if (options.keyPersonContactDays !== undefined) lintOpts.contactDays = options.keyPersonContactDays;
    if (a.kickoff_date !== undefined) lintOpts.kickoffDate = a.kickoff_date;
    out.push(...lintStakeholders(note.stakeholders, lintOpts));
  }

  if (a.renewal_owner && a.csm_owner && a.renewal_owner.trim().toLowerCase() === a.csm_owner.trim().toLowerCase()) {
    out.push(
      problem(
        'owners.renewal-equals-csm',
        'warning',
        {
          en: `renewal_owner and csm_owner are both ${a.csm_owner}: keep renewal and adoption support with different people`,
          ja: `更新担当と活用支援担当がどちらも ${a.csm_owner} です。役割は別の人が持つのが基本です`,
        },
        line('renewal_owner'),
        locale,
        'renewal_owner',
      ),
    );
  }
  const refused = (k: string): boolean => note.problems.some((p) => p.field === k);
  if (!a.csm_owner && !refused('csm_owner')) {
    out.push(problem('owners.no-csm', 'info', { en: 'No csm_owner yet: who picks up this account?', ja: 'csm_owner が未設定です。誰がこのアカウントを担当しますか?' }, line('csm_owner'), locale, 'csm_owner'));
  }
  if (a.stage !== 'churned' && a.renewal_date < options.today) {
    out.push(
      problem(
        'renewal.passed',
        'warning',
        {
          en: `Renewal date ${a.renewal_date} has passed: record the renewal (new renewal_date) or set stage to churned`,
          ja: `更新日 ${a.renewal_date} を過ぎています。更新後の renewal_date を記入するか、stage を churned にしてください`,
        },
        line(a.renewal_date_derived ? 'contract_start' : 'renewal_date'),
        locale,
        'renewal_date',
      ),
    );
  }
  if (a.notice_deadline && a.stage !== 'churned' && a.notice_deadline >= options.today && (daysApart(options.today, a.notice_deadline) ?? daysBetween(options.today, a.notice_deadline)) <= 30) {
    out.push(
      problem(
        'renewal.notice-soon',
        'warning',
        {
          en: `Notice deadline ${a.notice_deadline} is within 30 days: the customer can still cancel until then`,
          ja: `解約通知期限 ${a.notice_deadline} まで30日以内です`,
        },
        line('notice_days'),
        locale,
        'notice_days',
      ),
    );
  }
  if (a.stage !== 'handoff' && a.stage !== 'churned' && !a.kickoff_date && !refused('kickoff_date')) {
    out.push(problem('kickoff.missing', 'info', { en: 'No kickoff_date recorded', ja: 'kickoff_date が記録されていません' }, line('kickoff_date'), locale, 'kickoff_date'));
  }
  if (a.health === 'red' && a.stage !== 'churned') {
    out.push(problem('health.red', 'warning', { en: 'Health is red', ja: 'ヘルスが危険（red）です' }, line('health'), locale, 'health'));
  }
  return sortProblems(out);
}

// ---------------------------------------------------------------------------------------------

const noteText = fc
  .record({
    stage: fc.constantFrom('handoff', 'onboarding', 'renewal', 'churned', '解約', 'bogus'),
    // `-` writes the key with no value, `[…]` a list (refused: one error, no "not set yet" hint).
    csm: fc.constantFrom('Ken Becker', ' ken becker ', 'Ann', '', '-', '[Ann, Ben]'),
    renewal: fc.constantFrom('Ken Becker', 'Ben', ''),
    kickoff: fc.constantFrom('2026-04-10', '', '-', '2026-02-30'),
    health: fc.constantFrom('red', 'green', ''),
    start: fc.constantFrom('2025-01-01', '2026-03-01', '2026-13-01'),
    body: fc.subarray([
      '## Handoff',
      '### Proposal history',
      '- Proposed the Pro plan.',
      '### Future vision',
      '<!-- Where the customer wants to be -->',
      '## Stakeholders',
      '| Name | Role | Key person | Kickoff | Last contact | Department |',
      '|---|---|---|---|---|---|',
      '| Ann | Decision maker | ✓ |  | 2026-01-01 | Ops |',
      '| Ben | Champion | yes | ✓ |  | Ops |',
      '| Ann | VP |  | maybe | soon |',
    ]),
  })
  .map(({ stage, csm, renewal, kickoff, health, start, body }) =>
    [
      '---',
      'baton: account',
      'account: Acme',
      `stage: ${stage}`,
      `contract_start: ${start}`,
      'term_months: 12',
      'notice_days: 30',
      csm && (csm === '-' ? 'csm_owner:' : csm.startsWith('[') ? `csm_owner: ${csm}` : `csm_owner: ${JSON.stringify(csm)}`),
      renewal && `renewal_owner: ${renewal}`,
      kickoff && (kickoff === '-' ? 'kickoff_date:' : `kickoff_date: ${kickoff}`),
      health && `health: ${health}`,
      '---',
      '# Acme',
      ...body,
      '',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );

describe('lintAccount against the original implementation', () => {
  it('gives the same problems in the same order', () => {
    const options = fc.record(
      { today: fc.constantFrom('2026-11-22', '2026-03-15', '2027-02-20'), locale: fc.constantFrom<'en' | 'ja'>('en', 'ja'), keyPersonContactDays: fc.integer({ min: 0, max: 400 }) },
      { requiredKeys: ['today'] },
    );
    fc.assert(
      fc.property(noteText, options, (text, opts: LintOptions) => {
        const note = parseAccountNote(text);
        const problems = lintAccount(note, opts);
        expect(problems).toStrictEqual(oldLintAccount(note, opts));
        expect(JSON.stringify(problems)).toBe(JSON.stringify(oldLintAccount(note, opts)));
        // The note's own problems are not touched.
        expect(note.problems).toStrictEqual(parseAccountNote(text).problems);
      }),
      { numRuns: 500 },
    );
  });
});
