import { RootConfigService } from '@backstage/backend-plugin-api';

const GITHUB_MODULE =
  '@rust-build-cache/plugin-rust-build-cache-backend-module-github';
const LOCAL_PREWARM_MODULE =
  '@rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm';

/**
 * The config switches of the integrations that live in backend modules: which pull
 * provider or pre-warm executor each one turns on, and the module that provides it.
 */
const SWITCHES = [
  {
    key: 'rustBuildCache.pull.githubActions.enabled',
    kind: 'pullProvider',
    id: 'github-actions',
    module: GITHUB_MODULE,
  },
  {
    key: 'rustBuildCache.prewarm.executors.githubActions.enabled',
    kind: 'prewarmExecutor',
    id: 'github-actions',
    module: GITHUB_MODULE,
  },
  {
    key: 'rustBuildCache.prewarm.executors.local.enabled',
    kind: 'prewarmExecutor',
    id: 'local',
    module: LOCAL_PREWARM_MODULE,
  },
] as const;

/**
 * Fails the start when the config enables an integration that no module provides: an
 * adopter who kept the config of the time these integrations were built in, or who forgot
 * to add the module, learns which module to add instead of silently getting nothing.
 */
export function requireIntegrationModules(options: {
  config: RootConfigService;
  pullProviderIds: Iterable<string>;
  prewarmExecutorIds: Iterable<string>;
}): void {
  const registered = {
    pullProvider: new Set(options.pullProviderIds),
    prewarmExecutor: new Set(options.prewarmExecutorIds),
  };
  const missing = SWITCHES.filter(
    ({ key, kind, id }) =>
      options.config.getOptionalBoolean(key) === true &&
      !registered[kind].has(id),
  );
  if (missing.length === 0) {
    return;
  }
  const modules = [...new Set(missing.map(s => s.module))];
  const what = missing
    .map(
      ({ key, kind, id }) =>
        `${key} is true, but no module provides the '${id}' ${
          kind === 'pullProvider' ? 'pull provider' : 'pre-warm executor'
        }`,
    )
    .join('; ');
  throw new Error(
    `${what}. Add ${modules
      .map(module => `backend.add(import('${module}'))`)
      .join(
        ' and ',
      )} to your backend (packages/backend/src/index.ts, after yarn --cwd packages/backend add ${modules.join(
      ' ',
    )}), or set ${missing.map(s => s.key).join(', ')} to false.`,
  );
}
