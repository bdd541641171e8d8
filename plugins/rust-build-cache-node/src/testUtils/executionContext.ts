import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  BuildCacheReport,
  formatReportIssues,
  validateReport,
  WarmGroupKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type {
  PrewarmExecutionContext,
  PrewarmJobSpec,
} from '@rust-build-cache/plugin-rust-build-cache-node';

/**
 * A pre-warm execution context that records what the executor did.
 *
 * @public
 */
export interface RecordingContext extends PrewarmExecutionContext {
  log(): string;
  reports: BuildCacheReport[];
  externalRuns: Array<{ id: string; url: string | null }>;
  abort(reason?: unknown): void;
}

/**
 * A warm-group key for tests, with `overrides` applied.
 *
 * @public
 */
export function testKey(overrides: Partial<WarmGroupKey> = {}): WarmGroupKey {
  return {
    rustc: '1.95.0',
    target: 'x86_64-unknown-linux-gnu',
    profile: 'dev',
    rustflagsSha256: null,
    cargoVarNames: ['CARGO_INCREMENTAL'],
    cacheBackend: 'local',
    cacheLocation: '/tmp/sccache',
    dependencyFingerprint: 'f'.repeat(64),
    ...overrides,
  };
}

/**
 * A warm job for tests, with `overrides` applied.
 *
 * @public
 */
export function testJob(
  overrides: Partial<PrewarmJobSpec> = {},
): PrewarmJobSpec {
  return {
    jobId: 'job-1',
    runId: 'run-1',
    groupId: 'group-1',
    key: testKey(),
    representative: {
      entityRef: 'component:default/a',
      repository: 'github.com/acme/a',
      workspacePath: '.',
      commit: null,
    },
    entityRefs: ['component:default/a'],
    ...overrides,
  };
}

/**
 * A context that validates ingested reports like the backend does and records everything.
 *
 * @public
 */
export function recordingContext(job: PrewarmJobSpec): RecordingContext {
  const controller = new AbortController();
  let log = '';
  const reports: BuildCacheReport[] = [];
  const externalRuns: Array<{ id: string; url: string | null }> = [];
  return {
    job,
    signal: controller.signal,
    logger: mockServices.logger.mock(),
    appendLog: text => {
      log += text;
    },
    setExternalRun: async run => {
      externalRuns.push(run);
    },
    ingest: async report => {
      const result = validateReport(report);
      if (!result.ok) {
        throw new InputError(formatReportIssues(result.issues));
      }
      reports.push(result.report);
      return { id: `report-${reports.length}`, created: true };
    },
    log: () => log,
    reports,
    externalRuns,
    abort: reason => controller.abort(reason),
  };
}
