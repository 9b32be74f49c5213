import { describe, expect, it } from 'vitest';
import { parseAccountNote, STAGES, stageFromText } from './account.js';
import { accountNote } from './__fixtures__/notes.js';

describe('parseAccountNote', () => {
  it('derives renewal_date and notice deadline', () => {
    const n = parseAccountNote(accountNote({ notice_days: 60 }));
    expect(n.kind).toBe('account');
    expect(n.account).toMatchObject({ renewal_date: '2027-03-31', renewal_date_derived: true, notice_deadline: '2027-01-30' });
    expect(n.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('accepts Japanese stage aliases, full-width digits and comma money', () => {
    const n = parseAccountNote(accountNote({ stage: '活用', contract_start: '２０２６-０４-０１', arr: "'12,000,000'", term_months: "'１２'" }));
    expect(n.account).toMatchObject({ stage: 'adoption', contract_start: '2026-04-01', arr: 12000000, term_months: 12 });
  });

  it('keeps unknown keys', () => {
    const n = parseAccountNote(accountNote({ industry: 'Retail', tags: '[a, b]' }));
    expect(n.account?.['industry']).toBe('Retail');
    expect(n.account?.['tags']).toEqual(['a', 'b']);
  });

  it('ignores notes without the type marker', () => {
    const n = parseAccountNote('---\ntitle: Meeting\n---\n# Meeting\n');
    expect(n.kind).toBe('other');
    expect(n.problems).toEqual([]);
  });

  it('names the line and field of an impossible date and drops the account', () => {
    const n = parseAccountNote(accountNote({ contract_start: '2027-02-30' }));
    expect(n.account).toBeUndefined();
    expect(n.problems).toContainEqual(expect.objectContaining({ code: 'frontmatter.invalid', field: 'contract_start', line: 5, severity: 'error' }));
  });

  it('drops a bad optional field but keeps the account', () => {
    const n = parseAccountNote(accountNote({ kickoff_date: 20260415, notice_days: -3 }));
    expect(n.account).toBeDefined();
    expect(n.account?.kickoff_date).toBeUndefined();
    expect(n.problems.map((p) => p.field).sort()).toEqual(['kickoff_date', 'notice_days']);
  });

  it('rejects term 0 and reports a missing required field', () => {
    expect(parseAccountNote(accountNote({ term_months: 0 })).account).toBeUndefined();
    const n = parseAccountNote(accountNote({ contract_start: undefined }));
    expect(n.problems).toContainEqual(expect.objectContaining({ code: 'frontmatter.missing', field: 'contract_start' }));
  });

  it('reports broken YAML with a line, in Japanese when the note says so', () => {
    const n = parseAccountNote('---\nbaton: account\nlocale: ja\naccount: [Acme\n---\n');
    expect(n.kind).toBe('account');
    expect(n.problems[0]).toMatchObject({ code: 'frontmatter.yaml', severity: 'error' });
    const j = parseAccountNote('---\nbaton: account\naccount: "x\n---\n', { locale: 'ja' });
    expect(j.problems[0]?.message).toMatch(/YAML/);
    expect(j.problems[0]?.message).toMatch(/フロントマター/);
  });

  it('reports an unclosed frontmatter that claims to be an account', () => {
    const n = parseAccountNote('---\nbaton: account\naccount: Acme\n# body');
    expect(n.kind).toBe('account');
    expect(n.problems[0]?.code).toBe('frontmatter.unclosed');
  });

  it('handles CRLF, BOM and an empty value', () => {
    const n = parseAccountNote('\uFEFF' + accountNote({ kickoff_date: '' }).replace(/\n/g, '\r\n'));
    expect(n.account?.account).toBe('Acme');
    expect(n.account?.kickoff_date).toBeUndefined();
  });

  it('rejects a renewal date before the contract start', () => {
    const n = parseAccountNote(accountNote({ renewal_date: '2025-01-01' }));
    expect(n.account).toBeUndefined();
    expect(n.problems[0]?.code).toBe('frontmatter.renewal-before-start');
  });

  it('never throws on arbitrary text', () => {
    for (const s of ['', '---', '---\n---', '---\nbaton: account\n---', '\u0000\u0001', '---\n: :\n---\n', '---\n- a\n---\n']) {
      expect(() => parseAccountNote(s)).not.toThrow();
    }
  });
});

describe('enum messages', () => {
  it('lists the accepted stages, health values and locales', () => {
    const n = parseAccountNote(accountNote({ stage: 'kickoff', health: 'blue', locale: 'fr' }));
    const byField = Object.fromEntries(n.problems.map((p) => [p.field, p.message]));
    expect(byField['stage']).toMatch(/expected one of handoff, onboarding, running, adoption, advocacy, renewal, churned/);
    expect(byField['health']).toMatch(/green, yellow, red/);
    expect(byField['locale']).toMatch(/en or ja/);
    const ja = parseAccountNote(accountNote({ stage: 'kickoff' }), { locale: 'ja' });
    expect(ja.problems[0]?.message).toMatch(/運用・活用・ファン化/);
  });
});

describe('field validation, message by message', () => {
  // Each row: one raw YAML value → the exact English message (or the parsed value when valid).
  const rows: [key: string, raw: string | number | undefined, expected: { message: string } | { value: unknown }][] = [
    ['account', "'   '", { message: 'expected non-empty text on one line' }],
    ['account', "'  Acme KK '", { value: 'Acme KK' }],
    ['account', 2026, { value: '2026' }],
    ['account', '[a, b]', { message: 'expected non-empty text on one line' }],
    ['term_months', 1.5, { message: 'expected a whole number' }],
    ['term_months', 0, { message: 'must be at least 1' }],
    ['term_months', 121, { message: 'must be at most 120' }],
    ['term_months', '1e20', { message: 'expected a whole number' }],
    ['term_months', '.inf', { message: 'expected a whole number' }],
    ['term_months', '.nan', { message: 'expected a whole number' }],
    ['term_months', 'twelve', { message: 'expected a whole number' }],
    ['term_months', '１２', { value: 12 }],
    ['notice_days', -1, { message: 'must be at least 0' }],
    ['notice_days', 3651, { message: 'must be at most 3650' }],
    ['arr', '12,000,000', { value: 12_000_000 }],
    ['arr', '9007199254740993', { message: 'expected a whole number' }],
    ['arr', -5, { message: 'must be at least 0' }],
    ['currency', 'jpy', { value: 'JPY' }],
    ['currency', 'JP', { message: 'expected a 3-letter currency code such as JPY or USD' }],
    ['currency', 123, { message: 'expected a 3-letter currency code such as JPY or USD' }],
    ['stage', undefined, { value: 'handoff' }],
    ['stage', '運用', { value: 'running' }],
    ['stage', ' Adoption ', { value: 'adoption' }],
    ['health', 'at-risk', { value: 'red' }],
    ['kickoff_date', '2026-02-30', { message: 'expected a real calendar date written as YYYY-MM-DD' }],
    ['kickoff_date', 20260401, { message: 'expected a date written as YYYY-MM-DD' }],
  ];
  it.each(rows)('%s: %s', (key, raw, expected) => {
    const n = parseAccountNote(accountNote({ [key]: raw }));
    const p = n.problems.find((x) => x.field === key);
    if ('message' in expected) {
      expect(p?.message).toBe(`Field "${key}": ${expected.message}`);
      // A required field makes the note unusable; an optional one is dropped and the account kept.
      if (!['account', 'term_months'].includes(key) && n.kind === 'account') expect((n.account as unknown as Record<string, unknown>)[key]).toBeUndefined();
    } else {
      expect(p).toBeUndefined();
      expect(n.kind).toBe('account');
      if (n.kind === 'account') expect((n.account as unknown as Record<string, unknown>)[key]).toEqual(expected.value);
    }
  });
});

describe('field messages in Japanese', () => {
  it.each([
    ['term_months', 0, '項目「term_months」: 1 以上にしてください'],
    ['notice_days', 3651, '項目「notice_days」: 3650 以下にしてください'],
    ['term_months', 1.5, '項目「term_months」: 整数を書いてください'],
    ['currency', 'JP', '項目「currency」: JPY や USD のような3文字の通貨コードを書いてください'],
    ['kickoff_date', '2026-02-30', '項目「kickoff_date」: YYYY-MM-DD 形式の実在する日付を書いてください'],
    ['locale', 'fr', '項目「locale」: en か ja を書いてください'],
  ])('%s: %s', (key, raw, message) => {
    const n = parseAccountNote(accountNote({ [key]: raw }), { locale: 'ja' });
    expect(n.problems.find((p) => p.field === key)?.message).toBe(message);
  });
});

describe('unknown frontmatter keys', () => {
  it('keeps a `__proto__` key as a plain key of the account (no prototype change), and drops empty values', () => {
    const note = parseAccountNote('---\nbaton: account\naccount: Acme\ncontract_start: 2026-04-01\nterm_months: 12\n__proto__: {polluted: true}\nkickoff_date:\n---\n');
    const a = note.account as unknown as Record<string, unknown>;
    expect(note.problems).toEqual([]);
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.hasOwn(a, '__proto__')).toBe(true);
    expect(a['polluted']).toBeUndefined();
    expect(Object.hasOwn(a, 'kickoff_date')).toBe(false);
  });
});

describe('stageFromText', () => {
  it('reads a stage as the stage field does, and nothing else', () => {
    expect(stageFromText('running')).toBe('running');
    expect(stageFromText(' Adoption ')).toBe('adoption');
    expect(stageFromText('運用')).toBe('running');
    expect(stageFromText('ｌｉｖｅ')).toBe('running');
    expect(stageFromText('won')).toBeUndefined();
    expect(stageFromText('')).toBeUndefined();
    for (const s of STAGES) expect(stageFromText(s)).toBe(s);
  });
});

describe('owner and kickoff hints', () => {
  it('point at the empty key, and stay quiet when the value was refused with its own error', async () => {
    const { lintAccount } = await import('./lint.js');
    const lint = (fields: Record<string, string | number | undefined>) => lintAccount(parseAccountNote(accountNote({ csm_owner: undefined, stage: 'running', ...fields })), { today: '2026-11-22' });
    const at = (ps: { code: string; line: number }[], code: string) => ps.filter((p) => p.code === code).map((p) => p.line);
    // accountNote's lines: --- baton account stage contract_start term_months csm_owner renewal_owner, then the extra keys.
    const empty = lint({ csm_owner: '', kickoff_date: '' });
    expect(at(empty, 'owners.no-csm')).toEqual([7]);
    expect(at(empty, 'kickoff.missing')).toEqual([9]);
    const absent = lint({});
    expect(at(absent, 'owners.no-csm')).toEqual([1]);
    expect(at(absent, 'kickoff.missing')).toEqual([1]);
    const refused = lint({ csm_owner: '[Ann, Ben]', kickoff_date: '2026-02-30' });
    expect(at(refused, 'owners.no-csm')).toEqual([]);
    expect(at(refused, 'kickoff.missing')).toEqual([]);
    expect(refused.filter((p) => p.code === 'frontmatter.invalid').map((p) => p.field)).toEqual(['csm_owner', 'kickoff_date']);
  });
});
