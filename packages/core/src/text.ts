/** Line-level helpers shared by every parser and editor: lines keep their own EOL so edits can splice bytes exactly. */

/** Splits text into lines that keep their terminators (`\n`, `\r\n` or a lone `\r`). Joining them gives the input back. */
export function splitLinesKeepEol(text: string): string[] {
  const out: string[] = [];
  // Fast path: jump between line feeds; only notes that contain a CR take the careful loop.
  if (text.indexOf('\r') < 0) {
    let start = 0;
    for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
      out.push(text.slice(start, lf + 1));
      start = lf + 1;
    }
    if (start < text.length) out.push(text.slice(start));
    return out;
  }
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    } else if (c === 13) {
      const end = text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      out.push(text.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** A line without its terminator. */
export function stripEol(line: string): string {
  return line.slice(0, eolAt(line));
}

/** Where the line's terminator (`\n`, `\r\n` or `\r`) starts: its length without it. */
export function eolAt(line: string): number {
  let n = line.length;
  if (line.charCodeAt(n - 1) === 10) n--;
  return line.charCodeAt(n - 1) === 13 ? n - 1 : n;
}

/** `[ \t]` in a regex. */
export const blank = (c: number): boolean => c === 32 || c === 9;

/** True when `s` holds a JS line terminator, which a regex's `.` does not match (four scans beat one regex here). */
export const hasBreak = (s: string): boolean => s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0;

/** The note's line ending (from its first line break), so inserted lines match the user's file. */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr >= 0 && (lf < 0 || cr < lf)) return lf === cr + 1 ? '\r\n' : '\r';
  return '\n';
}

/**
 * The line ending for lines inserted before index `at`: the note's own, except after a line that
 * ends in a lone CR, where an inserted LF would fuse with it into one CRLF break.
 */
export function eolBefore(text: string, lines: readonly string[], at: number): '\n' | '\r\n' | '\r' {
  const prev = lines[at - 1];
  return prev !== undefined && prev.endsWith('\r') ? '\r' : detectEol(text);
}

/** Strips a UTF-8 byte-order mark if present. */
export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** NFKC folds full-width digits and letters (２０２６ → 2026) that Japanese IMEs produce. */
export function foldWidth(s: string): string {
  // ASCII is unchanged by NFKC: the common case skips the Unicode tables.
  return ASCII_RE.test(s) ? s : s.normalize('NFKC');
}
const ASCII_RE = /^[\0-\x7f]*$/;

/**
 * Display width in terminal/monospace cells: East Asian wide and full-width characters count two,
 * control characters, combining marks and zero-width spaces none — so tables and CLI columns
 * line up with Japanese text.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x300 && c < 0x370) || c === 0x200b) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** A code fence's opening or closing line: ``` or ~~~ after at most three spaces. */
export const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/** Marks which lines sit inside fenced code blocks (``` or ~~~); tasks and headings there are not real. */
export function fencedLines(lines: readonly string[]): boolean[] {
  // oxlint-disable-next-line unicorn/no-new-array -- one allocation at the final length, filled at once
  const out: boolean[] = new Array(lines.length).fill(false);
  // The open fence's marker, '' outside a fence.
  let fence = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const was = fence !== '';
    // A fence line starts with ``` or ~~~ after at most three spaces: check that cheaply first.
    let k = 0;
    while (raw.charCodeAt(k) === 32) k++;
    const c = raw.charCodeAt(k);
    if (c === 96 || c === 126) {
      const l = stripEol(raw);
      const m = FENCE_RE.exec(l)?.[1];
      if (!was) fence = m ?? '';
      else if (l.trim() === m && m[0] === fence[0] && m.length >= fence.length) fence = '';
    }
    if (was || fence !== '') out[i] = true;
  }
  return out;
}
