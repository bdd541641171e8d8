import {
  createServiceFactory,
  resolveSafeChildPath,
  type RootConfigService,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  type ReaderFactory,
  type ReadTreeResponseFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import { NotFoundError, NotImplementedError } from '@backstage/errors';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where the demo's repositories are: the local pre-warm executor's sources (app-config.yaml). */
const SOURCES_KEY = 'rustBuildCache.prewarm.executors.local.sources';

/** Folders a tree read skips: build output and git metadata are no repository content. */
const SKIPPED_FOLDERS = new Set(['.git', 'target']);

/**
 * The demo catalog's repositories (`github.com/acme-demo/*`) are fictional: this reader
 * serves their GitHub URLs from the local directories that the local pre-warm executor
 * builds (`examples/workspaces/*`), so that what reads repositories through the UrlReader
 * works in the demo as it does against GitHub: the fix preview's repository files and the
 * fix template's `fetch:plain`. Only the configured repositories; any other URL goes to
 * the next reader (GitHub's). URL forms: `https://github.com/<owner>/<name>`, with
 * `/tree/<ref>/<folder>` or `/blob/<ref>/<file>` (the ref is ignored: one branch each).
 */
export class DemoRepositoryReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const reader = new DemoRepositoryReader(
      demoRepositories(config),
      treeResponseFactory,
    );
    return [{ predicate: url => reader.serves(url), reader }];
  };

  constructor(
    /** `host/owner/name` → absolute directory. */
    private readonly repositories: Map<string, string>,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  serves(url: URL): boolean {
    return this.locate(url) !== undefined;
  }

  async readUrl(url: string) {
    const file = this.locateOrThrow(url, 'blob');
    let buffer: Buffer;
    try {
      buffer = await fs.readFile(file);
    } catch (error) {
      throw notFoundOr(error, url);
    }
    return { buffer: async () => buffer };
  }

  async readTree(
    url: string,
    options?: { filter?(path: string, info?: { size: number }): boolean },
  ) {
    const folder = this.locateOrThrow(url, 'tree');
    let files: string[];
    try {
      files = await listFiles(folder);
    } catch (error) {
      throw notFoundOr(error, url);
    }
    const entries = [];
    for (const file of files) {
      const { size } = await fs.stat(path.join(folder, file));
      if (options?.filter && !options.filter(file, { size })) continue;
      entries.push({
        path: file,
        data: createReadStream(path.join(folder, file)),
      });
    }
    return this.treeResponseFactory.fromReadableArray(entries);
  }

  async search(): Promise<never> {
    throw new NotImplementedError('The demo repository reader does not search');
  }

  toString() {
    return `demo-repositories{${[...this.repositories.keys()].join(',')}}`;
  }

  /** The local path a URL names, or undefined when it is not of a configured repository. */
  private locate(
    url: URL,
  ): { path: string; mode: 'tree' | 'blob' | undefined } | undefined {
    const [owner, name, mode, , ...rest] = url.pathname
      .split('/')
      .filter(Boolean);
    const root = this.repositories.get(`${url.host}/${owner}/${name}`);
    if (!root) return undefined;
    if (mode === undefined) return { path: root, mode: undefined };
    if (mode !== 'tree' && mode !== 'blob') return undefined;
    return {
      path: rest.length
        ? resolveSafeChildPath(root, decodeURIComponent(rest.join('/')))
        : root,
      mode,
    };
  }

  private locateOrThrow(url: string, mode: 'tree' | 'blob'): string {
    const location = this.locate(new URL(url));
    if (!location || (location.mode ?? 'tree') !== mode)
      throw new NotFoundError(
        `${url} is not a ${mode} URL of a demo repository`,
      );
    return location.path;
  }
}

/** The demo reader, added to the backend's UrlReader before the default readers. */
export const demoRepositoryReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return DemoRepositoryReader.factory;
  },
});

function demoRepositories(config: RootConfigService): Map<string, string> {
  const repositories = new Map<string, string>();
  for (const source of config.getOptionalConfigArray(SOURCES_KEY) ?? []) {
    const location = source.getString('location');
    // Git URLs are the pre-warm executor's business; only local directories are served.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) continue;
    repositories.set(
      source.getString('repository').toLowerCase(),
      path.resolve(location),
    );
  }
  return repositories;
}

/** Every file under `root`, as `/`-separated paths relative to it, sorted. */
async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, prefix), {
    withFileTypes: true,
  });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name))
        files.push(...(await listFiles(root, relative)));
    } else if (entry.isFile()) {
      files.push(relative);
    }
  }
  return files;
}

function notFoundOr(error: unknown, url: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR'
    ? new NotFoundError(`${url} not found in the demo repository`)
    : error;
}
