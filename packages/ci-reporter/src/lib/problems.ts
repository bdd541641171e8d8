import { basename } from 'node:path';
import {
  MAX_REPORT_PROBLEMS,
  type ReportProblem,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { errorMessage } from './errors';
import { displayPath, relativeInside } from './paths';
import type { System } from './system';

const MAX_MESSAGE_LENGTH = 1000;

/**
 * Broken input files found while collecting: a toolchain file, Cargo.lock, Cargo.toml or
 * timings file that cannot be read or parsed costs only what that file would tell, never
 * the build's sccache statistics. Each is printed as a warning (its path as the user sees
 * it) and kept for the report's `problems` (its path in the repository).
 */
export class InputProblems {
  private readonly problems: ReportProblem[] = [];

  constructor(
    private readonly options: {
      system: System;
      repoRoot: string;
      warn: (message: string) => void;
    },
  ) {}

  /** Records that the `label` file at `path` (e.g. `Cargo.lock`) is broken. */
  add(label: string, path: string, message: string): void {
    const { system, repoRoot, warn } = this.options;
    // The report takes one line of text: line breaks and other control characters go.
    // eslint-disable-next-line no-control-regex
    const oneLine = message.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
    warn(
      `${label} at ${displayPath(
        system.cwd,
        path,
      )}: ${oneLine} (recorded in the report as a problem)`,
    );
    if (this.problems.length >= MAX_REPORT_PROBLEMS) return;
    this.problems.push({
      file: relativeInside(repoRoot, path) ?? basename(path),
      message:
        oneLine.length > MAX_MESSAGE_LENGTH
          ? `${oneLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
          : oneLine || 'unknown problem',
    });
  }

  list(): ReportProblem[] {
    return [...this.problems];
  }
}

/**
 * Reads and parses an input file that only adds to the report. Null when it does not exist
 * (see `ifMissing`), or when it cannot be read or `parse` rejects it with `parseError`:
 * then the problem is recorded. Other errors (bugs) pass through.
 */
export async function readOptionalInput<T>(
  system: System,
  problems: InputProblems,
  options: {
    path: string;
    label: string;
    parse: (content: string) => T;
    parseError: abstract new (...args: never[]) => Error;
    /**
     * A missing file gives null (`ignore`, the default), is a problem too (`problem`: a
     * file the user named), or throws the given error.
     */
    ifMissing?: 'ignore' | 'problem' | Error;
  },
): Promise<T | null> {
  const { path, label } = options;
  let content: string | null;
  try {
    content = await system.readTextFile(path);
  } catch (error) {
    problems.add(label, path, `cannot be read (${errorMessage(error)})`);
    return null;
  }
  if (content === null) {
    if (options.ifMissing instanceof Error) throw options.ifMissing;
    if (options.ifMissing === 'problem') {
      problems.add(label, path, 'file not found');
    }
    return null;
  }
  try {
    return options.parse(content);
  } catch (error) {
    if (!(error instanceof options.parseError)) throw error;
    // The parsers' messages start with the file's label, which the problem names anyway.
    const prefix = `${label}: `;
    const { message } = error;
    problems.add(
      label,
      path,
      message.startsWith(prefix) ? message.slice(prefix.length) : message,
    );
    return null;
  }
}
