import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { githubApiBaseUrl } from './githubApiBaseUrl';

function apiUrlOf(github: object[], host: string) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({ integrations: { github } }),
  );
  return githubApiBaseUrl(integrations.github.byHost(host)?.config, host);
}

describe('githubApiBaseUrl', () => {
  it('uses api.github.com for github.com, configured or not', () => {
    expect(apiUrlOf([], 'github.com')).toBe('https://api.github.com');
    expect(apiUrlOf([{ host: 'github.com', token: 't' }], 'github.com')).toBe(
      'https://api.github.com',
    );
  });

  it('uses the configured apiBaseUrl of an Enterprise Server host', () => {
    expect(
      apiUrlOf(
        [
          {
            host: 'ghe.acme.example',
            apiBaseUrl: 'https://ghe.acme.example/api/v3/',
          },
        ],
        'ghe.acme.example',
      ),
    ).toBe('https://ghe.acme.example/api/v3');
  });

  it('derives https://<host>/api/v3 for Enterprise Server without apiBaseUrl, never api.<host>', () => {
    expect(
      apiUrlOf([{ host: 'ghe.acme.example', token: 't' }], 'ghe.acme.example'),
    ).toBe('https://ghe.acme.example/api/v3');
  });

  it('derives https://api.<host> for GitHub Enterprise Cloud with data residency', () => {
    expect(
      apiUrlOf([{ host: 'acme.ghe.com', token: 't' }], 'acme.ghe.com'),
    ).toBe('https://api.acme.ghe.com');
  });

  it('names the missing integration for an unknown host', () => {
    expect(() => apiUrlOf([], 'git.acme.example')).toThrow(
      'No integrations.github entry for git.acme.example: add one (with its apiBaseUrl for GitHub Enterprise Server, e.g. https://git.acme.example/api/v3) to reach its API',
    );
  });

  it('refuses to guess for a host that is no host name', () => {
    expect(() =>
      githubApiBaseUrl({ host: 'ghe.acme.example/sub path' }, 'x'),
    ).toThrow(
      "Cannot derive the GitHub API URL of integrations.github host 'ghe.acme.example/sub path': set its apiBaseUrl",
    );
  });
});
