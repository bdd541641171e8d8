import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  rustBuildCacheExemptionManagePermission,
  rustBuildCacheRefreshPermission,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import request from 'supertest';
import { watchOpenApiContract } from '../__testUtils__/openApiWatch';
import { stringify } from 'yaml';
import { FakeUrlReader } from '../__testUtils__/fakeUrlReader';
import { rustEntity } from '../prewarm/__testUtils__/prewarmTestKit';
import { rustBuildCachePlugin } from '../plugin';

// "Owners may manage their own services", as an adopter would write it: the real catalog
// (entities from a file location) and the real permission backend with a conditional
// policy built from the catalog's own rules. The plugin asks with the entity's ref.

jest.setTimeout(120_000);

const BASE = '/api/rust-build-cache';
const owner = 'user:default/alice';
const stranger = 'user:default/bob';

/** The README's example policy: owners manage exemptions and refreshes of their entities. */
class OwnersManageTheirServicesPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(query.permission, rustBuildCacheExemptionManagePermission) ||
      isPermission(query.permission, rustBuildCacheRefreshPermission)
    ) {
      return createCatalogConditionalDecision(
        query.permission,
        catalogConditions.isEntityOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const ownerPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'owners-manage-their-services',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new OwnersManageTheirServicesPolicy());
      },
    });
  },
});

/**
 * The test backend's httpAuth, plus what Backstage's real one does and the mock leaves
 * out: a user's request that a plugin forwards (a service token on behalf of the user)
 * carries that plugin as actor. The permission framework needs it to apply conditions.
 */
const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): HttpAuthService {
    const inner = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    return {
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
      credentials: (async (
        req: Parameters<HttpAuthService['credentials']>[0],
        options?: any,
      ) => {
        const credentials = await inner.credentials(req, options);
        const forwarded = /^Bearer mock-service-token:/.test(
          req.headers.authorization ?? '',
        );
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (forwarded && principal.type === 'user') {
          return mockCredentials.user(principal.userEntityRef, {
            actor: { subject: 'plugin:forwarding-plugin' },
          });
        }
        return credentials;
      }) as HttpAuthService['credentials'],
    };
  },
});

describe('owner-only exemptions and refreshes with the real catalog and permission backends', () => {
  let dir: string;
  let stop: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stop?.();
    stop = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function startBackend() {
    dir = await mkdtemp(join(tmpdir(), 'rbc-owner-policy-'));
    const entitiesFile = join(dir, 'entities.yaml');
    const billing = rustEntity('billing', { owner });
    await writeFile(
      entitiesFile,
      [
        billing,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'alice' },
          spec: { memberOf: [] },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'bob' },
          spec: { memberOf: [] },
        },
      ]
        .map(entity => stringify(entity))
        .join('---\n'),
    );
    const reader = new FakeUrlReader();
    reader.files.set('rust-toolchain', '1.95.0\n');
    const backend = await startTestBackend({
      features: [
        rustBuildCachePlugin,
        catalogPlugin,
        permissionPlugin,
        ownerPolicyModule,
        permissionsServiceFactory,
        httpAuthWithActors,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Component', 'User', 'Location'] }],
              locations: [{ type: 'file', target: entitiesFile }],
            },
          },
        }),
        mockServices.urlReader.mock({
          readUrl: url => reader.readUrl(url),
          readTree: (url, treeOptions) => reader.readTree(url, treeOptions),
        }).factory,
      ],
    });
    stop = () => backend.stop();
    const server = watchOpenApiContract(backend.server);
    // The catalog processes its locations in the background: wait for the entity.
    for (let i = 0; ; i++) {
      const response = await request(server)
        .get('/api/catalog/entities/by-name/component/default/billing')
        .set('Authorization', mockCredentials.service.header());
      if (response.status === 200 && response.body.relations?.length) break;
      if (i > 300) {
        throw new Error(
          `the catalog never served billing: ${
            response.status
          } ${JSON.stringify(response.body)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    return server;
  }

  it('lets the owner exempt, revoke and refresh, and refuses another user with 403', async () => {
    const server = await startBackend();
    const as = (user: string) => mockCredentials.user.header(user);
    const exemption = {
      entityRef: 'component:default/billing',
      ruleId: 'cargo-incremental-off',
      reason: 'Migrating off incremental builds',
      expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    };

    const refused = await request(server)
      .post(`${BASE}/exemptions`)
      .set('Authorization', as(stranger))
      .send(exemption)
      .expect(403);
    expect(refused.body.error.message).toBe(
      'Missing permission rust-build-cache.exemptions.manage for component:default/billing',
    );
    const { body: created } = await request(server)
      .post(`${BASE}/exemptions`)
      .set('Authorization', as(owner))
      .send(exemption)
      .expect(201);
    expect(created).toMatchObject({
      entityRef: exemption.entityRef,
      author: owner,
    });

    await request(server)
      .post(`${BASE}/exemptions/${created.id}/revoke`)
      .set('Authorization', as(stranger))
      .send({})
      .expect(403);
    await request(server)
      .post(`${BASE}/exemptions/${created.id}/revoke`)
      .set('Authorization', as(owner))
      .send({})
      .expect(200);

    const refresh = `${BASE}/entities/default/component/billing/refresh`;
    const refusedRefresh = await request(server)
      .post(refresh)
      .set('Authorization', as(stranger))
      .expect(403);
    expect(refusedRefresh.body.error.message).toBe(
      'Missing permission rust-build-cache.entity.refresh for component:default/billing',
    );
    await request(server)
      .post(refresh)
      .set('Authorization', as(owner))
      .expect(200);

    const { body: audit } = await request(server)
      .get(`${BASE}/exemptions/audit`)
      .set('Authorization', as(stranger))
      .expect(200);
    expect(
      audit.items.map((entry: { action: string; actor: string }) => [
        entry.action,
        entry.actor,
      ]),
    ).toEqual([
      ['revoked', owner],
      ['created', owner],
    ]);
  });
});
