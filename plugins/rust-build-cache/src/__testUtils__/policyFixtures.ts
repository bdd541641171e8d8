import {
  DEFAULT_POLICY,
  evaluatePolicy,
  summarisePolicyResults,
  type BuildCacheReport,
  type EntityScorecard,
  type LevelShare,
  type PolicyConfig,
  type PolicyExemption,
  type RuleOutcome,
  type ScorecardEntityRow,
  type ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { realReport as recordedReport } from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';

// Scorecards for the tests, evaluated by the common package's own evaluatePolicy from the
// real reports it keeps as policy fixtures (real sccache 0.4 / rustc 1.95 builds; see
// plugins/rust-build-cache-common/src/policy/__fixtures__/README.md), not made-up numbers.
function realReport(
  name: Parameters<typeof recordedReport>[0],
  runId: string,
): BuildCacheReport {
  const report = recordedReport(name);
  report.source.ci.runId = runId;
  return report;
}

/** The real reports were recorded on 2026-11-27 around 17:38 UTC. */
export const EVALUATED_AT = new Date('2026-11-27T18:00:00Z');

export const POLICY: PolicyConfig = DEFAULT_POLICY;

interface DemoService {
  entityRef: string;
  owner: string | null;
  reports: BuildCacheReport[];
}

/** Four services, newest report first, each with three CI runs. */
function demoServices(): DemoService[] {
  return [
    {
      entityRef: 'component:default/billing-api',
      owner: 'group:default/payments',
      // The real build, with the two settings the demo's compliant service adds: an
      // exact toolchain pin (the rustc 1.95.0 it built with) and SCCACHE_CACHE_SIZE.
      reports: ['103', '102', '101'].map(id => {
        const report = realReport('billing-api-warm', id);
        report.toolchain.file = {
          file: 'rust-toolchain.toml',
          channel: '1.95.0',
          path: null,
          components: [],
          targets: [],
          profile: null,
        };
        report.build.env.sccacheCacheSize = '10G';
        return report;
      }),
    },
    {
      entityRef: 'component:default/ledger-worker',
      owner: 'group:default/payments',
      reports: ['203', '202', '201'].map(id =>
        realReport('ledger-worker-warm', id),
      ),
    },
    {
      entityRef: 'component:default/search-indexer',
      owner: 'group:default/discovery',
      reports: ['303', '302', '301'].map(id =>
        realReport('search-indexer-warm', id),
      ),
    },
    {
      entityRef: 'component:default/rate-limiter',
      owner: null,
      reports: [
        realReport('rate-limiter-warm', '403'),
        realReport('rate-limiter-rustflags-changed', '402'),
        realReport('rate-limiter-warm', '401'),
      ],
    },
  ];
}

/** The stored scorecard of each demo service, as the backend would keep it. */
export function demoScorecards(
  exemptions: Record<string, PolicyExemption[]> = {},
): EntityScorecard[] {
  return demoServices().map(service => {
    const evaluation = evaluatePolicy({
      policy: POLICY,
      input: {
        entity: {
          kind: 'Component',
          type: 'service',
          tags: ['rust'],
          owner: service.owner ?? undefined,
        },
        reports: service.reports,
        now: EVALUATED_AT,
      },
      exemptions: exemptions[service.entityRef] ?? [],
    });
    const { results, level, nextLevel } = evaluation;
    return {
      entityRef: service.entityRef,
      owner: service.owner,
      level,
      nextLevel,
      counts: summarisePolicyResults(results),
      results,
      evaluatedAt: EVALUATED_AT.toISOString(),
    };
  });
}

export function scorecardOf(entityRef: string, scorecards = demoScorecards()) {
  const found = scorecards.find(card => card.entityRef === entityRef);
  if (!found) throw new Error(`no demo scorecard for ${entityRef}`);
  return found;
}

export function rowOf(scorecard: EntityScorecard): ScorecardEntityRow {
  const outcomes: ScorecardEntityRow['outcomes'] = {};
  for (const result of scorecard.results)
    outcomes[result.ruleId] = result.result;
  return {
    entityRef: scorecard.entityRef,
    owner: scorecard.owner,
    level: scorecard.level,
    counts: scorecard.counts,
    outcomes,
    evaluatedAt: scorecard.evaluatedAt,
  };
}

const ERROR_RULES = new Set(
  POLICY.rules.filter(rule => rule.severity === 'error').map(rule => rule.id),
);

/** No failing rule of severity error (exempt ones do not fail). */
function isCompliant(scorecard: EntityScorecard): boolean {
  return !scorecard.results.some(
    r => ERROR_RULES.has(r.ruleId) && r.result === 'fail',
  );
}

function levelShares(scorecards: EntityScorecard[]): LevelShare[] {
  const order = POLICY.levels.map(level => level.id);
  return POLICY.levels.map((level, index) => {
    const entities = scorecards.filter(
      card => card.level !== null && order.indexOf(card.level) >= index,
    ).length;
    return {
      levelId: level.id,
      title: level.title,
      entities,
      share: scorecards.length ? entities / scorecards.length : null,
    };
  });
}

const COUNT_KEY: Record<RuleOutcome, keyof EntityScorecard['counts']> = {
  pass: 'passed',
  fail: 'failed',
  warn: 'warned',
  exempt: 'exempt',
  'not-applicable': 'notApplicable',
  'insufficient-data': 'insufficientData',
};

/** The org summary of the scorecards, computed the way the contract describes it. */
export function summaryOf(scorecards: EntityScorecard[]): ScorecardSummary {
  const compliant = scorecards.filter(isCompliant).length;
  const owners = [...new Set(scorecards.map(card => card.owner))].map(owner => {
    const mine = scorecards.filter(card => card.owner === owner);
    const mineCompliant = mine.filter(isCompliant).length;
    return {
      owner,
      entities: mine.length,
      compliant: mineCompliant,
      compliance: mineCompliant / mine.length,
      levels: levelShares(mine),
      failed: mine.reduce((sum, card) => sum + card.counts.failed, 0),
      warned: mine.reduce((sum, card) => sum + card.counts.warned, 0),
    };
  });
  const rules = POLICY.rules.map(rule => {
    const counts = {
      passed: 0,
      failed: 0,
      warned: 0,
      exempt: 0,
      notApplicable: 0,
      insufficientData: 0,
    };
    let title: string = rule.id;
    for (const card of scorecards) {
      const result = card.results.find(r => r.ruleId === rule.id);
      if (!result) continue;
      title = result.title;
      counts[COUNT_KEY[result.result]] += 1;
    }
    return { ruleId: rule.id, title, severity: rule.severity, ...counts };
  });
  return {
    evaluatedAt: scorecards.length ? EVALUATED_AT.toISOString() : null,
    entities: scorecards.length,
    compliant,
    compliance: scorecards.length ? compliant / scorecards.length : null,
    levels: levelShares(scorecards),
    owners,
    rules,
  };
}
