import {
  buildCacheReportSchema,
  CACHE_BACKENDS,
  policyConfigSchema,
  POLICY_RULE_IDS,
  PREWARM_JOB_STATES,
  PREWARM_RUN_STATES,
  prewarmScheduleInputSchema,
  RULE_OUTCOMES,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { z } from 'zod';

/**
 * The schemas of `openapi.yaml` (under `components.schemas`) that are generated from the
 * zod schemas and vocabulary of -common, so that each concept is defined in one place.
 * `openapi.test.ts` fails when the document differs from them, and rewrites them with
 * RBC_UPDATE_GENERATED=1.
 */

/** A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of one component. */
export type ComponentSchema = Record<string, unknown>;

const report = buildCacheReportSchema;
const toolchainFile = report.shape.toolchain.shape.file.unwrap();
const dependencies = report.shape.dependencies.unwrap();
const profileSettings = report.shape.build.shape.profiles.valueType;

/**
 * Sub-schemas that become components of their own: where they occur inside another
 * generated schema, it refers to the component instead of repeating it.
 */
const SHARED: ReadonlyArray<[string, z.ZodType]> = [
  ['ToolchainFile', toolchainFile],
  ['DependencyInfo', dependencies],
  ['ProfileSettings', profileSettings],
  ['CacheBackend', z.enum(CACHE_BACKENDS)],
  ['RunKind', report.shape.kind],
  ['CiProvider', report.shape.source.shape.ci.shape.provider],
];

/**
 * Each component and the zod schema it comes from. All are generated as zod's input
 * (what the schema accepts): transforms (trimming, normalising refs) have no JSON Schema
 * output form, and what the API returns was validated by the same schema, so it is
 * accepted input too.
 */
const COMPONENTS: ReadonlyArray<{
  name: string;
  schema: z.ZodType;
  from: string;
  description?: string;
}> = [
  {
    name: 'BuildCacheReport',
    schema: report,
    from: 'buildCacheReportSchema',
    description:
      'A report as CI pushes it, and as the API returns it once stored (validated, unknown keys dropped). Also published as schema/report.schema.json in the -common package.',
  },
  ...SHARED.map(([name, schema]) => ({
    name,
    schema,
    from: 'buildCacheReportSchema',
  })),
  {
    name: 'PolicyConfig',
    schema: policyConfigSchema,
    from: 'policyConfigSchema',
    description:
      'The policy (app-config `rustBuildCache.policy`); the API returns it validated, with every rule’s params defaulted.',
  },
  {
    name: 'PolicyRuleId',
    schema: z.enum(POLICY_RULE_IDS),
    from: 'POLICY_RULE_IDS',
  },
  {
    name: 'RuleOutcome',
    schema: z.enum(RULE_OUTCOMES),
    from: 'RULE_OUTCOMES',
  },
  {
    name: 'PrewarmScheduleInput',
    schema: prewarmScheduleInputSchema,
    from: 'prewarmScheduleInputSchema',
    description:
      'A schedule as users send it. The server also checks that the cron expression fires and that the time zone exists.',
  },
  {
    name: 'PrewarmRunState',
    schema: z.enum(PREWARM_RUN_STATES),
    from: 'PREWARM_RUN_STATES',
  },
  {
    name: 'PrewarmJobState',
    schema: z.enum(PREWARM_JOB_STATES),
    from: 'PREWARM_JOB_STATES',
  },
];

const COMPONENT_PREFIX = '#/components/schemas/';

/** The generated component schemas by name, in a stable order. */
export function buildGeneratedSchemas(): Record<string, ComponentSchema> {
  const result: Record<string, ComponentSchema> = {};
  for (const component of COMPONENTS) {
    const refs = new Map<unknown, string>(
      SHARED.filter(([name]) => name !== component.name).map(
        ([name, schema]) => [schema, name],
      ),
    );
    const {
      $schema: _schema,
      description,
      ...schema
    } = z.toJSONSchema(component.schema, {
      io: 'input',
      target: 'draft-2020-12',
      override: ({ zodSchema, jsonSchema }) => {
        const name = refs.get(zodSchema);
        if (!name) return;
        for (const key of Object.keys(jsonSchema)) {
          delete (jsonSchema as Record<string, unknown>)[key];
        }
        jsonSchema.$ref = `${COMPONENT_PREFIX}${name}`;
      },
    });
    result[component.name] = {
      'x-generated-from': `${component.from} in @rust-build-cache/plugin-rust-build-cache-common`,
      ...(component.description ?? description
        ? { description: component.description ?? description }
        : {}),
      ...schema,
    };
  }
  return result;
}
