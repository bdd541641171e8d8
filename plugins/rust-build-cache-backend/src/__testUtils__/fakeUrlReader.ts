import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';

/**
 * A UrlReader serving files of one GitHub-style repository from a map of paths to text
 * (an Error value makes that file fail). Missing files throw NotFoundError, as the real
 * readers do. Records the URLs read.
 */
export class FakeUrlReader implements UrlReaderService {
  readonly files = new Map<string, string | Error>();
  readonly requests: string[] = [];

  constructor(private readonly base = 'https://github.com/acme/platform') {}

  async readUrl(url: string): Promise<UrlReaderServiceReadUrlResponse> {
    this.requests.push(url);
    const path = this.pathOf(url, 'blob');
    const file = path === undefined ? undefined : this.files.get(path);
    if (file === undefined) throw new NotFoundError(`${url} not found`);
    if (file instanceof Error) throw file;
    return { buffer: async () => Buffer.from(file, 'utf8') };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    this.requests.push(url);
    const folder = this.pathOf(url, 'tree');
    const prefix = `${folder}/`;
    const entries = [...this.files.entries()]
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, content]) => ({ path: path.slice(prefix.length), content }))
      .filter(entry => options?.filter?.(entry.path) ?? true);
    if (entries.length === 0) throw new NotFoundError(`${url} not found`);
    return {
      files: async () =>
        entries.map(entry => ({
          path: entry.path,
          content: async () => {
            if (entry.content instanceof Error) throw entry.content;
            return Buffer.from(entry.content, 'utf8');
          },
        })),
      archive: async () => {
        throw new Error('not implemented');
      },
      dir: async () => {
        throw new Error('not implemented');
      },
      etag: 'etag',
    };
  }

  async search(): Promise<UrlReaderServiceSearchResponse> {
    throw new Error('not implemented');
  }

  private pathOf(url: string, mode: 'blob' | 'tree'): string | undefined {
    const prefix = `${this.base}/${mode}/HEAD/`;
    return url.startsWith(prefix) ? url.slice(prefix.length) : undefined;
  }
}
