import { statSync, writeFileSync } from 'node:fs';
import {
  applyChecklist,
  builtinChecklists,
  findChecklist,
  parseAccountNote,
  parseChecklistTemplate,
  reanchorChecklists,
  type ChecklistTemplate,
  type EditResult,
  type Locale,
} from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command, Io } from '../command.js';
import { CliError } from '../errors.js';
import { readMarkdownFiles, readTextFile, requireDir } from '../io.js';
import { resolveLocale } from '../options.js';
import { formatProblems } from './check.js';

const TEMPLATE_RE = /^---\r?\n(?:[^\n]*\n)*?baton:\s*['"]?checklist['"]?\s*\r?\n/;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function loadTeamTemplates(dir: string): ChecklistTemplate[] {
  requireDir(dir);
  const out: ChecklistTemplate[] = [];
  for (const { file, text } of readMarkdownFiles(dir)) {
    if (!TEMPLATE_RE.test(text.slice(0, 2000))) continue;
    const { template } = parseChecklistTemplate(text, file);
    if (template) out.push(template);
  }
  return out;
}

function resolveTemplate(ref: string, locale: Locale, templatesDir: string | undefined, io: Io): ChecklistTemplate {
  if (/\.(md|markdown)$/i.test(ref) || isFile(ref)) {
    const { template, problems } = parseChecklistTemplate(readTextFile(ref), ref);
    if (!template) {
      io.out(formatProblems([{ file: ref, problems }], io.color));
      throw new CliError(`${ref} is not a usable checklist template`);
    }
    return template;
  }
  const team = templatesDir === undefined ? [] : loadTeamTemplates(templatesDir);
  const found = findChecklist(ref, locale, team);
  if (found) return found;
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
    } catch {
      throw new CliError(`cannot write ${path}`);
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
path of a team template file (frontmatter "baton: checklist").

Options:
  --templates DIR   Folder with team templates
  --locale en|ja    Language of built-in items and messages (default: the note's)
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const [notePath, ref] = args.positionals as [string, string];
    const text = readTextFile(notePath);
    const locale = resolveLocale(args);
    const template = resolveTemplate(ref, locale ?? noteLocale(text), args.strings.get('templates'), io);
    return applyEdit(notePath, applyChecklist(text, template, locale ? { locale } : {}), io, `${notePath}: added checklist '${template.id}'`, `${notePath}: checklist '${template.id}' already present; nothing to do`);
  },
};

export const reanchor: Command = {
  summary: 'Recompute checklist due dates from their anchors after a date changed',
  spec: { name: 'reanchor', flags: { locale: 'string', help: 'boolean' }, positionals: { min: 1, max: 1 } },
  help: `Usage: baton reanchor <note>

Recomputes the 📅 date of every open checklist item that carries an anchor such as
{renewal_date-90d}, after renewal_date, contract_start or kickoff_date changed.
Done items keep their dates.

Options:
  --locale en|ja    Language of messages (default: the note's)
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const notePath = args.positionals[0]!;
    const locale = resolveLocale(args);
    const result = reanchorChecklists(readTextFile(notePath), locale ? { locale } : {});
    return applyEdit(notePath, result, io, `${notePath}: due dates updated`, `${notePath}: due dates already match; nothing to do`);
  },
};
