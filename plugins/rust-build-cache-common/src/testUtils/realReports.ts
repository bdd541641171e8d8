import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateReport, type BuildCacheReport } from '../report/schema';
import type { PolicyEvaluationInput } from '../policy/types';

/** The real reports under `src/policy/__fixtures__/` (see its README). @public */
export type RealReportName =
  | 'billing-api-warm'
  | 'ledger-worker-warm'
  | 'search-indexer-warm'
  | 'rate-limiter-warm'
  | 'rate-limiter-rustflags-changed';

function parseReport(path: string): BuildCacheReport {
  const validation = validateReport(JSON.parse(readFileSync(path, 'utf8')));
  if (!validation.ok)
    throw new Error(`${path} is not a valid report: ${validation.issues}`);
  return validation.report;
}

/** Absolute path of a real report's JSON file. */
export function realReportPath(name: RealReportName): string {
  return join(__dirname, '..', 'policy', '__fixtures__', `${name}.json`);
}

export function realReport(name: RealReportName): BuildCacheReport {
  return parseReport(realReportPath(name));
}

/** `src/__fixtures__/report-example.json`: tinyproj, pinned to 1.95.0, SCCACHE_CACHE_SIZE=10G. */
export function exampleReport(): BuildCacheReport {
  return parseReport(
    join(__dirname, '..', '__fixtures__', 'report-example.json'),
  );
}

/** A copy of a real report with a few fields replaced, and its own run id. */
export function variant(
  report: BuildCacheReport,
  runId: string,
  change: (copy: BuildCacheReport) => void = () => {},
): BuildCacheReport {
  const copy: BuildCacheReport = structuredClone(report);
  copy.source.ci.runId = runId;
  change(copy);
  return copy;
}

/** The real reports were recorded on 2026-11-27 around 17:38 UTC. */
export const RECORDED_AT = new Date('2026-11-27T18:00:00Z');

export function inputOf(
  reports: BuildCacheReport[],
  extra: Partial<PolicyEvaluationInput> = {},
): PolicyEvaluationInput {
  return {
    entity: { kind: 'Component', type: 'service', tags: ['rust'] },
    reports,
    now: RECORDED_AT,
    ...extra,
  };
}
