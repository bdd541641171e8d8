import type { RepositoryLocation } from './repositoryLocation';

/**
 * Why a snapshot could not read a file, and which integration would fix it, for the
 * rules' "insufficient data" answers.
 */
export function unreadableReason(
  problems: string[],
  location: RepositoryLocation | undefined,
  repository: string,
): string {
  const what = problems.length > 0 ? problems.join('; ') : 'unreadable';
  const host = repository.split('/')[0];
  if (!location) return what;
  if (!location.type)
    return `${what}. Add an integration for ${host} (integrations.github, integrations.gitlab, …) with read access to ${repository}.`;
  return `${what}. Check that integrations.${location.type} for ${host} can read ${repository} (a token or app with read access to its contents).`;
}
