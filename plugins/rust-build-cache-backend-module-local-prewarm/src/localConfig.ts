import { resolve } from 'node:path';
import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  isRepositoryName,
  readPositiveInteger,
} from '@rust-build-cache/plugin-rust-build-cache-node';

/** The configuration key of the local executor, for messages. */
export const LOCAL_KEY = 'rustBuildCache.prewarm.executors.local';

/** Variables the local executor sets itself; `env` may not override them. */
const RESERVED_ENV = [
  'RUSTC_WRAPPER',
  'CARGO_INCREMENTAL',
  'SCCACHE_DIR',
  'SCCACHE_SERVER_PORT',
  'SCCACHE_PATH',
  'CARGO_TARGET_DIR',
];

/** `rustBuildCache.prewarm.executors.local`, with defaults applied and paths resolved. */
export interface LocalExecutorConfig {
  /** Absolute; every job checks out into a fresh directory under it. */
  workDirectory: string;
  /** Absolute; the shared sccache disk cache the warm builds write to. */
  sccacheDir: string;
  cargoPath: string;
  sccachePath: string;
  /** Repository `host/owner/name` → git URL or local directory. */
  sources: Record<string, string>;
  /** Extra environment of the warm build, e.g. the consumers' RUSTFLAGS. */
  env: Record<string, string>;
  /** Seconds an idle private sccache server lives if the backend dies mid-job. */
  sccacheIdleTimeoutSeconds: number;
}

/** The local executor's settings, or null when `enabled` is not true. Errors name the key. */
export function readLocalExecutorConfig(
  config: RootConfigService,
): LocalExecutorConfig | null {
  if (!(config.getOptionalBoolean(`${LOCAL_KEY}.enabled`) ?? false)) {
    return null;
  }
  const sources: Record<string, string> = {};
  const sourcesKey = `${LOCAL_KEY}.sources`;
  for (const [index, entry] of (
    config.getOptionalConfigArray(sourcesKey) ?? []
  ).entries()) {
    const key = `${sourcesKey}[${index}]`;
    const repository = entry.getOptionalString('repository')?.trim() ?? '';
    if (!isRepositoryName(repository)) {
      throw new Error(
        `Invalid config ${key}.repository: expected host/owner/name, e.g. github.com/acme/billing, got '${repository}'`,
      );
    }
    const location = entry.getOptionalString('location')?.trim();
    if (!location) {
      throw new Error(
        `Missing config ${key}.location: a git URL or a local directory for ${repository}`,
      );
    }
    sources[normaliseRepository(repository)] = isUrl(location)
      ? location
      : resolve(location);
  }
  const env: Record<string, string> = {};
  const envKey = `${LOCAL_KEY}.env`;
  // Read as raw data: variable names need not be valid config key paths.
  const rawEnv = config.getOptional(envKey) ?? {};
  if (typeof rawEnv !== 'object' || rawEnv === null || Array.isArray(rawEnv)) {
    throw new Error(
      `Invalid config ${envKey}: expected an object of variable names to string values`,
    );
  }
  for (const [name, value] of Object.entries(rawEnv)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new Error(
        `Invalid config ${envKey}: '${name}' is not an environment variable name`,
      );
    }
    if (RESERVED_ENV.includes(name)) {
      throw new Error(
        `Invalid config ${envKey}.${name}: the local executor sets ${name} itself`,
      );
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(
        `Invalid config ${envKey}.${name}: expected a string, got ${
          value === null ? 'null' : typeof value
        }`,
      );
    }
    env[name] = String(value);
  }
  return {
    workDirectory: resolve(
      requiredString(config, `${LOCAL_KEY}.workDirectory`),
    ),
    sccacheDir: resolve(requiredString(config, `${LOCAL_KEY}.sccacheDir`)),
    cargoPath: optionalString(config, `${LOCAL_KEY}.cargoPath`) ?? 'cargo',
    sccachePath:
      optionalString(config, `${LOCAL_KEY}.sccachePath`) ?? 'sccache',
    sources,
    env,
    sccacheIdleTimeoutSeconds: readPositiveInteger(
      config,
      `${LOCAL_KEY}.sccacheIdleTimeoutSeconds`,
      600,
    ),
  };
}

/** Repository names compare case-insensitively (as on GitHub, and in warm plans). */
function normaliseRepository(value: string): string {
  return value.toLowerCase();
}

function isUrl(value: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^[^/\s]+@[^:\s]+:/.test(value)
  );
}

function requiredString(config: RootConfigService, key: string): string {
  const value = config.getOptionalString(key)?.trim();
  if (!value) {
    throw new Error(
      `Missing config ${key}: required when ${key.replace(
        /\.[^.]+$/,
        '',
      )}.enabled is true`,
    );
  }
  return value;
}

function optionalString(
  config: RootConfigService,
  key: string,
): string | undefined {
  const value = config.getOptionalString(key)?.trim();
  return value ? value : undefined;
}

/** `host/owner/name` → the configured source, or the HTTPS clone URL of the repository. */
export function sourceOf(config: LocalExecutorConfig, repository: string) {
  return (
    config.sources[normaliseRepository(repository)] ??
    `https://${repository}.git`
  );
}
