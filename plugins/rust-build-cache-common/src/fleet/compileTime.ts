import type {
  FleetCompileTime,
  FleetCrateCost,
  FleetEstimateMethod,
} from '../api/fleetTypes';
import { FLEET_LISTED_ENTITIES } from '../api/fleetTypes';
import type { TimingUnit } from '../report/schema';

/** One CI report of a linked service, as far as the compile-time estimate reads it. @public */
export interface FleetTimingsInput {
  entityRef: string;
  /** Rust cache misses of the run (`RunMetrics.misses`). */
  rustMisses: number;
  /** The report's `timings.slowest`; null when it kept no cargo timings. */
  slowest: TimingUnit[] | null;
}

/** cargo's target label of a library (and proc-macro) unit: the only units sccache caches. */
const LIBRARY_TARGET = 'lib';

/** @public */
export const FLEET_COMPILE_TIME_METHOD: FleetEstimateMethod = {
  formula:
    "For each CI report of a linked service with M Rust cache misses, the M slowest library units among the units the report kept from cargo's --timings are taken as its misses (a cache hit returns in well under a second, so a build's slow library compiles are its misses). Their seconds are summed per crate and version over the window.",
  limits: [
    'Each report keeps only its slowest units (at most 100): a miss of a crate outside that list adds nothing, so cheap crates are under-counted.',
    'Reports without cargo timings (builds not run with --timings) add nothing.',
    'A report with fewer misses than slow library units counts only the slowest; a slow unit that was a hit (a slow cache read) can be counted as a miss.',
    "Build scripts, binaries, tests and the C/C++ that build scripts compile are left out (sccache caches library crates only). The workspaces' own library crates are counted with the dependencies, usually under one service.",
    "Seconds are cargo's wall time per unit; units compile in parallel, so the sum is more than the builds took.",
  ],
};

/**
 * The dependency crates that cost the most compile seconds on cache misses, by the
 * estimate {@link FLEET_COMPILE_TIME_METHOD} describes. Pure. `prewarmed` holds the entity
 * refs a pre-warm schedule covers.
 * @public
 */
export function fleetCompileTime(options: {
  reports: FleetTimingsInput[];
  prewarmed: ReadonlySet<string>;
  limit: number;
}): Omit<FleetCompileTime, 'computedAt' | 'days' | 'from'> {
  const crates = new Map<
    string,
    {
      name: string;
      version: string;
      seconds: number;
      compiles: number;
      entities: Set<string>;
    }
  >();
  let reportsWithMisses = 0;
  let reportsWithTimings = 0;
  for (const report of options.reports) {
    if (report.rustMisses <= 0) continue;
    reportsWithMisses++;
    if (!report.slowest) continue;
    reportsWithTimings++;
    const counted = report.slowest
      .filter(unit => unit.target === LIBRARY_TARGET && unit.seconds > 0)
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, report.rustMisses);
    for (const unit of counted) {
      const id = `${unit.name}@${unit.version}`;
      const crate = crates.get(id) ?? {
        name: unit.name,
        version: unit.version,
        seconds: 0,
        compiles: 0,
        entities: new Set<string>(),
      };
      crate.seconds += unit.seconds;
      crate.compiles++;
      crate.entities.add(report.entityRef);
      crates.set(id, crate);
    }
  }
  const all: FleetCrateCost[] = [...crates.values()].map(crate => {
    const entityRefs = [...crate.entities].sort();
    return {
      name: crate.name,
      version: crate.version,
      missSeconds: round(crate.seconds),
      compiles: crate.compiles,
      services: entityRefs.length,
      entityRefs: entityRefs.slice(0, FLEET_LISTED_ENTITIES),
      prewarmedServices: entityRefs.filter(ref => options.prewarmed.has(ref))
        .length,
    };
  });
  all.sort(
    (a, b) =>
      b.missSeconds - a.missSeconds ||
      b.services - a.services ||
      compare(a.name, b.name) ||
      compare(a.version, b.version),
  );
  return {
    crates: all.slice(0, options.limit),
    totalCrates: all.length,
    totalMissSeconds: round(all.reduce((sum, c) => sum + c.missSeconds, 0)),
    reportsWithMisses,
    reportsWithTimings,
    method: FLEET_COMPILE_TIME_METHOD,
  };
}

/** Hundredths of a second: sums of many floats are not shown with float noise. */
export function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

export function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
