import {
  coreServices,
  createServiceFactory,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { startPluginBackend, TestConfigData } from './pluginBackend';

/**
 * Every route the plugin registers on its HTTP router, as `METHOD /path` with OpenAPI
 * path templates (`/runs/{id}`). The plugin starts in a test backend whose `httpRouter`
 * only records what it is given; the express routers are then walked. The framework's
 * own routes under the plugin's path (`/.backstage/…`, `/.well-known/…`) are left out.
 */
export async function servedRoutes(options: {
  knex: Knex;
  config?: TestConfigData;
}): Promise<string[]> {
  const handlers: unknown[] = [];
  const recordingHttpRouter = createServiceFactory({
    service: coreServices.httpRouter,
    deps: {},
    factory: (): HttpRouterService => ({
      use: handler => {
        handlers.push(handler);
      },
      addAuthPolicy: () => {},
    }),
  });
  const { backend } = await startPluginBackend({
    knex: options.knex,
    config: options.config,
    features: [recordingHttpRouter],
  });
  try {
    const routes = handlers.flatMap(handler => routesOf(handler, ''));
    return [...new Set(routes)]
      .filter(route => !/ \/\.(backstage|well-known)\//.test(route))
      .sort();
  } finally {
    await backend.stop();
  }
}

interface ExpressLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  name?: string;
  regexp?: RegExp;
  handle?: { stack?: ExpressLayer[] };
}

function routesOf(handler: unknown, prefix: string): string[] {
  const stack = (handler as { stack?: ExpressLayer[] }).stack;
  if (!Array.isArray(stack)) return [];
  return stack.flatMap(layer => {
    if (layer.route) {
      const { path, methods } = layer.route;
      if (typeof path !== 'string') {
        throw new Error(
          `Cannot describe a route registered with a non-string path: ${String(
            path,
          )}`,
        );
      }
      return Object.keys(methods)
        .filter(method => method !== '_all')
        .map(method => `${method.toUpperCase()} ${toTemplate(prefix + path)}`);
    }
    if (layer.handle?.stack) {
      return routesOf(layer.handle, prefix + mountPath(layer));
    }
    return [];
  });
}

/** The path a nested router is mounted on, from express 4's layer regexp. */
function mountPath(layer: ExpressLayer): string {
  const source = layer.regexp?.source ?? '';
  if (source === '^\\/?(?=\\/|$)' || source === '^\\/?$') return '';
  const match = /^\^(.*)\\\/\?\(\?=\\\/\|\$\)$/.exec(source);
  if (!match || /[()[\]*+?]/.test(match[1].replace(/\\\//g, ''))) {
    throw new Error(
      `Cannot read the mount path of a nested router: /${source}/`,
    );
  }
  return match[1].replace(/\\\//g, '/');
}

/** `/runs/:id` → `/runs/{id}` */
function toTemplate(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}
