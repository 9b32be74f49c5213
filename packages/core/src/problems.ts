/** Problems are data: hosts turn them into Obsidian notices, VS Code diagnostics or CLI lines. */

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'en' | 'ja';

export interface Problem {
  /** Stable machine-readable code, e.g. `frontmatter.yaml`, `stakeholders.single-key-person`. */
  code: string;
  severity: Severity;
  /** Human message in the requested locale. */
  message: string;
  /** 1-based line in the note (1 when the problem is about the whole note). */
  line: number;
  /** Frontmatter key, section id or table column the problem is about. */
  field?: string;
}

/** A message in both product languages. */
export interface Bilingual {
  en: string;
  ja: string;
}

/**
 * A problem whose message is `text` in `locale`. Hot callers pass the message already chosen for
 * the locale (`locale === 'ja' ? … : …`), so the other language's template is never built.
 */
export function problem(
  code: string,
  severity: Severity,
  text: Bilingual | string,
  line: number,
  locale: Locale = 'en',
  field?: string,
): Problem {
  const p: Problem = { code, severity, message: typeof text === 'string' ? text : text[locale], line: Math.max(1, line) };
  if (field !== undefined) p.field = field;
  return p;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The order of `sortProblems`: line, then severity, then code (equal codes skip the collator). */
export function compareProblems(a: Problem, b: Problem): number {
  return a.line - b.line || ORDER[a.severity] - ORDER[b.severity] || (a.code === b.code ? 0 : a.code.localeCompare(b.code));
}

/** Sorts by line, then severity, so output is stable across runs and time zones. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
