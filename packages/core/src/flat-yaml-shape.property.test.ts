import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFlatYaml } from './flat-yaml.js';
import { splitLinesKeepEol } from './text.js';
import { declinedWord as declined, FLOW_ITEM_RE, plainScalar as plain, sameStrict } from './__fixtures__/oracles.js';

// readFlatYaml as it was before it reused the last frontmatter's keys and shape and classified
// plain values in one pass over their codes (PLAIN_RE, INT_RE), kept verbatim as the oracle (its
// plain-value rules, which the regex-based reader had too, are in __fixtures__/oracles.ts).
function oldReadFlatYaml(lines: readonly string[], from: number, to: number, keyLines?: Map<string, number>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    let e = line.length;
    while (e > 0 && (line.charCodeAt(e - 1) === 10 || line.charCodeAt(e - 1) === 13)) e--;
    if (e === 0) continue;
    const k = line.indexOf(':');
    if (k < 1 || k >= e) return undefined;
    const key = line.slice(0, k);
    if (!KEY_RE.test(key)) return undefined;
    if (out[key] !== undefined || declined(key)) return undefined;
    let s = k + 1;
    let value: unknown = null;
    if (s < e) {
      if (line.charCodeAt(s) !== 32) return undefined;
      while (line.charCodeAt(s) === 32) s++;
      while (e > s && line.charCodeAt(e - 1) === 32) e--;
      if (e > s && (value = scalar(line.slice(s, e))) === undefined) return undefined;
    }
    out[key] = value;
    keyLines?.set(key, i);
  }
  return out;
}
const KEY_RE = /^[A-Za-z_][\w-]*$/;
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const SPECIAL_RE = /[\0-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/;
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const PLAIN_RE = /^(?![\0-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff])[\w<($/\u00a1-\uffff](?:[^:\0-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]|:(?! |$))*$/;
function scalar(v: string): unknown {
  const c = v[0]!;
  const last = v.length - 1;
  if (c !== "'" && c !== '"' && c !== '[') return PLAIN_RE.test(v) ? plain(v) : undefined;
  if (SPECIAL_RE.test(v)) return undefined;
  if (c === '[') return v.indexOf(']') === last ? flowList(v.slice(1, -1)) : undefined;
  return last > 0 && v.indexOf(c, 1) === last && !(c === '"' && v.includes('\\')) ? v.slice(1, -1) : undefined;
}
function flowList(inside: string): unknown {
  if (inside === '') return [];
  const items: unknown[] = [];
  for (const s of inside.split(',')) {
    const v = FLOW_ITEM_RE.test(s) ? plain(s.trim()) : undefined;
    if (v === undefined) return undefined;
    items.push(v);
  }
  return items;
}

/** The same answer (key order included) and, when there is one, the same key lines as the old reader. */
function asOld(raw: string): void {
  const lines = splitLinesKeepEol(raw);
  const kNew = new Map<string, number>();
  const kOld = new Map<string, number>();
  const f = readFlatYaml(lines, 0, lines.length, kNew);
  const o = oldReadFlatYaml(lines, 0, lines.length, kOld);
  if (!sameStrict(f, o) || (o !== undefined && !sameStrict([...kNew], [...kOld]))) expect({ raw, f, kNew: [...kNew] }).toEqual({ raw, f: o, kNew: [...kOld] });
  if (f !== undefined) {
    expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
    // A fresh object each time: writing to one answer changes no later one.
    for (const k of Object.keys(f)) f[k] = 'written';
  }
}

const baseKeys = ['baton', 'account', 'stage', 'contract_start', 'term_months', 'renewal_date', 'notice_days', 'arr', 'currency', 'sales_owner', 'health', 'locale', 'industry', 'region', 'segment', 'crm_id', 'seats', 'website', 'tags', 'created', 'nps'];
const oddKeys = ['constructor', 'toString', '__proto__', 'Null', 'true', 'False', 'a b', '1a', 'x', 'arr ', ' arr', 'ar', 'arrr', 'Arr', 'baton_', 'renewal'];
/** Values, weighted to the edges of the one-pass classification: digits, `:`, specials, unicode. */
const pieces = fc.constantFrom(
  'a', 'Acme', 'Acme Inc', ' ', '0', '1', '7', '9', '42', '007', '00', '0x1F', '0X1f', '0b1', '0B1', '0o7', '0O7', '0a', '0e', '0E5', '1e3', '1E-3', '1e+3', '1e', '1.', '1.5', '.5', '.',
  '-', '-1', '+1', '2026-08-25', '2026-08-25T10:00:00Z', '1:2', '12:30', ':', ': ', ':x', '#', ' #', 'x#', '１２', '日本語', '山田 太郎', 'Ａ', 'é', '\u00a0', '\u00a1', '\u009f', '\x7f',
  '\x1f', '\t', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udfff', '😀', '\u3000', '<', '(', '$', '/', '_', '=', '@', '[', ']', '{', '`', '~', '!', '&', '*', '|', '>',
  '%', '?', ',', "'", '"', '\\', 'null', 'Null', 'true', 'TRUE', 'false', 'no', '[a, b]', '[]', '[null]', '[a,]', '999999999999999', '9999999999999999', '123456789012345', '1234567890123456',
  'https://example-0.com', '0065g0000100000', "'q'", '"q"', "'a: b'", '"a: b"', "'a:'", '"a:"', '[a: b]', '[a:]', "'a:b'",
);
const value = fc.oneof(fc.array(pieces, { minLength: 0, maxLength: 4 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 6 }));
const eols = fc.constantFrom('\n', '\r\n', '\r');

/** Documents that share a base list of keys, each edited a little: the reuse of the last shape is tested across calls. */
const edit = fc.oneof(
  fc.constant((ks: string[]) => ks),
  fc.nat().map((i) => (ks: string[]) => ks.filter((_, j) => j !== i % ks.length)),
  fc.nat().map((i) => (ks: string[]) => [...ks.slice(0, i % ks.length), ks[i % ks.length]!, ...ks.slice(i % ks.length)]),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (ks: string[]) => {
    const o = [...ks];
    [o[i % o.length], o[j % o.length]] = [o[j % o.length]!, o[i % o.length]!];
    return o;
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...oddKeys)).map(([i, k]) => (ks: string[]) => ks.map((x, j) => (j === i % ks.length ? k : x))),
  fc.tuple(fc.nat(), fc.constantFrom('', '# c', 'x', ' ')).map(([i, l]) => (ks: string[]) => [...ks.slice(0, i % ks.length), `\u0000${l}`, ...ks.slice(i % ks.length)]),
);
const doc = fc.tuple(fc.subarray(baseKeys, { minLength: 1 }), edit, fc.array(value, { minLength: 30, maxLength: 30 }), fc.array(fc.constantFrom(': ', ':', ':  '), { minLength: 30, maxLength: 30 }), eols).map(([base, ed, vs, seps, eol]) =>
  ed(base)
    .map((k, i) => (k.startsWith('\u0000') ? k.slice(1) : `${k}${seps[i]}${vs[i]}`) + eol)
    .join(''),
);
/** The bench's frontmatter with a few values replaced: the usual case, one shape after another. */
const usual = fc.tuple(fc.array(fc.tuple(fc.nat(baseKeys.length - 1), value), { maxLength: 3 }), eols).map(([changes, eol]) => {
  const vs = ['account', 'Finch Harbor 0 Inc', 'churned', '2025-07-06', '24', '2027-07-06', '30', '840000', 'USD', 'Ben Haddad', 'green', 'en', 'Healthcare', 'NA', 'Enterprise', '0065g0000100000', '399', 'https://example-0.com', '[customer, standard]', '2025-06-22', '7'];
  for (const [i, v] of changes) vs[i] = v;
  return baseKeys.map((k, i) => `${k}: ${vs[i]}${eol}`).join('');
});

describe('readFlatYaml (shape reuse, one-pass values)', () => {
  it('reads every document of a sequence as the old reader did', () => {
    fc.assert(fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (docs) => docs.forEach(asOld)), { numRuns: 3000 });
    fc.assert(fc.property(fc.array(usual, { minLength: 1, maxLength: 6 }), (docs) => docs.forEach(asOld)), { numRuns: 3000 });
  });

  it('classifies any value as the old reader did', () => {
    fc.assert(fc.property(value, eols, (v, eol) => asOld(`a: ${v}${eol}b: x${eol}`)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 8 }), (v) => asOld(`k: ${v}\n`)), { numRuns: 5000 });
    fc.assert(fc.property(fc.stringMatching(/^[0-9][0-9a-fA-FxXbBoOeE.+:-]{0,17}$/), (v) => asOld(`n: ${v}\n`)), { numRuns: 10_000 });
  });
});
