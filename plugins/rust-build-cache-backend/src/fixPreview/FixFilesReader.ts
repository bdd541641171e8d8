import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ForwardedError, InputError, isError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FixFilesResponse,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { entitySourceKey, getVisibleEntity } from '../catalog';
import {
  repositoryLocation,
  RepositoryLocation,
} from '../snapshot/repositoryLocation';

/** Bounds of one read: the files are configuration, so anything larger is not one. */
export const FIX_FILES_LIMITS = { maxFileBytes: 256 * 1024, maxWorkflows: 50 };

const WORKFLOWS_FOLDER = '.github/workflows';
/** The workflows the fix actions edit: `.yml`/`.yaml` files directly in the folder. */
const isWorkflowFile = (path: string) =>
  !path.includes('/') && /\.ya?ml$/.test(path);

/**
 * Reads the files of an entity's repository that the fix actions of
 * `@rust-build-cache/plugin-rust-build-cache-backend-module-scaffolder` read: the
 * workspace's toolchain files and the GitHub Actions workflows. Through the UrlReader,
 * from the default branch, as the fix template's `fetch:plain` reads the repository.
 */
export class FixFilesReader {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      catalog: CatalogService;
    },
  ) {}

  /**
   * @throws NotFoundError when the caller cannot see the entity; InputError when it names
   * no repository that can be read, or a file is over the bounds.
   */
  async read(options: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<FixFilesResponse> {
    const entity = await getVisibleEntity(this.options.catalog, options);
    const source = entitySourceKey(entity);
    if (!source) {
      throw new InputError(
        `The entity names no repository workspace: set the ${RUST_BUILD_CACHE_WORKSPACE_ANNOTATION} annotation and a repository slug`,
      );
    }
    const location = repositoryLocation(
      entity,
      source.repository,
      this.options.integrations,
    );
    if (!location) {
      throw new InputError(
        `Cannot read ${source.repository}: set the backstage.io/source-location annotation (url:…) or use a GitHub or GitLab integration host`,
      );
    }
    const dir = source.workspacePath === '.' ? '' : `${source.workspacePath}/`;
    const [legacy, toml, workflows] = await Promise.all([
      this.readFile(location, `${dir}rust-toolchain`),
      this.readFile(location, `${dir}rust-toolchain.toml`),
      this.readWorkflows(location),
    ]);
    const files = [legacy, toml, ...workflows]
      .filter((file): file is FixFilesResponse['files'][number] => !!file)
      .sort((a, b) => a.path.localeCompare(b.path));
    return {
      repository: source.repository,
      workspacePath: source.workspacePath,
      files,
    };
  }

  private async readFile(
    location: RepositoryLocation,
    path: string,
  ): Promise<{ path: string; content: string } | undefined> {
    try {
      const response = await this.options.urlReader.readUrl(
        location.fileUrl(path),
      );
      return { path, content: bounded(path, await response.buffer()) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw readFailed(path, error);
    }
  }

  private async readWorkflows(
    location: RepositoryLocation,
  ): Promise<Array<{ path: string; content: string }>> {
    let files;
    try {
      const tree = await this.options.urlReader.readTree(
        location.treeUrl(WORKFLOWS_FOLDER),
        { filter: isWorkflowFile },
      );
      files = await tree.files();
    } catch (error) {
      if (isNotFound(error)) return [];
      throw readFailed(WORKFLOWS_FOLDER, error);
    }
    // Readers that ignore the filter (a folder read as an archive) get it applied here.
    files = files.filter(file => isWorkflowFile(file.path));
    if (files.length > FIX_FILES_LIMITS.maxWorkflows) {
      throw new InputError(
        `${WORKFLOWS_FOLDER} has ${files.length} workflow files; the fix preview reads at most ${FIX_FILES_LIMITS.maxWorkflows}`,
      );
    }
    return Promise.all(
      files.map(async file => {
        const path = `${WORKFLOWS_FOLDER}/${file.path}`;
        return { path, content: bounded(path, await file.content()) };
      }),
    );
  }
}

function bounded(path: string, buffer: Buffer): string {
  if (buffer.length > FIX_FILES_LIMITS.maxFileBytes) {
    throw new InputError(
      `${path} is ${buffer.length} bytes; the fix preview reads files of at most ${FIX_FILES_LIMITS.maxFileBytes} bytes`,
    );
  }
  return buffer.toString('utf8');
}

function isNotFound(error: unknown): boolean {
  return isError(error) && error.name === 'NotFoundError';
}

function readFailed(path: string, error: unknown): Error {
  return isError(error) && error.name === 'InputError'
    ? error
    : new ForwardedError(`Reading ${path} from the repository failed`, error);
}
