/** The few failures the CLI reports as one line instead of a stack trace. */
export class CliError extends Error {
  /** 2 for a wrong invocation (usage), 1 for anything else. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string): CliError => new CliError(message, 2);
