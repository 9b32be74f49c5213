/** Line-level helpers shared by every parser and editor: lines keep their own EOL so edits can splice bytes exactly. */

/** Splits text into lines that keep their terminators (`\n`, `\r\n` or a lone `\r`). Joining them gives the input back. */
export function splitLinesKeepEol(text: string): string[] {
  const out: string[] = [];
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
  if (line.endsWith('\r\n')) return line.slice(0, -2);
  if (line.endsWith('\n') || line.endsWith('\r')) return line.slice(0, -1);
  return line;
}

/** The note's line ending (from its first line break), so inserted lines match the user's file. */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr >= 0 && (lf < 0 || cr < lf)) return lf === cr + 1 ? '\r\n' : '\r';
  return '\n';
}

/** Strips a UTF-8 byte-order mark if present. */
export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** NFKC folds full-width digits and letters (２０２６ → 2026) that Japanese IMEs produce. */
export function foldWidth(s: string): string {
  return s.normalize('NFKC');
}

/** Display width: East Asian wide characters count two columns, so tables line up in a monospace editor. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Marks which lines sit inside fenced code blocks (``` or ~~~); tasks and headings there are not real. */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inFence: boolean[] = new Array(lines.length).fill(false);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = stripEol(lines[i] ?? '');
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(l);
    if (fence === undefined) {
      if (m?.[1]) {
        fence = m[1];
        inFence[i] = true;
      }
    } else {
      inFence[i] = true;
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && l.trim() === m[1]) fence = undefined;
    }
  }
  return inFence;
}
