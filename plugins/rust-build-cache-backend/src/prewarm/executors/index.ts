import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { PrewarmExecutor } from '@rust-build-cache/plugin-rust-build-cache-node';
import { readPrewarmExecutorsConfig } from './executorConfig';
import { GithubActionsPrewarmExecutor } from './GithubActionsPrewarmExecutor';
import { LocalPrewarmExecutor } from './LocalPrewarmExecutor';

export { readPrewarmExecutorsConfig } from './executorConfig';
export type {
  GithubActionsExecutorConfig,
  LocalExecutorConfig,
  PrewarmExecutorsConfig,
} from './executorConfig';
export { LocalPrewarmExecutor } from './LocalPrewarmExecutor';
export {
  GithubActionsPrewarmExecutor,
  prewarmWorkflowInputs,
} from './GithubActionsPrewarmExecutor';
export type { PrewarmWorkflowInputs } from './GithubActionsPrewarmExecutor';

/**
 * The executors built into the backend that `rustBuildCache.prewarm.executors` enables:
 * `local` (builds on the Backstage host) and `github-actions` (dispatches a workflow).
 * Throws an error naming the config key when their settings are invalid.
 */
export function createBuiltInPrewarmExecutors(options: {
  config: RootConfigService;
  logger: LoggerService;
}): PrewarmExecutor[] {
  const settings = readPrewarmExecutorsConfig(options.config);
  const executors: PrewarmExecutor[] = [];
  if (settings.local) {
    executors.push(new LocalPrewarmExecutor(settings.local));
    options.logger.info(
      `Pre-warm executor 'local' builds in ${settings.local.workDirectory} into the sccache directory ${settings.local.sccacheDir}`,
    );
  }
  if (settings.githubActions) {
    executors.push(
      GithubActionsPrewarmExecutor.fromConfig(
        options.config,
        settings.githubActions,
      ),
    );
    options.logger.info(
      `Pre-warm executor 'github-actions' dispatches ${settings.githubActions.workflow}@${settings.githubActions.ref}`,
    );
  }
  return executors;
}
