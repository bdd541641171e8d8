import type { ReportSource } from '@rust-build-cache/plugin-rust-build-cache-common';

export type RepositoryId = ReportSource['repository'];

/** Splits `owner/name` where the owner may be a GitLab group path with slashes. */
export function splitProjectPath(
  path: string,
): { owner: string; name: string } | null {
  const segments = path
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  if (segments.length < 2) return null;
  return {
    owner: segments.slice(0, -1).join('/'),
    name: segments[segments.length - 1],
  };
}

/** Parses `host/owner/name` (owner may contain slashes), as given to `--repository`. */
export function parseRepositorySlug(slug: string): RepositoryId | null {
  const [host, ...rest] = slug.split('/');
  const project = splitProjectPath(rest.join('/'));
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host) || !project) return null;
  return { host, ...project };
}

/** `git@host:owner/name.git` (scp-like syntax: the part before `:` is the host, no port). */
const SCP_LIKE_REMOTE = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/;

/**
 * Parses a git remote URL into host/owner/name: `https://host/owner/name(.git)`,
 * `ssh://git@host(:port)/owner/name`, `git@host:owner/name.git`. Credentials are dropped.
 * An ssh port is dropped (it is not the web host's port); an https port is kept.
 */
export function parseRepositoryUrl(remote: string): RepositoryId | null {
  const trimmed = remote.trim();
  const scpLike = SCP_LIKE_REMOTE.exec(trimmed);
  if (scpLike && !trimmed.includes('://')) {
    const project = splitProjectPath(scpLike[2]);
    return project ? { host: scpLike[1], ...project } : null;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const isWeb = url.protocol === 'https:' || url.protocol === 'http:';
  const host = isWeb ? url.host : url.hostname;
  const project = splitProjectPath(decodeURIComponent(url.pathname));
  return host && project ? { host, ...project } : null;
}

export function formatRepository(repository: RepositoryId): string {
  return `${repository.host}/${repository.owner}/${repository.name}`;
}
