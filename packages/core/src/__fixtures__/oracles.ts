/**
 * Reference implementations shared by the property tests that pin Baton's fast paths: the code a
 * fast path stands in for, kept as it was, so a test can compare the two on any input.
 */
import { expect } from 'vitest';
import { isIsoDay } from '../day-number.js';
import type { Task } from '../tasks.js';
import { stripEol } from '../text.js';

const TASK_RE = /^([ \t]*(?:>[ \t]*)*)([-*+]|\d+[.)])[ \t]+\[(.)\][ \t]+(.*)$/;
// No `{` in the anchor: `[^}]*` made a line of unclosed `{` take quadratic time.
const ID_RE = /<!--\s*baton:([A-Za-z0-9][\w.-]*)(?:\s+\{([^{}]*)\})?\s*-->/;
const DUE_RE = /📅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u;
const DONE_RE = /✅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u;
const EMOJI_FIELDS_RE = /\s*(?:📅|✅|⏳|🛫|➕|❌|🔁|⏫|🔼|🔽|⏬|🔺|🆔|⛔)\uFE0F?.*$/u;

/** The regex-based task-line parser `parseTaskLine` replaced: every line must give the same Task. */
export function regexTaskLine(raw: string, line: number): Task | undefined {
  const m = TASK_RE.exec(stripEol(raw));
  if (!m) return undefined;
  const status = m[3] ?? ' ';
  const text = m[4] ?? '';
  const idm = ID_RE.exec(text);
  const date = (re: RegExp) => {
    const d = re.exec(text)?.[1];
    return d && isIsoDay(d) ? d : undefined;
  };
  const done = status === 'x' || status === 'X';
  const title = (idm ? text.slice(0, idm.index) + text.slice(idm.index + idm[0].length) : text).replace(EMOJI_FIELDS_RE, '').replace(/\s+\^[\w-]+\s*$/, '');
  return {
    line,
    status,
    done,
    closed: done || status === '-',
    text,
    title: title.trim(),
    due: date(DUE_RE),
    doneDate: date(DONE_RE),
    id: idm?.[1],
    anchor: idm?.[2]?.trim() || undefined,
  };
}

/** Asserts that a fast path's Task for `raw` is `regexTaskLine`'s, key order included. */
export function expectRegexTask(got: Task | undefined, raw: string, line: number): void {
  const want = regexTaskLine(raw, line);
  expect(got).toEqual(want);
  if (got && want) expect(Object.keys(got)).toEqual(Object.keys(want));
}

/** Deep equality that also checks key order, tells 0 from -0 and NaN from a string, and compares Maps by entries. */
export function sameStrict(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameStrict(x, b[i]));
  if (a instanceof Map) return b instanceof Map && sameStrict([...a], [...b]);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.join('\0') === kb.join('\0') && ka.every((k) => sameStrict((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

// The flat frontmatter reader's value rules before it classified values in one pass, shared by the
// oracles of flat-yaml.test.ts (the regex-based reader) and flat-yaml-shape.property.test.ts.

/** The simplest integers: no sign, no leading zero, exact in a double. */
const INT_RE = /^(?:0|[1-9]\d{0,14})$/;
/**
 * Words the fast path leaves to js-yaml: null/true/false in any case (as keys: `Null:` is the key
 * 'null'), and a superset of what js-yaml's int and float types claim among digit-led scalars.
 */
const DECLINE_RE = /^(?:null|true|false|0[box].*|\d+(?:\.\d*)?(?:e[-+]?\d+)?)$/i;
/** An item of a `[word, word words]` flow list. */
export const FLOW_ITEM_RE = /^ *[A-Za-z][\w-]*(?: [\w-]+)* *$/;

/** A plain scalar: a string, a simple int, or undefined (left to js-yaml). */
export function plainScalar(v: string): unknown {
  const c = v.charCodeAt(0);
  if (c >= 48 && c <= 57) return INT_RE.test(v) ? Number(v) : DECLINE_RE.test(v) ? undefined : v;
  return declinedWord(v) ? undefined : v;
}

/** DECLINE_RE on a word that does not start with a digit: only null/true/false, so only n, t, f can start a match. */
export function declinedWord(v: string): boolean {
  const l = v.charCodeAt(0) | 32;
  return (l === 110 || l === 116 || l === 102) && DECLINE_RE.test(v);
}
