import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  GithubIntegration,
  ScmIntegrations,
} from '@backstage/integration';
import { GithubApiClient, GithubRetryOptions } from './GithubApiClient';
import { githubApiBaseUrl } from './githubApiBaseUrl';

/**
 * The GitHub hosts of the org's `integrations.github` entries, with one credentials
 * provider and one rate-limit state per host for everything that calls them: the pull
 * provider and the pre-warm executor share it, so that a limit hit by one stops the other
 * on that host too, until the limit resets.
 */
export class GithubHosts {
  /** Per host: GitHub refuses requests until then. */
  private readonly rateLimits = new Map<string, Date>();

  static fromConfig(config: RootConfigService): GithubHosts {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubHosts(
      integrations,
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    );
  }

  constructor(
    private readonly integrations: ScmIntegrations,
    private readonly credentials: GithubCredentialsProvider,
  ) {}

  /** The integration of `host`, or undefined when the org has none for it. */
  integration(host: string): GithubIntegration | undefined {
    return this.integrations.github.byHost(host);
  }

  /**
   * A client of the REST API of the repository's host, with the credentials of the host's
   * integration (they may be per organisation, e.g. GitHub Apps) and the host's shared
   * rate-limit state. Throws when the host has no integration.
   */
  client(options: {
    host: string;
    owner: string;
    name: string;
    retry: GithubRetryOptions;
    signal?: AbortSignal;
  }): GithubApiClient {
    const { host, owner, name } = options;
    const integration = this.integration(host);
    return new GithubApiClient({
      host,
      apiBaseUrl: githubApiBaseUrl(integration?.config, host),
      repositoryUrl: `https://${host}/${owner}/${name}`,
      credentials: this.credentials,
      rateLimits: this.rateLimits,
      retry: options.retry,
      signal: options.signal,
    });
  }
}
