import { load, CORE_SCHEMA, YAMLException } from 'js-yaml';
import { splitLinesKeepEol, stripEol, detectEol } from './text.js';
import { readFlatYaml } from './flat-yaml.js';

/** Where the frontmatter sits in a note and what it holds. Line numbers are 0-based indexes into `lines`. */
export interface Frontmatter {
  /** The note split into lines that keep their EOL. */
  lines: string[];
  /** True when the note opens with `---`. */
  present: boolean;
  /** True when the opening `---` has a matching closing `---` or `...`. */
  closed: boolean;
  /** Index of the closing delimiter (or -1). */
  endLine: number;
  /** First body line index. */
  bodyStart: number;
  /** Parsed mapping, or undefined when absent or invalid. */
  data: Record<string, unknown> | undefined;
  /** YAML failure, with a 0-based note line. */
  error: { message: string; line: number } | undefined;
  /** Top-level key → 0-based line index of its `key:` line. */
  keyLines: Map<string, number>;
  /** The raw YAML text between the delimiters. */
  raw: string;
}

// The patterns apply to whole lines, EOL included (no substring per line): a line from
// splitLinesKeepEol ends in at most one EOL, so `(?:\r\n?|\n)?$` is "end of the line's text".
const OPEN_RE = /^\uFEFF?---[ \t]*(?:\r\n?|\n)?$/;
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*(?:\r\n?|\n)?$/;
const KEY_RE = /^(?:[^\s#:'"\-?][^:]*?|'[^']*'|"[^"]*"):(?:[ \t]|(?:\r\n?|\n)?$)/;
const QUOTES_RE = /^['"]|['"]$/g;

/**
 * Locates and parses YAML frontmatter with the YAML 1.2 core schema: dates stay strings,
 * `n` stays `n`, `060` stays 60. Never throws: YAML errors come back in `error`.
 *
 * @example
 * readFrontmatter('---\nbaton: account\n---\n# Acme').data // { baton: 'account' }
 */
export function readFrontmatter(text: string, lines: string[] = splitLinesKeepEol(text), parsed?: Record<string, unknown>): Frontmatter {
  const fm: Frontmatter = {
    lines,
    present: false,
    closed: false,
    endLine: -1,
    bodyStart: 0,
    data: undefined,
    error: undefined,
    keyLines: new Map(),
    raw: '',
  };
  const first = lines[0];
  if (first === undefined || !OPEN_RE.test(first)) return fm;
  fm.present = true;
  // `lines` are `text` split: the YAML is one slice of it, up to `end`.
  let end = first.length;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    // Most lines cannot close: one char test before the regex.
    const c = l.charCodeAt(0);
    if ((c === 45 || c === 46) && CLOSE_RE.test(l)) {
      fm.closed = true;
      fm.endLine = i;
      fm.bodyStart = i + 1;
      break;
    }
    end += l.length;
  }
  if (!fm.closed) {
    fm.error = { message: 'frontmatter opened with --- but never closed', line: 0 };
    return fm;
  }
  fm.raw = text.slice(first.length, end);
  // Flat `key: scalar` frontmatter (nearly every note) skips js-yaml, and its keys' lines come with
  // it: there each non-empty line is `key:` with a plain key, just what the scan below would find.
  if (parsed === undefined) {
    fm.data = readFlatYaml(lines, 1, fm.endLine, fm.keyLines);
    if (fm.data) return fm;
    fm.keyLines.clear();
  }
  for (let i = 1; i < fm.endLine; i++) {
    const l = lines[i] ?? '';
    if (!KEY_RE.test(l)) continue;
    // `test` allocates no match: the key the regex captured ends at the closing quote of a quoted
    // key, else at the first `:` (the lazy `[^:]*?` cannot pass one).
    const quoted = l[0] === "'" || l[0] === '"';
    const k = l.slice(0, quoted ? l.indexOf(l[0]!, 1) + 1 : l.indexOf(':'));
    // The quote strip only changes a key that starts or ends with a quote: skip the regex otherwise.
    const key = (quoted || k.endsWith("'") || k.endsWith('"') ? k.replace(QUOTES_RE, '') : k).trim();
    if (!fm.keyLines.has(key)) fm.keyLines.set(key, i);
  }
  // A host that already parsed the YAML (Obsidian's metadataCache) hands it over: no second parse.
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
      // js-yaml rejects a NUL before parsing, with no position: point at the line that has it.
      const nul = e.reason?.includes('null byte') ? lines.slice(1, fm.endLine).findIndex((l) => l.includes('\0')) : -1;
      const line = nul >= 0 ? nul + 1 : (e.mark?.line ?? 0) + 1;
      fm.error = { message: e.reason || e.message.split('\n')[0] || 'invalid YAML', line };
    } else {
      fm.error = { message: 'invalid YAML', line: 1 };
    }
  }
  return fm;
}

/** A scalar written the way a human would in frontmatter; quoted only when YAML needs it. */
export function formatYamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (value === '') return "''";
  const plainSafe =
    /^[^\s'"#&*!|>%@`{}[\],?:-][^#]*$/.test(value) &&
    !/:\s|\s#|:$/.test(value) &&
    !/\s$/.test(value) &&
    !/^(true|false|null|~|yes|no|on|off|y|n)$/i.test(value) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) &&
    !/^0[xo]/i.test(value);
  if (plainSafe) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Sets one top-level key, touching only that key's line (or inserting one line before the
 * closing delimiter). Returns undefined when the frontmatter is missing, unclosed or the
 * key's current value spans several lines — callers must not guess there.
 */
export function setFrontmatterValue(text: string, key: string, value: string | number | boolean): string | undefined {
  const fm = readFrontmatter(text);
  if (!fm.present || !fm.closed || fm.error) return undefined;
  const lines = [...fm.lines];
  const eol = detectEol(text);
  const rendered = `${key}: ${formatYamlScalar(value)}`;
  const at = fm.keyLines.get(key);
  if (at !== undefined) {
    // Already that value (as YAML reads it, compared as the check below compares): the line, its
    // quotes and its comment stay as written.
    if (same(fm.data?.[key], value)) return text;
    const next = lines[at + 1];
    if (at + 1 < fm.endLine && next !== undefined && /^[ \t-]/.test(next)) return undefined;
    const old = stripEol(lines[at] ?? '');
    const lineEol = (lines[at] ?? '').slice(old.length) || eol;
    // A trailing ` # comment` stays on the line (the key ends at its `:`, or a quoted key's closing quote).
    lines[at] = rendered + (COMMENT_RE.exec(old.slice(old.indexOf(':', old[0] === "'" || old[0] === '"' ? old.indexOf(old[0], 1) : 0) + 1))?.[1] ?? '') + lineEol;
  } else {
    lines.splice(fm.endLine, 0, rendered + eol);
  }
  const out = lines.join('');
  // The key scan is line-based; a multi-line scalar (an open quote running over later lines) can
  // hide a `key:` line inside a string. Only accept the edit if YAML agrees that exactly this key
  // changed, to exactly this value.
  const after = readFrontmatter(out);
  if (after.error || !after.data) return undefined;
  const expected = { ...fm.data, [key]: value };
  const keys = new Set([...Object.keys(expected), ...Object.keys(after.data)]);
  for (const k of keys) if (!same(after.data[k], expected[k])) return undefined;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The comment after a one-line value (group 1, with the blanks before its `#`): after a quoted
 * scalar, or a plain one (not a flow collection or block scalar, whose quotes or lines this does
 * not follow; their comment goes with the old value, as before). No two ways to split a blank run:
 * linear on any line.
 */
const COMMENT_RE = /^(?:[ \t]*(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s'"[{|>#](?:[^]*?[^ \t])?))?([ \t]+#[^]*)$/;
