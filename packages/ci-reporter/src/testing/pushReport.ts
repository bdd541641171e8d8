/** A valid report as `push` sends it: its tests' fixture. */
export const PUSH_REPORT = {
  schemaVersion: 1,
  kind: 'ci',
  source: {
    repository: { host: 'github.com', owner: 'acme', name: 'payments' },
    workspacePath: '.',
    branch: 'main',
    commit: '0123456789abcdef0123456789abcdef01234567',
    ci: {
      provider: 'github-actions',
      runId: '4242',
      runAttempt: 1,
      job: 'build',
      url: null,
    },
    startedAt: null,
    finishedAt: '2026-01-31T12:00:00.000Z',
  },
  sccache: null,
  toolchain: { file: null, rustc: null },
  dependencies: null,
  build: {
    profiles: {},
    env: {
      rustcWrapper: 'sccache',
      cargoIncremental: '0',
      rustflags: { set: false, sha256: null },
      cargoVarNames: ['CARGO_INCREMENTAL'],
      sccacheVarNames: [],
      sccacheCacheSize: null,
    },
  },
  timings: null,
};
