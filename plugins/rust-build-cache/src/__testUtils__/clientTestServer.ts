import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { RustBuildCacheClient } from '../api/RustBuildCacheClient';

/** Where the client sends its requests in these tests. */
export const CLIENT_BASE_URL = 'http://example.com/api/rust-build-cache';

/**
 * An msw server started and reset around each test, and a client whose requests it
 * answers. Call it inside a `describe`; add handlers with `server.use`.
 */
export function setupClientTestServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new RustBuildCacheClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://example.com' }),
    fetchApi: new MockFetchApi(),
  });
  return { server, client };
}
