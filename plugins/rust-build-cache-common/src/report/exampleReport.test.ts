import { buildExampleReport } from '../__testUtils__/exampleReport';
import { fixturePath, readFixture } from '../testUtils/fixtures';
import { expectGeneratedFileUpToDate } from '../__testUtils__/generatedFiles';
import { parseSccacheStats } from '../sccache/parseSccacheStats';
import { formatReportIssues } from './issues';
import { validateReport } from './schema';

const EXAMPLE_FILE = 'report-example.json';

describe('src/__fixtures__/report-example.json', () => {
  const example = buildExampleReport();

  it('is the report the parsers build from the real fixtures', () => {
    expectGeneratedFileUpToDate(
      fixturePath(EXAMPLE_FILE),
      `${JSON.stringify(example, null, 2)}\n`,
    );
  });

  it('is a valid report', () => {
    expect(validateReport(JSON.parse(readFixture(EXAMPLE_FILE)))).toEqual({
      ok: true,
      report: example,
    });
  });
});

describe('validateReport', () => {
  it.each([
    'sccache-0.4.0-dbg-1',
    'sccache-0.4.0-dbg-2',
    'sccache-0.4.0-serde-dbg-1',
    'sccache-0.4.0-serde-dbg-2',
  ])('accepts the real %s statistics in a full report', name => {
    const report = {
      ...buildExampleReport(),
      sccache: parseSccacheStats(readFixture(`sccache/${name}.json`)),
    };
    expect(validateReport(report).ok).toBe(true);
  });

  it('accepts a report without the optional sections', () => {
    const report = {
      ...buildExampleReport(),
      kind: 'prewarm',
      sccache: null,
      toolchain: { file: null, rustc: null },
      dependencies: null,
      timings: null,
    };
    expect(validateReport(report).ok).toBe(true);
  });

  it('names the path of each bad field', () => {
    const example = buildExampleReport();
    const report = {
      ...example,
      source: {
        ...example.source,
        ci: { ...example.source.ci, runAttempt: 0 },
        workspacePath: '../elsewhere',
      },
      dependencies: { ...example.dependencies, fingerprint: 'ABC' },
    };
    const result = validateReport(report);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(issue => issue.path)).toEqual([
      'source.workspacePath',
      'source.ci.runAttempt',
      'dependencies.fingerprint',
    ]);
    expect(formatReportIssues(result.issues)).toContain(
      'dependencies.fingerprint: must be a lowercase hex sha256',
    );
  });

  it('names the root for a value that is not a report', () => {
    expect(validateReport('report')).toEqual({
      ok: false,
      issues: [
        { path: '(root)', message: expect.stringContaining('expected object') },
      ],
    });
  });
});
