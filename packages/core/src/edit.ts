import type { Problem } from './problems.js';
import { detectEol, stripEol } from './text.js';
import type { Heading } from './sections.js';

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
 * Inserts `newLines` (without EOLs) at the end of a section's content, before its trailing
 * blank lines, so the blank line before the next heading stays where the user had it.
 */
export function appendToSection(text: string, lines: readonly string[], section: Heading, newLines: readonly string[]): string {
  const eol = detectEol(text);
  const out = [...lines];
  let at = section.end;
  while (at - 1 > section.line && stripEol(out[at - 1] ?? '').trim() === '') at--;
  if (at === out.length) terminateLast(out, eol);
  const block = newLines.map((l) => l + eol);
  out.splice(at, 0, ...block);
  return out.join('');
}

/**
 * Appends a new section (heading plus body lines) at the end of the note, separated by one
 * blank line. Used when the section the user asked for does not exist yet.
 */
export function appendSection(text: string, lines: readonly string[], heading: string, body: readonly string[]): string {
  const eol = detectEol(text);
  const out = [...lines];
  if (out.length > 0) terminateLast(out, eol);
  const tailBlank = out.length === 0 || stripEol(out[out.length - 1] ?? '').trim() === '';
  const block = [...(tailBlank ? [] : ['']), heading, '', ...body].map((l) => l + eol);
  return out.concat(block).join('');
}
