import type { Problem } from './problems.js';
import { eolBefore, stripEol } from './text.js';

/** The outcome of every note edit: new text, or the problems that stopped it (then nothing may be written). */
export type EditResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; problems: Problem[] };

export function unchanged(text: string): EditResult {
  return { ok: true, text, changed: false };
}

export function changedTo(before: string, after: string): EditResult {
  return { ok: true, text: after, changed: after !== before };
}

export function failed(problems: Problem[]): EditResult {
  return { ok: false, problems };
}

/** Ensures `lines` ends with a terminated line so appended lines start on a fresh line. */
function terminateLast(lines: string[], eol: string): void {
  const last = lines.length - 1;
  const l = lines[last];
  if (l !== undefined && stripEol(l) === l) lines[last] = l + eol;
}

/**
 * Appends a new section (heading plus body lines) at the end of the note, separated by one
 * blank line. Used when the section the user asked for does not exist yet.
 */
export function appendSection(text: string, lines: readonly string[], heading: string, body: readonly string[]): string {
  const eol = eolBefore(text, lines, lines.length);
  const out = [...lines];
  if (out.length > 0) terminateLast(out, eol);
  const tailBlank = out.length === 0 || stripEol(out[out.length - 1] ?? '').trim() === '';
  const block = [...(tailBlank ? [] : ['']), heading, '', ...body].map((l) => l + eol);
  return out.concat(block).join('');
}
