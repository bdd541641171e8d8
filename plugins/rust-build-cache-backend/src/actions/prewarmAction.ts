import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { rustBuildCachePrewarmManagePermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import { PrewarmService } from '../prewarm';
import { ActionAccess } from './actionAccess';

const NAME = 'run-prewarm-schedule';

/**
 * `run-prewarm-schedule`: "run now" of a pre-warm schedule, for signed-in users holding
 * `rust-build-cache.prewarm.manage`; never for services (a token must not start builds).
 */
export function registerRunPrewarmAction(options: {
  actionsRegistry: ActionsRegistryService;
  access: ActionAccess;
  prewarm: PrewarmService;
}) {
  const { actionsRegistry, access, prewarm } = options;
  actionsRegistry.register({
    name: NAME,
    title: 'Run a Rust build cache pre-warm schedule now',
    description: `Starts a run of one pre-warm schedule now, outside its cron: the schedule's executor builds the dependencies of the enrolled services so that their next CI runs hit the cache. Use it after a toolchain upgrade or a large Cargo.lock change, when explain-build-cache-misses shows that the cache keys changed.
Only for signed-in users who may manage pre-warm schedules; a service token is refused. The run goes on in the background: the answer has its id and state (queued or running) and its jobs. Ask the user before calling it: it starts builds.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          scheduleId: z
            .string()
            .min(1)
            .describe('Id of the pre-warm schedule (see the Pre-warm page)'),
        }),
      output: z =>
        z.object({
          runId: z.string(),
          scheduleId: z.string(),
          scheduleName: z.string(),
          state: z.string(),
          triggeredBy: z.string().nullable(),
          queuedAt: z.string(),
          jobs: z.array(
            z.object({ entityRefs: z.array(z.string()), state: z.string() }),
          ),
        }),
    },
    action: async ({ input, credentials, logger }) => {
      const user = await access.requireUserWith(
        credentials,
        rustBuildCachePrewarmManagePermission,
        NAME,
      );
      const triggeredBy = user.principal.userEntityRef;
      const run = await prewarm.runNow(input.scheduleId.trim(), triggeredBy);
      logger.info(
        `Pre-warm run ${run.id} of schedule ${run.scheduleId} started by ${triggeredBy} through the actions registry`,
      );
      return {
        output: {
          runId: run.id,
          scheduleId: run.scheduleId,
          scheduleName: run.scheduleName,
          state: run.state,
          triggeredBy: run.triggeredBy,
          queuedAt: run.queuedAt,
          jobs: run.jobs.map(job => ({
            entityRefs: job.entityRefs,
            state: job.state,
          })),
        },
      };
    },
  });
}
