/**
 * Shared code of the rust-build-cache plugins and CLI: the report schema, the parsers that
 * build a report from sccache, rustc, rustup and cargo output, the derived metrics, run
 * comparison, the policy rules behind the scorecards, permissions and annotation names.
 *
 * @packageDocumentation
 */
export * from './constants';
export * from './permissions';
export * from './report/schema';
export { formatReportIssues, type ReportIssue } from './report/issues';
export * from './report/jsonSchema';
export {
  EARLIEST_REPORT_TIME,
  MAX_REPORT_BYTES,
  MAX_REPORT_CLOCK_SKEW_MS,
  MAX_REPORT_COUNT,
  MAX_REPORT_MAP_KEYS,
  MAX_REPORT_SECONDS,
} from './report/fields';
export { isWebUrl } from './report/webUrl';
export { normaliseWorkspacePath } from './report/workspacePath';
export {
  entityRepository,
  normaliseRepository,
  normalizeEntityRef,
  reportSourceKey,
  type ReportSourceKey,
} from './source/reportSource';
export {
  MAX_REPORT_PROBLEMS,
  reportProblemSchema,
  toolchainFileProblem,
  cargoLockProblem,
  type ReportProblem,
} from './report/problems';
export {
  keyInputsSchema,
  pathOrSha256Schema,
  MAX_KEY_INPUT_VARIABLES,
  type KeyInputs,
  type PathOrSha256,
} from './report/keyInputs';
export { collectKeyInputs, pathSha256 } from './build/collectKeyInputs';
export { rustCacheKeyCargoVar } from './sccache/rustCacheKeyEnv';
export * from './metrics/types';
export * from './api/types';
export * from './api/policyTypes';
export * from './api/prewarmTypes';
export * from './api/fleetTypes';
export {
  parseSccacheStats,
  SccacheStatsError,
} from './sccache/parseSccacheStats';
export {
  parseCacheLocation,
  redactCredentials,
  type CacheLocation,
} from './sccache/parseCacheLocation';
export {
  parseToolchainFile,
  selectToolchainFile,
  isExactToolchainPin,
  ToolchainFileError,
  type ToolchainFileName,
} from './toolchain/parseToolchainFile';
export {
  parseRustcVersion,
  toolchainMatchesRustc,
  RustcVersionError,
  type ToolchainMatchStatus,
} from './toolchain/parseRustcVersion';
export { analyzeCargoLock, CargoLockError } from './cargo/analyzeCargoLock';
export {
  parseCargoProfiles,
  CargoManifestError,
} from './cargo/parseCargoProfiles';
export {
  parseCargoTimingsHtml,
  CargoTimingsError,
} from './cargo/parseCargoTimings';
export { collectBuildEnv } from './build/collectBuildEnv';
export {
  computeRunMetrics,
  RUN_METRICS_VERSION,
  combineRunMetrics,
  hitRates,
  type CombinedRunMetrics,
} from './metrics/computeRunMetrics';
export { sumCounts } from './metrics/sumCounts';
export { countCompileRequests } from './metrics/compileRequests';
export {
  NON_CACHEABLE_REASONS,
  RUST_LANGUAGE,
  describeNonCacheableReason,
  type NonCacheableReason,
  type ReasonCompiler,
} from './metrics/nonCacheableReasons';
export {
  CACHE_FAILURE_KINDS,
  type CacheFailureDescription,
  type CacheFailureKind,
} from './metrics/cacheFailures';
export { compareReports } from './compare/compareReports';
export * from './policy';
export * from './prewarm';
export * from './fleet';
