import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { repositoryLocation } from './repositoryLocation';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      azure: [{ host: 'dev.azure.com' }],
      bitbucketServer: [{ host: 'bitbucket.acme.test' }],
    },
  }),
);

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'api', annotations },
});

describe('repositoryLocation', () => {
  it('reads GitHub and GitLab repositories on their default branch', () => {
    const github = repositoryLocation(
      entity(),
      'github.com/acme/platform',
      integrations,
    );
    expect(github?.type).toBe('github');
    expect(github?.fileUrl('services/api/Cargo.lock')).toBe(
      'https://github.com/acme/platform/blob/HEAD/services/api/Cargo.lock',
    );
    expect(github?.treeUrl('.github/workflows')).toBe(
      'https://github.com/acme/platform/tree/HEAD/.github/workflows',
    );
    expect(
      repositoryLocation(
        entity(),
        'gitlab.com/acme/platform',
        integrations,
      )?.fileUrl('rust-toolchain.toml'),
    ).toBe('https://gitlab.com/acme/platform/-/blob/HEAD/rust-toolchain.toml');
  });

  it('prefers the source-location annotation, with its branch', () => {
    const location = repositoryLocation(
      entity({
        'backstage.io/source-location':
          'url:https://github.com/acme/platform/tree/develop/',
      }),
      'github.com/acme/platform',
      integrations,
    );
    expect(location?.fileUrl('Cargo.toml')).toBe(
      'https://github.com/acme/platform/blob/develop/Cargo.toml',
    );
  });

  it('puts the file in the path query parameter of an Azure DevOps URL', () => {
    const location = repositoryLocation(
      entity({
        'backstage.io/source-location':
          'url:https://dev.azure.com/acme/platform/_git/platform?path=/&version=GBmain',
      }),
      'dev.azure.com/acme/platform',
      integrations,
    );
    expect(location?.type).toBe('azure');
    const url = new URL(location!.fileUrl('services/api/Cargo.lock'));
    expect(url.searchParams.get('path')).toBe('/services/api/Cargo.lock');
    expect(url.searchParams.get('version')).toBe('GBmain');
  });

  it('resolves other hosts only from source-location', () => {
    expect(
      repositoryLocation(
        entity(),
        'bitbucket.acme.test/acme/platform',
        integrations,
      ),
    ).toBeUndefined();
    expect(
      repositoryLocation(
        entity({
          'backstage.io/source-location':
            'url:https://bitbucket.acme.test/projects/ACME/repos/platform/browse/',
        }),
        'bitbucket.acme.test/acme/platform',
        integrations,
      )?.fileUrl('Cargo.lock'),
    ).toBe(
      'https://bitbucket.acme.test/projects/ACME/repos/platform/browse/Cargo.lock',
    );
  });
});
