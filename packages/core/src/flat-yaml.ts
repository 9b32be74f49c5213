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
  const out: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    // A split line has its CR/LF only at its end: `e` is where they start.
    let e = line.length;
    while (e > 0 && (line.charCodeAt(e - 1) === 10 || line.charCodeAt(e - 1) === 13)) e--;
    if (e === 0) continue; // an empty line
    const k = line.indexOf(':');
    if (k < 1 || k >= e) return undefined;
    // Frontmatters repeat their keys in the same order: the key last seen at this offset is reused
    // when it matches, which spares hashing a fresh slice of the note for each lookup below.
    let key = seenKeys[i - from];
    if (key === undefined || key.length !== k || !line.startsWith(key)) {
      key = flatCopy(line.slice(0, k));
      if (!KEY_RE.test(key)) return undefined;
      if (i - from < 64) seenKeys[i - from] = key;
    }
    // `Null:` is the key 'null' and `True:` the key 'true'; `__proto__`, `constructor`… are
    // already "set" on a fresh object: all of them, and duplicates, go to js-yaml.
    if (out[key] !== undefined || declined(key)) return undefined;
    // After the colon: nothing, or spaces and then (optionally) a value and spaces.
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

/** Copies (never slices of a note), by line offset in the frontmatter. */
const seenKeys: string[] = [];
const KEY_RE = /^[A-Za-z_][\w-]*$/;
/** Characters js-yaml treats specially anywhere: controls and tabs, `#`, U+007F–U+00A0 with NEL, U+2028/9, U+FEFF, surrogates, U+FFFE/F. */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const SPECIAL_RE = /[\0-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/;
/**
 * A plain scalar js-yaml reads as text or a number: it starts with a word character, a non-ASCII
 * one, `<`, `(`, `$` or `/`, has no `: `, no trailing `:` and no special character.
 */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const PLAIN_RE = /^(?![\0-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff])[\w<($/\u00a1-\uffff](?:[^:\0-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]|:(?! |$))*$/;

/**
 * A value with no spaces around it: quoted without escapes, a flow list of words, or a plain
 * scalar (`PLAIN_RE`). Undefined for anything else.
 */
function scalar(v: string): unknown {
  const c = v[0]!;
  const last = v.length - 1;
  if (c !== "'" && c !== '"' && c !== '[') return PLAIN_RE.test(v) ? plain(v) : undefined;
  if (SPECIAL_RE.test(v)) return undefined;
  // A quoted value ends at its closing quote, a flow list at its `]`: no other one inside.
  if (c === '[') return v.indexOf(']') === last ? flowList(v.slice(1, -1)) : undefined;
  return last > 0 && v.indexOf(c, 1) === last && !(c === '"' && v.includes('\\')) ? v.slice(1, -1) : undefined;
}

/** The simplest integers: no sign, no leading zero, exact in a double. */
const INT_RE = /^(?:0|[1-9]\d{0,14})$/;
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
    const v = FLOW_ITEM_RE.test(s) ? plain(s.trim()) : undefined;
    if (v === undefined) return undefined;
    items.push(v);
  }
  return items;
}

/** A plain scalar (as `scalar` lets one start): a string, a simple int, or undefined. */
function plain(v: string): unknown {
  const c = v.charCodeAt(0);
  if (c >= 48 && c <= 57) return INT_RE.test(v) ? Number(v) : DECLINE_RE.test(v) ? undefined : v;
  return declined(v) ? undefined : v;
}

/** DECLINE_RE on a word that does not start with a digit: only null/true/false, so only n, t, f can start a match. */
function declined(v: string): boolean {
  const l = v.charCodeAt(0) | 32;
  return (l === 110 || l === 116 || l === 102) && DECLINE_RE.test(v);
}
