/*
 * A real software catalog for the benchmarks: Backstage's catalog backend (its database,
 * processing and HTTP API) in a backend of its own in this process, fed the bench entities
 * by an entity provider, and the catalog service and auth that a plugin of that backend
 * gets. A plugin's calls go over HTTP on loopback to the catalog, as they do in an
 * installation that runs the catalog and this plugin in one backend. Also the choice of
 * catalog that bench/policy.ts evaluates with.
 */
import {
  AuthService,
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { ConfigReader } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { RUST_BUILD_CACHE_WORKSPACE_ANNOTATION } from '@rust-build-cache/plugin-rust-build-cache-common';
import knexFactory from 'knex';
import { BenchDatabase, benchBackendConfig, backendWithConfig } from './lib';

const LOCATION = 'url:http://127.0.0.1/bench-catalog.yaml';
/** How long the catalog may take to process the entities (about 3 minutes for 10,000 on SQLite). */
const READY_TIMEOUT_MS = 15 * 60_000;

export interface RealCatalog {
  /** The catalog service of a plugin with this plugin's id, and that plugin's auth. */
  catalog: CatalogService;
  auth: AuthService;
  /** Seconds until every entity was processed and could be read. */
  readySeconds: number;
  stop(): Promise<void>;
}

/**
 * Starts the catalog on `port` with `entities` (replacing what a reused database holds),
 * and waits until all of them can be read with the workspace annotation. Entities are
 * processed once: their periodic reprocessing is set far apart, so that it does not run
 * while the benchmark measures (it is the catalog's own background work).
 */
export async function startRealCatalog(options: {
  port: number;
  database: BenchDatabase;
  entities: Entity[];
}): Promise<RealCatalog> {
  const started = performance.now();
  const config = new ConfigReader({
    backend: benchBackendConfig(options.port, options.database),
    catalog: { processingInterval: { hours: 24 } },
    permission: { enabled: false },
  });

  const provider: EntityProvider & { connected: Promise<void> } = (() => {
    let connected!: (error?: unknown) => void;
    return {
      connected: new Promise<void>((resolve, reject) => {
        connected = error => (error ? reject(error) : resolve());
      }),
      getProviderName: () => 'rust-build-cache-bench',
      async connect(connection: EntityProviderConnection) {
        try {
          await connection.applyMutation({
            type: 'full',
            entities: options.entities.map(entity => ({
              locationKey: 'rust-build-cache-bench',
              entity: withLocation(entity),
            })),
          });
          connected();
        } catch (error) {
          connected(error);
        }
      },
    };
  })();

  let services: { catalog: CatalogService; auth: AuthService } | undefined;
  const backend = backendWithConfig(config);
  backend.add(catalogPlugin);
  backend.add(
    createBackendModule({
      pluginId: 'catalog',
      moduleId: 'rust-build-cache-bench-entities',
      register(env) {
        env.registerInit({
          deps: { processing: catalogProcessingExtensionPoint },
          async init({ processing }) {
            processing.addEntityProvider(provider);
          },
        });
      },
    }),
  );
  // Its id is this plugin's: the catalog sees the calls this plugin makes.
  backend.add(
    createBackendPlugin({
      pluginId: 'rust-build-cache',
      register(env) {
        env.registerInit({
          deps: { catalog: catalogServiceRef, auth: coreServices.auth },
          async init(deps) {
            services = deps;
          },
        });
      },
    }),
  );
  await backend.start();
  try {
    await provider.connected;
  } catch (error) {
    await backend.stop();
    throw error;
  }
  const { catalog, auth } = services!;
  const credentials = await auth.getOwnServiceCredentials();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (let waited = 0; ; waited++) {
    const { totalItems } = await catalog.queryEntities(
      {
        filter: {
          [`metadata.annotations.${RUST_BUILD_CACHE_WORKSPACE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        limit: 1,
      },
      { credentials },
    );
    if (totalItems === options.entities.length) break;
    if (Date.now() > deadline) {
      await backend.stop();
      throw new Error(
        `The catalog processed ${totalItems} of the ${
          options.entities.length
        } entities in ${
          READY_TIMEOUT_MS / 60_000
        } minutes; its log (LOG_LEVEL=info) names the entities it rejected`,
      );
    }
    if (waited % 10 === 0) {
      console.log(
        JSON.stringify({
          step: 'catalog processing',
          processed: totalItems,
          of: options.entities.length,
        }),
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  await analyzeCatalogDatabase(options.database);
  return {
    catalog,
    auth,
    readySeconds: (performance.now() - started) / 1000,
    stop: () => backend.stop(),
  };
}

/**
 * PostgreSQL: what autovacuum (off on these machines, see docs/benchmarks.md) would have
 * done after the catalog's processing wrote every entity several times: without it the
 * catalog's queries are planned without statistics, over dead rows.
 */
async function analyzeCatalogDatabase(database: BenchDatabase): Promise<void> {
  if (database.client !== 'pg') return;
  const url = new URL(database.connection);
  url.pathname = `/${database.prefix}catalog`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  try {
    await knex.raw('VACUUM ANALYZE');
  } finally {
    await knex.destroy();
  }
}

/** The catalog requires the location an entity was read from. */
function withLocation(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

/** The catalog with each page of `streamEntities` delivered `ms` later. */
export function withPageDelay(
  catalog: CatalogService,
  ms: number,
): CatalogService {
  if (ms <= 0) return catalog;
  return Object.assign(Object.create(catalog), {
    async *streamEntities(
      ...args: Parameters<CatalogService['streamEntities']>
    ) {
      for await (const page of catalog.streamEntities(...args)) {
        await new Promise(resolve => setTimeout(resolve, ms));
        yield page;
      }
    },
  });
}

/** Backstage's catalog backend with the entities (startRealCatalog), or its in-memory test double. */
export type CatalogKind = 'memory' | 'real';

export function catalogKind(value: string): CatalogKind {
  if (value !== 'real' && value !== 'memory')
    throw new Error(`--catalog must list memory or real, not ${value}`);
  return value;
}
