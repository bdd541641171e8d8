import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { analyzeCargoLock } from '@rust-build-cache/plugin-rust-build-cache-common';
import { readFixture } from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';
import { Knex } from 'knex';
import { FakeUrlReader } from '../__testUtils__/fakeUrlReader';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { EntityLinkService } from '../catalog/EntityLinkService';
import { RepositorySnapshotService } from './RepositorySnapshotService';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** The real cargo files made for the common package's parser tests. */
const cargoFixture = (name: string) => readFixture(`cargo/${name}`);
const LOCK_V4 = cargoFixture('Cargo.v4.lock');
const LOCK_V3 = cargoFixture('Cargo.v3.lock');
// A dependency update: itoa 1.0.1 → 1.0.15 with its crates.io checksum.
const LOCK_UPDATED = LOCK_V4.replace(
  'version = "1.0.1"',
  'version = "1.0.15"',
).replace(
  '1aab8fc367588b89dcee83ab0fd66b72b50b72fa1904d7095045ace2b0c81c35',
  '4a5f13b858c8d314ee3e8f639011f7ccefe71f97f96e50151fb991f267928e2c',
);
const MANIFEST = `${cargoFixture('Cargo.toml')}
[profile.release]
lto = "thin"
codegen-units = 1

[profile.dev]
incremental = false
`;

const WORKFLOW = `name: CI
on: [push, pull_request]
env:
  RUSTC_WRAPPER: sccache
  SCCACHE_GHA_ENABLED: "true"
  CARGO_INCREMENTAL: "0"
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@stable
      - uses: mozilla-actions/sccache-action@v0.0.9
      - run: cargo test --locked
`;

const entity = (
  workspace: string,
  repository = 'github.com/acme/platform',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'api',
    namespace: 'default',
    annotations: {
      'rust-build-cache/workspace': workspace,
      'rust-build-cache/repository': repository,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});
const entityName = { kind: 'component', namespace: 'default', name: 'api' };

describe.each(databases.eachSupportedId())(
  'RepositorySnapshotService (%s)',
  databaseId => {
    let knex: Knex;
    let store: TestStores;
    let reader: FakeUrlReader;
    let clock: Date;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createTestStores(knex);
      reader = new FakeUrlReader();
      clock = new Date('2026-11-27T10:00:00.000Z');
    });

    afterEach(async () => {
      await knex.destroy();
    });

    function createService(entities: Entity[]) {
      const catalog = catalogServiceMock({ entities });
      const auth = mockServices.auth();
      const logger = mockServices.logger.mock();
      return new RepositorySnapshotService({
        urlReader: reader,
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        store: store.snapshots,
        entityLinks: new EntityLinkService({
          store: store.entityLinks,
          catalog,
          auth,
          logger,
        }),
        catalog,
        auth,
        logger,
        concurrency: 2,
        now: () => clock,
      });
    }
    const credentials = mockServices.auth().getOwnServiceCredentials();

    it('reads the pins of a workspace and the CI setup of its repository', async () => {
      reader.files.set(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = "1.95.0"\n',
      );
      reader.files.set('services/api/Cargo.lock', LOCK_V4);
      reader.files.set('services/api/Cargo.toml', MANIFEST);
      reader.files.set('.github/workflows/ci.yml', WORKFLOW);
      reader.files.set('.github/workflows/README.md', 'not a workflow');
      const service = createService([entity('services/api')]);

      expect(await service.snapshotAll()).toEqual({ workspaces: 1 });
      const { snapshot, history } = await service.getSnapshot({
        entity: entityName,
        credentials: await credentials,
      });

      expect(snapshot).toEqual({
        repository: 'github.com/acme/platform',
        workspacePath: 'services/api',
        readAt: '2026-11-27T10:00:00.000Z',
        // Found at the root: rustup searches up from the workspace.
        toolchainFile: {
          file: 'rust-toolchain.toml',
          channel: '1.95.0',
          path: null,
          components: [],
          targets: [],
          profile: null,
        },
        dependencies: analyzeCargoLock(LOCK_V4),
        cargoLockCommitted: true,
        profiles: {
          release: {
            incremental: null,
            codegenUnits: 1,
            debug: null,
            lto: 'thin',
            optLevel: null,
          },
          dev: {
            incremental: false,
            codegenUnits: null,
            debug: null,
            lto: null,
            optLevel: null,
          },
        },
        workflows: {
          files: ['.github/workflows/ci.yml'],
          setsRustcWrapperSccache: true,
          usesSccacheAction: true,
          setsCargoIncrementalZero: true,
          setsSccacheCacheSize: false,
          pinsToolchain: false,
        },
        problems: [],
      });
      expect(snapshot?.dependencies?.packages).toEqual({
        registry: 2,
        git: 0,
        path: 1,
      });
      expect(history).toEqual([]);
      expect(reader.requests).toContain(
        'https://github.com/acme/platform/blob/HEAD/services/api/Cargo.lock',
      );
    });

    it('takes the nearest toolchain file, and the legacy one within a folder', async () => {
      reader.files.set(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = "1.90.0"\n',
      );
      reader.files.set(
        'services/rust-toolchain.toml',
        '[toolchain]\nchannel = "1.94.0"\n',
      );
      reader.files.set('services/rust-toolchain', 'nightly-2026-01-01\n');
      const service = createService([entity('services/api')]);

      const snapshot = await service.refreshEntity({
        entity: entityName,
        credentials: await credentials,
      });
      expect(snapshot?.toolchainFile).toMatchObject({
        file: 'rust-toolchain',
        channel: 'nightly-2026-01-01',
      });
      // No Cargo.lock: not committed, not a problem. No Cargo.toml: a problem.
      expect(snapshot?.cargoLockCommitted).toBe(false);
      expect(snapshot?.dependencies).toBeNull();
      expect(snapshot?.problems).toEqual([
        'services/api/Cargo.toml: not found in the repository',
      ]);
      // No workflow folder: read, and nothing set.
      expect(snapshot?.workflows).toMatchObject({
        files: [],
        setsRustcWrapperSccache: false,
      });
    });

    it('records the history of the dependency fingerprint and the toolchain pin', async () => {
      reader.files.set('rust-toolchain', '1.94.0\n');
      reader.files.set('Cargo.lock', LOCK_V3);
      reader.files.set('Cargo.toml', MANIFEST);
      const service = createService([entity('.')]);
      await service.snapshotAll();

      // v3 → v4 is a format change, not a dependency change.
      clock = new Date('2026-11-27T16:00:00.000Z');
      reader.files.set('Cargo.lock', LOCK_V4);
      await service.snapshotAll();

      clock = new Date('2026-11-27T22:00:00.000Z');
      reader.files.set('Cargo.lock', LOCK_UPDATED);
      reader.files.set('rust-toolchain', '1.95.0\n');
      await service.snapshotAll();

      const { snapshot, history } = await service.getSnapshot({
        entity: entityName,
        credentials: await credentials,
      });
      const before = analyzeCargoLock(LOCK_V4).fingerprint;
      const after = analyzeCargoLock(LOCK_UPDATED).fingerprint;
      expect(before).not.toBe(after);
      expect(snapshot?.readAt).toBe('2026-11-27T22:00:00.000Z');
      expect(history).toEqual(
        expect.arrayContaining([
          {
            at: '2026-11-27T22:00:00.000Z',
            field: 'dependencies',
            from: before,
            to: after,
          },
          {
            at: '2026-11-27T22:00:00.000Z',
            field: 'toolchain',
            from: '1.94.0',
            to: '1.95.0',
          },
        ]),
      );
      expect(history).toHaveLength(2);
    });

    it('records unreadable files as problems, without a change in the history', async () => {
      reader.files.set(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = "1.95.0"\n',
      );
      reader.files.set('Cargo.lock', LOCK_V4);
      reader.files.set('Cargo.toml', MANIFEST);
      const service = createService([entity('.')]);
      await service.snapshotAll();

      clock = new Date('2026-11-28T10:00:00.000Z');
      reader.files.set(
        'Cargo.lock',
        new Error('GitHub answered 502 Bad Gateway'),
      );
      reader.files.set(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = "1.95 .0"\n',
      );
      reader.files.set('.github/workflows/ci.yml', new Error('socket hang up'));
      await service.snapshotAll();

      const { snapshot, history } = await service.getSnapshot({
        entity: entityName,
        credentials: await credentials,
      });
      expect(snapshot?.problems).toEqual(
        expect.arrayContaining([
          'Cargo.lock: GitHub answered 502 Bad Gateway',
          expect.stringMatching(/^rust-toolchain\.toml: /),
          '.github/workflows: socket hang up',
        ]),
      );
      expect(snapshot?.problems).toHaveLength(3);
      // The last known pins stay, so the next readable snapshot compares against them.
      expect(snapshot?.dependencies).toEqual(analyzeCargoLock(LOCK_V4));
      expect(snapshot?.toolchainFile?.channel).toBe('1.95.0');
      expect(snapshot?.workflows).toBeNull();
      expect(history).toEqual([]);
    });

    it('marks files no snapshot could read yet as unreadable, naming the integration', async () => {
      reader.files.set('rust-toolchain.toml', new Error('GitHub answered 404'));
      reader.files.set('rust-toolchain', new Error('GitHub answered 404'));
      reader.files.set('Cargo.lock', new Error('GitHub answered 404'));
      const service = createService([entity('.')]);
      await service.snapshotAll();
      const first = (
        await service.getSnapshot({
          entity: entityName,
          credentials: await credentials,
        })
      ).snapshot;
      expect(first?.unreadable?.toolchain).toMatch(
        /GitHub answered 404\. Check that integrations\.github for github\.com can read github\.com\/acme\/platform/,
      );
      expect(first?.unreadable?.dependencies).toMatch(
        /^Cargo\.lock: GitHub answered 404\. Check that integrations\.github/,
      );

      // Once read, the files are known; a later failure keeps the last known values.
      reader.files.set(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = "1.95.0"\n',
      );
      reader.files.delete('rust-toolchain');
      reader.files.set('Cargo.lock', LOCK_V4);
      await service.snapshotAll();
      reader.files.set('Cargo.lock', new Error('GitHub answered 502'));
      await service.snapshotAll();
      const later = (
        await service.getSnapshot({
          entity: entityName,
          credentials: await credentials,
        })
      ).snapshot;
      expect(later?.unreadable).toBeUndefined();
      expect(later?.dependencies).toEqual(analyzeCargoLock(LOCK_V4));
    });

    it('records a problem for a repository on a host without an integration', async () => {
      const service = createService([
        entity('.', 'git.internal.test/acme/platform'),
      ]);
      await service.snapshotAll();
      const { snapshot } = await service.getSnapshot({
        entity: entityName,
        credentials: await credentials,
      });
      expect(snapshot?.problems).toEqual([
        expect.stringMatching(
          /^Cannot locate git\.internal\.test\/acme\/platform/,
        ),
      ]);
      expect(reader.requests).toEqual([]);
    });

    it('answers no snapshot for an entity never read', async () => {
      const service = createService([entity('.')]);
      expect(
        await service.getSnapshot({
          entity: entityName,
          credentials: await credentials,
        }),
      ).toEqual({ snapshot: null, history: [] });
    });
  },
);
