import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { watchOpenApiContract } from '../__testUtils__/openApiWatch';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { rustBuildCachePlugin } from '../plugin';
import { describeCiIngestionAccess } from './ciIngestionAccess';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('describeCiIngestionAccess', () => {
  it('is disabled without external access, and says how to enable it', () => {
    const access = describeCiIngestionAccess(new ConfigReader({}));
    expect(access.enabled).toBe(false);
    expect(access.message).toContain('CI report ingestion is disabled');
    expect(access.message).toContain('RUST_BUILD_CACHE_TOKEN');
    expect(access.message).toContain('rustBuildCache.pull.githubActions');
  });

  it('is disabled when every external access entry is restricted to other plugins', () => {
    const access = describeCiIngestionAccess(
      new ConfigReader({
        backend: {
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: 'catalog-only-token', subject: 'sync' },
                accessRestrictions: [{ plugin: 'catalog' }],
              },
            ],
          },
        },
      }),
    );
    expect(access.enabled).toBe(false);
  });

  it('is enabled by an entry restricted to this plugin, or unrestricted', () => {
    for (const accessRestrictions of [
      [{ plugin: 'rust-build-cache' }],
      undefined,
    ]) {
      const access = describeCiIngestionAccess(
        new ConfigReader({
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'jwks',
                  options: { url: 'https://ci.example.com/jwks' },
                  ...(accessRestrictions ? { accessRestrictions } : {}),
                },
              ],
            },
          },
        }),
      );
      expect(access).toEqual({
        enabled: true,
        message:
          'CI report ingestion is enabled for external access of type jwks',
      });
    }
  });
});

describe.each(databases.eachSupportedId())(
  'a backend without RUST_BUILD_CACHE_TOKEN (%s)',
  databaseId => {
    it('starts, logs that ingestion is disabled, and refuses CI pushes with 401', async () => {
      const knex = await databases.init(databaseId);
      const logger = mockServices.logger.mock();
      try {
        // The real auth services, which are what crashed at start when the README's
        // snippet referenced an unset token; the config is what a new app has: no
        // backend.auth.externalAccess at all.
        const { server } = await startTestBackend({
          features: [
            rustBuildCachePlugin,
            authServiceFactory,
            httpAuthServiceFactory,
            logger.factory,
            mockServices.database.factory({ knex }),
            catalogServiceMock.factory({ entities: [] }),
            mockServices.rootConfig.factory({ data: {} }),
          ],
        });
        watchOpenApiContract(server);
        expect(logger.info).toHaveBeenCalledWith(
          expect.stringContaining('CI report ingestion is disabled'),
        );
        await request(server).get('/api/rust-build-cache/health').expect(200);
        await request(server)
          .post('/api/rust-build-cache/reports')
          .set('Authorization', 'Bearer some-ci-token-that-is-not-configured')
          .send({})
          .expect(401);
      } finally {
        await knex.destroy();
      }
    });
  },
);
