import { buildExampleReport } from '../__testUtils__/exampleReport';
import {
  MAX_REPORT_COUNT,
  MAX_REPORT_MAP_KEYS,
  MAX_REPORT_SECONDS,
} from './fields';
import { formatReportIssues, ReportIssue } from './issues';
import { buildReportJsonSchema } from './jsonSchema';
import { BuildCacheReport, validateReport } from './schema';

/** The example's finish time, plus `ms`. */
const example = buildExampleReport();
const FINISHED = Date.parse(example.source.finishedAt);
const NOW = new Date(FINISHED + 10 * 60_000);

type Patch = (report: any) => void;

function patched(patch: Patch): BuildCacheReport {
  const report = structuredClone(example);
  patch(report);
  return report;
}

function issuesOf(report: unknown, now = NOW): ReportIssue[] {
  const result = validateReport(report, { now });
  return result.ok ? [] : result.issues;
}

function acceptedOf(report: unknown, now = NOW): BuildCacheReport {
  const result = validateReport(report, { now });
  if (!result.ok) throw new Error(formatReportIssues(result.issues));
  return result.report;
}

/** Every string leaf of `value` (record keys aside) with its path. */
function stringLeaves(
  value: unknown,
  path: string[] = [],
): Array<{ path: string[]; value: string }> {
  if (typeof value === 'string') return [{ path, value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    stringLeaves(child, [...path, key]),
  );
}

function setAt(target: any, path: string[], value: unknown) {
  const parent = path.slice(0, -1).reduce((at, key) => at[key], target);
  parent[path[path.length - 1]] = value;
}

const ENUM_PATHS = new Set(['kind', 'source.ci.provider']);

describe('report bounds', () => {
  const refused: Array<[string, Patch, string]> = [
    [
      'a javascript: URL',
      // eslint-disable-next-line no-script-url -- refusing it is the point
      r => (r.source.ci.url = 'javascript:alert(1)'),
      'source.ci.url',
    ],
    [
      'a data: URL',
      r => (r.source.ci.url = 'data:text/html,<b>x</b>'),
      'source.ci.url',
    ],
    [
      'an ftp: URL',
      r => (r.source.ci.url = 'ftp://example.com/run'),
      'source.ci.url',
    ],
    [
      'a URL with leading blanks',
      r => (r.source.ci.url = ' https://example.com/run'),
      'source.ci.url',
    ],
    [
      'a URL without host',
      r => (r.source.ci.url = 'https://'),
      'source.ci.url',
    ],
    [
      'a path that climbs out after a tab',
      r => (r.source.workspacePath = '\t../x'),
      'source.workspacePath',
    ],
    [
      'an absolute path after a blank',
      r => (r.source.workspacePath = ' /etc/passwd'),
      'source.workspacePath',
    ],
    [
      'a path with .. inside',
      r => (r.source.workspacePath = 'services/../../etc'),
      'source.workspacePath',
    ],
    [
      'a path with a backslash',
      r => (r.source.workspacePath = 'services\\gateway'),
      'source.workspacePath',
    ],
    [
      'a path with a newline',
      r => (r.source.workspacePath = 'services/\ngateway'),
      'source.workspacePath',
    ],
    [
      'a path of blanks',
      r => (r.source.workspacePath = '   '),
      'source.workspacePath',
    ],
    [
      'finishedAt in year 9999',
      r => (r.source.finishedAt = '9999-01-01T00:00:00Z'),
      'source.finishedAt',
    ],
    [
      'finishedAt one hour and a second ahead of now',
      r =>
        (r.source.finishedAt = new Date(
          NOW.getTime() + 3_601_000,
        ).toISOString()),
      'source.finishedAt',
    ],
    [
      'finishedAt before 2015',
      r => {
        r.source.startedAt = null;
        r.source.finishedAt = '2014-12-31T23:59:59Z';
      },
      'source.finishedAt',
    ],
    [
      'startedAt after finishedAt',
      r => (r.source.startedAt = '2026-11-27T17:21:36Z'),
      'source.startedAt',
    ],
    [
      'a count over 2^31-1',
      r => (r.sccache.counters.compileRequests = MAX_REPORT_COUNT + 1),
      'sccache.counters.compileRequests',
    ],
    [
      'a count of 2^53',
      r => (r.timings.unitCount = 2 ** 53),
      'timings.unitCount',
    ],
    [
      'a run attempt over 2^31-1',
      r => (r.source.ci.runAttempt = MAX_REPORT_COUNT + 1),
      'source.ci.runAttempt',
    ],
    [
      'per-language hits that add up to more than 2^31-1',
      r =>
        (r.sccache.counters.hits = {
          Rust: MAX_REPORT_COUNT,
          'C/C++': 1,
        }),
      'sccache.counters.hits',
    ],
    [
      'seconds over the bound',
      r => (r.sccache.durations.compilerWriteSeconds = MAX_REPORT_SECONDS * 2),
      'sccache.durations.compilerWriteSeconds',
    ],
    [
      'too many not-cached reasons',
      r =>
        (r.sccache.counters.notCached = Object.fromEntries(
          Array.from({ length: MAX_REPORT_MAP_KEYS + 1 }, (_, i) => [
            `reason ${i}`,
            1,
          ]),
        )),
      'sccache.counters.notCached',
    ],
    [
      'too many profiles',
      r =>
        (r.build.profiles = Object.fromEntries(
          Array.from({ length: MAX_REPORT_MAP_KEYS + 1 }, (_, i) => [
            `p${i}`,
            r.build.profiles.release,
          ]),
        )),
      'build.profiles',
    ],
    [
      'a NUL in a map key',
      r => (r.sccache.counters.hits = { 'Ru\u0000st': 1 }),
      'sccache.counters.hits."Ru\\u0000st"',
    ],
    [
      'an unpaired surrogate',
      r => (r.source.branch = 'feature/\ud800'),
      'source.branch',
    ],
  ];

  it.each(refused)('refuses %s, naming the field', (_name, patch, path) => {
    expect(issuesOf(patched(patch)).map(issue => issue.path)).toContain(path);
  });

  it('refuses a NUL in every string of the report', () => {
    const leaves = stringLeaves(example).filter(
      leaf => !ENUM_PATHS.has(leaf.path.join('.')),
    );
    expect(leaves.length).toBeGreaterThan(25);
    for (const leaf of leaves) {
      const report = patched(r => setAt(r, leaf.path, `${leaf.value}\u0000`));
      expect({
        path: leaf.path.join('.'),
        issues: issuesOf(report).map(issue => issue.path),
      }).toEqual({
        path: leaf.path.join('.'),
        issues: expect.arrayContaining([leaf.path.join('.')]),
      });
    }
  });

  it('refuses a __proto__ key in a map instead of dropping it silently', () => {
    const report = JSON.parse(
      JSON.stringify(example).replace('"Rust":2', '"__proto__":2,"Rust":2'),
    );
    expect(issuesOf(report)).toEqual([
      {
        path: 'sccache.counters.hits.__proto__',
        message: 'must not be a key: JavaScript readers drop it',
      },
    ]);
  });

  it('finds __proto__ keys in deeply nested input without running out of stack', () => {
    let nested = '{"__proto__":1}';
    for (let i = 0; i < 200_000; i++) nested = `{"a":${nested}}`;
    const report = { ...example, extra: JSON.parse(nested) };
    const [issue] = issuesOf(report);
    // The path is shortened in the middle: a message of megabytes helps nobody.
    expect(issue.path).toBe(
      `extra${'.a'.repeat(7)}.….a${'.a'.repeat(6)}.__proto__`,
    );
  });

  it('accepts the largest values and the edges of the time window', () => {
    const report = acceptedOf(
      patched(r => {
        r.source.ci.runAttempt = MAX_REPORT_COUNT;
        r.sccache.counters.compileRequests = MAX_REPORT_COUNT;
        r.sccache.counters.hits = { Rust: MAX_REPORT_COUNT - 1, 'C/C++': 1 };
        r.sccache.cache.size = Number.MAX_SAFE_INTEGER;
        r.sccache.durations.compilerWriteSeconds = MAX_REPORT_SECONDS;
        r.source.startedAt = r.source.finishedAt;
        r.source.finishedAt = new Date(NOW.getTime() + 3_600_000).toISOString();
      }),
    );
    expect(report.sccache!.counters.hits).toEqual({
      Rust: MAX_REPORT_COUNT - 1,
      'C/C++': 1,
    });
    const earliest = patched(r => {
      r.source.startedAt = null;
      r.source.finishedAt = '2015-01-01T00:00:00Z';
    });
    expect(acceptedOf(earliest).source.finishedAt).toBe('2015-01-01T00:00:00Z');
  });

  it('checks finishedAt against the injected clock', () => {
    const report = patched(r => (r.source.finishedAt = '2030-01-01T00:00:00Z'));
    expect(issuesOf(report, new Date('2030-01-01T00:00:00Z'))).toEqual([]);
    expect(issuesOf(report, new Date('2029-12-31T22:59:59Z'))).toEqual([
      {
        path: 'source.finishedAt',
        message: expect.stringContaining('more than one hour in the future'),
      },
    ]);
  });

  it.each([
    ['services/gateway/', 'services/gateway'],
    ['./services//gateway', 'services/gateway'],
    ['  services/gateway  ', 'services/gateway'],
    ['./', '.'],
    ['services/..gateway/x..', 'services/..gateway/x..'],
  ])('stores workspace path %j as %j', (path, stored) => {
    const report = acceptedOf(patched(r => (r.source.workspacePath = path)));
    expect(report.source.workspacePath).toBe(stored);
  });

  it.each([
    'https://gitlab.example.com/group/sub/project/-/jobs/4242',
    'https://buildkite.com/acme/billing/builds/812#0190c1d2-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    'http://ci.internal:8080/job/billing/17/',
  ])('accepts the CI URL %s', url => {
    expect(
      acceptedOf(patched(r => (r.source.ci.url = url))).source.ci.url,
    ).toBe(url);
  });

  it('lists at most 20 issues, then how many more', () => {
    const report = patched(
      r => (r.build.env.cargoVarNames = Array(30).fill('X\u0000')),
    );
    const lines = formatReportIssues(issuesOf(report)).split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('… and 10 more');
  });
});

describe('the JSON Schema of the bounds', () => {
  /** Every `type: string` node of the schema, with where it is. */
  function stringNodes(
    node: unknown,
    where = '#',
  ): Array<{ where: string; node: Record<string, unknown> }> {
    if (typeof node !== 'object' || node === null) return [];
    const own = node as Record<string, unknown>;
    const children = Object.entries(own).flatMap(([key, child]) =>
      Array.isArray(child)
        ? child.flatMap((item, i) => stringNodes(item, `${where}/${key}/${i}`))
        : stringNodes(child, `${where}/${key}`),
    );
    return own.type === 'string'
      ? [{ where, node: own }, ...children]
      : children;
  }

  const patternsOf = (node: Record<string, unknown>): string[] => [
    ...(typeof node.pattern === 'string' ? [node.pattern] : []),
    ...((node.allOf as Array<{ pattern?: string }> | undefined) ?? []).flatMap(
      part => (part.pattern ? [part.pattern] : []),
    ),
  ];

  it('states the no-NUL rule for every string but the few with a pattern of their own', () => {
    const nodes = stringNodes(buildReportJsonSchema());
    const wellFormed = patternsOf(
      nodes.find(({ where }) => where.endsWith('/repository/properties/owner'))!
        .node,
    )[0];
    expect(new RegExp(wellFormed).test('a\u0000b')).toBe(false);
    const withoutIt = nodes.filter(
      ({ node }) =>
        node.enum === undefined &&
        node.const === undefined &&
        !patternsOf(node).includes(wellFormed),
    );
    // Each of these is a strict pattern (host name, hex digest, ISO time) that refuses NUL.
    expect(
      withoutIt.map(({ where }) => where.replace(/\/properties\//g, '.')),
    ).toEqual([
      '#.source.repository.host',
      '#.source.startedAt/anyOf/0',
      '#.source.finishedAt',
      '#.dependencies/anyOf/0.fingerprint/anyOf/0',
      '#.build.env.rustflags.sha256/anyOf/0',
      '#.keyInputs.workspaceDir/anyOf/1.sha256',
      '#.keyInputs.cargoHome/anyOf/0/anyOf/1.sha256',
      '#.keyInputs.cargoVarValueSha256/additionalProperties',
    ]);
    for (const { node } of withoutIt) {
      expect(patternsOf(node).some(p => !new RegExp(p).test('\u0000'))).toBe(
        true,
      );
    }
  });

  it('states the count maximum and the map key bound', () => {
    const counters = (buildReportJsonSchema() as any).properties.sccache
      .anyOf[0].properties.counters.properties;
    expect(counters.compileRequests.maximum).toBe(MAX_REPORT_COUNT);
    expect(counters.hits.maxProperties).toBe(MAX_REPORT_MAP_KEYS);
    expect(counters.hits.description).toContain('validateReport only');
  });
});
