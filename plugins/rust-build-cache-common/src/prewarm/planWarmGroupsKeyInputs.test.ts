import { collectKeyInputs } from '../build/collectKeyInputs';
import { realReport, variant } from '../testUtils/realReports';
import type { BuildCacheReport } from '../report/schema';
import { sha256Hex } from '../util/sha256Hex';
import {
  planWarmGroups,
  warmGroupId,
  warmGroupKeyOf,
  type WarmPlanEntity,
} from './planWarmGroups';

const searchIndexer = realReport('search-indexer-warm');

/** The real report as if collect had recorded these key inputs. */
function withKeyInputs(
  runId: string,
  env: Record<string, string>,
  options: { sccacheVersion?: string | null; cargoHome?: string } = {},
): BuildCacheReport {
  return variant(searchIndexer, runId, report => {
    report.build.env.cargoVarNames = Object.keys(env).sort();
    if (options.sccacheVersion !== undefined) {
      report.sccache!.version = options.sccacheVersion;
    }
    report.keyInputs = collectKeyInputs({
      env,
      workspaceDir: `/ci/${runId}`,
      cargoHome: options.cargoHome ?? '/ci/cargo',
      redactPaths: false,
    });
  });
}

const entity = (name: string, report: BuildCacheReport): WarmPlanEntity => ({
  entityRef: `component:default/${name}`,
  owner: null,
  tags: [],
  latestCiReport: report,
});

const groupsOf = (reports: Record<string, BuildCacheReport>) =>
  planWarmGroups({
    entities: Object.entries(reports).map(([name, r]) => entity(name, r)),
  }).groups.map(group => group.entityRefs.map(ref => ref.split('/')[1]));

describe('planWarmGroups by CARGO_* values, not just names', () => {
  const env = { CARGO_INCREMENTAL: '0', CARGO_TARGET_DIR: '/ci/target' };

  it('keeps entities whose variables have equal values together, whatever their checkout directories', () => {
    expect(
      groupsOf({ a: withKeyInputs('a', env), b: withKeyInputs('b', env) }),
    ).toEqual([['a', 'b']]);
  });

  it('splits entities whose variable of the same name has another value', () => {
    const other = { ...env, CARGO_TARGET_DIR: '/ci/target-b' };
    expect(
      groupsOf({ a: withKeyInputs('a', env), b: withKeyInputs('b', other) }),
    ).toHaveLength(2);
    const key = warmGroupKeyOf(withKeyInputs('b', other));
    expect(key).toMatchObject({
      key: {
        cargoVarNames: ['CARGO_INCREMENTAL', 'CARGO_TARGET_DIR'],
        cargoVarValueSha256: {
          CARGO_INCREMENTAL: sha256Hex('0'),
          CARGO_TARGET_DIR: sha256Hex('/ci/target-b'),
        },
        cargoHomeSha256: sha256Hex('/ci/cargo'),
      },
    });
  });

  it('splits entities with another cargo home', () => {
    expect(
      groupsOf({
        a: withKeyInputs('a', env),
        b: withKeyInputs('b', env, { cargoHome: '/home/b/.cargo' }),
      }),
    ).toHaveLength(2);
  });

  it('ignores values of variables the report’s sccache does not hash', () => {
    const jobs = (n: string) => ({ ...env, CARGO_BUILD_JOBS: n });
    // sccache 0.12 and later leave CARGO_BUILD_JOBS out of the key, 0.11 does not.
    expect(
      groupsOf({
        a: withKeyInputs('a', jobs('2'), { sccacheVersion: '0.17.0' }),
        b: withKeyInputs('b', jobs('8'), { sccacheVersion: '0.17.0' }),
      }),
    ).toEqual([['a', 'b']]);
    expect(
      groupsOf({
        a: withKeyInputs('a', jobs('2'), { sccacheVersion: '0.11.0' }),
        b: withKeyInputs('b', jobs('8'), { sccacheVersion: '0.11.0' }),
      }),
    ).toHaveLength(2);
  });

  it('keeps the key and group id of reports without key inputs', () => {
    const keyed = warmGroupKeyOf(searchIndexer);
    if (!('key' in keyed)) throw new Error('no key');
    expect(keyed.key).not.toHaveProperty('cargoVarValueSha256');
    expect(warmGroupId(keyed.key)).toBe(
      sha256Hex(
        JSON.stringify([
          keyed.key.rustc,
          keyed.key.target,
          keyed.key.profile,
          keyed.key.rustflagsSha256,
          keyed.key.cargoVarNames,
          keyed.key.cacheBackend,
          keyed.key.cacheLocation,
          keyed.key.dependencyFingerprint,
        ]),
      ),
    );
  });
});
