import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatYamlScalar, readFrontmatter, setFrontmatterValue } from './frontmatter.js';
import { load, CORE_SCHEMA } from 'js-yaml';

describe('readFrontmatter', () => {
  it('keeps dates as strings and never applies YAML 1.1 quirks', () => {
    const fm = readFrontmatter('---\ncontract_start: 2026-08-25\nn: n\nx: 060\n---\nbody');
    expect(fm.data).toEqual({ contract_start: '2026-08-25', n: 'n', x: 60 });
  });

  it('maps keys to their lines and finds the body', () => {
    const fm = readFrontmatter('---\r\nbaton: account\r\naccount: Acme\r\n---\r\n# Acme\r\n');
    expect(fm.keyLines.get('account')).toBe(2);
    expect(fm.bodyStart).toBe(4);
  });

  it('accepts a BOM before the opening delimiter', () => {
    expect(readFrontmatter('\uFEFF---\na: 1\n---\n').data).toEqual({ a: 1 });
  });

  it('reports unclosed frontmatter without throwing', () => {
    const fm = readFrontmatter('---\na: 1\n# no end');
    expect(fm.closed).toBe(false);
    expect(fm.error?.message).toMatch(/never closed/);
  });

  it('reports YAML errors with the note line', () => {
    const fm = readFrontmatter('---\na: 1\nb: [unclosed\nc: 2\n---\n');
    expect(fm.error).toBeDefined();
    expect(fm.error!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports duplicate keys', () => {
    const fm = readFrontmatter('---\na: 1\na: 2\n---\n');
    expect(fm.error?.message).toMatch(/duplicate/i);
    expect(fm.error?.line).toBe(2); // 0-based: the second 'a:' line
  });

  it('treats a note without frontmatter as having none', () => {
    const fm = readFrontmatter('# Just a note\n');
    expect(fm.present).toBe(false);
    expect(fm.data).toBeUndefined();
  });
});

describe('setFrontmatterValue', () => {
  const note = '---\r\nbaton: account\r\naccount: Acme\r\ncustom: keep me  # comment\r\n---\r\nBody\r\n';

  it('replaces exactly one line and keeps CRLF', () => {
    const out = setFrontmatterValue(note, 'account', 'Acme Japan')!;
    expect(out).toBe(note.replace('account: Acme\r\n', 'account: Acme Japan\r\n'));
  });

  it('inserts a new key before the closing delimiter', () => {
    const out = setFrontmatterValue(note, 'stage', 'running')!;
    expect(out).toBe(note.replace('---\r\nBody', 'stage: running\r\n---\r\nBody'));
  });

  it('is idempotent', () => {
    const once = setFrontmatterValue(note, 'renewal_date', '2027-03-31')!;
    expect(setFrontmatterValue(once, 'renewal_date', '2027-03-31')).toBe(once);
  });

  it('refuses invalid YAML and multi-line values', () => {
    expect(setFrontmatterValue('---\na: [\n---\n', 'a', 1)).toBeUndefined();
    expect(setFrontmatterValue('---\ntags:\n  - a\n---\n', 'tags', 'x')).toBeUndefined();
    expect(setFrontmatterValue('no frontmatter', 'a', 1)).toBeUndefined();
  });

  it('quotes scalars so they read back as the same string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 30 }).filter((s) => !/[\r\n\u0000-\u001f\u007f-\u009f\ufeff\u2028\u2029]/.test(s)), (s) => {
        const y = `k: ${formatYamlScalar(s)}\n`;
        expect((load(y, { schema: CORE_SCHEMA }) as { k: unknown }).k).toBe(s);
      }),
    );
  });
});

describe('setFrontmatterValue inside multi-line scalars', () => {
  it('refuses to edit a key line that YAML reads as part of an open quoted string', () => {
    const note = '---\nx: "unterminated\nstage: onboarding\n  still the string"\n---\n';
    expect(readFrontmatter(note).data).toEqual({ x: 'unterminated stage: onboarding still the string' });
    expect(setFrontmatterValue(note, 'stage', 'running')).toBeUndefined();
  });

  it('refuses when the new value would not read back as written', () => {
    expect(setFrontmatterValue('---\na: 1\n---\n', 'a', 'x\ny')).toBeUndefined();
  });
});

describe('frontmatter key lines', () => {
  // The line-by-line regex rule: readFrontmatter's fast path for plain keys must give the same map.
  const KEY_RE = /^([^\s#:'"\-?][^:]*?|'[^']*'|"[^"]*"):(?:[ \t]|$)/;
  const reference = (yamlLines: string[]) => {
    const m = new Map<string, number>();
    yamlLines.forEach((l, i) => {
      const k = KEY_RE.exec(l.replace(/\r\n$|\n$|\r$/, ''))?.[1];
      if (k && !m.has(k.replace(/^['"]|['"]$/g, '').trim())) m.set(k.replace(/^['"]|['"]$/g, '').trim(), i + 1);
    });
    return m;
  };
  const piece = fc.constantFrom('a', 'key', '_x', '9', ' ', '\t', ':', ': ', ':\t', "'", '"', '#', '-', '?', 'ａ', '日本', '\u00a0', 'http://x', '[a, b]');

  it('match the key regex on every line, with any EOL', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (rows, eol) => {
        // A `---` row would close the frontmatter early: not a key-line case.
        fc.pre(rows.every((r) => !/^(?:---|\.\.\.)[ \t]*$/.test(r.join(''))));
        const yamlLines = rows.map((r) => r.join('') + eol);
        const fm = readFrontmatter(`---${eol}${yamlLines.join('')}---${eol}`, undefined, {});
        expect([...fm.keyLines]).toEqual([...reference(yamlLines)]);
      }),
      { numRuns: 3000 },
    );
  });
});
