import { errorMessage, InputError } from './errors';
import { displayPath } from './paths';
import type { System } from './system';

/**
 * Reads an input file, null when it does not exist. Any other failure (a directory, no
 * permission) becomes an error that names the file: `<label> at <path>: ...`.
 */
export async function readInputFile(
  system: System,
  path: string,
  label: string,
): Promise<string | null> {
  try {
    return await system.readTextFile(path);
  } catch (error) {
    throw new InputError(
      `${label} at ${displayPath(
        system.cwd,
        path,
      )}: cannot be read (${errorMessage(error)})`,
    );
  }
}

/** Like {@link readInputFile}, for files the user named explicitly: a missing file is an error. */
export async function readRequiredInputFile(
  system: System,
  path: string,
  label: string,
): Promise<string> {
  const content = await readInputFile(system, path, label);
  if (content === null) {
    throw new InputError(
      `${label} at ${displayPath(system.cwd, path)}: file not found`,
    );
  }
  return content;
}

/** Turns a parser's error into one that names the file; other errors (bugs) pass through. */
export function rethrowForFile(
  error: unknown,
  parseErrorClass: abstract new (...args: never[]) => Error,
  label: string,
  where: string,
): never {
  if (error instanceof parseErrorClass)
    throw new InputError(`${label} at ${where}: ${error.message}`);
  throw error;
}
