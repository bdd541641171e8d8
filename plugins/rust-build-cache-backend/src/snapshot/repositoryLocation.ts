import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';

const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

/**
 * Where the snapshot reads an entity's repository: URLs in the forms the UrlReader of the
 * host understands, all on the default branch (or the branch of `source-location`).
 */
export interface RepositoryLocation {
  /** Integration type of the host (`github`, `gitlab`, …), undefined without integration. */
  type: string | undefined;
  /** URL of a file, from a path relative to the repository root. */
  fileUrl(path: string): string;
  /** URL of a folder for `readTree`, from a path relative to the repository root. */
  treeUrl(path: string): string;
}

/**
 * The entity's repository location: its `backstage.io/source-location` (`url:` form) when
 * set, else `https://<repository>` on the default branch (`HEAD`) for GitHub and GitLab.
 * Undefined when neither applies (other hosts need source-location: their URL forms
 * differ too much to guess).
 */
export function repositoryLocation(
  entity: Entity,
  repository: string,
  integrations: ScmIntegrationRegistry,
): RepositoryLocation | undefined {
  const sourceLocation =
    entity.metadata.annotations?.[SOURCE_LOCATION_ANNOTATION];
  if (sourceLocation?.startsWith('url:')) {
    const base = new URL(sourceLocation.slice('url:'.length));
    return fromBase(base, integrations.byHost(base.host)?.type);
  }
  const host = repository.split('/')[0];
  const type = integrations.byHost(host)?.type;
  if (type === 'github') {
    return fromBase(new URL(`https://${repository}/tree/HEAD/`), type);
  }
  if (type === 'gitlab') {
    return fromBase(new URL(`https://${repository}/-/tree/HEAD/`), type);
  }
  return undefined;
}

function fromBase(base: URL, type: string | undefined): RepositoryLocation {
  const resolve = (path: string, mode: 'blob' | 'tree') => {
    const url = new URL(base.href);
    // Azure DevOps names the file in a `path` query parameter, not in the URL path.
    const queryPath = url.searchParams.get('path');
    if (queryPath !== null) {
      url.searchParams.set('path', joinPaths(queryPath, path));
      return url.href;
    }
    let pathname = url.pathname.endsWith('/')
      ? url.pathname
      : `${url.pathname}/`;
    // GitHub and GitLab read files from blob URLs and folders from tree URLs.
    if (type === 'github' || type === 'gitlab') {
      pathname = pathname.replace(
        /\/(?:tree|blob)\//,
        mode === 'blob' ? '/blob/' : '/tree/',
      );
    }
    url.pathname = joinPaths(pathname, path);
    return url.href;
  };
  return {
    type,
    fileUrl: path => resolve(path, 'blob'),
    treeUrl: path => resolve(path, 'tree'),
  };
}

function joinPaths(base: string, path: string): string {
  const segments = [...base.split('/'), ...path.split('/')].filter(
    segment => segment !== '' && segment !== '.',
  );
  return `/${segments.join('/')}`;
}
