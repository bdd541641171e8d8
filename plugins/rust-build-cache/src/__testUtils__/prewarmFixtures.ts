import type {
  PrewarmExecutorInfo,
  PrewarmJob,
  PrewarmRun,
  PrewarmSchedule,
  PrewarmScheduleInput,
  WarmGroup,
  WarmGroupEffect,
  WarmGroupKey,
  WarmPlan,
} from '@rust-build-cache/plugin-rust-build-cache-common';

// Fixtures for the pre-warming page, shaped like the backend's answers for the demo
// catalog (examples/entities.yaml). The hashes are arbitrary hex of the right length.

export const LOCAL_EXECUTOR: PrewarmExecutorInfo = {
  id: 'local',
  title: 'Local',
  description:
    'Runs cargo build with sccache on the Backstage host, in a work directory.',
};

export const GITHUB_ACTIONS_EXECUTOR: PrewarmExecutorInfo = {
  id: 'github-actions',
  title: 'GitHub Actions',
  description: 'Dispatches the reusable pre-warm workflow and follows its run.',
};

export function exampleScheduleInput(
  overrides: Partial<PrewarmScheduleInput> = {},
): PrewarmScheduleInput {
  return {
    name: 'Payments nightly',
    cron: '0 3 * * 1-5',
    timeZone: 'Europe/Berlin',
    scope: {
      owners: ['group:default/payments'],
      tags: ['rust'],
      entityRefs: [],
    },
    executorId: 'local',
    concurrency: 2,
    timeLimitMinutes: 45,
    ...overrides,
  };
}

export function exampleSchedule(
  overrides: Partial<PrewarmSchedule> = {},
): PrewarmSchedule {
  return {
    ...exampleScheduleInput(),
    id: '6f1c2a0e-8d43-4a55-9a1b-2c7e4f0d9b31',
    paused: false,
    createdBy: 'user:default/guest',
    createdAt: '2026-11-20T09:12:44.000Z',
    updatedAt: '2026-11-20T09:12:44.000Z',
    nextRunAt: '2026-11-30T02:00:00.000Z',
    problem: null,
    lastRun: {
      id: 'a7d0e5c4-1f0b-4d7e-b9f3-5a1c0e2d4b68',
      state: 'succeeded',
      startedAt: '2026-11-27T02:00:03.000Z',
      finishedAt: '2026-11-27T02:06:41.000Z',
    },
    ...overrides,
  };
}

export const BILLING_KEY: WarmGroupKey = {
  rustc: '1.95.0',
  target: 'x86_64-unknown-linux-gnu',
  profile: 'dev',
  rustflagsSha256: null,
  cargoVarNames: ['CARGO_HOME', 'CARGO_INCREMENTAL'],
  cacheBackend: 'local',
  cacheLocation: '/var/cache/sccache',
  dependencyFingerprint:
    '3b9f0c6e51d2a7b48e0f1c2d3a4b5c6d7e8f90112233445566778899aabbccdd',
};

export const LEDGER_KEY: WarmGroupKey = {
  ...BILLING_KEY,
  profile: 'release',
  rustflagsSha256:
    'e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70',
  dependencyFingerprint:
    '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b',
};

export const BILLING_GROUP: WarmGroup = {
  id: 'd4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3',
  key: BILLING_KEY,
  representative: {
    entityRef: 'component:default/billing-api',
    repository: 'github.com/acme-demo/billing-api',
    workspacePath: '.',
    commit: '8f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e',
  },
  entityRefs: [
    'component:default/billing-api',
    'component:default/ledger-worker',
  ],
  expectedBenefit: 2 * 212 * 96.4,
};

export const LEDGER_GROUP: WarmGroup = {
  id: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
  key: LEDGER_KEY,
  representative: {
    entityRef: 'component:default/search-indexer',
    repository: 'github.com/acme-demo/search-indexer',
    workspacePath: 'crates/indexer',
    commit: null,
  },
  entityRefs: ['component:default/search-indexer'],
  expectedBenefit: 140 * 51.2,
};

export function examplePlan(overrides: Partial<WarmPlan> = {}): WarmPlan {
  return {
    groups: [BILLING_GROUP, LEDGER_GROUP],
    deduplicated: 1,
    skipped: [
      {
        entityRef: 'component:default/rate-limiter',
        reason: 'no CI report yet',
      },
    ],
    ...overrides,
  };
}

export function exampleJob(overrides: Partial<PrewarmJob> = {}): PrewarmJob {
  return {
    id: 'job-1',
    runId: 'run-1',
    groupId: BILLING_GROUP.id,
    key: BILLING_KEY,
    representative: BILLING_GROUP.representative,
    entityRefs: BILLING_GROUP.entityRefs,
    state: 'succeeded',
    queuedAt: '2026-11-27T02:00:00.000Z',
    startedAt: '2026-11-27T02:00:03.000Z',
    finishedAt: '2026-11-27T02:03:15.000Z',
    externalUrl: null,
    cacheWrites: 187,
    reportId: 'report-prewarm-1',
    logTail:
      '   Compiling serde v1.0.228\n   Compiling tokio v1.47.1\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 3m 11s',
    error: null,
    ...overrides,
  };
}

export function exampleRun(overrides: Partial<PrewarmRun> = {}): PrewarmRun {
  return {
    id: 'run-1',
    scheduleId: exampleSchedule().id,
    scheduleName: 'Payments nightly',
    trigger: 'manual',
    triggeredBy: 'user:default/guest',
    executorId: 'local',
    state: 'succeeded',
    scheduledFor: null,
    queuedAt: '2026-11-27T02:00:00.000Z',
    startedAt: '2026-11-27T02:00:03.000Z',
    finishedAt: '2026-11-27T02:06:41.000Z',
    jobs: [exampleJob()],
    ...overrides,
  };
}

export function exampleEffect(
  overrides: Partial<WarmGroupEffect> = {},
): WarmGroupEffect {
  return {
    groupId: BILLING_GROUP.id,
    key: BILLING_KEY,
    entityRefs: BILLING_GROUP.entityRefs,
    lastWarmJob: {
      id: 'job-1',
      finishedAt: '2026-11-27T02:03:15.000Z',
      cacheWrites: 187,
      reportId: 'report-prewarm-1',
    },
    before: {
      runs: 12,
      hitRate: 0.412,
      effectiveHitRate: 0.455,
      meanBuildSeconds: 254.3,
    },
    after: {
      runs: 9,
      hitRate: 0.934,
      effectiveHitRate: 0.967,
      meanBuildSeconds: 71.8,
    },
    keyMismatch: null,
    ...overrides,
  };
}
