import type { GithubIntegrationConfig } from '@backstage/integration';

/**
 * The REST API base URL of a GitHub host, from its `integrations.github` entry.
 * `apiBaseUrl` wins when set (Backstage sets `https://api.github.com` for github.com).
 * Otherwise: GitHub Enterprise Cloud with data residency (`<sub>.ghe.com`) serves the API at
 * `https://api.<host>`, GitHub Enterprise Server at `https://<host>/api/v3`.
 */
export function githubApiBaseUrl(
  config: Pick<GithubIntegrationConfig, 'host' | 'apiBaseUrl'> | undefined,
  host: string,
): string {
  if (!config) {
    throw new Error(
      `No integrations.github entry for ${host}: add one (with its apiBaseUrl for GitHub Enterprise Server, e.g. https://${host}/api/v3) to reach its API`,
    );
  }
  if (config.apiBaseUrl) return config.apiBaseUrl.replace(/\/+$/, '');
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(config.host)) {
    throw new Error(
      `Cannot derive the GitHub API URL of integrations.github host '${config.host}': set its apiBaseUrl`,
    );
  }
  if (/\.ghe\.com$/i.test(config.host)) return `https://api.${config.host}`;
  return `https://${config.host}/api/v3`;
}
