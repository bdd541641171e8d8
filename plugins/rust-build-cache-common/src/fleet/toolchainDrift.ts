import type {
  FleetPinMismatch,
  FleetToolchainDrift,
  FleetToolchainRelease,
} from '../api/fleetTypes';
import { FLEET_LISTED_ENTITIES } from '../api/fleetTypes';
import type { BuildCacheReport } from '../report/schema';
import { toolchainMatchesRustc } from '../toolchain/parseRustcVersion';
import { compare } from './compileTime';

/** The latest CI report of one linked service. @public */
export interface FleetLatestReport {
  entityRef: string;
  report: BuildCacheReport;
}

/** The most pin mismatches listed (the count is always complete). @public */
export const FLEET_MAX_PIN_MISMATCHES = 100;

/**
 * rustc releases CI used (each service's latest CI report), the baseline, and the
 * services whose toolchain pin differs from what CI ran — judged as the
 * `toolchain-pin-matches-ci` rule does (`toolchainMatchesRustc`). Pure.
 * @public
 */
export function fleetToolchainDrift(options: {
  latest: FleetLatestReport[];
  baseline: string | null;
}): Omit<FleetToolchainDrift, 'computedAt'> {
  const byRelease = new Map<string, string[]>();
  const mismatches: FleetPinMismatch[] = [];
  let unpinned = 0;
  for (const { entityRef, report } of options.latest) {
    const { rustc, file } = report.toolchain;
    if (!rustc) continue;
    const entities = byRelease.get(rustc.release) ?? [];
    entities.push(entityRef);
    byRelease.set(rustc.release, entities);
    const { status } = toolchainMatchesRustc(file, rustc);
    if (status === 'unpinned' || status === 'floating') unpinned++;
    if (status === 'mismatch' && file?.channel) {
      mismatches.push({
        entityRef,
        file: file.file,
        pin: file.channel,
        ciRelease: rustc.release,
      });
    }
  }
  const releases: FleetToolchainRelease[] = [...byRelease.entries()].map(
    ([release, entityRefs]) => ({
      release,
      services: entityRefs.length,
      entityRefs: [...entityRefs].sort().slice(0, FLEET_LISTED_ENTITIES),
      isBaseline: release === options.baseline,
    }),
  );
  releases.sort(
    (a, b) => b.services - a.services || compare(a.release, b.release),
  );
  mismatches.sort((a, b) => compare(a.entityRef, b.entityRef));
  return {
    baseline: options.baseline,
    releases,
    pinMismatches: mismatches.slice(0, FLEET_MAX_PIN_MISMATCHES),
    totalPinMismatches: mismatches.length,
    servicesWithRustc: releases.reduce((sum, r) => sum + r.services, 0),
    unpinned,
  };
}
