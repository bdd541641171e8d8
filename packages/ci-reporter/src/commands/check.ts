import { resolve } from 'node:path';
import {
  DEFAULT_POLICY,
  evaluatePolicy,
  formatPolicyIssues,
  validatePolicy,
  type BuildCacheReport,
  type PolicyConfig,
  type PolicyEntity,
  type PolicyEvaluation,
  type RuleOutcome,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatRepository } from '../ci/repository';
import { parseCommandArgs, parsePositiveInteger } from '../lib/args';
import { backendEndpoint } from '../lib/backendUrl';
import {
  errorField,
  errorMessage,
  EXIT_FAILURE,
  EXIT_OK,
  InputError,
  UsageError,
} from '../lib/errors';
import { readRequiredInputFile } from '../lib/files';
import { displayPath } from '../lib/paths';
import { cell } from '../lib/summary';
import type { System } from '../lib/system';
import { appendGitHubStepSummary, DEFAULT_REPORT_FILE } from './collect';
import { DEFAULT_TIMEOUT_MS, loadReport } from './push';

const POLICY_PATH = '/api/rust-build-cache/policy';
const DEFAULT_ENTITY_KIND = 'Component';

export const checkHelp = `Usage: rust-build-cache check [flags]

Checks one report written by 'collect' against the build-cache policy and prints each rule
that fails, with what to change. Rules that need several runs (effective hit rate, stable
RUSTFLAGS) report "insufficient data" for a single report unless the policy's minimum
allows one run; that is not a failure.

Policy (one of; default: the built-in bronze/silver/gold policy):
  --policy FILE      a policy as JSON: { "baseline"?, "rules": [...], "levels": [...] }
  --url URL          fetch the organisation's policy from the Backstage backend
                     (GET <url>${POLICY_PATH})
  --token TOKEN      bearer token for --url (default: $RUST_BUILD_CACHE_TOKEN)
  --timeout-ms MS    time limit of the request (default: ${DEFAULT_TIMEOUT_MS})

Report and catalog entity (for the rules' appliesTo):
  --report FILE      report to check (default: ${DEFAULT_REPORT_FILE})
  --kind KIND        entity kind (default: ${DEFAULT_ENTITY_KIND})
  --type TYPE        entity spec.type, e.g. service
  --owner REF        owner entity ref, e.g. group:default/payments
  --lifecycle NAME   entity spec.lifecycle, e.g. production
  --tag TAG          entity tag; repeat for several

On GitHub Actions (GITHUB_STEP_SUMMARY set) a Markdown table of the results is appended to
the step summary.

Exit codes: 0 no rule of severity 'error' fails, 1 one does (or an input file or the policy
is missing or invalid), 2 bad command line.
`;

const CHECK_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  report: { type: 'string' },
  policy: { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  'timeout-ms': { type: 'string' },
  kind: { type: 'string' },
  type: { type: 'string' },
  owner: { type: 'string' },
  lifecycle: { type: 'string' },
  tag: { type: 'string', multiple: true },
} as const;

type CheckFlags = ReturnType<typeof parseCommandArgs<typeof CHECK_OPTIONS>>;

export async function checkCommand(
  args: string[],
  system: System,
): Promise<number> {
  const flags = parseCommandArgs('check', args, CHECK_OPTIONS);
  if (flags.help) {
    system.stdout(checkHelp);
    return EXIT_OK;
  }
  if (flags.policy !== undefined && flags.url !== undefined)
    throw new UsageError('pass either --policy or --url, not both');
  const entity = toEntity(flags);
  const report = await loadReport(
    system,
    resolve(system.cwd, flags.report ?? DEFAULT_REPORT_FILE),
  );
  const policy = await loadPolicy(system, flags);

  const evaluation = evaluatePolicy({
    policy,
    input: { entity, reports: [report], now: system.now() },
  });
  system.stdout(formatConsoleResults(report, evaluation));
  await appendGitHubStepSummary(
    system,
    formatMarkdownResults(report, evaluation),
    message => system.stderr(`warning: ${message}\n`),
  );
  return evaluation.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

function toEntity(flags: CheckFlags): PolicyEntity {
  for (const name of ['kind', 'type', 'owner', 'lifecycle'] as const) {
    if (flags[name] !== undefined && flags[name].trim() === '')
      throw new UsageError(`--${name} must not be empty`);
  }
  return {
    kind: flags.kind ?? DEFAULT_ENTITY_KIND,
    type: flags.type,
    owner: flags.owner,
    lifecycle: flags.lifecycle,
    tags: flags.tag ?? [],
  };
}

async function loadPolicy(
  system: System,
  flags: CheckFlags,
): Promise<PolicyConfig> {
  if (flags.policy !== undefined) {
    const path = resolve(system.cwd, flags.policy);
    const where = `policy at ${displayPath(system.cwd, path)}`;
    const text = await readRequiredInputFile(system, path, 'policy');
    return parsePolicy(text, where);
  }
  if (flags.url !== undefined) return fetchPolicy(system, flags, flags.url);
  system.stderr(
    'note: no --policy or --url given: checking against the built-in default policy\n',
  );
  return DEFAULT_POLICY;
}

function parsePolicy(
  text: string,
  where: string,
  /** The backend answers `{ policy, source }` (PolicyResponse): take its `policy`. */
  wrapped = false,
): PolicyConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${where}: invalid JSON (${errorMessage(error)})`);
  }
  if (wrapped) {
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      !('policy' in parsed)
    ) {
      throw new InputError(`${where}: the answer has no "policy" field`);
    }
    parsed = parsed.policy;
  }
  const validation = validatePolicy(parsed);
  if (!validation.ok) {
    throw new InputError(
      `${where}: not a valid policy:\n${formatPolicyIssues(validation.issues)}`,
    );
  }
  return validation.policy;
}

/** GET <url>/api/rust-build-cache/policy, which answers `{ policy, source }`. */
async function fetchPolicy(
  system: System,
  flags: CheckFlags,
  baseUrl: string,
): Promise<PolicyConfig> {
  const endpoint = backendEndpoint(baseUrl, POLICY_PATH);
  const timeoutMs =
    flags['timeout-ms'] !== undefined
      ? parsePositiveInteger(flags['timeout-ms'], '--timeout-ms')
      : DEFAULT_TIMEOUT_MS;
  const token = flags.token ?? system.env.RUST_BUILD_CACHE_TOKEN;
  let response: Response;
  let text: string;
  try {
    response = await system.fetch(endpoint, {
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const reason =
      errorField(error, 'name') === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : errorMessage(errorField(error, 'cause') ?? error);
    throw new InputError(`cannot fetch the policy from ${endpoint}: ${reason}`);
  }
  if (response.status === 404) {
    throw new InputError(
      `the backend does not serve a policy yet; pass --policy (GET ${endpoint} answered 404)`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new InputError(
      `GET ${endpoint} answered ${response.status}: check the token (--token or RUST_BUILD_CACHE_TOKEN)`,
    );
  }
  if (response.status !== 200) {
    throw new InputError(`GET ${endpoint} answered ${response.status}`);
  }
  return parsePolicy(text, `policy from ${endpoint}`, true);
}

const OUTCOME_LABELS: Record<RuleOutcome, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  exempt: 'EXEMPT',
  'not-applicable': 'N/A',
  'insufficient-data': 'NO DATA',
};

const needsAction = (result: RuleOutcome) =>
  result === 'fail' || result === 'warn';

function describeCounts(evaluation: PolicyEvaluation): string {
  return (
    `${evaluation.passed} passed, ${evaluation.failed} failed, ${evaluation.warned} warnings, ` +
    `${evaluation.exempt} exempt, ${evaluation.notApplicable} not applicable, ` +
    `${evaluation.insufficientData} insufficient data`
  );
}

function describeLevel(evaluation: PolicyEvaluation): string {
  return evaluation.level ?? 'none';
}

/** Every rule on one line; failing and warning rules also say what to change. */
function formatConsoleResults(
  report: BuildCacheReport,
  evaluation: PolicyEvaluation,
): string {
  const { source } = report;
  const lines = [
    `rust-build-cache policy check: ${formatRepository(
      source.repository,
    )} workspace ${source.workspacePath}, run ${source.ci.runId}`,
    `  Level: ${describeLevel(evaluation)}; ${describeCounts(evaluation)}`,
  ];
  // Broken input files collect recorded: the rules below judge the report without them.
  for (const problem of report.problems ?? []) {
    lines.push(`  Problem: ${problem.file}: ${problem.message}`);
  }
  for (const result of evaluation.results) {
    lines.push(
      `  ${OUTCOME_LABELS[result.result].padEnd(7)} ${result.ruleId} (${
        result.severity
      }): ${result.summary}`,
    );
    if (needsAction(result.result))
      lines.push(`          Fix: ${result.remediation}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The Markdown table appended to GitHub's step summary. */
function formatMarkdownResults(
  report: BuildCacheReport,
  evaluation: PolicyEvaluation,
): string {
  const { source } = report;
  const lines = [
    `### Rust build cache policy: \`${cell(source.workspacePath)}\` (${cell(
      formatRepository(source.repository),
    )})`,
    '',
    `Level: **${cell(describeLevel(evaluation))}**; ${describeCounts(
      evaluation,
    )}`,
    '',
    ...(report.problems ?? []).map(
      problem =>
        `- Problem: \`${cell(problem.file)}\`: ${cell(problem.message)}`,
    ),
    ...(report.problems?.length ? [''] : []),
    '| Result | Rule | Severity | Summary | What to change |',
    '|---|---|---|---|---|',
  ];
  for (const result of evaluation.results) {
    lines.push(
      `| ${OUTCOME_LABELS[result.result]} | ${cell(result.title)} (\`${
        result.ruleId
      }\`) | ${result.severity} | ${cell(result.summary)} | ${
        needsAction(result.result) ? cell(result.remediation) : ''
      } |`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
