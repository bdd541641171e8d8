import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createRouteTestBed } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import request from 'supertest';
import { FakeUrlReader } from '../__testUtils__/fakeUrlReader';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { FIX_FILES_LIMITS } from './FixFilesReader';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const BASE = '/api/rust-build-cache';

function service(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const entities = [
  service('gateway', {
    'github.com/project-slug': 'acme/platform',
    'rust-build-cache/workspace': 'services/gateway',
  }),
  service('unannotated', {}),
];

const WORKFLOW =
  '# CI\non: push\njobs:\n  test:\n    steps:\n      - run: cargo test\n';

describe('GET /entities/:namespace/:kind/:name/fix-files', () => {
  const bed = createRouteTestBed({
    databases,
    databaseId: databases.eachSupportedId()[0][0],
    startBackend: startPluginBackend,
  });
  let reader: FakeUrlReader;

  beforeEach(() => {
    reader = new FakeUrlReader();
    reader.files.set(
      'services/gateway/rust-toolchain.toml',
      '[toolchain]\nchannel = "stable"\n',
    );
    reader.files.set(
      'rust-toolchain.toml',
      '# the root workspace, not the gateway\n',
    );
    reader.files.set('.github/workflows/ci.yml', WORKFLOW);
    reader.files.set('.github/workflows/release.yaml', WORKFLOW);
    reader.files.set('.github/workflows/README.md', 'not a workflow');
    reader.files.set(
      '.github/workflows/templates/job.yml',
      'not run by GitHub',
    );
    reader.files.set('services/gateway/Cargo.toml', '[package]\n');
  });

  async function startBackend(
    permissions:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    const { server } = await bed.start({
      config: {},
      entities,
      permissions,
      features: [
        mockServices.urlReader.mock({
          readUrl: url => reader.readUrl(url),
          readTree: (url, options) => reader.readTree(url, options),
        }).factory,
      ],
    });
    return server;
  }

  const get = (
    server: Awaited<ReturnType<typeof startBackend>>,
    name: string,
    as = mockCredentials.user.header(),
  ) =>
    request(server)
      .get(`${BASE}/entities/default/component/${name}/fix-files`)
      .set('Authorization', as);

  it("returns the workspace's toolchain files and the repository's workflows, nothing else", async () => {
    const server = await startBackend();
    const response = await get(server, 'gateway').expect(200);
    expect(response.body).toEqual({
      repository: 'github.com/acme/platform',
      workspacePath: 'services/gateway',
      files: [
        { path: '.github/workflows/ci.yml', content: WORKFLOW },
        { path: '.github/workflows/release.yaml', content: WORKFLOW },
        {
          path: 'services/gateway/rust-toolchain.toml',
          content: '[toolchain]\nchannel = "stable"\n',
        },
      ],
    });
    // From the default branch, as the fix template's fetch step reads it.
    expect(reader.requests).toEqual(
      expect.arrayContaining([
        'https://github.com/acme/platform/blob/HEAD/services/gateway/rust-toolchain',
        'https://github.com/acme/platform/tree/HEAD/.github/workflows',
      ]),
    );
  });

  it('returns no files when the repository has none of them', async () => {
    reader.files.clear();
    const server = await startBackend();
    const response = await get(server, 'gateway').expect(200);
    expect(response.body.files).toEqual([]);
  });

  it('refuses files over the size bound and too many workflows, naming them', async () => {
    reader.files.set(
      '.github/workflows/ci.yml',
      'x'.repeat(FIX_FILES_LIMITS.maxFileBytes + 1),
    );
    const server = await startBackend();
    const tooLarge = await get(server, 'gateway').expect(400);
    expect(tooLarge.body.error.message).toBe(
      `.github/workflows/ci.yml is ${
        FIX_FILES_LIMITS.maxFileBytes + 1
      } bytes; the fix preview reads files of at most ${
        FIX_FILES_LIMITS.maxFileBytes
      } bytes`,
    );

    reader.files.set('.github/workflows/ci.yml', WORKFLOW);
    for (let i = 0; i < FIX_FILES_LIMITS.maxWorkflows; i++)
      reader.files.set(`.github/workflows/job-${i}.yml`, WORKFLOW);
    const tooMany = await get(server, 'gateway').expect(400);
    expect(tooMany.body.error.message).toBe(
      `.github/workflows has ${
        FIX_FILES_LIMITS.maxWorkflows + 2
      } workflow files; the fix preview reads at most ${
        FIX_FILES_LIMITS.maxWorkflows
      }`,
    );
  });

  it('names what is missing for an entity without a repository, and 404s an unknown one', async () => {
    const server = await startBackend();
    const unannotated = await get(server, 'unannotated').expect(400);
    expect(unannotated.body.error.message).toMatch(
      /^The entity names no repository workspace: set the rust-build-cache\/workspace annotation/,
    );
    await get(server, 'missing').expect(404);
    expect(reader.requests).toEqual([]);
  });

  it('is for signed-in users with the read permission only', async () => {
    const server = await startBackend();
    const asService = await get(
      server,
      'gateway',
      mockCredentials.service.header(),
    ).expect(403);
    expect(asService.body.error.message).toBe(
      'This action is for signed-in users; service tokens may only push reports',
    );
    await get(server, 'gateway', mockCredentials.none.header()).expect(401);
    expect(reader.requests).toEqual([]);

    const denied = await startBackend(AuthorizeResult.DENY);
    const response = await get(denied, 'gateway').expect(403);
    expect(response.body.error.message).toBe(
      'Missing permission rust-build-cache.reports.read',
    );
    expect(reader.requests).toEqual([]);
  });
});
