import type {
  FleetFingerprintFragmentation,
  FleetFragmentation,
  FleetKeyDimension,
  FleetKeyGroup,
} from '../api/fleetTypes';
import { FLEET_KEY_DIMENSIONS } from '../api/fleetTypes';
import type { WarmGroupKey } from '../api/prewarmTypes';
import { warmGroupId, warmGroupKeyOf } from '../prewarm/planWarmGroups';
import { compare } from './compileTime';
import type { FleetLatestReport } from './toolchainDrift';

/** What each dimension takes from the pre-warm planner's key (every field but the fingerprint). */
const DIMENSION_VALUES: Record<
  FleetKeyDimension,
  (key: WarmGroupKey) => unknown
> = {
  toolchain: key => key.rustc,
  target: key => key.target,
  profile: key => key.profile,
  rustflags: key => key.rustflagsSha256,
  cargoVars: key => [key.cargoVarNames, key.cargoVarValueSha256 ?? null],
  // Absent (older reports) and unknown (null) are told apart, as warmGroupId does.
  cargoHome: key =>
    key.cargoHomeSha256 === undefined ? 'absent' : key.cargoHomeSha256,
  cacheLocation: key => [key.cacheBackend, key.cacheLocation],
};

/** Readable names of the dimensions, e.g. for "4 of the splits are RUSTFLAGS". @public */
export const FLEET_KEY_DIMENSION_LABELS: Record<FleetKeyDimension, string> = {
  toolchain: 'toolchain',
  target: 'target',
  profile: 'profile',
  rustflags: 'RUSTFLAGS',
  cargoVars: 'CARGO_* variables',
  cargoHome: 'cargo home',
  cacheLocation: 'cache location',
};

/** Key groups listed per fingerprint; `keyGroups` counts all. */
const MAX_LISTED_GROUPS = 20;
/** Services listed per key group; `services` counts all. */
const MAX_LISTED_GROUP_ENTITIES = 5;

/** The key's dimensions except `ignored`, as one comparable string. */
function keyWithout(key: WarmGroupKey, ignored?: FleetKeyDimension): string {
  return JSON.stringify(
    FLEET_KEY_DIMENSIONS.filter(d => d !== ignored).map(d =>
      DIMENSION_VALUES[d](key),
    ),
  );
}

/**
 * Per dependency fingerprint (Cargo.lock): the cache-key groups its services fall into,
 * keyed as the pre-warm planner keys warm groups (`warmGroupKeyOf`, from each service's
 * latest CI report), and per key dimension how many groups fewer there would be if that
 * dimension were the same everywhere. Pure.
 * @public
 */
export function fleetFragmentation(options: {
  latest: FleetLatestReport[];
  limit: number;
}): Omit<FleetFragmentation, 'computedAt'> {
  const byFingerprint = new Map<
    string,
    Array<{ entityRef: string; key: WarmGroupKey }>
  >();
  let servicesWithoutKey = 0;
  for (const { entityRef, report } of options.latest) {
    const keyed = warmGroupKeyOf(report);
    if ('skipped' in keyed) {
      servicesWithoutKey++;
      continue;
    }
    const members = byFingerprint.get(keyed.key.dependencyFingerprint) ?? [];
    members.push({ entityRef, key: keyed.key });
    byFingerprint.set(keyed.key.dependencyFingerprint, members);
  }

  const fingerprints = [...byFingerprint.entries()].map(([fp, members]) =>
    fragmentationOf(fp, members),
  );
  fingerprints.sort(
    (a, b) =>
      b.keyGroups - a.keyGroups ||
      b.services - a.services ||
      compare(a.fingerprint, b.fingerprint),
  );
  return {
    fingerprints: fingerprints.slice(0, options.limit),
    totalFingerprints: fingerprints.length,
    warmJobs: fingerprints.reduce((sum, f) => sum + f.keyGroups, 0),
    warmJobsIfUnified: fingerprints.length,
    servicesWithoutKey,
  };
}

function fragmentationOf(
  fingerprint: string,
  members: Array<{ entityRef: string; key: WarmGroupKey }>,
): FleetFingerprintFragmentation {
  const groups = new Map<string, { key: WarmGroupKey; entityRefs: string[] }>();
  for (const { entityRef, key } of members) {
    const id = keyWithout(key);
    const group = groups.get(id) ?? { key, entityRefs: [] };
    group.entityRefs.push(entityRef);
    groups.set(id, group);
  }
  const keys = [...groups.values()].map(g => g.key);
  const splits: FleetFingerprintFragmentation['splits'] = {};
  let topSplit: FleetFingerprintFragmentation['topSplit'] = null;
  for (const dimension of FLEET_KEY_DIMENSIONS) {
    const merged = new Set(keys.map(key => keyWithout(key, dimension))).size;
    const count = groups.size - merged;
    if (count === 0) continue;
    splits[dimension] = count;
    if (!topSplit || count > topSplit.splits) {
      topSplit = { dimension, splits: count };
    }
  }
  const listed: FleetKeyGroup[] = [...groups.values()].map(group => {
    const entityRefs = [...group.entityRefs].sort();
    return {
      id: warmGroupId(group.key),
      entityRefs: entityRefs.slice(0, MAX_LISTED_GROUP_ENTITIES),
      services: entityRefs.length,
      rustc: group.key.rustc,
      target: group.key.target,
      profile: group.key.profile,
      rustflagsSha256: group.key.rustflagsSha256,
      cacheLocation: group.key.cacheLocation,
    };
  });
  listed.sort((a, b) => b.services - a.services || compare(a.id, b.id));
  listed.splice(MAX_LISTED_GROUPS);
  return {
    fingerprint,
    services: members.length,
    keyGroups: groups.size,
    splits,
    topSplit,
    groups: listed,
  };
}

/**
 * One sentence for a fingerprint, e.g. "12 services share this Cargo.lock but fall into
 * 5 key groups; 4 of the splits are RUSTFLAGS".
 * @public
 */
export function describeFragmentation(
  fragmentation: Pick<
    FleetFingerprintFragmentation,
    'services' | 'keyGroups' | 'topSplit'
  >,
): string {
  const { services, keyGroups, topSplit } = fragmentation;
  const share = `${services} service${services === 1 ? '' : 's'} ${
    services === 1 ? 'builds' : 'share'
  } this Cargo.lock`;
  if (keyGroups <= 1)
    return `${share} with one cache key: one warm job serves all.`;
  const split = topSplit
    ? `; ${topSplit.splits} of the splits ${
        topSplit.splits === 1 ? 'is' : 'are'
      } ${FLEET_KEY_DIMENSION_LABELS[topSplit.dimension]}`
    : '';
  return `${share} but fall into ${keyGroups} key groups${split}.`;
}
