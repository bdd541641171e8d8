import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';

/**
 * A test module that hands out the plugin's scheduler, so that a test can list the
 * plugin's tasks and trigger them. Add `feature` to `startTestBackend`, then call
 * `scheduler()` once the backend has started.
 *
 * @public
 */
export function captureScheduler() {
  let captured: SchedulerService | undefined;
  return {
    feature: createBackendModule({
      pluginId: 'rust-build-cache',
      moduleId: 'scheduler-capture',
      register(env) {
        env.registerInit({
          deps: { pluginScheduler: coreServices.scheduler },
          async init({ pluginScheduler }) {
            captured = pluginScheduler;
          },
        });
      },
    }),
    scheduler(): SchedulerService {
      if (!captured) throw new Error('scheduler not captured');
      return captured;
    },
  };
}
