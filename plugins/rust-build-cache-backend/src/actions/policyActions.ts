import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  evaluatePolicy,
  formatReportIssues,
  POLICY_RULE_IDS,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PolicyService } from '../policy';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { normalizeEntityRef } from '../catalog';
import { ActionAccess } from './actionAccess';
import { ruleResultSchema } from './schemas';

const countsShape = (z: typeof import('zod/v3').z) => ({
  passed: z.number(),
  failed: z.number(),
  warned: z.number(),
  exempt: z.number(),
  notApplicable: z.number(),
  insufficientData: z.number(),
});

/**
 * `list-services-failing-rule`: the scorecards' entity query (failing or warning on one
 * rule, optionally of one owner), each entity with that rule's evidence and remediation.
 */
export function registerFailingRuleAction(options: {
  actionsRegistry: ActionsRegistryService;
  access: ActionAccess;
  policy: PolicyService;
}) {
  const { actionsRegistry, access, policy } = options;
  actionsRegistry.register({
    name: 'list-services-failing-rule',
    title: 'List services failing a build cache rule',
    description: `Lists the catalog entities whose latest caching-policy evaluation fails or warns on one rule, e.g. every service whose effective hit rate is below the threshold, or every service of a team that does not pin its toolchain. Each entity comes with the rule's outcome, the numbers behind it (evidence) and what to change.
Rule ids: ${POLICY_RULE_IDS.join(
      ', ',
    )}. Results are paged: pass offset = previous offset + limit while offset + limit < total. Entities you may not read in the catalog are left out of the page.`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          ruleId: z.enum(POLICY_RULE_IDS).describe('The policy rule'),
          owner: z
            .string()
            .min(1)
            .optional()
            .describe(
              'Owner entity ref, e.g. group:default/payments (a bare name is a group in the default namespace)',
            ),
          limit: z.number().int().min(1).max(50).default(20),
          offset: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          ruleId: z.string(),
          total: z
            .number()
            .describe('Entities failing or warning on the rule, all pages'),
          limit: z.number(),
          offset: z.number(),
          items: z.array(
            z.object({
              entityRef: z.string(),
              owner: z.string().nullable(),
              level: z.string().nullable(),
              evaluatedAt: z.string(),
              result: ruleResultSchema(z),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await access.requireRead(credentials);
      const { ruleId, limit, offset } = input;
      const page = await policy.listEntities({
        filter: {
          ruleId,
          owner: input.owner && parseOwnerRef(input.owner),
        },
        limit,
        offset,
      });
      const readable = await access.filterReadableEntities(
        credentials,
        page.items.map(row => row.entityRef),
      );
      const scorecards = await Promise.all(
        page.items
          .filter(row => readable.has(row.entityRef))
          .map(row => policy.getEntityScorecard(row.entityRef)),
      );
      const items = scorecards.flatMap(scorecard => {
        const result = scorecard?.results.find(r => r.ruleId === ruleId);
        if (!scorecard || !result) return [];
        const { entityRef, owner, level, evaluatedAt } = scorecard;
        return [{ entityRef, owner, level, evaluatedAt, result }];
      });
      return { output: { ruleId, total: page.total, limit, offset, items } };
    },
  });
}

/** `check-build-cache-report`: what `rust-build-cache check` reports, with the org's policy. */
export function registerCheckReportAction(options: {
  actionsRegistry: ActionsRegistryService;
  access: ActionAccess;
  policy: PolicyService;
  now?: () => Date;
}) {
  const { actionsRegistry, access, policy } = options;
  const now = options.now ?? (() => new Date());
  actionsRegistry.register({
    name: 'check-build-cache-report',
    title: 'Check a Rust build cache report against the policy',
    description: `Checks one build-cache report (the JSON file that \`rust-build-cache collect\` writes in CI, usually rust-build-cache-report.json) against the organisation's caching policy, as \`rust-build-cache check --url\` does: the level the report reaches, and every rule's outcome with a summary and, for failing and warning rules, what to change.
Rules that need several runs (effective hit rate, stable RUSTFLAGS) answer insufficient-data for a single report; that is not a failure. Describe the catalog entity (kind, type, owner, lifecycle, tags) when the policy applies rules only to some entities. Nothing is stored.`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          report: z
            .record(z.unknown())
            .describe('The report JSON object, as collect wrote it'),
          entity: z
            .object({
              kind: z.string().min(1).default('Component'),
              type: z.string().min(1).optional(),
              owner: z.string().min(1).optional(),
              lifecycle: z.string().min(1).optional(),
              tags: z.array(z.string()).default([]),
            })
            .default({})
            .describe(
              "The catalog entity the report is for, for the rules' appliesTo",
            ),
        }),
      output: z =>
        z.object({
          level: z.string().nullable(),
          nextLevel: z
            .object({ id: z.string(), blockingRuleIds: z.array(z.string()) })
            .nullable(),
          ...countsShape(z),
          problems: z
            .array(z.object({ file: z.string(), message: z.string() }))
            .describe('Input files collect could not read'),
          results: z.array(ruleResultSchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      await access.requireRead(credentials);
      const validation = validateReport(input.report);
      if (!validation.ok) {
        throw new InputError(
          `report: not a valid build-cache report:\n${formatReportIssues(
            validation.issues,
          )}`,
        );
      }
      const { report } = validation;
      const evaluation = evaluatePolicy({
        policy: policy.getPolicy().policy,
        input: { entity: input.entity, reports: [report], now: now() },
      });
      return {
        output: {
          ...evaluation,
          problems: (report.problems ?? []).map(({ file, message }) => ({
            file,
            message,
          })),
        },
      };
    },
  });
}

/** An owner ref as a model writes it: `payments` means `group:default/payments`. */
function parseOwnerRef(value: string): string {
  try {
    return normalizeEntityRef(
      stringifyEntityRef(
        parseEntityRef(value.trim(), {
          defaultKind: 'Group',
          defaultNamespace: 'default',
        }),
      ),
    );
  } catch (error) {
    throw new InputError(
      `owner: "${value}" is not an entity ref (expected e.g. group:default/payments): ${error}`,
    );
  }
}
