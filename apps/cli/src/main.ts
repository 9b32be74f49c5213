import { check } from './commands/check.js';
import { checklist, reanchor } from './commands/checklist.js';
import { demo } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { metrics } from './commands/metrics.js';
import { newAccount } from './commands/new.js';
import { timeline } from './commands/timeline.js';
import type { Command, Io } from './command.js';
import { CliError } from './errors.js';
import { useColor } from './options.js';
import { helper, runHelper, type HelperJob } from './vault.js';
import { isMainThread, workerData } from 'node:worker_threads';

declare const BATON_VERSION: string;

export const COMMANDS: Record<string, Command> = {
  timeline,
  check,
  new: newAccount,
  checklist,
  reanchor,
  export: exportCommand,
  metrics,
  demo,
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `Baton — sales→CS handoffs, stakeholders, checklists and renewals as Markdown notes.

Usage: baton <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Run 'baton <command> --help' for a command's options.
Exit status: 0 ok, 1 failure or problems found, 2 wrong usage.
`;
}

/** Runs one invocation and returns the exit code; never throws. */
export function main(argv: readonly string[], io: Io): number {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      io.out(usage());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(`${typeof BATON_VERSION === 'string' ? BATON_VERSION : 'dev'}\n`);
      return 0;
    }
    if (name === 'help') {
      const c = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
      io.out(c ? c.help : usage());
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new CliError(`unknown command '${name}' (see 'baton --help')`, 2);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.help);
      return 0;
    }
    return command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`baton: ${e.message}\n`);
      return e.exitCode;
    }
    // A bug, not a user mistake: still one line, plus a hint to report it.
    io.err(`baton: internal error: ${e instanceof Error ? e.message : String(e)} (please report this)\n`);
    return 70;
  }
}

if (!isMainThread && (workerData as Partial<HelperJob> | undefined)?.batonIndex) {
  // This file started as the second thread of a vault read (see `loadVault`).
  runHelper(workerData as HelperJob);
} else {
  // BATON_THREADS=1 reads every vault on one thread, BATON_THREADS=2 any vault on two (see `helper`).
  const threads = process.env['BATON_THREADS'];
  if (threads !== '1') helper.script = new URL(import.meta.url);
  if (threads === '2') helper.from = 1;
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    color: useColor(process.stdout),
  };
  process.exitCode = main(process.argv.slice(2), io);
}
