import { parseCacheLocation, redactCredentials } from './parseCacheLocation';

describe('parseCacheLocation', () => {
  it('parses the local disk location, unquoting the Rust debug string', () => {
    expect(
      parseCacheLocation('Local disk: "/home/runner/.cache/sccache"'),
    ).toEqual({
      location: 'Local disk: "/home/runner/.cache/sccache"',
      backend: 'local',
      bucket: null,
      prefix: null,
      path: '/home/runner/.cache/sccache',
    });
    expect(
      parseCacheLocation(
        String.raw`Local disk: "C:\\Users\\runner\\sccache \"ci\""`,
      ).path,
    ).toBe('C:\\Users\\runner\\sccache "ci"');
    expect(
      parseCacheLocation(String.raw`Local disk: "/tmp/caf\u{e9}"`).path,
    ).toBe('/tmp/café');
  });

  it('parses s3 with bucket and prefix', () => {
    expect(
      parseCacheLocation('s3, name: my-ci-cache, prefix: /sccache/'),
    ).toEqual({
      location: 's3, name: my-ci-cache, prefix: /sccache/',
      backend: 's3',
      bucket: 'my-ci-cache',
      prefix: '/sccache/',
      path: null,
    });
  });

  it('maps ghac to gha and azblob to azure', () => {
    expect(
      parseCacheLocation('ghac, name: sccache-v0.4.0, prefix: /sccache/'),
    ).toMatchObject({
      backend: 'gha',
      bucket: 'sccache-v0.4.0',
      prefix: '/sccache/',
    });
    expect(
      parseCacheLocation('azblob, name: builds, prefix: /rust/'),
    ).toMatchObject({
      backend: 'azure',
      bucket: 'builds',
    });
  });

  it.each([
    ['memcached, name: tcp://memcached:11211, prefix: /', 'memcached'],
    ['gcs, name: ci-bucket, prefix: /sccache/', 'gcs'],
    ['webdav, name: https://dav.example.com/cache, prefix: /', 'webdav'],
    ['oss, name: oss-bucket, prefix: /', 'oss'],
    ['cos, name: cos-bucket, prefix: /', 'cos'],
    ['redis, name: tcp://redis:6379, prefix: /', 'redis'],
  ])('recognises %s', (location, backend) => {
    expect(parseCacheLocation(location).backend).toBe(backend);
  });

  it('recognises multi-level chains, with or without the level list', () => {
    expect(parseCacheLocation('Multi-level (2 levels)')).toEqual({
      location: 'Multi-level (2 levels)',
      backend: 'multi-level',
      bucket: null,
      prefix: null,
      path: null,
    });
    const listed = parseCacheLocation(
      'Multi-level (2 levels): L0: Local disk: "/c", L1: redis, name: redis://:pw@r:6379, prefix: /',
    );
    expect(listed.backend).toBe('multi-level');
    expect(listed.location).toBe(
      'Multi-level (2 levels): L0: Local disk: "/c", L1: redis, name: redis://r:6379, prefix: /',
    );
  });

  it('knows the backend of older, non-opendal formats by their first word', () => {
    expect(parseCacheLocation('Redis: redis://cache:6379/')).toMatchObject({
      backend: 'redis',
      bucket: null,
    });
  });

  it('returns unknown for anything else', () => {
    expect(parseCacheLocation('Something new')).toEqual({
      location: 'Something new',
      backend: 'unknown',
      bucket: null,
      prefix: null,
      path: null,
    });
    expect(parseCacheLocation('fancy, name: n, prefix: /p/')).toMatchObject({
      backend: 'unknown',
      bucket: 'n',
    });
  });

  it('never keeps credentials, in the location or in anything returned', () => {
    const parsed = parseCacheLocation(
      'redis, name: redis://:s3cret@cache.internal:6379/0, prefix: /sccache/',
    );
    expect(parsed).toEqual({
      location: 'redis, name: redis://cache.internal:6379/0, prefix: /sccache/',
      backend: 'redis',
      bucket: 'redis://cache.internal:6379/0',
      prefix: '/sccache/',
      path: null,
    });
    const withUser = parseCacheLocation(
      'Redis: redis://admin:s3cret@cache:6379',
    );
    expect(withUser.location).toBe('Redis: redis://cache:6379');
    expect(JSON.stringify(withUser)).not.toContain('s3cret');
  });
});

describe('redactCredentials', () => {
  it.each([
    ['redis://:secret@host:6379/0', 'redis://host:6379/0'],
    ['rediss://user:secret@host', 'rediss://host'],
    ['https://token@dav.example.com/x', 'https://dav.example.com/x'],
    [
      'name: default:secret@redis:6379, prefix: /',
      'name: redis:6379, prefix: /',
    ],
    [
      'https://acct.blob.core.windows.net/c?sv=2022&sig=abc%2Fdef',
      'https://acct.blob.core.windows.net/c?sv=2022&sig=[redacted]',
    ],
    [
      'redis://host/?password=secret&db=1',
      'redis://host/?password=[redacted]&db=1',
    ],
  ])('%s → %s', (input, expected) => {
    expect(redactCredentials(input)).toBe(expected);
  });

  it('leaves text without credentials alone', () => {
    const text = 'ghac, name: sccache-v0.4.0, prefix: /sccache/';
    expect(redactCredentials(text)).toBe(text);
  });
});
