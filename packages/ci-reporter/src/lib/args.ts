import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage, UsageError } from './errors';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode (unknown flags and stray arguments are usage errors) with an
 * error that points at the command's help.
 */
export function parseCommandArgs<T extends OptionsConfig>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    throw new UsageError(
      `${errorMessage(
        error,
      )}\nRun 'rust-build-cache ${command} --help' for the flags.`,
    );
  }
}

export function parsePositiveInteger(value: string, what: string): number {
  if (
    !/^\d+$/.test(value) ||
    Number(value) < 1 ||
    !Number.isSafeInteger(Number(value))
  ) {
    throw new UsageError(`${what} must be a positive integer, got '${value}'`);
  }
  return Number(value);
}

export function parseNonNegativeInteger(value: string, what: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${what} must be a whole number ≥ 0, got '${value}'`);
  }
  return Number(value);
}

/** Normalises an ISO 8601 timestamp with an offset (the report requires one) to UTC. */
export function parseTimestamp(value: string, what: string): string {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const time = Date.parse(value);
  if (!hasOffset || Number.isNaN(time)) {
    throw new UsageError(
      `${what} must be an ISO 8601 timestamp with a time zone, e.g. 2026-01-31T12:00:00Z, got '${value}'`,
    );
  }
  return new Date(time).toISOString();
}
