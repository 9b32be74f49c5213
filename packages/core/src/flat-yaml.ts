/**
 * A fast path for the frontmatter almost every note has: one `key: scalar` per line, nothing nested.
 * It reads exactly the subset below and returns what js-yaml's `load(raw, { schema: CORE_SCHEMA })`
 * returns for it; on anything else it returns undefined and the caller runs js-yaml, so errors,
 * messages and lines stay js-yaml's.
 *
 * Accepted lines: empty, or `key:` + (spaces | spaces + value + spaces), where `key` is
 * `[A-Za-z_][\w-]*` and value is one of
 * - a plain scalar starting with a letter, a digit, `_` or a non-ASCII character, without `: `,
 *   that is not null/true/false in any case nor a number other than a plain decimal integer;
 * - `'text'` / `"text"` with no quote inside (and no backslash in double quotes): no escapes to apply;
 * - `[]` or `[word, word words]`: a flow sequence of plain ASCII words.
 */
export function readFlatYaml(raw: string): Record<string, unknown> | undefined {
  if (BAD_RE.test(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (LINE_RE.lastIndex = 0; LINE_RE.lastIndex < raw.length; ) {
    const m = LINE_RE.exec(raw);
    if (!m) return undefined;
    const key = m[1];
    if (key === undefined) continue; // an empty line
    // `Null:` is the key 'null' and `True:` the key 'true'; `__proto__`, `constructor`… are
    // already "set" on a fresh object: all of them, and duplicates, go to js-yaml.
    if (out[key] !== undefined || DECLINE_RE.test(key)) return undefined;
    const value = m[2] === undefined ? null : flatValue(m[2]);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return out;
}

/**
 * Characters that send the whole text to js-yaml: tabs and other controls, `#` (comments),
 * U+007F–U+00A0 (NEL among them), U+2028/9, U+FEFF, surrogates, U+FFFE/F.
 */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_RE = /[\0-\t\v\f\x0e-\x1f#\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/;
/** One line from `lastIndex`: key, optional value (quoted, flow sequence or plain), EOL. */
const LINE_RE = /(?:([A-Za-z_][\w-]*):(?: +('[^'\r\n]*'|"[^"\\\r\n]*"|\[[^\]\r\n]*\]|[\w\u00a1-\uffff](?:[^:\r\n]|:(?=[^ \r\n]))*?))? *)?(?:\r\n?|\n|$)/y;
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

/** A plain scalar that starts with a letter, digit, `_` or non-ASCII character: a string, a simple int, or undefined. */
function plain(v: string): unknown {
  return INT_RE.test(v) ? Number(v) : DECLINE_RE.test(v) ? undefined : v;
}
