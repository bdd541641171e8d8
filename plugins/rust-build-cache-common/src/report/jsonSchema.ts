import { z } from 'zod';
import { buildCacheReportSchema, REPORT_SCHEMA_VERSION } from './schema';

/** A JSON Schema document (draft 2020-12). @public */
export type JsonSchemaDocument = z.core.JSONSchema.BaseSchema;

/**
 * The JSON Schema (draft 2020-12) of the build-cache report, generated from the zod schema
 * that {@link validateReport} uses. It describes the accepted input: unknown keys are
 * allowed, as zod ignores them. Rules it cannot express are named in its descriptions. Published as `schema/report.schema.json`; a test keeps
 * that file equal to this.
 * @public
 */
export function buildReportJsonSchema(): JsonSchemaDocument {
  const { $schema, ...schema } = z.toJSONSchema(buildCacheReportSchema, {
    io: 'input',
  });
  return {
    $schema,
    title: `rust-build-cache report, schema version ${REPORT_SCHEMA_VERSION}`,
    description:
      'What one CI job or pre-warm job tells Backstage about the sccache health of one Cargo workspace. Produced by `rust-build-cache collect`, accepted by POST /api/rust-build-cache/reports. ' +
      "Some rules are checked by validateReport only, as JSON Schema cannot express them: the time bounds of source.finishedAt and source.startedAt, the path rules of source.workspacePath, the sums of count maps (each field's description says which), and that no key anywhere is `__proto__`.",
    ...schema,
  };
}
