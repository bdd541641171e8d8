import { toolchainFileProblem } from '../report/problems';
import { toolchainMatchesRustc } from '../toolchain/parseRustcVersion';
import { isExactToolchainPin } from '../toolchain/parseToolchainFile';
import {
  check,
  fromReportBecauseUnreadable,
  newestCiReport,
  NO_CI_RUN,
  runIdOf,
  type RuleCheck,
} from './ruleChecks';
import type { PolicyEvaluationInput } from './types';

/** The checks of the rules about the Rust toolchain: pinned, near the baseline, used by CI. */

/**
 * The toolchain file the repository has now when it was read, else the one the latest
 * report saw; undefined when there is neither.
 */
function currentToolchainFile(input: PolicyEvaluationInput) {
  if (input.snapshot && !input.snapshot.unreadable?.toolchain)
    return input.snapshot.toolchainFile;
  return input.reports[0]?.toolchain.file;
}

/**
 * The latest report's broken toolchain file, unless a repository snapshot read a working
 * one since (the snapshot is what the repository has now).
 */
function brokenToolchainFile(input: PolicyEvaluationInput) {
  const latest = input.reports[0];
  if (
    !latest ||
    (input.snapshot &&
      !input.snapshot.unreadable?.toolchain &&
      input.snapshot.toolchainFile !== null)
  )
    return undefined;
  return toolchainFileProblem(latest);
}

/** @public */
export function checkToolchainPinnedExact(
  input: PolicyEvaluationInput,
): RuleCheck {
  return fromReportBecauseUnreadable(
    checkToolchainFilePin(input),
    input.snapshot?.unreadable?.toolchain,
    'toolchain file',
  );
}

function checkToolchainFilePin(input: PolicyEvaluationInput): RuleCheck {
  const broken = brokenToolchainFile(input);
  if (broken)
    return check(
      'fail',
      `${broken.file} is broken: ${broken.message}. A toolchain file that cannot be read pins nothing.`,
      { channel: null, file: broken.file, problem: broken.message },
      [runIdOf(input.reports[0])],
    );
  const file = currentToolchainFile(input);
  if (file === undefined)
    return check(
      'insufficient-data',
      'Neither a repository snapshot nor a report says which toolchain file exists.',
    );
  if (file === null)
    return check(
      'fail',
      'No rust-toolchain file: CI builds with whatever toolchain the runner has.',
      { channel: null },
    );
  const pinned = file.channel ?? (file.path ? `path ${file.path}` : null);
  return isExactToolchainPin(file.channel)
    ? check('pass', `${file.file} pins ${file.channel}.`, { channel: pinned })
    : check(
        'fail',
        `${file.file} ${
          pinned ? `selects ${pinned}` : 'sets no channel'
        }, which is not an exact release.`,
        { channel: pinned },
      );
}

/** `[major, minor]` of `1.95.0`, `1.96.0-nightly` or `1.95`; null for anything else. */
function majorMinor(release: string): [number, number] | null {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?(?:-[\w.-]+)?$/.exec(release);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** @public */
export function checkToolchainNearBaseline(
  input: PolicyEvaluationInput,
  params: { maxMinorsBehind: number },
  baselineRelease: string | undefined,
): RuleCheck {
  const baseline = baselineRelease ? majorMinor(baselineRelease) : null;
  if (!baselineRelease || !baseline)
    return check(
      'not-applicable',
      'The policy sets no baseline.rustRelease to compare with.',
    );
  const latest = newestCiReport(input);
  if (!latest) return NO_CI_RUN;
  const release = latest.toolchain.rustc?.release ?? null;
  const used = release ? majorMinor(release) : null;
  if (!release || !used)
    return check(
      'insufficient-data',
      `The latest CI run reported no rustc release that can be compared (${
        release ?? 'none'
      }).`,
      { rustc: release },
      [runIdOf(latest)],
    );
  // Minor releases only count within one major version; another major is far off either way.
  const minorsBehind =
    used[0] === baseline[0] ? Math.max(0, baseline[1] - used[1]) : null;
  const isNear =
    used[0] > baseline[0] ||
    (minorsBehind !== null && minorsBehind <= params.maxMinorsBehind);
  const numbers = {
    rustc: release,
    baseline: baselineRelease,
    minorsBehind,
    maxMinorsBehind: params.maxMinorsBehind,
  };
  return isNear
    ? check(
        'pass',
        `CI used rustc ${release}; the baseline is ${baselineRelease}.`,
        numbers,
        [runIdOf(latest)],
      )
    : check(
        'fail',
        `CI used rustc ${release}, more than ${params.maxMinorsBehind} minor releases behind the baseline ${baselineRelease}.`,
        numbers,
        [runIdOf(latest)],
      );
}

/** @public */
export function checkToolchainPinMatchesCi(
  input: PolicyEvaluationInput,
): RuleCheck {
  const latest = newestCiReport(input);
  if (!latest) return NO_CI_RUN;
  // The report's own file, not the snapshot's: the one CI had checked out when rustc ran.
  const { file, rustc } = latest.toolchain;
  const broken = toolchainFileProblem(latest);
  if (broken)
    return check(
      'not-applicable',
      `${broken.file} is broken (${broken.message}): there is no pin to compare with; toolchain-pinned-exact reports it.`,
      { status: 'unpinned', file: broken.file, problem: broken.message },
      [runIdOf(latest)],
    );
  const { status, detail } = toolchainMatchesRustc(file, rustc);
  const found = (result: RuleCheck['result'], summary: string) =>
    check(result, summary, { status }, [runIdOf(latest)]);
  switch (status) {
    case 'match':
      return found('pass', detail);
    case 'mismatch':
      return found('fail', detail);
    case 'unknown':
      return found('insufficient-data', detail);
    default:
      // Without an exact pin there is nothing to match; toolchain-pinned-exact reports it.
      return found(
        'not-applicable',
        `${detail} There is no exact pin to compare with.`,
      );
  }
}
