import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { load, CORE_SCHEMA } from 'js-yaml';
import { readFlatYaml } from './flat-yaml.js';
import { splitLinesKeepEol } from './text.js';
import { declinedWord as declined, FLOW_ITEM_RE, plainScalar as plain, sameStrict } from './__fixtures__/oracles.js';

const fast = (raw: string) => {
  const lines = splitLinesKeepEol(raw);
  return readFlatYaml(lines, 0, lines.length);
};

/** What readFrontmatter makes of js-yaml's answer: an empty document is `{}`; a throw is 'error'. */
const slow = (raw: string): unknown => {
  try {
    return load(raw, { schema: CORE_SCHEMA, json: false }) ?? {};
  } catch {
    return 'error';
  }
};

const same = sameStrict;

/** fast(raw) is undefined or exactly js-yaml's mapping. */
function agrees(raw: string): void {
  const f = fast(raw);
  if (f === undefined) return;
  const s = slow(raw);
  if (!same(f, s)) expect({ raw, fast: f }).toEqual({ raw, fast: s });
}

const keys = fc.constantFrom(
  'a', 'key', 'contract_start', 'arr', 'x1', 'a-b', '_x', '_', 'Null', 'null', 'NULL', 'nuLL', 'True', 'true', 'TRUE', 'false', 'False',
  'yes', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '1a', '0x1', '-a', '-', 'a b', 'a.b', '"q"', "'q'", 'q"', '日本',
  '? a', '&a', '*a', '!t', '<<', 'a#', '#c', '', ' a', '\ta', '\ufeffa', '\u3000a', 'a\u3000', '~', '.inf', '1', '0', '---', '...', '%YAML 1.2',
);
const seps = fc.constantFrom(':', ': ', ':  ', ':\t', ' :', '::', ': \t', ':\u3000', ':\u00a0', ': ', ': ', ': ');
const pieces = fc.constantFrom(
  'a', 'Acme', 'Acme Inc', ' ', '  ', '\t', '#', ' #', '#x', ':', ': ', ':x', '-', '- ', '0', '1', '7', '42', '007', '00', '-0', '+1', '-1', '0x1F', '0x', '0xg', '0o17',
  '0o8', '0b101', '0b2', '0X1F', '1e3', '1E-3', '1.', '1.5', '.5', '.', 'e3', '.inf', '-.inf', '+.Inf', '.NaN', '.nan', '.NAN', '~', 'null', 'Null', 'NULL', 'nUll', 'true',
  'True', 'TRUE', 'tRue', 'false', 'FALSE', 'yes', 'no', 'on', 'y', 'n', '2026-08-25', '2026-08-25T10:00:00Z', '１２', '日本語', '山田 太郎', '[', ']', '{', '}', ',', ', ',
  '[a, b]', '[customer, priority]', '[]', '[ ]', '[a,]', '[a,,b]', '[true, null]', '[1, 2]', '[a b,  c]', '[a: b]', '[[a]]', '[a]x', '{a: 1}', "'", '"', "''", '""', "'a'",
  '"a"', "'a''b'", '"a\\tb"', '"a\\"', '\\', '&a', '*a', '!', '!!str', '|', '>', '%', '@', '`', '?', '? ', '\u0085', '\u2028', '\u2029', '\u00a0', '\ufeff', '\u3000',
  '\ud800', '\udc00', '😀', '\x00', '\x01', '\x0b', '\x7f', '\x9f', '\ufffe', '\r', '\n', 'http://x.com', 'https://example-0.com/a?b=c#d', 'a:b', '_', 'O\'Brien', 'a "b"',
  '999999999999999', '9999999999999999', '12345678901234567890', '1' + '0'.repeat(400), '1_000', '0065g0000100000', '<<', '=', '(a)', 'é', 'Ａ', '<b>Eve</b>', '$1', '$', '/a/b', '/', '(', '<', '<<: *a', '+', '+.5',
);
const value = fc.array(pieces, { maxLength: 5 }).map((p) => p.join(''));
const prefixes = fc.constantFrom('', '', '', '', ' ', '  ', '\t', '- ', '# ', '--- ', '\ufeff');
const eols = fc.constantFrom('\n', '\r\n', '\r');
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(prefixes, keys, seps, value).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '# comment', '  - a', '  b: 1', '- a', '[a]', 'a', '{a: 1}', '? a', '...', '---') },
);
/** Mostly well-formed lines, so that many documents get past the fast path's checks. */
const nearLine = fc.tuple(fc.constantFrom('a', 'key', 'arr', 'x1', 'a-b', '_x', 'Null', 'true', 'constructor'), fc.constantFrom(': ', ':', ':  '), value).map((t) => t.join(''));
const nearDoc = fc.tuple(fc.array(nearLine, { maxLength: 4 }), eols).map(([ls, eol]) => ls.join(eol) + eol);
const doc = fc.tuple(fc.array(line, { maxLength: 8 }), eols, fc.boolean()).map(([ls, eol, lastEol]) => ls.join(eol) + (lastEol ? eol : ''));

/** Values js-yaml reads in the flat subset, and what they become. */
const typicalValue = fc.oneof(
  fc.constantFrom('account', 'running', 'Finch Harbor 0 Inc', 'USD', 'en', 'ja', 'green', 'NA', 'Enterprise', 'Ben Haddad', '山田 太郎', 'ヤマダ商事株式会社', 'Acme, Inc. (JP)', '<b>Eve</b>', '$1,000', '/shared/acme', '(JP) Acme'),
  fc.constantFrom('https://example-0.com', '0065g0000100000', '[customer, priority]', '[customer, standard]', '[]', "'0123'", '"Acme: Japan"', "'true'", ''),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.nat({ max: 10_000_000 }).map(String),
  fc.constantFrom('x~', 'nullable', 'True love', 'a-true'),
);
const typicalKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/).filter((k) => !['null', 'true', 'false', 'constructor'].includes(k) && !(k in {}));
const typical = fc.tuple(fc.uniqueArray(fc.tuple(typicalKey, typicalValue), { selector: (t) => t[0], minLength: 1, maxLength: 30 }), eols).map(([kv, eol]) =>
  kv.map(([k, v]) => `${k}:${v === '' ? '' : ' '}${v}${eol}`).join(''),
);

// The regex-based reader this file's one-pass scan replaced, kept verbatim as the oracle of what it accepts.
function regexReadFlatYaml(lines: readonly string[], from: number, to: number, keyLines?: Map<string, number>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    if (!LINE_RE.test(line)) return undefined;
    const colon = line.indexOf(':');
    if (colon < 0) continue; // an empty line
    const key = line.slice(0, colon);
    // `Null:` is the key 'null' and `True:` the key 'true'; `__proto__`, `constructor`… are
    // already "set" on a fresh object: all of them, and duplicates, go to js-yaml.
    if (out[key] !== undefined || declined(key)) return undefined;
    // LINE_RE matched: the value lies between the spaces after `:` and the spaces + EOL at the end
    // (no other character up to U+0020 is left on the line).
    let s = colon + 1;
    let e = line.length;
    while (line.charCodeAt(s) === 32) s++;
    while (e > s && line.charCodeAt(e - 1) <= 32) e--;
    const value = s === e ? null : flatValue(line.slice(s, e));
    if (value === undefined) return undefined;
    out[key] = value;
    keyLines?.set(key, i);
  }
  return out;
}

/**
 * One line, EOL included: nothing that sends it to js-yaml (tabs and other controls, `#`,
 * U+007F–U+00A0 with NEL, U+2028/9, U+FEFF, surrogates, U+FFFE/F; `.*` stops at the EOL or at
 * U+2028/9, which the class then catches), then empty or `key:` + optional value (quoted, flow
 * sequence, or plain without `: ` or a trailing `:`). A split line has its only CR/LF at its
 * end, so the classes need not exclude them.
 */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const LINE_RE = /^(?!.*[\0-\t\v\f\x0e-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff])(?:[A-Za-z_][\w-]*:(?: +(?:'[^']*'|"[^"\\]*"|\[[^\]]*\]|[\w\u00a1-\uffff<($/](?:[^:]|:(?=[^ \r\n]))*))? *)?[\r\n]*$/;

function flatValue(v: string): unknown {
  const c = v[0];
  if (c === "'" || c === '"') return v.slice(1, -1);
  if (c !== '[') return plain(v);
  if (v === '[]') return [];
  const items = v.slice(1, -1).split(',').map((s) => (FLOW_ITEM_RE.test(s) ? plain(s.trim()) : undefined));
  return items.includes(undefined) ? undefined : items;
}

/** The same answer and key lines as the regex-based reader, declines included. */
function asBefore(raw: string): void {
  const lines = splitLinesKeepEol(raw);
  const kNew = new Map<string, number>();
  const kOld = new Map<string, number>();
  const f = readFlatYaml(lines, 0, lines.length, kNew);
  const o = regexReadFlatYaml(lines, 0, lines.length, kOld);
  if (!sameStrict(f, o) || (o !== undefined && !sameStrict([...kNew], [...kOld]))) expect({ raw, f, kNew: [...kNew] }).toEqual({ raw, f: o, kNew: [...kOld] });
}

describe('readFlatYaml', () => {
  it('accepts and reads exactly what the regex-based reader did', () => {
    fc.assert(fc.property(doc, asBefore), { numRuns: 10_000 });
    fc.assert(fc.property(nearDoc, asBefore), { numRuns: 10_000 });
    fc.assert(fc.property(typical, asBefore), { numRuns: 2000 });
    fc.assert(fc.property(fc.tuple(keys, seps, fc.string({ unit: 'binary', maxLength: 12 })), eols, ([k, s, v], eol) => asBefore(k + s + v + eol)), { numRuns: 20_000 });
  });

  it('reads a typical account frontmatter like js-yaml', () => {
    const raw =
      'baton: account\naccount: 山田 Harbor 0 Inc\ncontract_start: 2025-07-06\nterm_months: 24\narr: 840000\nwebsite: https://example-0.com\ntags: [customer, standard]\ncrm_id: 0065g0000100000\nnps: 0\nnote:\nx: \'a\'\n';
    expect(fast(raw)).toEqual(slow(raw));
    expect(Object.keys(fast(raw)!)).toEqual(Object.keys(slow(raw) as object));
  });

  it('declines what it does not fully handle', () => {
    for (const raw of ['a: 1\na: 2\n', 'a: -0\n', 'a: 1.5\n', 'a: 007\n', 'a: 0x1F\n', 'a: x # c\n', 'a:\n  - b\n', 'a: [b, [c]]\n', 'Null: 1\n', '__proto__: 1\n', 'a: "\\t"\n', 'a: |\n  x\n', 'a:\tb\n', 'a: b: c\n', '? a\n', 'a: True\n', 'a: [x, null]\n'])
      expect(fast(raw), raw).toBeUndefined();
  });

  it('is undefined or exactly js-yaml on wild input', () => {
    fc.assert(fc.property(doc, agrees), { numRuns: 20_000 });
  });

  it('is undefined or exactly js-yaml on nearly flat input', () => {
    fc.assert(fc.property(nearDoc, agrees), { numRuns: 20_000 });
  });

  it('is undefined or exactly js-yaml on single lines of anything', () => {
    fc.assert(fc.property(fc.tuple(keys, seps, fc.string({ unit: 'binary', maxLength: 12 })), eols, ([k, s, v], eol) => agrees(k + s + v + eol)), { numRuns: 20_000 });
  });

  it('accepts the typical shapes (and agrees with js-yaml on them)', () => {
    fc.assert(
      fc.property(typical, (raw) => {
        const f = fast(raw);
        expect(f, raw).toBeDefined();
        expect(same(f, slow(raw)), raw).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
