import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FIX_ACTION_IDS,
  FIX_TEMPLATE_NAME,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { rustBuildCacheScaffolderModule } from '../module';

const TEMPLATE_FILE = path.resolve(
  __dirname,
  '../../templates/fix-rust-build-caching/template.yaml',
);
const FIXTURES = path.resolve(__dirname, '../edits/__fixtures__');
const fixture = (name: string) =>
  fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const template = parse(fs.readFileSync(TEMPLATE_FILE, 'utf8'));

/** The repository the template's fetch step reads: files under `repo/` next to the template. */
const REPOSITORY = {
  '.github/workflows/ci.yml': fixture('ci-anchors.yml'),
  'rust-toolchain.toml': fixture('search-indexer-rust-toolchain.toml'),
  'Cargo.toml': '[package]\nname = "search-indexer"\nversion = "0.1.0"\n',
};

const VALUES = {
  entityRef: 'component:default/search-indexer',
  repoUrl: 'github.com?owner=acme-demo&repo=search-indexer',
  sourceUrl: './repo',
  workspaceDir: '.',
  fixes: [
    'rust-build-cache:pin-toolchain',
    'rust-build-cache:route-through-sccache',
    'rust-build-cache:bound-cache-size',
  ],
  release: 'nightly-2026-09-01',
  cacheSize: '2G',
  rules: [
    {
      id: 'toolchain-pinned-exact',
      title: 'Toolchain pinned to an exact release',
      evidence:
        'rust-toolchain.toml selects nightly, which moves with every release.',
      fix: 'rust-build-cache:pin-toolchain',
    },
    {
      id: 'cargo-incremental-off',
      title: 'Incremental compilation off in CI',
      evidence:
        'CARGO_INCREMENTAL is 1, which turns incremental compilation on.',
      fix: 'rust-build-cache:route-through-sccache',
    },
  ],
};

async function dryRun(values: object) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      rustBuildCacheScaffolderModule,
      catalogServiceMock.factory(),
      mockServices.rootConfig.factory({
        data: {
          // A token only so that the GitHub client can be built; the dry-run never calls it.
          integrations: { github: [{ host: 'github.com', token: 'unused' }] },
        },
      }),
    ],
  });
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({
      template,
      values,
      directoryContents: Object.entries(REPOSITORY).map(([file, text]) => ({
        path: `repo/${file}`,
        base64Content: Buffer.from(text).toString('base64'),
      })),
    });
}

function filesOf(body: {
  directoryContents: Array<{ path: string; base64Content: string }>;
}) {
  return Object.fromEntries(
    body.directoryContents.map(file => [
      file.path,
      Buffer.from(file.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

describe('the Fix Rust build caching template', () => {
  it('is the template the Policy card links to, offering every fix action', () => {
    expect(template.metadata.name).toBe(FIX_TEMPLATE_NAME);
    expect(template.spec.parameters[0].properties.fixes.items.enum).toEqual([
      ...FIX_ACTION_IDS,
    ]);
    const actions = template.spec.steps.map(
      (step: { action: string }) => step.action,
    );
    for (const id of FIX_ACTION_IDS) expect(actions).toContain(id);
  });

  it('proposes the fixed files and a pull request listing each rule, its evidence and the change (scaffolder dry-run)', async () => {
    const response = await dryRun(VALUES);
    expect(response.status).toBe(200);
    const files = filesOf(response.body);
    expect(files).toEqual({
      '.github/workflows/ci.yml': fixture(
        'expected/ci-anchors.bound-cache-size.yml',
      ),
      'rust-toolchain.toml': '[toolchain]\nchannel = "nightly-2026-09-01"\n',
      'Cargo.toml': REPOSITORY['Cargo.toml'],
    });

    // The log's messages without their terminal colours.
    const colour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
    const logs: string[] = response.body.log.map(
      (entry: { body: { message: string } }) =>
        entry.body.message.replace(colour, ''),
    );
    expect(logs).toContain(
      'Skipping step stable-rustflags because its if condition was false',
    );
    expect(logs).toContain(
      'info: rust-toolchain.toml: channel nightly → nightly-2026-09-01, an exact release',
    );

    // The pull request's inputs, as the dry-run logs them (publishing itself is skipped).
    const publishLog = logs.find(line =>
      line.startsWith(
        'info: Running publish:github:pull-request in dry-run mode',
      ),
    )!;
    const publishInput = JSON.parse(publishLog.slice(publishLog.indexOf('{')));
    expect(publishInput.title).toBe('Fix Rust build caching');
    expect(publishInput.description).toContain(
      '- **Toolchain pinned to an exact release** (`toolchain-pinned-exact`), fixed by `rust-build-cache:pin-toolchain`. Evidence: rust-toolchain.toml selects nightly, which moves with every release.\n' +
        '- **Incremental compilation off in CI** (`cargo-incremental-off`), fixed by `rust-build-cache:route-through-sccache`. Evidence: CARGO_INCREMENTAL is 1, which turns incremental compilation on.',
    );
    expect(publishInput.description).toContain(
      '### rust-build-cache:pin-toolchain\n- `rust-toolchain.toml`: channel nightly → nightly-2026-09-01, an exact release',
    );
    expect(publishInput.description).toContain(
      '- `.github/workflows/ci.yml`: job build: CARGO_INCREMENTAL: 0 (was 1), sccache cannot cache incremental compiles',
    );

    const changes = response.body.output.text[0].content as string;
    expect(changes).toContain(
      '- `.github/workflows/ci.yml`: job build: CARGO_INCREMENTAL: 0 (was 1), sccache cannot cache incremental compiles',
    );
    expect(changes).toContain(
      '- `.github/workflows/ci.yml`: job test: SCCACHE_CACHE_SIZE: 2G (was the default 10G), a local disk cache sized to what CI storage holds',
    );
    expect(changes).not.toContain('stable-rustflags');
    expect(response.body.output.links).toEqual([
      {
        title: 'Pull request',
        url: 'github.com?owner=acme-demo&repo=search-indexer',
      },
    ]);
  });
});
