/**
 * One `heard <command>`. Commands parse their own arguments, print results to
 * `io.stdout` and each error as one line to `io.stderr`, and resolve to the
 * process exit code (contracts.md "Command line").
 */
export type CommandIO = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export type Command = {
  name: string;
  /** One line for `heard --help`. */
  summary: string;
  /** The full `heard <command> --help` text. */
  usage: string;
  run: (argv: string[], io: CommandIO) => Promise<number>;
};

/** A bad argument or input: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
