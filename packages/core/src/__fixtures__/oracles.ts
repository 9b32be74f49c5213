/**
 * Reference implementations shared by the property tests that pin Baton's fast paths: the code a
 * fast path stands in for, kept as it was, so a test can compare the two on any input.
 */
import { expect } from 'vitest';
import { isIsoDay } from '../day-number.js';
import type { Task } from '../tasks.js';
import { stripEol } from '../text.js';

const TASK_RE = /^([ \t]*(?:>[ \t]*)*)([-*+]|\d+[.)])[ \t]+\[(.)\][ \t]+(.*)$/;
const ID_RE = /<!--\s*baton:([A-Za-z0-9][\w.-]*)(?:\s+\{([^}]*)\})?\s*-->/;
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
