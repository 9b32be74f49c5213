import { statSync, writeFileSync } from 'node:fs';
import {
  applyChecklist,
  builtinChecklists,
  findChecklist,
  parseAccountNote,
  parseChecklistTemplate,
  reanchorChecklists,
  sortProblems,
  undatedProblems,
  type ChecklistTemplate,
  type EditResult,
  type Locale,
  type Problem,
} from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command, Io } from '../command.js';
import { CliError } from '../errors.js';
import { readMarkdownFiles, readTextFile, requireDir } from '../io.js';
import { resolveLocale } from '../options.js';
import { formatProblems } from './check.js';
import { systemReason } from './new.js';

const TEMPLATE_RE = /^---\r?\n(?:[^\n]*\n)*?baton:\s*['"]?checklist['"]?\s*\r?\n/;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Team templates with the warnings `baton check` gives for them. */
function loadTeamTemplates(dir: string): Map<ChecklistTemplate, Problem[]> {
  requireDir(dir);
  const out = new Map<ChecklistTemplate, Problem[]>();
  for (const { file, text } of readMarkdownFiles(dir)) {
    if (!TEMPLATE_RE.test(text.slice(0, 2000))) continue;
    const { template, problems } = parseChecklistTemplate(text, file);
    if (template) out.set(template, problems);
  }
  return out;
}

/** The template to apply, and the problems its file has (warnings: an unusable file throws). */
function resolveTemplate(ref: string, locale: Locale, templatesDir: string | undefined, io: Io): { template: ChecklistTemplate; problems: Problem[] } {
  if (/\.(md|markdown)$/i.test(ref) || isFile(ref)) {
    const { template, problems } = parseChecklistTemplate(readTextFile(ref), ref);
    if (!template) {
      io.out(formatProblems([{ file: ref, problems }], io.color));
      throw new CliError(`${ref} is not a usable checklist template`);
    }
    return { template, problems };
  }
  const teamMap = templatesDir === undefined ? new Map<ChecklistTemplate, Problem[]>() : loadTeamTemplates(templatesDir);
  const team = [...teamMap.keys()];
  const found = findChecklist(ref, locale, team);
  if (found) return { template: found, problems: teamMap.get(found) ?? [] };
  const ids = [...new Set([...builtinChecklists(locale).map((t) => t.id), ...team.map((t) => t.id)])];
  throw new CliError(`unknown template '${ref}'; available: ${ids.join(', ')}${templatesDir === undefined ? ' (team templates need --templates DIR)' : ''}`);
}

/** Writes an edit back, or prints why it was refused. */
function applyEdit(path: string, result: EditResult, io: Io, done: string, same: string): number {
  if (!result.ok) {
    io.out(formatProblems([{ file: path, problems: result.problems }], io.color));
    return 1;
  }
  if (result.changed) {
    try {
      writeFileSync(path, result.text, 'utf8');
    } catch (e) {
      throw new CliError(`cannot write ${path}${systemReason(e)}`);
    }
  }
  io.out(`${result.changed ? done : same}\n`);
  return 0;
}

function noteLocale(text: string): Locale {
  return parseAccountNote(text).locale;
}

export const checklist: Command = {
  summary: 'Add a playbook checklist to an account note, with due dates (idempotent)',
  spec: { name: 'checklist', flags: { templates: 'string', locale: 'string', help: 'boolean' }, positionals: { min: 2, max: 2 } },
  help: `Usage: baton checklist <note> <template> [--templates DIR]

Adds the template's items under "## Checklists" in <note>, with 📅 dates computed from the
account (renewal_date-90d, kickoff_date+1w, …). Items already in the note are skipped, so
running it twice changes nothing.

<template> is a built-in id, the id of a team template found under --templates DIR, or the
path of a team template file (frontmatter "baton: checklist"). The template's warnings
(a fixed 📅 date, an anchor typo) are printed to stderr as 'baton check' prints them.

Options:
  --templates DIR   Folder with team templates
  --locale en|ja    Language of built-in items and messages (default: the note's)
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const [notePath, ref] = args.positionals as [string, string];
    const text = readTextFile(notePath);
    const locale = resolveLocale(args);
    const { template, problems } = resolveTemplate(ref, locale ?? noteLocale(text), args.strings.get('templates'), io);
    // The template's warnings (a fixed 📅, an anchor typo), as `baton check` prints them; the edit still goes ahead.
    if (problems.length > 0) io.err(formatProblems([{ file: template.file ?? ref, problems: sortProblems(problems) }], io.color));
    return applyEdit(notePath, applyChecklist(text, template, locale ? { locale } : {}), io, `${notePath}: added checklist '${template.id}'`, `${notePath}: checklist '${template.id}' already present; nothing to do`);
  },
};

export const reanchor: Command = {
  summary: 'Recompute checklist due dates from their anchors after a date changed',
  spec: { name: 'reanchor', flags: { locale: 'string', help: 'boolean' }, positionals: { min: 1, max: 1 } },
  help: `Usage: baton reanchor <note>

Recomputes the 📅 date of every open checklist item that carries an anchor such as
{renewal_date-90d}, after renewal_date, contract_start or kickoff_date changed. An item
whose anchor date is empty (kickoff_date cleared) loses its 📅. Done items keep their
dates. Anchors that are not relative dates ({bogus_date-5bd}) are reported on stderr.

Options:
  --locale en|ja    Language of messages (default: the note's)
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const notePath = args.positionals[0]!;
    const locale = resolveLocale(args);
    const text = readTextFile(notePath);
    const result = reanchorChecklists(text, locale ? { locale } : {});
    const n = result.ok ? (result.removed ?? 0) : 0;
    const removed = n > 0 ? `; removed ${n} due date${n === 1 ? '' : 's'} whose anchor date is empty` : '';
    const code = applyEdit(notePath, result, io, `${notePath}: due dates updated${removed}`, `${notePath}: due dates already match; nothing to do`);
    // Anchors that are not relative dates keep their old 📅: say so, as `baton check` does.
    if (result.ok) {
      const bad = undatedProblems(parseAccountNote(text), locale ? { locale } : {}).filter((p) => p.code === 'checklist.bad-anchor');
      if (bad.length > 0) io.err(formatProblems([{ file: notePath, problems: bad }], io.color));
    }
    return code;
  },
};
