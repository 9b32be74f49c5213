import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { load, CORE_SCHEMA, YAMLException } from 'js-yaml';
import { readFrontmatter, type Frontmatter } from './frontmatter.js';
import { splitLinesKeepEol, stripBom, stripEol } from './text.js';
import { sameStrict } from './__fixtures__/oracles.js';

// The regex-per-line readFrontmatter that the charCode scan and the flat-YAML fast path replaced: the oracle.
const OPEN_RE = /^---[ \t]*$/;
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_RE = /^([^\s#:'"\-?][^:]*?|'[^']*'|"[^"]*"):(?:[ \t]|$)/;
function oracle(text: string, lines: string[] = splitLinesKeepEol(text), parsed?: Record<string, unknown>): Frontmatter {
  const fm: Frontmatter = { lines, present: false, closed: false, endLine: -1, bodyStart: 0, data: undefined, error: undefined, keyLines: new Map(), raw: '' };
  const first = lines[0];
  if (first === undefined || !OPEN_RE.test(stripBom(stripEol(first)))) return fm;
  fm.present = true;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE_RE.test(stripEol(lines[i] ?? ''))) {
      fm.closed = true;
      fm.endLine = i;
      fm.bodyStart = i + 1;
      break;
    }
  }
  if (!fm.closed) {
    fm.error = { message: 'frontmatter opened with --- but never closed', line: 0 };
    return fm;
  }
  const yamlLines = lines.slice(1, fm.endLine);
  fm.raw = yamlLines.join('');
  for (let i = 0; i < yamlLines.length; i++) {
    const m = KEY_RE.exec(stripEol(yamlLines[i] ?? ''));
    if (m?.[1]) {
      const key = m[1].replace(/^['"]|['"]$/g, '').trim();
      if (!fm.keyLines.has(key)) fm.keyLines.set(key, i + 1);
    }
  }
  if (parsed !== undefined) {
    fm.data = parsed;
    return fm;
  }
  try {
    const value = load(fm.raw, { schema: CORE_SCHEMA, json: false });
    if (value === null || value === undefined) fm.data = {};
    else if (typeof value === 'object' && !Array.isArray(value)) fm.data = value as Record<string, unknown>;
    else fm.error = { message: 'frontmatter is not a list of key: value pairs', line: 1 };
  } catch (e) {
    if (e instanceof YAMLException) {
      const nul = e.reason?.includes('null byte') ? yamlLines.findIndex((l) => l.includes('\0')) : -1;
      const line = nul >= 0 ? nul + 1 : (e.mark?.line ?? 0) + 1;
      fm.error = { message: e.reason || e.message.split('\n')[0] || 'invalid YAML', line };
    } else {
      fm.error = { message: 'invalid YAML', line: 1 };
    }
  }
  return fm;
}

const same = sameStrict;

function agrees(text: string, parsed?: Record<string, unknown>): void {
  const lines = splitLinesKeepEol(text);
  const got = readFrontmatter(text, lines, parsed);
  const want = oracle(text, lines, parsed);
  if (!same(got, want)) expect({ text, got }).toEqual({ text, got: want });
}

const eol = fc.constantFrom('\n', '\r\n', '\r');
const delimiter = fc.constantFrom('---', '--- ', '---\t \t', '...', '... ', '----', ' ---', '-- -', '---x', '..', '---\u00a0', '---\u3000', '\ufeff---', '---\v');
const keyPiece = fc.constantFrom(
  'a', 'key', 'contract_start', '日本', 'ａ', ' ', '  ', '\t', '\v', '\f', '\u00a0', '\u3000', '\u2028', '\u1680', '\u200a', '\u202f', '\ufeff', '\x01', '\x7f', '\u0085',
  ':', ': ', ':\t', '::', "'", '"', "''", '""', '#', '-', '?', '[a, b]', 'http://x', ' # c', '\\',
);
const keyLine = fc.array(keyPiece, { maxLength: 7 }).map((p) => p.join(''));
const yamlLine = fc.oneof(
  { weight: 4, arbitrary: keyLine },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('baton', 'account', 'arr', 'tags', 'a', 'Null'), fc.constantFrom(': ', ':', ':  '), fc.constantFrom('account', 'Acme Inc', '2026-08-25', '42', '1.5', '', '[a, b]', "'x'", 'a # c', '\0', '"unterminated', '|', '~'))
      .map((t) => t.join('')),
  },
  { weight: 1, arbitrary: delimiter },
  { weight: 1, arbitrary: fc.constantFrom('', '  - a', '  b: 1', '- a', '# c', 'a', 'a: 1', 'a: 1') },
);
const note = fc
  .tuple(fc.constantFrom('', '', '\ufeff'), delimiter, fc.array(yamlLine, { maxLength: 10 }), fc.array(eol, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([bom, open, ls, eols, lastEol]) => {
    let out = bom + open;
    ls.forEach((l, i) => (out += eols[i % eols.length]! + l));
    return out + (lastEol ? eols[0]! : '');
  });

describe('readFrontmatter against the regex implementation', () => {
  it('finds the same delimiters, key lines, raw text, data and errors', () => {
    fc.assert(fc.property(note, (text) => agrees(text)), { numRuns: 20_000 });
  });

  it('finds the same delimiters, key lines and raw text with host-parsed data', () => {
    fc.assert(fc.property(note, (text) => agrees(text, { from: 'host' })), { numRuns: 10_000 });
  });

  it('agrees on typical notes', () => {
    const text = '\ufeff---\r\nbaton: account\r\naccount: Acme\r\n"quoted": 1\r\n\'q\' : 2\r\ncontract_start: 2026-01-01\r\ntags: [a, b]\r\n... \r\n# Acme\r\n';
    agrees(text);
    agrees(text.replace(/\r\n/g, '\n'));
    expect(readFrontmatter(text).data).toEqual({ baton: 'account', account: 'Acme', quoted: 1, q: 2, contract_start: '2026-01-01', tags: ['a', 'b'] });
  });
});
