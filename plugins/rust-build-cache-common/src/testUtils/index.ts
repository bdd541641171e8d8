/**
 * Test utilities of the rust-build-cache packages: the real tool output and recorded
 * reports kept under `src/__fixtures__/` and `src/policy/__fixtures__/` (see their
 * READMEs), and builders on top of them. Imported by the tests of the backend, the
 * frontend and the CLI as `@rust-build-cache/plugin-rust-build-cache-common/testUtils`,
 * so no package copies fixtures or reaches into this package's `src`.
 *
 * @packageDocumentation
 */
export { fixturePath, readFixture } from './fixtures';
export { FALSE_CLAIMS } from './falseClaims';
export {
  exampleReport,
  inputOf,
  realReport,
  realReportPath,
  RECORDED_AT,
  variant,
  type RealReportName,
} from './realReports';
