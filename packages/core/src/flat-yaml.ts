import { Shape } from './shape.js';
import { flatCopy } from './string-pool.js';

/**
 * A fast path for the frontmatter almost every note has: one `key: scalar` per line, nothing nested.
 * It reads exactly the subset below and returns what js-yaml's `load(raw, { schema: CORE_SCHEMA })`
 * returns for it; on anything else it returns undefined and the caller runs js-yaml, so errors,
 * messages and lines stay js-yaml's.
 *
 * Accepted lines: empty, or `key:` + (spaces | spaces + value + spaces), where `key` is
 * `[A-Za-z_][\w-]*` and value is one of
 * - a plain scalar starting with a letter, a digit, `_`, `<`, `(`, `$`, `/` or a non-ASCII character, without `: `,
 *   that is not null/true/false in any case nor a number other than a plain decimal integer;
 * - `'text'` / `"text"` with no quote inside (and no backslash in double quotes): no escapes to apply;
 * - `[]` or `[word, word words]`: a flow sequence of plain ASCII words.
 *
 * `keyLines`, when given, gets each key's line index (part of it when the answer is undefined).
 */
export function readFlatYaml(lines: readonly string[], from: number, to: number, keyLines?: Map<string, number>): Record<string, unknown> | undefined {
  const out = read(lines, from, to, keyLines);
  // The values are slices of the note: the module's scratch must not keep one alive (answered or declined).
  values.fill(undefined);
  return out;
}

function read(lines: readonly string[], from: number, to: number, keyLines?: Map<string, number>): Record<string, unknown> | undefined {
  let n = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    // A split line has its CR/LF only at its end: `e` is where they start.
    let e = line.length;
    while (e > 0 && (line.charCodeAt(e - 1) === 10 || line.charCodeAt(e - 1) === 13)) e--;
    if (e === 0) continue; // an empty line
    const k = line.indexOf(':');
    if (k < 1 || k >= e) return undefined;
    // Frontmatters repeat their keys in the same order: the last shape's key at this place is
    // reused when it matches (it passed the checks below), which spares hashing a fresh slice.
    let key = FLAT.keys[n];
    if (key === undefined || key.length !== k || !line.startsWith(key)) {
      key = flatCopy(line.slice(0, k));
      // `Null:` is the key 'null' and `True:` the key 'true': they go to js-yaml (and so do
      // duplicates and `__proto__`, `constructor`…, below).
      if (!KEY_RE.test(key) || declined(key)) return undefined;
    }
    // After the colon: nothing, or spaces and then (optionally) a value and spaces.
    let s = k + 1;
    let value: unknown = null;
    if (s < e) {
      if (line.charCodeAt(s) !== 32) return undefined;
      while (line.charCodeAt(s) === 32) s++;
      while (e > s && line.charCodeAt(e - 1) === 32) e--;
      if (e > s && (value = scalar(line.slice(s, e))) === undefined) return undefined;
    }
    keys[n] = key;
    values[n++] = value;
    keyLines?.set(key, i);
  }
  // Keys set one by one past a dozen or so make V8 store an object as a hash map (slow to copy and
  // read): the object comes from a template of this key order (built for every new order too: a
  // frontmatter returned as a hash map would make validate's copy slow). A duplicate key, or one a
  // fresh object already "has" (`__proto__`, `constructor`…), goes to js-yaml.
  return FLAT.make(keys, values, n);
}

/** Scratch for one call: the keys (copies) and values (cleared after the call) read, in order. */
const keys: string[] = [];
const values: unknown[] = [];
/** The last accepted frontmatter's keys (copies, never slices of a note) and its template. */
const FLAT = new Shape();
const KEY_RE = /^[A-Za-z_][\w-]*$/;
/** Characters js-yaml treats specially anywhere: controls and tabs, `#`, U+007F–U+00A0 with NEL, U+2028/9, U+FEFF, surrogates, U+FFFE/F. */
const special = (x: number): boolean => x < 32 || x === 35 || (x > 126 && x < 161) || x === 0x2028 || x === 0x2029 || x === 0xfeff || (x > 0xd7ff && x < 0xe000) || x > 0xfffd;

/**
 * A value with no spaces around it: quoted without escapes, a flow list of words, or a plain
 * scalar js-yaml reads as text or a number: one that starts with a word character, `<`, `(`, `$`,
 * `/` or a non-ASCII one and has no `: ` and no trailing `:`. None has a special character.
 * Undefined for anything else.
 */
function scalar(v: string): unknown {
  const c = v.charCodeAt(0);
  const last = v.length - 1;
  const digit = c >= 48 && c <= 57;
  const bracketed = c === 39 || c === 34 || c === 91;
  if (!(bracketed || digit || ((c | 32) >= 97 && (c | 32) <= 122) || c > 160 || '_<($/'.includes(v[0]!))) return undefined;
  // `d`: where the leading digits end.
  let d = digit ? last + 1 : 0;
  for (let i = 0; i <= last; i++) {
    const x = v.charCodeAt(i);
    // (Most characters are printable ASCII after `:`.)
    if (x > 58 ? x > 126 && special(x) : special(x) || (x === 58 && !bracketed && (i === last || v.charCodeAt(i + 1) === 32))) return undefined;
    if (d > i && (x < 48 || x > 57)) d = i;
  }
  // A quoted value ends at its closing quote, a flow list at its `]`: no other one inside.
  if (c === 91) return v.indexOf(']') === last ? flowList(v.slice(1, -1)) : undefined;
  if (bracketed) return last > 0 && v.indexOf(v[0]!, 1) === last && !(c === 34 && v.includes('\\')) ? v.slice(1, -1) : undefined;
  if (!digit) return declined(v) ? undefined : v;
  // Digits only: a simple int, or (a leading zero, too long) js-yaml's. Else js-yaml's int and float
  // types can only claim `0…` (`0x1F`) or digits followed by `.` or an exponent (not a date).
  if (d > last) return (c !== 48 || last === 0) && last < 15 ? Number(v) : undefined;
  const x = v.charCodeAt(d) | 32;
  return (c === 48 || x === 46 || x === 101) && DECLINE_RE.test(v) ? undefined : v;
}

/**
 * Words the fast path leaves to js-yaml: null/true/false in any case (as keys: `Null:` is the key
 * 'null'), and a superset of what js-yaml's int and float types claim among digit-led scalars.
 */
const DECLINE_RE = /^(?:null|true|false|0[box].*|\d+(?:\.\d*)?(?:e[-+]?\d+)?)$/i;
const FLOW_ITEM_RE = /^ *[A-Za-z][\w-]*(?: [\w-]+)* *$/;

/** `[]` or `[word, word words]` (the brackets' inside). */
function flowList(inside: string): unknown {
  if (inside === '') return [];
  const items: unknown[] = [];
  for (const s of inside.split(',')) {
    const v = s.trim();
    if (!FLOW_ITEM_RE.test(s) || declined(v)) return undefined;
    items.push(v);
  }
  return items;
}

/** DECLINE_RE on a word that does not start with a digit: only null/true/false, so only n, t, f can start a match. */
function declined(v: string): boolean {
  const l = v.charCodeAt(0) | 32;
  return (l === 110 || l === 116 || l === 102) && DECLINE_RE.test(v);
}
