import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { RUST_BUILD_CACHE_PLUGIN_ID } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  PrewarmRunStarter,
  rustBuildCachePrewarmRunsExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { seedDemoPrewarm } from './demoPrewarm';
import { buildDemoReports } from './demoReports';

/** The policy page's trend shows 90 days. */
const DEMO_TREND_DAYS = 90;
const TREND_ATTEMPTS = 30;
const TREND_RETRY_MS = 5_000;

/**
 * Seeds the demo catalog's build-cache history when `rustBuildCache.demoData.enabled` is
 * true (app-config.yaml; app-config.production.yaml turns it off). Reports go through
 * `POST /api/rust-build-cache/reports` with this module's service token, the path CI takes,
 * so they are validated and deduplicated like any CI report: a restart adds nothing twice.
 * Then the policy trend's past days are recomputed from them (`POST /scorecards/trend/backfill`),
 * so the trend shows the history on first start, and on a fresh database the demo's
 * pre-warm schedules run once for real (see `seedDemoPrewarm`), through the plugin's
 * pre-warm service: its HTTP routes that start runs accept users only.
 */
export default createBackendModule({
  pluginId: RUST_BUILD_CACHE_PLUGIN_ID,
  moduleId: 'demo-data',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
        prewarmRuns: rustBuildCachePrewarmRunsExtensionPoint,
      },
      async init({ config, logger, discovery, auth, lifecycle, prewarmRuns }) {
        if (!config.getOptionalBoolean('rustBuildCache.demoData.enabled')) {
          return;
        }
        const prewarm = new Promise<PrewarmRunStarter>(started =>
          prewarmRuns.onStarted(started),
        );
        lifecycle.addStartupHook(() => {
          // In the background: the backend is ready before the demo history is.
          seed().catch(error =>
            logger.error(`Seeding demo build-cache reports failed: ${error}`),
          );
        });

        /** A POST to the plugin with this module's service token, as CI's push does. */
        async function post(path: string, body?: unknown): Promise<Response> {
          const baseUrl = await discovery.getBaseUrl(
            RUST_BUILD_CACHE_PLUGIN_ID,
          );
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: RUST_BUILD_CACHE_PLUGIN_ID,
          });
          const response = await fetch(`${baseUrl}${path}`, {
            method: 'POST',
            headers: {
              ...(body === undefined
                ? {}
                : { 'content-type': 'application/json' }),
              authorization: `Bearer ${token}`,
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          if (!response.ok) throw await ResponseError.fromResponse(response);
          return response;
        }

        async function seed() {
          const reports = buildDemoReports(new Date());
          let created = 0;
          for (const report of reports) {
            const response = await post('/reports', report);
            if (response.status === 201) created++;
          }
          logger.info(
            `Demo data: ${created} new of ${reports.length} demo build-cache reports (job "demo-data")`,
          );
          await Promise.all([
            backfillTrend(),
            prewarm
              .then(runs =>
                seedDemoPrewarm({
                  config,
                  logger,
                  prewarm: runs,
                  pushReport: async report => {
                    await post('/reports', report);
                  },
                }),
              )
              .catch(error =>
                logger.error(`Seeding demo pre-warm runs failed: ${error}`),
              ),
          ]);
        }

        /**
         * The policy trend's past days, computed by the plugin's evaluator from the seeded
         * history. Right after start the catalog may not hold all demo entities yet: the
         * backfill is repeated until two runs in a row see the same, non-zero number of
         * entities. A repeated run only fills what is missing.
         */
        async function backfillTrend() {
          let seen = -1;
          let snapshots = 0;
          for (let attempt = 1; attempt <= TREND_ATTEMPTS; attempt++) {
            const response = await post(
              `/scorecards/trend/backfill?days=${DEMO_TREND_DAYS}`,
            );
            const result: { entities: number; snapshots: number } =
              await response.json();
            snapshots += result.snapshots;
            if (result.entities > 0 && result.entities === seen) break;
            seen = result.entities;
            await new Promise(resolve => setTimeout(resolve, TREND_RETRY_MS));
          }
          logger.info(
            `Demo data: policy trend of the last ${DEMO_TREND_DAYS} days recomputed from the demo reports: ${snapshots} daily snapshots of ${seen} services`,
          );
        }
      },
    });
  },
});
