import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  ScaffolderApi,
  ScaffolderDryRunOptions,
} from '@backstage/plugin-scaffolder-common';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { FixFilesResponse } from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen, waitFor } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { fixTemplateRouteRef } from '../../routes';
import { FixPreviewDialog } from './FixPreviewDialog';

const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'fix-rust-build-caching', namespace: 'default' },
  spec: { type: 'fix', steps: [] },
};

const WORKFLOW = [
  'jobs:',
  '  test:',
  '    env:',
  '      RUSTC_WRAPPER: sccache',
  '      CARGO_INCREMENTAL: 1',
  '    steps:',
  '      - run: cargo test',
  '',
].join('\n');

const FILES: FixFilesResponse = {
  repository: 'github.com/acme-demo/ledger-worker',
  workspacePath: '.',
  files: [{ path: '.github/workflows/ci.yml', content: WORKFLOW }],
};

const FORM_DATA = {
  entityRef: 'component:default/ledger-worker',
  sourceUrl: 'https://github.com/acme-demo/ledger-worker',
  fixes: ['rust-build-cache:pin-toolchain'],
  release: '1.95.0',
};

const base64 = (text: string) => Buffer.from(text).toString('base64');
const text = (content: string) => Buffer.from(content, 'base64').toString();

/** What the template's steps leave in the workspace: the workflow fixed, a toolchain pin added. */
const FIXED_WORKSPACE = [
  {
    path: '.github/workflows/ci.yml',
    base64Content: base64(
      WORKFLOW.replace('CARGO_INCREMENTAL: 1', 'CARGO_INCREMENTAL: 0'),
    ),
  },
  {
    path: 'rust-toolchain.toml',
    base64Content: base64('[toolchain]\nchannel = "1.95.0"\n'),
  },
];

async function renderDialog(dryRun: ScaffolderApi['dryRun']) {
  const api = fakeRustBuildCacheApi({ getFixFiles: async () => FILES });
  const scaffolder = { dryRun: jest.fn(dryRun) } as unknown as ScaffolderApi;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [scaffolderApiRef, scaffolder],
        [catalogApiRef, catalogApiMock({ entities: [template] })],
      ]}
    >
      <FixPreviewDialog
        entityRef={{
          kind: 'component',
          namespace: 'default',
          name: 'ledger-worker',
        }}
        formData={FORM_DATA}
        onClose={() => {}}
      />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/create/templates/:namespace/:templateName': fixTemplateRouteRef,
      },
    },
  );
  return { api, dryRun: scaffolder.dryRun as jest.Mock };
}

describe('FixPreviewDialog', () => {
  it('runs the dry-run of the catalog template on the repository files, and shows the diff', async () => {
    const { api, dryRun } = await renderDialog(async () => ({
      directoryContents: FIXED_WORKSPACE,
      log: [],
      steps: [],
      output: {
        text: [
          {
            title: 'Changes',
            content:
              '\n**rust-build-cache:route-through-sccache**\n\n- `.github/workflows/ci.yml`: job test: CARGO_INCREMENTAL: 0 (was 1)\n',
          },
        ],
      },
    }));

    await waitFor(() =>
      expect(screen.getAllByTestId('fix-preview-file')).toHaveLength(2),
    );
    expect(api.getFixFiles).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'ledger-worker',
    });
    // The template from the catalog, the link's values, the fetch step pointed at the files.
    const request: ScaffolderDryRunOptions = dryRun.mock.calls[0][0];
    expect(request.template.metadata.name).toBe('fix-rust-build-caching');
    expect(request.values).toEqual({ ...FORM_DATA, sourceUrl: './repo' });
    expect(
      request.directoryContents.map(f => [f.path, text(f.base64Content)]),
    ).toEqual([['repo/.github/workflows/ci.yml', WORKFLOW]]);

    expect(
      screen.getByText(/The pull request would change 2 files of/),
    ).toHaveTextContent('github.com/acme-demo/ledger-worker');
    expect(screen.getByTestId('fix-preview-changes')).toHaveTextContent(
      'job test: CARGO_INCREMENTAL: 0 (was 1)',
    );
    // The unified diff, line by line (three lines of context).
    const linesOf = (path: string) =>
      Array.from(
        screen.getByLabelText(`Changes to ${path}`).children,
        line => line.textContent,
      );
    expect(linesOf('.github/workflows/ci.yml')).toEqual([
      '@@ -2,6 +2,6 @@',
      '   test:',
      '     env:',
      '       RUSTC_WRAPPER: sccache',
      '-      CARGO_INCREMENTAL: 1',
      '+      CARGO_INCREMENTAL: 0',
      '     steps:',
      '       - run: cargo test',
    ]);
    expect(linesOf('rust-toolchain.toml')).toEqual([
      '@@ -0,0 +1,2 @@',
      '+[toolchain]',
      '+channel = "1.95.0"',
    ]);
    expect(
      screen
        .getAllByTestId('fix-preview-file')
        .map(file => [file.getAttribute('data-path'), file.textContent]),
    ).toEqual([
      [
        '.github/workflows/ci.yml',
        expect.stringMatching(/^\.github\/workflows\/ci\.yml modified/),
      ],
      [
        'rust-toolchain.toml',
        expect.stringMatching(/^rust-toolchain\.toml new file/),
      ],
    ]);
    // The pull request itself, one click away.
    expect(
      screen.getByRole('link', { name: 'Open a fix pull request' }),
    ).toHaveAttribute(
      'href',
      `/create/templates/default/fix-rust-build-caching?formData=${encodeURIComponent(
        JSON.stringify(FORM_DATA),
      )}`,
    );
  });

  it('shows progress while the dry-run runs', async () => {
    await renderDialog(() => new Promise(() => {}));
    expect(await screen.findByTestId('fix-preview-loading')).toHaveTextContent(
      "running the template's dry-run",
    );
    expect(screen.queryByTestId('fix-preview-file')).toBeNull();
  });

  it("shows the dry-run's error", async () => {
    await renderDialog(async () => {
      throw new Error(
        'Step pin-toolchain failed: release "stable" is not exact',
      );
    });
    expect(
      (await screen.findAllByText(/release "stable" is not exact/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('fix-preview-loading')).toBeNull();
  });

  it('says so when the template would change nothing', async () => {
    await renderDialog(async () => ({
      directoryContents: FILES.files.map(f => ({
        path: f.path,
        base64Content: base64(f.content),
      })),
      log: [],
      steps: [],
      output: {},
    }));
    expect(
      await screen.findByTestId('fix-preview-unchanged'),
    ).toHaveTextContent(
      'The template would change no file of github.com/acme-demo/ledger-worker',
    );
  });
});
