import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRepository,
  fixActionForRule,
  isExactToolchainPin,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
  type RuleResult,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/** What the fix links are built from, besides the scorecard's results. */
export interface FixPullRequestSource {
  entity: Entity;
  /** The rustc release of the latest CI run (`report.toolchain.rustc.release`), if any. */
  ciRustRelease: string | null;
  /** The policy's `baseline.rustRelease`, if any. */
  baselineRustRelease: string | null;
}

/** Results that fail (at any severity); exempt ones are not offered a fix. */
const FAILING = new Set(['fail', 'warn']);

/** Whether a result gets an "Open a fix pull request" link. */
export function hasMechanicalFix(result: RuleResult): boolean {
  return (
    FAILING.has(result.result) && fixActionForRule(result.ruleId) !== undefined
  );
}

/**
 * The form data of the "Fix Rust build caching" template for a service: every failing rule
 * with a mechanical fix (one pull request fixes them together; the form can untick some),
 * with its evidence. Undefined when the service has no such rule or its repository is not on
 * GitHub (the template publishes with `publish:github:pull-request`).
 */
export function fixPullRequestFormData(
  source: FixPullRequestSource,
  results: RuleResult[],
): Record<string, unknown> | undefined {
  const fixable = results.filter(hasMechanicalFix);
  const repository = entityRepository(source.entity.metadata.annotations);
  const match =
    repository && /^([^/]+)\/([^/]+)\/([^/]+?)\/*$/.exec(repository.trim());
  if (fixable.length === 0 || !match || match[1].toLowerCase() === 'gitlab.com')
    return undefined;
  const [, host, owner, name] = match;
  const fixes = [
    ...new Set(fixable.map(result => fixActionForRule(result.ruleId)!)),
  ];
  const release = [source.ciRustRelease, source.baselineRustRelease].find(
    candidate => candidate && isExactToolchainPin(candidate),
  );
  return {
    entityRef: stringifyEntityRef(source.entity),
    repoUrl: `${host}?owner=${owner}&repo=${name}`,
    sourceUrl: `https://${host}/${owner}/${name}`,
    workspaceDir:
      source.entity.metadata.annotations?.[
        RUST_BUILD_CACHE_WORKSPACE_ANNOTATION
      ] ?? '.',
    fixes,
    ...(release ? { release } : {}),
    rules: fixable.map(result => ({
      id: result.ruleId,
      title: result.title,
      evidence: result.summary,
      fix: fixActionForRule(result.ruleId),
    })),
  };
}
