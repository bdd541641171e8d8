import { createHash } from 'node:crypto';
import { readKeyInputs, resolveCargoHome } from './keyInputs';

const sha256 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex');

describe('resolveCargoHome (as cargo’s home crate)', () => {
  it('takes CARGO_HOME, relative to the working directory', () => {
    expect(
      resolveCargoHome({ cwd: '/w', env: { CARGO_HOME: '/c', HOME: '/h' } }),
    ).toBe('/c');
    expect(
      resolveCargoHome({ cwd: '/w', env: { CARGO_HOME: 'c', HOME: '/h' } }),
    ).toBe('/w/c');
  });

  it('defaults to .cargo in the home directory; an empty CARGO_HOME counts as unset', () => {
    expect(resolveCargoHome({ cwd: '/w', env: { HOME: '/h' } })).toBe(
      '/h/.cargo',
    );
    expect(
      resolveCargoHome({ cwd: '/w', env: { CARGO_HOME: '', HOME: '/h' } }),
    ).toBe('/h/.cargo');
    expect(resolveCargoHome({ cwd: '/w', env: {} })).toBeNull();
  });
});

describe('readKeyInputs', () => {
  const system = {
    cwd: '/w',
    env: { HOME: '/h', CARGO_TARGET_DIR: '/t', PATH: '/bin' },
  };

  it('records paths, and CARGO_* values only as sha256', () => {
    expect(readKeyInputs(system, '/w/app', false)).toEqual({
      workspaceDir: { path: '/w/app' },
      cargoHome: { path: '/h/.cargo' },
      cargoVarValueSha256: { CARGO_TARGET_DIR: sha256('/t') },
    });
  });

  it('records only the paths’ sha256 with --redact-paths', () => {
    expect(readKeyInputs(system, '/w/app', true)).toMatchObject({
      workspaceDir: { sha256: sha256('/w/app') },
      cargoHome: { sha256: sha256('/h/.cargo') },
    });
  });
});
