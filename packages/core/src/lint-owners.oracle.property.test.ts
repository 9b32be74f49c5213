/**
 * lint's shortcuts. The renewal-owner check (`owners.renewal-equals-csm`) against its first version, the comparison
 * `renewal.trim().toLowerCase() === csm.trim().toLowerCase()` (the oracle): the check now rejects
 * owners by their last characters first. Owners are drawn from characters at the edges of trim and
 * case mapping (ASCII neighbours of letters, Kelvin sign, dotted I, sigma, full-width, blanks of
 * every kind, surrogates, kanji). Two problems out of line order are still sorted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountNote, type AccountNote } from './account.js';
import { lintAccount, undatedProblems } from './lint.js';
import { sortProblems } from './problems.js';

const oracle = (renewal: string, csm: string): boolean => renewal.trim().toLowerCase() === csm.trim().toLowerCase();

const CHARS = ['a', 'A', 'k', 'K', '\u212a', 'i', 'I', '\u0130', '\u0131', '\u0307', 'Σ', 'σ', 'ς', 'ß', 'ẞ', 'Ａ', 'ａ', '小', '林', '@', '`', '[', '{', '^', '~', '1', 'z', 'Z', ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\ufeff', '\u2028', '\ud83d', '\ude00', '\x7f', '\x1f'];
const owner = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
/** The same name changed only where the check must look through: case, blanks around it. */
const variant = (s: string) =>
  fc.tuple(fc.constantFrom('', ' ', '\t', '\u3000', '\ufeff'), fc.constantFrom('', ' ', '\u00a0', '\n'), fc.boolean(), fc.boolean()).map(([pre, post, up, low]) => pre + (up ? s.toUpperCase() : low ? s.toLowerCase() : s) + post);
const pair = fc.oneof(
  fc.tuple(owner, owner),
  owner.chain((a) => fc.tuple(fc.constant(a), variant(a))),
  fc.tuple(owner, owner, fc.constantFrom(...CHARS)).map(([a, b, c]) => [a + c, b + c] as [string, string]),
);

const base = parseAccountNote(['---', 'baton: account', 'account: Acme', 'stage: onboarding', 'contract_start: 2026-01-01', 'term_months: 12', 'csm_owner: Ann', 'renewal_owner: Ben', '---', '# Acme', ''].join('\n'));

function withOwners(renewal: string, csm: string): AccountNote {
  if (base.kind !== 'account' || !base.account) throw new Error('the base note must be an account');
  return { ...base, account: { ...base.account, renewal_owner: renewal, csm_owner: csm } };
}

describe('owners.renewal-equals-csm against trim + toLowerCase', () => {
  it('is reported exactly when the trimmed, lower-cased owners are equal', () => {
    fc.assert(
      fc.property(pair, fc.constantFrom<'en' | 'ja'>('en', 'ja'), ([renewal, csm], locale) => {
        const note = withOwners(renewal, csm);
        const has = (ps: { code: string }[]) => ps.some((p) => p.code === 'owners.renewal-equals-csm');
        expect(has(lintAccount(note, { today: '2026-11-22', locale }))).toBe(oracle(renewal, csm));
        expect(has(undatedProblems(note, { locale }))).toBe(oracle(renewal, csm));
      }),
      { numRuns: 3000 },
    );
  });

  it('covers both answers and the characters the quick rejection reads', () => {
    expect(oracle('Ken Becker', ' ken becker ')).toBe(true);
    expect(has2('Ken Becker', ' ken becker ')).toBe(true);
    // Kelvin sign and K lower-case alike; '@' and '`' differ only in the 32 bit.
    expect(has2('\u212a', 'k')).toBe(oracle('\u212a', 'k'));
    expect(has2('a@', 'a`')).toBe(false);
    expect(has2('Ben', 'Ken')).toBe(false);
  });
});

describe('lint with two problems', () => {
  it('sorts them (a note problem on a later line, then a whole-note one)', () => {
    if (base.kind !== 'account' || !base.account) throw new Error('the base note must be an account');
    const late = { code: 'frontmatter.unknown', severity: 'info' as const, message: 'late', line: 99 };
    const note: AccountNote = { ...base, problems: [late], account: { ...base.account, stage: 'churned', csm_owner: undefined } as unknown as NonNullable<AccountNote['account']> };
    const problems = undatedProblems(note, {});
    // The "no csm_owner" hint sits on the csm_owner key's line (line 1 without the key).
    expect(problems.map((p) => p.line)).toEqual([(base.frontmatter.keyLines.get('csm_owner') ?? 0) + 1, 99]);
    expect(problems).toStrictEqual(sortProblems(problems));
  });
});

function has2(renewal: string, csm: string): boolean {
  return undatedProblems(withOwners(renewal, csm), {}).some((p) => p.code === 'owners.renewal-equals-csm');
}
