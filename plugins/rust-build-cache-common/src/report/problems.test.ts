import { buildExampleReport } from '../__testUtils__/exampleReport';
import {
  cargoLockProblem,
  MAX_REPORT_PROBLEMS,
  toolchainFileProblem,
} from './problems';
import { validateReport } from './schema';

const problem = {
  file: 'services/billing/rust-toolchain.toml',
  message: 'the [toolchain] table is missing',
};

describe('report problems', () => {
  it('are optional: a report of an older CLI stays valid and gets none', () => {
    const validation = validateReport(buildExampleReport());
    expect(validation.ok).toBe(true);
    expect(validation.ok && validation.report.problems).toBeUndefined();
  });

  it('are kept with the file and the message', () => {
    const validation = validateReport({
      ...buildExampleReport(),
      problems: [problem],
    });
    expect(validation.ok && validation.report.problems).toEqual([problem]);
  });

  it.each([
    [
      'too many',
      Array.from({ length: MAX_REPORT_PROBLEMS + 1 }, () => problem),
      'problems',
    ],
    [
      'a message over two lines',
      [{ ...problem, message: 'line 1\nline 2' }],
      'problems.0.message',
    ],
    [
      'a NUL character',
      [{ ...problem, file: 'Cargo.lock\u0000' }],
      'problems.0.file',
    ],
    ['an empty file name', [{ ...problem, file: '' }], 'problems.0.file'],
    [
      'a very long message',
      [{ ...problem, message: 'x'.repeat(1001) }],
      'problems.0.message',
    ],
    ['not a list', { file: 'Cargo.lock' }, 'problems'],
  ])('refuse %s, naming the field', (_what, problems, path) => {
    const validation = validateReport({ ...buildExampleReport(), problems });
    expect(validation.ok).toBe(false);
    const paths = validation.ok ? [] : validation.issues.map(i => i.path);
    expect([...new Set(paths)]).toEqual([path]);
  });
});

describe('toolchainFileProblem and cargoLockProblem', () => {
  const problems = [
    { file: 'target/cargo-timings/cargo-timing.html', message: 'no data' },
    { file: 'Cargo.lock', message: 'not valid TOML' },
    problem,
  ];

  it('find the problem of the file by its name', () => {
    expect(toolchainFileProblem({ problems })).toBe(problem);
    expect(cargoLockProblem({ problems })).toBe(problems[1]);
  });

  it('find nothing in a report without problems', () => {
    expect(toolchainFileProblem({})).toBeUndefined();
    expect(cargoLockProblem({ problems: [problem] })).toBeUndefined();
  });
});
