import { ConfigReader } from '@backstage/config';
import { readRustBuildCacheConfig } from './config';

describe('readRustBuildCacheConfig', () => {
  it('applies the documented defaults', () => {
    expect(readRustBuildCacheConfig(new ConfigReader({}))).toEqual({
      maxReportBytes: 1048576,
      maxBatchReports: 100,
      maxBatchBytes: 8388608,
      reportRetentionDays: 90,
      rollupRetentionDays: 730,
      preparedStatements: true,
      entityLinksSchedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 5 },
        scope: 'global',
      },
      pull: {
        schedule: {
          frequency: { minutes: 30 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 1 },
          scope: 'global',
        },
        concurrency: 2,
        githubActions: { enabled: false },
      },
      snapshot: {
        enabled: true,
        schedule: {
          frequency: { hours: 6 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 2 },
          scope: 'global',
        },
        concurrency: 4,
      },
    });
  });

  it('reads database.preparedStatements (on by default)', () => {
    expect(
      readRustBuildCacheConfig(
        new ConfigReader({
          rustBuildCache: { database: { preparedStatements: false } },
        }),
      ).preparedStatements,
    ).toBe(false);
  });

  it('reads the snapshot settings, and always schedules snapshots globally', () => {
    const { snapshot } = readRustBuildCacheConfig(
      new ConfigReader({
        rustBuildCache: {
          snapshot: {
            enabled: false,
            concurrency: 1,
            schedule: {
              frequency: { hours: 1 },
              timeout: { minutes: 5 },
              scope: 'local',
            },
          },
        },
      }),
    );
    expect(snapshot).toEqual({
      enabled: false,
      concurrency: 1,
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 5 },
        scope: 'global',
      },
    });
  });

  it('reads the pull settings, and always schedules the pull globally', () => {
    const { pull } = readRustBuildCacheConfig(
      new ConfigReader({
        rustBuildCache: {
          pull: {
            schedule: {
              frequency: { minutes: 10 },
              timeout: { minutes: 2 },
              scope: 'local',
            },
            concurrency: 4,
            githubActions: {
              enabled: true,
              artifactName: 'cache-report',
              maxArtifactBytes: 1000,
              retry: { maxAttempts: 5 },
            },
          },
        },
      }),
    );
    expect(pull).toMatchObject({
      schedule: {
        frequency: { minutes: 10 },
        timeout: { minutes: 2 },
        scope: 'global',
      },
      concurrency: 4,
      githubActions: { enabled: true },
    });
  });

  it('reads every key', () => {
    const settings = readRustBuildCacheConfig(
      new ConfigReader({
        rustBuildCache: {
          ingestion: {
            maxReportBytes: 2048,
            maxBatchReports: 10,
            maxBatchBytes: 4096,
          },
          retention: { reportDays: 30, rollupDays: 365 },
          entityLinks: {
            schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
          },
        },
      }),
    );
    expect(settings).toMatchObject({
      maxReportBytes: 2048,
      maxBatchReports: 10,
      maxBatchBytes: 4096,
      reportRetentionDays: 30,
      rollupRetentionDays: 365,
      entityLinksSchedule: {
        frequency: { minutes: 1 },
        timeout: { seconds: 30 },
      },
    });
  });

  it.each([0, -1, 1.5])('refuses %p days of retention', reportDays => {
    expect(() =>
      readRustBuildCacheConfig(
        new ConfigReader({ rustBuildCache: { retention: { reportDays } } }),
      ),
    ).toThrow('Invalid config rustBuildCache.retention.reportDays');
  });

  it.each([
    ['maxBatchReports', 0],
    ['maxBatchReports', 2.5],
    ['maxBatchBytes', -1],
  ])('refuses ingestion.%s = %p', (key, value) => {
    expect(() =>
      readRustBuildCacheConfig(
        new ConfigReader({ rustBuildCache: { ingestion: { [key]: value } } }),
      ),
    ).toThrow(
      `Invalid config rustBuildCache.ingestion.${key}: expected a positive integer, got ${value}`,
    );
  });
});
