import { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import type {
  RunDetail,
  RunPage,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  createRustWorkspace,
  findRustTools,
  isolatedEnv,
  runRustBuildCacheCli,
  startSccacheServer,
  type ProcessEnv,
  type RustWorkspace,
  type SccacheServer,
} from '@rust-build-cache/ci-reporter/testing';
import request from 'supertest';

// The whole CI path with nothing faked: a real Cargo workspace built twice through a real
// sccache, the real CLI (collect, then push over HTTP on loopback with a static external
// access token), and the real backend plugin storing and serving the reports.

jest.setTimeout(180_000);

const TOKEN = 'integration-test-ci-token-0123456789';
const tools = findRustTools(['itoa', 'cfg-if']);

if (tools.missing.length > 0) {
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED src/ciToBackend.test.ts (real sccache build pushed to the backend): missing ${tools.missing.join(
      ', ',
    )}. scripts/install-system-deps installs them.`,
  );
}

async function runCli(args: string[], cwd: string, env: ProcessEnv) {
  const run = await runRustBuildCacheCli(args, { cwd, env });
  if (run.code !== 0) {
    throw new Error(
      `rust-build-cache ${args[0]} exited ${run.code}: ${run.stderr}`,
    );
  }
  return run;
}

(tools.missing.length > 0 ? describe.skip : describe)(
  'a real CI build pushed to the backend',
  () => {
    let tmp: string;
    let workspace: RustWorkspace;
    let sccache: SccacheServer | undefined;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-ci-to-backend-'));
      workspace = await createRustWorkspace(join(tmp, 'billing'), {
        name: 'billing',
        deps: { itoa: '1', 'cfg-if': '1' },
      });
      sccache = await startSccacheServer({
        sccache: tools.sccache!,
        cacheDir: join(tmp, 'sccache'),
      });
    });

    afterAll(async () => {
      await sccache?.stop();
      await rm(tmp, { recursive: true, force: true });
    });

    it('shows misses for the cold build and hits for the warm one', async () => {
      const { server } = await startTestBackend({
        features: [
          rustBuildCachePlugin,
          authServiceFactory,
          httpAuthServiceFactory,
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: {
                  name: 'billing',
                  annotations: {
                    'github.com/project-slug': 'acme/billing',
                    'rust-build-cache/workspace': '.',
                  },
                },
                spec: { type: 'service', lifecycle: 'production', owner: 'a' },
              },
            ],
          }),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: TOKEN, subject: 'ci' },
                      accessRestrictions: [{ plugin: 'rust-build-cache' }],
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      const { port } = server.address() as AddressInfo;
      const buildEnv: ProcessEnv = { ...isolatedEnv(), ...sccache!.buildEnv };

      for (const run of [1, 2]) {
        await sccache!.zeroStats();
        await workspace.cargoBuild({
          targetDir: `target-${run}`,
          env: buildEnv,
        });
        const reportFile = join(tmp, `report-${run}.json`);
        await runCli(
          [
            'collect',
            '--workspace',
            workspace.dir,
            '--repository',
            'github.com/acme/billing',
            '--run-id',
            `run-${run}`,
            '--output',
            reportFile,
          ],
          workspace.dir,
          buildEnv,
        );
        const { stdout, stderr } = await runCli(
          [
            'push',
            '--report',
            reportFile,
            '--url',
            `http://127.0.0.1:${port}`,
            '--token',
            TOKEN,
            '--strict',
          ],
          workspace.dir,
          buildEnv,
        );
        const report = JSON.parse(await readFile(reportFile, 'utf8'));
        expect(report.source.ci.runId).toBe(`run-${run}`);
        expect(`${stdout}${stderr}`).toMatch(/component:default\/billing/);
      }

      // Read back as a service caller: the static token (real auth, not a mock user).
      const runs = await request(server)
        .get('/api/rust-build-cache/entities/default/component/billing/runs')
        .set('Authorization', `Bearer ${TOKEN}`)
        .expect(200);
      const page = runs.body as RunPage;
      expect(page.total).toBe(2);
      // Newest first: run 2 (warm), then run 1 (cold).
      const [warm, cold] = page.items;
      expect(cold.runId).toBe('run-1');
      expect(cold.metrics).toMatchObject({ hits: 0 });
      expect(cold.metrics!.misses).toBeGreaterThanOrEqual(2);
      expect(warm.runId).toBe('run-2');
      expect(warm.metrics).toMatchObject({ misses: 0, hitRate: 1 });
      expect(warm.metrics!.hits).toBe(cold.metrics!.misses);

      const detail = await request(server)
        .get(`/api/rust-build-cache/runs/${warm.id}`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .expect(200);
      expect(
        (detail.body as RunDetail).report.toolchain.rustc?.release,
      ).toMatch(/^\d+\.\d+\.\d+/);
    });
  },
);
