import type { CacheBackend, CacheInfo } from '../report/schema';
import { clip } from '../util/json';

/** What sccache's `cache_location` tells: {@link CacheInfo} without the sizes. @public */
export type CacheLocation = Omit<CacheInfo, 'size' | 'maxSize'>;

/** Schemes of sccache's remote (opendal) storages, as printed in `cache_location`. */
const BACKEND_OF_SCHEME: Record<string, CacheBackend> = {
  s3: 's3',
  redis: 'redis',
  memcached: 'memcached',
  gcs: 'gcs',
  ghac: 'gha',
  gha: 'gha',
  azblob: 'azure',
  azure: 'azure',
  webdav: 'webdav',
  oss: 'oss',
  cos: 'cos',
};

// `scheme://user:password@host` → `scheme://host` (e.g. a SCCACHE_REDIS URL).
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi;
// `user:password@host` without a scheme, at the start of a word.
const BARE_USER_INFO = /(^|[\s,(])[^\s,(/@:]*:[^\s,/@]*@(?=[^\s,@])/g;
// Values of query parameters that commonly carry secrets (`?password=…`, SAS `sig=…`).
const SECRET_QUERY_VALUE =
  /([?&][a-z_]*(?:pass|pwd|secret|token|sig|key|auth|credential)[a-z_]*=)[^&\s,]*/gi;

/**
 * Removes credentials from any URL-ish text: user info (`user:password@`) and the values of
 * query parameters that look secret. Used on everything taken from `cache_location`.
 * @public
 */
export function redactCredentials(text: string): string {
  return text
    .replace(URL_USER_INFO, '$1')
    .replace(BARE_USER_INFO, '$1')
    .replace(SECRET_QUERY_VALUE, '$1[redacted]');
}

const DISK = /^Local disk: (".*")$/s;
const MULTI_LEVEL = /^Multi-level \(\d+ levels?\)/;
// opendal storages: `format!("{}, name: {}, prefix: {}", scheme, name, root)`.
const REMOTE = /^([A-Za-z0-9_-]+), name: (.*), prefix: (.*)$/s;
// Older, non-opendal formats such as `Redis: redis://host`: only the backend is known.
const LEADING_WORD = /^([A-Za-z0-9]+)\b/;

/**
 * Parses sccache's `cache_location` text, e.g. `Local disk: "/home/runner/.cache/sccache"`,
 * `s3, name: my-bucket, prefix: /sccache/`, `ghac, name: sccache-v0.4.0, prefix: /sccache/`
 * or `Multi-level (2 levels)`. Credentials are removed from every returned string.
 * @public
 */
export function parseCacheLocation(location: string): CacheLocation {
  const text = redactCredentials(location.trim());
  const result: CacheLocation = {
    location: clip(text, 2000),
    backend: 'unknown',
    bucket: null,
    prefix: null,
    path: null,
  };

  const disk = DISK.exec(text);
  if (disk)
    return {
      ...result,
      backend: 'local',
      path: clip(unquoteRustDebugString(disk[1]), 2000),
    };

  if (MULTI_LEVEL.test(text)) return { ...result, backend: 'multi-level' };

  const remote = REMOTE.exec(text);
  if (remote) {
    return {
      ...result,
      backend: BACKEND_OF_SCHEME[remote[1].toLowerCase()] ?? 'unknown',
      bucket: remote[2] ? clip(remote[2], 500) : null,
      prefix: remote[3] ? clip(remote[3], 500) : null,
    };
  }

  const word = LEADING_WORD.exec(text)?.[1].toLowerCase();
  return { ...result, backend: (word && BACKEND_OF_SCHEME[word]) || 'unknown' };
}

/** sccache prints the disk path with Rust's `{:?}`: a quoted string with escapes. */
function unquoteRustDebugString(quoted: string): string {
  return quoted
    .slice(1, -1)
    .replace(
      /\\(u\{([0-9a-fA-F]+)\}|.)/g,
      (_, escape: string, hex?: string) => {
        if (hex) return String.fromCodePoint(parseInt(hex, 16));
        switch (escape) {
          case 'n':
            return '\n';
          case 't':
            return '\t';
          case 'r':
            return '\r';
          case '0':
            return '\0';
          default:
            return escape;
        }
      },
    );
}
