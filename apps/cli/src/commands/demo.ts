import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTimelineView, portfolioMetrics } from '@baton/core';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { painter, resolveLocale } from '../options.js';
import { loadVault } from '../vault.js';
import { formatProblems, collectProblems, summarize } from './check.js';
import { renderExport, writeOutput } from './export.js';
import { formatMetrics } from './metrics.js';
import { formatTimeline } from './timeline.js';

/** Fixed so the demo prints the same thing on every machine, on every day. */
export const DEMO_TODAY = '2026-11-22';

/** The repository root: the nearest folder above the bundle that has `examples/vault`. */
export function findRepoRoot(from: string): string | undefined {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'examples', 'vault'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function builtArtifacts(root: string): string[] {
  const out: string[] = [];
  const obsidian = join(root, 'apps', 'obsidian', 'dist');
  if (existsSync(join(obsidian, 'main.js'))) out.push(`Obsidian plugin: ${obsidian}/ (copy main.js, manifest.json, styles.css to <vault>/.obsidian/plugins/baton/)`);
  const vscode = join(root, 'apps', 'vscode', 'dist');
  try {
    for (const f of readdirSync(vscode).filter((f) => f.endsWith('.vsix')).sort()) out.push(`VS Code extension: ${join(vscode, f)} (code --install-extension <file>)`);
  } catch {
    // Not built.
  }
  return out;
}

export const demo: Command = {
  summary: 'Run Baton on the bundled example vault (today fixed at 2026-11-22)',
  spec: { name: 'demo', flags: { locale: 'string', help: 'boolean' }, positionals: { min: 0, max: 0 } },
  help: `Usage: baton demo [--locale en|ja]

Runs on examples/vault with --today ${DEMO_TODAY} fixed, so the output is the same on every
machine and every day: prints the open timeline items up to the end of March 2027 and the
check results, and writes out/timeline.html and out/renewals.ics at the repository root.
`,
  run(argv, io) {
    const args = parseArgs(argv, this.spec);
    const locale = resolveLocale(args);
    const here = dirname(fileURLToPath(import.meta.url));
    const root = findRepoRoot(here);
    if (!root) throw new CliError(`cannot find examples/vault above ${here}; run the demo from a checkout of the Baton repository`);
    const vaultDir = join(root, 'examples', 'vault');
    const today = DEMO_TODAY;
    const paint = painter(io.color);
    const say = (s = '') => io.out(s + '\n');

    say(paint('1', `Baton demo — ${relative(process.cwd(), vaultDir) || '.'} with today fixed at ${today} (reproducible)`));
    say();
    const vault = loadVault(vaultDir, { today, locale, problems: true });
    const open = vault.portfolio.timeline({ status: ['overdue', 'due-soon', 'upcoming'], to: '2027-03-31' });
    io.out(formatTimeline(buildTimelineView(open, { today, locale: locale ?? 'en' }), io.color));

    say();
    say(paint('1', `baton check`));
    const { results, notes } = collectProblems(vaultDir, today, locale);
    io.out(formatProblems(results, io.color));
    say(summarize(results, notes, locale).text);

    say();
    // Japanese fiscal years start in April: retention for the year so far.
    const from = '2026-04-01';
    const m = portfolioMetrics(vault.portfolio, locale ? { from, to: today, today, locale } : { from, to: today, today });
    io.out(formatMetrics(m, locale ?? 'en', io.color, { from, to: today }));

    say();
    const html = join(root, 'out', 'timeline.html');
    const ics = join(root, 'out', 'renewals.ics');
    writeOutput(html, renderExport('html', vaultDir, { today, locale, filter: {} }));
    writeOutput(ics, renderExport('ics', vaultDir, { today, locale, filter: { status: ['overdue', 'due-soon', 'upcoming'] } }));
    say(`Wrote ${html}`);
    say(`Wrote ${ics}`);
    const built = builtArtifacts(root);
    if (built.length === 0) say("Obsidian plugin and VS Code extension are not built yet: run 'pnpm build'.");
    for (const b of built) say(b);
    return 0;
  },
};
