/**
 * Bad input that stays bad: mutants of the valid example report (see `reportMutants`) go
 * through the real `POST /api/rust-build-cache/reports` on every test database. Each one is
 * refused with 400, 413 or 415 and leaves the report tables as they were, or is a valid
 * report by `validateReport` and is stored (201) or found (200). Never a 5xx.
 *
 * Bounded for CI: RBC_REPORT_FUZZ_RUNS mutants per database (default 150), a random seed
 * each run. On failure fast-check prints the seed and the path of the failing mutant
 * (without shrinking it); replay it with
 *   RBC_REPORT_FUZZ_SEED=<seed> RBC_REPORT_FUZZ_PATH=<path> yarn backstage-cli package test src/reports/reportInput.property
 * (the seed alone replays the whole run).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { validateReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { Mutant, reportMutants } from '../__testUtils__/reportMutants';
import { readExampleReport } from '../__testUtils__/reports';
import { snapshotReportTables } from '../__testUtils__/reportTables';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

const RUNS = Number(process.env.RBC_REPORT_FUZZ_RUNS ?? 150);
const SEED = process.env.RBC_REPORT_FUZZ_SEED;
const PATH = process.env.RBC_REPORT_FUZZ_PATH;

const databases = createTestDatabases();
const asService = mockCredentials.service.header();
const REFUSED = [400, 413, 415];
const MAX_REPORT_BYTES = 1024 * 1024;

/** True when the plugin must store the mutant: JSON within the limit that validateReport accepts. */
function isValidReportBody(mutant: Mutant): boolean {
  if (!/^application\/json(; charset=utf-8)?$/.test(mutant.contentType)) {
    return false;
  }
  if (Buffer.byteLength(mutant.body) > MAX_REPORT_BYTES) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(mutant.body);
  } catch {
    return false;
  }
  return (
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    validateReport(parsed).ok
  );
}

describe.each(databases.eachSupportedId())(
  'POST /reports with mutants of the example report (%s)',
  databaseId => {
    let knex: Knex;
    let stop: (() => Promise<void>) | undefined;

    afterAll(async () => {
      await stop?.();
      await knex?.destroy();
    });

    it(`refuses every invalid mutant with 400/413/415 and changes nothing (${RUNS} runs)`, async () => {
      knex = await databases.init(databaseId);
      const { backend, server } = await startPluginBackend({ knex });
      stop = () => backend.stop();
      let tables = await snapshotReportTables(knex);
      const seen = { refused: 0, stored: 0 };
      const started = Date.now();

      await fc.assert(
        fc.asyncProperty(reportMutants(readExampleReport()), async mutant => {
          const response = await request(server)
            .post('/api/rust-build-cache/reports')
            .set('Authorization', asService)
            .set('Content-Type', mutant.contentType)
            .send(mutant.body);
          const after = await snapshotReportTables(knex);
          const valid = isValidReportBody(mutant);
          seen[valid ? 'stored' : 'refused']++;
          expect(valid ? [200, 201] : REFUSED).toContain(response.status);
          // Stored: the ingest response; refused: a Backstage error that says why.
          expect(Object.keys(response.body)).toEqual(
            valid
              ? ['id', 'created', 'entityRef', 'entityStatus']
              : ['error', 'request', 'response'],
          );
          expect(typeof (response.body.id ?? response.body.error.message)).toBe(
            'string',
          );
          // A refused request changes nothing; a stored one adds its row (and rollup).
          expect(after).toEqual(valid ? after : tables);
          tables = after;
        }),
        {
          numRuns: RUNS,
          // No shrinking: each step is a round trip, and the failing mutant's description
          // (one to three changes) is already small. Its seed and path replay it.
          endOnFailure: true,
          ...(SEED ? { seed: Number(SEED) } : {}),
          ...(PATH ? { path: PATH } : {}),
        },
      );
      // eslint-disable-next-line no-console
      console.info(
        `${databaseId}: ${seen.refused} mutants refused, ${
          seen.stored
        } valid ones stored, in ${Date.now() - started} ms`,
      );
      // Not vacuous: most mutants are bad input (about two in three; a quarter is far off).
      expect(seen.refused).toBeGreaterThanOrEqual(PATH ? 0 : RUNS / 4);
    });
  },
);
