import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { RUST_BUILD_CACHE_PLUGIN_ID } from '@rust-build-cache/plugin-rust-build-cache-common';
import { buildDemoReports } from './demoReports';

/**
 * Seeds the demo catalog's build-cache history when `rustBuildCache.demoData.enabled` is
 * true (app-config.yaml; app-config.production.yaml turns it off). Reports go through
 * `POST /api/rust-build-cache/reports` with this module's service token, the path CI takes,
 * so they are validated and deduplicated like any CI report: a restart adds nothing twice.
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
      },
      async init({ config, logger, discovery, auth, lifecycle }) {
        if (!config.getOptionalBoolean('rustBuildCache.demoData.enabled')) {
          return;
        }
        lifecycle.addStartupHook(() => {
          // In the background: the backend is ready before the demo history is.
          seed().catch(error =>
            logger.error(`Seeding demo build-cache reports failed: ${error}`),
          );
        });

        async function seed() {
          const reports = buildDemoReports(new Date());
          const baseUrl = await discovery.getBaseUrl(
            RUST_BUILD_CACHE_PLUGIN_ID,
          );
          let created = 0;
          for (const report of reports) {
            const { token } = await auth.getPluginRequestToken({
              onBehalfOf: await auth.getOwnServiceCredentials(),
              targetPluginId: RUST_BUILD_CACHE_PLUGIN_ID,
            });
            const response = await fetch(`${baseUrl}/reports`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${token}`,
              },
              body: JSON.stringify(report),
            });
            if (!response.ok) throw await ResponseError.fromResponse(response);
            if (response.status === 201) created++;
          }
          logger.info(
            `Demo data: ${created} new of ${reports.length} demo build-cache reports (job "demo-data")`,
          );
        }
      },
    });
  },
});
