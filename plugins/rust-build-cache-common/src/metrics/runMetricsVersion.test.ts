import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { parseSccacheStats } from '../sccache/parseSccacheStats';
import { fixturePath, readFixture } from '../testUtils/fixtures';
import { computeRunMetrics, RUN_METRICS_VERSION } from './computeRunMetrics';

/**
 * The digest of computeRunMetrics over every sccache fixture, per RUN_METRICS_VERSION. The
 * backend serves metrics stored at ingestion while their version is current: a change of
 * the output under the same version would leave stored runs with the old numbers.
 */
const DIGEST_BY_VERSION: Record<number, string> = {
  1: '303766cc424736c8',
};

describe('RUN_METRICS_VERSION', () => {
  it('is raised whenever computeRunMetrics answers differently', () => {
    const fixtures = readdirSync(fixturePath('sccache'))
      .filter(name => name.endsWith('.json'))
      .sort();
    expect(fixtures.length).toBeGreaterThan(10);
    const digest = createHash('sha256');
    for (const name of fixtures) {
      const metrics = computeRunMetrics(
        parseSccacheStats(readFixture(`sccache/${name}`)),
      );
      digest.update(`${name} ${canonicalJson(metrics)}\n`);
    }
    // On a failure: if the new numbers are meant, raise RUN_METRICS_VERSION and record the
    // new digest under it (stored runs then get their metrics computed again).
    expect({
      version: RUN_METRICS_VERSION,
      digest: digest.digest('hex').slice(0, 16),
    }).toEqual({
      version: RUN_METRICS_VERSION,
      digest: DIGEST_BY_VERSION[RUN_METRICS_VERSION],
    });
  });
});

/** JSON with sorted keys: the numbers count, not the order the code builds them in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map(key => [key, v[key]]),
        )
      : v,
  );
}
