import type { CommandSpec } from './args.js';

/** Where a command writes; tests and `demo` can swap them. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

export interface Command {
  spec: CommandSpec;
  summary: string;
  help: string;
  /** Returns the exit code. */
  run(argv: readonly string[], io: Io): number;
}
