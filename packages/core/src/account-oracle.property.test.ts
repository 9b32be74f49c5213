import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AccountFrontmatter, HEALTH, STAGES, type Account } from './account.js';
import { accountNoteFromCache } from './cached.js';
import { normalizeIsoDate, shiftIsoDate, termEnd } from './dates.js';
import { isIsoDay } from './day-number.js';
import type { Frontmatter } from './frontmatter.js';
import { problem, type Bilingual, type Locale, type Problem } from './problems.js';
import { foldWidth } from './text.js';

// The zod/mini schema and the validation AccountFrontmatter replaced, kept as the oracle: the
// hand-written checks must give the same data, the same issues and the same problems.
const STAGE_ALIASES: Record<string, string> = {
  引き継ぎ: 'handoff', 引継ぎ: 'handoff', オンボーディング: 'onboarding', 導入: 'onboarding', 導入期: 'onboarding', 運用: 'running', 活用: 'adoption', 定着: 'adoption', 定着期: 'adoption',
  ファン化: 'advocacy', 拡大: 'advocacy', 拡大期: 'advocacy', 更新: 'renewal', 更新対応: 'renewal', 解約: 'churned', チャーン: 'churned', churn: 'churned', live: 'running',
};
const HEALTH_ALIASES: Record<string, string> = { good: 'green', ok: 'yellow', 'at-risk': 'red', risk: 'red', bad: 'red', 良好: 'green', 注意: 'yellow', 危険: 'red' };
const fold = (v: string): string => (/^[\x20-\x7e]*$/.test(v) ? v : foldWidth(v));
function zodShape() {
  const field = (schema: z.ZodMiniType, fix?: (v: unknown) => unknown, optional = false) => ({ schema, fix, optional });
  const opt = (f: { schema: z.ZodMiniType; fix?: ((v: unknown) => unknown) | undefined }) => field(f.schema, f.fix, true);
  const text = field(z.string({ error: 'text' }).check(z.refine((s: string) => s.length > 0, { error: 'text' })), (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v));
  const isoDate = field(z.string({ error: 'date' }).check(z.refine(isIsoDay, { error: 'day' })), (v) =>
    typeof v === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : normalizeIsoDate(v)) : v,
  );
  const integer = (min: number, max: number) =>
    field(
      z.number({ error: 'int' }).check(
        z.refine(Number.isSafeInteger, { error: 'int' }),
        z.refine((n: number) => n >= min, { error: `min:${min}` }),
        z.refine((n: number) => n <= max, { error: `max:${max}` }),
      ),
      (v) => {
        if (typeof v !== 'string') return v;
        const s = fold(v).replace(/[,_\s]/g, '');
        return /^-?\d+$/.test(s) ? Number(s) : v;
      },
    );
  const money = integer(0, Number.MAX_SAFE_INTEGER);
  const aliased = (schema: z.ZodMiniType, aliases: Record<string, string>, fallback?: string) =>
    field(schema, (v) => {
      if (v === undefined) return fallback;
      if (typeof v !== 'string') return v;
      const k = fold(v).trim();
      return aliases[k] ?? aliases[k.toLowerCase()] ?? k.toLowerCase();
    });
  return {
    baton: field(z.enum(['account'])),
    account: text,
    stage: aliased(z.enum(STAGES, { error: 'stage' }), STAGE_ALIASES, 'handoff'),
    contract_start: isoDate,
    term_months: integer(1, 120),
    renewal_date: opt(isoDate),
    notice_days: opt(integer(0, 3650)),
    arr: opt(money),
    arr_start: opt(money),
    currency: opt(field(z.string({ error: 'currency' }).check(z.refine((s: string) => /^[A-Z]{3}$/.test(s), { error: 'currency' })), (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v))),
    sales_owner: opt(text),
    csm_owner: opt(text),
    renewal_owner: opt(text),
    kickoff_date: opt(isoDate),
    health: opt(aliased(z.enum(HEALTH, { error: 'health' }), HEALTH_ALIASES)),
    locale: opt(field(z.enum(['en', 'ja'], { error: 'locale' }))),
  };
}
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
const shape = zodShape();
function oracleSafeParse(data: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...data };
  const issues: { path: (string | number)[]; message: string; messages: Bilingual }[] = [];
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const { schema, fix, optional } = shape[key];
    let value = data[key];
    if (value === undefined && optional) continue;
    if (fix) value = fix(value);
    const r = schema.safeParse(value);
    if (r.success) out[key] = r.data;
    else
      for (const i of r.error.issues) {
        const messages = fieldMessage(i.message);
        issues.push({ path: [key, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: messages.en, messages });
      }
  }
  return issues.length > 0 ? { success: false as const, error: { issues } } : { success: true as const, data: out };
}
function oracleValidate(fm: Frontmatter, problems: Problem[], locale: Locale): Account | undefined {
  const keyLine = (key: string | undefined) => ((key === undefined ? undefined : fm.keyLines.get(key)) ?? 0) + 1;
  const data: Record<string, unknown> = { ...fm.data };
  for (const k of Object.keys(data)) if (data[k] === null || data[k] === '') delete data[k];
  let result = oracleSafeParse(data);
  if (!result.success) {
    let fatal = false;
    const reported = new Set<string>();
    for (const issue of result.error.issues) {
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      if (key !== undefined && reported.has(key)) continue;
      if (key !== undefined) reported.add(key);
      const missing = key !== undefined && data[key] === undefined;
      if (key === undefined || ['baton', 'account', 'contract_start', 'term_months'].includes(key)) fatal = true;
      if (key !== undefined) delete data[key];
      problems.push(
        problem(
          missing ? 'frontmatter.missing' : 'frontmatter.invalid',
          'error',
          missing
            ? { en: `Required field "${key}" is missing`, ja: `必須の項目「${key}」がありません` }
            : { en: `Field "${key ?? '?'}": ${issue.messages.en}`, ja: `項目「${key ?? '?'}」: ${issue.messages.ja}` },
          keyLine(key),
          locale,
          key,
        ),
      );
    }
    if (fatal) return undefined;
    result = oracleSafeParse(data);
    if (!result.success) return undefined;
  }
  const a = result.data as Account;
  const derived = a.renewal_date === undefined;
  const renewal = a.renewal_date ?? termEnd(a.contract_start, a.term_months);
  if (renewal < a.contract_start) {
    problems.push(
      problem(
        'frontmatter.renewal-before-start',
        'error',
        { en: `renewal_date ${renewal} is before contract_start ${a.contract_start}`, ja: `更新日 ${renewal} が契約開始日 ${a.contract_start} より前です` },
        keyLine('renewal_date'),
        locale,
        'renewal_date',
      ),
    );
    return undefined;
  }
  const noticeDeadline = a.notice_days === undefined ? undefined : shiftIsoDate(renewal, -a.notice_days, 'd');
  return { ...a, renewal_date: renewal, renewal_date_derived: derived, notice_deadline: noticeDeadline };
}

// Values that hit every rule: right and wrong types, bounds, NaN/∞, aliases, full-width, blanks.
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, '', ' ', 'account', 'Account', ' account', 'Acme', '  Acme KK ', 0, -0, 1, 12, 120, 121, 1.5, -1, -5, 3650, 3651, 1e20, 2 ** 53, 2 ** 53 - 1, NaN, Infinity, -Infinity,
    true, false, [], ['a'], {}, { a: 1 }, new Date(Number.NaN), '2026-04-01', '2026-02-30', '2026-4-1', '２０２６-０４-０１', '2026/04/01', '0099-01-01', 20260401, '12', '１２', '12,000,000', '1_000',
    '9007199254740993', '-3', '1e20', '.inf', 'twelve', 'jpy', ' usd ', 'JP', 'JPYY', 'ＪＰＹ', 'handoff', 'running', ' Adoption ', '運用', 'ＬＩＶＥ', 'churn', 'kickoff', 'constructor', 'toString',
    'green', 'GOOD', 'at-risk', '危険', 'blue', 'en', 'ja', 'fr', 'EN',
    // Calendar edges for the derived renewal date and notice deadline.
    '0100-01-01', '0100-03-31', '0109-12-31', '9999-12-31', '9990-01-31', '2024-01-31', '2024-02-29', '2023-02-28', '2023-03-31', '1999-12-31', '2026-04-01', '2027-03-31', 3650, 365, 31, 60,
  ),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 5000 }),
  fc.double(),
);
const KEYS = ['baton', 'account', 'stage', 'contract_start', 'term_months', 'renewal_date', 'notice_days', 'arr', 'arr_start', 'currency', 'sales_owner', 'csm_owner', 'renewal_owner', 'kickoff_date', 'health', 'locale', 'industry', 'tags', 'notice_deadline', 'renewal_date_derived'];
const base: Record<string, unknown> = { baton: 'account', account: 'Acme', contract_start: '2026-04-01', term_months: 12 };
const frontmatterData = fc
  .tuple(fc.shuffledSubarray(KEYS), fc.array(anyValue, { minLength: KEYS.length, maxLength: KEYS.length }), fc.boolean())
  .map(([keys, values, keepBase]) => {
    const d: Record<string, unknown> = keepBase ? { ...base } : {};
    keys.forEach((k, i) => {
      if (!keepBase || i % 3 === 0 || !(k in base)) d[k] = values[i];
    });
    return d;
  });

describe('AccountFrontmatter without zod', () => {
  it('gives zod’s result: the same data (key order too) or the same issues', () => {
    fc.assert(
      fc.property(frontmatterData, (data) => {
        const before = JSON.stringify(Object.entries(data));
        const got = AccountFrontmatter.safeParse(data);
        const want = oracleSafeParse(data);
        expect(got).toEqual(want);
        if (got.success && want.success) expect(Object.keys(got.data)).toEqual(Object.keys(want.data));
        expect(JSON.stringify(Object.entries(data))).toBe(before);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the account and problems the zod path gave, in both languages', () => {
    fc.assert(
      fc.property(frontmatterData, fc.constantFrom<Locale | undefined>(undefined, 'en', 'ja'), (data, locale) => {
        const note = accountNoteFromCache('---\nbaton: account\n---\n', { frontmatter: data }, locale ? { locale } : {});
        if (note.kind !== 'account' || note.frontmatter.error || !note.frontmatter.present) return;
        const problems: Problem[] = [];
        const account = oracleValidate(note.frontmatter, problems, note.locale);
        expect(note.account).toEqual(account);
        if (note.account && account) expect(Object.keys(note.account)).toEqual(Object.keys(account));
        expect(note.problems.filter((p) => p.code.startsWith('frontmatter.'))).toEqual(problems);
      }),
      { numRuns: 5000 },
    );
  });

  it('derives the same renewal date and notice deadline for any real day, term and notice', () => {
    const day = fc.date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), fc.option(day), fc.option(fc.integer({ min: 0, max: 3650 })), (start, term, renewal, notice) => {
        const data: Record<string, unknown> = { baton: 'account', account: 'Acme', contract_start: start, term_months: term };
        if (renewal !== null) data['renewal_date'] = renewal;
        if (notice !== null) data['notice_days'] = notice;
        const note = accountNoteFromCache('---\nbaton: account\n---\n', { frontmatter: data });
        const problems: Problem[] = [];
        expect(note.account).toEqual(oracleValidate(note.frontmatter, problems, 'en'));
        expect(note.problems).toEqual(problems);
      }),
      { numRuns: 5000 },
    );
  });
});
