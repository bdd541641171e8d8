import { buildExampleReport } from '../__testUtils__/exampleReport';
import { validateReport } from './schema';

const HASH = 'a'.repeat(64);

function issuesOf(keyInputs: unknown) {
  const result = validateReport({ ...buildExampleReport(), keyInputs });
  return result.ok ? [] : result.issues;
}

describe('keyInputs in the report', () => {
  it('is optional: reports of older CLIs stay valid', () => {
    const report = buildExampleReport();
    expect('keyInputs' in report).toBe(false);
    expect(validateReport(report).ok).toBe(true);
  });

  it('accepts paths or their sha256', () => {
    expect(
      issuesOf({
        workspaceDir: { path: '/home/runner/work/app/app' },
        cargoHome: { sha256: HASH },
        cargoVarValueSha256: { CARGO_TARGET_DIR: HASH },
      }),
    ).toEqual([]);
    expect(
      issuesOf({
        workspaceDir: { sha256: HASH },
        cargoHome: null,
        cargoVarValueSha256: {},
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'a relative path',
      { workspaceDir: { path: 'work/app' } },
      'keyInputs.workspaceDir.path',
    ],
    [
      'a path and a hash at once',
      { workspaceDir: { path: '/a', sha256: HASH } },
      'keyInputs.workspaceDir',
    ],
    [
      'a value instead of its hash',
      { cargoVarValueSha256: { CARGO_TARGET_DIR: '/ci/target' } },
      'keyInputs.cargoVarValueSha256.CARGO_TARGET_DIR',
    ],
    [
      'a variable that is not CARGO_*',
      { cargoVarValueSha256: { RUSTFLAGS: HASH } },
      'keyInputs.cargoVarValueSha256.RUSTFLAGS',
    ],
    [
      'a path over two lines',
      { cargoHome: { path: '/a\n/b' } },
      'keyInputs.cargoHome.path',
    ],
  ])('refuses %s', (_what, change, path) => {
    const issues = issuesOf({
      workspaceDir: { path: '/w' },
      cargoHome: null,
      cargoVarValueSha256: {},
      ...change,
    });
    expect(issues.map(issue => issue.path)).toContain(path);
  });

  it('refuses more variables than a report lists names of', () => {
    const many = Object.fromEntries(
      Array.from({ length: 501 }, (_, i) => [`CARGO_V${i}`, HASH]),
    );
    expect(
      issuesOf({
        workspaceDir: { path: '/w' },
        cargoHome: null,
        cargoVarValueSha256: many,
      }),
    ).toEqual([
      {
        path: 'keyInputs.cargoVarValueSha256',
        message: 'must have at most 500 keys',
      },
    ]);
  });
});
