/** Exit codes of the CLI. */
export const EXIT_OK = 0;
/** A missing or invalid input file, a failed command, or a failed upload (push --strict). */
export const EXIT_FAILURE = 1;
/** A bad command line: unknown flag, bad flag value, missing required value. */
export const EXIT_USAGE = 2;

/** A problem the user can fix: the CLI prints only the message (no stack) and exits with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}

/** A missing or invalid input: file, command output, or the server's answer. */
export class InputError extends CliError {
  constructor(message: string) {
    super(message, EXIT_FAILURE);
  }
}

/** The report could not be delivered. */
export class UploadError extends CliError {
  constructor(message: string) {
    super(message, EXIT_FAILURE);
  }
}

/**
 * A property of a thrown value. Errors from Node's fs and fetch may come from another realm
 * (e.g. under jest), where `instanceof Error` is false, so this does not rely on it.
 */
export function errorField(
  error: unknown,
  field: 'code' | 'name' | 'message' | 'stack' | 'cause',
): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[field]
    : undefined;
}

export function errorMessage(error: unknown): string {
  const message = errorField(error, 'message');
  return typeof message === 'string' ? message : String(error);
}
