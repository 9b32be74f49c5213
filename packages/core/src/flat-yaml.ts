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
/** The simplest integers: no sign, no leading zero, exact in a double. */
const INT_RE = /^(?:0|[1-9]\d{0,14})$/;
/**
 * Words the fast path leaves to js-yaml: null/true/false in any case (as keys: `Null:` is the key
 * 'null'), and a superset of what js-yaml's int and float types claim among digit-led scalars.
 */
const DECLINE_RE = /^(?:null|true|false|0[box].*|\d+(?:\.\d*)?(?:e[-+]?\d+)?)$/i;
const FLOW_ITEM_RE = /^ *[A-Za-z][\w-]*(?: [\w-]+)* *$/;

function flatValue(v: string): unknown {
  const c = v[0];
  if (c === "'" || c === '"') return v.slice(1, -1);
  if (c !== '[') return plain(v);
  if (v === '[]') return [];
  const items = v.slice(1, -1).split(',').map((s) => (FLOW_ITEM_RE.test(s) ? plain(s.trim()) : undefined));
  return items.includes(undefined) ? undefined : items;
}

/** A plain scalar (as LINE_RE lets one start): a string, a simple int, or undefined. */
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
