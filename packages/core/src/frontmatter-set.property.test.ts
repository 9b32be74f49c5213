import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatYamlScalar, readFrontmatter, setFrontmatterValue } from './frontmatter.js';
import { splitLinesKeepEol } from './text.js';

const RUNS = { numRuns: Number(process.env['BATON_FC_RUNS'] ?? 200) };

describe('setFrontmatterValue keeps what it does not change', () => {
  it('returns the text as it is when the value is already the one given: quotes and comment stay', () => {
    const text = '---\nkickoff_date: 2026-04-01 # booked by Kai\n---\n';
    expect(setFrontmatterValue(text, 'kickoff_date', '2026-04-01')).toBe(text);
    const quoted = "---\r\nstage: 'running'   # since May\r\nterm_months: \"12\"\r\narr: 48000 # USD\r\n---\r\n";
    expect(setFrontmatterValue(quoted, 'stage', 'running')).toBe(quoted);
    expect(setFrontmatterValue(quoted, 'term_months', '12')).toBe(quoted);
    expect(setFrontmatterValue(quoted, 'arr', 48000)).toBe(quoted);
    // A string '12' is not the number 12: the line is rewritten (and keeps its comment).
    expect(setFrontmatterValue(quoted, 'arr', '48000')).toBe(quoted.replace('arr: 48000 # USD', "arr: '48000' # USD"));
  });

  it('keeps the comment of a line whose value changes', () => {
    const set = (line: string, value: string | number, want: string) => expect(setFrontmatterValue(`---\nbaton: account\n${line}\n---\n# A\n`, 'k', value)).toBe(`---\nbaton: account\n${want}\n---\n# A\n`);
    set('k: 2026-04-01 # booked by Kai', '2026-04-08', 'k: 2026-04-08 # booked by Kai');
    set('k: 2026-04-01   # aligned', '2026-04-08', 'k: 2026-04-08   # aligned');
    set('k:\t# not booked yet', '2026-04-14', 'k: 2026-04-14\t# not booked yet');
    set('k: # not booked yet', '2026-04-14', 'k: 2026-04-14 # not booked yet');
    set("k: 'A # B' # legal name", 'Acme', 'k: Acme # legal name');
    set("k: 'it''s # x' # c", 'ok', 'k: ok # c');
    set('k: "a \\" # b" # c', 'ok', 'k: ok # c');
    set("k: it's \"a #b\"", 'ok', 'k: ok #b"');
    set('k: a#b', 'c', 'k: c');
    set('k: x #', 'z', 'k: z #');
    set('k:   # blanks kept', 'z', 'k: z   # blanks kept');
    set('k: x # c', '', "k: '' # c");
    set('k: x # c', 'a # b', "k: 'a # b' # c");
    set("'k': x # c", 7, 'k: 7 # c');
    // Flow collections: their quotes are not followed, so their comment goes with the old value.
    set('k: [a, "b #c"] # tags', 'z', 'k: z');
  });

  it('changes only the value of one line and keeps its comment; the same value changes nothing', () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,8}$/).filter((s) => !s.endsWith(' '));
    const value = fc.oneof(plain, fc.integer({ min: -5, max: 5000 }), fc.boolean(), fc.constantFrom('', "it's", 'a: b', '#x', 'x # y', '佐藤', '2026-04-01'));
    const comment = fc.oneof(fc.constant(''), fc.tuple(fc.constantFrom(' ', '  ', '\t', ' \t'), fc.stringMatching(/^[^\r\n]{0,10}$/)).map(([b, t]) => `${b}#${t}`));
    const written = fc.oneof(
      value.map((v) => formatYamlScalar(v)),
      plain.map((v) => `'${v}'`),
      plain.map((v) => `"${v}"`),
      fc.constant(''),
    );
    const eol = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(written, comment, value, eol, fc.boolean(), (old, c, v, nl, before) => {
        const line = `k:${old === '' ? '' : ` ${old}`}${c}`;
        const fm = before ? ['baton: account', line, 'other: 1 # keep'] : [line, 'baton: account'];
        const text = ['---', ...fm, '---', '# A', ''].join(nl);
        const start = readFrontmatter(text);
        if (start.error) return;
        const out = setFrontmatterValue(text, 'k', v);
        if (JSON.stringify(start.data?.['k']) === JSON.stringify(v)) {
          expect(out).toBe(text);
          return;
        }
        expect(out).toBeDefined();
        const a = splitLinesKeepEol(text);
        const b = splitLinesKeepEol(out!);
        expect(b.length).toBe(a.length);
        const at = a.findIndex((l) => l.startsWith('k:'));
        a.forEach((l, i) => i !== at && expect(b[i]).toBe(l));
        expect(b[at]).toBe(`k: ${formatYamlScalar(v)}${c}${nl}`);
        expect(readFrontmatter(out!).data).toEqual({ ...start.data, k: v });
        // Twice is once.
        expect(setFrontmatterValue(out!, 'k', v)).toBe(out);
      }),
      RUNS,
    );
  });
});
