import { UsageError } from './errors';

/**
 * `<base URL><apiPath>`, e.g. `https://backstage.example.com/backstage` +
 * `/api/rust-build-cache/reports`, keeping a base path such as `/backstage`.
 */
export function backendEndpoint(baseUrl: string, apiPath: string): string {
  let url: URL | null = null;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(
      `the backend URL must be http(s), e.g. https://backstage.example.com, got '${baseUrl}'`,
    );
  }
  // fetch refuses such URLs, and messages would print the password.
  if (url.username || url.password) {
    throw new UsageError(
      'the backend URL must not contain credentials: set RUST_BUILD_CACHE_TOKEN instead',
    );
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${apiPath}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
