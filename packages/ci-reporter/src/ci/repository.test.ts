import { parseRepositorySlug, parseRepositoryUrl } from './repository';

describe('parseRepositoryUrl', () => {
  it.each([
    [
      'git@github.com:acme/billing.git',
      { host: 'github.com', owner: 'acme', name: 'billing' },
    ],
    [
      'github.com:acme/billing',
      { host: 'github.com', owner: 'acme', name: 'billing' },
    ],
    [
      'https://github.com/acme/billing.git',
      { host: 'github.com', owner: 'acme', name: 'billing' },
    ],
    [
      'https://x-access-token:secret@github.com/acme/billing',
      { host: 'github.com', owner: 'acme', name: 'billing' },
    ],
    [
      'ssh://git@gitlab.example.com:2222/platform/rust/billing.git',
      { host: 'gitlab.example.com', owner: 'platform/rust', name: 'billing' },
    ],
    [
      'https://git.example.com:8443/platform/billing',
      { host: 'git.example.com:8443', owner: 'platform', name: 'billing' },
    ],
    [
      'git@gitlab.com:group/sub/project.git\n',
      { host: 'gitlab.com', owner: 'group/sub', name: 'project' },
    ],
  ])('parses %s', (remote, expected) => {
    expect(parseRepositoryUrl(remote)).toEqual(expected);
  });

  it.each([
    '',
    '/srv/git/billing.git',
    'https://github.com/billing',
    'not a url',
  ])('rejects %j', remote => {
    expect(parseRepositoryUrl(remote)).toBeNull();
  });
});

describe('parseRepositorySlug', () => {
  it('splits host, owner path and name', () => {
    expect(
      parseRepositorySlug('gitlab.example.com/platform/rust/billing'),
    ).toEqual({
      host: 'gitlab.example.com',
      owner: 'platform/rust',
      name: 'billing',
    });
  });

  it.each(['acme/billing', 'https://github.com/acme/billing', 'github.com/'])(
    'rejects %s',
    slug => {
      expect(parseRepositorySlug(slug)).toBeNull();
    },
  );
});
