import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createPinToolchainAction,
  createStableRustflagsAction,
} from './fixActions';

const FIXTURES = path.resolve(__dirname, '../edits/__fixtures__');

/** A workspace on disk with the given files, and a context that records the outputs. */
function setUp(files: Record<string, string>, input: object) {
  const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'rbc-fix-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspacePath, file)), {
      recursive: true,
    });
    fs.writeFileSync(path.join(workspacePath, file), text);
  }
  const outputs: Record<string, unknown> = {};
  const ctx = {
    input,
    workspacePath,
    logger: mockServices.logger.mock(),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  const read = (file: string) =>
    fs.existsSync(path.join(workspacePath, file))
      ? fs.readFileSync(path.join(workspacePath, file), 'utf8')
      : undefined;
  return {
    ctx,
    outputs,
    read,
    cleanUp: () => fs.rmSync(workspacePath, { recursive: true }),
  };
}

const legacy = fs.readFileSync(path.join(FIXTURES, 'rust-toolchain'), 'utf8');

describe('rust-build-cache:pin-toolchain', () => {
  it('updates a legacy rust-toolchain in place, creates no rust-toolchain.toml, and says so', async () => {
    const { ctx, outputs, read, cleanUp } = setUp(
      { 'services/notify/rust-toolchain': legacy },
      { release: '1.95.0', workspaceDir: 'services/notify' },
    );
    await createPinToolchainAction().handler(ctx as any);
    expect(read('services/notify/rust-toolchain')).toBe('1.95.0\n');
    expect(read('services/notify/rust-toolchain.toml')).toBeUndefined();
    expect(outputs).toEqual({
      applied: true,
      filesChanged: ['services/notify/rust-toolchain'],
      changes: [
        {
          file: 'services/notify/rust-toolchain',
          reason:
            'toolchain nightly → 1.95.0, an exact release (legacy file, updated in place: rustup reads it before rust-toolchain.toml)',
        },
      ],
      notes: [],
      summary:
        '- `services/notify/rust-toolchain`: toolchain nightly → 1.95.0, an exact release (legacy file, updated in place: rustup reads it before rust-toolchain.toml)',
    });
    cleanUp();
  });

  it('with dryRun, outputs the changes and writes nothing; both files are named when both exist', async () => {
    const { ctx, outputs, read, cleanUp } = setUp(
      {
        'rust-toolchain': legacy,
        'rust-toolchain.toml': '[toolchain]\nchannel = "stable"\n',
      },
      { release: '1.95.0', dryRun: true },
    );
    await createPinToolchainAction().handler(ctx as any);
    expect(read('rust-toolchain')).toBe(legacy);
    expect(read('rust-toolchain.toml')).toBe(
      '[toolchain]\nchannel = "stable"\n',
    );
    expect(outputs.applied).toBe(false);
    expect(outputs.filesChanged).toEqual([
      'rust-toolchain',
      'rust-toolchain.toml',
    ]);
    expect(outputs.notes).toEqual([
      'rust-toolchain and rust-toolchain.toml both exist; rustup uses rust-toolchain: delete one of them',
    ]);
    cleanUp();
  });

  it('rejects a release that is not exact, naming it', async () => {
    const { ctx, cleanUp } = setUp({}, { release: 'stable' });
    await expect(
      createPinToolchainAction().handler(ctx as any),
    ).rejects.toThrow('release "stable" is not an exact toolchain');
    cleanUp();
  });
});

describe('rust-build-cache:stable-rustflags', () => {
  it('explains and writes nothing when the flags cannot be moved mechanically', async () => {
    const workflow = fs.readFileSync(
      path.join(FIXTURES, 'ci-anchors.yml'),
      'utf8',
    );
    const { ctx, outputs, read, cleanUp } = setUp(
      {
        '.github/workflows/ci.yml': workflow,
        '.github/workflows/README.md': 'not a workflow',
      },
      {},
    );
    await createStableRustflagsAction().handler(ctx as any);
    expect(read('.github/workflows/ci.yml')).toBe(workflow);
    expect(outputs.applied).toBe(false);
    expect(outputs.filesChanged).toEqual([]);
    expect(outputs.summary).toBe(
      '- Not changed: .github/workflows/ci.yml: job test gets RUSTFLAGS through a YAML anchor or merge key; moving it means editing the anchor, which other places may use, so a person has to decide',
    );
    cleanUp();
  });

  it('names a workflow that does not exist', async () => {
    const { ctx, cleanUp } = setUp(
      {},
      { workflows: ['.github/workflows/nope.yml'] },
    );
    await expect(
      createStableRustflagsAction().handler(ctx as any),
    ).rejects.toThrow(
      'workflow .github/workflows/nope.yml does not exist in the workspace',
    );
    cleanUp();
  });
});
