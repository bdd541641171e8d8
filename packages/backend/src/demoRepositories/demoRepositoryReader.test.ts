import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DemoRepositoryReader } from './demoRepositoryReader';

const WORKSPACES = path.resolve(__dirname, '../../../../examples/workspaces');
const LEDGER_WORKER = path.join(WORKSPACES, 'ledger-worker');
const REPO = 'https://github.com/acme-demo/ledger-worker';

/** app-config.yaml's sources: one local directory, one git URL (not served). */
function demoConfig() {
  return mockServices.rootConfig({
    data: {
      rustBuildCache: {
        prewarm: {
          executors: {
            local: {
              sources: [
                {
                  repository: 'github.com/acme-demo/ledger-worker',
                  location: LEDGER_WORKER,
                },
                {
                  repository: 'github.com/acme-demo/remote',
                  location: 'https://git.example.com/remote.git',
                },
              ],
            },
          },
        },
      },
    },
  });
}

/** The backend's UrlReader as the demo backend builds it: the demo reader first. */
function urlReader() {
  return UrlReaders.default({
    config: demoConfig(),
    logger: mockServices.logger.mock(),
    factories: [DemoRepositoryReader.factory],
  });
}

describe('DemoRepositoryReader', () => {
  it("reads a demo repository's files from its local directory by their GitHub URLs", async () => {
    const reader = urlReader();
    const cargoToml = await reader.readUrl(`${REPO}/blob/HEAD/Cargo.toml`);
    expect((await cargoToml.buffer()).toString()).toBe(
      fs.readFileSync(path.join(LEDGER_WORKER, 'Cargo.toml'), 'utf8'),
    );
    await expect(
      reader.readUrl(`${REPO}/blob/HEAD/rust-toolchain.toml`),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    // Out of the repository's directory, by an encoded path: refused.
    await expect(
      reader.readUrl(`${REPO}/blob/HEAD/..%2Fbilling-api%2FCargo.toml`),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('reads a folder as a tree, filtered, as the fix preview reads the workflows', async () => {
    const tree = await urlReader().readTree(
      `${REPO}/tree/HEAD/.github/workflows`,
      { filter: file => file.endsWith('.yml') },
    );
    const files = await tree.files();
    expect(files.map(file => file.path)).toEqual(['ci.yml']);
    expect((await files[0].content()).toString()).toBe(
      fs.readFileSync(
        path.join(LEDGER_WORKER, '.github/workflows/ci.yml'),
        'utf8',
      ),
    );
    await expect(
      urlReader().readTree(`${REPO}/tree/HEAD/no-such-folder`),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('writes the whole repository to a directory, as fetch:plain does with the repository URL', async () => {
    const tree = await urlReader().readTree(REPO);
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-repo-'));
    try {
      await tree.dir({ targetDir: target });
      expect(
        fs.readFileSync(path.join(target, '.github/workflows/ci.yml'), 'utf8'),
      ).toContain('CARGO_INCREMENTAL: 1');
      expect(fs.existsSync(path.join(target, 'Cargo.lock'))).toBe(true);
      expect(fs.existsSync(path.join(target, 'src'))).toBe(true);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('serves only the configured repositories with a local directory', () => {
    const [{ predicate }] = DemoRepositoryReader.factory({
      config: demoConfig(),
      logger: mockServices.logger.mock(),
      treeResponseFactory: {} as never,
    });
    expect(predicate(new URL(`${REPO}/blob/HEAD/Cargo.toml`))).toBe(true);
    expect(predicate(new URL(REPO))).toBe(true);
    expect(
      predicate(new URL('https://github.com/acme-demo/remote/blob/HEAD/a')),
    ).toBe(false);
    expect(
      predicate(new URL('https://github.com/acme/ledger-worker/blob/HEAD/a')),
    ).toBe(false);
    expect(predicate(new URL(`${REPO}/pulls`))).toBe(false);
  });
});
