import { ConfigReader } from '@backstage/config';
import { readRustBuildCacheConfig } from './config';

describe('readRustBuildCacheConfig', () => {
  it('applies the documented defaults', () => {
    expect(readRustBuildCacheConfig(new ConfigReader({}))).toEqual({
      maxReportBytes: 1048576,
      reportRetentionDays: 90,
      rollupRetentionDays: 730,
      entityLinksSchedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 5 },
        scope: 'global',
      },
    });
  });

  it('reads every key', () => {
    const settings = readRustBuildCacheConfig(
      new ConfigReader({
        rustBuildCache: {
          ingestion: { maxReportBytes: 2048 },
          retention: { reportDays: 30, rollupDays: 365 },
          entityLinks: {
            schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
          },
        },
      }),
    );
    expect(settings).toMatchObject({
      maxReportBytes: 2048,
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
});
