import { createHash } from 'node:crypto';
import { buildExampleReport } from '../__testUtils__/exampleReport';
import { validateReport } from '../report/schema';
import { collectKeyInputs, pathSha256 } from './collectKeyInputs';

const sha256 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex');

describe('collectKeyInputs', () => {
  const env = {
    CARGO_TARGET_DIR: '/ci/target-7',
    CARGO_HOME: '/ci/cargo',
    CARGO_REGISTRIES_PRIVATE_TOKEN: 's3cr3t',
    CARGO_UNSET: undefined,
    RUSTFLAGS: '-D warnings',
    HOME: '/home/runner',
  };

  it('records the paths and the sha256 of every CARGO_* value, never a value', () => {
    const inputs = collectKeyInputs({
      env,
      workspaceDir: '/ci/checkout-1/app',
      cargoHome: '/ci/cargo',
      redactPaths: false,
    });
    expect(inputs).toEqual({
      workspaceDir: { path: '/ci/checkout-1/app' },
      cargoHome: { path: '/ci/cargo' },
      cargoVarValueSha256: {
        CARGO_HOME: sha256('/ci/cargo'),
        CARGO_REGISTRIES_PRIVATE_TOKEN: sha256('s3cr3t'),
        CARGO_TARGET_DIR: sha256('/ci/target-7'),
      },
    });
    expect(JSON.stringify(inputs)).not.toContain('s3cr3t');
    expect(JSON.stringify(inputs)).not.toContain('target-7');
  });

  it('records only the sha256 of the paths with redactPaths', () => {
    const inputs = collectKeyInputs({
      env: {},
      workspaceDir: '/ci/checkout-1/app',
      cargoHome: null,
      redactPaths: true,
    });
    expect(inputs).toEqual({
      workspaceDir: { sha256: sha256('/ci/checkout-1/app') },
      cargoHome: null,
      cargoVarValueSha256: {},
    });
    expect(pathSha256(inputs.workspaceDir)).toBe(
      pathSha256({ path: '/ci/checkout-1/app' }),
    );
  });

  it('keeps a path the schema cannot hold as its sha256', () => {
    const odd = '/ci/line\nbreak';
    expect(
      collectKeyInputs({
        env: {},
        workspaceDir: odd,
        cargoHome: 'relative/.cargo',
        redactPaths: false,
      }),
    ).toMatchObject({
      workspaceDir: { sha256: sha256(odd) },
      cargoHome: { sha256: sha256('relative/.cargo') },
    });
  });

  it('gives key inputs the report schema accepts', () => {
    const report = {
      ...buildExampleReport(),
      keyInputs: collectKeyInputs({
        env,
        workspaceDir: 'C:\\a\\b',
        cargoHome: '/ci/cargo',
        redactPaths: false,
      }),
    };
    expect(validateReport(report).ok).toBe(true);
  });
});
