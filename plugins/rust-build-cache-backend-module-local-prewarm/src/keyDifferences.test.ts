import { createHash } from 'node:crypto';
import { keyDifferences } from './keyDifferences';
import { testKey } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';

const sha256 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex');

describe('keyDifferences on key inputs', () => {
  const key = testKey({
    cargoVarNames: ['CARGO_INCREMENTAL', 'CARGO_TARGET_DIR'],
    cargoVarValueSha256: {
      CARGO_INCREMENTAL: sha256('0'),
      CARGO_TARGET_DIR: sha256('/ci/target'),
    },
    cargoHomeSha256: sha256('/ci/cargo'),
  });
  const built = (target: string, cargoHome: string) => ({
    build: {
      env: {
        rustflags: { set: false, sha256: null },
        cargoVarNames: ['CARGO_INCREMENTAL', 'CARGO_TARGET_DIR'],
      },
    },
    keyInputs: {
      cargoVarValueSha256: {
        CARGO_INCREMENTAL: sha256('0'),
        CARGO_TARGET_DIR: sha256(target),
      },
      cargoHome: { path: cargoHome },
    },
  });

  it('is quiet when values and cargo home match', () => {
    expect(keyDifferences(key, built('/ci/target', '/ci/cargo'))).toEqual([]);
  });

  it('names each variable whose value differs from its group’s, and another cargo home', () => {
    expect(
      keyDifferences(
        key,
        built('/srv/warm/target', '/var/lib/backstage/.cargo'),
      ),
    ).toEqual([
      `the warm build's value of CARGO_TARGET_DIR (sha256 ${sha256(
        '/srv/warm/target',
      ).slice(0, 12)}) is not its group's (sha256 ${sha256('/ci/target').slice(
        0,
        12,
      )}): sccache hashes CARGO_* values into every Rust key; set the consumers' value in rustBuildCache.prewarm.executors.local.env.`,
      expect.stringContaining(
        "the warm build's cargo home (/var/lib/backstage/.cargo) is not its group's",
      ),
    ]);
  });

  it('says nothing about values for keys of reports without key inputs', () => {
    const { cargoVarValueSha256, cargoHomeSha256, ...oldKey } = key;
    expect(
      keyDifferences(oldKey, built('/srv/warm/target', '/elsewhere')),
    ).toEqual([]);
  });
});
