import { usageError } from './errors.js';

export type FlagKind = 'string' | 'boolean';

export interface CommandSpec {
  /** `timeline`, `export`… used in error messages. */
  name: string;
  flags: Record<string, FlagKind>;
  /** Single-letter aliases: `{ o: 'output' }`. */
  short?: Record<string, string>;
  positionals: { min: number; max: number };
}

export interface ParsedArgs {
  positionals: string[];
  strings: Map<string, string>;
  booleans: Set<string>;
}

/**
 * Hand-written so the bundle stays small: `--flag value`, `--flag=value`, `-o value`,
 * boolean `--json`, and `--` to end options. Unknown flags are errors, never ignored.
 */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], strings: new Map(), booleans: new Set() };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      out.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      const alias = spec.short?.[arg.slice(1)];
      if (alias === undefined) throw usageError(`unknown option ${arg} for 'baton ${spec.name}' (see 'baton ${spec.name} --help')`);
      name = alias;
    }
    const kind = spec.flags[name];
    if (kind === undefined) throw usageError(`unknown option --${name} for 'baton ${spec.name}' (see 'baton ${spec.name} --help')`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw usageError(`option --${name} takes no value`);
      out.booleans.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw usageError(`option --${name} needs a value`);
    out.strings.set(name, value);
  }
  const n = out.positionals.length;
  if (n < spec.positionals.min) throw usageError(`'baton ${spec.name}' is missing an argument (see 'baton ${spec.name} --help')`);
  if (n > spec.positionals.max) throw usageError(`'baton ${spec.name}' got an unexpected argument '${out.positionals[spec.positionals.max]}'`);
  return out;
}
