import { z } from 'zod';
import { text } from './fields';

/**
 * Input files that `collect` found broken. A broken toolchain file, Cargo.lock, Cargo.toml
 * or cargo timings file does not cost the build's sccache statistics: the report is written
 * without what that file would have told (its field is null or empty), and the problem says
 * which file and what is wrong. The policy counts a broken toolchain file or Cargo.lock as a
 * failing pin.
 */

/** At most this many problems per report (collect reads four kinds of file). @public */
export const MAX_REPORT_PROBLEMS = 20;

const oneLine = (max: number) =>
  text(max, 1)
    // No control characters: no line breaks in one line.
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'must be one line of text');

/** @public */
export const reportProblemSchema = z.object({
  /**
   * The file's path relative to the repository root, with forward slashes, e.g.
   * `rust-toolchain.toml` or `services/billing/Cargo.lock`; only the file name for a file
   * outside the repository (a timings file in a shared target directory).
   */
  file: oneLine(500),
  /** What is wrong with it, e.g. `the [toolchain] table is missing`. */
  message: oneLine(1000),
});

/** The report's `problems`: absent in reports of CLIs that do not record them. */
export const reportProblemsSchema = z
  .array(reportProblemSchema)
  .max(MAX_REPORT_PROBLEMS)
  .optional();

/** @public */
export type ReportProblem = z.infer<typeof reportProblemSchema>;

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function problemWithFile(
  report: { problems?: ReportProblem[] },
  names: string[],
): ReportProblem | undefined {
  return report.problems?.find(problem =>
    names.includes(fileName(problem.file)),
  );
}

/** The problem of the report's toolchain file (`rust-toolchain` or `rust-toolchain.toml`), if any. @public */
export function toolchainFileProblem(report: {
  problems?: ReportProblem[];
}): ReportProblem | undefined {
  return problemWithFile(report, ['rust-toolchain', 'rust-toolchain.toml']);
}

/** The problem of the report's Cargo.lock, if any. @public */
export function cargoLockProblem(report: {
  problems?: ReportProblem[];
}): ReportProblem | undefined {
  return problemWithFile(report, ['Cargo.lock']);
}
